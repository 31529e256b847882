package dev.soma.analysis;

import dev.soma.model.NeuronModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The phase plane of a two-variable model (FitzHugh–Nagumo, Morris–Lecar, and the subthreshold
 * dynamics of Izhikevich and AdEx) at a constant input, over a window x ∈ [xMin, xMax] (the first
 * state variable, usually V) and y ∈ [yMin, yMax] (the second): nullclines, fixed points with
 * their stability, the vector field, and trajectories — as tables a plot can draw directly.
 *
 * <p>Table shapes (x and y columns are named after the model's variables with units, e.g.
 * {@code V [mV]}, {@code w [nA]}):
 * <ul>
 *   <li>{@link #nullclines()}: {@code nullcline} ("dV/dt = 0" or "dw/dt = 0"), {@code branch}
 *       (0, 1, … when a vertical line crosses the nullcline more than once), x, y — points ordered
 *       by x within each nullcline and branch, ready to draw as lines;</li>
 *   <li>{@link #fixedPointTable()}: x, y, {@code λ1 re}, {@code λ1 im}, {@code λ2 re},
 *       {@code λ2 im} (per ms), {@code type} (e.g. "stable focus", "saddle");</li>
 *   <li>{@link #vectorField(int, int)}: x, y, {@code dx/dt}, {@code dy/dt} (units per ms) on a grid;</li>
 *   <li>{@link #trajectory(double, double, double)}: {@code t [ms]}, x, y.</li>
 * </ul>
 *
 * <p>Nullcline points are found column by column (a fine scan in y for sign changes, refined by
 * bisection), fixed points where the x-nullcline crosses the y-nullcline (refined by Newton's
 * method), and stability from the eigenvalues of the Jacobian (central differences).
 */
public final class PhasePlane {
    private static final int COLUMNS = 400;
    private static final int ROWS = 400;

    private final NeuronModel model;
    private final double input;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private final String xName;
    private final String yName;

    private PhasePlane(NeuronModel model, double input, double xMin, double xMax, double yMin, double yMax) {
        this.model = model;
        this.input = input;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
        this.xName = model.stateNames()[0] + " [" + model.stateUnits()[0] + "]";
        this.yName = model.stateNames()[1] + " [" + model.stateUnits()[1] + "]";
    }

    /**
     * The phase plane of a two-variable {@code model} at constant {@code input} (model input unit) over a window.
     *
     * @throws IllegalArgumentException if the model does not have exactly two state variables, or a range is empty or not finite
     */
    public static PhasePlane of(NeuronModel model, double input, double xMin, double xMax, double yMin, double yMax) {
        if (model == null) {
            throw new IllegalArgumentException("model = null; pass a two-variable model, e.g. Neurons.fitzHughNagumo()");
        }
        String[] names = model.stateNames();
        if (names.length != 2) {
            throw new IllegalArgumentException("model = " + model.name() + " has " + names.length + " state variables ("
                    + String.join(", ", names) + "); a phase plane needs exactly 2, e.g. FitzHugh–Nagumo, Morris–Lecar, "
                    + "Izhikevich or AdEx");
        }
        if (!Double.isFinite(input)) {
            throw new IllegalArgumentException("input = " + input + " is not finite; give a constant input in " + model.inputUnit());
        }
        if (!Double.isFinite(xMin) || !Double.isFinite(xMax) || !(xMax > xMin)) {
            throw new IllegalArgumentException("x range [" + xMin + ", " + xMax + "] of " + names[0]
                    + " is empty or not finite; give finite bounds with xMin < xMax");
        }
        if (!Double.isFinite(yMin) || !Double.isFinite(yMax) || !(yMax > yMin)) {
            throw new IllegalArgumentException("y range [" + yMin + ", " + yMax + "] of " + names[1]
                    + " is empty or not finite; give finite bounds with yMin < yMax");
        }
        return new PhasePlane(model, input, xMin, xMax, yMin, yMax);
    }

    /** The model. */
    public NeuronModel model() {
        return model;
    }

    /** The constant input (model input unit). */
    public double input() {
        return input;
    }

    /** dx/dt and dy/dt at (x, y), per ms. */
    public double[] flow(double x, double y) {
        double[] out = new double[2];
        model.derivatives(0.0, new double[] {x, y}, input, out);
        return out;
    }

    /**
     * Points of the nullcline of variable {@code variable} (0: dx/dt = 0, 1: dy/dt = 0) inside the
     * window: {xs, ys, branches}, ordered by x then branch.
     */
    public double[][] nullcline(int variable) {
        if (variable != 0 && variable != 1) {
            throw new IllegalArgumentException("variable = " + variable + " must be 0 (" + model.stateNames()[0]
                    + ") or 1 (" + model.stateNames()[1] + ")");
        }
        List<double[]> points = new ArrayList<>();
        double[] y = new double[2];
        double[] d = new double[2];
        double[] column = new double[ROWS + 1];
        for (int i = 0; i <= COLUMNS; i++) {
            double x = xMin + (xMax - xMin) * i / COLUMNS;
            y[0] = x;
            for (int j = 0; j <= ROWS; j++) {
                y[1] = yMin + (yMax - yMin) * j / ROWS;
                model.derivatives(0.0, y, input, d);
                column[j] = d[variable];
            }
            int branch = 0;
            for (int j = 0; j < ROWS; j++) {
                double lo = yMin + (yMax - yMin) * j / ROWS;
                double hi = yMin + (yMax - yMin) * (j + 1) / ROWS;
                if (column[j] == 0) {
                    points.add(new double[] {x, lo, branch++});
                } else if ((column[j] > 0) != (column[j + 1] > 0) && column[j + 1] != 0) {
                    points.add(new double[] {x, bisectY(variable, x, lo, hi, column[j] > 0), branch++});
                }
            }
        }
        double[][] out = new double[3][points.size()];
        for (int k = 0; k < points.size(); k++) {
            out[0][k] = points.get(k)[0];
            out[1][k] = points.get(k)[1];
            out[2][k] = points.get(k)[2];
        }
        return out;
    }

    private double bisectY(int variable, double x, double lo, double hi, boolean loPositive) {
        double[] y = {x, 0};
        double[] d = new double[2];
        for (int it = 0; it < 100 && hi - lo > 1e-14 * Math.max(1, Math.abs(hi)); it++) {
            y[1] = 0.5 * (lo + hi);
            model.derivatives(0.0, y, input, d);
            if ((d[variable] > 0) == loPositive) lo = y[1]; else hi = y[1];
        }
        return 0.5 * (lo + hi);
    }

    /** Both nullclines as one table (shape in the class comment). */
    public Table nullclines() {
        StringColumn which = StringColumn.create("nullcline");
        IntColumn branch = IntColumn.create("branch");
        DoubleColumn xs = DoubleColumn.create(xName);
        DoubleColumn ys = DoubleColumn.create(yName);
        for (int variable = 0; variable < 2; variable++) {
            double[][] points = nullcline(variable);
            String label = "d" + model.stateNames()[variable] + "/dt = 0";
            int branches = 0;
            for (double b : points[2]) branches = Math.max(branches, (int) b + 1);
            for (int b = 0; b < branches; b++) {
                for (int k = 0; k < points[0].length; k++) {
                    if ((int) points[2][k] == b) {
                        which.append(label);
                        branch.append(b);
                        xs.append(points[0][k]);
                        ys.append(points[1][k]);
                    }
                }
            }
        }
        return Table.create(model.name() + " nullclines", which, branch, xs, ys);
    }

    /** The fixed points inside the window, ordered by x, with their stability. */
    public List<FixedPoint> fixedPoints() {
        double[][] xNull = nullcline(0);
        List<FixedPoint> found = new ArrayList<>();
        double[] d = new double[2];
        double[] s = new double[2];
        // Walk each branch of the x-nullcline and look for sign changes of dy/dt along it.
        int branches = 0;
        for (double b : xNull[2]) branches = Math.max(branches, (int) b + 1);
        for (int b = 0; b < branches; b++) {
            double px = Double.NaN;
            double py = Double.NaN;
            double pf = Double.NaN;
            for (int k = 0; k < xNull[0].length; k++) {
                if ((int) xNull[2][k] != b) continue;
                s[0] = xNull[0][k];
                s[1] = xNull[1][k];
                model.derivatives(0.0, s, input, d);
                double f = d[1];
                if (!Double.isNaN(pf) && (f == 0 || (pf > 0) != (f > 0))) {
                    double[] root = newton(0.5 * (px + s[0]), 0.5 * (py + s[1]));
                    if (root != null && inside(root) && !duplicate(found, root)) {
                        found.add(classify(root[0], root[1]));
                    }
                }
                px = s[0];
                py = s[1];
                pf = f;
            }
        }
        found.sort((p, q) -> Double.compare(p.x(), q.x()));
        return found;
    }

    private boolean inside(double[] p) {
        double mx = 1e-9 * (xMax - xMin);
        double my = 1e-9 * (yMax - yMin);
        return p[0] >= xMin - mx && p[0] <= xMax + mx && p[1] >= yMin - my && p[1] <= yMax + my;
    }

    private boolean duplicate(List<FixedPoint> found, double[] p) {
        for (FixedPoint q : found) {
            if (Math.abs(q.x() - p[0]) <= 1e-7 * (xMax - xMin) && Math.abs(q.y() - p[1]) <= 1e-7 * (yMax - yMin)) {
                return true;
            }
        }
        return false;
    }

    private double[] newton(double x, double y) {
        double[] f = new double[2];
        for (int it = 0; it < 100; it++) {
            f = flow(x, y);
            double[][] j = jacobian(x, y);
            double det = j[0][0] * j[1][1] - j[0][1] * j[1][0];
            if (det == 0 || !Double.isFinite(det)) return null;
            double dx = (f[0] * j[1][1] - f[1] * j[0][1]) / det;
            double dy = (j[0][0] * f[1] - j[1][0] * f[0]) / det;
            x -= dx;
            y -= dy;
            if (Math.abs(dx) <= 1e-14 * Math.max(1, Math.abs(x)) && Math.abs(dy) <= 1e-14 * Math.max(1, Math.abs(y))) {
                return new double[] {x, y};
            }
        }
        f = flow(x, y);
        return Math.abs(f[0]) < 1e-9 && Math.abs(f[1]) < 1e-9 ? new double[] {x, y} : null;
    }

    /** The Jacobian ∂(dx/dt, dy/dt)/∂(x, y) at (x, y), by central differences, per ms. */
    public double[][] jacobian(double x, double y) {
        double hx = 1e-6 * Math.max(1, Math.abs(x));
        double hy = 1e-6 * Math.max(1, Math.abs(y));
        double[] fxp = flow(x + hx, y);
        double[] fxm = flow(x - hx, y);
        double[] fyp = flow(x, y + hy);
        double[] fym = flow(x, y - hy);
        return new double[][] {
            {(fxp[0] - fxm[0]) / (2 * hx), (fyp[0] - fym[0]) / (2 * hy)},
            {(fxp[1] - fxm[1]) / (2 * hx), (fyp[1] - fym[1]) / (2 * hy)}};
    }

    /** The fixed point record for (x, y), with eigenvalues of the Jacobian there. */
    public FixedPoint classify(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException((Double.isFinite(x) ? "y = " + y : "x = " + x) + " is not finite; classify a "
                    + "point of the plane, e.g. one of fixedPoints()");
        }
        double[][] j = jacobian(x, y);
        double trace = j[0][0] + j[1][1];
        double det = j[0][0] * j[1][1] - j[0][1] * j[1][0];
        double disc = trace * trace - 4 * det;
        double re1;
        double im1;
        double re2;
        double im2;
        if (disc >= 0) {
            double root = Math.sqrt(disc);
            re1 = 0.5 * (trace - root);
            re2 = 0.5 * (trace + root);
            im1 = 0;
            im2 = 0;
        } else {
            re1 = 0.5 * trace;
            re2 = re1;
            im1 = -0.5 * Math.sqrt(-disc);
            im2 = -im1;
        }
        String type;
        double scale = Math.abs(j[0][0]) + Math.abs(j[1][1]) + Math.abs(j[0][1]) + Math.abs(j[1][0]);
        if (det < -1e-12 * scale * scale) {
            type = "saddle";
        } else if (Math.abs(trace) <= 1e-9 * scale) {
            type = "center (non-hyperbolic)";
        } else if (trace < 0) {
            type = disc >= 0 ? "stable node" : "stable focus";
        } else {
            type = disc >= 0 ? "unstable node" : "unstable focus";
        }
        return new FixedPoint(x, y, re1, im1, re2, im2, type);
    }

    /** The fixed points as a table (shape in the class comment). */
    public Table fixedPointTable() {
        List<FixedPoint> points = fixedPoints();
        DoubleColumn x = DoubleColumn.create(xName);
        DoubleColumn y = DoubleColumn.create(yName);
        DoubleColumn r1 = DoubleColumn.create("λ1 re [1/ms]");
        DoubleColumn i1 = DoubleColumn.create("λ1 im [1/ms]");
        DoubleColumn r2 = DoubleColumn.create("λ2 re [1/ms]");
        DoubleColumn i2 = DoubleColumn.create("λ2 im [1/ms]");
        StringColumn type = StringColumn.create("type");
        for (FixedPoint p : points) {
            x.append(p.x());
            y.append(p.y());
            r1.append(p.lambda1Re());
            i1.append(p.lambda1Im());
            r2.append(p.lambda2Re());
            i2.append(p.lambda2Im());
            type.append(p.type());
        }
        return Table.create(model.name() + " fixed points", x, y, r1, i1, r2, i2, type);
    }

    /** The most grid points {@link #vectorField(int, int)} makes: a 1000 × 1000 grid, 32 MB as a table. */
    public static final int MAX_VECTOR_FIELD_POINTS = 1_000_000;

    /**
     * The vector field on an {@code nx} × {@code ny} grid spanning the window (shape in the class
     * comment), at most {@value #MAX_VECTOR_FIELD_POINTS} points (a figure draws a few hundred arrows).
     */
    public Table vectorField(int nx, int ny) {
        if (nx < 2) {
            throw new IllegalArgumentException("nx = " + nx + " points along x is too few; give nx, ny ≥ 2");
        }
        if (ny < 2) {
            throw new IllegalArgumentException("ny = " + ny + " points along y is too few; give nx, ny ≥ 2");
        }
        long points = (long) nx * ny;
        if (points > MAX_VECTOR_FIELD_POINTS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "nx = %d, ny = %d: %d × %d = %,d points is too many: the table would take %,d MB (four columns of "
                            + "8 bytes a point), and a figure shows a few hundred arrows; give at most %,d points, "
                            + "e.g. vectorField(20, 20) for a figure or vectorField(1000, 1000) for analysis",
                    nx, ny, nx, ny, points, points * 32 / 1_000_000, MAX_VECTOR_FIELD_POINTS));
        }
        String[] n = model.stateNames();
        String[] u = model.stateUnits();
        DoubleColumn xs = DoubleColumn.create(xName);
        DoubleColumn ys = DoubleColumn.create(yName);
        DoubleColumn dx = DoubleColumn.create("d" + n[0] + "/dt [" + u[0] + "/ms]");
        DoubleColumn dy = DoubleColumn.create("d" + n[1] + "/dt [" + u[1] + "/ms]");
        for (int i = 0; i < nx; i++) {
            double x = xMin + (xMax - xMin) * i / (nx - 1);
            for (int j = 0; j < ny; j++) {
                double y = yMin + (yMax - yMin) * j / (ny - 1);
                double[] f = flow(x, y);
                xs.append(x);
                ys.append(y);
                dx.append(f[0]);
                dy.append(f[1]);
            }
        }
        return Table.create(model.name() + " vector field", xs, ys, dx, dy);
    }

    /**
     * The trajectory from (x0, y0) for {@code durationMs} at the constant input, sampled every
     * 0.1 ms or every step if that is longer: {@code t [ms]}, x, y. Reset models are reset at a
     * spike as in a simulation.
     */
    public Table trajectory(double x0, double y0, double durationMs) {
        if (!Double.isFinite(x0)) {
            throw new IllegalArgumentException("x0 = " + x0 + " is not finite; give a finite start point (x0, y0)");
        }
        if (!Double.isFinite(y0)) {
            throw new IllegalArgumentException("y0 = " + y0 + " is not finite; give a finite start point (x0, y0)");
        }
        if (!(durationMs > 0) || Double.isInfinite(durationMs)) {
            throw new IllegalArgumentException("durationMs = " + durationMs + " must be a finite number > 0 (ms)");
        }
        double[][] samples;
        try {
            samples = Runs.trajectory(model, new double[] {x0, y0}, input, durationMs, 0.1);
        } catch (dev.soma.sim.SimulationDivergedException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the trajectory from x0 = %.6g, y0 = %.6g failed: %s; "
                    + "start it inside or near the window [%.6g, %.6g] × [%.6g, %.6g]", x0, y0, e.getMessage(), xMin, xMax, yMin, yMax), e);
        }
        return Table.create(model.name() + " trajectory",
                DoubleColumn.create("t [ms]", samples[0]),
                DoubleColumn.create(xName, samples[1]),
                DoubleColumn.create(yName, samples[2]));
    }

    /**
     * A fixed point of the phase plane.
     *
     * @param x         first variable (e.g. V, mV)
     * @param y         second variable
     * @param lambda1Re real part of the first eigenvalue of the Jacobian (1/ms)
     * @param lambda1Im its imaginary part
     * @param lambda2Re real part of the second eigenvalue
     * @param lambda2Im its imaginary part
     * @param type      "stable node", "stable focus", "unstable node", "unstable focus", "saddle" or "center (non-hyperbolic)"
     */
    public record FixedPoint(double x, double y, double lambda1Re, double lambda1Im, double lambda2Re,
                             double lambda2Im, String type) {
        /** Whether both eigenvalues have negative real parts. */
        public boolean stable() {
            return lambda1Re < 0 && lambda2Re < 0;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "(%.6g, %.6g) %s, λ = %.4g%+.4gi, %.4g%+.4gi",
                    x, y, type, lambda1Re, lambda1Im, lambda2Re, lambda2Im);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "phase plane of %s at I = %.4g %s, %s ∈ [%.4g, %.4g], %s ∈ [%.4g, %.4g]",
                model.name(), input, model.inputUnit(), model.stateNames()[0], xMin, xMax, model.stateNames()[1], yMin, yMax);
    }
}
