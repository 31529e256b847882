package dev.soma.synapse;

import static dev.soma.Units.ms;
import static dev.soma.Units.uS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Neurons;
import dev.soma.Simulation;
import dev.soma.Stimulus;
import dev.soma.Synapses;
import dev.soma.sim.Attachment;
import org.junit.jupiter.api.Test;

class TonicConductanceTest {
    // Neurons.lif(): g_L = 1/R = 0.1 µS, E_L = −70 mV, V_th = −50 mV.

    private static double rheobase(Attachment... attachments) {
        var lif = Neurons.lif();
        double lo = 0;
        double hi = 20;
        for (int i = 0; i < 40; i++) {
            double mid = 0.5 * (lo + hi);
            if (Simulation.of(lif).inject(Stimulus.constant(mid)).attach(attachments).run(300 * ms).spikeCount() > 0) hi = mid; else lo = mid;
        }
        return hi;
    }

    @Test
    void aShuntEqualToTheLeakKeepsRestAndDoublesTheRheobase() {
        var lif = Neurons.lif();
        var shunt = Synapses.tonicShunt(lif, 0.1 * uS);
        for (double v : Simulation.of(lif).attach(shunt).run(100 * ms).values("V")) assertEquals(-70, v, 0);
        // Rheobase (V_th − E_L)(g_L + g): 2 nA without, 4 nA with the shunt — division, not subtraction.
        assertEquals(2.0, rheobase(), 1e-6);
        assertEquals(4.0, rheobase(shunt), 1e-6);
    }

    @Test
    void gabaATonicSettlesAtTheConductanceWeightedMean() {
        var lif = Neurons.lif();
        var run = Simulation.of(lif).attach(Synapses.tonic(lif, 0.1 * uS, -80)).record("V", "g_tonic").run(200 * ms);
        double[] v = run.values("V");
        assertEquals((0.1 * -70 + 0.1 * -80) / 0.2, v[v.length - 1], 1e-9);
        assertEquals(0.1, run.values("g_tonic")[0], 0);
    }

    @Test
    void negativeConductanceIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Synapses.tonic(Neurons.lif(), -0.1, -80));
        assertTrue(e.getMessage().startsWith("conductance = -0.1 µS") && e.getMessage().contains("reversal potential"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Synapses.tonic(Neurons.lif(), 0.1, Double.NaN)).getMessage().contains("reversalMv"));
    }

    @Test
    void toStringAndNames() {
        var shunt = Synapses.tonicShunt(Neurons.lif(), 0.05).named("shunt");
        assertEquals("shunt conductance 0.05 µS, E = -70 mV", shunt.toString());
        assertEquals("g_shunt", shunt.stateNames()[0]);
    }
}
