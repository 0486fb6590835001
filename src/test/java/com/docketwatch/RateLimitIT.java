package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Per-key rate limits (a tiny one here: 3 at once, then one every 5 s): 429 with Retry-After as
 * problem+json; feed tokens count against their key. The admin key that issues the keys has a bucket too: the tests together issue three.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RateLimitIT {
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.withRateLimit(12, 3);

    @Test
    void eachKeyHasItsOwnBucketAndA429SaysWhenToRetry() throws Exception {
        Api api = TestApp.api(APP);
        String first = api.key("reporter");
        String second = api.key("reporter");

        for (int i = 0; i < 3; i++) {
            api.get("/api/v1/courts", first).expect(200);
        }
        Api.Resp limited = api.get("/api/v1/courts", first);
        JsonNode problem = limited.problem(429);
        assertThat(problem.get("detail").asText()).contains("rate limit");
        int retryAfter = Integer.parseInt(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 5);

        // Another key is not slowed down by the first, and requests without a valid key are not counted.
        api.get("/api/v1/courts", null).problem(401);
        api.get("/api/v1/courts", second).expect(200);

        Thread.sleep(retryAfter * 1000L + 100);
        api.get("/api/v1/courts", first).expect(200);
        api.get("/api/v1/courts", first).problem(429);
    }

    @Test
    void feedTokensCountAgainstTheKeyThatMintedThem() {
        Api api = TestApp.api(APP);
        String key = api.key("reporter");
        // Two requests of the key's three: two feed tokens.
        String first = token(api, key, "calendar");
        String second = token(api, key, "feed reader");

        api.get("/api/v1/hearings.ics?token=" + first, null).expect(200);
        // Neither another token of the key nor the key itself has a fresh bucket.
        Api.Resp limited = api.get("/api/v1/hearings.ics?token=" + second, null);
        assertThat(limited.problem(429).get("detail").asText())
                .contains("The API key that minted this feed token")
                .contains("rate limit");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 5);
        api.get("/api/v1/courts", key).problem(429);
        api.get("/api/v1/filings.atom?token=" + first, null).problem(429);
    }

    private static String token(Api api, String key, String name) {
        String token = api.post("/api/v1/feed-tokens", key, Map.of("name", name))
                .expect(201)
                .json()
                .get("token")
                .asText();
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
