package dev.soma.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds a {@link SweepModel} by name: the built-in ones, then those listed in service files. */
final class SweepModels {
    private SweepModels() {}

    static List<String> builtInNames() {
        List<String> names = new ArrayList<>();
        names.add(BrunelSweepModel.NAME);
        names.addAll(NeuronSweepModel.families());
        return names;
    }

    static SweepModel find(String name) {
        if (name == null) {
            throw new SweepException(SweepException.Kind.UNKNOWN_MODEL, "model = null; name a model, one of " + builtInNames());
        }
        if (name.equals(BrunelSweepModel.NAME)) {
            return new BrunelSweepModel();
        }
        SweepModel neuron = NeuronSweepModel.find(name);
        if (neuron != null) {
            return neuron;
        }
        List<String> extra = new ArrayList<>();
        for (ClassLoader loader : loaders()) {
            try {
                for (SweepModel m : ServiceLoader.load(SweepModel.class, loader)) {
                    if (m.name().equals(name)) {
                        return m;
                    }
                    extra.add(m.name());
                }
            } catch (ServiceConfigurationError e) {
                // A listed model whose class cannot be loaded here: skip it, the others still count.
            }
        }
        List<String> known = builtInNames();
        for (String e : extra) {
            if (!known.contains(e)) known.add(e);
        }
        throw new SweepException(SweepException.Kind.UNKNOWN_MODEL, "model = \"" + name + "\" is not known; use one of "
                + known + ", or add a SweepModel through META-INF/services/dev.soma.analysis.SweepModel");
    }

    private static List<ClassLoader> loaders() {
        List<ClassLoader> out = new ArrayList<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) out.add(context);
        ClassLoader own = SweepModels.class.getClassLoader();
        if (own != null && own != context) out.add(own);
        return out;
    }
}
