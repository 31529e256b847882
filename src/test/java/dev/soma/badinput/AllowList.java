package dev.soma.badinput;

import dev.soma.badinput.BadValues.Kind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where NaN, ±∞ or null is a meaningful argument, and why. Short on purpose: each rule is about
 * what a parameter means, never a list of failures to ignore. A rule matches a method id (as
 * {@link ApiSurface.Entry#id()} writes it) and a parameter name, both by regular expression.
 */
final class AllowList {

    record Rule(String reason, Pattern methods, Pattern params, Set<Kind> kinds) {
        boolean matches(ApiSurface.Entry entry, String param, Kind kind) {
            return kinds.contains(kind) && methods.matcher(entry.id()).matches() && params.matcher(param).matches();
        }
    }

    private static final Set<Kind> NON_FINITE = EnumSet.of(Kind.NAN, Kind.POSITIVE_INFINITY, Kind.NEGATIVE_INFINITY);

    static final List<Rule> RULES = List.of(
            rule("the point at which a mathematical function is evaluated (an activation function, a kernel, a gate's"
                            + " voltage dependence, an STDP window, a vector field, a sign test): IEEE arithmetic as in"
                            + " java.lang.Math, NaN gives NaN and ±∞ the limit (or overflow); a check would cost every call"
                            + " of a loop",
                    "(ActivationFunction|Relu|LeakyRelu|Elu|Softplus|Sigmoid|Tanh|Step|Identity|Gelu|Silu)"
                            + "\\.(apply|derivative)\\(double(\\[\\])?\\)"
                            + "|Kernel\\.at\\(double\\)|MagnesiumBlock\\.at\\(double\\)|MorrisLecar\\.(mInf|wInf|tauW)\\(double\\)"
                            + "|HodgkinHuxleyTraub\\.(rates|ratesFromFormulas)\\(double\\)"
                            + "|Stdp\\.window\\(double\\)|PhasePlane\\.(flow|jacobian)\\(double, double\\)"
                            + "|PresynapticType\\.allows\\(double\\)",
                    ".*", Kind.NAN, Kind.POSITIVE_INFINITY, Kind.NEGATIVE_INFINITY, Kind.HUGE),
            rule("an output buffer: its values are overwritten, never read",
                    "Layer\\.output\\(double\\[\\], double\\[\\]\\)", "out", Kind.NAN, Kind.POSITIVE_INFINITY, Kind.NEGATIVE_INFINITY),
            rule("a control's unit label is optional: null shows no unit, as the overload without a unit does",
                    "Interactive\\.(slider|play|intSlider)\\(.*", "unit", Kind.NULL),
            rule("NaN is the documented \"no threshold line\" of a voltage figure drawn from arrays",
                    "Plots\\.voltage\\(double\\[\\], double\\[\\], double\\[\\], double\\)", "thresholdMv", Kind.NAN),
            rule("null removes an optional plasticity rule, as documented (withStdp(null), withShortTermPlasticity(null))",
                    "Synapse\\.(withStdp|withShortTermPlasticity)\\(.*", "rule|model", Kind.NULL),
            rule("optional trailing varargs (runs or trajectories drawn on top, variables or rate columns to plot): the call"
                            + " without them is valid, and a lone null, which Java passes as the array, means the same",
                    "Plots\\.(phasePlane|trace|fI)\\(.*", "runs|trajectories|variables|rateColumns", Kind.NULL),
            rule("a documented \"none\": NaN when no spike follows the onset or too few intervals remain, ∞ for the period"
                            + " of a neuron that does not fire",
                    "Analysis\\.(firstSpikeLatencyMs|adaptationIndex)\\(.*|QuadraticIntegrateAndFire\\.periodMs\\(double\\)",
                    "onsetMs|skip|inputNa", Kind.ZERO, Kind.NEGATIVE, Kind.HUGE));

    private static Rule rule(String reason, String methods, String params, Kind first, Kind... rest) {
        return new Rule(reason, Pattern.compile(methods), Pattern.compile(params), EnumSet.of(first, rest));
    }

    /**
     * The reason the case is valid, or null if it is not allowed: for NaN, ±∞ and null, that the
     * argument is meaningful; for 0, −1 and huge values, that a non-finite result is meaningful.
     */
    String reason(ApiSurface.Entry entry, String param, Kind kind) {
        for (Rule r : RULES) {
            if (r.matches(entry, param, kind)) return r.reason();
        }
        return null;
    }
}
