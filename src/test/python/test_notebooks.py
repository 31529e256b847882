"""Every notebook under notebooks/ runs without error through nbclient with the Soma kernel."""
import glob
import os
import unittest

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
NOTEBOOKS = sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")))


class Notebooks(unittest.TestCase):
    def test_every_notebook_runs(self):
        self.assertTrue(NOTEBOOKS, "no notebooks under notebooks/")
        for path in NOTEBOOKS:
            with self.subTest(notebook=os.path.basename(path)):
                nb = nbformat.read(path, as_version=4)
                client = NotebookClient(nb, kernel_name="java", timeout=120, startup_timeout=60,
                                        resources={"metadata": {"path": os.path.dirname(path)}})
                try:
                    client.execute()
                except CellExecutionError as e:
                    self.fail(f"{os.path.basename(path)}: {str(e)[-2000:]}")
                errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
                          if o.get("output_type") == "error"]
                self.assertEqual(errors, [], os.path.basename(path))


if __name__ == "__main__":
    unittest.main()
