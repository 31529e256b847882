"""The "Try this" suggestions of the lecture notebooks as variations that test_try_this.py runs:
for each notebook, one Variation per bullet of its "## Try this" cell, in order."""
from dataclasses import dataclass


@dataclass
class Variation:
    bullet: str      # the start of the bullet's text, as written in the notebook
    changes: list    # [(piece of a cell's source, [(old, new), ...]), ...]; [] for a new experiment only
    check: str       # Java, run after the changed cells (and extra); throws when the effect is absent
    extra: str = ""  # Java run after the changed cells, before the check: the experiment the bullet asks for


def fails_unless(condition, message):
    """A Java statement that throws an AssertionError saying message unless condition holds."""
    return 'if (!(%s)) throw new AssertionError("try this: %s");' % (condition, message.replace('"', '\\"'))


VARIATIONS = {}

VARIATIONS["02-hodgkin-huxley.ipynb"] = [
    Variation(
        "In section 7, make the hyperpolarising step weaker",
        [("double hyperpolarisation", [("-10 * uA_per_cm2", "-2 * uA_per_cm2")])],
        fails_unless("anodeBreak.spikeCount() == 0", "a -2 µA/cm² step for 20 ms should leave no anode-break spike")),
    Variation(
        "In section 7, keep −10 µA/cm² but make it much shorter",
        [("double hyperpolarisation", [("lasting = 20 * ms", "lasting = 5 * ms")])],
        fails_unless("anodeBreak.spikeCount() == 1", "-10 µA/cm² for 5 ms should still give one anode-break spike")),
    Variation(
        "Block the potassium channels in section 4",
        [("double[] amplitudes = {4", [("Simulation.of(hh).inject(Stimulus.pulse(a", "Simulation.of(hh.withGK(0)).inject(Stimulus.pulse(a")])],
        fails_unless("pulseRuns.stream().allMatch(r -> { double[] vv = r.values(\"V\"); "
                     "return vv[vv.length - 1] > -10 && vv[(int) Math.round(4.9 / r.dtMs())] > -10; })",
                     "without g_K the axon should sit depolarised (above -10 mV) before the pulse and at the end")),
    Variation(
        "In section 8, raise the drive to 30 µA/cm²",
        [("double drive = 10 * uA_per_cm2;", [("double drive = 10 * uA_per_cm2;", "double drive = 30 * uA_per_cm2;")])],
        "int at22 = Simulation.of(hh.atCelsius(22)).inject(Stimulus.constant(drive)).run(100 * ms).spikeCount();\n"
        "int at25 = Simulation.of(hh.atCelsius(25)).inject(Stimulus.constant(drive)).run(100 * ms).spikeCount();\n"
        + fails_unless("at22 > 3 && at25 <= 1", "30 µA/cm² should bring back repetitive firing at 22 °C but not at 25 °C")),
]

VARIATIONS["01-artificial-neuron.ipynb"] = [
    Variation(
        "In section 3, raise the learning rate",
        [("double rate = 2.0;", [("double rate = 2.0;", "double rate = 20.0;"),
                                 ("double[] start = {0.1, -0.1, 0.0};", "double[] start = {-1.0, 0.5, 0.5};")])],
        fails_unless("Arrays.equals(finalWeights.get(\"step\"), start) && finalLoss.get(\"step\") > 0.4 && finalLoss.get(\"sigmoid\") < 0.05",
                     "the step neuron's weights should not move while the sigmoid neuron learns")),
    Variation(
        "In section 4, replace `Activation.RELU` by `Activation.SIGMOID`",
        [("var unit = Activation.neuron(", [("Activation.neuron(Activation.RELU", "Activation.neuron(Activation.SIGMOID")])],
        "double[] lowered = new double[51];                  // where x_E >= 1.5 (k = 50 ... 100)\n"
        "for (int k = 50; k < drive.length; k++) lowered[k - 50] = out[0][k] - out[2][k];\n"
        + fails_unless("Arrays.stream(lowered).max().getAsDouble() - Arrays.stream(lowered).min().getAsDouble() > 0.05",
                       "with a sigmoid the output should drop by different amounts at different inputs (a ReLU drops by exactly 1 above x_E = 1)")),
    Variation(
        "In section 6, set τ to 50 ms",
        [("double tau = 10 * ms;", [("double tau = 10 * ms;", "double tau = 50 * ms;")])],
        fails_unless("r[700] > 0.55 && r[700] < 0.7", "with τ = 50 ms the rate should reach only about 63 % of the way (about 0.62) by 70 ms")),
]

