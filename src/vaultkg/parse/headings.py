"""Headings as links name them: the one home of heading anchors, their keys and their lookup.

``check`` (resolve.py), the site (export/site/anchors.py) and the graph all find the heading
``[[Note#A#B]]`` points at with ``find_heading``, so they cannot disagree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from ..folding import fold
from ..model import Heading


def heading_anchor(text: str) -> str:
    """The subpath Obsidian writes for a heading: link syntax characters become spaces."""
    cleaned = re.sub(r"[#|^:%\[\]]", " ", text)
    return " ".join(cleaned.split())


def heading_slug(text: str) -> str:
    """A stable HTML id for a heading (lower-case, words joined by '-', Unicode kept)."""
    words = re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())
    return "-".join(words) or "section"


def anchor_key(text: str) -> str:
    """What two spellings of one heading subpath have in common (NFC, case folded)."""
    return fold(heading_anchor(text))


def find_heading(headings: Sequence[Heading], wanted: Sequence[str]) -> int | None:
    """The index of the heading ``[[note#A#B]]`` names (A, then B after it), or None.

    Obsidian writes the heading as typed, markup kept (``**Bold** heading``); the rendered
    text (``Bold heading``) is accepted too.
    """
    if not wanted:
        return None
    keys = [anchor_key(w) for w in wanted]
    i = 0
    for index, h in enumerate(headings):
        if keys[i] in (anchor_key(h.anchor), anchor_key(h.text)):
            i += 1
            if i == len(keys):
                return index
    return None
