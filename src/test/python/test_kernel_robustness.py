"""The Soma kernel under a real Jupyter client: errors, interrupts, big output, bad messages."""
import os
import time
import unittest
from queue import Empty

from jupyter_client.manager import start_new_kernel

TIMEOUT = 60


def execute(kc, code, timeout=TIMEOUT, on_busy=None):
    """Runs code; returns (reply content, list of iopub messages of this request)."""
    msg_id = kc.execute(code)
    outputs = []
    busy_seen = False
    deadline = time.time() + timeout
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "status":
            state = msg["content"]["execution_state"]
            if state == "busy" and not busy_seen:
                busy_seen = True
                if on_busy:
                    on_busy()
            if state == "idle":
                break
        else:
            outputs.append(msg)
    while True:
        reply = kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"], outputs


def text_of(outputs, kind="stream"):
    out = []
    for m in outputs:
        if m["msg_type"] == kind == "stream":
            out.append(m["content"]["text"])
        elif m["msg_type"] == kind:
            out.append(m["content"].get("data", {}).get("text/plain", ""))
    return "".join(out)


def errors(outputs):
    return [m["content"] for m in outputs if m["msg_type"] == "error"]


def interrupt_later(km, delay):
    import threading

    def go():
        time.sleep(delay)
        km.interrupt_kernel()
    threading.Thread(target=go, daemon=True).start()


class Robustness(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name="java", startup_timeout=60)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def assert_alive(self):
        reply, outputs = execute(self.kc, "40 + 2")
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(text_of(outputs, "execute_result"), "42")

    def test_throwing_cell(self):
        reply, outputs = execute(self.kc, 'void fail() { throw new IllegalArgumentException("bad value"); }\nfail();')
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "java.lang.IllegalArgumentException")
        self.assertEqual(reply["evalue"], "bad value")
        err = errors(outputs)[0]
        trace = "\n".join(err["traceback"])
        self.assertIn("IllegalArgumentException: bad value", trace)
        self.assertIn("at fail(", trace)
        self.assertNotIn("jdk.jshell", trace)
        self.assertNotIn("dev.soma.kernel", trace)
        self.assert_alive()

    def test_compile_error(self):
        reply, outputs = execute(self.kc, 'int n = "three";')
        self.assertEqual(reply["status"], "error")
        self.assertIn("incompatible types", reply["evalue"])
        self.assertIn('int n = "three";', "\n".join(errors(outputs)[0]["traceback"]))
        self.assert_alive()

    def test_infinite_loop_interrupted(self):
        start = time.time()
        reply, outputs = execute(self.kc, "long i = 0; while (true) { i++; }",
                                 on_busy=lambda: interrupt_later(self.km, 1.0))
        self.assertEqual(reply["status"], "error")
        self.assertLess(time.time() - start, 20)
        self.assert_alive()

    def test_sleep_interrupted(self):
        reply, outputs = execute(self.kc, "Thread.sleep(60_000);",
                                 on_busy=lambda: interrupt_later(self.km, 1.0))
        self.assertEqual(reply["status"], "error")
        self.assertIn("nterrupt", reply["ename"] + reply["evalue"])
        self.assert_alive()

    def test_ten_megabytes_of_output(self):
        code = 'String line = "x".repeat(1023);\nfor (int i = 0; i < 10 * 1024; i++) System.out.println(line);'
        reply, outputs = execute(self.kc, code, timeout=120)
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(len(text_of(outputs)), 10 * 1024 * 1024)
        self.assert_alive()

    def test_missing_jar(self):
        reply, outputs = execute(self.kc, "%jars does-not-exist/missing-*.jar")
        self.assertEqual(reply["status"], "error")
        self.assertIn("missing-*.jar", reply["evalue"])
        self.assertIn("no jar matches", reply["evalue"])
        self.assert_alive()

    def test_wrong_signature_ignored(self):
        session = self.kc.session
        good_key = session.key
        try:
            session.key = b"not-the-key"  # jupyter_client re-creates its HMAC from the key
            msg_id = self.kc.execute('System.out.println("should never run");')
        finally:
            session.key = good_key
        try:
            reply = self.kc.get_shell_msg(timeout=2)
            self.assertNotEqual(reply["parent_header"].get("msg_id"), msg_id)
        except Empty:
            pass
        self.assert_alive()

    def test_display_functions(self):
        reply, outputs = execute(self.kc, 'String id = display("first");\nupdateDisplay(id, "second");\nrender("<b>x</b>", "text/html")')
        self.assertEqual(reply["status"], "ok")
        kinds = [m["msg_type"] for m in outputs]
        self.assertIn("display_data", kinds)
        self.assertIn("update_display_data", kinds)
        result = [m for m in outputs if m["msg_type"] == "execute_result"][0]
        self.assertIn("text/html", result["content"]["data"])


