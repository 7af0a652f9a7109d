"""Callout kinds as Obsidian names them: its aliases fold into 13 kinds, each with an icon.

The icons are drawn by the stylesheet (``.callout-icon`` masked by an SVG per kind), so the
note's HTML carries only a class and the sanitiser needs no SVG.
"""

from __future__ import annotations

KINDS = {
    "note": ("note",),
    "abstract": ("abstract", "summary", "tldr"),
    "info": ("info",),
    "todo": ("todo",),
    "tip": ("tip", "hint", "important"),
    "success": ("success", "check", "done"),
    "question": ("question", "help", "faq"),
    "warning": ("warning", "caution", "attention"),
    "failure": ("failure", "fail", "missing"),
    "danger": ("danger", "error"),
    "bug": ("bug",),
    "example": ("example",),
    "quote": ("quote", "cite"),
}
_KIND_OF = {alias: kind for kind, aliases in KINDS.items() for alias in aliases}


def callout_kind(name: str) -> str:
    """The kind whose icon and colour a callout type takes; unknown types look like notes."""
    return _KIND_OF.get(name.lower(), "note")


def callout_classes(name: str) -> str:
    """``callout callout-<type> kind-<kind>``: the type as written, and the kind it folds into."""
    return f"callout callout-{name} kind-{callout_kind(name)}"


ICON = '<span class="callout-icon" aria-hidden="true"></span>'
