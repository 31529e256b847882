package dev.soma.analysis;

/** Points on a local pool of threads (the default runner), with the progress bar of {@link Progress}. */
final class ThreadRunner implements SweepRunner {
    private final int threads;

    ThreadRunner(int threads) {
        this.threads = threads;
    }

    @Override
    public double[][] run(SweepSpec spec, int[] points) {
        spec.check();
        return Parallel.map(points.length, threads, spec.model() + " sweep", spec.showsProgress(),
                r -> spec.runPoint(points[r]), double[][]::new);
    }

    @Override
    public String toString() {
        return "threads(" + threads + ")";
    }
}
