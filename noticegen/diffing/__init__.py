"""`noticegen diff`'s engine: compare two notices, then say what changed in each language."""

from noticegen.diffing.compare import Change, Comparison, compare, jsonable
from noticegen.diffing.words import as_data, as_text, sentence

__all__ = ["Change", "Comparison", "as_data", "as_text", "compare", "jsonable",
           "sentence"]
