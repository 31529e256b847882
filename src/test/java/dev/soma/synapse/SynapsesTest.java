package dev.soma.synapse;

import static dev.soma.Units.Hz;
import static dev.soma.Units.mS_per_cm2;
import static dev.soma.Units.mV;
import static dev.soma.Units.ms;
import static dev.soma.Units.nA;
import static dev.soma.Units.nS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Neurons;
import dev.soma.Simulation;
import dev.soma.Spikes;
import dev.soma.Stimulus;
import dev.soma.Synapses;
import dev.soma.model.NeuronModel;
import dev.soma.sim.Method;
import dev.soma.sim.SimulationResult;
import org.junit.jupiter.api.Test;

/** Synapses through the {@link Synapses} front, run by the engine. */
class SynapsesTest {
    // Neurons.lif(): τ = 10 ms, R = 10 MΩ, E_L = −70 mV, V_th = −50 mV: a 0.1 nA PSC stays far below threshold.
    private static final double TAU_M = 10;
    private static final double R = 10;
    private static final double E_L = -70;
    private static final double T0 = 10;   // the event time, on the step grid

    /** Exponential PSC I = w e^(−s/τs) into τm dV/dt = −(V − E_L) + R I: V − E_L = R w τs/(τs − τm)·(e^(−s/τs) − e^(−s/τm)). */
    private static double expPsp(double s, double w, double tauS) {
        return s <= 0 ? 0 : R * w * tauS / (tauS - TAU_M) * (Math.exp(-s / tauS) - Math.exp(-s / TAU_M));
    }

    /** Alpha PSC I = w (s/τs) e^(1 − s/τs): V − E_L = (R w e)/(τs τm) · e^(−s/τm) · (1 − e^(−cs)(1 + cs))/c², c = 1/τs − 1/τm. */
    private static double alphaPsp(double s, double w, double tauS) {
        if (s <= 0) return 0;
        double c = 1 / tauS - 1 / TAU_M;
        return R * w * Math.E / (tauS * TAU_M) * Math.exp(-s / TAU_M) * (1 - Math.exp(-c * s) * (1 + c * s)) / (c * c);
    }

    private interface Psp {
        double at(double s);
    }

    /** Max error relative to the PSP peak, and max pointwise relative error where the PSP exceeds 1 % of its peak. */
    private static double[] errors(SimulationResult run, Psp psp) {
        double[] t = run.time();
        double[] v = run.values("V");
        double peak = 0;
        for (double x : t) peak = Math.max(peak, psp.at(x - T0));
        double maxOfPeak = 0;
        double maxPointwise = 0;
        for (int i = 0; i < t.length; i++) {
            double expected = psp.at(t[i] - T0);
            double error = Math.abs(v[i] - E_L - expected);
            maxOfPeak = Math.max(maxOfPeak, error / peak);
            if (expected > 0.01 * peak) maxPointwise = Math.max(maxPointwise, error / expected);
        }
        return new double[] {maxOfPeak, maxPointwise, peak};
    }

    @Test
    void oneExponentialEventMatchesTheAnalyticPsp() {
        // RK4 at dt = 0.025 ms: the PSP of one 0.1 nA, τs = 3 ms event agrees with the closed form within 1e-6 relative.
        // (τs = τm/2 would be a poor choice: exponential midpoint happens to be exact there.)
        var lif = Neurons.lif();
        var syn = Synapses.currentExponential(lif, 3 * ms).from(Spikes.at(T0), 0.1 * nA);
        var run = Simulation.of(lif).attach(syn).method(Method.RK4).dt(0.025 * ms).run(100 * ms);
        double[] e = errors(run, s -> expPsp(s, 0.1, 3));
        assertTrue(e[2] > 0.15, "a visible PSP, peak " + e[2] + " mV");
        assertTrue(e[0] < 1e-6 && e[1] < 1e-6, "errors " + e[0] + " (of peak), " + e[1] + " (pointwise)");
        assertEquals(0, run.spikeCount());
    }

