package dev.soma.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GeluTest {
    private final ActivationFunction f = ActivationFunctions.GELU;

    /** x, x·Φ(x), Φ(x) + x·φ(x), computed independently with mpmath at 40 significant digits. */
    private static final double[][] REFERENCE = {
        {-5.0, -1.4332578593959695584e-6, -7.1469460017922946279e-6},
        {-3.0, -0.00404969409489028358, -0.011945647204183927},
        {-1.0, -0.15865525393145705141, -0.083315470587686298383},
        {-0.5, -0.15426876936299344818, 0.13250487534383715747},
        {0.5, 0.34573123063700655182, 0.86749512465616284253},
        {1.0, 0.84134474606854294859, 1.0833154705876862984},
        {2.0, 1.9544997361036415856, 1.0852318010781968967},
        {3.0, 2.9959503059051097164, 1.011945647204183927},
    };

    @Test
    void matchesHighPrecisionReferenceValues() {
        for (double[] row : REFERENCE) {
            assertEquals(row[1], f.apply(row[0]), 1e-14 * Math.abs(row[1]), "GELU(" + row[0] + ")");
            assertEquals(row[2], f.derivative(row[0]), 1e-14 * Math.abs(row[2]), "GELU'(" + row[0] + ")");
        }
    }

    @Test
    void isZeroAtZeroWithSlopeOneHalf() {
        assertEquals(0.0, f.apply(0.0), 0.0);
        assertEquals(0.5, f.derivative(0.0), 1e-16);
    }

    @Test
    void minimumIsAboutMinusPointOneSeventeenNearMinusPointSevenFive() {
        double bestX = 0;
        double best = 0;
        for (double x = -3; x < 0; x += 1e-4) {
            if (f.apply(x) < best) {
                best = f.apply(x);
                bestX = x;
            }
        }
        assertEquals(-0.7518, bestX, 1e-3);
        assertEquals(-0.1700, best, 1e-3);
    }

    @Test
    void tendsToReluInTheTails() {
        assertEquals(10.0, f.apply(10.0), 1e-15);
        assertEquals(0.0, f.apply(-40.0), 1e-300);
        assertEquals(0.0, f.apply(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(1.0, f.derivative(Double.POSITIVE_INFINITY), 0.0);
    }
}
