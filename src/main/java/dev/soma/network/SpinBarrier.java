package dev.soma.network;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The step loop's barrier. A step lasts microseconds, so each thread publishes how many steps it
 * has finished in its own cache line (one write, no atomic read-modify-write) and waits, spinning
 * for up to a millisecond and then yielding the core (the machine may be shared), until every
 * other thread has finished as many. A failing thread breaks it so no one waits forever.
 */
final class SpinBarrier {
    private static final int PAD = 16;
    private final long spinNanos;
    private final int parties;
    private final AtomicLongArray done;
    private volatile boolean broken;

    /** Spins up to a millisecond while every thread can have a core of its own, else yields at once. */
    SpinBarrier(int parties) {
        this.parties = parties;
        this.spinNanos = parties <= Runtime.getRuntime().availableProcessors() ? 1_000_000 : 0;
        this.done = new AtomicLongArray((parties + 1) * PAD);
    }

    /** Thread {@code t} has finished its part of round {@code round} (1, 2, ...); waits for the others. */
    void await(int t, long round) {
        done.setRelease((t + 1) * PAD, round);
        for (int q = 0; q < parties; q++) {
            if (q == t) {
                continue;
            }
            int spins = 0;
            long since = 0;
            while (done.getAcquire((q + 1) * PAD) < round) {
                Thread.onSpinWait();
                if ((++spins & 255) == 0) {
                    if (broken) {
                        throw new IllegalStateException("another stepping thread failed");
                    }
                    // Keep the core while the other thread is likely running (a step takes µs);
                    // after a millisecond it has probably been descheduled: let others run.
                    long now = System.nanoTime();
                    if (since == 0) {
                        since = now;
                    } else if (now - since >= spinNanos) {
                        Thread.yield();
                    }
                }
            }
        }
    }

    void breakBarrier() {
        broken = true;
    }
}