    @Test
    void oneAlphaEventMatchesTheAnalyticPsp() {
        var lif = Neurons.lif();
        var syn = Synapses.currentAlpha(lif, 2 * ms).from(Spikes.at(T0), 0.1 * nA);
        var run = Simulation.of(lif).attach(syn).method(Method.RK4).dt(0.025 * ms).run(100 * ms);
        double[] e = errors(run, s -> alphaPsp(s, 0.1, 2));
        assertTrue(e[2] > 0.15, "a visible PSP, peak " + e[2] + " mV");
        assertTrue(e[0] < 1e-6 && e[1] < 1e-6, "errors " + e[0] + " (of peak), " + e[1] + " (pointwise)");
    }

    @Test
    void oneConductanceEventMatchesTheQuadratureSolution() {
        // τ u' = −u + R g(s)(Δ − u), u = V − E_L, Δ = E − E_L, g = w e^(−s/τs): with Φ(s) = s/τ + (R w τs/τ)(1 − e^(−s/τs)),
        // u(s) = (R Δ/τ) ∫₀ˢ g(r) e^(Φ(r) − Φ(s)) dr, evaluated by Simpson's rule on 4000 intervals.
        double w = 0.005;
        double tauS = 5;
        double delta = 0 - E_L;
        var lif = Neurons.lif();
        var run = Simulation.of(lif).attach(Synapses.ampa(lif).from(Spikes.at(T0), w)).method(Method.RK4).dt(0.025 * ms)
                .sampleEvery(1 * ms).run(80 * ms);
        java.util.function.DoubleUnaryOperator phi = x -> x / TAU_M + R * w * tauS / TAU_M * (1 - Math.exp(-x / tauS));
        double[] t = run.time();
        double[] v = run.values("V");
        double peak = 0;
        double maxError = 0;
        for (int i = 0; i < t.length; i++) {
            double sEnd = t[i] - T0;
            double u = 0;
            if (sEnd > 0) {
                int n = 4000;
                double h = sEnd / n;
                double sum = 0;
                for (int k = 0; k <= n; k++) {
                    double r = k * h;
                    double f = w * Math.exp(-r / tauS) * Math.exp(phi.applyAsDouble(r) - phi.applyAsDouble(sEnd));
                    sum += (k == 0 || k == n ? 1 : (k % 2 == 1 ? 4 : 2)) * f;
                }
                u = R * delta / TAU_M * sum * h / 3;
            }
            peak = Math.max(peak, u);
            maxError = Math.max(maxError, Math.abs(v[i] - E_L - u));
        }
        assertTrue(peak > 0.5, "EPSP peak " + peak + " mV");
        assertTrue(maxError < 1e-6 * peak, "max error " + maxError + " mV of a " + peak + " mV EPSP");
    }

    @Test
    void voltageJumpDecaysExactlyUnderExponentialEuler() {
        var lif = Neurons.lif();
        var syn = Synapses.voltageJump(lif).from(Spikes.at(T0), 0.5 * mV);
        var run = Simulation.of(lif).attach(syn).method("exponential-euler").dt(0.1 * ms).run(60 * ms);
        double[] t = run.time();
        double[] v = run.values("V");
        for (int i = 0; i < t.length; i++) {
            double expected = E_L + (t[i] > T0 + 1e-9 ? 0.5 * Math.exp(-(t[i] - T0) / TAU_M) : 0);
            assertEquals(expected, v[i], 1e-12, "t = " + t[i]);
        }
    }

    @Test
    void aJumpAcrossThresholdFiresAtTheEventTime() {
        var lif = Neurons.lif();
        var run = Simulation.of(lif).attach(Synapses.voltageJump(lif).from(Spikes.at(T0), 25 * mV)).dt(0.1 * ms).run(30 * ms);
        assertEquals(1, run.spikeCount());
        assertEquals(T0, run.spikeTimes()[0], 1e-9);
    }

    @Test
    void hyperpolarisingInhibitionLowersV() {
        var lif = Neurons.lif();
        var gaba = Synapses.gabaA(lif).from(Spikes.regular(100 * Hz, 10, 60), 10 * nS);
        var run = Simulation.of(lif).attach(gaba).record("V", "g_GABA_A").run(100 * ms);
        double min = Double.POSITIVE_INFINITY;
        for (double v : run.values("V")) min = Math.min(min, v);
        assertTrue(min < E_L - 0.5, "GABA-A (E = −80 mV) hyperpolarises: min V = " + min);
        assertTrue(min > -80, "but never below its reversal potential");
        double[] current = gaba.currentTrace(run);
        double smallest = 0;
        for (double i : current) smallest = Math.min(smallest, i);
        assertTrue(smallest < 0, "an outward (negative) synaptic current");
    }

