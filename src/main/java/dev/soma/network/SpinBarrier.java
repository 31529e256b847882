package dev.soma.network;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The step loop's barrier. Each thread publishes how many rounds (steps) it has finished in its own
 * cache line — one write, no atomic read-modify-write — and waits until every other thread has
 * finished as many. A step lasts microseconds, so a waiting thread first spins; if the other has
 * not arrived after {@value #SPIN_NANOS} ns it has probably lost its core (a shared machine), and
 * the waiter yields between checks — which costs about a microsecond when nothing else wants the
 * core, and hands the core over when something does, possibly the very thread it waits for if the
 * scheduler has put both on one core. (Measured on a busy 2-core machine: spinning 1 ms before
 * yielding made 2-thread COBAHH 2.7 times slower than with 50 µs; parking instead of yielding, with
 * the late thread unparking the waiter, made the threads take turns waiting for a wake-up every
 * step, 100 times slower on CUBA.) A failing thread breaks
 * the barrier so no one waits forever.
 */
final class SpinBarrier {
    private static final int PAD = 16;
    static final long SPIN_NANOS = 20_000;

    private final int parties;
    private final long spinNanos;
    /** done[(t+1)·PAD]: rounds finished by thread t. */
    private final AtomicLongArray done;
    private volatile boolean broken;

    SpinBarrier(int parties) {
        this.parties = parties;
        // More threads than cores: someone is always off-core, so spinning only wastes the core.
        this.spinNanos = parties <= Runtime.getRuntime().availableProcessors() ? SPIN_NANOS : 0;
        this.done = new AtomicLongArray((parties + 1) * PAD);
    }

    /** Thread {@code t} has finished its part of round {@code round} (1, 2, ...); waits for the others. */
    void await(int t, long round) {
        done.set((t + 1) * PAD, round);
        for (int q = 0; q < parties; q++) {
            if (q != t) {
                waitFor(t, q, round);
            }
        }
    }

    private void waitFor(int t, int q, long round) {
        final int at = (q + 1) * PAD;
        if (done.get(at) >= round) {
            return;
        }
        long start = System.nanoTime();
        int spins = 0;
        while (done.get(at) < round) {
            Thread.onSpinWait();
            if ((++spins & 127) == 0) {
                if (broken) {
                    throw new IllegalStateException("another stepping thread failed");
                }
                if (System.nanoTime() - start >= spinNanos) {
                    break;
                }
            }
        }
        // Past the spin: the other thread has probably lost its core. Yield ours between checks
        // but stay runnable, so that we are back as soon as it arrives.
        while (done.get(at) < round) {
            if (broken) {
                throw new IllegalStateException("another stepping thread failed");
            }
            Thread.yield();
        }
    }

    void breakBarrier() {
        broken = true;
    }
}
