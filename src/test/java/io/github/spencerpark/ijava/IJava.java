package io.github.spencerpark.ijava;

import io.github.spencerpark.jupyter.kernel.display.Renderer;

/**
 * Stands in for the real IJava 1.3.0's entry class in tests: its {@code getKernelInstance()} is
 * what {@link dev.soma.notebook.IJavaRenderers} looks for, and the kernel's {@code getRenderer()}
 * is basekernel 2.3.0's real {@link Renderer}.
 */
public final class IJava {
    private static volatile Kernel kernel;

    private IJava() {}

    /** The running kernel, or null (as outside IJava's main). */
    public static Kernel getKernelInstance() {
        return kernel;
    }

    /** Starts (with a fresh renderer) or ends (null) the pretend kernel. */
    public static void setKernelInstance(Kernel k) {
        kernel = k;
    }

    /** The part of IJava's JavaKernel (a basekernel BaseKernel) that Soma uses. */
    public static final class Kernel {
        private final Renderer renderer = new Renderer();

        public Renderer getRenderer() {
            return renderer;
        }
    }
}
