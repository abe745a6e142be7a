package dev.wit4j.wasi;

import dev.wit4j.runtime.types.Tuple2;

/**
 * {@code wasi:random} random, insecure and insecure-seed. Both sources are
 * {@link java.util.Random}s: a {@link java.security.SecureRandom} and a fast generator by default,
 * or one seeded generator given for deterministic tests.
 */
final class Randomness implements Random, Insecure, InsecureSeed {
    /** The most bytes one call hands out (the canonical ABI would copy them into guest memory). */
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private final java.util.Random secure;
    private final java.util.Random insecure;
    private final Tuple2<Long, Long> seed;

    Randomness(java.util.Random secure, java.util.Random insecure) {
        this.secure = secure;
        this.insecure = insecure;
        this.seed = new Tuple2<>(insecure.nextLong(), insecure.nextLong());
    }

    @Override
    public byte[] getRandomBytes(long len) {
        return bytes(secure, len);
    }

    @Override
    public long getRandomU64() {
        return secure.nextLong();
    }

    @Override
    public byte[] getInsecureRandomBytes(long len) {
        return bytes(insecure, len);
    }

    @Override
    public long getInsecureRandomU64() {
        return insecure.nextLong();
    }

    @Override
    public Tuple2<Long, Long> insecureSeed() {
        return seed;
    }

    private static byte[] bytes(java.util.Random source, long len) {
        if (Long.compareUnsigned(len, MAX_BYTES) > 0) {
            throw new IllegalArgumentException(
                    "asked for " + Long.toUnsignedString(len) + " random bytes, at most " + MAX_BYTES);
        }
        byte[] b = new byte[(int) len];
        source.nextBytes(b);
        return b;
    }
}
