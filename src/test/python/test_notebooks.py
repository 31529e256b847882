"""Every notebook under notebooks/ runs without error through nbclient with the Soma kernel, prints
no warning, and gives the outputs it was committed with (numbers within 1e-6, images by content):
a change in Soma that alters a lecture's numbers or figures is caught here. Every exercise stub
stops at its marker and nowhere else, in the instructor version and in the student version; every
lecture notebook states its objectives, has exercises and a reference list."""
import glob
import os
import re
import sys
import unittest

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
NOTEBOOKS = sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import notebook_exercises  # noqa: E402
import notebook_regression  # noqa: E402

WARNING = re.compile(r"SLF4J|WARNING|Warning:|\[warn", re.IGNORECASE)

# Lecture notebooks: numbered. Each states objectives, time and prerequisites at the top, has at
# least two exercises with solutions and ends with references. The ones below adopt this later
# (remove a line when its notebook does).
ADOPT_LATER = {
}
MIN_EXERCISES = {"00-quickstart.ipynb": 1}   # a five-cell quick start: one exercise


def lecture_notebooks():
    return [p for p in NOTEBOOKS if re.match(r"\d\d-", os.path.basename(p)) and os.path.basename(p) not in ADOPT_LATER]


def execute(nb, path, allow_errors=False, timeout=120):
    client = NotebookClient(nb, kernel_name="java", timeout=timeout, startup_timeout=60, store_widget_state=False,
                            allow_errors=allow_errors, resources={"metadata": {"path": path}})
    client.execute()
    return nb


