"""Task list items (``- [ ]``, ``- [x]``) as disabled checkboxes, by mdit-py-plugins' rule.

The shared parser is never changed, so the plugin's core rule is taken from a parser of its
own and run on a note's tokens after the evidence badges are placed (it shortens the text).
"""

from __future__ import annotations

from functools import cache
from types import SimpleNamespace
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.tasklists import tasklists_plugin


@cache
def _rule() -> Any:
    md = MarkdownIt("zero").use(tasklists_plugin)
    return next(r.fn for r in md.core.ruler.__rules__ if r.name == "github-tasklists")


def mark_tasks(tokens: list[Token]) -> list[Token]:
    """Turn task items in ``tokens`` into checkboxes, in place; returns ``tokens``."""
    _rule()(SimpleNamespace(tokens=tokens))
    return tokens
