package com.docketwatch.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The start of a receiver's answer as kept in the attempt log. */
class ResponseExcerptTest {
    @Test
    void keepsTheFirstKibAsTextWithControlCharactersCleaned() {
        assertThat(excerpt("ok")).isEqualTo("ok");
        assertThat(excerpt("a\u0000b\u001b[0m\u007fc\u0085d")).isEqualTo("a b [0m c d");
        assertThat(excerpt("line 1\r\nline 2\rline 3\n\tend")).isEqualTo("line 1\nline 2\nline 3\n\tend");
        assertThat(excerpt("")).as("no body").isNull();
        assertThat(excerpt("x".repeat(5000))).hasSize(1024);
    }

    @Test
    void aCharacterCutByTheLimitIsLeftOutAndMalformedBytesReplaced() {
        // 1023 ASCII bytes, then a three-byte character: only its first byte fits.
        assertThat(excerpt("x".repeat(1023) + "€")).isEqualTo("x".repeat(1023));
        assertThat(excerpt("x".repeat(1021) + "€")).isEqualTo("x".repeat(1021) + "€");
        assertThat(excerpt("x".repeat(1022) + "😀")).isEqualTo("x".repeat(1022));
        ResponseExcerpt e = new ResponseExcerpt();
        e.add(ByteBuffer.wrap(new byte[] {'a', (byte) 0xC3, '(', 'b', (byte) 0xFF}));
        assertThat(e.text()).isEqualTo("a\uFFFD(b\uFFFD");
    }

    @Test
    void readsTheAnswerInPiecesAndConsumesThemAll() {
        ResponseExcerpt e = new ResponseExcerpt();
        ByteBuffer first = ByteBuffer.wrap("x".repeat(1000).getBytes(StandardCharsets.UTF_8));
        ByteBuffer second = ByteBuffer.wrap("y".repeat(1000).getBytes(StandardCharsets.UTF_8));
        e.add(first);
        e.add(second);
        assertThat(first.hasRemaining()).isFalse();
        assertThat(second.hasRemaining()).as("the rest is read and dropped").isFalse();
        assertThat(e.text()).isEqualTo("x".repeat(1000) + "y".repeat(24));
    }

    private static String excerpt(String body) {
        ResponseExcerpt e = new ResponseExcerpt();
        e.add(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)));
        return e.text();
    }
}
