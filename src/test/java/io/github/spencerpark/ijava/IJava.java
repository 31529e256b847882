package io.github.spencerpark.ijava;

import io.github.spencerpark.jupyter.kernel.display.Renderer;

/**
 * A stand-in for IJava 1.3.0's main class in Soma's tests: what {@code dev.soma.notebook} looks up
 * by name to find itself running in IJava. Like IJava, it hands out a kernel whose
 * {@code getRenderer()} is basekernel's renderer registry (the real one, from basekernel 2.3.0).
 */
public final class IJava {

    private static final Kernel KERNEL = new Kernel();

    private IJava() {
    }

    /** As IJava's: the running kernel. */
    public static Kernel getKernelInstance() {
        return KERNEL;
    }

    /** The part of IJava's {@code JavaKernel} that Soma uses. */
    public static final class Kernel {
        private final Renderer renderer = new Renderer();

        public Renderer getRenderer() {
            return renderer;
        }
    }
}
