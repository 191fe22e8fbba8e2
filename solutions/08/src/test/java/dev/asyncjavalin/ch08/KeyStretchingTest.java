package dev.asyncjavalin.ch08;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeyStretchingTest {

    @Test
    @DisplayName("derive computes PBKDF2-HMAC-SHA256 (the test vector of RFC 7914, section 11)")
    void matchesPublishedVector() {
        byte[] key = KeyStretching.derive("passwd", "salt".getBytes(StandardCharsets.US_ASCII), 1, 256);

        assertThat(HexFormat.of().formatHex(key)).isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
    }

    @Test
    @DisplayName("hash salts every call: the same input gives two different hashes")
    void everyHashHasItsOwnSalt() {
        String first = KeyStretching.hash("same input");
        String second = KeyStretching.hash("same input");

        assertThat(first).startsWith("pbkdf2-sha256$" + KeyStretching.ITERATIONS + "$").isNotEqualTo(second);
    }
}
