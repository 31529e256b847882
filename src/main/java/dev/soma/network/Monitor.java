package dev.soma.network;

import java.util.Arrays;

/** Growable primitive arrays for recording: no boxing, amortised growth. */
final class Monitor {
    private Monitor() {}

    static final class Ints {
        int[] a = new int[1024];
        int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, a.length + (a.length >> 1));
            }
            a[n++] = v;
        }

        void ensure(int capacity) {
            if (a.length < capacity) {
                a = Arrays.copyOf(a, Math.max(capacity, a.length + (a.length >> 1)));
            }
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    static final class Doubles {
        double[] a = new double[0];
        int n;

        void ensure(int capacity) {
            if (a.length < capacity) {
                a = Arrays.copyOf(a, Math.max(capacity, a.length + (a.length >> 1)));
            }
        }
    }
}
