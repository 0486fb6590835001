package com.docketwatch.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Sha256Test {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void isSha256() {
        // FIPS 180-2's test vectors.
        assertThat(HexFormat.of().formatHex(Sha256.of(utf8("abc"))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(HexFormat.of().formatHex(Sha256.of(new byte[0])))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void eachDigestStartsEmptyAndIsItsOwn() {
        MessageDigest a = Sha256.newDigest();
        MessageDigest b = Sha256.newDigest();
        a.update(utf8("ab"));
        b.update(utf8("xyz"));
        a.update(utf8("c"));
        assertThat(a.digest()).isEqualTo(Sha256.of(utf8("abc")));
        assertThat(b.digest()).isEqualTo(Sha256.of(utf8("xyz")));
        assertThat(Sha256.newDigest().digest()).isEqualTo(Sha256.of(new byte[0]));
    }
}
