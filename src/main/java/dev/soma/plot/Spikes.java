package dev.soma.plot;

import dev.soma.sim.SimulationResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.Marker;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Spike figures: a raster (one short vertical tick per spike, one row per neuron) with the
 * population rate below it, and the inter-spike-interval histogram. Times are in ms, rates in Hz.
 */
public final class Spikes {
    private Spikes() {}

    /** A raster of spike trains, {@code trainsMs[i]} being neuron i's spike times, with the population rate below. */
    public static Figure raster(double[][] trainsMs, double durationMs) {
        return raster(trainsMs, durationMs, Integer.MAX_VALUE);
    }

    /** A raster of spike trains, trains below {@code firstInhibitory} excitatory and the rest inhibitory, with both rates below. */
    public static Figure raster(double[][] trainsMs, double durationMs, int firstInhibitory) {
        Check.notNull("trainsMs", trainsMs, "pass one array of spike times (ms) per neuron");
        if (trainsMs.length == 0) {
            throw new IllegalArgumentException("trainsMs is empty (no neurons); pass one array of spike times per neuron");
        }
        int total = 0;
        for (int i = 0; i < trainsMs.length; i++) {
            Check.spikeTimes("trainsMs[" + i + "]", trainsMs[i]);
            total += trainsMs[i].length;
        }
        double[] times = new double[total];
        int[] ids = new int[total];
        int k = 0;
        for (int i = 0; i < trainsMs.length; i++) {
            for (double t : trainsMs[i]) {
                times[k] = t;
                ids[k++] = i;
            }
        }
        Check.positive("durationMs", durationMs, "give the simulated duration in ms, e.g. 1000");
        return raster(times, ids, trainsMs.length, durationMs, firstInhibitory, defaultBin(durationMs));
    }

    /**
     * A raster from parallel arrays of spike times (ms) and neuron indices (0, 1, ...), as a
     * network records them, with the population rate below. The number of neurons is the largest
     * index + 1.
     */
    public static Figure raster(double[] timesMs, int[] neuronIds, double durationMs) {
        return raster(timesMs, neuronIds, durationMs, Integer.MAX_VALUE);
    }

    /**
     * A raster of an excitatory–inhibitory population: neurons with index below
     * {@code firstInhibitory} are excitatory (vermillion), the rest inhibitory (blue); the rate panel
     * shows both populations.
     */
    public static Figure raster(double[] timesMs, int[] neuronIds, double durationMs, int firstInhibitory) {
        Check.positive("durationMs", durationMs, "give the simulated duration in ms, e.g. 1000");
        return raster(timesMs, neuronIds, -1, durationMs, firstInhibitory, defaultBin(durationMs));
    }

