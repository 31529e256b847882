package dev.soma.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Activation;
import dev.soma.Neurons;
import dev.soma.Plots;
import dev.soma.Simulation;
import dev.soma.Stimulus;
import dev.soma.sim.SimulationResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The front class {@link Plots} on real Soma simulations and activation functions. */
class SimulationFiguresTest {
    static SimulationResult hh;
    static SimulationResult lif;

    @BeforeAll
    static void run() {
        hh = Simulation.of(Neurons.hodgkinHuxley()).inject(Stimulus.step(10, 10, 60))
                .record("V", "m", "h", "n", "I_Na", "I_K", "I_L").run(80);
        lif = Simulation.of(Neurons.lif()).inject(Stimulus.constant(2.5)).run(200);
    }

    static void looksLikeAFigure(Figure f) {
        assertTrue(FigureTest.lumaVariance(f) > 50, f.toString());
        assertTrue(f.toPng().length > 8_000, f.toString());
        assertTrue(f.toSvg().contains("t [ms]") || f.toSvg().contains("x axis"), f.toString());
    }

    @Test
    void voltageOfARunMarksItsSpikesAndTheModelThreshold() {
        Figure f = Plots.voltage(lif);
        looksLikeAFigure(f);
        XYChart c = (XYChart) f.charts().get(0);
        boolean threshold = false;
        boolean spikes = false;
        for (XYSeries s : c.getSeriesCollection()) {
            threshold |= s.getName().equals("threshold −50 mV");
            spikes |= s.getName().equals(lif.spikeCount() + " spikes") && s.getXData().length == lif.spikeCount();
        }
        assertTrue(threshold && spikes, "series: " + c.getSeriesCollection());
        assertTrue(lif.spikeCount() > 2);
    }

    /** Only the LIF imposes a threshold: elsewhere the dashed line is where a spike is cut off or detected. */
    @Test
    void theDashedLineSaysWhetherItIsAThresholdACutOffOrADetectionLevel() {
        assertEquals("threshold −50 mV", levelSeries(Plots.voltage(lif)));
        assertEquals("spike detection 0 mV", levelSeries(Plots.voltage(hh)));
        SimulationResult adex = Simulation.of(Neurons.adex("tonic")).inject(Stimulus.constant(0.5)).run(50);
        assertEquals("spike cut-off 0 mV", levelSeries(Plots.voltage(adex)));
        SimulationResult izhikevich = Simulation.of(Neurons.izhikevich("RS")).inject(Stimulus.constant(10)).run(50);
        assertEquals("spike cut-off 30 mV", levelSeries(Plots.voltage(izhikevich)));
    }

    private static String levelSeries(Figure f) {
        for (XYSeries s : ((XYChart) f.charts().get(0)).getSeriesCollection()) {
            if (s.getName().endsWith(" mV")) {
                return s.getName();
            }
        }
        return null;
    }

    /** m is vermillion; h, once orange and hard to tell from it, is bluish green wherever the gates are drawn. */
    @Test
    void theGatesHaveThreeColoursThatStandApart() {
        XYChart gates = (XYChart) Plots.hodgkinHuxley(hh).charts().get(1);
        XYChart trace = (XYChart) Plots.trace(hh, "m", "h", "n").charts().get(0);
        for (XYChart c : List.of(gates, trace)) {
            assertEquals(Style.VERMILLION, series(c, "m").getLineColor());
            assertEquals(Style.BLUISH_GREEN, series(c, "h").getLineColor());
            assertEquals(Style.BLUE, series(c, "n").getLineColor());
        }
    }

