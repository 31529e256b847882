package dev.soma.badinput;

import dev.soma.badinput.BadValues.Bad;
import dev.soma.badinput.BadValues.Kind;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Runs one case — one method, one parameter made bad, every other argument valid — on a worker
 * thread with a time limit, and judges how it ended.
 */
final class Probe {
    /** Long enough for any case on a loaded machine (they take milliseconds); a hang is minutes. */
    static final long TIMEOUT_SECONDS = 20;

    /** How a case ended. The first three are what we want; the rest are defects. */
    enum Verdict {
        /** A Soma exception that names the parameter (and, for NaN, ±∞ and null, shows the value). */
        REJECTED(true),
        /** A valid, usable result for a value that can mean something (0, −1, huge, empty). */
        ACCEPTED(true),
        /** A value that is usually meaningless accepted where the allow list says why it is valid. */
        ALLOWED(true),
        /** No end within the time limit. */
        HANG(false),
        /** An Error (OutOfMemoryError, StackOverflowError) instead of an early check. */
        ERROR(false),
        /** A JVM or library exception (NullPointerException, ArrayIndexOutOfBounds, ...) instead of a Soma one. */
        RAW_EXCEPTION(false),
        /** A Soma exception whose message does not name the parameter (or not the value). */
        UNNAMED(false),
        /** NaN, ±∞ or null accepted without a word. */
        SILENT(false),
        /** Accepted, but the result holds NaN or ∞, or using it fails without naming the parameter. */
        UNUSABLE(false);

        final boolean good;

        Verdict(boolean good) {
            this.good = good;
        }
    }

    record Outcome(Verdict verdict, String detail) {}

    private final Examples examples;
    private ExecutorService worker = newWorker();

