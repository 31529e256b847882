/**
 * Inline display in notebooks: how Soma's figures, tables and runs show themselves in a kernel
 * ({@link dev.soma.notebook.SomaRenderer}, {@link dev.soma.notebook.Display}), and interactive
 * demos — {@link dev.soma.notebook.Interactive} (controls that re-run a view, with a kernel-free
 * HTML version for saved notebooks, web pages and IJava) built on
 * {@link dev.soma.notebook.Widget} (Jupyter widgets of ipywidgets 8, live in the Soma kernel).
 * Nothing here depends on the kernel: it reaches the Soma kernel's widget protocol through
 * {@link dev.soma.kernel.spi.WidgetHost}, and IJava's renderer registry by reflection.
 */
package dev.soma.notebook;