def compile_jar(work, sources, jar_name, classpath=None):
    """Compiles {"pkg/Name.java": source} with javac --release 17 into work/jar_name; returns its path."""
    import subprocess
    import zipfile
    src = os.path.join(work, "src")
    out = os.path.join(work, "out")
    paths = []
    for rel, text in sources.items():
        path = os.path.join(src, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        paths.append(path)
    cmd = ["javac", "--release", "17", "-d", out] + (["-cp", classpath] if classpath else []) + paths
    subprocess.run(cmd, check=True)
    jar = os.path.join(work, jar_name)
    with zipfile.ZipFile(jar, "w") as z:
        for root, _, files in os.walk(out):
            for name in files:
                full = os.path.join(root, name)
                z.write(full, os.path.relpath(full, out))
    return jar


def java_feature(java):
    """The feature version (17, 25, ...) of a java executable, from its JDK's release file."""
    import re
    release = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(java))), "release")
    try:
        with open(release) as f:
            m = re.search(r'JAVA_VERSION="(\d+)', f.read())
            return int(m.group(1)) if m else None
    except OSError:
        return None


def newest_other_java():
    """A java newer than 23 (no SecurityManager) to run the kernel on besides the default one:
    SOMA_TEST_JAVA if set, else the newest JDK in Debian's JDK folder, or None."""
    import glob
    if os.environ.get("SOMA_TEST_JAVA"):
        return os.environ["SOMA_TEST_JAVA"]
    best = None
    for java in glob.glob("/usr/lib/jvm/*/bin/java"):
        feature = java_feature(java)
        if feature and feature >= 24 and (best is None or feature > best[0]):
            best = (feature, java)
    return best[1] if best else None


