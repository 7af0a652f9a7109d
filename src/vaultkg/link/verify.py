"""Re-read a note after linking and check that only the links changed.

Inserting ``[[...|...]]`` can in rare cases change how Markdown reads a line (a ``|`` can turn
a paragraph line above a ``|---|---|`` row into a table header). So every planned note is
parsed again with its new links, and must read exactly as before: same blocks, sentences,
headings, tags, fields and callouts, and the same links plus one per proposal.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from ..model import Note
from ..parse.note import parse_note
from ..parse.syntax import split_wikilink
from .edit import EditError, apply_proposals, original_bytes
from .model import Proposal


def _shape(note: Note) -> tuple[Any, ...]:
    return (
        [
            (b.kind, b.line, b.end_line, b.section, [s.text for s in b.sentences])
            for b in note.blocks
        ],
        [(h.level, h.line, h.text) for h in note.headings],
        [(t.name, t.line, t.source) for t in note.tags],
        [(f.key, f.line, f.style) for f in note.fields],
        [(c.type, c.line, c.end_line) for c in note.callouts],
        [(f.label, f.line) for f in note.footnotes],
        note.frontmatter_lines,
        note.properties,
    )


def _links(note: Note) -> Counter[tuple[str, str | None, bool, str]]:
    return Counter((k.target, k.alias, k.embed, k.kind) for k in note.links)


def reads_the_same(note: Note, proposals: Sequence[Proposal]) -> bool:
    """True when the note with these links parses like the note without them."""
    try:
        new_text = apply_proposals(note.text, proposals)
    except EditError:
        return False
    bom = b"\xef\xbb\xbf" if note.bom else b""
    data = bom + new_text.encode("utf-8")
    if len(data) > len(original_bytes(note)) * 4 + 4096:
        return False
    after = parse_note(data, note.path).note
    if _shape(after) != _shape(note):
        return False
    expected = _links(note)
    for p in proposals:
        target, _, _, alias = split_wikilink(p.replacement[2:-2])
        expected[(target, alias, False, "wikilink")] += 1
    return _links(after) == expected


# At most this many whole-note re-parses per note, and at most this many times the note's
# length parsed paragraph by paragraph: a note full of unsafe mentions costs time linear in
# its size, and what is still undecided is left unlinked.
MAX_PARSES = 48
MAX_LOCAL_FACTOR = 64

_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")


class _Budget:
    def __init__(self, parses: int, chars: int) -> None:
        self.parses = parses
        self.chars = chars

    def spend(self, size: int) -> bool:
        if self.parses <= 0 or self.chars < size:
            return False
        self.parses -= 1
        self.chars -= size
        return True


def _bisect(
    check: Callable[[list[Proposal]], bool], group: list[Proposal], kept: list[Proposal]
) -> list[Proposal]:
    """The largest part of ``group`` found to read the same together with ``kept``: each
    mention is kept when it reads the same with all those kept before it."""
    if check(kept + group):
        return group
    if len(group) == 1:
        return []
    half = len(group) // 2
    left = _bisect(check, group[:half], kept)
    return left + _bisect(check, group[half:], kept + left)


def _paragraphs(note: Note, proposals: list[Proposal]) -> list[tuple[int, int, list[Proposal]]]:
    """The proposals grouped by the stretch between blank lines that holds them."""
    breaks = [m.start() for m in _BLANK_LINE.finditer(note.text)]
    groups: dict[tuple[int, int], list[Proposal]] = {}
    for p in proposals:
        k = bisect.bisect_left(breaks, p.start)
        start = breaks[k - 1] + 1 if k else 0
        end = breaks[k] + 1 if k < len(breaks) else len(note.text)
        groups.setdefault((start, end), []).append(p)
    return [(s, e, g) for (s, e), g in sorted(groups.items())]


def _local_search(note: Note, proposals: list[Proposal], budget: _Budget) -> list[Proposal]:
    """Bisect paragraph by paragraph, each checked on its own text: the cost of a failing
    mention is a few parses of its paragraph, not of the note."""
    safe: list[Proposal] = []
    for start, end, group in _paragraphs(note, proposals):
        local = parse_note(note.text[start:end].encode("utf-8"), note.path).note
        shifted = {id(p): replace(p, start=p.start - start, end=p.end - start) for p in group}
        back = {id(q): p for p, q in ((p, shifted[id(p)]) for p in group)}

        def check(subset: list[Proposal], local: Note = local, size: int = end - start) -> bool:
            return budget.spend(size) and reads_the_same(local, subset)

        kept = _bisect(check, [shifted[id(p)] for p in group], [])
        safe.extend(back[id(q)] for q in kept)
    return safe


def keep_safe(note: Note, proposals: list[Proposal]) -> tuple[list[Proposal], list[Proposal]]:
    """Split proposals into (safe, unsafe), checked together: one parse when all are safe.

    When some are not, each paragraph holding proposals is checked on its own text, halves
    of its proposals against those already kept (bisection); the result is checked once more
    on the whole note, and only if that fails is the whole note bisected (at most MAX_PARSES
    parses). k unsafe mentions among n cost about k·log n parses of their paragraphs, and a
    second run finds nothing left that the first could have linked.
    """
    if not proposals:
        return [], []
    ordered = sorted(proposals, key=lambda p: p.start)
    if reads_the_same(note, ordered):
        return ordered, []
    budget = _Budget(len(ordered) * 64 + 1024, MAX_LOCAL_FACTOR * len(note.text) + 65536)
    safe = _local_search(note, ordered, budget)
    if safe and not reads_the_same(note, safe):  # paragraphs that read apart, not together
        whole = _Budget(MAX_PARSES, 1 << 62)
        safe = _bisect(lambda g: whole.spend(0) and reads_the_same(note, g), ordered, [])
    kept = {id(p) for p in safe}
    return safe, [p for p in proposals if id(p) not in kept]
