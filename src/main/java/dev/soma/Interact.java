package dev.soma;

import dev.soma.notebook.Interactive;
import dev.soma.notebook.Params;
import java.util.function.Function;

/**
 * Interactive demos in a notebook: controls (sliders with units, drop-downs, buttons, check boxes,
 * a play button) in front of a figure, a table or text that re-runs when they move.
 * <pre>{@code
 * Interact.of(p -> Plots.voltage(Simulation.of(Neurons.hodgkinHuxley())
 *             .inject(Stimulus.step(p.get("I") * uA_per_cm2, 10 * ms, 110 * ms))
 *             .run(150 * ms)))
 *         .slider("I", 0, 15, 5, "µA/cm²")
 * }</pre>
 * In the Soma kernel with JupyterLab 4, Notebook 7 or VS Code the controls are live Jupyter widgets;
 * a saved notebook and its HTML page keep a kernel-free version (every combination of values
 * precomputed, when there are few); IJava shows that version too. See {@link Interactive} for the
 * controls, the default steps and what runs when.
 */
public final class Interact {
    private Interact() {}

    /**
     * Starts an interactive demo.
     *
     * @param view what to show for given values: reads them from its argument ({@code p.get("I")},
     *     {@code p.choice("model")}, {@code p.flag("noise")}) and returns a figure, a table, a run or
     *     any object; it runs once at the initial values and again after every change
     * @return the builder: add controls, end the cell with it
     */
    public static Interactive of(Function<Params, ?> view) {
        return new Interactive(view);
    }
}
