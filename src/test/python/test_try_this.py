"""Every "Try this" suggestion of the lecture notebooks runs, with the parameter changed as the text
says, and has the effect the text leads the reader to find.

Each notebook's "## Try this" cell is a list of bullets; VARIATIONS holds one Variation per bullet
(the test fails when a bullet has none, so a new suggestion needs its check here). A variation
names the cells it changes (by a piece of their source that occurs in exactly one cell) with
textual replacements, each of which must occur in its cell (no replacements: the cell only runs
again, after the changed ones before it), and a Java check that runs in the
notebook's kernel after the changed cells, with their variables in scope (it throws when the
effect does not hold). The test executes a notebook once: at the last cell a variation changes, it
runs the changed cells, then the check, then the original cells again to restore the state the
rest of the notebook expects; a variation that changes no cell (a new experiment) runs at the end.
Interactive demos and exercise stubs are left out of this run (they
show or stop; nothing later reads them).
"""
import os
import re
import sys
import unittest

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
sys.path.insert(0, HERE)
import notebook_exercises  # noqa: E402
from test_notebooks import ADOPT_LATER, NOTEBOOKS  # noqa: E402
from try_this_variations import VARIATIONS  # noqa: E402


def try_this_bullets(nb):
    cells = [c for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("## Try this")]
    if len(cells) != 1:
        return None
    bullets = []
    for line in cells[0].source.splitlines()[1:]:
        if line.startswith("* ") or line.startswith("- "):
            bullets.append(line[2:].strip())
        elif line.startswith("  ") and bullets:
            bullets[-1] += " " + line.strip()
    return bullets


def find_cell(nb, piece):
    hits = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and piece in c.source]
    if len(hits) != 1:
        raise AssertionError("%r occurs in %d code cells, not exactly one" % (piece, len(hits)))
    return hits[0]


def plan(nb, variations):
    """The cells to execute: the notebook's, with each variation's changed cells, check and
    restoring cells spliced in after the last cell it changes."""
    after = {}
    for v in variations:
        indices = []
        changed = {}
        for piece, replacements in v.changes:
            index = find_cell(nb, piece)
            source = changed.get(index, nb.cells[index].source)
            for old, new in replacements:
                if source.count(old) != 1:
                    raise AssertionError("%s: %r occurs %d times in the cell with %r" % (v.bullet[:40], old, source.count(old), piece))
                source = source.replace(old, new)
            changed[index] = source
            indices.append(index)
        if not indices:                  # a new experiment only: at the end of the notebook
            block = [nbformat.v4.new_code_cell(code, metadata={"try_this": v.bullet}) for code in (v.extra, v.check) if code]
            after.setdefault(len(nb.cells) - 1, []).extend(block)
            continue
        first, last = min(indices), max(indices)
        block = []
        for i in range(first, last + 1):
            cell = nb.cells[i]
            if cell.cell_type != "code" or skipped(cell):
                continue
            block.append(nbformat.v4.new_code_cell(changed.get(i, cell.source), metadata={"try_this": v.bullet}))
        if v.extra:
            block.append(nbformat.v4.new_code_cell(v.extra, metadata={"try_this": v.bullet}))
        block.append(nbformat.v4.new_code_cell(v.check, metadata={"try_this": v.bullet}))
        for i in range(first, last + 1):
            cell = nb.cells[i]
            if cell.cell_type == "code" and not skipped(cell):
                block.append(nbformat.v4.new_code_cell(cell.source, metadata={"try_this": "(restore) " + v.bullet}))
        after.setdefault(last, []).extend(block)
    cells = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and not skipped(cell):
            cells.append(nbformat.v4.new_code_cell(cell.source))
        cells.extend(after.get(i, []))
    return cells


def skipped(cell):
    return notebook_exercises.is_stub(cell) or "Interact.of(" in cell.source


class TryThis(unittest.TestCase):
    def test_every_notebook_with_a_try_this_cell_has_its_variations(self):
        for path in NOTEBOOKS:
            name = os.path.basename(path)
            if name in ADOPT_LATER:
                continue
            if try_this_bullets(nbformat.read(path, as_version=4)):
                self.assertTrue(name in VARIATIONS, f"{name} has a 'Try this' cell but no variations in try_this_variations.py")

    def test_every_try_this_bullet_has_a_variation(self):
        for name, variations in VARIATIONS.items():
            with self.subTest(notebook=name):
                nb = nbformat.read(os.path.join(ROOT, "notebooks", name), as_version=4)
                bullets = try_this_bullets(nb)
                self.assertIsNotNone(bullets, f"{name}: one '## Try this' cell")
                self.assertEqual(len(bullets), len(variations), f"{name}: one variation per bullet")
                for bullet, v in zip(bullets, variations):
                    self.assertTrue(normal(bullet).startswith(normal(v.bullet)), f"{name}: bullet {bullet[:60]!r} vs {v.bullet!r}")

    def test_every_variation_runs_and_has_its_effect(self):
        for name, variations in VARIATIONS.items():
            with self.subTest(notebook=name):
                path = os.path.join(ROOT, "notebooks", name)
                nb = nbformat.read(path, as_version=4)
                run = nbformat.v4.new_notebook(metadata=nb.metadata)
                run.cells = plan(nb, variations)
                client = NotebookClient(run, kernel_name="java", timeout=300, startup_timeout=60, store_widget_state=False,
                                        resources={"metadata": {"path": os.path.dirname(path)}})
                try:
                    client.execute()
                except CellExecutionError as e:
                    failed = next((c for c in run.cells if any(o.get("output_type") == "error" for o in c.get("outputs", []))), None)
                    which = failed.metadata.get("try_this", "(the notebook's own cell)") if failed is not None else "?"
                    self.fail(f"{name}, try this: {which}\n{str(e)[-1500:]}")


def normal(text):
    return re.sub(r"\s+", " ", text).strip()


if __name__ == "__main__":
    unittest.main()
