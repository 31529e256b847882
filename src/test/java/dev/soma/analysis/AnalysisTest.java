package dev.soma.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Analysis;
import dev.soma.Neurons;
import dev.soma.Simulation;
import dev.soma.Stimulus;
import org.junit.jupiter.api.Test;

/** The notebook front {@link Analysis} and the zoo block of {@link Neurons}, used as a notebook cell would. */
class AnalysisTest {

    @Test
    void aNotebookCellReachesEveryMeasureThroughTheFront() {
        var run = Simulation.of(Neurons.adex("adapting")).inject(Stimulus.step(Neurons.adexInputNa("adapting"), 0, 500)).run(500);
        assertTrue(Analysis.adaptationIndex(run, 0) > 0.05);
        assertEquals(run.spikeCount() - 1, Analysis.isi(run).length);
        assertTrue(Analysis.cv(run) > 0);
        assertEquals(run.spikeTimes()[0], Analysis.firstSpikeLatencyMs(run, 0), 1e-12);
        assertTrue(Analysis.isiRateHz(run, 0, 500) >= Analysis.countRateHz(run, 0, 500));
    }

    @Test
    void frontBuildsCurvesPlanesAndSweeps() {
        var curve = Analysis.fI(Neurons.quadraticIF()).range(0.3, 0.6, 3).durationMs(300).windowFromMs(100).progress(false).run();
        assertEquals(3, curve.table().rowCount());
        var plane = Analysis.phasePlane(Neurons.fitzHughNagumo(), 0, -2.5, 2.5, -1, 2);
        assertEquals("stable focus", plane.fixedPoints().get(0).type());
        var table = Analysis.sweep("d", 2, 8).progress(false)
                .experiment(p -> Simulation.of(Neurons.izhikevich().withD(p.get("d"))).inject(Stimulus.constant(10)).run(300))
                .measure("rate [Hz]", r -> r.rateHz()).run();
        assertTrue(table.doubleColumn("rate [Hz]").getDouble(0) > table.doubleColumn("rate [Hz]").getDouble(1));
        assertEquals(Analysis.siegertRateHz(-52, 3, 10, -50, -70, 2), Siegert.rateHz(-52, 3, 10, -50, -70, 2));
        var noisy = Analysis.noisyLif(Neurons.lif(), 0.5, 1).currents(1.5, 2.5);
        assertEquals(NoisyLif.of(Neurons.lif(), 0.5, 1).sigmaMv(), noisy.sigmaMv(), 1e-12);
        assertEquals(noisy.siegertRateHz(2.5), noisy.siegert().doubleColumn("rate [Hz]").getDouble(1), 1e-12);
    }

    @Test
    void neuronsOffersEveryZooModelWithItsPresets() {
        assertEquals("Izhikevich CH (chattering)", Neurons.izhikevich("CH").name());
        assertEquals(10, Neurons.izhikevichInput("RS"));
        assertEquals(4.4, Neurons.morrisLecar("type II").gCaMsPerCm2());
        assertEquals(0.7, Neurons.fitzHughNagumo().a());
        assertEquals(0.18, (Neurons.exponentialIF().thresholdMv() - Neurons.exponentialIF().restMv() - Neurons.exponentialIF().slopeMv())
                * Neurons.exponentialIF().leakConductanceUs(), 1e-12);
        assertEquals(0.225, Neurons.quadraticIF().rheobaseNa(), 1e-12);
        var e = assertThrows(IllegalArgumentException.class, () -> Neurons.adex("chaotic"));
        assertTrue(e.getMessage().contains("regular bursting"), e.getMessage());
    }
}
