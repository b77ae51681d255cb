package io.showmetrics.generator;

import java.util.SplittableRandom;

/**
 * Keyed randomness: every decision is a pure function of (seed, stream tag, keys), so any day, show or
 * customer can be generated alone, in any order, on any thread, and always gives the same answer.
 */
final class Rng {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Rng() {
    }

    /** SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long tag(String name) {
        long h = 1125899906842597L;
        for (int i = 0; i < name.length(); i++) {
            h = 31 * h + name.charAt(i);
        }
        return mix(h);
    }

    static long key(long seed, long tag, long a) {
        return mix(mix(mix(seed + GOLDEN) ^ tag) + a * GOLDEN);
    }

    static long key(long seed, long tag, long a, long b) {
        return mix(key(seed, tag, a) ^ mix(b + GOLDEN));
    }

    static long key(long seed, long tag, long a, long b, long c) {
        return mix(key(seed, tag, a, b) ^ mix(c * 31 + GOLDEN));
    }

    static double unit(long key) {
        return (key >>> 11) * 0x1.0p-53;
    }

    static double unit(long seed, long tag, long a) {
        return unit(key(seed, tag, a));
    }

    static double unit(long seed, long tag, long a, long b) {
        return unit(key(seed, tag, a, b));
    }

    static SplittableRandom of(long seed, long tag, long a) {
        return new SplittableRandom(key(seed, tag, a));
    }

    static SplittableRandom of(long seed, long tag, long a, long b) {
        return new SplittableRandom(key(seed, tag, a, b));
    }

    static SplittableRandom of(long seed, long tag, long a, long b, long c) {
        return new SplittableRandom(key(seed, tag, a, b, c));
    }

    /** Exponential with the given mean. */
    static double exp(SplittableRandom r, double mean) {
        return -mean * Math.log(1.0 - r.nextDouble());
    }

    static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 40) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /** Index drawn from non-negative weights. */
    static int pick(SplittableRandom r, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static int pick(double u, double[] cumulative) {
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /** A random version-4 UUID string built from two keyed longs. */
    static String uuid(long k1, long k2) {
        long msb = (k1 & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (k2 & 0x3fffffffffffffffL) | 0x8000000000000000L;
        char[] out = new char[36];
        hex(out, 0, msb >>> 32, 8);
        out[8] = '-';
        hex(out, 9, msb >>> 16, 4);
        out[13] = '-';
        hex(out, 14, msb, 4);
        out[18] = '-';
        hex(out, 19, lsb >>> 48, 4);
        out[23] = '-';
        hex(out, 24, lsb, 12);
        return new String(out);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static void hex(char[] out, int at, long v, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out[at + i] = HEX[(int) (v & 0xf)];
            v >>>= 4;
        }
    }
}
