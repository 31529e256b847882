package dev.soma.analysis;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs independent tasks 0 … n−1 on a fixed-size pool and returns their results by index. Each
 * task computes from its index alone (its own model, input and seed), so the results do not
 * depend on the number of threads or the order they finish in: parallel equals single-threaded
 * bit for bit. The calling thread waits and reports progress.
 */
final class Parallel {
    private Parallel() {}

    /** The default pool size: every available core. */
    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    static void checkThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " must be ≥ 1 (1 runs single-threaded)");
        }
    }

    /** Computes {@code task.apply(i)} for i in [0, n) on {@code threads} threads, showing progress under {@code label}. */
    static <R> R[] map(int n, int threads, String label, boolean showProgress, IntFunction<R> task, IntFunction<R[]> array) {
        checkThreads(threads);
        R[] out = array.apply(n);
        Progress progress = Progress.start(label, n);
        if (threads == 1 || n <= 1) {
            for (int i = 0; i < n; i++) {
                out[i] = task.apply(i);
                if (showProgress) progress.update(i + 1);
            }
            if (showProgress) progress.finish();
            return out;
        }
        AtomicInteger done = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "soma-sweep");
            thread.setDaemon(true);
            return thread;
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n), factory);
        try {
            @SuppressWarnings("unchecked")
            Future<R>[] futures = new Future[n];
            for (int i = 0; i < n; i++) {
                final int index = i;
                futures[i] = pool.submit(() -> {
                    R r = task.apply(index);
                    done.incrementAndGet();
                    return r;
                });
            }
            for (int i = 0; i < n; i++) {
                while (true) {
                    try {
                        out[i] = futures[i].get(200, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException e) {
                        if (showProgress) progress.update(done.get());
                    }
                }
                if (showProgress) progress.update(done.get());
            }
            if (showProgress) progress.finish();
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(label + " was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) throw (RuntimeException) cause;
            if (cause instanceof Error) throw (Error) cause;
            throw new IllegalStateException(label + " failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
