"""Jupyter widgets in the Soma kernel, through a real Jupyter client and no browser: the messages of
widget protocol 2.1 (ipywidgets 8), every state checked against the widget model schema, and an
interact that re-runs its view when a slider's value arrives.

The schema is the one npm's @jupyter-widgets/schema ships (src/test/resources/widget-schema)."""
import base64
import json
import os
import time
import unittest
from queue import Empty

from jupyter_client.manager import start_new_kernel

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
SCHEMA = os.path.join(ROOT, "src", "test", "resources", "widget-schema", "jupyterwidgetmodels.latest.json")
TIMEOUT = 60
VIEW = "application/vnd.jupyter.widget-view+json"
PNG = b"\x89PNG\r\n\x1a\n"

# A view that is quick, one that is slow (to see coalescing), one that fails above 12.
HH_VIEW = ('p -> Plots.voltage(Simulation.of(Neurons.hodgkinHuxley())'
           '.inject(Stimulus.step(p.get("I") * uA_per_cm2, 10 * ms, 110 * ms)).run(150 * ms))')


def load_schema():
    with open(SCHEMA, encoding="utf-8") as f:
        models = json.load(f)
    return {(m["model"]["module"], m["model"]["version"], m["model"]["name"]): m for m in models}


class Kernel:
    """A Soma kernel with a reader that keeps every iopub message, so tests can wait for messages
    that arrive after a request is idle (a re-run's new image)."""

    def __init__(self):
        cwd = os.getcwd()
        os.chdir(os.path.join(ROOT, "notebooks"))  # %jars ../target/soma-*-all.jar
        try:
            self.km, self.kc = start_new_kernel(kernel_name="java", startup_timeout=60)
        finally:
            os.chdir(cwd)
        self.seen = []

    def stop(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    def drain(self, timeout=0.0):
        got = []
        deadline = time.time() + timeout
        while True:
            try:
                msg = self.kc.get_iopub_msg(timeout=max(0.01, deadline - time.time()))
            except Empty:
                break
            got.append(msg)
            self.seen.append(msg)
            if time.time() > deadline and timeout > 0:
                break
        return got

    def wait_for(self, predicate, timeout=TIMEOUT, since=0):
        """The first message (index >= since in self.seen) for which predicate holds."""
        deadline = time.time() + timeout
        index = since
        while time.time() < deadline:
            while index < len(self.seen):
                if predicate(self.seen[index]):
                    return self.seen[index]
                index += 1
            try:
                self.seen.append(self.kc.get_iopub_msg(timeout=max(0.05, min(1.0, deadline - time.time()))))
            except Empty:
                pass
        raise AssertionError("no such message within %s s" % timeout)

    def execute(self, code):
        """Runs a cell; returns (reply content, iopub messages with this cell as parent)."""
        start = len(self.seen)
        msg_id = self.kc.execute(code)
        self.wait_for(lambda m: m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status"
                      and m["content"]["execution_state"] == "idle", since=start)
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        mine = [m for m in self.seen[start:] if m["parent_header"].get("msg_id") == msg_id]
        return reply["content"], mine

    def comm_msg(self, comm_id, data, buffers=None):
        """Sends a comm_msg from 'the frontend' on the shell channel; returns its msg_id."""
        content = {"comm_id": comm_id, "data": data}
        msg = self.kc.session.msg("comm_msg", content)
        self.kc.shell_channel.send(msg) if not buffers else self.kc.session.send(
            self.kc.shell_channel.socket, msg, buffers=buffers)
        return msg["header"]["msg_id"]

    def comm_open(self, comm_id, target, data=None, metadata=None):
        msg = self.kc.session.msg("comm_open", {"comm_id": comm_id, "target_name": target, "data": data or {}},
                                  metadata=metadata or {})
        self.kc.shell_channel.send(msg)
        return msg["header"]["msg_id"]

    def request(self, msg_type, content):
        """A shell request; returns (reply, iopub messages with it as parent)."""
        start = len(self.seen)
        msg = self.kc.session.msg(msg_type, content)
        self.kc.shell_channel.send(msg)
        msg_id = msg["header"]["msg_id"]
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.wait_for(lambda m: m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status"
                      and m["content"]["execution_state"] == "idle", since=start)
        return reply, [m for m in self.seen[start:] if m["parent_header"].get("msg_id") == msg_id]


def opens(messages):
    return [m for m in messages if m["msg_type"] == "comm_open"]


def models_by_name(messages):
    out = {}
    for m in opens(messages):
        out.setdefault(m["content"]["data"]["state"]["_model_name"], []).append(m)
    return out


def comm_updates(kernel, comm_id, since=0, method="update"):
    return [m for m in kernel.seen[since:] if m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == comm_id
            and m["content"]["data"].get("method") == method]


def text_result(messages):
    for m in messages:
        if m["msg_type"] == "execute_result":
            return m["content"]["data"]["text/plain"]
    return None


class Widgets(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = load_schema()
        cls.k = Kernel()
        reply, _ = cls.k.execute("%jars ../target/soma-*-all.jar\nimport dev.soma.*;\nimport static dev.soma.Units.*;\n"
                                 "import dev.soma.notebook.Widget;")
        assert reply["status"] == "ok", reply

    @classmethod
    def tearDownClass(cls):
        cls.k.stop()

    # ------------------------------------------------------------ helpers

    def show_hh_interact(self, name="demo", extra=""):
        reply, messages = self.k.execute(
            'var %s = Interact.of(%s).slider("I", 0, 15, 5, "µA/cm²")%s;\n%s' % (name, HH_VIEW, extra, name))
        self.assertEqual(reply["status"], "ok", reply)
        return messages

    def assert_schema(self, open_msg, opened_before):
        """The state of one comm_open against the schema: same keys, types, enums, references."""
        data = open_msg["content"]["data"]
        state = data["state"]
        key = (state["_model_module"], state["_model_module_version"], state["_model_name"])
        self.assertIn(key, self.schema, "model %s is not in the widget schema" % (key,))
        spec = self.schema[key]
        binary = {tuple(p) for p in data["buffer_paths"]}
        names = set(state) | {p[0] for p in binary if len(p) == 1}
        expected = {a["name"] for a in spec["attributes"]}
        self.assertEqual(names, expected, "%s: state keys differ from the schema" % key[2])
        for attr in spec["attributes"]:
            name, kind = attr["name"], attr["type"]
            if (name,) in binary:
                self.assertEqual(kind, "bytes", "%s.%s sent as a buffer" % (key[2], name))
                continue
            value = state[name]
            where = "%s.%s = %r" % (key[2], name, value)
            if value is None:
                self.assertTrue(attr.get("allow_none"), where + " but None is not allowed")
                continue
            if kind == "string":
                self.assertIsInstance(value, str, where)
            elif kind == "bool":
                self.assertIsInstance(value, bool, where)
            elif kind == "int":
                self.assertTrue(isinstance(value, int) and not isinstance(value, bool), where)
            elif kind == "float":
                self.assertTrue(isinstance(value, (int, float)) and not isinstance(value, bool), where)
            elif kind == "array":
                self.assertIsInstance(value, list, where)
                for item in value:
                    if attr.get("items", {}).get("type") == "reference":
                        self.assertIn(item[len("IPY_MODEL_"):], opened_before, where + ": a reference to an unopened model")
            elif kind == "reference":
                self.assertTrue(value.startswith("IPY_MODEL_"), where)
                self.assertIn(value[len("IPY_MODEL_"):], opened_before, where + ": a reference to a model not opened before")
            elif kind == "object":
                self.assertIsInstance(value, dict, where)
            elif kind == "bytes":
                self.fail(where + ": bytes must travel as a buffer")
            if "enum" in attr:
                self.assertIn(value, attr["enum"], where)

    # ------------------------------------------------------------ tests

    def test_comm_info_reply_has_status_ok_and_lists_widgets(self):
        messages = self.show_hh_interact("infoDemo")
        ids = {m["content"]["comm_id"] for m in opens(messages)}
        reply, _ = self.k.request("comm_info_request", {"target_name": "jupyter.widget"})
        self.assertEqual(reply["content"]["status"], "ok")
        comms = reply["content"]["comms"]
        self.assertTrue(ids <= set(comms), "every opened widget is listed")
        self.assertEqual({c["target_name"] for c in comms.values()}, {"jupyter.widget"})
        reply, _ = self.k.request("comm_info_request", {})
        self.assertEqual(reply["content"]["status"], "ok")

    def test_interact_opens_models_of_protocol_2_1_and_displays_the_view(self):
        messages = self.show_hh_interact("shapeDemo")
        cell = [m for m in messages if m["msg_type"] == "execute_input"][0]["parent_header"]["msg_id"]
        opened = opens(messages)
        self.assertGreaterEqual(len(opened), 5)
        for m in opened:
            self.assertEqual(m["content"]["target_name"], "jupyter.widget")
            self.assertEqual(m["metadata"], {"version": "2.1.0"})
            self.assertEqual(set(m["content"]["data"]), {"state", "buffer_paths"})
            self.assertEqual(len(m["buffers"]), len(m["content"]["data"]["buffer_paths"]), "one buffer per path")
            self.assertEqual(m["parent_header"]["msg_id"], cell, "a cell's widgets have the cell as parent")
        image = models_by_name(messages)["ImageModel"][0]
        self.assertEqual(image["content"]["data"]["buffer_paths"], [["value"]])
        self.assertTrue(image["buffers"][0].tobytes().startswith(PNG), "the initial figure, before anything moved")
        result = [m for m in messages if m["msg_type"] == "execute_result"][0]["content"]["data"]
        view = result[VIEW]
        self.assertEqual(view["version_major"], 2)
        self.assertEqual(view["version_minor"], 0)
        self.assertEqual(view["model_id"], opened[-1]["content"]["comm_id"], "the view shows the panel, opened last")
        self.assertEqual(opened[-1]["content"]["data"]["state"]["_model_name"], "VBoxModel")
        self.assertIn("text/plain", result)
        self.assertIn("soma-interact", result["text/html"])
        slider = models_by_name(messages)["FloatSliderModel"][0]["content"]["data"]["state"]
        self.assertEqual(slider["description"], "I [µA/cm²]", "the unit is on the label")
        self.assertEqual((slider["min"], slider["max"], slider["step"], slider["value"]), (0, 15, 1, 5))

    def test_every_state_matches_the_widget_schema(self):
        reply, messages = self.k.execute(
            'var allDemo = Interact.of(p -> p.toString())\n'
            '    .slider("I", 0, 15, 5, "µA/cm²").intSlider("n", 1, 10, 3, "neurons")\n'
            '    .dropdown("model", List.of("HH", "LIF")).buttons("method", List.of("rk4", "euler"), "euler")\n'
            '    .checkbox("noise", true).play("t", 0, 100, 0, "ms").precompute(0);\n'
            'allDemo')
        self.assertEqual(reply["status"], "ok", reply)
        reply2, messages2 = self.k.execute(
            'display(Widget.vbox(Widget.label("a label"), Widget.hbox(Widget.checkbox("x", false)),'
            ' Widget.image(new byte[] {1, 2, 3}), Widget.output()));')
        self.assertEqual(reply2["status"], "ok", reply2)
        opened_before = set()
        names = set()
        for m in opens(messages + messages2):
            self.assert_schema(m, opened_before)
            opened_before.add(m["content"]["comm_id"])
            names.add(m["content"]["data"]["state"]["_model_name"])
        for needed in ["IntSliderModel", "FloatSliderModel", "DropdownModel", "CheckboxModel", "ToggleButtonsModel",
                       "PlayModel", "LabelModel", "HBoxModel", "VBoxModel", "ImageModel", "OutputModel", "LinkModel",
                       "SelectionSliderModel", "LayoutModel"]:
            self.assertIn(needed, names)
        shown = [m for m in messages2 if m["msg_type"] == "display_data"][0]["content"]["data"]
        self.assertIn(VIEW, shown)
        self.assertIn("text/plain", shown)

    def test_a_slider_update_is_echoed_reruns_the_view_and_sends_a_new_image(self):
        messages = self.show_hh_interact("moveDemo")
        by_name = models_by_name(messages)
        slider = by_name["FloatSliderModel"][0]["content"]["comm_id"]
        image = by_name["ImageModel"][0]
        first_png = image["buffers"][0].tobytes()
        image_id = image["content"]["comm_id"]
        runs_before = int(text_result(self.k.execute("moveDemo.runCount()")[1]))
        start = len(self.k.seen)
        msg_id = self.k.comm_msg(slider, {"method": "update", "state": {"value": 11}, "buffer_paths": []})
        echo = self.k.wait_for(lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == slider, since=start)
        self.assertEqual(echo["content"]["data"], {"method": "echo_update", "state": {"value": 11}, "buffer_paths": []})
        self.assertEqual(echo["parent_header"]["msg_id"], msg_id, "the echo's parent is the update it echoes")
        idle = self.k.wait_for(lambda m: m["msg_type"] == "status" and m["parent_header"].get("msg_id") == msg_id
                               and m["content"]["execution_state"] == "idle", since=start)
        self.assertIsNotNone(idle)
        update = self.k.wait_for(lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == image_id
                                 and m["content"]["data"].get("method") == "update", since=start)
        self.assertEqual(update["content"]["data"]["buffer_paths"], [["value"]])
        self.assertEqual(len(update["buffers"]), 1)
        new_png = update["buffers"][0].tobytes()
        self.assertTrue(new_png.startswith(PNG))
        self.assertNotEqual(new_png, first_png, "11 µA/cm² draws another figure than 5")
        self.assertEqual(update["parent_header"]["msg_id"], msg_id, "the new image answers the slider's message")
        self.assertEqual(text_result(self.k.execute("moveDemo.values()")[1]), "I = 11 µA/cm²")
        self.assertEqual(int(text_result(self.k.execute("moveDemo.runCount()")[1])), runs_before + 1)

    def test_request_state_is_answered_with_the_full_state_and_its_buffers(self):
        messages = self.show_hh_interact("stateDemo")
        image = models_by_name(messages)["ImageModel"][0]
        start = len(self.k.seen)
        msg_id = self.k.comm_msg(image["content"]["comm_id"], {"method": "request_state"})
        reply = self.k.wait_for(lambda m: m["msg_type"] == "comm_msg" and m["parent_header"].get("msg_id") == msg_id,
                                since=start)
        data = reply["content"]["data"]
        self.assertEqual(data["method"], "update")
        self.assertEqual(set(data["state"]) | {"value"}, set(image["content"]["data"]["state"]) | {"value"})
        self.assertEqual(data["buffer_paths"], [["value"]])
        self.assertEqual(len(reply["buffers"]), 1)
        self.assertTrue(reply["buffers"][0].tobytes().startswith(PNG))

    def test_control_comm_answers_request_states_with_every_state(self):
        messages = self.show_hh_interact("controlDemo")
        ids = [m["content"]["comm_id"] for m in opens(messages)]
        start = len(self.k.seen)
        self.k.comm_open("control-1", "jupyter.widget.control", metadata={"version": "1.0.0"})
        msg_id = self.k.comm_msg("control-1", {"method": "request_states"})
        reply = self.k.wait_for(lambda m: m["msg_type"] == "comm_msg" and m["parent_header"].get("msg_id") == msg_id,
                                since=start)
        self.assertEqual(reply["content"]["comm_id"], "control-1")
        data = reply["content"]["data"]
        self.assertEqual(data["method"], "update_states")
        self.assertTrue(set(ids) <= set(data["states"]))
        for model_id in ids:
            entry = data["states"][model_id]
            self.assertEqual(set(entry), {"model_name", "model_module", "model_module_version", "state"})
            self.assertEqual(entry["model_name"], entry["state"]["_model_name"])
        self.assertEqual(len(reply["buffers"]), len(data["buffer_paths"]))
        image_id = models_by_name(messages)["ImageModel"][0]["content"]["comm_id"]
        self.assertIn([image_id, "state", "value"], data["buffer_paths"])
        for path, buffer in zip(data["buffer_paths"], reply["buffers"]):
            if path[0] == image_id:
                self.assertTrue(buffer.tobytes().startswith(PNG))

    def test_a_comm_to_an_unknown_target_is_closed(self):
        start = len(self.k.seen)
        msg_id = self.k.comm_open("stranger-1", "no.such.target")
        closed = self.k.wait_for(lambda m: m["msg_type"] == "comm_close" and m["parent_header"].get("msg_id") == msg_id,
                                 since=start)
        self.assertEqual(closed["content"]["comm_id"], "stranger-1")

    def test_a_widget_the_frontend_closes_is_forgotten(self):
        reply, messages = self.k.execute('Widget.label("closing")')
        self.assertEqual(reply["status"], "ok", reply)
        label = models_by_name(messages)["LabelModel"][0]["content"]["comm_id"]
        msg = self.k.kc.session.msg("comm_close", {"comm_id": label, "data": {}})
        self.k.kc.shell_channel.send(msg)
        self.k.wait_for(lambda m: m["parent_header"].get("msg_id") == msg["header"]["msg_id"]
                        and m["msg_type"] == "status" and m["content"]["execution_state"] == "idle")
        reply, _ = self.k.request("comm_info_request", {"target_name": "jupyter.widget"})
        self.assertNotIn(label, reply["content"]["comms"])

    def test_a_burst_of_moves_runs_the_latest_values_not_a_queue(self):
        reply, messages = self.k.execute(
            'var burst = Interact.of(p -> { try { Thread.sleep(400); } catch (InterruptedException e) { }'
            ' return "I = " + p.get("I"); }).slider("I", 0, 20, 0, "µA/cm²").precompute(0);\nburst')
        self.assertEqual(reply["status"], "ok", reply)
        by_name = models_by_name(messages)
        slider = by_name["FloatSliderModel"][0]["content"]["comm_id"]
        output = by_name["OutputModel"][0]["content"]["comm_id"]
        start = len(self.k.seen)
        for value in range(1, 11):
            self.k.comm_msg(slider, {"method": "update", "state": {"value": value}, "buffer_paths": []})
        self.k.wait_for(lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == output
                        and "I = 10.0" in json.dumps(m["content"]["data"]), since=start)
        self.k.drain(1.0)
        shown = [json.dumps(m["content"]["data"]) for m in comm_updates(self.k, output, start)]
        runs = int(text_result(self.k.execute("burst.runCount()")[1]))
        self.assertLess(runs, 1 + 10, "moves that arrive while the view runs are coalesced")
        self.assertLessEqual(len(shown), 5, shown)
        self.assertIn("I = 10.0", shown[-1], "the last values win")

    def test_an_exception_shows_in_the_output_and_the_widget_keeps_working(self):
        reply, messages = self.k.execute(
            'var fragile = Interact.of(p -> { if (p.get("I") > 12) throw new IllegalArgumentException("I too large: "'
            ' + p.get("I")); return Plots.voltage(Simulation.of(Neurons.hodgkinHuxley())'
            '.inject(Stimulus.step(p.get("I") * uA_per_cm2, 10 * ms, 110 * ms)).run(50 * ms)); })'
            '.slider("I", 0, 15, 5, "µA/cm²").precompute(0);\nfragile')
        self.assertEqual(reply["status"], "ok", reply)
        by_name = models_by_name(messages)
        slider = by_name["FloatSliderModel"][0]["content"]["comm_id"]
        output = by_name["OutputModel"][0]["content"]["comm_id"]
        image = by_name["ImageModel"][0]["content"]["comm_id"]
        start = len(self.k.seen)
        self.k.comm_msg(slider, {"method": "update", "state": {"value": 14}, "buffer_paths": []})
        err = self.k.wait_for(lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == output
                              and m["content"]["data"].get("state", {}).get("outputs"), since=start)
        out = err["content"]["data"]["state"]["outputs"][0]
        self.assertEqual(out["output_type"], "error")
        self.assertEqual(out["ename"], "java.lang.IllegalArgumentException")
        self.assertEqual(out["evalue"], "I too large: 14.0")
        start = len(self.k.seen)
        self.k.comm_msg(slider, {"method": "update", "state": {"value": 7}, "buffer_paths": []})
        update = self.k.wait_for(lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == image
                                 and m["content"]["data"].get("method") == "update", since=start)
        self.assertTrue(update["buffers"][0].tobytes().startswith(PNG), "after an error the next move draws again")
        cleared = self.k.wait_for(lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == output
                                  and m["content"]["data"].get("state", {}).get("outputs") == [], since=start)
        self.assertIsNotNone(cleared)

    def test_a_table_result_shows_as_html_in_the_output(self):
        reply, messages = self.k.execute(
            'var tableDemo = Interact.of(p -> Simulation.of(Neurons.hodgkinHuxley())'
            '.inject(Stimulus.step(p.get("I") * uA_per_cm2, 1 * ms, 5 * ms)).record("V").run(2 * ms).table())'
            '.slider("I", 0, 10, 5, "µA/cm²").precompute(0);\ntableDemo')
        self.assertEqual(reply["status"], "ok", reply)
        output = models_by_name(messages)["OutputModel"][0]["content"]["data"]["state"]["outputs"]
        self.assertEqual(output[0]["output_type"], "display_data")
        self.assertIn("<table>", output[0]["data"]["text/html"])
        self.assertIn("V [mV]", output[0]["data"]["text/plain"])


if __name__ == "__main__":
    unittest.main()
