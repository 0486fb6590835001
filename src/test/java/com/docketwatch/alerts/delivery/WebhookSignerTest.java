package com.docketwatch.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {
    /** The example of the Standard Webhooks specification (its secret, message id, timestamp and payload). */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsAsTheSpecificationsExample() {
        assertThat(WebhookSigner.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void aSignatureDependsOnlyOnItsOwnKeyAndMessage() throws Exception {
        String other = WebhookSigner.newSecret();
        String otherSignature = WebhookSigner.sign(other, ID, TIMESTAMP, BODY);
        assertThat(otherSignature).isNotEqualTo(EXPECTED);
        // Alternating keys on one thread, and signing on many threads at once, leave nothing of one signature in
        // the next (the HMAC is reused per thread).
        assertThat(WebhookSigner.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
        assertThat(WebhookSigner.sign(other, ID, TIMESTAMP, BODY)).isEqualTo(otherSignature);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean mine = i % 2 == 0;
                checks.add(pool.submit(() -> mine
                        ? WebhookSigner.sign(SECRET, ID, TIMESTAMP, BODY).equals(EXPECTED)
                        : WebhookSigner.sign(other, ID, TIMESTAMP, BODY).equals(otherSignature)));
            }
            for (Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