class ExitRefused(unittest.TestCase):
    """System.exit, Runtime.exit and Runtime.halt in a cell or in a jar end the cell, not the kernel."""
    java = None  # the default java; a subclass sets another

    @classmethod
    def setUpClass(cls):
        import tempfile
        env = dict(os.environ)
        if cls.java:
            env["SOMA_KERNEL_JAVA"] = cls.java
        cls.km, cls.kc = start_new_kernel(kernel_name="java", startup_timeout=90, env=env)
        cls.work = tempfile.mkdtemp(prefix="soma-exit-")
        cls.jar = compile_jar(cls.work, {"quit/Quitter.java":
                                         "package quit; public class Quitter {\n"
                                         "  public static void exit() { System.exit(4); }\n"
                                         "  public static void halt() { Runtime.getRuntime().halt(5); }\n"
                                         "  public static void caught() { try { System.exit(6); } catch (Exception e) { } }\n"
                                         "}\n"}, "quit.jar")

    @classmethod
    def tearDownClass(cls):
        import shutil
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)
        shutil.rmtree(cls.work, ignore_errors=True)

    def assert_refused(self, code, call):
        reply, outputs = execute(self.kc, code)
        self.assertEqual(reply["status"], "error", code)
        self.assertEqual(reply["ename"], "dev.soma.kernel.ExitRefusedError")
        self.assertIn(call + " refused", reply["evalue"])
        self.assertIn("kernel is still running", reply["evalue"])
        self.assertIn(call + " refused", "\n".join(errors(outputs)[0]["traceback"]))
        self.assertTrue(self.km.is_alive())
        reply, outputs = execute(self.kc, "kept * 2")
        self.assertEqual(reply["status"], "ok", "the next cell must run, with the notebook's state")
        self.assertEqual(text_of(outputs, "execute_result"), "14")

    def test_system_exit(self):
        execute(self.kc, "int kept = 7;")
        self.assert_refused("System.exit(1);", "System.exit(1)")

    def test_runtime_halt(self):
        execute(self.kc, "int kept = 7;")
        self.assert_refused("Runtime.getRuntime().halt(3);", "Runtime.getRuntime().halt(3)")

    def test_runtime_exit_through_a_catch_and_a_method_reference(self):
        execute(self.kc, "int kept = 7;")
        self.assert_refused("try { Runtime.getRuntime().exit(2); } catch (Exception e) { }", "Runtime.getRuntime().exit(2)")
        self.assert_refused("java.util.function.IntConsumer bye = System::exit;\nbye.accept(8);", "System.exit(8)")

    def test_exit_and_halt_from_a_jar(self):
        execute(self.kc, "int kept = 7;")
        reply, _ = execute(self.kc, f"%jars {self.jar}")
        self.assertEqual(reply["status"], "ok")
        self.assert_refused("quit.Quitter.exit();", "System.exit(4)")
        self.assert_refused("quit.Quitter.halt();", "Runtime.getRuntime().halt(5)")
        self.assert_refused("quit.Quitter.caught();", "System.exit(6)")

    def test_interrupt_while_the_cell_compiles(self):
        # The interrupt comes at once, while JShell still compiles the first statements and no
        # snippet runs: it must still stop the cell before its loop starts.
        reply, _ = execute(self.kc, "int first = 1;\nint second = 2;\nlong laps = 0; while (true) { laps++; }",
                           timeout=30, on_busy=self.km.interrupt_kernel)
        self.assertEqual(reply["status"], "error")
        self.assertIn("nterrupt", reply["ename"] + reply["evalue"])
        reply, outputs = execute(self.kc, "1 + 1")
        self.assertEqual(text_of(outputs, "execute_result"), "2")

    def test_busy_loop_interrupted(self):
        start = time.time()
        reply, _ = execute(self.kc, "long spins = 0; while (true) { spins++; }",
                           on_busy=lambda: interrupt_later(self.km, 1.0))
        self.assertEqual(reply["status"], "error")
        self.assertIn("nterrupt", reply["ename"] + reply["evalue"])
        self.assertLess(time.time() - start, 20)
        reply, outputs = execute(self.kc, "1 + 1")
        self.assertEqual(text_of(outputs, "execute_result"), "2")


@unittest.skipUnless(newest_other_java(), "no Java 24 or newer found (set SOMA_TEST_JAVA)")
class ExitRefusedOnNewestJava(ExitRefused):
    """The same on Java 24+, where the SecurityManager is gone (Temurin 25 here)."""
    java = newest_other_java()

    def test_the_kernel_runs_on_that_java(self):
        reply, outputs = execute(self.kc, "Runtime.version().feature()")
        self.assertEqual(text_of(outputs, "execute_result"), str(java_feature(self.java)))


HH_VIEW = ('p -> Plots.voltage(Simulation.of(Neurons.hodgkinHuxley())'
           '.inject(Stimulus.step(p.get("I") * uA_per_cm2, 10 * ms, 110 * ms)).run(150 * ms))')
HOARD = "var hoard = new ArrayList<double[]>();\nwhile (true) hoard.add(new double[50_000]);"


