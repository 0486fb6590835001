package com.docketwatch.platform.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 digests cloned from one instance. {@code MessageDigest.getInstance} looks the algorithm up
 * among the security providers on every call: the largest part of checking an API key (the cache is
 * keyed by the key's hash) and a visible part of every ETag.
 */
public final class Sha256 {
    private static final MessageDigest PROTOTYPE = prototype();

    private Sha256() {}

    /** A fresh digest, for feeding several parts. */
    public static MessageDigest newDigest() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the SHA-256 implementation cannot be cloned", e);
        }
    }

    public static byte[] of(byte[] data) {
        return newDigest().digest(data);
    }

    private static MessageDigest prototype() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
