package dev.soma.plot;

import dev.soma.model.NeuronModel;
import dev.soma.sim.SimulationResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The phase plane of a two-variable system: the vector field as arrows, the two nullclines
 * (where dx/dt = 0 and where dy/dt = 0) and trajectories with their start points.
 */
public final class PhasePlane {
    private PhasePlane() {}

    /** A vector field in the plane: writes (dx/dt, dy/dt) at (x, y) into {@code out[0]}, {@code out[1]}. */
    @FunctionalInterface
    public interface Field {
        /** Writes dx/dt into {@code out[0]} and dy/dt into {@code out[1]}, per ms. */
        void derivatives(double x, double y, double[] out);
    }

    /** Trajectory colours: none is a nullcline's (vermillion, bluish green). */
    private static final Color[] TRAJECTORY = {Style.BLACK, Style.BLUE, Style.REDDISH_PURPLE, Style.SKY_BLUE, Style.ORANGE};

    /** Grid points per axis for the nullcline contours. */
    static final int CONTOUR_GRID = 161;
    /** Arrows per axis of the vector field. */
    static final int ARROWS = 17;

    /**
     * The phase plane of a neuron model with two or more state variables: V (the model's voltage
     * index) on x against {@code yVariable} on y, all other state variables held at rest, at a
     * constant input (in the model's input unit). The trajectories of {@code runs} (which must
     * have recorded V and {@code yVariable}) are drawn on top.
     */
    public static Figure of(NeuronModel model, String yVariable, double input, double vMin, double vMax, double yMin, double yMax,
                            SimulationResult... runs) {
        return of(model, yVariable, input, "vMin", vMin, "vMax", vMax, yMin, yMax, runs);
    }

