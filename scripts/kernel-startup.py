"""Measures the Soma kernel's start-up through a real Jupyter client (jupyter_client).

For each of N launches (default 5) it records, from the moment the kernel process is started:
  ready   - the first kernel_info_reply (what Jupyter waits for before it runs a cell)
  figure  - the reply of a first XChart figure: `%jars ../target/soma-*-all.jar` and a chart cell
            sent as soon as the kernel is ready, run with the notebooks/ folder as working folder
and, in the same kernel, the median time of a trivial cell (`1 + 1`). Prints the medians.

Run after `make kernel` (the kernel installed in target/jupyter) and `mvn package` (the all jar):
  "$(scripts/jupyter-python.sh)" scripts/kernel-startup.py [-n 5]
Extra JVM options can be tried through SOMA_KERNEL_JAVA_OPTS, e.g. -Xshare:off.
"""
import argparse
import os
import statistics
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
os.environ.setdefault("JUPYTER_PATH", os.path.join(ROOT, "target", "jupyter"))

from jupyter_client.manager import KernelManager  # noqa: E402

CHART = """import org.knowm.xchart.*;
XYChart chart = new XYChartBuilder().width(600).height(300).title("first figure").build();
chart.addSeries("y", new double[] {0, 1, 2, 3}, new double[] {0, 1, 4, 9});
BitmapEncoder.getBufferedImage(chart)"""


def execute(kc, code, timeout=120):
    msg_id = kc.execute(code)
    deadline = time.time() + timeout
    while True:
        reply = kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
        if reply["parent_header"].get("msg_id") == msg_id:
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"cell failed: {code!r}: {reply['content']}")
            return reply


SOMA_FIGURE = ("import dev.soma.*;\n"
               "Plots.voltage(Simulation.of(Neurons.hodgkinHuxley()).inject(Stimulus.step(10, 10, 110)).run(150))")


def once(trivial_runs, soma=False):
    km = KernelManager(kernel_name="java")
    start = time.perf_counter()
    km.start_kernel(cwd=os.path.join(ROOT, "notebooks"))
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)  # what nbclient does before the first cell
        ready = time.perf_counter() - start
        execute(kc, "%jars ../target/soma-*-all.jar")
        execute(kc, SOMA_FIGURE if soma else CHART)
        figure = time.perf_counter() - start
        if soma:
            # later figures: the same cell again, each timed on its own
            later = []
            for _ in range(trivial_runs):
                t = time.perf_counter()
                execute(kc, SOMA_FIGURE)
                later.append(time.perf_counter() - t)
            return ready, figure, statistics.median(later)
        trivial = []
        for _ in range(trivial_runs):
            t = time.perf_counter()
            execute(kc, "1 + 1")
            trivial.append(time.perf_counter() - t)
        return ready, figure, statistics.median(trivial)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=5, help="launches (default 5)")
    parser.add_argument("--soma", action="store_true",
                        help="time a Soma figure (an HH run and Plots.voltage) instead of a plain XChart chart, "
                             "and later figures instead of a trivial cell")
    args = parser.parse_args()
    rows = []
    third = "later figure" if args.soma else "trivial cell"
    for i in range(args.n):
        r = once(5, args.soma)
        rows.append(r)
        print(f"run {i + 1}: ready {r[0]:.2f} s, first figure {r[1]:.2f} s, {third} {r[2]:.3f} s", flush=True)
    med = [statistics.median(c) for c in zip(*rows)]
    opts = os.environ.get("SOMA_KERNEL_JAVA_OPTS", "")
    print(f"median of {args.n}{' with ' + opts if opts else ''}: ready {med[0]:.2f} s, "
          f"first figure {med[1]:.2f} s, {third} {med[2]:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
