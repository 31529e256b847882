package dev.soma.network;

import static dev.soma.Units.mV;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Stimulus;
import dev.soma.analysis.BrunelNetwork;
import dev.soma.model.AdaptiveExponentialIntegrateAndFire;
import dev.soma.model.HodgkinHuxleyTraub;
import dev.soma.model.Izhikevich;
import dev.soma.sim.Method;
import dev.soma.synapse.Kernel;
import dev.soma.synapse.SynapseKind;
import org.junit.jupiter.api.Test;

/**
 * The hand-tuned steps compute what the general step computes, bit for bit: the same spikes and
 * the same state over whole runs of CUBA, Brunel's network and COBAHH, and with an injected
 * current; the hand-tuned HH Traub step also with a current-based receptor and a jump, and on any
 * number of threads.
 */
class FastPathTest {

    private static void assertSameRun(SpikingNetwork fast, SpikingNetwork general, double ms) {
        NetworkResult a = fast.run(ms);
        NetworkResult b = general.run(ms);
        assertTrue(a.spikeCount() > 100, "spikes: " + a.spikeCount());
        assertArrayEquals(a.spikeNeurons(), b.spikeNeurons(), "spike neurons");
        assertArrayEquals(a.spikeSteps(), b.spikeSteps(), "spike steps");
        for (Population p : fast.populations()) {
            for (String v : p.variables()) {
                assertArrayEquals(p.values(v), general.population(p.name()).values(v), p.name() + "." + v);
            }
        }
    }

    @Test
    void cubaOnTheHandTunedStepEqualsTheGeneralStep() {
        SpikingNetwork fast = EiNetwork.cuba().seed(3).build();
        SpikingNetwork general = EiNetwork.cuba().seed(3).generalPath().build();
        assertEquals("hand-tuned LIF (exact)", fast.population("E").stepper());
        assertEquals("general (exact)", general.population("E").stepper());
        assertSameRun(fast, general, 300);
    }

    @Test
    void brunelOnTheHandTunedStepEqualsTheGeneralStep() {
        BrunelNetwork small = BrunelNetwork.modelA().withSize(2000, 200).withJMv(0.5 * mV);
        SpikingNetwork fast = small.builder(2).build();
        SpikingNetwork general = small.builder(2).generalPath().build();
        assertEquals("hand-tuned LIF (exact)", fast.population("I").stepper());
        assertSameRun(fast, general, 200);
    }

    @Test
    void anInjectedCurrentAndOneReceptorToo() {
        SpikingNetwork.Builder b = SpikingNetwork.builder().seed(5)
                .population("P", Fixtures.quietLif(), 500)
                .start("P", "V", RandomValue.uniform(-70, -50))
                .inject("P", Stimulus.step(0.25, 10, 60))
                .connect("P", "P", Fixtures.E, 0.01, 0.5, Connectivity.fixedProbability(0.1));
        SpikingNetwork fast = b.build();
        SpikingNetwork general = b.generalPath().build();
        assertEquals("hand-tuned LIF (exact)", fast.population("P").stepper());
        assertSameRun(fast, general, 100);
    }

    @Test
    void cobahhOnTheHandTunedStepEqualsTheGeneralStep() {
        SpikingNetwork fast = EiNetwork.cobahh().seed(3).build();
        SpikingNetwork general = EiNetwork.cobahh().seed(3).generalPath().build();
        assertEquals("hand-tuned HH Traub (exponential-euler)", fast.population("E").stepper());
        assertEquals("hand-tuned HH Traub (exponential-euler)", fast.population("I").stepper());
        assertEquals("general (exponential-euler)", general.population("E").stepper());
        assertSameRun(fast, general, 200);
    }