    private static XYSeries series(XYChart c, String name) {
        return c.getSeriesCollection().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void voltageOfAModelWhoseMembranePotentialIsNamedLowerCaseV() {
        SimulationResult izhikevich = Simulation.of(Neurons.izhikevich("RS")).inject(Stimulus.constant(10)).run(200);
        Figure f = Plots.voltage(izhikevich);
        looksLikeAFigure(f);
        boolean spikes = false;
        for (XYSeries s : ((XYChart) f.charts().get(0)).getSeriesCollection()) {
            spikes |= s.getName().equals(izhikevich.spikeCount() + " spikes");
        }
        assertTrue(spikes && izhikevich.spikeCount() > 2, "spikes: " + izhikevich.spikeCount());
        SimulationResult onlyW = Simulation.of(Neurons.izhikevich("RS")).record("u").run(10);
        var e = assertThrows(IllegalArgumentException.class, () -> Plots.voltage(onlyW));
        assertTrue(e.getMessage().contains(".record(\"V\")"), e.getMessage());
    }

    @Test
    void hodgkinHuxleyFigureFromARunAndFromItsTable() {
        Figure f = Plots.hodgkinHuxley(hh);
        looksLikeAFigure(f);
        assertEquals(3, f.panelCount());
        Figure g = Plots.hodgkinHuxley(hh.table());
        assertEquals(3, g.panelCount());
        assertEquals("I [µA/cm²]", ((XYChart) g.charts().get(2)).getYAxisTitle());
    }

    @Test
    void hodgkinHuxleyFigureNamesWhatTheRunLacks() {
        SimulationResult vOnly = Simulation.of(Neurons.hodgkinHuxley()).run(5);
        var e = assertThrows(IllegalArgumentException.class, () -> Plots.hodgkinHuxley(vOnly));
        assertTrue(e.getMessage().contains(".record(\"V\", \"m\", \"h\", \"n\", \"I_Na\", \"I_K\", \"I_L\")"), e.getMessage());
    }

    @Test
    void traceOverlayIsiAndPhasePlaneOfRuns() {
        looksLikeAFigure(Plots.trace(hh, "m", "h", "n"));
        var e = assertThrows(IllegalArgumentException.class, () -> Plots.trace(hh, "V", "m"));
        assertTrue(e.getMessage().contains("mix units mV and 1"), e.getMessage());
        looksLikeAFigure(Plots.overlay("V", List.of("HH", "LIF"), hh, lif));
        looksLikeAFigure(Plots.isi(lif));
        looksLikeAFigure(Plots.phasePlane(Neurons.hodgkinHuxley(), "n", 0, -80, 40, 0.2, 0.8, hh));
        e = assertThrows(IllegalArgumentException.class, () -> Plots.phasePlane(Neurons.hodgkinHuxley(), "w", 0, -80, 40, 0, 1));
        assertTrue(e.getMessage().contains("yVariable = \"w\""), e.getMessage());
        looksLikeAFigure(Plots.table(hh.table(), "t [ms]", "I_Na [µA/cm²]", "I_K [µA/cm²]"));
    }

    @Test
    void activationFunctionsOfTheActivationRoom() {
        Figure one = Plots.activation(Activation.RELU);
        looksLikeAFigure(one);
        assertEquals("ReLU:  " + Activation.RELU.formula(), one.charts().get(0).getTitle());
        Figure all = Plots.activations(Activation.all());
        assertEquals(Activation.all().size(), all.panelCount());
        assertTrue(all.getWidth() <= 1000);
        Figure side = Plots.fIBeside(new double[] {0, 1, 2, 3}, "nA", List.of("LIF"), new double[][] {{0, 0, 20, 35}},
                Activation.RELU, Activation.SOFTPLUS);
        assertEquals(2, side.panelCount());
        XYChart left = (XYChart) side.charts().get(0);
        XYChart right = (XYChart) side.charts().get(1);
        assertEquals(left.getStyler().getYAxisMax(), right.getStyler().getYAxisMax());
        assertEquals(left.getStyler().getXAxisMin(), right.getStyler().getXAxisMin());
    }

    @Test
    void analysisRoomFiCurvesAndTwoVariablePhasePlanes() {
        var lifCurve = dev.soma.Analysis.fI(Neurons.lif(), 0, 4, 9);
        var eif = dev.soma.Analysis.fI(Neurons.exponentialIF(), 0, 4, 9);
        Figure both = Plots.fI(lifCurve, eif);
        looksLikeAFigure(both);
        assertTrue(((XYChart) both.charts().get(0)).getStyler().isLegendVisible());
        looksLikeAFigure(Plots.fIBeside(lifCurve, Activation.RELU));
        var hhCurve = dev.soma.Analysis.fI(Neurons.hodgkinHuxley(), 0, 10, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> Plots.fI(lifCurve, hhCurve));
        assertTrue(e.getMessage().contains("has input in µA/cm² but curves[0] in nA"), e.getMessage());

        var fhn = Neurons.fitzHughNagumo();
        var fhnRun = Simulation.of(fhn).inject(Stimulus.constant(0.5)).record("V", "w").run(200);
        Figure plane = Plots.phasePlane(fhn, 0.5, -2.5, 2.5, -1, 2.5, fhnRun);
        looksLikeAFigure(plane);
        boolean fixedPoint = false;
        for (XYSeries s : ((XYChart) plane.charts().get(0)).getSeriesCollection()) {
            fixedPoint |= s.getName().endsWith("fixed point");
        }
        assertTrue(fixedPoint, "the FitzHugh–Nagumo plane at I = 0.5 has a fixed point");
        var vOnly = Simulation.of(fhn).run(10);
        e = assertThrows(IllegalArgumentException.class, () -> Plots.phasePlane(fhn, 0.5, -2.5, 2.5, -1, 2.5, vOnly));
        assertTrue(e.getMessage().contains(".record(\"V\", \"w\")"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plots.phasePlane(Neurons.hodgkinHuxley(), 0, -80, 40, 0, 1));
        assertTrue(e.getMessage().contains("has 4 state variables"), e.getMessage());
    }

    @Test
    void rowOfActivationAndTraceIsOneImage() {
        Figure row = Plots.row(Plots.activation(Activation.SIGMOID), Plots.voltage(hh));
        assertEquals(2, row.panelCount());
        assertEquals(1000, row.getWidth());
        looksLikeAFigure(row);
    }

    @Test
    void integrateAndFireSpikesAreDrawnUpToThresholdAtTheirTimes() {
        double[][] drawn = Traces.withSpikeStrokes(new double[] {0, 1, 2, 3}, new double[] {-70, -60, -70, -65},
                new double[] {1.5}, -50);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0, 1, 1.5, 2, 3}, drawn[0]);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {-70, -60, -50, -70, -65}, drawn[1]);
    }
}
