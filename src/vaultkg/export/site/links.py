"""Who links to whom among the published notes, and the sentence each link stands in."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ...model import Note
from .context import SiteContext

_WIKILINK = re.compile(r"!?\[\[([^\[\]\n|]+?)(?:\\?\|([^\[\]\n]*))?\]\]")
_MARKUP = re.compile(r"[*_=`~]{1,3}|\[\^[^\]]*\]|%%.*?%%")
MAX_CONTEXT = 300


@dataclass(slots=True, frozen=True)
class Backlink:
    source: str  # note path
    context: str  # the sentence the link stands in (plain text)


def _plain_line(line: str) -> str:
    def display(m: re.Match[str]) -> str:
        if m.group(2):
            return m.group(2)
        return m.group(1).split("#", 1)[0].rsplit("/", 1)[-1]

    text = _WIKILINK.sub(display, line)
    text = _MARKUP.sub("", text)
    text = re.sub(r"^\s*(?:[-*+]|\d+[.)]|>+|#+)\s*", "", text)
    return " ".join(text.split())


def _clip(text: str) -> str:
    return text if len(text) <= MAX_CONTEXT else text[: MAX_CONTEXT - 1].rstrip() + "…"


def _sentences_by_link(note: Note) -> dict[tuple[int, int], str]:
    out = {}
    for block in note.blocks:
        for s in block.sentences:
            for link in s.links:
                out[(link.line, link.col)] = s.text
    return out


def backlinks(ctx: SiteContext) -> dict[str, list[Backlink]]:
    """For each published note, the published notes that link to it, with context."""
    notes = ctx.kg.vault.notes
    found: dict[str, dict[tuple[str, str], None]] = defaultdict(dict)
    for path in sorted(ctx.published):
        note = notes[path]
        sentences: dict[tuple[int, int], str] | None = None
        lines: list[str] | None = None
        for link in note.links:
            target = link.resolved
            if target is None or target == path or target not in ctx.published:
                continue
            if sentences is None:
                sentences = _sentences_by_link(note)
            context = sentences.get((link.line, link.col))
            if context is None:
                if lines is None:
                    lines = note.text.splitlines()
                raw = lines[link.line - 1] if 0 < link.line <= len(lines) else ""
                context = _plain_line(raw)
            found[target][(path, _clip(context))] = None
    return {t: [Backlink(s, c) for s, c in pairs] for t, pairs in found.items()}


def note_edges(ctx: SiteContext) -> set[tuple[str, str]]:
    """Links between published notes, one edge per ordered pair."""
    edges = set()
    for path in ctx.published:
        for link in ctx.kg.vault.notes[path].links:
            target = link.resolved
            if target and target != path and target in ctx.published:
                edges.add((path, target))
    return edges
