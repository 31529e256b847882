package dev.soma.analysis;

import dev.soma.model.*;
import org.junit.jupiter.api.Test;
import java.util.Arrays;

class ScratchTest {
    @Test
    void explore() {
        for (String p : AdaptiveExponentialIntegrateAndFire.presetNames()) {
            double i = AdaptiveExponentialIntegrateAndFire.presetInputNa(p);
            double[] s = Runs.spikeTimes(AdaptiveExponentialIntegrateAndFire.preset(p), t -> t >= 50 && t < 550 ? i : 0, 600);
            System.out.println(p + " n=" + s.length + " AI=" + SpikeTrains.adaptationIndex(s, 3) + " cv=" + SpikeTrains.cv(s) + " isi=" + Arrays.toString(Arrays.stream(SpikeTrains.isi(s)).map(x -> Math.round(x * 10) / 10.0).toArray()) + " first=" + (s.length > 0 ? s[0] : -1));
        }
        for (String p : Izhikevich.presetNames()) {
            double i = Izhikevich.presetInput(p);
            double[] s = Runs.spikeTimes(Izhikevich.preset(p), t -> t >= 50 ? i : 0, 400);
            System.out.println(p + " n=" + s.length + " AI=" + SpikeTrains.adaptationIndex(s, 0) + " isi=" + Arrays.toString(Arrays.stream(SpikeTrains.isi(s)).map(x -> Math.round(x * 10) / 10.0).toArray()) + " first=" + (s.length > 0 ? s[0] : -1));
        }
        double[] s = Runs.spikeTimes(Izhikevich.preset("TC"), t -> t < 200 ? -10 : 0, 400);
        System.out.println("TC rebound " + Arrays.toString(s));
        for (double i : new double[] {30, 38, 39, 40, 41, 45, 60, 80, 85, 88, 90, 95, 100}) {
            double[] a = Runs.spikeTimes(MorrisLecar.preset("type I"), t -> i, 1000);
            double[] b = Runs.spikeTimes(MorrisLecar.preset("type II"), t -> i, 1000);
            System.out.println("ML I=" + i + " typeI " + SpikeTrains.isiRateHz(a, 500, 1000) + " typeII " + SpikeTrains.isiRateHz(b, 500, 1000));
        }
    }
}
