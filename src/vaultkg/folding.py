"""How two spellings of one name are compared: the one home of name folding.

Obsidian matches note names, aliases and heading subpaths by Unicode-normalised, case-folded
text (``fold``). Entity names written in prose are compared the same way, with runs of
whitespace also counted as one space (``fold_words``), since a line break or a double space in
a sentence does not make another name.
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """NFC, then case folded: ``[[Café]]`` and ``[[CAFE\u0301]]`` name one note."""
    return unicodedata.normalize("NFC", text).casefold()


def fold_words(text: str) -> str:
    """``fold``, with whitespace runs made one space and the ends trimmed."""
    return " ".join(fold(text).split())
