package com.docketwatch.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.docketwatch.platform.errors.ApiException;
import org.junit.jupiter.api.Test;

class CursorTest {
    @Test
    void roundTripsItsKeys() {
        Cursor c = Cursor.decode(Cursor.of("2025-03-04", 42L).encode(), 2);
        assertThat(c.get(0)).isEqualTo("2025-03-04");
        assertThat(c.getLong(1)).isEqualTo(42L);
    }

    @Test
    void garbageOrAnotherListsCursorIs400() {
        String twoKeys = Cursor.of("a", 1).encode();
        assertThatThrownBy(() -> Cursor.decode(twoKeys, 1)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
        assertThatThrownBy(() -> Cursor.decode("!!not base64!!", 1)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PageRequest.of("0", null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PageRequest.of("501", null)).isInstanceOf(ApiException.class);
        assertThat(PageRequest.of(null, "").limit()).isEqualTo(50);
    }
}
