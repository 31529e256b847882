package dev.soma.network;

import dev.soma.model.NeuronModel;
import dev.soma.model.SpikeRule;
import dev.soma.synapse.SynapseKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The state of one population of neurons: the model's variables, then each receptor's, one
 * primitive array per variable; and what the step needs to know about the model (its spike rule,
 * its input gain), per neuron when the population's neurons differ.
 */
final class Layout {
    /** The model of every neuron, or of neuron 0 when they differ. */
    final NeuronModel model;
    /** One model per neuron when they differ, else null. */
    final NeuronModel[] models;
    final int modelSize;
    final int size;
    final int vi;
    final String[] names;
    final String[] units;
    /** The receptors that have state variables, in the order they were first connected. */
    final SynapseKind[] receptors;
    /** The state index of each receptor's first variable. */
    final int[] receptorOffset;
    /** Each receptor's reversal potential (mV), NaN unless conductance-based. */
    final double[] reversal;
    final boolean resets;
    /** Per neuron, or one value for all: threshold (mV), refractory steps, input gain. */
    final double[] threshold;
    final int[] refractorySteps;
    final double[] gain;

    Layout(NeuronModel model, NeuronModel[] models, List<SynapseKind> receptorKinds, double dtMs, String population) {
        this.model = model;
        this.models = models;
        String[] modelNames = model.stateNames();
        this.modelSize = modelNames.length;
        this.vi = model.voltageIndex();
        SpikeRule rule = model.spikeRule();
        this.resets = rule.resets();
        List<String> allNames = new ArrayList<>(Arrays.asList(modelNames));
        List<String> allUnits = new ArrayList<>(Arrays.asList(model.stateUnits()));
        List<SynapseKind> withState = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        for (SynapseKind kind : receptorKinds) {
            if (kind.stateSize() == 0) {
                continue;
            }
            offsets.add(allNames.size());
            withState.add(kind);
            for (String name : kind.stateNames()) {
                if (allNames.contains(name)) {
                    throw new IllegalArgumentException("receptor " + kind + " onto population " + population + " names a variable \""
                            + name + "\" that the population already has; give it another name with .named(\"...\")");
                }
                allNames.add(name);
            }
            allUnits.addAll(Arrays.asList(kind.stateUnits(model)));
        }
        this.receptors = withState.toArray(new SynapseKind[0]);
        this.receptorOffset = offsets.stream().mapToInt(Integer::intValue).toArray();
        this.reversal = new double[receptors.length];
        for (int r = 0; r < receptors.length; r++) {
            reversal[r] = receptors[r].reversalMvOnto(model);
        }
        this.names = allNames.toArray(new String[0]);
        this.units = allUnits.toArray(new String[0]);
        this.size = names.length;
        int count = models == null ? 1 : models.length;
        this.threshold = new double[count];
        this.refractorySteps = new int[count];
        this.gain = new double[count];
        for (int j = 0; j < count; j++) {
            NeuronModel m = models == null ? model : models[j];
            SpikeRule r = m.spikeRule();
            if (r.resets() != resets) {
                throw new IllegalArgumentException("neuron " + j + " of population " + population + " is a " + m.name()
                        + (r.resets() ? " that resets" : " that does not reset") + " after a spike, unlike neuron 0; "
                        + "the neurons of one population must share their kind of spike");
            }
            threshold[j] = r.thresholdMv();
            refractorySteps[j] = (int) Math.round(r.refractoryMs() / dtMs);
            gain[j] = m.inputGain();
            if (!Double.isFinite(gain[j])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s gives inputGain() = %s for neuron %d of population %s; the input must change dV/dt by a finite amount",
                        m.name(), gain[j], j, population));
            }
        }
    }

    /** The index of a state variable, or -1. */
    int indexOf(String variable) {
        return Arrays.asList(names).indexOf(variable);
    }

    /** The receptor whose name is {@code name}, or -1. */
    int receptorIndex(SynapseKind kind) {
        for (int r = 0; r < receptors.length; r++) {
            if (receptors[r].equals(kind)) {
                return r;
            }
        }
        return -1;
    }

    /** Whether the neurons' models differ. */
    boolean heterogeneous() {
        return models != null;
    }

    NeuronModel modelOf(int neuron) {
        return models == null ? model : models[neuron];
    }
}
