package dev.soma.activation;

/**
 * Whether a presynaptic neuron is excitatory or inhibitory. By Dale's principle a neuron
 * releases the same transmitter at all its synapses, so all its outgoing weights share one sign.
 * Written {@code 'E'} and {@code 'I'} in a types string such as {@code "EEI"}.
 */
public enum PresynapticType {
    /** An excitatory neuron (e.g. glutamatergic): its outgoing weights are ≥ 0. */
    EXCITATORY('E'),
    /** An inhibitory neuron (e.g. GABAergic): its outgoing weights are ≤ 0. */
    INHIBITORY('I');

    private final char symbol;

    PresynapticType(char symbol) {
        this.symbol = symbol;
    }

    /**
     * The letter used in a types string.
     *
     * @return {@code 'E'} or {@code 'I'}
     */
    public char symbol() {
        return symbol;
    }

    /**
     * Whether a weight from a neuron of this type obeys Dale's law.
     *
     * @param weight the weight
     * @return {@code true} if weight ≥ 0 for {@link #EXCITATORY} or ≤ 0 for {@link #INHIBITORY}
     */
    public boolean allows(double weight) {
        return this == EXCITATORY ? weight >= 0 : weight <= 0;
    }

    /**
     * Reads a types string, one letter per presynaptic neuron, {@code 'E'} for excitatory and
     * {@code 'I'} for inhibitory (case-insensitive), e.g. {@code "EEI"}.
     *
     * @param types the letters
     * @return one type per letter
     * @throws IllegalArgumentException if {@code types} is null or holds another character
     */
    public static PresynapticType[] parse(String types) {
        Checks.notNull("types", types, "give one letter per presynaptic neuron, E or I, e.g. \"EEI\"");
        PresynapticType[] parsed = new PresynapticType[types.length()];
        for (int i = 0; i < parsed.length; i++) {
            char c = Character.toUpperCase(types.charAt(i));
            if (c == 'E') {
                parsed[i] = EXCITATORY;
            } else if (c == 'I') {
                parsed[i] = INHIBITORY;
            } else {
                throw new IllegalArgumentException("types[" + i + "] = '" + types.charAt(i) + "' in \"" + types
                        + "\" is neither E nor I: write E for an excitatory and I for an inhibitory presynaptic neuron");
            }
        }
        return parsed;
    }

    /** The lower-case word, {@code "excitatory"} or {@code "inhibitory"}. */
    @Override
    public String toString() {
        return this == EXCITATORY ? "excitatory" : "inhibitory";
    }
}
