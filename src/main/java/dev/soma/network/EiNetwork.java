package dev.soma.network;

/**
 * Excitatory–inhibitory networks: two populations {@code E} and {@code I} of one kind, every
 * ordered pair connected independently with probability p, excitatory spikes into {@code ge},
 * inhibitory ones into {@code gi} — and the two such benchmark networks of Brette et al. (2007).
 *
 * <p>Each factory returns a {@link SpikingNetwork.Builder}, so seed, threads, recordings and
 * extra projections can still be added before {@code build()}.
 */
public final class EiNetwork {
    private EiNetwork() {}

    /**
     * Populations {@code E} (neurons 0..nE−1) and {@code I} (the next nI) of {@code model},
     * connected E→E, E→I with {@code weightE} into {@code ge} and I→E, I→I with {@code weightI}
     * into {@code gi}, each pair with probability {@code p}, delay one step.
     */
    public static SpikingNetwork.Builder builder(PopulationModel model, int nE, int nI, double p,
                                                 double weightE, double weightI) {
        // The sizes and weights under the names this call gives them (the builder would call them size and weight).
        if (nE < 1 || nI < 1) {
            String which = nE < 1 ? "nE = " + nE : "nI = " + nI;
            throw new IllegalArgumentException(which + " neurons; each population needs at least one, e.g. nE = 800, nI = 200");
        }
        if ((long) nE + nI > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "nE = %,d and nI = %,d make more neurons than a "
                    + "network can number (%,d); use fewer", nE, nI, Integer.MAX_VALUE - 8));
        }
        if (!Double.isFinite(weightE) || !Double.isFinite(weightI)) {
            throw new IllegalArgumentException((Double.isFinite(weightE) ? "weightI = " + weightI : "weightE = " + weightE)
                    + " is not a finite number; give the weight in the unit of " + (Double.isFinite(weightE) ? "gi" : "ge")
                    + " of " + (model == null ? "the model" : model.kind()));
        }
        Connectivity c = Connectivity.fixedProbability(p);
        return SpikingNetwork.builder()
                .population("E", model, nE)
                .population("I", model, nI)
                .connect("E", "E", "ge", weightE, c)
                .connect("E", "I", "ge", weightE, c)
                .connect("I", "E", "gi", weightI, c)
                .connect("I", "I", "gi", weightI, c);
    }

    /**
     * CUBA: 3200 + 800 {@link LifCurrentExp#cuba()} neurons, p = 0.02, we = 1.62 mV, wi = −9 mV,
     * dt = 0.1 ms. About 5.6 Hz.
     */
    public static SpikingNetwork.Builder cuba() {
        return builder(LifCurrentExp.cuba(), 3200, 800, 0.02, 1.62, -9).dtMs(0.1);
    }

    /**
     * COBAHH: 3200 + 800 {@link HhTraubCondExp#cobahh()} neurons, p = 0.02, we = 6 nS
     * (0.006 µS), wi = 67 nS (0.067 µS), dt = 0.1 ms. About 35–40 Hz.
     */
    public static SpikingNetwork.Builder cobahh() {
        return builder(HhTraubCondExp.cobahh(), 3200, 800, 0.02, 0.006, 0.067).dtMs(0.1);
    }
}