    /** The smallest constant current (nA) that makes {@code lif} fire within 200 ms, by bisection, with the given attachment. */
    private static double rheobase(NeuronModel lif, Synapse shunt) {
        double lo = 0;
        double hi = 20;
        for (int i = 0; i < 30; i++) {
            double mid = 0.5 * (lo + hi);
            var setup = Simulation.of(lif).inject(Stimulus.constant(mid));
            if (shunt != null) setup = setup.attach(shunt);
            if (setup.run(200 * ms).spikeCount() > 0) hi = mid; else lo = mid;
        }
        return hi;
    }

    @Test
    void shuntingLeavesRestUnchangedYetRaisesTheCurrentNeededToFire() {
        var lif = Neurons.lif();
        // A steady barrage of shunting events: mean conductance ≈ w·τ·rate = 10 nS · 10 ms · 1 kHz = 0.1 µS, as much as the leak (1/R = 0.1 µS).
        var shunt = Synapses.shunting(lif).from(Spikes.regular(1000 * Hz, 0, 200), 10 * nS);
        assertEquals(E_L, shunt.reversalMv(), 0, "shunting reverses at the LIF's rest");
        var atRest = Simulation.of(lif).attach(shunt).record("V", "g_shunt").run(200 * ms);
        double maxG = 0;
        for (double g : atRest.values("g_shunt")) maxG = Math.max(maxG, g);
        assertTrue(maxG > 0.05, "a large conductance is open: " + maxG + " µS");
        for (double v : atRest.values("V")) assertEquals(E_L, v, 1e-12, "at rest the shunt changes nothing");

        double without = rheobase(lif, null);
        double with = rheobase(lif, shunt);
        assertEquals(2.0, without, 1e-6, "(V_th − E_L)/R = 20 mV / 10 MΩ");
        assertTrue(with > 1.8 * without, "the shunt raises the rheobase from " + without + " to " + with + " nA");
    }

    @Test
    void excitationDepolarisesAndNmdaIsBlockedAtRest() {
        var lif = Neurons.lif();
        var ampa = Simulation.of(lif).attach(Synapses.ampa(lif).from(Spikes.at(T0), 5 * nS)).run(100 * ms);
        var nmda = Simulation.of(lif).attach(Synapses.nmda(lif).from(Spikes.at(T0), 5 * nS)).run(100 * ms);
        var unblocked = Simulation.of(lif).attach(Synapses.nmda(lif).withMagnesiumMm(0).from(Spikes.at(T0), 5 * nS)).run(100 * ms);
        double ampaPeak = max(ampa.values("V")) - E_L;
        double nmdaPeak = max(nmda.values("V")) - E_L;
        double freePeak = max(unblocked.values("V")) - E_L;
        assertTrue(ampaPeak > 0.5, "AMPA EPSP " + ampaPeak + " mV");
        assertTrue(nmdaPeak < 0.1 * freePeak, "Mg²⁺ blocks NMDA near rest: " + nmdaPeak + " vs " + freePeak + " mV");
    }