    @Test
    void cobahhOnTheHandTunedStepIsTheSameOnOneTwoAndThreeThreads() {
        for (int threads : new int[] {2, 3}) {
            SpikingNetwork one = DeterminismTest.exactly(EiNetwork.cobahh().seed(4), 1).build();
            SpikingNetwork more = DeterminismTest.exactly(EiNetwork.cobahh().seed(4), threads).build();
            assertEquals(threads, more.threads());
            assertEquals("hand-tuned HH Traub (exponential-euler)", more.population("E").stepper());
            assertSameRun(more, one, 100);
        }
    }

    @Test
    void hhTraubWithACurrentReceptorAJumpAndAnInjectedCurrentToo() {
        SynapseKind current = SynapseKind.current(Kernel.exponential(3)).named("c");
        SynapseKind inhibition = SynapseKind.conductance(Kernel.exponential(10), -80).named("i");
        SpikingNetwork.Builder b = SpikingNetwork.builder().seed(6).dt(0.05)
                .population("P", HodgkinHuxleyTraub.defaults(), 300)
                .start("P", "V", RandomValue.uniform(-70, -55))
                .start("P", "m", 0).start("P", "h", 0).start("P", "n", 0)
                .inject("P", Stimulus.step(0.1, 20, 120))
                .connect("P", "P", current, 0.05, 1.0, Connectivity.fixedProbability(0.05))
                .connect("P", "P", inhibition, 0.01, 0.5, Connectivity.fixedProbability(0.05))
                .connect("P", "P", SynapseKind.jump(), 0.5, 0.3, Connectivity.fixedProbability(0.02))
                .method(Method.EXPONENTIAL_EULER);
        SpikingNetwork fast = b.build();
        SpikingNetwork general = b.generalPath().build();
        assertEquals("hand-tuned HH Traub (exponential-euler)", fast.population("P").stepper());
        assertEquals("general (exponential-euler)", general.population("P").stepper());
        assertSameRun(fast, general, 150);
    }

    @Test
    void hhTraubOutsideTheHandTunedStepsReachRunsTheGeneralStep() {
        SpikingNetwork.Builder b = SpikingNetwork.builder().seed(6)
                .population("P", HodgkinHuxleyTraub.defaults(), 10)
                .connect("P", "P", SynapseKind.of(dev.soma.synapse.Receptor.NMDA), 0.01, 1.0, Connectivity.fixedProbability(0.5))
                .method(Method.EXPONENTIAL_EULER);
        assertEquals("general (exponential-euler)", b.build().population("P").stepper());
        SpikingNetwork rk4 = SpikingNetwork.builder().population("P", HodgkinHuxleyTraub.defaults(), 10).method(Method.RK4).build();
        assertEquals("general (rk4)", rk4.population("P").stepper());
    }

    @Test
    void adexNetOnTheHandTunedStepEqualsTheGeneralStep() {
        SpikingNetwork fast = EiNetwork.adex().seed(3).build();
        SpikingNetwork general = EiNetwork.adex().seed(3).generalPath().build();
        assertEquals("hand-tuned AdEx (euler)", fast.population("E").stepper());
        assertEquals("hand-tuned AdEx (euler)", fast.population("I").stepper());
        assertEquals("general (euler)", general.population("E").stepper());
        assertSameRun(fast, general, 200);
    }

    @Test
    void adexNetOnTheHandTunedStepIsTheSameOnOneTwoAndThreeThreads() {
        for (int threads : new int[] {2, 3}) {
            SpikingNetwork one = DeterminismTest.exactly(EiNetwork.adex().seed(4), 1).build();
            SpikingNetwork more = DeterminismTest.exactly(EiNetwork.adex().seed(4), threads).build();
            assertEquals(threads, more.threads());
            assertEquals("hand-tuned AdEx (euler)", more.population("E").stepper());
            assertSameRun(more, one, 100);
        }
    }

