"""Executes every notebook under notebooks/ with the Soma kernel, headless, through nbclient.

Writes each executed notebook and an HTML page of it to target/notebooks/. With --save, also
writes the executed notebook back over notebooks/<name>.ipynb (notebooks are committed with their
outputs). With --student, also writes student versions to target/student/ (solutions removed,
their figures kept as hints; see notebook_exercises.py). A failing cell stops the run with the
notebook, the cell and the error named, and a non-zero exit status; so does an exercise stub that
fails elsewhere than at its marker. Run through `make notebooks` (which installs the kernel first).
"""
import argparse
import glob
import os
import shutil
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

import notebook_exercises
from notebook_regression import coalesce_streams

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
os.environ.setdefault("JUPYTER_PATH", os.path.join(ROOT, "target", "jupyter"))
# Sweeps that a notebook caches (runCached) are computed afresh here: the cache is keyed by Soma's
# version, which stays the same while the code changes. SOMA_CACHE_DIR set by hand is kept.
if "SOMA_CACHE_DIR" not in os.environ:
    os.environ["SOMA_CACHE_DIR"] = os.path.join(ROOT, "target", "sweep-cache")
    shutil.rmtree(os.environ["SOMA_CACHE_DIR"], ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", help="notebooks to run (default: notebooks/*.ipynb)")
    parser.add_argument("--save", action="store_true", help="write executed notebooks back into notebooks/")
    parser.add_argument("--student", action="store_true", help="also write student versions to target/student/")
    parser.add_argument("--timeout", type=int, default=300, help="seconds a cell may take")
    parser.add_argument("--out", default=os.path.join(ROOT, "target", "notebooks"),
                        help="folder for the executed notebooks and HTML pages (default: target/notebooks)")
    args = parser.parse_args()

    paths = args.notebooks or sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")))
    if not paths:
        print("soma notebooks: no notebooks under notebooks/", file=sys.stderr)
        return 1
    out_dir = os.path.abspath(args.out)
    os.makedirs(out_dir, exist_ok=True)
    try:
        from nbconvert import HTMLExporter
        exporter = HTMLExporter()
    except Exception as e:  # nbconvert missing: still execute
        print(f"soma notebooks: no HTML pages ({e})", file=sys.stderr)
        exporter = None

    failed = 0
    for path in paths:
        path = os.path.abspath(path)
        name = os.path.basename(path)
        nb = nbformat.read(path, as_version=4)
        # No widget state in the saved notebook: an interact's output carries its own kernel-free
        # HTML, which nbconvert shows only when no widget state claims the output.
        client = NotebookClient(nb, kernel_name="java", timeout=args.timeout, startup_timeout=60, record_timing=False,
                                store_widget_state=False, resources={"metadata": {"path": os.path.dirname(path)}})
        start = time.time()
        try:
            client.execute()
        except CellExecutionError as e:
            failed += 1
            index = next((i for i, c in enumerate(nb.cells) if c.cell_type == "code" and any(
                o.get("output_type") == "error" for o in c.get("outputs", []))), None)
            cell = "?" if index is None else index + 1
            source = "" if index is None else nb.cells[index].source
            err = next((o for o in (nb.cells[index].outputs if index is not None else [])
                        if o.get("output_type") == "error"), {})
            print(f"FAILED {name}, cell {cell}: {err.get('ename', 'error')}: {err.get('evalue', str(e)[-500:])}",
                  file=sys.stderr)
            if source:
                print("  cell source:\n    " + source.replace("\n", "\n    "), file=sys.stderr)
            nbformat.write(nb, os.path.join(out_dir, name))
            continue
        took = time.time() - start
        problems = notebook_exercises.check_stubs(nb)
        if problems:
            failed += 1
            for problem in problems:
                print(f"FAILED {name}, {problem}", file=sys.stderr)
            nbformat.write(nb, os.path.join(out_dir, name))
            continue
        coalesce_streams(nb)
        nbformat.write(nb, os.path.join(out_dir, name))
        if exporter is not None:
            body, _ = exporter.from_notebook_node(nb)
            with open(os.path.join(out_dir, name[:-len(".ipynb")] + ".html"), "w", encoding="utf-8") as f:
                f.write(body)
        if args.save:
            nbformat.write(nb, path)
            if name == README_FIGURE_SOURCE:
                save_last_figure(nb, os.path.join(ROOT, README_FIGURE))
        if args.student:
            student_dir = os.path.join(ROOT, "target", "student")
            os.makedirs(student_dir, exist_ok=True)
            nbformat.write(notebook_exercises.student_version(nb), os.path.join(student_dir, name))
        exercises = notebook_exercises.exercise_count(nb)
        print(f"ok {name} ({took:.1f} s){f', {exercises} exercises' if exercises else ''}"
              f"{' saved' if args.save else ''}{', student version written' if args.student else ''}")
    print(f"{len(paths) - failed} passed, {failed} failed")
    return 1 if failed else 0


# The README shows the quick start's last figure: an activation function next to action potentials.
README_FIGURE_SOURCE = "00-quickstart.ipynb"
README_FIGURE = os.path.join("docs", "activation-vs-action-potential.png")


def save_last_figure(nb, target):
    """Writes the last PNG a notebook shows to target."""
    import base64
    images = [o["data"]["image/png"] for c in nb.cells if c.cell_type == "code"
              for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    if images:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        data = images[-1] if isinstance(images[-1], str) else "".join(images[-1])
        with open(target, "wb") as f:
            f.write(base64.b64decode(data))


if __name__ == "__main__":
    sys.exit(main())