class Notebooks(unittest.TestCase):
    def test_every_notebook_runs_and_matches_its_committed_outputs(self):
        self.assertTrue(NOTEBOOKS, "no notebooks under notebooks/")
        out_dir = os.path.join(ROOT, "target", "notebooks-test")
        os.makedirs(out_dir, exist_ok=True)
        for path in NOTEBOOKS:
            name = os.path.basename(path)
            with self.subTest(notebook=name):
                nb = nbformat.read(path, as_version=4)
                try:
                    execute(nb, os.path.dirname(path))
                except CellExecutionError as e:
                    self.fail(f"{name}: {str(e)[-2000:]}")
                self.assertEqual(notebook_exercises.check_stubs(nb), [], f"{name}: exercise stubs")
                notebook_regression.coalesce_streams(nb)
                executed = os.path.join(out_dir, name)
                nbformat.write(nb, executed)
                errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
                          if o.get("output_type") == "error"]
                self.assertEqual(errors, [], name)
                warnings = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
                            if o.get("output_type") == "stream" and WARNING.search("".join(o.get("text", "")))]
                self.assertEqual(warnings, [], f"{name} prints a warning")
                problems = notebook_regression.compare_notebook(
                    notebook_regression.Path(path), notebook_regression.Path(executed))
                self.assertEqual(problems, [], f"{name}: outputs differ from the committed ones")

    def test_student_versions_fail_only_at_their_exercise_markers(self):
        """A student who runs the student version top to bottom sees exactly the exercise cells stop,
        each at its Exercise.todo marker: nothing else depends on a removed solution."""
        out_dir = os.path.join(ROOT, "target", "student-test")
        os.makedirs(out_dir, exist_ok=True)
        with_exercises = [p for p in NOTEBOOKS if notebook_exercises.exercise_count(nbformat.read(p, as_version=4))]
        self.assertTrue(with_exercises, "no notebook has exercises")
        for path in with_exercises:
            name = os.path.basename(path)
            with self.subTest(notebook=name):
                student = notebook_exercises.student_version(nbformat.read(path, as_version=4))
                self.assertFalse(any(notebook_exercises.is_solution(c) for c in student.cells), f"{name}: a solution is left")
                execute(student, out_dir, allow_errors=True)
                nbformat.write(student, os.path.join(out_dir, name))
                for index, cell in enumerate(student.cells, start=1):
                    if cell.cell_type != "code":
                        continue
                    errors = [o for o in cell.outputs if o.get("output_type") == "error"]
                    if notebook_exercises.is_stub(cell):
                        self.assertTrue(errors, f"{name}, cell {index}: the stub ran through without stopping")
                        for e in errors:
                            self.assertTrue(notebook_exercises.marker_error(e),
                                            f"{name}, cell {index}: the stub failed elsewhere: {e.get('ename')}: {e.get('evalue')}")
                    else:
                        self.assertEqual(errors, [], f"{name}, cell {index} fails in the student version:\n{cell.source}")

    def test_lecture_notebooks_state_objectives_have_exercises_and_references(self):
        for path in lecture_notebooks():
            name = os.path.basename(path)
            with self.subTest(notebook=name):
                nb = nbformat.read(path, as_version=4)
                self.assertEqual(notebook_exercises.structure_problems(nb), [], name)
                top = nb.cells[0].source
                for what in ("You will be able to", "Time:", "Assumes:"):
                    self.assertIn(what, top, f"{name}: the first cell says no '{what}'")
                minimum = MIN_EXERCISES.get(name, 2)
                self.assertGreaterEqual(notebook_exercises.exercise_count(nb), minimum, f"{name}: exercises")
                references = [c for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("## References")]
                self.assertEqual(len(references), 1, f"{name}: one '## References' cell")
                self.assertIs(references[0], nb.cells[-1], f"{name}: the references close the notebook")
                entries = [line for line in references[0].source.splitlines() if line.startswith("* ") or line.startswith("- ")]
                self.assertTrue(entries, f"{name}: no reference entries")
                for entry in entries:
                    self.assertRegex(entry, r"\((19|20)\d\d\)|version \d", f"{name}: a reference without a year (or, for software, a version): {entry}")
                    self.assertRegex(entry, r"doi\.org/10\.|ISBN|https?://", f"{name}: a reference without DOI or link: {entry}")
                interacts = [c for c in nb.cells if c.cell_type == "code" and "Interact.of(" in c.source]
                self.assertTrue(interacts, f"{name}: no interactive demo")

    def test_the_output_regression_catches_a_wrong_curve(self):
        """Two figures drawn with a parameter changed a little (a rate unit's τ 10 → 11 ms; the end
        of a current step 110 → 105 ms, which moves one small bump) are reported as differing."""
        def notebook(tau, stop):
            nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "java", "display_name": "Java (Soma)", "language": "java"}})
            nb.cells = [nbformat.v4.new_code_cell("%jars ../target/soma-*-all.jar\nimport dev.soma.*;\nimport static dev.soma.Units.*;"),
                        nbformat.v4.new_code_cell(f"Plots.table(Activation.rateUnit({tau} * ms, Activation.SIGMOID)"
                                                  ".run(t -> t >= 20 && t < 70 ? 3.0 : -3.0, 120 * ms).table(), \"t [ms]\", \"r [a.u.]\")"),
                        nbformat.v4.new_code_cell("Plots.voltage(Simulation.of(Neurons.hodgkinHuxley())"
                                                  f".inject(Stimulus.step(5 * uA_per_cm2, 10 * ms, {stop} * ms)).run(150 * ms))")]
            return nb
        out_dir = os.path.join(ROOT, "target", "regression-test")
        os.makedirs(out_dir, exist_ok=True)
        paths = []
        for tau, stop in ((10, 110), (11, 105)):
            nb = execute(notebook(tau, stop), os.path.join(ROOT, "notebooks"))
            path = os.path.join(out_dir, f"tau{tau}-stop{stop}.ipynb")
            nbformat.write(nb, path)
            paths.append(notebook_regression.Path(path))
        problems = notebook_regression.compare_notebook(paths[0], paths[1])
        self.assertEqual(len(problems), 2, problems)
        for problem in problems:
            self.assertIn("image content differs", problem)
        self.assertEqual(notebook_regression.compare_notebook(paths[0], paths[0]), [])


if __name__ == "__main__":
    unittest.main()
