package dev.soma.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SvgLinesTest {

    @Test
    void connectedSegmentsOfOneStyleBecomeOnePolyline() {
        String svg = "<svg>\n"
                + "  <line style=\"stroke:red;\" x1=\"0.0\" x2=\"1.0\" y1=\"0.0\" y2=\"2.5\"/>\n"
                + "  <line style=\"stroke:red;\" x1=\"1.0\" x2=\"2.0\" y1=\"2.5\" y2=\"-3.14159\"/>\n"
                + "  <line style=\"stroke:blue;\" x1=\"2.0\" x2=\"3.0\" y1=\"-3.14159\" y2=\"0.0\"/>\n"
                + "  <line style=\"stroke:blue;\" x1=\"5.0\" x2=\"6.0\" y1=\"0.0\" y2=\"0.0\"/>\n"
                + "  <path d=\"M0,0\"/>\n"
                + "</svg>";
        String merged = SvgLines.merge(svg);
        assertEquals("<svg>\n"
                + "  <polyline style=\"stroke:red;\" points=\"0,0 1,2.5 2,-3.14\"/>\n"
                + "  <polyline style=\"stroke:blue;\" points=\"2,-3.14 3,0\"/>\n"
                + "  <polyline style=\"stroke:blue;\" points=\"5,0 6,0\"/>\n"
                + "  <path d=\"M0,0\"/>\n"
                + "</svg>", merged);
        assertFalse(merged.contains("<line"));
    }

    @Test
    void aFigureSvgStaysSmall() {
        double[][] hh = Synthetic.hodgkinHuxley(150, 10);
        Figure f = Traces.hodgkinHuxley(hh[0], hh[1], new double[][] {hh[2], hh[3], hh[4]}, new double[][] {hh[5], hh[6], hh[7]}, "µA/cm²", "HH");
        String svg = f.toSvg();
        assertTrue(svg.length() < 1_500_000, "SVG of " + svg.length() + " chars");
        assertTrue(svg.contains("<polyline"));
    }
}