class Memory(unittest.TestCase):
    """A kernel with a 300 MB heap: re-declared variables free their old value, an
    OutOfMemoryError leaves the kernel alive and says what holds memory and how to free it.
    Whichever thread meets a full heap is a race; the kernel's heap guard makes the cell's own
    thread the one, every time: the kernel's log must show no thread of its own that met it."""
    java = None  # the default java; a subclass sets another

    @classmethod
    def setUpClass(cls):
        import tempfile
        env = dict(os.environ)
        env["SOMA_KERNEL_JAVA_OPTS"] = (env.get("SOMA_KERNEL_JAVA_OPTS", "") + " -Xmx300m").strip()
        if cls.java:
            env["SOMA_KERNEL_JAVA"] = cls.java
        cls.log = tempfile.TemporaryFile(mode="w+")
        cls.km, cls.kc = start_new_kernel(kernel_name="java", startup_timeout=90, env=env, stderr=cls.log)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)
        cls.log.close()

    def log_since(self, position):
        self.log.seek(position)
        text = self.log.read()
        self.log.seek(0, os.SEEK_END)
        return text

    def log_position(self):
        self.log.seek(0, os.SEEK_END)
        return self.log.tell()

    def assert_stopped_readably(self, reply, outputs, log_from):
        log = self.log_since(log_from)
        self.assertEqual(reply["status"], "error", log)
        self.assertEqual(reply["ename"], "java.lang.OutOfMemoryError", log)
        self.assertIn("the kernel stopped the cell before it ran out of memory itself", reply["evalue"],
                      "the cell's own thread met the full heap, at a stop check")
        trace = "\n".join(errors(outputs)[0]["traceback"])
        for advice in ("This cell declared hoard (ArrayList, about", "hoard = null;", "Kernel > Restart",
                       "SOMA_KERNEL_JAVA_OPTS=-Xmx", "limited to 300 MB"):
            self.assertIn(advice, trace, log)
        self.assertNotIn("heap was full", log, "a thread of the kernel met the full heap")
        self.assertNotIn("OutOfMemoryError", log)

    def test_a_redeclared_variable_frees_its_old_value(self):
        # 120 MB in 400 kB rows; three live copies would not fit in 300 MB.
        for _ in range(4):
            reply, _ = execute(self.kc, "var rows = new double[300][50_000];")
            self.assertEqual(reply["status"], "ok", reply.get("evalue"))
        execute(self.kc, "rows = null;")

    def test_out_of_memory_says_what_holds_it_and_the_kernel_lives(self):
        execute(self.kc, "int kept = 7;")
        log_from = self.log_position()
        reply, outputs = execute(self.kc, HOARD)
        self.assert_stopped_readably(reply, outputs, log_from)
        time.sleep(2.5 * self.kc.hb_channel.time_to_dead)  # a ping sent after the full heap, answered
        self.assertTrue(self.kc.hb_channel.is_beating(), "the heartbeat answers")
        reply, outputs = execute(self.kc, "hoard.size() > 100")
        self.assertEqual(text_of(outputs, "execute_result"), "true")
        execute(self.kc, "hoard = null;")
        reply, outputs = execute(self.kc, "var after = new double[200][50_000]; kept")
        self.assertEqual(reply["status"], "ok", reply.get("evalue"))
        self.assertEqual(text_of(outputs, "execute_result"), "7")
        execute(self.kc, "after = null;")

    def test_out_of_memory_while_a_widget_redraws(self):
        import glob
        root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
        jar = sorted(glob.glob(os.path.join(root, "target", "soma-*-all.jar")))[0]
        reply, outputs = execute(self.kc, f"%jars {jar}\nimport dev.soma.*;\nimport static dev.soma.Units.*;\n"
                                          f'var demo = Interact.of({HH_VIEW}).slider("I", 0, 15, 5, "µA/cm²").precompute(0);\n'
                                          "demo")
        self.assertEqual(reply["status"], "ok", reply.get("evalue"))
        opened = {m["content"]["data"]["state"]["_model_name"]: m["content"]["comm_id"]
                  for m in outputs if m["msg_type"] == "comm_open"}
        slider, image = opened["FloatSliderModel"], opened["ImageModel"]

        def move(value):
            msg = self.kc.session.msg("comm_msg", {"comm_id": slider, "data": {
                "method": "update", "state": {"value": value}, "buffer_paths": []}})
            self.kc.shell_channel.send(msg)
            return msg["header"]["msg_id"]

        log_from = self.log_position()
        # Moves queued before the cell: their views draw while the cell fills the heap.
        for value in (6, 7, 8, 9, 10):
            move(value)
        reply, outputs = execute(self.kc, HOARD)
        self.assert_stopped_readably(reply, outputs, log_from)
        execute(self.kc, "hoard = null;")
        moved = move(12)
        deadline = time.time() + TIMEOUT
        while True:
            msg = self.kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
            if (msg["msg_type"] == "comm_msg" and msg["content"]["comm_id"] == image
                    and msg["parent_header"].get("msg_id") == moved):
                break
        self.assertEqual(msg["content"]["data"]["buffer_paths"], [["value"]], "after the full heap the view draws again")
        reply, outputs = execute(self.kc, "demo.values()")
        self.assertEqual(text_of(outputs, "execute_result"), "I = 12 µA/cm²")

    def test_an_out_of_memory_error_on_the_kernels_message_thread_is_survived(self):
        # A widget listener runs on the thread that reads the shell channel; an OutOfMemoryError
        # there (a heap filled by something else) must not end that thread: the kernel would be deaf.
        reply, outputs = execute(self.kc, 'var host = dev.soma.kernel.spi.WidgetHost.current();\n'
                                          'var fragile = host.open(Map.of("_model_name", "LabelModel", "value", "x"),'
                                          ' changes -> { throw new OutOfMemoryError("a full heap, simulated"); });\n'
                                          'fragile.id()')
        self.assertEqual(reply["status"], "ok", reply.get("evalue"))
        comm_id = text_of(outputs, "execute_result").strip('"')
        log_from = self.log_position()
        msg = self.kc.session.msg("comm_msg", {"comm_id": comm_id, "data": {
            "method": "update", "state": {"value": "y"}, "buffer_paths": []}})
        self.kc.shell_channel.send(msg)
        reply, outputs = execute(self.kc, "40 + 2", timeout=20)
        self.assertEqual(text_of(outputs, "execute_result"), "42")
        self.assertIn("the heap was full on the shell channel; the kernel goes on", self.log_since(log_from))

    def test_a_huge_array_fails_early_and_readably(self):
        reply, outputs = execute(self.kc, "var huge = new double[2_000_000_000];")
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "java.lang.OutOfMemoryError")
        self.assertIn("still running", "\n".join(errors(outputs)[0]["traceback"]))
        reply, outputs = execute(self.kc, "huge == null")
        self.assertEqual(text_of(outputs, "execute_result"), "true")
        reply, outputs = execute(self.kc, "long spins = 0; for (int i = 0; i < 1000; i++) spins += i; spins")
        self.assertEqual(text_of(outputs, "execute_result"), "499500", "a heap that is not full stops no cell")

    def test_a_failing_cell_names_the_large_values_it_declared(self):
        reply, outputs = execute(self.kc, "var before = new int[5_000_000];\nObject nothing = null;\nnothing.toString();")
        self.assertEqual(reply["status"], "error")
        trace = "\n".join(errors(outputs)[0]["traceback"])
        self.assertIn("This cell declared before (int[5000000], 19 MB) before the error; it keeps its value: set before = null;", trace)
        reply, outputs = execute(self.kc, 'Object small = null;\nsmall.toString();')
        self.assertNotIn("This cell declared", "\n".join(errors(outputs)[0]["traceback"]))
        execute(self.kc, "before = null;")


