package dev.soma.network;

import java.util.Locale;

/**
 * Early memory checks: a network or a recording too large for the Java heap is refused, with its
 * size and the way to give Java more memory, before anything is allocated — instead of an
 * {@link OutOfMemoryError} minutes later that may leave a notebook's kernel unusable.
 */
final class Memory {
    private Memory() {}

    /** What the heap can still take: its limit minus what is in use now. */
    static long free() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * Refuses {@code bytes} that will not fit in the heap. {@code what} says what needs them and
     * how they add up; {@code smaller} says how to need less.
     */
    static void require(String what, double bytes, String smaller) {
        if (bytes <= free()) {
            return;
        }
        // Earlier cells may have left garbage that only a collection shows to be free.
        System.gc();
        long free = free();
        if (bytes <= free) {
            return;
        }
        long max = Runtime.getRuntime().maxMemory();
        long inUse = max - free;
        long suggestGb = (long) Math.ceil((bytes + inUse) * 1.25 / 1e9);
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "%s needs about %s, but the Java heap holds at most %s%s; %s, or give Java more memory: "
                        + "for Soma's Jupyter kernel start Jupyter with SOMA_KERNEL_JAVA_OPTS=-Xmx%dg "
                        + "(e.g. SOMA_KERNEL_JAVA_OPTS=-Xmx%dg make lab), for a program java -Xmx%dg",
                what, size(bytes), size(max),
                inUse > 0.05 * max ? " (" + size(inUse) + " of it in use already)" : "",
                smaller, suggestGb, suggestGb, suggestGb));
    }

    /** A count for people: 0.5, 12.5, 2,400, 1,800,000,000 (at most 4 significant digits after the point). */
    static String count(double n) {
        if (Math.abs(n) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", n);
        }
        return java.math.BigDecimal.valueOf(n).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** A byte count for people: "320 MB", "21.6 GB", "3.2 TB" (three significant digits). */
    static String size(double bytes) {
        String[] units = {"MB", "GB", "TB"};
        double value = bytes / 1e6;
        int u = 0;
        while (value >= 1000 && u < units.length - 1) {
            value /= 1000;
            u++;
        }
        return java.math.BigDecimal.valueOf(value).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString()
                + " " + units[u];
    }
}
