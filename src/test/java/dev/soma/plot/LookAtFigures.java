package dev.soma.plot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes every builder's figure as PNG (and SVG) into a directory, to look at by eye:
 * {@code java -cp ... dev.soma.plot.LookAtFigures out-dir}. The tests use {@link #all()} too.
 */
public final class LookAtFigures {
    private LookAtFigures() {}

    static Map<String, Figure> all() {
        Map<String, Figure> f = new LinkedHashMap<>();
        double[][] hh = Synthetic.hodgkinHuxley(80, 10);
        double[] sp = Synthetic.spikes(hh[0], hh[1], 0);
        f.put("voltage", Traces.voltage(hh[0], hh[1], sp, 0, "Hodgkin–Huxley, 10 µA/cm² step"));
        f.put("hh", Traces.hodgkinHuxley(hh[0], hh[1], new double[][] {hh[2], hh[3], hh[4]},
                new double[][] {hh[5], hh[6], hh[7]}, "µA/cm²", "Hodgkin–Huxley, 10 µA/cm² step"));
        double[][] weak = Synthetic.hodgkinHuxley(80, 2);
        double[][] strong = Synthetic.hodgkinHuxley(80, 4);
        f.put("overlay", Traces.overlay(hh[0], "V [mV]", List.of("2 µA/cm²", "4 µA/cm²", "10 µA/cm²"), weak[1], strong[1], hh[1]));
        f.put("activation", Curves.activation(Synthetic.sigmoid()));
        f.put("gallery", Curves.gallery(3, -5, 5, List.of(Synthetic.step(), Synthetic.relu(), Synthetic.sigmoid(),
                Synthetic.tanh(), Synthetic.softplus(), Synthetic.elu())));
        double[] currents = new double[21];
        double[] hhRate = new double[21];
        double[] lifRate = new double[21];
        double[] noisy = new double[21];
        for (int i = 0; i < 21; i++) {
            currents[i] = i * 0.75;
            hhRate[i] = currents[i] < 6.25 ? 0 : 50 + 4 * (currents[i] - 6.25);
            double ith = 3;
            lifRate[i] = currents[i] <= ith ? 0 : 1000 / (2 + 10 * Math.log(currents[i] / (currents[i] - ith)));
            noisy[i] = 20 * Math.log1p(Math.exp((currents[i] - 4) / 1.5));
        }
        f.put("fI", Curves.fI(currents, "µA/cm²", List.of("Hodgkin–Huxley", "LIF", "LIF with noise"), hhRate, lifRate, noisy));
        f.put("fIBeside", Curves.fIBeside(currents, "µA/cm²", List.of("Hodgkin–Huxley", "LIF", "LIF with noise"),
                new double[][] {hhRate, lifRate, noisy}, 4, List.of(Synthetic.step(), Synthetic.relu(), Synthetic.softplus())));
        double[][] trains = Synthetic.poisson(1000, 8, 1000, 42);
        List<Double> times = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < trains.length; i++) {
            for (double t : trains[i]) {
                times.add(t);
                ids.add(i);
            }
        }
        double[] tArr = times.stream().mapToDouble(Double::doubleValue).toArray();
        int[] idArr = ids.stream().mapToInt(Integer::intValue).toArray();
        f.put("raster", Spikes.raster(Synthetic.poisson(50, 20, 500, 7), 500));
        f.put("rasterEI", Spikes.raster(tArr, idArr, 1000, 800));
        f.put("isi", Spikes.isi(Synthetic.poisson(1, 40, 20000, 3)[0]));
        PhasePlane.Field fhn = (v, w, out) -> Synthetic.fhn(v, w, 0.5, out);
        f.put("phase", PhasePlane.of(fhn, "V [1]", "w [1]", -2.5, 2.5, -1, 2.5,
                List.of(Synthetic.fhnTrajectory(-2, -0.5, 0.5, 200), Synthetic.fhnTrajectory(0, 2, 0.5, 200))));
        f.put("row", Figure.row(f.get("activation"), f.get("voltage")));
        f.put("grid", Figure.grid(2, f.get("activation"), f.get("voltage"), f.get("isi"), f.get("fI")).withTitle("Four panels"));
        f.put("column", Figure.column(f.get("voltage"), f.get("isi")));
        return f;
    }

    /** Figures of real Soma simulations: Hodgkin–Huxley and LIF runs, Soma's activation functions. */
    static Map<String, Figure> real() {
        Map<String, Figure> f = new LinkedHashMap<>();
        var hh = dev.soma.Neurons.hodgkinHuxley();
        var run = dev.soma.Simulation.of(hh).inject(dev.soma.Stimulus.step(10, 10, 110))
                .record("V", "m", "h", "n", "I_Na", "I_K", "I_L").run(150);
        f.put("real-voltage", dev.soma.Plots.voltage(run));
        f.put("real-hh", dev.soma.Plots.hodgkinHuxley(run));
        f.put("real-gates", dev.soma.Plots.trace(run, "m", "h", "n"));
        var lif = dev.soma.Neurons.lif();
        var lifRun = dev.soma.Simulation.of(lif).inject(dev.soma.Stimulus.noise(2.2, 0.8, 5, 1)).run(1000);
        f.put("real-lif", dev.soma.Plots.voltage(lifRun));
        f.put("real-isi", dev.soma.Plots.isi(lifRun));
        var weak = dev.soma.Simulation.of(hh).inject(dev.soma.Stimulus.pulse(20, 5, 0.5)).run(30);
        var strong = dev.soma.Simulation.of(hh).inject(dev.soma.Stimulus.pulse(40, 5, 0.5)).run(30);
        f.put("real-overlay", dev.soma.Plots.overlay("V", List.of("20 µA/cm² × 0.5 ms", "40 µA/cm² × 0.5 ms"), weak, strong));
        f.put("real-activations", dev.soma.Plots.activations(dev.soma.Activation.all()));
        f.put("real-phase", dev.soma.Plots.phasePlane(hh, "n", 0, -80, 40, 0.2, 0.8, run));
        f.put("real-row", dev.soma.Plots.row(dev.soma.Plots.activation(dev.soma.Activation.RELU), dev.soma.Plots.voltage(run)));
        var fhn = dev.soma.Neurons.fitzHughNagumo();
        var fhnRun = dev.soma.Simulation.of(fhn).inject(dev.soma.Stimulus.constant(0.5)).record("V", "w").run(200);
        f.put("real-fhn", dev.soma.Plots.phasePlane(fhn, 0.5, -2.5, 2.5, -1, 2.5, fhnRun));
        f.put("real-fhn-rest", dev.soma.Plots.phasePlane(fhn, 0, -2.5, 2.5, -1, 2.5));
        f.put("real-fI", dev.soma.Plots.fI(dev.soma.Analysis.fI(dev.soma.Neurons.lif(), 0, 5, 26),
                dev.soma.Analysis.fI(dev.soma.Neurons.exponentialIF(), 0, 5, 26)));
        return f;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/figures");
        Files.createDirectories(dir);
        Map<String, Figure> figures = all();
        figures.putAll(real());
        for (Map.Entry<String, Figure> e : figures.entrySet()) {
            e.getValue().savePng(dir.resolve(e.getKey() + ".png"));
            e.getValue().saveSvg(dir.resolve(e.getKey() + ".svg"));
            System.out.println(e.getKey() + ": " + e.getValue());
        }
    }
}