    Probe(Examples examples) {
        this.examples = examples;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bad-input-probe");
            t.setDaemon(true);
            return t;
        });
    }

    /** What a call and the use of its result gave. */
    record Ran(Object result, Object used, Throwable thrown, boolean inUse, Object[] args) {}

    /** The valid call (no bad argument): it must succeed, or the examples are wrong. */
    Ran baseline(ApiSurface.Entry entry) throws HangException {
        return execute(entry, -1, null);
    }

    /** Runs the case and judges it against the valid call's result. */
    Outcome probe(ApiSurface.Entry entry, int index, Bad bad, Ran baseline, AllowList allow) {
        Ran ran;
        try {
            ran = execute(entry, index, bad);
        } catch (HangException e) {
            return new Outcome(Verdict.HANG, "no end after " + TIMEOUT_SECONDS + " s");
        }
        String param = entry.executable().getParameters()[index].getName();
        // Where even the valid result cannot be used on its own (a builder that needs more settings), only the call is judged.
        boolean useApplies = baseline.thrown() == null;
        if (ran.thrown() != null && (useApplies || !ran.inUse())) {
            return judgeThrown(ran.thrown(), entry, param, bad, ran.inUse(), ran.args());
        }
        String allowed = bad.kind().mustReject ? allow.reason(entry, param, bad.kind()) : null;
        if (bad.kind().mustReject && allowed == null) {
            return new Outcome(Verdict.SILENT, "accepted, gave " + show(ran.result()));
        }
        String broken = Usability.nonFinite(ran.result());
        String where = "the result";
        if (broken == null) {
            broken = Usability.nonFinite(ran.used());
            where = "using the result";
        }
        boolean baselineFinite = Usability.nonFinite(baseline.result()) == null && Usability.nonFinite(baseline.used()) == null;
        if (broken != null && allowed == null) allowed = allow.reason(entry, param, bad.kind());
        if (broken != null && baselineFinite && allowed == null) {
            return new Outcome(Verdict.UNUSABLE, where + " holds " + broken);
        }
        return allowed != null ? new Outcome(Verdict.ALLOWED, allowed) : new Outcome(Verdict.ACCEPTED, show(ran.result()));
    }

    private static String show(Object o) {
        String s = String.valueOf(o instanceof double[] a ? java.util.Arrays.toString(a) : o);
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    private static final Set<Class<?>> RAW = Set.of(NullPointerException.class, ArrayIndexOutOfBoundsException.class,
            IndexOutOfBoundsException.class, StringIndexOutOfBoundsException.class, ArithmeticException.class,
            ClassCastException.class, NegativeArraySizeException.class, ArrayStoreException.class,
            java.util.ConcurrentModificationException.class, java.util.NoSuchElementException.class,
            NumberFormatException.class);

    /** A Soma exception: thrown by Soma's code, of a type Soma throws on purpose. */
    static boolean isSomaException(Throwable t) {
        if (t instanceof Error || RAW.contains(t.getClass())) return false;
        if (t.getClass().getName().startsWith("dev.soma.")) return true;
        StackTraceElement[] trace = t.getStackTrace();
        boolean fromSoma = trace.length > 0 && trace[0].getClassName().startsWith("dev.soma.");
        return fromSoma && (t instanceof IllegalArgumentException || t instanceof IllegalStateException
                || t instanceof UnsupportedOperationException);
    }

    private Outcome judgeThrown(Throwable t, ApiSurface.Entry entry, String param, Bad bad, boolean inUse, Object[] args) {
        String when = inUse ? "using the result: " : "";
        String summary = t.getClass().getSimpleName() + ": " + t.getMessage();
        if (t instanceof Error) {
            return new Outcome(Verdict.ERROR, when + summary);
        }
        if (!isSomaException(t)) {
            StackTraceElement[] trace = t.getStackTrace();
            String at = trace.length > 0 ? " at " + trace[0] : "";
            return new Outcome(Verdict.RAW_EXCEPTION, when + summary + at);
        }
        String message = String.valueOf(t.getMessage());
        if (!namesParameter(message, param) && !namesAlias(message, entry, param) && !namesProperty(message, entry)
                && !namesGivenName(message, entry, param, args)) {
            if (inUse && bad.kind() == Kind.HUGE && isEngineStop(t)) {
                return new Outcome(Verdict.ACCEPTED, "a run of it stops clearly: " + summary);
            }
            return new Outcome(inUse ? Verdict.UNUSABLE : Verdict.UNNAMED, when + "does not name " + param + ": " + summary);
        }
        if (bad.kind().mustReject && !showsValue(message, bad.kind())) {
            return new Outcome(Verdict.UNNAMED, when + "does not show the value " + bad.label() + ": " + summary);
        }
        return new Outcome(Verdict.REJECTED, when + message);
    }

    /**
     * The engine's documented stops for dynamics a run cannot follow: a blow-up (which names the time
     * and the variable) or the stability check (which names dt and the fastest time constant). A
     * huge but finite parameter can make a legitimate, if stiff, model: only a run can tell, and these
     * stops are the clear answer for it.
     */
    static boolean isEngineStop(Throwable t) {
        if (t instanceof dev.soma.sim.SimulationDivergedException) return true;
        String m = String.valueOf(t.getMessage());
        return m.startsWith("dt = ") && m.contains("time constant");
    }

    /**
     * Aliases a message may use instead of a parameter's Java name, by name or by
     * {@code "Owner.method#param"}: the word a person reads in the Javadoc and the message (an
     * activation function {@code f} is "the activation", a preset's name is "preset").
     */
    static final Map<String, List<String>> ALIASES = Map.of(
            "more", List.of("attachment", "attachments"),
            "f", List.of("activation"),
            "nameWithUnit", List.of("parameter"),
            "namesWithUnits", List.of("parameter"),
            "pattern", List.of("preset"),
            "type", List.of("preset"),
            "LeakyIntegrateAndFire.preset#name", List.of("preset"));

    /** A one-argument setter's message may name the property it sets ({@link ApiSurface#setterProperty}). */
    static boolean namesProperty(String message, ApiSurface.Entry entry) {
        String property = ApiSurface.setterProperty(entry);
        return property != null && mentions(message, property);
    }

    /**
     * A number may be named by the name the same call gives it: {@code set("sigma [nA]", -1)} or
     * {@code ParameterSweep.and("b", values)} may say "sigma = -1" or "values of \"b\"".
     */
    static boolean namesGivenName(String message, ApiSurface.Entry entry, String param, Object[] args) {
        Class<?> type = null;
        java.lang.reflect.Parameter[] ps = entry.executable().getParameters();
        for (java.lang.reflect.Parameter p : ps) {
            if (p.getName().equals(param)) type = p.getType();
        }
        if (type != double.class && type != double[].class) return false;
        for (int i = 0; i < ps.length; i++) {
            if (ps[i].getType() == String.class && args[i] instanceof String given && !given.isBlank()) {
                String name = given.replaceAll("\\s*\\[.*\\]\\s*$", "").strip();
                if (!name.isEmpty() && (mentions(message, name) || message.contains("\"" + given + "\""))) return true;
            }
        }
        return false;
    }

    static boolean namesParameter(String message, String param) {
        return mentions(message, param);
    }

    static boolean namesAlias(String message, ApiSurface.Entry entry, String param) {
        List<String> aliases = new java.util.ArrayList<>(ALIASES.getOrDefault(param, List.of()));
        aliases.addAll(ALIASES.getOrDefault(Examples.methodKey(entry) + "#" + param, List.of()));
        for (String alias : aliases) {
            if (mentions(message, alias)) return true;
        }
        return false;
    }

    private static boolean mentions(String message, String word) {
        String quoted = Pattern.quote(word);
        // Short names ("p", "U", "n") must read as the parameter: followed by =, [, "is" or "must".
        String after = word.length() <= 2 ? "(?=\\s*(=|\\[|is\\b|must\\b|:))" : "(?![A-Za-z0-9_])";
        return Pattern.compile("(?<![A-Za-z0-9_])" + quoted + after).matcher(message).find();
    }

    static boolean showsValue(String message, Kind kind) {
        return switch (kind) {
            case NAN -> message.contains("NaN");
            case POSITIVE_INFINITY, NEGATIVE_INFINITY -> message.contains("Infinity") || message.contains("∞");
            case NULL, NULL_ELEMENT -> message.contains("null");
            default -> true;
        };
    }

    static final class HangException extends Exception {
        HangException() {
            super(null, null, false, false);
        }
    }

    /** Calls the entry with every argument valid except {@code index} (none if −1), then uses the result. */
    private Ran execute(ApiSurface.Entry entry, int index, Bad bad) throws HangException {
        Executable e = entry.executable();
        Object[] args = new Object[e.getParameterCount()];
        Object receiver;
        try {
            receiver = entry.isStatic() ? null : examples.receiver(entry);
            for (int i = 0; i < args.length; i++) {
                args[i] = i == index ? bad.value() : examples.argument(entry, i, receiver);
            }
        } catch (RuntimeException setup) {
            throw new IllegalStateException("cannot set up " + entry.id() + ": " + setup.getMessage(), setup);
        }
        Future<Ran> future = worker.submit(() -> {
            Object result;
            try {
                result = e instanceof Method m ? m.invoke(receiver, args) : ((Constructor<?>) e).newInstance(args);
            } catch (InvocationTargetException x) {
                return new Ran(null, null, x.getCause(), false, args);
            } catch (Throwable x) {
                return new Ran(null, null, x, false, args);
            }
            // A void method changes its receiver: use the receiver.
            Object subject = e instanceof Method m && m.getReturnType() == void.class ? receiver : result;
            try {
                return new Ran(result, Usability.use(subject), null, false, args);
            } catch (Throwable x) {
                return new Ran(result, null, x, true, args);
            }
        });
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException x) {
            future.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            throw new HangException();
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(x);
        } catch (ExecutionException x) {
            throw new IllegalStateException(x.getCause());
        }
    }

    void close() {
        worker.shutdownNow();
    }
}