VARIATIONS["03-which-activation-function.ipynb"] = [
    Variation(
        "Give Hodgkin–Huxley a noisy input below its jump",
        [],
        fails_unless("Arrays.stream(noisyBelow.spikeTimes()).filter(s -> s > 100).count() > 3 "
                     "&& Arrays.stream(quietBelow.spikeTimes()).filter(s -> s > 100).count() == 0",
                     "noise around 5 µA/cm² should make the axon fire where a constant 5 µA/cm² is silent after its onset"),
        extra="var noisyBelow = Simulation.of(hh).inject(Stimulus.noise(5 * uA_per_cm2, 2 * uA_per_cm2, 1 * ms, 1)).run(1000 * ms);\n"
              "var quietBelow = Simulation.of(hh).inject(Stimulus.constant(5 * uA_per_cm2)).run(1000 * ms);"),
    Variation(
        "In section 2, give the LIF a refractory period of 5 ms",
        [("var lif = Neurons.lif();", [("var lif = Neurons.lif();", "var lif = Neurons.lif().withRefractoryMs(5 * ms);")]),
         ("double[] sigmas = {0.5 * nA", [])],
        fails_unless("lifRateHz(4 * nA) < 90 && Math.abs(lifFi.ratesHz()[20] - lifRateHz(4 * nA)) < 0.5 "
                     "&& simulated[1][8] < 95 && Math.abs(simulated[1][8] - siegert[1][8]) < 5",
                     "with t_ref = 5 ms the rate at 4 nA should fall below 90 Hz (noiseless) and 95 Hz (noisy), simulation and theory agreeing")),
    Variation(
        "In section 4, replace the step by a sine of 1 nA at 50 Hz",
        [("var extra = Stimulus.step(", [("var extra = Stimulus.step(1.5 * nA, 200 * ms, 400 * ms);", "var extra = Stimulus.sine(1 * nA, 50 * Hz, 0 * nA);")])],
        "long up = 0, down = 0;\n"
        "for (double[] train : trains) for (double s : train) if (s >= 100) { if (s % 20 < 10) up++; else down++; }\n"
        + fails_unless("up > 1.5 * down", "the population should fire more in the sine's positive half-cycles, even at 50 Hz")),
]

