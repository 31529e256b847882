package dev.soma.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.soma.model.AdaptiveExponentialIntegrateAndFire;
import dev.soma.model.Izhikevich;
import org.junit.jupiter.api.Test;

class RunsTest {

    @Test
    void adexTonicSpikesMatchTheReferenceWithin50Microseconds() {
        double[] ref = Refdata.spikeTimes("adex_tonic_spikes.csv");
        double[] got = Runs.spikeTimes(AdaptiveExponentialIntegrateAndFire.preset("tonic"), t -> t < 500 ? 0.5 : 0, 500);
        assertEquals(ref.length, got.length);
        double worst = 0;
        for (int i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(ref[i] - got[i]));
        System.out.println("AdEx worst " + worst); for (int i = 0; i < ref.length; i += 5) System.out.println(i + " " + (got[i] - ref[i]));
        assertEquals(0, worst, 0.05);
    }

    @Test
    void izhikevichRsSpikesMatchTheReferenceWithin50Microseconds() {
        double[] ref = Refdata.spikeTimes("izhikevich_rs_spikes.csv");
        double[] got = Runs.spikeTimes(Izhikevich.preset("RS"), t -> 10, 1000);
        assertEquals(ref.length, got.length);
        double worst = 0;
        for (int i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(ref[i] - got[i]));
        System.out.println("Izh worst " + worst);
        assertEquals(0, worst, 0.05);
    }
}
