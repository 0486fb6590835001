package com.docketwatch.auth;

import com.docketwatch.platform.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Key material. Keys are 256 random bits, so a single SHA-256 is a safe way to store them: there is
 * nothing to brute-force that a slow hash would protect (unlike passwords).
 */
public final class ApiKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    public static String newKey() {
        return random("dw_");
    }

    /** A feed token: as strong as a key, with its own prefix so the two are never confused. */
    public static String newFeedToken() {
        return random("dwf_");
    }

    private static String random(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String key) {
        return Sha256.of(key.getBytes(StandardCharsets.UTF_8));
    }
}