    private static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) m = Math.max(m, v);
        return m;
    }

    @Test
    void synchronousInputsFireTheNeuronDispersedOnesDoNot() {
        var lif = Neurons.lif();
        var synchronous = Synapses.ampa(lif).from(Spikes.volley(100, 20, 0.5, 3), 2 * nS);
        var dispersed = Synapses.ampa(lif).from(Spikes.volley(100, 20, 15, 3), 2 * nS);
        assertTrue(Simulation.of(lif).attach(synchronous).run(100 * ms).spikeCount() > 0);
        assertEquals(0, Simulation.of(lif).attach(dispersed).run(100 * ms).spikeCount());
    }

    @Test
    void shortTermDepressionInASimulationFollowsTheExactRelease() {
        var lif = Neurons.lif();
        var stp = Synapses.depressing(0.5, 200);
        var train = Spikes.regular(50 * Hz, 10, 200);
        var syn = Synapses.currentExponential(lif, 3 * ms).from(train, 0.1 * nA).withShortTermPlasticity(stp);
        var run = Simulation.of(lif).attach(syn).method("exponential-euler").record("I_syn", "R_syn").dt(0.1 * ms).run(250 * ms);
        double[] release = stp.efficacies(train.times());
        double[] spikes = train.times();
        double[] t = run.time();
        double[] current = run.values("I_syn");
        for (int i = 0; i < t.length; i++) {
            double expected = 0;
            boolean nearEvent = false;
            for (int k = 0; k < spikes.length; k++) {
                if (Math.abs(t[i] - spikes[k]) < 1e-6) nearEvent = true;
                if (spikes[k] < t[i]) expected += 0.1 * release[k] * Math.exp(-(t[i] - spikes[k]) / 3);
            }
            if (!nearEvent) assertEquals(expected, current[i], 1e-12, "t = " + t[i]);
        }
        assertTrue(release[release.length - 1] < 0.4 * release[0], "depression");
    }

    @Test
    void stdpOnANeuronMatchesTheStandaloneRuleForItsSpikes() {
        var lif = Neurons.lif();
        var rule = Synapses.stdpAdditive(0.2 * nS, 0.25 * nS, 20, 20, 0, 10 * nS);
        double[] pre = {20, 95, 150, 210, 290};
        var syn = Synapses.ampa(lif).from(Spikes.at(pre), 5 * nS).withStdp(rule);
        var run = Simulation.of(lif)
                .inject(Stimulus.pulses(6 * nA, 5 * ms, 60 * ms, 25 * ms, 5))
                .attach(syn).record("V", syn.weightName(0)).dt(0.1 * ms).run(320 * ms);
        assertTrue(run.spikeCount() >= 3, "the pulses make the neuron fire: " + run);
        double expected = rule.run(5 * nS, pre, run.spikeTimes());
        double[] w = run.values("w_AMPA");
        assertEquals(expected, w[w.length - 1], 1e-15);
        assertTrue(Math.abs(expected - 5 * nS) > 1e-4, "the weight changed");
    }

    @Test
    void patchModelsTakeConductanceDensities() {
        var hh = Neurons.hodgkinHuxley();
        var ampa = Synapses.ampa(hh);
        assertEquals("mS/cm²", ampa.weightUnit());
        var weak = Simulation.of(hh).attach(ampa.from(Spikes.at(10), 0.02 * mS_per_cm2)).method(Method.RK4).dt(0.01).run(40);
        var strong = Simulation.of(hh).attach(ampa.from(Spikes.at(10), 1 * mS_per_cm2)).method(Method.RK4).dt(0.01).run(40);
        assertEquals(0, weak.spikeCount());
        assertEquals(1, strong.spikeCount());
    }

    @Test
    void twoSynapsesOfAKindNeedDistinctNames() {
        var lif = Neurons.lif();
        var a = Synapses.ampa(lif).from(Spikes.at(5), 1 * nS);
        var b = Synapses.ampa(lif).from(Spikes.at(7), 1 * nS);
        assertThrows(IllegalArgumentException.class, () -> Simulation.of(lif).attach(a, b).run(10));
        var run = Simulation.of(lif).attach(a, b.named("AMPA2")).record("g_AMPA", "g_AMPA2").run(10);
        assertTrue(max(run.values("g_AMPA2")) > 0);
    }

    @Test
    void unknownKindAndNegativeConductanceThroughTheFront() {
        var lif = Neurons.lif();
        var e = assertThrows(IllegalArgumentException.class, () -> Synapses.of("glutamate", lif));
        assertTrue(e.getMessage().contains("kind"), e.getMessage());
        var n = assertThrows(IllegalArgumentException.class, () -> Synapses.gabaA(lif).from(Spikes.at(1), -2 * nS));
        assertTrue(n.getMessage().contains("weight") && n.getMessage().contains("reversal potential"), n.getMessage());
        assertEquals(Synapses.of("GABA-B", lif).reversalMv(), -90);
    }
}
