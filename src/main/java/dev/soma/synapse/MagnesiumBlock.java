package dev.soma.synapse;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The voltage-dependent Mg²⁺ block of NMDA receptors (Jahr &amp; Stevens 1990, J. Neurosci.
 * 10:3178): the fraction of unblocked channels
 * <pre>  B(V) = 1 / (1 + [Mg²⁺]/3.57 mM · e^(−0.062 V/mV))</pre>
 * with V in mV. At rest (−65 mV, 1 mM) B ≈ 0.06; near 0 mV B ≈ 0.78. An NMDA synapse's current is
 * g·B(V)·(E − V): depolarisation relieves the block, which makes NMDA a coincidence detector.
 *
 * @param magnesiumMm the extracellular Mg²⁺ concentration in mM (physiological ≈ 1–2; 0 removes the block)
 */
public record MagnesiumBlock(double magnesiumMm) {

    /** B(V) from {@code fromMv} to {@code toMv} every {@code stepMv}, as a table {@code V [mV]}, {@code B [1]}, for plots. */
    public Table table(double fromMv, double toMv, double stepMv) {
        double[] v = Kernel.grid("fromMv/toMv", fromMv, toMv, "stepMv", stepMv);
        double[] b = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = at(v[i]);
        }
        return Table.create("Mg²⁺ block at " + Kernel.num(magnesiumMm) + " mM", DoubleColumn.create("V [mV]", v), DoubleColumn.create("B [1]", b));
    }

    /** Checks that the concentration is a finite number ≥ 0 (mM). */
    public MagnesiumBlock {
        if (!(magnesiumMm >= 0) || Double.isInfinite(magnesiumMm)) {
            throw new IllegalArgumentException("magnesiumMm = " + magnesiumMm
                    + " must be a finite concentration ≥ 0 in mM, e.g. 1 (0 removes the block)");
        }
    }

    /** The unblocked fraction B(V) at membrane potential {@code vMv} (mV), in (0, 1]. */
    public double at(double vMv) {
        return 1.0 / (1.0 + magnesiumMm / 3.57 * Math.exp(-0.062 * vMv));
    }
}
