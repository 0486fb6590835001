package com.docketwatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeFeedTest {
    @Test
    void transactionIdsInACursorAreUnsigned64BitNumbersInCanonicalDigits() {
        assertThat(ChangeFeed.isTransactionId("0")).isTrue();
        assertThat(ChangeFeed.isTransactionId("751")).isTrue();
        assertThat(ChangeFeed.isTransactionId("18446744073709551615")).isTrue();
        assertThat(ChangeFeed.isTransactionId("18446744073709551616")).isFalse();
        assertThat(ChangeFeed.isTransactionId("99999999999999999999")).isFalse();
        assertThat(ChangeFeed.isTransactionId("0751")).isFalse();
        assertThat(ChangeFeed.isTransactionId("")).isFalse();
        assertThat(ChangeFeed.isTransactionId("-1")).isFalse();
        assertThat(ChangeFeed.isTransactionId("+1")).isFalse();
    }
}
