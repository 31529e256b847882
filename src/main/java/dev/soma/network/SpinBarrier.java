package dev.soma.network;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reusable barrier for the step loop: a step lasts microseconds, so waiting spins briefly, then
 * yields the core (the machine may be shared). A failing thread breaks it so no one waits forever.
 */
final class SpinBarrier {
    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int generation;
    private volatile boolean broken;

    SpinBarrier(int parties) {
        this.parties = parties;
    }

    void await() {
        int g = generation;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            generation = g + 1;
            return;
        }
        int spins = 0;
        while (generation == g) {
            if (broken) {
                throw new IllegalStateException("another stepping thread failed");
            }
            if (++spins < 2000) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    void breakBarrier() {
        broken = true;
    }
}