VARIATIONS["04-inhibitory-synapses.ipynb"] = [
    Variation(
        "In section 3, make the shunt three times stronger",
        [("double inhibitoryCurrent = -1 * nA", [("shunt = 100 * nS;", "shunt = 300 * nS;")]),
         ("int top = currents.length - 1", [])],
        "int firstShunted = 0;\n"
        "while (firstShunted < currents.length && rates[3][firstShunted] == 0) firstShunted++;\n"
        + fails_unless("Math.abs(predicted[3] - 8.0) < 1e-9 && firstShunted == currents.length",
                       "a 300 nS shunt should leave the neuron silent on the whole 0-8 nA grid, and the table say so")),
    Variation(
        "Then extend the grid as well",
        [("double inhibitoryCurrent = -1 * nA", [("shunt = 100 * nS;", "shunt = 300 * nS;")]),
         ("double maxCurrent = 8 * nA;", [("double maxCurrent = 8 * nA;", "double maxCurrent = 12 * nA;")]),
         ("int top = currents.length - 1", [])],
        "int firstShunted = 0;\n"
        "while (firstShunted < currents.length && rates[3][firstShunted] == 0) firstShunted++;\n"
        "double slopeShunt = (rates[3][top] - rates[3][lower]) / 2, slopeCurrent = (rates[1][top] - rates[1][lower]) / 2;\n"
        + fails_unless("Math.abs(predicted[3] - 8.0) < 1e-9 && currents[firstShunted] > 8.0 && currents[firstShunted] < 8.5 && slopeShunt >= slopeCurrent",
                       "a 300 nS shunt should start firing just above 8 nA and rise at least as steeply as the -1 nA curve")),
    Variation(
        "Add synaptic noise to every run of the f–I loop in section 3",
        [("double maxCurrent = 8 * nA;", [("var base = Simulation.of(lif).inject(Stimulus.constant(currents[j] * nA));",
                                           "var base = Simulation.of(lif).inject(Stimulus.constant(currents[j] * nA))"
                                           ".attach(Synapses.ampa(lif).from(Spikes.poisson(1000, 5 * Hz, 300 * ms, 1), 1 * nS));")]),
         ("int top = currents.length - 1", [])],
        fails_unless("rates[3][top] >= 0.9 * rates[1][top] && rates[3][top] < rates[0][top]",
                     "with this (excitatory) noise the shunted rate at 8 nA should still end within 10 % of the -1 nA curve: not divided")),
    Variation(
        "In section 1, move the GABA-A reversal potential to −60 mV",
        [("double eGaba = -80 * mV;", [("double eGaba = -80 * mV;", "double eGaba = -60 * mV;")])],
        "long withBarrage = Arrays.stream(driven.get(1).spikeTimes()).filter(s -> s >= 100 && s < 200).count();\n"
        "long without = Arrays.stream(Simulation.of(lif).inject(Stimulus.constant(2.6 * nA)).run(300 * ms).spikeTimes()).filter(s -> s >= 100 && s < 200).count();\n"
        + fails_unless("Arrays.stream(atRest.get(1).values(\"V\")).max().getAsDouble() > -69 && withBarrage > 0 && withBarrage < without",
                       "a -60 mV GABA-A synapse should depolarise at rest and slow the firing without stopping it")),
    Variation(
        "In section 5, raise the inhibitory weight from 13 to 16 nS",
        [("int nE = 1000, nI = 250;", [("weightI = 13 * nS;", "weightI = 16 * nS;")])],
        fails_unless("balanced.spikeCount() < 10", "16 nS of inhibition should nearly silence the balanced neuron (39 Hz at 13 nS)")),
]