@unittest.skipUnless(newest_other_java(), "no Java 24 or newer found (set SOMA_TEST_JAVA)")
class MemoryOnNewestJava(Memory):
    """The same on Java 24+ (Temurin 25 here), where a thread can no longer be stopped from outside."""
    java = newest_other_java()


class UnknownMessages(unittest.TestCase):
    """A message type the kernel has no handler for is logged once by its name; a request is answered."""

    def test_unknown_request_is_answered_and_logged_once(self):
        import tempfile
        with tempfile.TemporaryFile(mode="w+") as log:
            km, kc = start_new_kernel(kernel_name="java", startup_timeout=60, stderr=log)
            try:
                for _ in range(2):
                    msg = kc.session.msg("soma_probe_request", {})
                    kc.shell_channel.send(msg)
                    deadline = time.time() + 10
                    while True:
                        reply = kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
                        if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
                            break
                    self.assertEqual(reply["msg_type"], "soma_probe_reply")
                    self.assertEqual(reply["content"]["status"], "error")
                    self.assertEqual(reply["parent_header"]["msg_type"], "soma_probe_request")
                    states = []
                    while len(states) < 2:
                        m = kc.get_iopub_msg(timeout=10)
                        if m["parent_header"].get("msg_id") == msg["header"]["msg_id"] and m["msg_type"] == "status":
                            self.assertEqual(m["parent_header"]["msg_type"], "soma_probe_request")
                            states.append(m["content"]["execution_state"])
                    self.assertEqual(states, ["busy", "idle"])
                note = kc.session.msg("soma_note", {})
                kc.shell_channel.send(note)
                reply, outputs = execute(kc, "40 + 2")
                self.assertEqual(text_of(outputs, "execute_result"), "42")
            finally:
                kc.stop_channels()
                km.shutdown_kernel(now=True)
            log.seek(0)
            text = log.read()
        self.assertEqual(text.count('no handler for message type "soma_probe_request"'), 1, text)
        self.assertIn('no handler for message type "soma_note" on the shell channel; ignored', text)
        self.assertNotIn("no handler for none", text)


