package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Polite polling: a strong ETag on every successful GET, and 304 without a body for If-None-Match. */
@DocketWatchIT
class ETagIT {
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create();

    @Client
    static Api api;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reporter;

    @Court
    static String court;

    @Test
    void singleResourceHasAStrongETagOfItsBytesAndRevalidatesTo304() throws Exception {
        String c = "/api/v1/cases/" + api.newCase(editor, court);
        Api.Resp first = api.get(c, reporter).expect(200);
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"").doesNotStartWith("W/");
        String sha = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(first.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(etag).isEqualTo("\"" + sha + "\"");
        assertThat(api.get(c, reporter).expect(200).header("ETag")).isEqualTo(etag);

        Api.Resp same = api.send("GET", c, reporter, null, null, "If-None-Match", etag);
        assertThat(same.status()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.header("ETag")).isEqualTo(etag);
        assertThat(api.send("GET", c, reporter, null, null, "If-None-Match", "\"other\", W/" + etag)
                        .status())
                .isEqualTo(304);
        assertThat(api.send("GET", c, reporter, null, null, "If-None-Match", "*")
                        .status())
                .isEqualTo(304);
        assertThat(api.send("GET", c, reporter, null, null, "If-None-Match", "\"other\"")
                        .status())
                .isEqualTo(200);

        api.patch(c, editor, Map.of("judge", "Yvonne Gonzalez Rogers")).expect(200);
        Api.Resp changed = api.send("GET", c, reporter, null, null, "If-None-Match", etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.json().get("judge").asText()).isEqualTo("Yvonne Gonzalez Rogers");
    }

    @Test
    void listPagesAndCalendarsHaveETagsToo() {
        String mine = api.court(editor);
        api.newCase(editor, mine);
        String list = "/api/v1/cases?court=" + mine;
        Api.Resp page = api.get(list, reporter).expect(200);
        String etag = page.header("ETag");
        assertThat(etag).isNotNull();
        assertThat(api.send("GET", list, reporter, null, null, "If-None-Match", etag)
                        .status())
                .isEqualTo(304);
        String id = api.newCase(editor, mine);
        assertThat(api.send("GET", list, reporter, null, null, "If-None-Match", etag)
                        .status())
                .isEqualTo(200);

        String ics = "/api/v1/cases/" + id + "/hearings.ics";
        String calendarTag = api.get(ics, reporter).expect(200).header("ETag");
        assertThat(api.send("GET", ics, reporter, null, null, "If-None-Match", calendarTag)
                        .status())
                .isEqualTo(304);
        api.post(
                        "/api/v1/cases/" + id + "/hearings",
                        editor,
                        Map.of("kind", "trial", "scheduled_at", "2026-10-01T09:00:00-07:00"))
                .expect(201);
        assertThat(api.send("GET", ics, reporter, null, null, "If-None-Match", calendarTag)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void errorsAndWritesCarryNone() {
        assertThat(api.get("/api/v1/cases/999999999", reporter).expect(404).header("ETag"))
                .isNull();
        assertThat(api.post(
                                "/api/v1/cases/" + api.newCase(editor, court) + "/filings",
                                editor,
                                Map.of("filed_on", "2024-01-02", "kind", "notice", "title", "Notice"))
                        .expect(201)
                        .header("ETag"))
                .isNull();
    }
}
