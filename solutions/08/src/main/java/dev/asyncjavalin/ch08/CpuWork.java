package dev.asyncjavalin.ch08;

/**
 * The expensive computation behind {@code /hash_sync}, {@code /hash_async} and every job step.
 * The app uses {@link KeyStretching}; a test puts in work that waits for its signal, so that it can
 * hold the pool full for exactly as long as it needs, without a clock.
 */
@FunctionalInterface
interface CpuWork {

    CpuWork KEY_STRETCHING = KeyStretching::hash;

    String hash(String input);
}
