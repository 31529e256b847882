#!/usr/bin/env python3
"""Compares executed notebooks with the committed ones, so a change in Soma that alters a
lecture's numbers is caught.

Usage: notebook_regression.py COMMITTED_DIR EXECUTED_DIR

For every notebook in COMMITTED_DIR, the notebook of the same name in EXECUTED_DIR must have, cell
by cell, the same kinds of outputs; text (stream, text/plain, text/html) must read the same with
every number equal within a relative tolerance of 1e-6 (absolute 1e-9); images must be present with
the same pixel size (within 2 %), also those inlined as data URLs in HTML (an interact's kernel-free
version); a live widget's model id is not compared. Prints one line per difference and
'N passed, N failed'.
"""
import base64
import json
import re
import struct
import sys
from pathlib import Path

REL_TOL = 1e-6
ABS_TOL = 1e-9
NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")
DATA_PNG = re.compile(r"data:image/png;base64,([A-Za-z0-9+/=]+)")


def png_size(data):
    raw = base64.b64decode(data if isinstance(data, str) else "".join(data))
    if raw[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", raw[16:24])


def text_of(value):
    return value if isinstance(value, str) else "".join(value)


def compare_text(expected, actual):
    """None when the texts agree (numbers within tolerance), else a short reason."""
    expected_numbers = NUMBER.findall(expected)
    actual_numbers = NUMBER.findall(actual)
    if NUMBER.sub("#", expected) != NUMBER.sub("#", actual):
        return "text differs: expected %r, got %r" % (shorten(expected), shorten(actual))
    for e, a in zip(expected_numbers, actual_numbers):
        x, y = float(e), float(a)
        if abs(x - y) > max(ABS_TOL, REL_TOL * max(abs(x), abs(y))):
            return "number differs: expected %s, got %s in %r" % (e, a, shorten(expected))
    return None


def shorten(text, limit=160):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def inline_images(html):
    """HTML with every inlined PNG replaced by a marker, and the pixel sizes of those PNGs."""
    sizes = [png_size(m.group(1)) for m in DATA_PNG.finditer(html)]
    return DATA_PNG.sub("data:image/png;base64,…", html), sizes


def compare_sizes(expected, actual):
    if len(expected) != len(actual):
        return "%d inlined images committed, %d now" % (len(expected), len(actual))
    for e_size, a_size in zip(expected, actual):
        if e_size and a_size and any(abs(p - q) > 0.02 * p for p, q in zip(e_size, a_size)):
            return "inlined image size differs: expected %sx%s, got %sx%s" % (e_size + a_size)
    return None


def compare_output(expected, actual):
    if expected["output_type"] != actual["output_type"]:
        return "output kind differs: expected %s, got %s" % (expected["output_type"], actual["output_type"])
    kind = expected["output_type"]
    if kind == "stream":
        return compare_text(text_of(expected["text"]), text_of(actual["text"]))
    if kind == "error":
        return "error: %s" % actual.get("evalue", "")
    e_data, a_data = expected.get("data", {}), actual.get("data", {})
    if "image/png" in e_data:
        if "image/png" not in a_data:
            return "image missing"
        e_size, a_size = png_size(e_data["image/png"]), png_size(a_data["image/png"])
        if e_size and a_size and any(abs(p - q) > 0.02 * p for p, q in zip(e_size, a_size)):
            return "image size differs: expected %sx%s, got %sx%s" % (e_size + a_size)
        return None
    for mime in ("text/html", "text/plain"):
        if mime in e_data:
            if mime not in a_data:
                return "%s missing" % mime
            e_text, e_sizes = inline_images(text_of(e_data[mime]))
            a_text, a_sizes = inline_images(text_of(a_data[mime]))
            return compare_text(e_text, a_text) or compare_sizes(e_sizes, a_sizes)
    return None


def coalesce_streams(nb):
    """Merges consecutive stream outputs of each code cell (a kernel sends printed text in pieces as
    it is flushed), so a notebook holds each cell's printed text as one block, as a browser shows it."""
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        merged = []
        for output in cell.get("outputs", []):
            if (output.get("output_type") == "stream" and merged
                    and merged[-1].get("output_type") == "stream" and merged[-1].get("name") == output.get("name")):
                merged[-1]["text"] = text_of(merged[-1]["text"]) + text_of(output["text"])
            else:
                merged.append(output)
        cell["outputs"] = merged


def compare_notebook(committed, executed):
    problems = []
    e_cells = [c for c in json.loads(committed.read_text())["cells"] if c["cell_type"] == "code"]
    a_cells = [c for c in json.loads(executed.read_text())["cells"] if c["cell_type"] == "code"]
    if len(e_cells) != len(a_cells):
        return ["%d code cells committed, %d executed" % (len(e_cells), len(a_cells))]
    for index, (e, a) in enumerate(zip(e_cells, a_cells), start=1):
        e_out, a_out = e.get("outputs", []), a.get("outputs", [])
        if len(e_out) != len(a_out):
            problems.append("code cell %d: %d outputs committed, %d now" % (index, len(e_out), len(a_out)))
            continue
        for eo, ao in zip(e_out, a_out):
            reason = compare_output(eo, ao)
            if reason:
                problems.append("code cell %d: %s" % (index, reason))
    return problems


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    committed_dir, executed_dir = Path(argv[1]), Path(argv[2])
    passed = failed = 0
    for committed in sorted(committed_dir.glob("*.ipynb")):
        executed = executed_dir / committed.name
        if not executed.exists():
            print("FAIL %s: not executed (%s missing)" % (committed.name, executed))
            failed += 1
            continue
        problems = compare_notebook(committed, executed)
        if problems:
            failed += 1
            for problem in problems:
                print("FAIL %s: %s" % (committed.name, problem))
        else:
            passed += 1
            print("ok   %s: outputs match the committed ones" % committed.name)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
