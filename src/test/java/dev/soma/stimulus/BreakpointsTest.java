package dev.soma.stimulus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.soma.Stimulus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stimuli name the times at which they jump or bend, and give the value just before each: what the
 * engines need to step exactly to a switch and evaluate the current on one side of it.
 */
class BreakpointsTest {

    private static List<Double> breakpoints(Current current, double from) {
        List<Double> times = new ArrayList<>();
        for (double t = current.nextBreakpoint(from); t < Double.POSITIVE_INFINITY && times.size() < 100; t = current.nextBreakpoint(t)) {
            times.add(t);
        }
        return times;
    }

    @Test
    void smoothCurrentsHaveNone() {
        assertEquals(List.of(), breakpoints(Stimulus.constant(3), 0));
        assertEquals(List.of(), breakpoints(Stimulus.sine(1, 0.01, 0), 0));
        assertEquals(List.of(), breakpoints(t -> t * t, 0));
    }

    @Test
    void aStepSwitchesOnAndOff() {
        Current step = Stimulus.step(5, 10, 20);
        assertEquals(List.of(10.0, 20.0), breakpoints(step, 0));
        assertEquals(List.of(20.0), breakpoints(step, 10));
        assertEquals(0, step.leftLimit(10));
        assertEquals(5, step.at(10));
        assertEquals(5, step.leftLimit(20));
        assertEquals(0, step.at(20));
    }

    @Test
    void aPulseIsAStep() {
        Current pulse = Stimulus.pulse(2, 5, 0.5);
        assertEquals(List.of(5.0, 5.5), breakpoints(pulse, 0));
    }

    @Test
    void pulsesHaveEveryEdge() {
        Current pulses = Stimulus.pulses(2, 1, 10, 5, 3);
        assertEquals(List.of(5.0, 6.0, 15.0, 16.0, 25.0, 26.0), breakpoints(pulses, 0));
        assertEquals(List.of(16.0, 25.0, 26.0), breakpoints(pulses, 15));
        assertEquals(0, pulses.leftLimit(15));
        assertEquals(2, pulses.at(15));
        assertEquals(2, pulses.leftLimit(16));
        assertEquals(0, pulses.at(16));
        // many pulses: the edges stay where at() switches, far from the start
        Current train = Stimulus.pulses(1, 0.3, 0.7, 0.1, 100_000);
        double t = 0.1 + 54_321 * 0.7;
        double onset = train.nextBreakpoint(Math.nextDown(t));
        assertEquals(0, train.leftLimit(onset));
        assertEquals(1, train.at(onset));
        double offset = train.nextBreakpoint(onset);
        assertEquals(onset + 0.3, offset, 1e-9);
        assertEquals(1, train.leftLimit(offset));
        assertEquals(0, train.at(offset));
    }

    @Test
    void aRampBendsAtBothEnds() {
        Current ramp = Stimulus.ramp(1, 3, 10, 20);
        assertEquals(List.of(10.0, 20.0), breakpoints(ramp, 0));
        assertEquals(3, ramp.leftLimit(20), 1e-12);
        assertEquals(0, ramp.at(20));
    }

    @Test
    void sumsAndMultiplesKeepTheBreakpointsOfTheirParts() {
        Current sum = Stimulus.step(1, 10, 20).plus(Stimulus.pulse(2, 15, 1)).plus(Stimulus.constant(0.5));
        assertEquals(List.of(10.0, 15.0, 16.0, 20.0), breakpoints(sum, 0));
        assertEquals(1.5, sum.leftLimit(15), 1e-12);
        assertEquals(3.5, sum.at(15), 1e-12);
        Current scaled = Stimulus.step(1, 10, 20).times(-2);
        assertEquals(List.of(10.0, 20.0), breakpoints(scaled, 0));
        assertEquals(-2, scaled.leftLimit(20));
        assertEquals(List.of(10.0, 20.0), breakpoints(Stimulus.sum(Stimulus.step(1, 10, 20), Stimulus.constant(1)), 0));
    }
}
