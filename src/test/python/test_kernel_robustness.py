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