    /**
     * A raster as {@link #raster(double[], int[], double, int)}, with neurons {@code 0..neuronCount-1}
     * (silent ones count in the rate) and population rate in bins of {@code binMs}.
     */
    public static Figure raster(double[] timesMs, int[] neuronIds, int neuronCount, double durationMs, int firstInhibitory, double binMs) {
        Check.spikeTimes("timesMs", timesMs);
        Check.notNull("neuronIds", neuronIds, "pass the neuron index of each spike");
        if (timesMs.length != neuronIds.length) {
            throw new IllegalArgumentException("neuronIds has " + neuronIds.length + " entries but timesMs has " + timesMs.length
                    + "; pass one neuron index per spike time");
        }
        Check.positive("durationMs", durationMs, "give the simulated duration in ms, e.g. 1000");
        Check.positive("binMs", binMs, "e.g. 5 (ms per bin of the population rate)");
        if (binMs > durationMs) {
            throw new IllegalArgumentException("binMs = " + binMs + " is longer than durationMs = " + durationMs + "; use a smaller bin, e.g. " + defaultBin(durationMs));
        }
        int maxId = -1;
        for (int i = 0; i < neuronIds.length; i++) {
            if (neuronIds[i] < 0) {
                throw new IllegalArgumentException("neuronIds[" + i + "] = " + neuronIds[i] + " is negative; neurons are numbered 0, 1, ...");
            }
            if (neuronIds[i] == Integer.MAX_VALUE) {
                throw new IllegalArgumentException("neuronIds[" + i + "] = " + neuronIds[i] + " leaves no room for a neuron count "
                        + "(index + 1); neurons are numbered 0, 1, ..., one per row of the raster");
            }
            maxId = Math.max(maxId, neuronIds[i]);
        }
        int n = neuronCount < 0 ? maxId + 1 : neuronCount;
        if (n <= 0) {
            throw new IllegalArgumentException("neuronCount = " + n + "; there must be at least one neuron (pass neuronCount when no neuron spiked)");
        }
        if (maxId >= n) {
            throw new IllegalArgumentException("neuronIds holds " + maxId + " but neuronCount = " + n + "; pass neuronCount > the largest index");
        }
        int nE = Math.min(Math.max(firstInhibitory, 0), n);
        boolean split = nE < n && nE > 0;

        XYChart raster = Style.chart(null, Traces.TIME, "neuron");
        float tickWidth = n > 400 ? 1.0f : 1.4f;
        String[] names = split
                ? new String[] {String.format(Locale.ROOT, "excitatory (%d)", nE), String.format(Locale.ROOT, "inhibitory (%d)", n - nE)}
                : new String[] {"spikes", ""};
        Color[] colours = split ? new Color[] {Style.EXCITATORY, Style.INHIBITORY} : new Color[] {Style.BLACK, Style.BLACK};
        boolean perPixel = timesMs.length > PER_PIXEL_SPIKES;
        // Per pixel, both populations share one copy of the spikes; each draws its own neurons.
        double[] keptTimes = perPixel ? timesMs.clone() : null;
        int[] keptIds = perPixel ? neuronIds.clone() : null;
        for (int p = 0; p < (split ? 2 : 1); p++) {
            int from = split && p == 1 ? nE : 0;
            int to = split && p == 0 ? nE : n;
            XYSeries s;
            if (perPixel) {
                // Two points at opposite corners of the data range carry the marker that draws them all.
                s = raster.addSeries(names[p], new double[] {0, durationMs}, new double[] {-0.5, n - 0.5});
                s.setMarker(new PixelTicks(keptTimes, keptIds, from, to, 0, durationMs, -0.5, n - 0.5, tickWidth));
            } else {
                double[] ex = new double[timesMs.length];
                double[] ey = new double[timesMs.length];
                int k = 0;
                for (int i = 0; i < timesMs.length; i++) {
                    if (neuronIds[i] >= from && neuronIds[i] < to) {
                        ex[k] = timesMs[i];
                        ey[k++] = neuronIds[i];
                    }
                }
                if (k == 0) {
                    continue;
                }
                s = raster.addSeries(names[p], Arrays.copyOf(ex, k), Arrays.copyOf(ey, k));
                s.setMarker(new Tick(tickWidth));
            }
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarkerColor(colours[p]);
            if (split || perPixel) {
                s.setShowInLegend(false);
            }
            if (split) {
                // A tick a few pixels tall is invisible in the legend; a thick line of the same colour stands in for it there.
                XYSeries key = Style.line(raster, names[p] + " ", new double[] {Double.NaN}, new double[] {Double.NaN}, colours[p], new BasicStroke(4f));
                key.setShowInLegend(true);
            }
        }
        if (timesMs.length == 0) {
            // XChart needs a series to draw axes; an invisible one keeps an empty raster honest.
            XYSeries s = Style.line(raster, "no spikes", new double[] {0, durationMs}, new double[] {0, n - 1}, Color.WHITE, Style.THIN);
            s.setShowInLegend(false);
        }
        // Rows are about (plot height / n) px; ticks fill most of a row but stay visible when n is large.
        int markerPx = (int) Math.max(3, Math.min(10, Math.round(0.8 * 330.0 / n)));
        raster.getStyler().setMarkerSize(markerPx);
        raster.getStyler().setYAxisMin(-0.5);
        raster.getStyler().setYAxisMax(n - 0.5);
        raster.getStyler().setYAxisDecimalPattern("#0");
        raster.getStyler().setPlotGridHorizontalLinesVisible(false);
        raster.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        raster.getStyler().setLegendBackgroundColor(new Color(255, 255, 255, 225));
        Style.finish(raster);

        XYChart rate = Style.chart(null, Traces.TIME, "rate [Hz]");
        double binCount = Math.ceil(durationMs / binMs - 1e-9);
        if (!(binCount <= MAX_RATE_BINS)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "binMs = %s gives %.4g bins of the population rate over "
                    + "durationMs = %s; at most %,d (a figure is %d px wide): use binMs ≥ %s", Figure.fmt(binMs), binCount,
                    Figure.fmt(durationMs), MAX_RATE_BINS, Style.WIDTH, Figure.fmt(durationMs / MAX_RATE_BINS)));
        }
        int bins = (int) binCount;
        if (split) {
            addRate(rate, "excitatory", timesMs, neuronIds, 0, nE, bins, binMs, Style.EXCITATORY);
            addRate(rate, "inhibitory", timesMs, neuronIds, nE, n, bins, binMs, Style.INHIBITORY);
        } else {
            addRate(rate, String.format(Locale.ROOT, "population rate (%s ms bins)", Figure.fmt(binMs)), timesMs, neuronIds, 0, n, bins, binMs, Style.BLACK);
        }
        rate.getStyler().setYAxisMin(0.0);
        Style.finish(rate);
        rate.getStyler().setLegendVisible(false);
        List<XYChart> charts = List.of(raster, rate);
        Traces.shareTimeAxis(charts, 0, durationMs);
        return Figure.stacked(new ArrayList<Chart<?, ?>>(charts), new double[] {0.7, 0.3}, Style.WIDTH, 620, null);
    }

    /**
     * A raster from a table of spikes: a time column ({@code t [ms]} or {@code spike time [ms]})
     * and a neuron column ({@code neuron}), with the population rate below.
     */
    public static Figure raster(Table spikes, double durationMs) {
        Check.notNull("spikes", spikes, "pass a table with a spike time column and a neuron column");
        String timeCol = null;
        String idCol = null;
        for (Column<?> c : spikes.columns()) {
            String name = c.name().toLowerCase(Locale.ROOT);
            if (timeCol == null && c instanceof NumericColumn && name.endsWith("[ms]")) {
                timeCol = c.name();
            } else if (idCol == null && c instanceof NumericColumn && (name.startsWith("neuron") || name.equals("id") || name.equals("index"))) {
                idCol = c.name();
            }
        }
        if (timeCol == null || idCol == null) {
            throw new IllegalArgumentException("spikes table \"" + spikes.name() + "\" has columns " + spikes.columnNames()
                    + "; it needs a time column in ms (e.g. \"t [ms]\") and a neuron column (e.g. \"neuron\")");
        }
        double[] t = ((NumericColumn<?>) spikes.column(timeCol)).asDoubleArray();
        double[] idD = ((NumericColumn<?>) spikes.column(idCol)).asDoubleArray();
        int[] ids = new int[idD.length];
        for (int i = 0; i < ids.length; i++) {
            if (idD[i] != Math.rint(idD[i])) {
                throw new IllegalArgumentException("column \"" + idCol + "\" row " + i + " = " + idD[i] + " is not a neuron index (0, 1, ...)");
            }
            ids[i] = (int) idD[i];
        }
        return raster(t, ids, durationMs);
    }

    private static void addRate(XYChart chart, String name, double[] times, int[] ids, int from, int to, int bins, double binMs, Color colour) {
        double[] counts = new double[bins];
        for (int i = 0; i < times.length; i++) {
            if (ids[i] >= from && ids[i] < to) {
                int b = (int) (times[i] / binMs);
                if (b >= 0 && b < bins) {
                    counts[b]++;
                }
            }
        }
        double perSpike = 1000.0 / (binMs * Math.max(1, to - from));
        double[] x = new double[2 * bins];
        double[] y = new double[2 * bins];
        for (int b = 0; b < bins; b++) {
            x[2 * b] = b * binMs;
            x[2 * b + 1] = (b + 1) * binMs;
            y[2 * b] = counts[b] * perSpike;
            y[2 * b + 1] = counts[b] * perSpike;
        }
        Style.line(chart, name, x, y, colour, Style.THIN);
    }

    /** The most bins a population-rate panel draws: a hundred times the pixels across it. */
    static final int MAX_RATE_BINS = 100_000;

    static double defaultBin(double durationMs) {
        double raw = durationMs / 150;
        double[] nice = {0.5, 1, 2, 5, 10, 20, 50, 100};
        for (double b : nice) {
            if (b >= raw) {
                return b;
            }
        }
        if (durationMs / 100 <= MAX_RATE_BINS) {
            return 100;
        }
        // Runs longer than ~3 h at 100 ms bins: the smallest bin of the 1-2-5 series that keeps the panel within MAX_RATE_BINS.
        double least = durationMs / MAX_RATE_BINS;
        double decade = Math.pow(10, Math.floor(Math.log10(least)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * decade >= least) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    /** The inter-spike-interval histogram of one run. */
    public static Figure isi(SimulationResult run) {
        Check.notNull("run", run, "pass the result of Simulation.of(model)...run(durationMs)");
        return isi("run", new double[][] {run.spikeTimes()}, Double.NaN, run.model().name());
    }

    /** The inter-spike-interval histogram of one spike train (ms), with bins chosen from the data. */
    public static Figure isi(double[] spikeTimesMs) {
        Check.spikeTimes("spikeTimesMs", spikeTimesMs);
        return isi("spikeTimesMs", new double[][] {spikeTimesMs}, Double.NaN, null);
    }

    /** The inter-spike-interval histogram of one spike train (ms), in bins of {@code binMs}. */
    public static Figure isi(double[] spikeTimesMs, double binMs) {
        Check.spikeTimes("spikeTimesMs", spikeTimesMs);
        Check.positive("binMs", binMs, "e.g. 2 (ms per histogram bin)");
        return isi("spikeTimesMs", new double[][] {spikeTimesMs}, binMs, null);
    }

    /** The inter-spike-interval histogram pooled over several trains, in bins of {@code binMs} (NaN: chosen from the data). */
    public static Figure isi(double[][] trainsMs, double binMs) {
        Check.notNull("trainsMs", trainsMs, "pass one array of spike times (ms) per neuron");
        if (!Double.isNaN(binMs)) {
            Check.positive("binMs", binMs, "e.g. 2 (ms per histogram bin), or NaN to choose from the data");
        }
        return isi("trainsMs", trainsMs, binMs, null);
    }

    /** {@code name} names the argument the spike times came from, for the message when they hold no interval. */
    private static Figure isi(String name, double[][] trains, double binMs, String title) {
        int count = 0;
        for (int i = 0; i < trains.length; i++) {
            Check.spikeTimes("trainsMs[" + i + "]", trains[i]);
            count += Math.max(0, trains[i].length - 1);
        }
        if (count < 1) {
            throw new IllegalArgumentException(name + " gives no interval (fewer than 2 spikes in every train); "
                    + "run longer or inject more current so the neuron fires at least twice");
        }
        double[] isi = new double[count];
        int k = 0;
        for (double[] train : trains) {
            double[] sorted = train.clone();
            Arrays.sort(sorted);
            for (int i = 1; i < sorted.length; i++) {
                isi[k++] = sorted[i] - sorted[i - 1];
            }
        }
        // Running mean and variance relative to the mean: no overflow for intervals up to Double.MAX_VALUE.
        double mean = 0;
        for (int i = 0; i < count; i++) {
            mean += (isi[i] - mean) / (i + 1);
        }
        double relativeVar = 0;
        for (double v : isi) {
            double d = mean > 0 ? v / mean - 1 : 0;
            relativeVar += d * d;
        }
        double cv = count > 1 && mean > 0 ? Math.sqrt(relativeVar / (count - 1)) : 0;
        double max = Check.minMax(isi)[1];
        double bin = binMs;
        if (Double.isNaN(bin)) {
            int nBins = (int) Math.max(8, Math.min(60, Math.round(2 * Math.cbrt(count) * 2)));
            bin = niceStep(Math.max(max, 1e-3) / nBins);
        }
        int bins = Math.max(1, (int) Math.floor(max / bin) + 1);
        if (bins > 5000) {
            throw new IllegalArgumentException("binMs = " + bin + " gives " + bins + " bins for intervals up to " + Figure.fmt(max)
                    + " ms; use a larger bin, e.g. " + Figure.fmt(niceStep(max / 50)));
        }
        double[] counts = new double[bins];
        for (double v : isi) {
            counts[Math.min(bins - 1, (int) (v / bin))]++;
        }
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        x[0] = 0;
        y[0] = 0;
        for (int b = 0; b < bins; b++) {
            x[1 + 2 * b] = b * bin;
            y[1 + 2 * b] = counts[b];
            x[2 + 2 * b] = (b + 1) * bin;
            y[2 + 2 * b] = counts[b];
        }
        x[2 * bins + 1] = bins * bin;
        y[2 * bins + 1] = 0;
        String heading = String.format(Locale.ROOT, "%s%d interval%s, mean %s ms, CV %s", title == null ? "" : title + ": ",
                count, count == 1 ? "" : "s", Figure.fmt(mean), Figure.fmt(cv));
        XYChart chart = Style.chart(heading, "inter-spike interval [ms]", "count");
        XYSeries s = chart.addSeries("ISI", x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        s.setFillColor(new Color(0x0072B2 | 0xA0000000, true));
        s.setLineColor(Style.BLUE);
        s.setLineStyle(new BasicStroke(1.2f));
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(bins * bin);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#0");
        Style.finish(chart);
        return Figure.of(chart);
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** A short vertical tick: the raster's marker, cheap to draw by the thousand. */
    static final class Tick extends Marker {
        private final BasicStroke stroke;

        Tick(float width) {
            this.stroke = new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
        }

        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            g.setStroke(stroke);
            g.draw(new Line2D.Double(x, y - size / 2.0, x, y + size / 2.0));
        }
    }

    /**
     * Above this many spikes a raster is drawn per pixel ({@link PixelTicks}) rather than as one
     * XChart marker per spike, which costs several µs each (XChart collects every value to choose
     * its axis ticks): 10 million spikes took minutes. Below it, every spike is its own
     * anti-aliased tick as before.
     */
    static final int PER_PIXEL_SPIKES = 50_000;

    /**
     * The spikes of neurons [{@code from}, {@code to}) drawn at paint time with one tick per
     * occupied pixel: a raster of ten million spikes fills at most the few hundred thousand pixels
     * of its panel. XChart paints this marker at the series' two points, the opposite corners
     * ({@code t0}, {@code y0}) and ({@code t1}, {@code y1}) of the data range; from their screen
     * positions it maps every spike to device pixels, at whatever size or resolution the figure
     * is painted. Each tick is a crisp rectangle one device pixel (or the tick's stroke) wide and
     * the marker size tall; spikes whose rectangles coincide are drawn once, so the picture is
     * the same as drawing every spike — which {@link #everySpike} does, for the tests.
     */
    static final class PixelTicks extends Marker {
        private final double[] times;
        private final int[] ids;
        private final int from;
        private final int to;
        private final double t0;
        private final double t1;
        private final double y0;
        private final double y1;
        private final float widthPx;
        private boolean firstCorner;
        private double cornerX;
        private double cornerY;
        /** The device mapping of the last paint: x = xAt0 + t·xPerMs, y = yAt0 + id·yPerNeuron (tick centres). */
        private double xAt0;
        private double xPerMs;
        private double yAt0;
        private double yPerNeuron;
        /** Tests: draw every spike's tick, without skipping those already drawn. */
        boolean everySpike;
        /** Ticks drawn by the last paint. */
        int drawn;

        PixelTicks(double[] times, int[] ids, int from, int to, double t0, double t1, double y0, double y1, float widthPx) {
            this.times = times;
            this.ids = ids;
            this.from = from;
            this.to = to;
            this.t0 = t0;
            this.t1 = t1;
            this.y0 = y0;
            this.y1 = y1;
            this.widthPx = widthPx;
        }

        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            if (!firstCorner) {
                firstCorner = true;
                cornerX = x;
                cornerY = y;
                return;
            }
            firstCorner = false;
            draw(g, cornerX, cornerY, x, y, size);
        }

        private void draw(Graphics2D g, double ax, double ay, double bx, double by, int size) {
            java.awt.geom.AffineTransform at = g.getTransform();
            java.awt.geom.Point2D a = at.transform(new java.awt.geom.Point2D.Double(ax, ay), null);
            java.awt.geom.Point2D b = at.transform(new java.awt.geom.Point2D.Double(bx, by), null);
            java.awt.Rectangle clip = g.getClip() == null ? null : at.createTransformedShape(g.getClip()).getBounds();
            if (clip == null || clip.isEmpty()) {
                return;
            }
            int w = Math.max(1, (int) Math.round(widthPx * Math.abs(at.getScaleX())));
            int h = Math.max(1, (int) Math.round(size * Math.abs(at.getScaleY())));
            xPerMs = (b.getX() - a.getX()) / (t1 - t0);
            yPerNeuron = (b.getY() - a.getY()) / (y1 - y0);
            xAt0 = a.getX() - t0 * xPerMs;
            yAt0 = a.getY() - y0 * yPerNeuron;
            double leftAt0 = xAt0 - w / 2.0;
            double topAt0 = yAt0 - h / 2.0;
            // Tick rectangles by their top-left device pixel; only those that can touch the clip.
            int cols = clip.width + w;
            int rows = clip.height + h;
            java.util.BitSet done = new java.util.BitSet(cols * rows);
            Graphics2D d = (Graphics2D) g.create();
            try {
                d.setTransform(new java.awt.geom.AffineTransform());
                d.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_OFF);
                int count = 0;
                for (int i = 0; i < times.length; i++) {
                    int id = ids[i];
                    if (id < from || id >= to) {
                        continue;
                    }
                    int left = (int) Math.round(leftAt0 + times[i] * xPerMs);
                    int top = (int) Math.round(topAt0 + id * yPerNeuron);
                    int c = left - clip.x + w;
                    int r = top - clip.y + h;
                    if (c < 0 || c >= cols || r < 0 || r >= rows) {
                        continue;
                    }
                    int cell = r * cols + c;
                    if (!everySpike) {
                        if (done.get(cell)) {
                            continue;
                        }
                        done.set(cell);
                    }
                    d.fillRect(left, top, w, h);
                    count++;
                }
                drawn = count;
            } finally {
                d.dispose();
            }
        }

        /** The device pixel (column, row) that holds a spike's position in the last paint. */
        int[] pixelOf(double t, int id) {
            return new int[] {(int) Math.floor(xAt0 + t * xPerMs), (int) Math.floor(yAt0 + id * yPerNeuron)};
        }
    }
}
