package dev.soma.notebook;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soma.Neurons;
import dev.soma.Simulation;
import dev.soma.Stimulus;
import dev.soma.sim.SimulationResult;
import org.junit.jupiter.api.Test;

class ResultDisplayTest {

    @Test
    void aRunSummarisesModelDurationSpikesAndRate() {
        SimulationResult run = Simulation.of(Neurons.lif()).inject(Stimulus.constant(2.5)).run(200);
        String text = Display.text(run);
        assertTrue(text.startsWith("leaky integrate-and-fire\n"), text);
        assertTrue(text.contains("duration 200 ms, " + run.spikeCount() + " spikes, rate " + Display.number(run.rateHz()) + " Hz"), text);
        assertTrue(text.contains("recorded V [mV]"), text);
        String html = Display.html(run);
        assertTrue(html.contains("<b>leaky integrate-and-fire</b>"), html);
        assertTrue(html.contains("<th style=\"text-align: left; padding-right: 1em\">spikes</th><td style=\"text-align: left\">"
                + run.spikeCount() + " (first at "), html);
        assertTrue(html.contains(Display.number(run.rateHz()) + " Hz"), html);
        assertTrue(html.split("\n").length < 5 && html.length() < 1500, "a summary stays short: " + html.length());
    }
}
