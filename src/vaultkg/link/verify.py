"""Re-read a note after linking and check that only the links changed.

Inserting ``[[...|...]]`` can in rare cases change how Markdown reads a line (a ``|`` can turn
a paragraph line above a ``|---|---|`` row into a table header). So every planned note is
parsed again with its new links, and must read exactly as before: same blocks, sentences,
headings, tags, fields and callouts, and the same links plus one per proposal.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
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


# At most this many re-parses per note: a note full of unsafe mentions costs a bounded
# number of parses (linear in its size), and what is still undecided is left unlinked.
MAX_PARSES = 48


def keep_safe(note: Note, proposals: list[Proposal]) -> tuple[list[Proposal], list[Proposal]]:
    """Split proposals into (safe, unsafe), checked together: one parse when all are safe.

    When some are not, halves are checked against what is already kept (bisection), so k
    unsafe mentions among n cost about k·log n parses instead of n, capped at MAX_PARSES;
    every mention is kept when it reads the same with all those kept before it, so a second
    run finds nothing left that the first could have linked.
    """
    if not proposals:
        return [], []
    budget = [MAX_PARSES]

    def check(group: list[Proposal]) -> bool:
        if budget[0] <= 0:
            return False
        budget[0] -= 1
        return reads_the_same(note, group)

    def search(group: list[Proposal], kept: list[Proposal]) -> list[Proposal]:
        """The largest part of ``group`` found to read the same together with ``kept``."""
        if check(kept + group):
            return group
        if len(group) == 1:
            return []
        half = len(group) // 2
        left = search(group[:half], kept)
        return left + search(group[half:], kept + left)

    safe = search(sorted(proposals, key=lambda p: p.start), [])
    kept = {id(p) for p in safe}
    return safe, [p for p in proposals if id(p) not in kept]
