package dev.soma.network;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The step loop's barrier. Each thread publishes how many rounds (steps) it has finished in its own
 * cache line — one write, no atomic read-modify-write — and waits until every other thread has
 * finished as many. A step lasts microseconds, so a waiting thread first spins; if the other has
 * not arrived after {@value #SPIN_NANOS} ns it has probably lost its core (a shared machine), and
 * the waiter parks, handing its core over, until the late thread wakes it. (Measured on a busy
 * 2-core machine: parking after 50 µs made CUBA, whose steps take microseconds, ten times slower,
 * as the waiter then queues for a core on every wake-up; yielding instead of parking made COBAHH,
 * whose steps take ~100 µs, slower, as the waiter keeps competing with the thread it waits for.) A failing thread breaks
 * the barrier so no one waits forever.
 */
final class SpinBarrier {
    private static final int PAD = 16;
    static final long SPIN_NANOS = 1_000_000;
    private static final long PARK_NANOS = 200_000;

    private final int parties;
    private final long spinNanos;
    /** done[(t+1)·PAD]: rounds finished by thread t; waiting[(t+1)·PAD]: the round t sleeps on. */
    private final AtomicLongArray done;
    private final AtomicLongArray waiting;
    private final Thread[] threads;
    private volatile boolean broken;

    SpinBarrier(int parties) {
        this.parties = parties;
        // More threads than cores: someone is always off-core, so spinning only wastes the core.
        this.spinNanos = parties <= Runtime.getRuntime().availableProcessors() ? SPIN_NANOS : 0;
        this.done = new AtomicLongArray((parties + 1) * PAD);
        this.waiting = new AtomicLongArray((parties + 1) * PAD);
        this.threads = new Thread[parties];
    }

    /** Called by thread {@code t} before its first {@link #await}. */
    void register(int t) {
        threads[t] = Thread.currentThread();
    }

    /** Thread {@code t} has finished its part of round {@code round} (1, 2, ...); waits for the others. */
    void await(int t, long round) {
        done.set((t + 1) * PAD, round);
        for (int q = 0; q < parties; q++) {
            if (q != t && waiting.get((q + 1) * PAD) == round) {
                Thread other = threads[q];
                if (other != null) {
                    LockSupport.unpark(other);
                }
            }
        }
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
        // Announce the sleep, then check again: the late thread either sees the announcement and
        // unparks us, or we see its arrival (both accesses are volatile). The timeout bounds any
        // wake-up that is missed all the same.
        waiting.set((t + 1) * PAD, round);
        while (done.get(at) < round) {
            if (broken) {
                throw new IllegalStateException("another stepping thread failed");
            }
            LockSupport.parkNanos(this, PARK_NANOS);
        }
        waiting.set((t + 1) * PAD, 0);
    }

    void breakBarrier() {
        broken = true;
        for (Thread th : threads) {
            if (th != null) {
                LockSupport.unpark(th);
            }
        }
    }
}
