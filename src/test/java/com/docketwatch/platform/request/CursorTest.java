package com.docketwatch.platform.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.docketwatch.platform.errors.ApiException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.glassfish.jersey.server.ParamException;
import org.junit.jupiter.api.Test;

class CursorTest {
    @Test
    void roundTripsItsKeys() {
        Cursor c = Cursor.parse(Cursor.of("2025-03-04", 42L).encode()).expect(2);
        assertThat(c.get(0)).isEqualTo("2025-03-04");
        assertThat(c.getLong(1)).isEqualTo(42L);
    }

    @Test
    void garbageIsAnInvalidValue() {
        for (String raw :
                new String[] {"!!not base64!!", "garbage", "\u0000", encoded("v2\u001fa"), encoded("v1\u001fa\u0000b")
                }) {
            assertThatThrownBy(() -> Cursor.parse(raw))
                    .as(raw)
                    .isInstanceOf(InvalidValue.class)
                    .hasMessage("is not a cursor this list returned");
        }
    }

    @Test
    void anotherListsCursorIs400() {
        Cursor twoKeys = Cursor.parse(Cursor.of("a", 1).encode());
        assertThatThrownBy(() -> twoKeys.expect(1))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
        assertThatThrownBy(() -> Cursor.parse(encoded("v1\u001fx")).expect(1).getLong(0))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> new PageRequest(null, Cursor.parse(encoded("v1"))).decode(1))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void pageRequestDefaultsToFiftyRows() {
        assertThat(new PageRequest().limit()).isEqualTo(50);
        assertThat(new PageRequest().decode(1)).isNull();
        assertThat(new PageRequest(new Limit(500), null).fetchSize()).isEqualTo(501);
    }

    @Test
    void aPageRequestIsReadFromTheQueryAndAMalformedPartIsAQueryParamException() {
        MultivaluedHashMap<String, String> query = new MultivaluedHashMap<>();
        query.putSingle("limit", "7");
        query.putSingle("cursor", Cursor.of(3).encode());
        PageRequest page = PageRequestBinder.read(query);
        assertThat(page.limit()).isEqualTo(7);
        assertThat(page.decode(1).getLong(0)).isEqualTo(3);
        query.putSingle("limit", "");
        assertThat(PageRequestBinder.read(query).limit()).isEqualTo(50);
        for (String name : new String[] {"limit", "cursor"}) {
            MultivaluedHashMap<String, String> bad = new MultivaluedHashMap<>();
            bad.putSingle(name, "!!");
            assertThatThrownBy(() -> PageRequestBinder.read(bad))
                    .isInstanceOf(ParamException.QueryParamException.class)
                    .satisfies(e ->
                            assertThat(((ParamException) e).getParameterName()).isEqualTo(name))
                    .hasCauseInstanceOf(InvalidValue.class);
        }
    }

    @Test
    void aSignedCursorVerifiesOnlyUnalteredAndForItsOwnQuery() {
        Cursor.Signer signer = new Cursor.Signer(new byte[32]);
        Cursor signed = Cursor.parse(
                signer.sign(Cursor.of("0.5", 42L, "r", "2024-01-02", 7L), "q=a").encode());
        assertThat(signed.keys()).hasSize(6);
        assertThat(signer.verify(signed, "q=a", 5).keys()).containsExactly("0.5", "42", "r", "2024-01-02", "7");

        java.util.List<String> altered = new java.util.ArrayList<>(signed.keys());
        altered.set(3, "1900-01-01");
        for (Runnable bad : java.util.List.<Runnable>of(
                () -> signer.verify(new Cursor(altered), "q=a", 5),
                () -> signer.verify(signed, "q=b", 5),
                () -> signer.verify(Cursor.of("0.5", 42L, "r", "2024-01-02", 7L), "q=a", 5),
                () -> new Cursor.Signer(new byte[] {1}).verify(signed, "q=a", 5))) {
            assertThatThrownBy(bad::run)
                    .isInstanceOf(ApiException.class)
                    .hasMessage("cursor: is not a cursor this list returned");
        }
    }

    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
