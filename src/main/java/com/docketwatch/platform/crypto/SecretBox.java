package com.docketwatch.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts webhook secrets at rest (AES-256-GCM), so the database alone does not reveal them. The key
 * comes from configuration or from a key file generated once in the data directory.
 */
public final class SecretBox {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private final SecretKeySpec key;

    private SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("The secret key must be 32 bytes (base64 of 32 random bytes)");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public static SecretBox fromBase64(String key) {
        return new SecretBox(Base64.getDecoder().decode(key.trim()));
    }

    /** The key in {@code file}, created (readable by the owner only) on first use. */
    public static SecretBox fromKeyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Path tmp = Files.createTempFile(file.getParent(), "secret", ".tmp");
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh));
                try {
                    Files.move(tmp, file);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    Files.delete(tmp); // another instance created it first: use theirs
                }
            }
            return fromBase64(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the secret key file " + file, e);
        }
    }

    /**
     * A key of its own for {@code purpose} (HMAC-SHA256 of the purpose under this key), so other uses of
     * the secret key, such as signing cursors, never reuse the encryption key itself.
     */
    public byte[] derive(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(("docketwatch:" + purpose).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] seal(byte[] plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = c.doFinal(plain);
            return ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] open(byte[] sealed) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, IV_BYTES));
            return c.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A webhook secret cannot be decrypted: was the secret key changed?", e);
        }
    }
}
