"""HTML ids of the places inside a note that links can point at: headings and blocks."""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Heading, Note
from ...parse.headings import find_heading


def block_anchor(block_id: str) -> str:
    return f"block-{block_id}"


def claim_anchor(claim_id: str) -> str:
    return f"claim-{claim_id}"


@dataclass(slots=True)
class NoteAnchors:
    """The ids a note's page gives its headings (made unique) and its block ids."""

    by_line: dict[int, str]  # heading line -> id
    headings: list[Heading]
    ids: list[str]  # the id of each heading, in order
    blocks: set[str]

    @classmethod
    def of(cls, note: Note) -> NoteAnchors:
        used: dict[str, int] = {}
        by_line: dict[int, str] = {}
        ids: list[str] = []
        for h in note.headings:
            base = h.slug
            n = used.get(base, 0)
            used[base] = n + 1
            hid = base if n == 0 else f"{base}-{n}"
            by_line[h.line] = hid
            ids.append(hid)
        return cls(by_line, list(note.headings), ids, {b.id for b in note.block_ids})

    def find(self, headings: tuple[str, ...], block: str | None) -> str | None:
        """The id for ``[[note#A#B]]`` or ``[[note#^id]]``, or None when it is not there."""
        if block:
            return block_anchor(block) if block in self.blocks else None
        found = find_heading(self.headings, headings)
        return None if found is None else self.ids[found]
