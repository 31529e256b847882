package dev.soma.network;

import java.util.SplittableRandom;

/**
 * A value chosen per connection when a network is built — its weight or its delay (ms) — from the
 * source and target (local indices) and the projection's random stream, e.g. Izhikevich's (2003)
 * excitatory weights {@code (pre, post, random) -> 0.5 * random.nextDouble()}.
 *
 * <p>Connections are drawn source by source, targets in increasing order, from a stream seeded by
 * the network's seed, so the same seed gives the same weights.
 */
@FunctionalInterface
public interface ConnectionDraw {
    /** The value of the connection {@code pre → post}. */
    double draw(int pre, int post, SplittableRandom random);
}
