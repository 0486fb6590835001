package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web page at / in a real headless Chromium: a Musk v. Altman-like case made through the API,
 * opened in the page, its DOM checked (caption, status, claims with outcomes, timeline, calendar link
 * with a working feed token) and its screenshot looked at (size, not blank).
 */
@DocketWatchIT
class WebPageIT {
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create();

    @Client
    static Api api;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reporter;

    static String caseId;
    static String upcoming;
    static String chromium;

    @BeforeAll
    static void setUp() throws Exception {
        chromium = findOrInstallChromium();
        String court = "nd" + Long.toHexString(System.nanoTime());
        api.post(
                        "/api/v1/courts",
                        editor,
                        Map.of(
                                "id",
                                court,
                                "name",
                                "U.S. District Court, N.D. Cal.",
                                "jurisdiction",
                                "federal",
                                "timezone",
                                "America/Los_Angeles"))
                .expect(201);
        caseId = api.post(
                        "/api/v1/cases",
                        editor,
                        Map.of(
                                "court",
                                court,
                                "docket_number",
                                "4:24-cv-04722-YGR",
                                "caption",
                                "Musk v. Altman",
                                "filed_on",
                                "2024-08-05",
                                "judge",
                                "Yvonne Gonzalez Rogers",
                                "nature_of_suit",
                                "Contract: Other"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        String c = "/api/v1/cases/" + caseId;
        api.post(
                        c + "/parties",
                        editor,
                        Map.of(
                                "name",
                                "Elon Musk",
                                "role",
                                "plaintiff",
                                "counsel",
                                List.of(Map.of("name", "Marc Toberoff", "firm", "Toberoff & Associates"))))
                .expect(201);
        String openai = api.post(c + "/parties", editor, Map.of("name", "OpenAI, Inc.", "role", "defendant"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        String altman = api.post(c + "/parties", editor, Map.of("name", "Samuel Altman", "role", "defendant"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        api.post(
                        c + "/filings",
                        editor,
                        Map.of("entry_number", 1, "filed_on", "2024-08-05", "kind", "complaint", "title", "Complaint"))
                .expect(201);
        api.post(
                        c + "/filings",
                        editor,
                        Map.of(
                                "entry_number",
                                46,
                                "filed_on",
                                "2024-11-29",
                                "kind",
                                "motion",
                                "title",
                                "Motion for preliminary injunction"))
                .expect(201);
        String order = api.post(
                        c + "/filings",
                        editor,
                        Map.of(
                                "entry_number",
                                121,
                                "filed_on",
                                "2025-03-04",
                                "kind",
                                "order",
                                "title",
                                "Order denying motion for preliminary injunction"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        String contract = claim(c, editor, "Breach of contract", List.of(openai));
        String fraud = claim(c, editor, "Fraud", List.of(openai, altman));
        claim(c, editor, "Unfair competition", List.of(openai));
        api.patch(
                        c + "/claims/" + contract,
                        editor,
                        Map.of("status", "dismissed", "reason", "No written contract pleaded", "filing_id", order))
                .expect(200);
        api.patch(c + "/claims/" + fraud, editor, Map.of("status", "survived", "filing_id", order))
                .expect(200);
        api.post(c + "/status-changes", editor, Map.of("status", "stayed", "effective_on", "2025-03-10"))
                .expect(201);
        api.post(c + "/status-changes", editor, Map.of("status", "open", "effective_on", "2025-04-01"))
                .expect(201);
        ZonedDateTime soon = ZonedDateTime.now(ZoneId.of("America/Los_Angeles"))
                .plusDays(20)
                .truncatedTo(ChronoUnit.DAYS)
                .withHour(10);
        upcoming = api.post(
                        c + "/hearings",
                        editor,
                        Map.of(
                                "kind",
                                "pretrial_conference",
                                "scheduled_at",
                                soon.toOffsetDateTime().toString(),
                                "location",
                                "Oakland, Courtroom 1, 4th Floor"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        api.post(
                        c + "/hearings",
                        editor,
                        Map.of(
                                "kind",
                                "trial",
                                "scheduled_at",
                                soon.plusDays(40).toOffsetDateTime().toString(),
                                "location",
                                "Oakland, Courtroom 1, 4th Floor"))
                .expect(201);
        String vacated = api.post(
                        c + "/hearings",
                        editor,
                        Map.of(
                                "kind",
                                "motion_hearing",
                                "scheduled_at",
                                OffsetDateTime.from(soon.plusDays(5)).toString()))
                .expect(201)
                .json()
                .get("id")
                .asText();
        api.patch(c + "/hearings/" + vacated, editor, Map.of("status", "vacated"))
                .expect(200);
    }

    @Test
    void theCasePageShowsCaptionStatusClaimsTimelineAndACalendarLink() throws Exception {
        String dom = chromium("--dump-dom", url());
        assertThat(dom).contains("data-state=\"ready\"");
        assertThat(dom).contains("<h2 id=\"caption\">Musk v. Altman</h2>");
        assertThat(dom).contains("No. 4:24-cv-04722-YGR").contains("Judge Yvonne Gonzalez Rogers");
        assertThat(dom).containsPattern("id=\"status\"[^>]*>Open</span>");
        assertThat(dom).contains("Plaintiff: Elon Musk (Marc Toberoff, Toberoff &amp; Associates)");

        assertThat(count(dom, "<tr class=\"claim\"")).isEqualTo(3);
        assertThat(dom).containsPattern("Breach of contract</div>.*?class=\"outcome dismissed\">Dismissed</span>");
        assertThat(dom).containsPattern("Fraud</div>.*?class=\"outcome survived\">Survived</span>");
        assertThat(dom).contains("No written contract pleaded");

        int entries = api.get("/api/v1/cases/" + caseId + "/timeline?limit=500", reporter)
                .expect(200)
                .json()
                .get("data")
                .size();
        assertThat(entries).isGreaterThanOrEqualTo(14);
        assertThat(count(dom, "class=\"tl-item\"")).isEqualTo(entries);
        assertThat(dom)
                .contains("data-type=\"filing\"")
                .contains("data-type=\"status_change\"")
                .contains("data-type=\"claim_change\"")
                .contains("data-type=\"hearing_vacated\"");
        assertThat(dom).contains("Dkt. 121: Order denying motion for preliminary injunction (Order)");

        assertThat(count(dom, "class=\"hearing ")).isEqualTo(3);
        assertThat(dom)
                .contains("class=\"hearing vacated\"")
                .contains("Pretrial conference — Oakland, Courtroom 1, 4th Floor");
        Matcher ics = Pattern.compile("id=\"ics-link\" href=\"([^\"]+)\"").matcher(dom);
        assertThat(ics.find()).isTrue();
        String link = ics.group(1).replace("&amp;", "&");
        assertThat(link).startsWith(api.base() + "/api/v1/cases/" + caseId + "/hearings.ics?token=dwf_");
        assertThat(dom).containsPattern("id=\"webcal-link\" href=\"webcal://[^\"]+/hearings.ics\\?token=dwf_");
        // The page never shows (or puts in a link) the API key; the feed token it minted opens the calendar.
        assertThat(dom).doesNotContain(reporter);
        Api.Resp calendar = api.get(link.substring(api.base().length()), null).expect(200);
        assertThat(calendar.body()).contains("UID:hearing-" + upcoming + "@docketwatch");
    }

    @Test
    void screenshotIsAFullNonBlankPage() throws Exception {
        Path png = Files.createTempFile("docketwatch-page", ".png");
        chromium("--screenshot=" + png, url());
        assertThat(Files.size(png)).as("PNG size").isGreaterThan(20_000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(1600);
        Set<Integer> colours = new HashSet<>();
        int notBackground = 0;
        int samples = 0;
        int background = image.getRGB(image.getWidth() - 2, image.getHeight() - 2);
        for (int y = 5; y < image.getHeight(); y += 16) {
            for (int x = 5; x < image.getWidth(); x += 16) {
                int rgb = image.getRGB(x, y);
                colours.add(rgb);
                notBackground += rgb == background ? 0 : 1;
                samples++;
            }
        }
        assertThat(colours.size()).as("distinct colours sampled").isGreaterThan(10);
        assertThat(notBackground * 100 / samples)
                .as("percent of samples that are not page background")
                .isGreaterThan(20);
        // The header bar is the page's dark navy, not a blank or error page.
        int header = image.getRGB(640, 10);
        assertThat((header & 0xff) + ((header >> 8) & 0xff) + ((header >> 16) & 0xff))
                .isLessThan(200);
        Files.copy(png, Path.of("target", "webpage.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void withoutAKeyThePageAsksForOne() throws Exception {
        String dom = chromium("--dump-dom", api.base() + "/");
        assertThat(dom).contains("data-state=\"login\"").contains("id=\"key\"");
        Api.Resp page = api.get("/", null).expect(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        // Only the page's own script runs (by hash), never an injected one.
        assertThat(page.header("Content-Security-Policy")).containsPattern("script-src 'sha256-[A-Za-z0-9+/=]+';");
    }

    @Test
    void aFeedTokenMintedUnderOneKeyIsNotUsedUnderAnother() throws Exception {
        String a = api.key("reporter");
        String b = api.key("reporter");
        // One browser profile throughout: local storage outlives each run, as it outlives a tab.
        Path browser = Files.createTempDirectory("chromium-profile");
        String first = icsToken(chromium(browser, "--dump-dom", url(a)));
        assertThat(icsToken(chromium(browser, "--dump-dom", url(a))))
                .as("the same key in the same browser reuses its token")
                .isEqualTo(first);

        String second = icsToken(chromium(browser, "--dump-dom", url(b)));
        assertThat(second).as("key B's page never links key A's token").isNotEqualTo(first);
        JsonNode mine = api.get("/api/v1/feed-tokens", b).expect(200).json().get("data");
        assertThat(mine).hasSize(1);
        String ics = "/api/v1/cases/" + caseId + "/hearings.ics?token=" + second;
        api.get(ics, null).expect(200);
        api.delete("/api/v1/feed-tokens/" + mine.get(0).get("id").asText(), b).expect(204);
        api.get(ics, null).problem(401); // it was B's token

        // Key A's token was dropped from the browser, not kept aside: back under A, a new one is minted.
        String third = icsToken(chromium(browser, "--dump-dom", url(a)));
        assertThat(third).isNotEqualTo(first).isNotEqualTo(second);
        assertThat(api.get("/api/v1/feed-tokens", a).expect(200).json().get("data"))
                .hasSize(2);
    }

    private static String icsToken(String dom) {
        assertThat(dom).contains("data-state=\"ready\"");
        Matcher m = Pattern.compile("id=\"ics-link\" href=\"[^\"]+/hearings\\.ics\\?token=(dwf_[^\"&]+)\"")
                .matcher(dom);
        assertThat(m.find()).as("the calendar link with a feed token").isTrue();
        return m.group(1);
    }

    private static String url() {
        return url(reporter);
    }

    private static String url(String key) {
        // The key travels in the fragment, which the browser never sends to a server; the page moves it
        // to session storage and removes it from the address at once.
        return api.base() + "/#key=" + key + "&case=" + caseId;
    }

    private static String claim(String c, String editor, String title, List<String> against) {
        return api.post(c + "/claims", editor, Map.of("title", title, "against", against))
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /** Runs headless Chromium on {@code url}; returns what it printed (the DOM for --dump-dom). */
    private static String chromium(String action, String url) throws IOException, InterruptedException {
        return chromium(Files.createTempDirectory("chromium-profile"), action, url);
    }

    /** The same with the browser profile (local storage and all) in {@code profile}. */
    private static String chromium(Path profile, String action, String url) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=1280,1600",
                "--hide-scrollbars",
                "--virtual-time-budget=20000",
                action,
                url));
        Path out = Files.createTempFile("chromium", ".out");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        assertThat(p.exitValue()).as("chromium exit code").isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Debian's chromium; installed with .ci/install-chromium when missing (as root). */
    private static String findOrInstallChromium() throws InterruptedException {
        String found = find();
        if (found == null) {
            try {
                Process install = new ProcessBuilder("bash", ".ci/install-chromium")
                        .inheritIO()
                        .start();
                install.waitFor(15, TimeUnit.MINUTES);
            } catch (IOException e) {
                // fall through to the assumption below
            }
            found = find();
        }
        Assumptions.assumeTrue(
                found != null,
                "Skipped: chromium is not installed and .ci/install-chromium could not install it (needs root and apt)");
        return found;
    }

    private static String find() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium")) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        return null;
    }
}
