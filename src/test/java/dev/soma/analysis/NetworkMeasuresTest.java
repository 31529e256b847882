package dev.soma.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Rate, CV and synchrony χ of spike lists with known answers. */
class NetworkMeasuresTest {

    /** Spikes (time order) of {@code n} neurons: neuron i fires at the given times plus its offset. */
    private static NetworkMeasures of(double[][] trains, double toMs) {
        List<double[]> spikes = new ArrayList<>();
        for (int i = 0; i < trains.length; i++) for (double t : trains[i]) spikes.add(new double[] {t, i});
        spikes.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        double[] times = new double[spikes.size()];
        int[] ids = new int[spikes.size()];
        for (int s = 0; s < times.length; s++) {
            times[s] = spikes.get(s)[0];
            ids[s] = (int) spikes.get(s)[1];
        }
        return new NetworkMeasures(times, ids, 0, trains.length, 0, toMs);
    }

    @Test
    void allNeuronsFiringTogetherRegularlyHaveChiOneAndCvZero() {
        double[][] trains = new double[50][];
        for (int i = 0; i < 50; i++) {
            trains[i] = new double[40];
            for (int k = 0; k < 40; k++) trains[i][k] = 2.5 + 10 * k;     // every 10 ms, all at once
        }
        NetworkMeasures m = of(trains, 400);
        assertEquals(1.0, m.synchrony(), 1e-12);
        assertEquals(0.0, m.cv(), 1e-12);
        assertEquals(100.0, m.rateHz(), 1e-12);
        assertEquals(2000, m.spikes());
    }

    @Test
    void independentPoissonNeuronsHaveChiAboutOneOverRootNAndCvAboutOne() {
        SplittableRandom r = new SplittableRandom(1);
        int n = 400;
        double[][] trains = new double[n][];
        for (int i = 0; i < n; i++) {
            List<Double> t = new ArrayList<>();
            for (double s = -Math.log(1 - r.nextDouble()) * 50; s < 5000; s += -Math.log(1 - r.nextDouble()) * 50) t.add(s);
            trains[i] = t.stream().mapToDouble(Double::doubleValue).toArray();
        }
        NetworkMeasures m = of(trains, 5000);
        assertEquals(20.0, m.rateHz(), 0.5);
        assertEquals(1.0, m.cv(), 0.05);
        double chi = m.synchrony();
        assertTrue(chi > 0.5 / Math.sqrt(n) && chi < 2 / Math.sqrt(n), "χ = " + chi + ", 1/√N = " + 1 / Math.sqrt(n));
    }

    @Test
    void aSilentWindowHasNoCvAndNoSynchrony() {
        NetworkMeasures m = of(new double[][] {{}, {}}, 100);
        assertTrue(Double.isNaN(m.cv()));
        assertTrue(Double.isNaN(m.synchrony()));
        assertEquals(0, m.rateHz());
    }
}