class Documentation(unittest.TestCase):
    """Shift+Tab (inspect_request) shows Soma's Javadoc, from the index the all jar carries."""

    @classmethod
    def setUpClass(cls):
        import glob
        root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
        jar = sorted(glob.glob(os.path.join(root, "target", "soma-*-all.jar")))[0]
        cls.km, cls.kc = start_new_kernel(kernel_name="java", startup_timeout=60)
        reply, _ = execute(cls.kc, f"%jars {jar}\nimport dev.soma.*;\nimport static dev.soma.Units.*;\n"
                                   "var hh = Neurons.hodgkinHuxley();")
        assert reply["status"] == "ok", reply

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def inspect(self, code):
        msg_id = self.kc.inspect(code, len(code))
        while True:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertTrue(reply["content"]["found"], code)
        return reply["content"]["data"]

    def test_a_front_method_shows_its_summary_and_its_models_parameters(self):
        data = self.inspect("Neurons.hodgkinHuxley(")
        text = data["text/plain"]
        self.assertIn("Neurons.hodgkinHuxley()", text)
        self.assertIn("The Hodgkin–Huxley squid axon at 6.3 °C (NEURON's hh), input in µA/cm².", text)
        self.assertIn("gNa          120      mS/cm²  maximal sodium conductance", text)
        self.assertIn("<code>hh</code>", data["text/html"])

    def test_overloads_and_parameters(self):
        text = self.inspect("Neurons.lif(")["text/plain"]
        self.assertIn("A leaky integrate-and-fire neuron: τ = 10 ms", text)
        self.assertIn("A LIF preset by name: standard, neuronalDynamics, unitResistance.", text)
        self.assertIn("amplitude from startMs (inclusive) to stopMs (exclusive)", self.inspect("Stimulus.step(")["text/plain"])

    def test_a_variable_shows_its_types_documentation(self):
        text = self.inspect("hh")["text/plain"]
        self.assertIn("hh:dev.soma.model.HodgkinHuxley", text)
        self.assertIn("The Hodgkin–Huxley (1952) squid giant axon", text)
        self.assertIn("eK           −77      mV      potassium reversal potential", text)

    def test_a_constant(self):
        self.assertIn("One millivolt", self.inspect("mV")["text/plain"] + self.inspect("Units.mV")["text/plain"])


