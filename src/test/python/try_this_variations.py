"""The "Try this" suggestions of the lecture notebooks as variations that test_try_this.py runs:
for each notebook, one Variation per bullet of its "## Try this" cell, in order."""
from dataclasses import dataclass


@dataclass
class Variation:
    bullet: str      # the start of the bullet's text, as written in the notebook
    changes: list    # [(piece of a cell's source, [(old, new), ...]), ...]; [] for a new experiment only
    check: str       # Java, run after the changed cells (and extra); throws when the effect is absent
    extra: str = ""  # Java run after the changed cells, before the check: the experiment the bullet asks for


def fails_unless(condition, message):
    """A Java statement that throws an AssertionError saying message unless condition holds."""
    return 'if (!(%s)) throw new AssertionError("try this: %s");' % (condition, message.replace('"', '\\"'))


VARIATIONS = {}