VARIATIONS["05-timing-and-coincidence.ipynb"] = [
    Variation(
        "In section 1, raise the weight to 12 nS",
        [("double weight = 8 * nS;", [("double weight = 8 * nS;", "double weight = 12 * nS;")]),
         ("double[] pFire = new double[jitters.length];", [])],
        fails_unless("pFire[6] >= 0.99 && pFire[8] >= 0.5", "with 12 nS the neuron should still fire for volleys 6 ms wide, and mostly at 10 ms")),
    Variation(
        "In section 1, replace AMPA by NMDA",
        [("double weight = 8 * nS;", [("var synapse = Synapses.ampa(lif);", "var synapse = Synapses.nmda(lif);"),
                                      ("double weight = 8 * nS;", "double weight = 20 * nS;")]),
         ("double[] pFire = new double[jitters.length];", [])],
        fails_unless("pFire[5] >= 0.8", "through NMDA a volley 5 ms wide should still fire the neuron (AMPA at 8 nS: 1 in 10)")),
    Variation(
        "In section 2, use `Synapses.currentExponential(neuron, 5 * ms)`",
        [("double[] taus = {5, 10, 20}", [("Synapses.voltageJump(neuron).from(Spikes.at(20 * ms, 20 * ms + separations[s] * ms), 12 * mV)",
                                           "Synapses.currentExponential(neuron, 5 * ms).from(Spikes.at(20 * ms, 20 * ms + separations[s] * ms), 4.8 * nA)")])],
        "int widest = 0;\nwhile (widest < separations.length - 1 && pPair[1][widest + 1] >= 0.5) widest++;\n"
        + fails_unless("separations[widest] >= 7", "with a 5 ms synaptic current the window for τ_m = 10 ms should be at least 7 ms (4 ms with the delta synapse)")),
    Variation(
        "In section 3, slow the detectors down",
        [("double detectorTau = 0.5 * ms", [("double detectorTau = 0.5 * ms", "double detectorTau = 2 * ms")]),
         ("double[] itds = {-0.6, -0.2, 0.2, 0.6};", [])],
        "boolean blurred = true;\n"
        "for (double[] c : counts) blurred &= Arrays.stream(c).max().getAsDouble() < 0.3 * Arrays.stream(c).sum();\n"
        + fails_unless("blurred", "slow detectors should all fire: no neuron should hold 30 % of the array's spikes")),
    Variation(
        "In section 3, keep the fast detectors but add more jitter",
        [("double detectorTau = 0.5 * ms", [("jitter = 0.05 * ms;", "jitter = 0.2 * ms;")]),
         ("double[] itds = {-0.6, -0.2, 0.2, 0.6};", [])],
        "boolean broad = true;\n"
        "for (double[] c : counts) broad &= Arrays.stream(c).max().getAsDouble() < 0.5 * Arrays.stream(c).sum();\n"
        + fails_unless("broad", "with 0.2 ms of jitter the winner should hold less than half of the array's spikes (about 85 % at 0.05 ms)")),
]

VARIATIONS["06-neuron-zoo.ipynb"] = [
    Variation(
        "Make your own AdEx pattern",
        [],
        fails_unless("withB.spikeCount() < 52 && withAB.spikeCount() < withB.spikeCount() "
                     "&& Analysis.adaptationIndex(withB, 0) < 0.05 && Analysis.adaptationIndex(withAB, 0) < 0.05",
                     "b and a should lower the tonic cell's spike count (52) without making its intervals lengthen"),
        extra="var tonicCell = Neurons.adex(\"tonic\");\n"
              "var tonicStep = Stimulus.step(Neurons.adexInputNa(\"tonic\"), 20 * ms, 520 * ms);\n"
              "var withB = Simulation.of(tonicCell.withSpikeAdaptationNa(0.08)).inject(tonicStep).run(550 * ms);\n"
              "var withAB = Simulation.of(tonicCell.withSpikeAdaptationNa(0.08).withAdaptationUs(0.01)).inject(tonicStep).run(550 * ms);"),
    Variation(
        "Repeat the pulse-pair experiment of section 3 with a LIF",
        [],
        fails_unless("alone == 0 && firesAt.get(2.0) && firesAt.get(5.0) && !firesAt.get(20.0) && !firesAt.get(40.0) && !firesAt.get(45.0) && !firesAt.get(50.0)",
                     "a LIF should fire only for the shortest intervals, with no preferred interval near 40 ms"),
        extra="var plainLif = Neurons.lif();\n"
              "int alone = Simulation.of(plainLif).inject(Stimulus.pulse(9 * nA, 20 * ms, 2 * ms)).run(100 * ms).spikeCount();\n"
              "var firesAt = new LinkedHashMap<Double, Boolean>();\n"
              "for (double gap : new double[] {2, 5, 10, 20, 30, 40, 45, 50, 60})\n"
              "    firesAt.put(gap, Simulation.of(plainLif).inject(Stimulus.pulse(9 * nA, 20 * ms, 2 * ms))\n"
              "            .inject(Stimulus.pulse(9 * nA, 20 * ms + gap, 2 * ms)).run(200 * ms).spikeCount() > 0);"),
    Variation(
        "Set the input of the second FitzHugh–Nagumo plane",
        [("double fhnDrive = 0.5;", [("double fhnDrive = 0.5;", "double fhnDrive = 0.3;")]),
         ("var small = Simulation.of(fhn)", [])],
        fails_unless("Analysis.phasePlane(fhn, fhnDrive, -2.5, 2.5, -1, 2).fixedPoints().get(0).stable() && lateHigh - lateLow < 0.05",
                     "at I = 0.3 the fixed point should be a stable focus and the trajectory spiral into it")),
]

