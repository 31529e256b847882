package dev.soma.synapse;

import dev.soma.model.NeuronModel;
import dev.soma.model.SpikeRule;

/**
 * A purely passive membrane for synapse tests: τ dV/dt = −(V − E_L) + R·I, never spikes. With a
 * current-based synapse its PSP has a closed form.
 */
final class PassiveMembraneFixture implements NeuronModel {
    final double tauMs;
    final double resistance;
    final double restMv;
    private final String inputUnit;

    PassiveMembraneFixture(double tauMs, double resistance, double restMv, String inputUnit) {
        this.tauMs = tauMs;
        this.resistance = resistance;
        this.restMv = restMv;
        this.inputUnit = inputUnit;
    }

    static PassiveMembraneFixture pointNeuron() {
        return new PassiveMembraneFixture(20, 100, -70, "nA");
    }

    @Override public String name() { return "passive membrane"; }
    @Override public String[] stateNames() { return new String[] {"V"}; }
    @Override public String[] stateUnits() { return new String[] {"mV"}; }
    @Override public int voltageIndex() { return 0; }
    @Override public String inputUnit() { return inputUnit; }
    @Override public double[] restingState() { return new double[] {restMv}; }

    @Override
    public void derivatives(double t, double[] y, double input, double[] dydt) {
        dydt[0] = (-(y[0] - restMv) + resistance * input) / tauMs;
    }

    @Override
    public void linearParts(double t, double[] y, double input, double[] a, double[] b) {
        a[0] = (restMv + resistance * input) / tauMs;
        b[0] = -1 / tauMs;
    }

    @Override public boolean isLinearBetweenSpikes() { return true; }
    @Override public SpikeRule spikeRule() { return SpikeRule.crossing(1000); }
    @Override public double defaultDtMs() { return 0.1; }
}
