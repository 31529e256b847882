"""Every notebook under notebooks/ runs without error through nbclient with the Soma kernel, prints
no warning, and gives the outputs it was committed with (numbers within 1e-6, images by size): a
change in Soma that alters a lecture's numbers is caught here."""
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
import notebook_regression  # noqa: E402

WARNING = re.compile(r"SLF4J|WARNING|Warning:|\[warn", re.IGNORECASE)


class Notebooks(unittest.TestCase):
    def test_every_notebook_runs_and_matches_its_committed_outputs(self):
        self.assertTrue(NOTEBOOKS, "no notebooks under notebooks/")
        out_dir = os.path.join(ROOT, "target", "notebooks-test")
        os.makedirs(out_dir, exist_ok=True)
        for path in NOTEBOOKS:
            name = os.path.basename(path)
            with self.subTest(notebook=name):
                nb = nbformat.read(path, as_version=4)
                client = NotebookClient(nb, kernel_name="java", timeout=120, startup_timeout=60, store_widget_state=False,
                                        resources={"metadata": {"path": os.path.dirname(path)}})
                try:
                    client.execute()
                except CellExecutionError as e:
                    self.fail(f"{name}: {str(e)[-2000:]}")
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


if __name__ == "__main__":
    unittest.main()