    /** The model's phase plane; {@code minName} and {@code maxName} name the x range as the caller's parameters do. */
    private static Figure of(NeuronModel model, String yVariable, double input, String minName, double vMin, String maxName,
                             double vMax, double yMin, double yMax, SimulationResult... runs) {
        Check.notNull("model", model, "pass a neuron model, e.g. Neurons.fitzHughNagumo()");
        Check.finite("input", input, "give the constant input in " + model.inputUnit());
        Check.range(minName, vMin, maxName, vMax);
        String[] names = model.stateNames();
        String[] units = model.stateUnits();
        int xi = model.voltageIndex();
        int yi = -1;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(yVariable) && i != xi) {
                yi = i;
            }
        }
        if (yi < 0) {
            throw new IllegalArgumentException("yVariable = \"" + yVariable + "\" is not a state variable of " + model.name()
                    + " other than " + names[xi] + "; its state is " + Arrays.toString(names));
        }
        final int fx = xi;
        final int fy = yi;
        double[] rest = model.restingState();
        double[] state = rest.clone();
        double[] dydt = new double[rest.length];
        Field field = (x, y, out) -> {
            System.arraycopy(rest, 0, state, 0, rest.length);
            state[fx] = x;
            state[fy] = y;
            model.derivatives(0, state, input, dydt);
            out[0] = dydt[fx];
            out[1] = dydt[fy];
        };
        List<double[][]> trajectories = new ArrayList<>();
        for (int i = 0; runs != null && i < runs.length; i++) {
            Check.notNull("runs[" + i + "]", runs[i], "pass a simulation result");
            List<String> recorded = Arrays.asList(runs[i].variables());
            if (!recorded.contains(names[xi]) || !recorded.contains(names[yi])) {
                throw new IllegalArgumentException("runs[" + i + "] recorded " + recorded + " but the phase plane needs " + names[xi]
                        + " and " + names[yi] + "; record both with .record(\"" + names[xi] + "\", \"" + names[yi] + "\")");
            }
            trajectories.add(new double[][] {runs[i].values(names[xi]), runs[i].values(names[yi])});
        }
        Figure figure = of(field, Style.axisTitle(names[xi], units[xi]), Style.axisTitle(names[yi], units[yi]), names[xi], names[yi],
                vMin, vMax, yMin, yMax, trajectories, model.name() + ", input " + Figure.fmt(input)
                + (model.inputUnit() == null || model.inputUnit().isEmpty() || model.inputUnit().equals("1") ? "" : " " + model.inputUnit()));
        if (names.length == 2 && xi == 0 && yi == 1) {
            // Two-variable models: the analysis room finds the fixed points and their stability.
            XYChart chart = (XYChart) figure.charts().get(0);
            addFixedPoints(chart, dev.soma.analysis.PhasePlane.of(model, input, vMin, vMax, yMin, yMax).fixedPoints());
            return Figure.of(chart, figure.getWidth(), figure.getHeight());
        }
        return figure;
    }

    /**
     * The phase plane of a two-variable model (FitzHugh–Nagumo, Morris–Lecar, Izhikevich, AdEx):
     * its first state variable on x, its second on y, with nullclines, vector field, fixed points
     * (filled: stable, open: unstable) and the trajectories of {@code runs}.
     */
    public static Figure of(NeuronModel model, double input, double xMin, double xMax, double yMin, double yMax, SimulationResult... runs) {
        Check.notNull("model", model, "pass a two-variable model, e.g. Neurons.fitzHughNagumo()");
        String[] names = model.stateNames();
        if (names.length != 2) {
            throw new IllegalArgumentException("model = " + model.name() + " has " + names.length + " state variables "
                    + Arrays.toString(names) + "; name the one for the y axis, e.g. Plots.phasePlane(model, \"n\", input, ...)");
        }
        return of(model, names[1 - model.voltageIndex()], input, "xMin", xMin, "xMax", xMax, yMin, yMax, runs);
    }

    static void addFixedPoints(XYChart chart, List<dev.soma.analysis.PhasePlane.FixedPoint> points) {
        List<double[]> stable = new ArrayList<>();
        List<double[]> unstable = new ArrayList<>();
        for (var p : points) {
            (p.stable() ? stable : unstable).add(new double[] {p.x(), p.y()});
        }
        addPoints(chart, stable, "stable fixed point", SeriesMarkers.CIRCLE);
        addPoints(chart, unstable, "unstable fixed point", new OpenCircle());
        Style.finish(chart);
    }

    private static void addPoints(XYChart chart, List<double[]> points, String name, org.knowm.xchart.style.markers.Marker marker) {
        if (points.isEmpty()) {
            return;
        }
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(Style.BLACK);
    }

    /** An unfilled circle: an unstable fixed point, in the convention of dynamical-systems texts. */
    static final class OpenCircle extends org.knowm.xchart.style.markers.Marker {
        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            double d = size * 1.8;
            java.awt.geom.Ellipse2D.Double circle = new java.awt.geom.Ellipse2D.Double(x - d / 2, y - d / 2, d, d);
            g.setColor(Color.WHITE);
            g.fill(circle);
            g.setColor(Style.BLACK);
            g.setStroke(new BasicStroke(1.6f));
            g.draw(circle);
        }
    }

    /**
     * The phase plane of a field over [{@code xMin}, {@code xMax}] × [{@code yMin}, {@code yMax}],
     * with axis titles (names and units) and trajectories, each {@code {xs, ys}}.
     */
    public static Figure of(Field field, String xTitle, String yTitle, double xMin, double xMax, double yMin, double yMax,
                            List<double[][]> trajectories) {
        Check.notNull("xTitle", xTitle, "give the x axis title with its unit, e.g. \"V [mV]\"");
        Check.notNull("yTitle", yTitle, "give the y axis title with its unit, e.g. \"w [1]\"");
        return of(field, xTitle, yTitle, Traces.stripUnit(xTitle), Traces.stripUnit(yTitle), xMin, xMax, yMin, yMax, trajectories, null);
    }

    static Figure of(Field field, String xTitle, String yTitle, String xName, String yName, double xMin, double xMax,
                     double yMin, double yMax, List<double[][]> trajectories, String title) {
        Check.notNull("field", field, "pass (x, y, out) -> { out[0] = dx/dt; out[1] = dy/dt; }");
        Check.notNull("xTitle", xTitle, "give the x axis title with its unit, e.g. \"V [mV]\"");
        Check.notNull("yTitle", yTitle, "give the y axis title with its unit, e.g. \"w [1]\"");
        Check.range("xMin", xMin, "xMax", xMax);
        Check.range("yMin", yMin, "yMax", yMax);
        int g = CONTOUR_GRID;
        double[] xs = new double[g];
        double[] ys = new double[g];
        for (int i = 0; i < g; i++) {
            xs[i] = xMin + (xMax - xMin) * i / (g - 1);
            ys[i] = yMin + (yMax - yMin) * i / (g - 1);
        }
        double[][] fxGrid = new double[g][g];
        double[][] fyGrid = new double[g][g];
        double[] out = new double[2];
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < g; j++) {
                out[0] = Double.NaN;
                out[1] = Double.NaN;
                field.derivatives(xs[i], ys[j], out);
                fxGrid[i][j] = out[0];
                fyGrid[i][j] = out[1];
            }
        }
        XYChart chart = Style.chart(title, xTitle, yTitle);
        double[][] xNull = contour(xs, ys, fxGrid);
        double[][] yNull = contour(xs, ys, fyGrid);
        if (xNull[0].length > 0) {
            XYSeries s = Style.line(chart, xName + "-nullcline (d" + xName + "/dt = 0)", xNull[0], xNull[1], Style.VERMILLION, new BasicStroke(2.2f));
            s.setShowInLegend(true);
        }
        if (yNull[0].length > 0) {
            // Two axes may carry the same name (titles "x" and "x"): XChart refuses a series name twice.
            Style.line(chart, Traces.unique(chart, yName + "-nullcline (d" + yName + "/dt = 0)"), yNull[0], yNull[1],
                    Style.BLUISH_GREEN, new BasicStroke(2.2f));
        }
        int k = 0;
        for (int t = 0; trajectories != null && t < trajectories.size(); t++) {
            double[][] tr = trajectories.get(t);
            Check.notNull("trajectories[" + t + "]", tr, "pass {xs, ys}");
            if (tr.length != 2) {
                throw new IllegalArgumentException("trajectories[" + t + "] has " + tr.length + " arrays; pass {xs, ys}");
            }
            Check.series("trajectories[" + t + "] x", tr[0]);
            Check.series("trajectories[" + t + "] y", tr[1]);
            Check.sameLength("trajectories[" + t + "] x", tr[0], "trajectories[" + t + "] y", tr[1]);
            Color c = TRAJECTORY[k % TRAJECTORY.length];
            String name = trajectories.size() == 1 ? "trajectory" : "trajectory " + (t + 1);
            Style.line(chart, name, tr[0], tr[1], c, Style.LINE);
            XYSeries start = chart.addSeries(name + " start", new double[] {tr[0][0]}, new double[] {tr[1][0]});
            start.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            start.setMarker(SeriesMarkers.CIRCLE);
            start.setMarkerColor(c);
            start.setShowInLegend(false);
            k++;
        }
        if (chart.getSeriesCollection().isEmpty()) {
            // XChart needs one series to draw the axes; the field alone has no nullcline in range.
            XYSeries s = Style.line(chart, "frame", new double[] {xMin, xMax}, new double[] {yMin, yMax}, Color.WHITE, Style.THIN);
            s.setShowInLegend(false);
        }
        chart.getStyler().setXAxisMin(xMin);
        chart.getStyler().setXAxisMax(xMax);
        chart.getStyler().setYAxisMin(yMin);
        chart.getStyler().setYAxisMax(yMax);
        chart.getStyler().setPlotContentSize(1.0);
        chart.addAnnotation(new Arrows(field, xMin, xMax, yMin, yMax));
        Style.finish(chart);
        return Figure.of(chart, Style.WIDTH, 560);
    }

    /**
     * The zero contour of {@code f} on the grid (marching squares), as line segments separated by
     * NaN, which XChart draws as gaps.
     */
    static double[][] contour(double[] xs, double[] ys, double[][] f) {
        int g = xs.length;
        double[] ox = new double[16 * 1024];
        double[] oy = new double[ox.length];
        int k = 0;
        double[] px = new double[4];
        double[] py = new double[4];
        for (int i = 0; i + 1 < g; i++) {
            for (int j = 0; j + 1 < g; j++) {
                double a = f[i][j];
                double b = f[i + 1][j];
                double c = f[i + 1][j + 1];
                double d = f[i][j + 1];
                if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d))) {
                    continue;
                }
                int n = 0;
                // Edges in order: bottom (a-b), right (b-c), top (d-c), left (a-d).
                if ((a < 0) != (b < 0)) {
                    px[n] = xs[i] + (xs[i + 1] - xs[i]) * a / (a - b);
                    py[n++] = ys[j];
                }
                if ((b < 0) != (c < 0)) {
                    px[n] = xs[i + 1];
                    py[n++] = ys[j] + (ys[j + 1] - ys[j]) * b / (b - c);
                }
                if ((d < 0) != (c < 0)) {
                    px[n] = xs[i] + (xs[i + 1] - xs[i]) * d / (d - c);
                    py[n++] = ys[j + 1];
                }
                if ((a < 0) != (d < 0)) {
                    px[n] = xs[i];
                    py[n++] = ys[j] + (ys[j + 1] - ys[j]) * a / (a - d);
                }
                for (int s = 0; s + 1 < n; s += 2) {
                    if (k + 3 > ox.length) {
                        ox = Arrays.copyOf(ox, ox.length * 2);
                        oy = Arrays.copyOf(oy, oy.length * 2);
                    }
                    ox[k] = px[s];
                    oy[k++] = py[s];
                    ox[k] = px[s + 1];
                    oy[k++] = py[s + 1];
                    ox[k] = Double.NaN;
                    oy[k++] = Double.NaN;
                }
            }
        }
        return new double[][] {Arrays.copyOf(ox, k), Arrays.copyOf(oy, k)};
    }

    /**
     * The vector field as arrows on a regular grid, drawn in screen space so arrow heads keep their
     * shape whatever the axis scales; length grows with the square root of the speed.
     */
    static final class Arrows extends Annotation {
        private final Field field;
        private final double xMin;
        private final double xMax;
        private final double yMin;
        private final double yMax;

        Arrows(Field field, double xMin, double xMax, double yMin, double yMax) {
            super(false);
            this.field = field;
            this.xMin = xMin;
            this.xMax = xMax;
            this.yMin = yMin;
            this.yMax = yMax;
        }

        @Override
        public void paint(Graphics2D g) {
            int n = ARROWS;
            double[] sx = new double[n * n];
            double[] sy = new double[n * n];
            double[] vx = new double[n * n];
            double[] vy = new double[n * n];
            double[] out = new double[2];
            double maxSpeed = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double x = xMin + (xMax - xMin) * (i + 0.5) / n;
                    double y = yMin + (yMax - yMin) * (j + 0.5) / n;
                    field.derivatives(x, y, out);
                    int idx = i * n + j;
                    sx[idx] = chart.getScreenXFromChart(x);
                    sy[idx] = chart.getScreenYFromChart(y);
                    // Direction in screen space, from the field in axis-normalised units.
                    double ux = out[0] / (xMax - xMin) * Math.abs(chart.getScreenXFromChart(xMax) - chart.getScreenXFromChart(xMin));
                    double uy = -out[1] / (yMax - yMin) * Math.abs(chart.getScreenYFromChart(yMax) - chart.getScreenYFromChart(yMin));
                    vx[idx] = Double.isFinite(ux) ? ux : 0;
                    vy[idx] = Double.isFinite(uy) ? uy : 0;
                    maxSpeed = Math.max(maxSpeed, Math.hypot(vx[idx], vy[idx]));
                }
            }
            if (maxSpeed == 0) {
                return;
            }
            double cell = Math.min(Math.abs(chart.getScreenXFromChart(xMax) - chart.getScreenXFromChart(xMin)),
                    Math.abs(chart.getScreenYFromChart(yMax) - chart.getScreenYFromChart(yMin))) / n;
            Path2D.Double path = new Path2D.Double();
            for (int idx = 0; idx < n * n; idx++) {
                double speed = Math.hypot(vx[idx], vy[idx]);
                if (speed == 0) {
                    continue;
                }
                double len = cell * 0.8 * (0.3 + 0.7 * Math.sqrt(speed / maxSpeed));
                double dx = vx[idx] / speed;
                double dy = vy[idx] / speed;
                double x0 = sx[idx] - 0.5 * len * dx;
                double y0 = sy[idx] - 0.5 * len * dy;
                double x1 = sx[idx] + 0.5 * len * dx;
                double y1 = sy[idx] + 0.5 * len * dy;
                path.moveTo(x0, y0);
                path.lineTo(x1, y1);
                double head = Math.min(5, 0.35 * len);
                path.moveTo(x1 - head * (dx - 0.5 * dy), y1 - head * (dy + 0.5 * dx));
                path.lineTo(x1, y1);
                path.lineTo(x1 - head * (dx + 0.5 * dy), y1 - head * (dy - 0.5 * dx));
            }
            Shape clip = g.getClip();
            g.setColor(new Color(0x9A9A9A));
            g.setStroke(new BasicStroke(1.1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(path);
            g.setClip(clip);
        }
    }
}
