#!/usr/bin/env python3
"""Compares executed notebooks with the committed ones, so a change in Soma that alters a
lecture's numbers is caught.

Usage: notebook_regression.py COMMITTED_DIR EXECUTED_DIR

For every notebook in COMMITTED_DIR, the notebook of the same name in EXECUTED_DIR must have, cell
by cell, the same kinds of outputs; text (stream, text/plain, text/html) must read the same with
every number equal within a relative tolerance of 1e-6 (absolute 1e-9); images must be present with
the same pixel size (within 2 %) and the same content, also those inlined as data URLs in HTML (an
interact's kernel-free version); a live widget's model id is not compared. Prints one line per
difference and 'N passed, N failed'.

Images are compared by content: both are turned to grey levels and shrunk by area averaging to a
quarter of their width and height (DOWNSCALE), which evens out anti-aliasing; a downscaled pixel
counts as changed when its grey level differs by more than PIXEL_TOLERANCE (10 % of full scale),
and the image differs when more than CHANGED_FRACTION (0.05 %) of its pixels changed. Re-running
the same code gives identical images (0 changed). Measured on perturbed copies: notebook 01's
rate unit with τ = 11 instead of 10 ms changes 1.8 % of its figure; a shunt of 110 instead of
100 nS in notebook 04's steady-state lines 0.8 %; the end of the current step at 105 instead of
110 ms in notebook 00's slider frames (one small bump moves) 0.15–0.24 % of each frame.
"""
import base64
import json
import re
import struct
import sys
from pathlib import Path

REL_TOL = 1e-6
ABS_TOL = 1e-9
DOWNSCALE = 4
PIXEL_TOLERANCE = 0.10
CHANGED_FRACTION = 0.0005
NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")
DATA_PNG = re.compile(r"data:image/png;base64,([A-Za-z0-9+/=]+)")


def png_bytes(data):
    return base64.b64decode(data if isinstance(data, str) else "".join(data))


def png_size(data):
    raw = png_bytes(data)
    if raw[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", raw[16:24])


def _grey_thumbnail(raw, size):
    import io
    from PIL import Image  # Debian: python3-pil (scripts/setup.sh installs it)
    import numpy
    image = Image.open(io.BytesIO(raw))
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        white = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, image)
    grey = image.convert("L").resize(size, Image.BOX)
    return numpy.asarray(grey, dtype=numpy.float64) / 255.0


def compare_png(expected, actual):
    """None when two PNGs (base64) show the same picture, else a short reason (see the module doc)."""
    e_size, a_size = png_size(expected), png_size(actual)
    if e_size and a_size and any(abs(p - q) > 0.02 * p for p, q in zip(e_size, a_size)):
        return "image size differs: expected %sx%s, got %sx%s" % (e_size + a_size)
    if not e_size or not a_size:
        return None if png_bytes(expected) == png_bytes(actual) else "image is not a PNG and differs"
    size = (max(1, e_size[0] // DOWNSCALE), max(1, e_size[1] // DOWNSCALE))
    e_grey = _grey_thumbnail(png_bytes(expected), size)
    a_grey = _grey_thumbnail(png_bytes(actual), size)
    changed = float((abs(e_grey - a_grey) > PIXEL_TOLERANCE).mean())
    if changed > CHANGED_FRACTION:
        return "image content differs: %.2f %% of its pixels (shrunk %d×) changed by more than %d %% (tolerance %.2f %%)" % (
            100 * changed, DOWNSCALE, round(100 * PIXEL_TOLERANCE), 100 * CHANGED_FRACTION)
    return None


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
    """HTML with every inlined PNG replaced by a marker, and those PNGs (base64)."""
    images = [m.group(1) for m in DATA_PNG.finditer(html)]
    return DATA_PNG.sub("data:image/png;base64,…", html), images


def compare_inlined(expected, actual):
    if len(expected) != len(actual):
        return "%d inlined images committed, %d now" % (len(expected), len(actual))
    for index, (e, a) in enumerate(zip(expected, actual), start=1):
        reason = compare_png(e, a)
        if reason:
            return "inlined image %d of %d: %s" % (index, len(expected), reason)
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
        return compare_png(e_data["image/png"], a_data["image/png"])
    for mime in ("text/html", "text/plain"):
        if mime in e_data:
            if mime not in a_data:
                return "%s missing" % mime
            e_text, e_images = inline_images(text_of(e_data[mime]))
            a_text, a_images = inline_images(text_of(a_data[mime]))
            return compare_text(e_text, a_text) or compare_inlined(e_images, a_images)
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