VARIATIONS["08-analysis-with-tablesaw.ipynb"] = [
    Variation(
        "Add a third parameter to the sweep",
        [("var table = Analysis.sweep(", [(".and(\"I [pA]\", 200, 300, 400, 500, 600, 700, 800)",
                                           ".and(\"I [pA]\", 200, 300, 400, 500, 600, 700, 800).and(\"a [nS]\", 0, 4)"),
                                          ("withSpikeAdaptationNa(p.get(\"b [pA]\") * pA)",
                                           "withSpikeAdaptationNa(p.get(\"b [pA]\") * pA).withAdaptationUs(p.get(\"a [nS]\") * nS)")])],
        fails_unless("table.rowCount() == 70 && lowerForEveryB", "with a = 4 nS the mean rate should be lower than with a = 0 for every b"),
        extra="var byAB = table.copy().replaceColumn(\"b [pA]\", table.doubleColumn(\"b [pA]\").asIntColumn())\n"
              "        .replaceColumn(\"a [nS]\", table.doubleColumn(\"a [nS]\").asIntColumn());\n"
              "var summaryAB = byAB.summarize(\"rate [Hz]\", tech.tablesaw.aggregate.AggregateFunctions.mean).by(\"a [nS]\", \"b [pA]\");\n"
              "boolean lowerForEveryB = true;\n"
              "for (int b : new int[] {0, 30, 60, 90, 120}) {\n"
              "    var rows = summaryAB.where(summaryAB.intColumn(\"b [pA]\").isEqualTo(b));\n"
              "    double r0 = rows.where(rows.intColumn(\"a [nS]\").isEqualTo(0)).numberColumn(2).getDouble(0);\n"
              "    double r4 = rows.where(rows.intColumn(\"a [nS]\").isEqualTo(4)).numberColumn(2).getDouble(0);\n"
              "    lowerForEveryB &= r4 < r0;\n"
              "}"),
    Variation(
        "Measure the latency of the first spike",
        [("var table = Analysis.sweep(", [(".measure(\"adaptation index\", r -> Math.rint(1000 * Analysis.adaptationIndex(r, 0)) / 1000)",
                                           ".measure(\"adaptation index\", r -> Math.rint(1000 * Analysis.adaptationIndex(r, 0)) / 1000)"
                                           "\n        .measure(\"latency [ms]\", r -> Analysis.firstSpikeLatencyMs(r, 0))")])],
        "var longest = table.where(table.doubleColumn(\"rate [Hz]\").isGreaterThan(0)).sortDescendingOn(\"latency [ms]\").first(1);\n"
        + fails_unless("longest.doubleColumn(\"I [pA]\").get(0) == 300", "the longest first-spike latency should come with the weakest current that fires, 300 pA")),
    Variation(
        "Add the rate at the end of each run",
        [],
        fails_unless("worstI == 300 && worstB > 0", "the mean and the end rate should differ most just above the rheobase (300 pA), with spike-triggered adaptation"),
        extra="double[] meanRate = table.doubleColumn(\"rate [Hz]\").asDoubleArray(), lastIsi = table.doubleColumn(\"last ISI [ms]\").asDoubleArray();\n"
              "double[] bOf = table.doubleColumn(\"b [pA]\").asDoubleArray(), iOf = table.doubleColumn(\"I [pA]\").asDoubleArray();\n"
              "double worstRatio = 0, worstB = -1, worstI = -1;\n"
              "for (int k = 0; k < meanRate.length; k++)\n"
              "    if (Double.isFinite(lastIsi[k]) && meanRate[k] / (1000 / lastIsi[k]) > worstRatio) {\n"
              "        worstRatio = meanRate[k] / (1000 / lastIsi[k]); worstB = bOf[k]; worstI = iOf[k];\n"
              "    }"),
]