    @Test
    void adexWithACurrentReceptorAJumpAndAnInjectedCurrentToo() {
        SynapseKind current = SynapseKind.current(Kernel.exponential(3)).named("c");
        SynapseKind inhibition = SynapseKind.conductance(Kernel.exponential(10), -80).named("i");
        SpikingNetwork.Builder b = SpikingNetwork.builder().seed(6).dt(0.05)
                .population("P", AdaptiveExponentialIntegrateAndFire.preset("adapting").withRefractoryMs(1), 300)
                .start("P", "V", RandomValue.uniform(-70, -50))
                .inject("P", Stimulus.step(0.6, 20, 120))
                .connect("P", "P", current, 0.05, 1.0, Connectivity.fixedProbability(0.05))
                .connect("P", "P", inhibition, 0.001, 0.5, Connectivity.fixedProbability(0.05))
                .connect("P", "P", SynapseKind.jump(), 0.5, 0.3, Connectivity.fixedProbability(0.02))
                .method(Method.EULER);
        SpikingNetwork fast = b.build();
        SpikingNetwork general = b.generalPath().build();
        assertEquals("hand-tuned AdEx (euler)", fast.population("P").stepper());
        assertEquals("general (euler)", general.population("P").stepper());
        assertSameRun(fast, general, 150);
    }

    @Test
    void adexOutsideTheHandTunedStepsReachRunsTheGeneralStep() {
        SpikingNetwork.Builder b = SpikingNetwork.builder().seed(6)
                .population("P", AdaptiveExponentialIntegrateAndFire.defaults(), 10)
                .connect("P", "P", SynapseKind.of(dev.soma.synapse.Receptor.NMDA), 0.001, 1.0, Connectivity.fixedProbability(0.5))
                .method(Method.EULER);
        assertEquals("general (euler)", b.build().population("P").stepper());
        SpikingNetwork rk4 = SpikingNetwork.builder().population("P", AdaptiveExponentialIntegrateAndFire.defaults(), 10)
                .method(Method.RK4).build();
        assertEquals("general (rk4)", rk4.population("P").stepper());
    }

    @Test
    void izhikevich2003OnTheHandTunedStepEqualsTheGeneralStep() {
        SpikingNetwork fast = EiNetwork.izhikevich2003().seed(3).build();
        SpikingNetwork general = EiNetwork.izhikevich2003().seed(3).generalPath().build();
        assertEquals("hand-tuned Izhikevich (split-euler)", fast.population("E").stepper());
        assertEquals("hand-tuned Izhikevich (split-euler)", fast.population("I").stepper());
        assertEquals("general (split-euler)", general.population("E").stepper());
        assertSameRun(fast, general, 300);
    }

    @Test
    void izhikevich2003OnTheHandTunedStepIsTheSameOnOneTwoAndThreeThreads() {
        for (int threads : new int[] {2, 3}) {
            SpikingNetwork one = DeterminismTest.exactly(EiNetwork.izhikevich2003().seed(4), 1).build();
            SpikingNetwork more = DeterminismTest.exactly(EiNetwork.izhikevich2003().seed(4), threads).build();
            assertEquals(threads, more.threads());
            assertEquals("hand-tuned Izhikevich (split-euler)", more.population("E").stepper());
            assertSameRun(more, one, 200);
        }
    }

    @Test
    void izhikevichOfOneKindWithoutNoiseOrReceptorsWithAnInjectedCurrentToo() {
        SpikingNetwork.Builder b = SpikingNetwork.builder().seed(7).dt(0.5).method(Method.SPLIT_EULER)
                .population("P", Izhikevich.preset("CH"), 200)
                .start("P", "V", RandomValue.uniform(-70, -50))
                .inject("P", Stimulus.step(10, 5, 150));
        SpikingNetwork fast = b.build();
        SpikingNetwork general = b.generalPath().build();
        assertEquals("hand-tuned Izhikevich (split-euler)", fast.population("P").stepper());
        assertEquals("general (split-euler)", general.population("P").stepper());
        assertSameRun(fast, general, 200);
        SpikingNetwork euler = SpikingNetwork.builder().population("P", Izhikevich.defaults(), 10).method(Method.EULER).build();
        assertEquals("general (euler)", euler.population("P").stepper());
    }
}
