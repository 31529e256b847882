package dev.soma;

import dev.soma.model.NeuronModel;
import dev.soma.sim.SimulationSetup;

/**
 * Runs one neuron: {@code Simulation.of(hh).inject(Stimulus.step(...)).record("V", "m").run(150 * ms)}.
 *
 * <p>The returned setup is immutable; each call returns a new one, so a cell can try variations
 * from a shared start. See {@link SimulationSetup} for every option (method, step, sampling,
 * attachments such as synapses) and {@link dev.soma.sim.SimulationResult} for what a run gives
 * back (traces as a Tablesaw table, spike times, a one-line summary).
 */
public final class Simulation {
    private Simulation() {}

    static {
        // In the real IJava, tables and results show as HTML there too (a no-op elsewhere).
        dev.soma.notebook.IJavaRenderers.registerIfInIJava();
    }

    /** A simulation of {@code model}, at rest, with no input yet. */
    public static SimulationSetup of(NeuronModel model) {
        return SimulationSetup.of(model);
    }
}