VARIATIONS["00-quickstart.ipynb"] = [
    Variation(
        "Change the amplitude in cell 2 to `6.5 * uA_per_cm2`",
        [("var hh  = Neurons.hodgkinHuxley();", [("Stimulus.step(10 * uA_per_cm2, 10 * ms, 110 * ms)", "Stimulus.step(6.5 * uA_per_cm2, 10 * ms, 110 * ms)")])],
        fails_unless("run.spikeCount() >= 5 && run.spikeCount() < 7", "at 6.5 µA/cm² the axon should still fire all along the step, with fewer spikes than at 10 µA/cm² (7)")),
    Variation(
        "Warm the axon in cell 2 to 18.5 °C",
        [("var hh  = Neurons.hodgkinHuxley();", [("var hh  = Neurons.hodgkinHuxley();", "var hh  = Neurons.hodgkinHuxley().atCelsius(18.5);")])],
        fails_unless("run.spikeCount() > 14", "at 18.5 °C the same step should give at least twice the 7 spikes of 6.3 °C")),
]

VARIATIONS["10-parameter-sweeps.ipynb"] = [
    Variation(
        "Quiet the slow state: in section 5, give the SI-slow point the drive",
        [(".points(\"g\", \"eta\")", [(".point(4.5, 0.9)", ".point(4.5, 0.5)")])],
        fails_unless("four.doubleColumn(\"rate E [Hz]\").get(3) == 0 && four.doubleColumn(\"rate I [Hz]\").get(3) == 0",
                     "at g = 4.5, eta = 0.5 the network should fall silent")),
    Variation(
        "Sweep the drive finer near the silent edge at $g$ = 6",
        [],
        extra="double[] edgeRates = Analysis.sweepOf(\"brunel\").set(\"N_E\", 2000).set(\"C_E\", 200).set(\"J [mV]\", 0.5)\n"
        "        .set(\"g\", 6).vary(\"eta\", 0.6, 0.8, 1.0, 1.2).measure(\"rate\", \"synchrony\")\n"
        "        .duration(300 * ms).warmup(100 * ms).seed(1).progress(false).run().doubleColumn(\"rate [Hz]\").asDoubleArray();\n"
        "System.out.println(Arrays.toString(edgeRates));",
        check=fails_unless("edgeRates[0] < 0.1 && edgeRates[3] > 5", "at g = 6 the network should be almost silent at eta = 0.6 (below 0.1 Hz) and fire at eta = 1.2")),
    Variation(
        "Ask the mean-field theory of exercise 2 about the paper's full-size network",
        [],
        extra="double fullSize = meanFieldRateHz(5, 2, 1000, 0.1);\nSystem.out.println(fullSize);",
        check=fails_unless("fullSize < predicted - 5 && Math.abs(fullSize - 37.95) < 0.05",
                           "the full-size network should be predicted to fire less than the scaled one (about 49 Hz), at the "
                           "37.95 Hz of BrunelMeanFieldTest (Brian2's network: 37 Hz)")),
]

VARIATIONS["09-networks-of-any-neuron.ipynb"] = [
    Variation(
        "In section 1, halve Brunel's delay for the fast state",
        [],
        fails_unless("halvedDelayHz > 1.3 * rhythmHz[2]",
                     "with D = 0.75 ms the fast rhythm should be well above the table's (D = 1.5 ms)"),
        extra="var halved = Network.brunel().withState(6, 4).withDelayMs(0.75 * ms).builder(1).build().run(300 * ms);\n"
              "double halvedDelayHz = peakHz(window(populationRate(halved, 0.1 * ms), 0.1 * ms, warmup, 300 * ms), 0.1 * ms, 5, 1000);\n"
              "System.out.println(\"SI fast with D = 0.75 ms: \" + halvedDelayHz + \" Hz, with 1.5 ms: \" + rhythmHz[2] + \" Hz\");"),
    Variation(
        "In section 2, double the inhibitory weights",
        [("double inhibition = 1.0;", [("double inhibition = 1.0;", "double inhibition = 2.0;")])],
        fails_unless("gammaHz > 35 && rateHz(rhythms, \"E\", 100 * ms, 1000 * ms) > 0.8 * 6.91",
                     "with twice the inhibition the gamma peak should move above 35 Hz while the E rate falls by less than a fifth")),
    Variation(
        "In section 3, take the adaptation away from the E neurons",
        [("double adaptation = 0.05 * nA;", [("double adaptation = 0.05 * nA;", "double adaptation = 0;")])],
        fails_unless("rateHz(mixed, \"E\", 500 * ms, 1000 * ms) > 1.3 * 17.5",
                     "without adaptation the E neurons should fire well above 17.5 Hz in the last 500 ms")),
]

