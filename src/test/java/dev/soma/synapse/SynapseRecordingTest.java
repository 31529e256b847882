package dev.soma.synapse;

import static dev.soma.Units.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.soma.Neurons;
import dev.soma.Simulation;
import dev.soma.Spikes;
import dev.soma.Synapses;
import dev.soma.sim.Method;
import org.junit.jupiter.api.Test;

/** A conductance synapse's current can be recorded by name, and synapses change the default method. */
class SynapseRecordingTest {

    @Test
    void synapticCurrentIsRecordableAndEqualsConductanceTimesDrivingForce() {
        var lif = Neurons.lif();
        var ampa = Synapses.ampa(lif).from(Spikes.at(5, 30), 5 * nS);
        var run = Simulation.of(lif).attach(ampa).record("V", "g_AMPA", "I_AMPA").dt(0.05).run(40 * ms);
        assertEquals("nA", run.unitOf("I_AMPA"));
        assertArrayEquals(ampa.currentTrace(run), run.values("I_AMPA"), 1e-15);
        double peak = java.util.Arrays.stream(run.values("I_AMPA")).max().getAsDouble();
        assertTrue(peak > 0.33 && peak < 0.351, "peak AMPA current " + peak + " nA for 5 nS at about −70 mV");
    }

    @Test
    void synapsesMakeRk4TheDefaultBecauseTheirInputIsNotConstantOverAStep() {
        var lif = Neurons.lif();
        assertEquals(Method.EXPONENTIAL_EULER, Simulation.of(lif).chosenMethod());
        assertEquals(Method.RK4, Simulation.of(lif).attach(Synapses.ampa(lif).from(Spikes.at(5), 1 * nS)).chosenMethod());
    }
}
