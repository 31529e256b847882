"""Exercises in the lecture notebooks, and the student versions made from them.

A notebook marks its exercises with cell tags:

* ``exercise`` — the stub a student completes (a code cell). Its missing piece is the marker
  ``Exercise.todo("…")``, which stops the cell with ``exercise: …``; the cell ends with the self-check
  (``Exercise.check(...)``). Stubs also carry nbclient's ``raises-exception`` tag, so any Jupyter
  client executes the instructor version through them.
* ``solution`` — the completed code that follows its stub (and any markdown that explains the
  answer). The student version leaves it out and keeps the figures it draws as hints.

``check_stubs(nb)`` verifies, after an instructor notebook was executed, that every stub failed at its
marker and nowhere else (an error that is not the marker's — a compile error, a failed check, an
exception of the code around it — is a problem), and clears the stubs' outputs, so the committed
notebook shows them as the student will. ``student_version(nb)`` makes the student version.
``python3 scripts/notebook_exercises.py [--out DIR] NOTEBOOK...`` writes student versions (default
``target/student/``) from notebooks as they are (committed with outputs: the hint figures come
from those outputs); ``make student`` runs it on every notebook.
"""
import argparse
import copy
import glob
import os
import sys

import nbformat

EXERCISE = "exercise"
SOLUTION = "solution"
RAISES = "raises-exception"
MARKER_PREFIX = "exercise: "
MARKER_CLASS = "Unfinished"

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def is_stub(cell):
    return cell.get("cell_type") == "code" and EXERCISE in tags(cell)


def is_solution(cell):
    return SOLUTION in tags(cell)


def marker_error(output):
    """True when an error output is the one Exercise.todo raises (the Soma kernel names its class,
    Exercise$Unfinished; IJava wraps every exception of a cell in an EvalException with its message)."""
    return (output.get("output_type") == "error"
            and (output.get("ename", "").endswith(MARKER_CLASS) or output.get("ename", "") == "EvalException")
            and output.get("evalue", "").startswith(MARKER_PREFIX))


def structure_problems(nb):
    """Tags that do not form exercises: a stub without a solution after it, a solution without a stub."""
    problems = []
    pending = None
    code_index = 0
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "code":
            code_index += 1
        if is_stub(cell):
            if pending is not None:
                problems.append("cell %d: exercise stub follows the stub of cell %d without a solution between them" % (index, pending))
            if RAISES not in tags(cell):
                problems.append("cell %d: exercise stub lacks the '%s' tag" % (index, RAISES))
            if "Exercise.todo(" not in cell.source:
                problems.append("cell %d: exercise stub has no Exercise.todo(...) marker" % index)
            pending = index
        elif is_solution(cell) and cell.cell_type == "code":
            if pending is None and not any(is_solution(c) and c.cell_type == "code" for c in nb.cells[:index - 1]):
                problems.append("cell %d: solution without an exercise stub before it" % index)
            pending = None
    if pending is not None:
        problems.append("cell %d: exercise stub without a solution after it" % pending)
    return problems


def check_stubs(nb):
    """After an execution of an instructor notebook: every stub stopped at its marker and only there.
    Clears the stubs' outputs. Returns a list of problems (empty when all is well)."""
    problems = structure_problems(nb)
    for index, cell in enumerate(nb.cells, start=1):
        if not is_stub(cell):
            continue
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if not errors:
            problems.append("cell %d: exercise stub ran without stopping at its Exercise.todo marker" % index)
        for e in errors:
            if not marker_error(e):
                problems.append("cell %d: exercise stub failed elsewhere than at its marker: %s: %s"
                                % (index, e.get("ename", "?"), e.get("evalue", "")[:300]))
        cell.outputs = []
        cell.execution_count = None
    return problems


def exercise_count(nb):
    return sum(1 for c in nb.cells if is_stub(c))


def _hint_images(cell):
    images = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if "image/png" in data:
            png = data["image/png"]
            images.append(png if isinstance(png, str) else "".join(png))
    return images


def student_version(nb):
    """The notebook a student works in: stubs kept, solutions removed (their figures kept as hints),
    every other output cleared (the student runs the notebook)."""
    student = copy.deepcopy(nb)
    cells = []
    hint = 0
    for cell in student.cells:
        if is_solution(cell):
            if cell.cell_type != "code":
                continue
            images = _hint_images(cell)
            if images:
                attachments = {}
                links = []
                for png in images:
                    hint += 1
                    name = "hint-%d.png" % hint
                    attachments[name] = {"image/png": png}
                    links.append("![what your result should look like](attachment:%s)" % name)
                md = nbformat.v4.new_markdown_cell(
                    "*The solution is left out of the student version. What your result should look like:*\n\n"
                    + "\n\n".join(links))
                md.attachments = attachments
            else:
                md = nbformat.v4.new_markdown_cell(
                    "*The solution is left out of the student version: the check at the end of your cell says when your answer is right.*")
            md.id = cell.get("id", md.id)
            cells.append(md)
            continue
        if cell.cell_type == "code":
            # target/student/ sits beside the jar (the instructor version looks in ../target/).
            cell.source = cell.source.replace("%jars ../target/", "%jars ../")
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
        cells.append(cell)
    student.cells = cells
    student.metadata["soma"] = {"version": "student", "exercises": exercise_count(student)}
    return student


def write_student_versions(paths, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    written = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        problems = structure_problems(nb)
        if problems:
            raise SystemExit("%s: %s" % (os.path.basename(path), "; ".join(problems)))
        target = os.path.join(out_dir, os.path.basename(path))
        nbformat.write(student_version(nb), target)
        written.append((target, exercise_count(nb)))
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description="Writes student versions of notebooks: solutions removed, their figures kept as hints.")
    parser.add_argument("notebooks", nargs="*", help="notebooks (default: notebooks/*.ipynb)")
    parser.add_argument("--out", default=os.path.join(ROOT, "target", "student"), help="folder (default: target/student)")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")))
    for target, count in write_student_versions(paths, args.out):
        print("student %s (%d exercise%s)" % (os.path.relpath(target, ROOT), count, "" if count == 1 else "s"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
