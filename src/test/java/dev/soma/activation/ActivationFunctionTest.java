package dev.soma.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every activation function keeps, checked for each standard one and a few parameter values. */
class ActivationFunctionTest {

    static Stream<ActivationFunction> functions() {
        List<ActivationFunction> fs = new ArrayList<>(ActivationFunctions.all());
        fs.add(ActivationFunctions.leakyRelu(0.2));
        fs.add(ActivationFunctions.leakyRelu(1.0));
        fs.add(ActivationFunctions.elu(0.5));
        fs.add(ActivationFunctions.elu(2.0));
        fs.add(ActivationFunctions.softplus(0.5));
        fs.add(ActivationFunctions.softplus(4.0));
        return fs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void derivativeMatchesCentralFiniteDifferencesAwayFromKinks(ActivationFunction f) {
        for (double x : FiniteDifference.grid()) {
            if (!f.hasDerivativeEverywhere() && Math.abs(x) < 0.01) {
                continue;
            }
            double numeric = FiniteDifference.derivative(f::apply, x);
            double analytic = f.derivative(x);
            assertEquals(numeric, analytic, 1e-9 * Math.max(1.0, Math.abs(analytic)), () -> f.name() + "'(" + x + ")");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void smoothFunctionsAlsoMatchFiniteDifferencesAtZero(ActivationFunction f) {
        // Plain central difference: ELU with α = 1 is differentiable at 0 but its second derivative
        // jumps there, which would spoil the Richardson step.
        if (f.hasDerivativeEverywhere()) {
            double h = 1e-6;
            double numeric = (f.apply(h) - f.apply(-h)) / (2 * h);
            assertEquals(numeric, f.derivative(0.0), 1e-6, f.name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void nanGivesNan(ActivationFunction f) {
        assertTrue(Double.isNaN(f.apply(Double.NaN)), f.name());
        assertTrue(Double.isNaN(f.derivative(Double.NaN)), f.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void infinitiesGiveTheLimitsNotNan(ActivationFunction f) {
        for (double x : new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}) {
            assertTrue(!Double.isNaN(f.apply(x)), () -> f.name() + "(" + x + ")");
            assertTrue(!Double.isNaN(f.derivative(x)), () -> f.name() + "'(" + x + ")");
        }
        assertEquals(f.apply(1e6), Math.min(f.apply(Double.POSITIVE_INFINITY), 1e6), 1e-9, f.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void vectorisedApplyMatchesScalarIntoANewArray(ActivationFunction f) {
        double[] xs = FiniteDifference.grid();
        double[] before = xs.clone();
        double[] ys = f.apply(xs);
        double[] ds = f.derivative(xs);
        assertNotSame(xs, ys);
        assertArrayEquals(before, xs, 0.0, "input unchanged");
        for (int i = 0; i < xs.length; i++) {
            assertEquals(f.apply(xs[i]), ys[i], 0.0);
            assertEquals(f.derivative(xs[i]), ds[i], 0.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void vectorisedApplyRejectsNullNamingXs(ActivationFunction f) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.apply((double[]) null));
        assertTrue(e.getMessage().startsWith("xs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.derivative((double[]) null));
        assertTrue(e.getMessage().startsWith("xs"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void toStringShowsNameAndFormula(ActivationFunction f) {
        assertEquals(f.name() + ": " + f.formula(), f.toString());
        assertTrue(f.formula().startsWith("f(x) = "), f.formula());
        assertTrue(f.latex().startsWith("f(x) = "), f.latex());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void isDeclaredDifferentiableExactlyWhenContinuousWithoutAKinkAtZero(ActivationFunction f) {
        boolean continuous = Math.abs(f.apply(1e-9) - f.apply(-1e-9)) < 1e-6;
        double left = f.derivative(-1e-9);
        double right = f.derivative(1e-9);
        boolean noKink = Math.abs(left - right) < 1e-6;
        assertEquals(f.hasDerivativeEverywhere(), continuous && noKink, f.name() + ": f′ " + left + " vs " + right);
    }
}
