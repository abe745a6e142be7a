package dev.wit4j.runtime.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutates seed inputs as coverage-blind fuzzers do (bit flips, interesting values, inserted,
 * deleted and duplicated ranges, splices of two seeds, dictionary tokens), deterministically from a
 * seed: the same seed and iteration give the same input, so a finding is reproduced by its number.
 */
public final class Mutator {

    /** Bytes that often sit on boundaries: LEB128 continuation, sign and the largest values. */
    private static final byte[] INTERESTING = {0, 1, 0x7f, (byte) 0x80, (byte) 0xff, (byte) 0xfe, 0x40, 0x3f, 0x10};
    /** Encodings of 2^32 - 1, 2^31 and other huge counts and lengths, as unsigned LEB128. */
    private static final byte[][] HUGE_LEBS = {
        {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f},
        {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08},
        {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f},
        {(byte) 0x80, (byte) 0x80, 0x40},
    };

    private final List<byte[]> seeds;
    private final List<byte[]> dictionary;
    private final long seed;

    /**
     * A mutator of {@code seeds}, inserting {@code dictionary} tokens among other mutations.
     *
     * @param seed the random seed all inputs derive from
     */
    public Mutator(List<byte[]> seeds, List<String> dictionary, long seed) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seeds");
        }
        this.seeds = seeds;
        this.dictionary =
                dictionary.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        this.seed = seed;
    }

    /** Input number {@code iteration}: a seed with 1 to 4 mutations. */
    public byte[] input(long iteration) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + iteration);
        byte[] b = seeds.get(r.nextInt(seeds.size())).clone();
        int mutations = 1 + r.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            b = mutate(b, r);
        }
        return b;
    }

    /** Input number {@code iteration} as UTF-8 text (malformed sequences replaced). */
    public String text(long iteration) {
        return new String(input(iteration), StandardCharsets.UTF_8);
    }

    private byte[] mutate(byte[] b, SplittableRandom r) {
        if (b.length == 0) {
            return token(r);
        }
        int at = r.nextInt(b.length);
        switch (r.nextInt(9)) {
            case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
            case 1 -> b[at] = (byte) r.nextInt(256);
            case 2 -> b[at] = INTERESTING[r.nextInt(INTERESTING.length)];
            case 3 -> { // delete a range
                int n = 1 + r.nextInt(Math.min(b.length - at, 16));
                byte[] out = new byte[b.length - n];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + n, out, at, b.length - at - n);
                return out;
            }
            case 4 -> { // duplicate a range in place
                int n = 1 + r.nextInt(Math.min(b.length - at, 64));
                return insert(b, at, Arrays.copyOfRange(b, at, at + n));
            }
            case 5 -> { // overwrite with a huge LEB128 count
                byte[] leb = HUGE_LEBS[r.nextInt(HUGE_LEBS.length)];
                System.arraycopy(leb, 0, b, at, Math.min(leb.length, b.length - at));
            }
            case 6 -> { // splice: this input's head, another seed's tail
                byte[] other = seeds.get(r.nextInt(seeds.size()));
                int from = other.length == 0 ? 0 : r.nextInt(other.length);
                byte[] out = Arrays.copyOf(b, at + other.length - from);
                System.arraycopy(other, from, out, at, other.length - from);
                return out;
            }
            case 7 -> {
                return insert(b, at, token(r));
            }
            default -> { // truncate
                return Arrays.copyOf(b, at);
            }
        }
        return b;
    }

    private byte[] token(SplittableRandom r) {
        if (dictionary.isEmpty()) {
            return new byte[] {(byte) r.nextInt(256)};
        }
        byte[] t = dictionary.get(r.nextInt(dictionary.size()));
        int times = r.nextInt(16) == 0 ? 1 + r.nextInt(200) : 1; // now and then a long run: deep nesting
        byte[] out = new byte[t.length * times];
        for (int k = 0; k < times; k++) {
            System.arraycopy(t, 0, out, k * t.length, t.length);
        }
        return out;
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }
}
