package dev.asyncjavalin.ch08;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * This chapter's CPU-bound work: PBKDF2 key stretching, the JDK's own way to make a password slow
 * to guess. It waits for nothing: every millisecond it takes is a millisecond of one core, so no
 * thread, future or event loop can make it finish sooner.
 */
final class KeyStretching {

    /** Tuned so that one call costs about 50-100 ms of one core on the course's 2-core machine. */
    static final int ITERATIONS = 250_000;
    static final int KEY_BITS = 256;
    private static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private KeyStretching() {
    }

    // tag::hash[]
    /** Stretches {@code input} with a fresh random salt; the answer holds all a login check needs. */
    static String hash(String input) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt); // a new salt per password: equal passwords get different hashes
        byte[] key = derive(input, salt, ITERATIONS, KEY_BITS);
        return "pbkdf2-sha256$" + ITERATIONS + "$" + HEX.formatHex(salt) + "$" + HEX.formatHex(key);
    }

    static byte[] derive(String input, byte[] salt, int iterations, int keyBits) {
        PBEKeySpec spec = new PBEKeySpec(input.toCharArray(), salt, iterations, keyBits);
        try {
            // all the time goes here: `iterations` rounds of HMAC-SHA256, one after another, on this thread
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot compute PBKDF2WithHmacSHA256", e); // every JDK since 8 can
        } finally {
            spec.clearPassword();
        }
    }
    // end::hash[]
}
