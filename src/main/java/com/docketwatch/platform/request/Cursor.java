package com.docketwatch.platform.request;

import com.docketwatch.platform.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An opaque keyset cursor: the sort key of the last row a page returned, so the next page starts
 * strictly after it. Rows inserted meanwhile never shift a page (no OFFSET).
 */
public record Cursor(List<String> keys) {
    private static final String SEP = "\u001f";
    private static final String FOREIGN = "is not a cursor this list returned";

    public Cursor {
        keys = List.copyOf(keys);
    }

    public static Cursor of(Object... keys) {
        return new Cursor(java.util.Arrays.stream(keys).map(String::valueOf).toList());
    }

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("v1" + SEP + String.join(SEP, keys)).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads {@code ?cursor=}: anything this service did not encode is an {@link InvalidValue}. */
    public static Cursor parse(String raw) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
            List<String> all = List.of(text.split(SEP, -1));
            if (all.get(0).equals("v1") && text.indexOf('\u0000') < 0) {
                return new Cursor(all.subList(1, all.size()));
            }
        } catch (IllegalArgumentException e) {
            // not base64: fall through
        }
        throw new InvalidValue(raw, FOREIGN);
    }

    /** This cursor, if it has the {@code parts} keys of the list it is used on; otherwise a 400. */
    public Cursor expect(int parts) {
        if (keys.size() != parts) {
            throw foreign();
        }
        return this;
    }

    public String get(int i) {
        return keys.get(i);
    }

    public long getLong(int i) {
        try {
            return Long.parseLong(keys.get(i));
        } catch (NumberFormatException e) {
            throw foreign();
        }
    }

    /** A well-formed cursor whose keys do not fit the list: the 400 a malformed {@code ?cursor=} gets. */
    public static ApiException foreign() {
        return ApiException.badParameter("cursor", FOREIGN);
    }

    @Override
    public String toString() {
        return encode();
    }

    /**
     * Signs the cursors of a list whose keys bound the work of the next page (a search's window floor):
     * a client could otherwise write its own keys and widen the query. The signature (HMAC-SHA256, cut to
     * 128 bits) covers the keys and the query the cursor pages, so a cursor cannot be altered, forged, or
     * carried over to another query.
     */
    public static final class Signer {
        private static final int MAC_BYTES = 16;
        private final SecretKeySpec key;

        public Signer(byte[] key) {
            this.key = new SecretKeySpec(key, "HmacSHA256");
        }

        /** {@code cursor}'s keys followed by their signature for {@code query}. */
        public Cursor sign(Cursor cursor, String query) {
            List<String> keys = new ArrayList<>(cursor.keys());
            keys.add(Base64.getUrlEncoder().withoutPadding().encodeToString(mac(cursor.keys(), query)));
            return new Cursor(keys);
        }

        /** The keys of a cursor {@link #sign} made for {@code query} ({@code parts} of them); otherwise a 400. */
        public Cursor verify(Cursor signed, String query, int parts) {
            signed.expect(parts + 1);
            List<String> keys = signed.keys().subList(0, parts);
            byte[] given;
            try {
                given = Base64.getUrlDecoder().decode(signed.get(parts));
            } catch (IllegalArgumentException e) {
                throw foreign();
            }
            if (!MessageDigest.isEqual(given, mac(keys, query))) {
                throw foreign();
            }
            return new Cursor(keys);
        }

        private byte[] mac(List<String> keys, String query) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                byte[] q = query.getBytes(StandardCharsets.UTF_8);
                mac.update(java.nio.ByteBuffer.allocate(4).putInt(q.length).array());
                mac.update(q);
                for (String k : keys) {
                    mac.update((byte) 0x1f);
                    mac.update(k.getBytes(StandardCharsets.UTF_8));
                }
                return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
