"""HTML ids of the places inside a note that links can point at: headings and blocks."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ...model import Note
from ...parse.note import heading_anchor


def _key(text: str) -> str:
    return unicodedata.normalize("NFC", heading_anchor(text)).casefold()


def block_anchor(block_id: str) -> str:
    return f"block-{block_id}"


def claim_anchor(claim_id: str) -> str:
    return f"claim-{claim_id}"


@dataclass(slots=True)
class NoteAnchors:
    """The ids a note's page gives its headings (made unique) and its block ids."""

    by_line: dict[int, str]  # heading line -> id
    headings: list[tuple[str, str]]  # (anchor key, id) in order
    blocks: set[str]

    @classmethod
    def of(cls, note: Note) -> NoteAnchors:
        used: dict[str, int] = {}
        by_line: dict[int, str] = {}
        headings: list[tuple[str, str]] = []
        for h in note.headings:
            base = h.slug
            n = used.get(base, 0)
            used[base] = n + 1
            hid = base if n == 0 else f"{base}-{n}"
            by_line[h.line] = hid
            headings.append((_key(h.text), hid))
        return cls(by_line, headings, {b.id for b in note.block_ids})

    def find(self, headings: tuple[str, ...], block: str | None) -> str | None:
        """The id for ``[[note#A#B]]`` or ``[[note#^id]]``, or None when it is not there."""
        if block:
            return block_anchor(block) if block in self.blocks else None
        if not headings:
            return None
        wanted = [_key(h) for h in headings]
        i = 0
        for key, hid in self.headings:
            if key == wanted[i]:
                i += 1
                if i == len(wanted):
                    return hid
        return None