VARIATIONS["07-plasticity-and-networks.ipynb"] = [
    Variation(
        "In section 2, set $A_- = 1.05\\,A_+$",
        [("var additive = Synapses.stdpAdditive(", [("0.75 * nS, 20 * ms", "0.525 * nS, 20 * ms")])],
        "double[] last = Arrays.stream(w).mapToDouble(x -> x[x.length - 1]).toArray();\n"
        "double corr = Arrays.stream(last, 0, 50).average().getAsDouble(), ind = Arrays.stream(last, 50, 100).average().getAsDouble();\n"
        "System.out.println(String.format(\"A- = 1.05 A+: correlated %.1f nS, independent %.1f nS\", corr / nS, ind / nS));\n"
        + fails_unless("corr > ind + 1 * nS", "with Song's ratio the correlated inputs should still end stronger than the independent ones")),
    Variation(
        "In section 3, add a probe spike 500 ms after the train",
        [],
        fails_unless("probed[10] > probed[9] && probed[10] < probed[0]",
                     "500 ms after the train the depressing synapse's release should be above the last spike's and below the first's"),
        extra="double[] withProbe = Arrays.copyOf(train.times(), train.count() + 1);\n"
              "withProbe[train.count()] = 1000 * ms;\n"
              "double[] probed = depressing.efficacies(Spikes.at(withProbe).times());\n"
              "System.out.println(\"first \" + probed[0] + \", last of the train \" + probed[9] + \", probe \" + probed[10]);"),
    Variation(
        "In section 4, strengthen excitation instead of weakening inhibition",
        [],
        fails_unless("stronger.rateHz(\"E\") > cuba.rateHz(\"E\")", "stronger excitation should raise the E rate above CUBA's"),
        extra="var stronger = cubaLike(25 * pA, -90 * pA, 1 * second);\n"
              "var strongerRate = stronger.rateTable(5 * ms).numberColumn(\"rate [Hz]\");\n"
              "System.out.println(String.format(\"R w_e = 2.5 mV: E %.2f Hz (CUBA %.2f Hz), CV %.2f, synchrony %.2f\", stronger.rateHz(\"E\"), cuba.rateHz(\"E\"),\n"
              "        meanCv(stronger.spikeTimes(), stronger.spikeNeurons(), 4000), strongerRate.standardDeviation() / strongerRate.mean()));"),
]
VARIATIONS["09-networks-of-any-neuron.ipynb"].append(
    Variation(
        "In section 4, use the multiplicative rule instead",
        [(".stdp(Synapses.stdpAdditive(0.01 * gMax", [("Synapses.stdpAdditive(0.01 * gMax, 0.0105 * gMax,", "Synapses.stdpMultiplicative(0.01, 0.0105,")])],
        "long low = Arrays.stream(end).filter(x -> x < 0.1).count(), high = Arrays.stream(end).filter(x -> x > 0.9).count();\n"
        "System.out.println(\"multiplicative: \" + low + \" below 0.1, \" + high + \" above 0.9\");\n"
        + fails_unless("low < 50 && high < 50", "with soft bounds fewer than 5 % of the weights should end below 0.1 or above 0.9 g_max")))
