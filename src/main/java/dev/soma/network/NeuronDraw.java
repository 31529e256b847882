package dev.soma.network;

import java.util.SplittableRandom;

/**
 * Something chosen per neuron when a network is built — a neuron's model (heterogeneous
 * populations) or a start value — from its local index and the population's random stream, e.g.
 * the Izhikevich (2003) excitatory cells: {@code (i, random) -> { double r = random.nextDouble();
 * return Neurons.izhikevich().withC(-65 + 15 * r * r).withD(8 - 6 * r * r); }}.
 *
 * <p>Neurons are drawn in increasing index order from a stream seeded by the network's seed, so
 * the same seed gives the same population.
 *
 * @param <T> what is drawn: a {@code NeuronModel}, or a {@code Double} start value
 */
@FunctionalInterface
public interface NeuronDraw<T> {
    /** The value for neuron {@code neuron} (local index). */
    T draw(int neuron, SplittableRandom random);
}