class Renderers(unittest.TestCase):
    """A jar added with %jars contributes a renderer through dev.soma.kernel.spi.MimeRenderer."""

    def test_renderer_from_a_jar(self):
        import shutil
        import subprocess
        import tempfile
        import zipfile
        root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
        classes = os.path.join(root, "target", "classes")
        work = tempfile.mkdtemp(prefix="soma-renderer-")
        try:
            src = os.path.join(work, "demo")
            os.makedirs(src)
            with open(os.path.join(src, "Money.java"), "w") as f:
                f.write("package demo; public record Money(int cents) {}\n")
            with open(os.path.join(src, "MoneyRenderer.java"), "w") as f:
                f.write("package demo; import java.util.Map;\n"
                        "public class MoneyRenderer implements dev.soma.kernel.spi.MimeRenderer {\n"
                        "  public Map<String, Object> render(Object v) {\n"
                        "    return v instanceof Money m ? Map.of(\"text/html\", \"<b>\" + m.cents() / 100.0 + \" EUR</b>\") : null;\n"
                        "  }\n}\n")
            out = os.path.join(work, "out")
            subprocess.run(["javac", "--release", "17", "-cp", classes, "-d", out,
                            os.path.join(src, "Money.java"), os.path.join(src, "MoneyRenderer.java")], check=True)
            jar = os.path.join(work, "money.jar")
            with zipfile.ZipFile(jar, "w") as z:
                for name in ("Money.class", "MoneyRenderer.class"):
                    z.write(os.path.join(out, "demo", name), "demo/" + name)
                z.writestr("META-INF/services/dev.soma.kernel.spi.MimeRenderer", "demo.MoneyRenderer\n")
            km, kc = start_new_kernel(kernel_name="java", startup_timeout=60)
            try:
                reply, _ = execute(kc, f"%jars {jar}")
                self.assertEqual(reply["status"], "ok")
                reply, outputs = execute(kc, "new demo.Money(1250)")
                self.assertEqual(reply["status"], "ok")
                data = [m for m in outputs if m["msg_type"] == "execute_result"][0]["content"]["data"]
                self.assertEqual(data["text/html"], "<b>12.5 EUR</b>")
                self.assertIn("Money[cents=1250]", data["text/plain"])
                reply, outputs = execute(kc, 'display(new demo.Money(5)); "other".length()')
                shown = [m for m in outputs if m["msg_type"] == "display_data"][0]["content"]["data"]
                self.assertIn("text/html", shown)
                self.assertEqual(text_of(outputs, "execute_result"), "5")
            finally:
                kc.stop_channels()
                km.shutdown_kernel(now=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)


class Lifecycle(unittest.TestCase):
    def test_two_kernels_and_clean_shutdown(self):
        km1, kc1 = start_new_kernel(kernel_name="java", startup_timeout=60)
        km2, kc2 = start_new_kernel(kernel_name="java", startup_timeout=60)
        try:
            execute(kc1, "int who = 1;")
            execute(kc2, "int who = 2;")
            self.assertEqual(text_of(execute(kc1, "who")[1], "execute_result"), "1")
            self.assertEqual(text_of(execute(kc2, "who")[1], "execute_result"), "2")
            pids = [km.provisioner.pid if hasattr(km, "provisioner") and km.provisioner else km.kernel.pid for km in (km1, km2)]
        finally:
            kc1.stop_channels()
            kc2.stop_channels()
        for km in (km1, km2):
            km.request_shutdown()
        deadline = time.time() + 15
        while time.time() < deadline and any(km.is_alive() for km in (km1, km2)):
            time.sleep(0.1)
        self.assertFalse(km1.is_alive(), "kernel 1 still running after shutdown_request")
        self.assertFalse(km2.is_alive(), "kernel 2 still running after shutdown_request")
        for pid in pids:
            if pid:
                self.assertFalse(os.path.exists(f"/proc/{pid}") and open(f"/proc/{pid}/stat").read().split()[2] != "Z",
                                 f"process {pid} still exists")
        for km in (km1, km2):
            km.cleanup_resources()

    def test_restart(self):
        km, kc = start_new_kernel(kernel_name="java", startup_timeout=60)
        try:
            execute(kc, "int before = 1;")
            km.restart_kernel(now=False)
            kc.wait_for_ready(timeout=60)
            reply, _ = execute(kc, "before")
            self.assertEqual(reply["status"], "error")
            reply, outputs = execute(kc, "1 + 1")
            self.assertEqual(reply["status"], "ok")
        finally:
            kc.stop_channels()
            km.shutdown_kernel()


if __name__ == "__main__":
    unittest.main()
