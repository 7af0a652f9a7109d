"""What the linker proposes, and what it was asked for."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

SpanContext = str  # "text" | "heading" | "table"


@dataclass(slots=True, frozen=True)
class LinkOptions:
    """Which mentions to link. Empty filters mean "all"."""

    first_only: bool = False
    only: frozenset[str] = frozenset()  # entity note paths
    types: frozenset[str] = frozenset()  # entity types (drug, receptor, ...)
    notes: frozenset[str] = frozenset()  # note paths to link in
    min_length: int = 2  # names shorter than this are not matched
    headings: bool = False  # link in headings too


@dataclass(slots=True, frozen=True)
class Proposal:
    """Turn ``text`` at ``start:end`` of a note into a link to ``entity``."""

    path: str  # the note being edited
    start: int  # character offsets in Note.text
    end: int
    text: str  # the mention as written
    entity: str  # path of the entity note
    target: str  # what goes between [[ and | (the title, or a path when titles clash)
    line: int
    col: int
    context: SpanContext = "text"

    @property
    def prefix(self) -> str:
        """What is inserted before the mention."""
        if self.text == self.target:
            return "[["
        pipe = "\\|" if self.context == "table" else "|"  # a bare | would split the cell
        return f"[[{self.target}{pipe}"

    @property
    def suffix(self) -> str:
        return "]]"

    @property
    def replacement(self) -> str:
        return f"{self.prefix}{self.text}{self.suffix}"


@dataclass(slots=True, frozen=True)
class Ambiguous:
    """A mention of a name that belongs to several entity notes: reported, never linked."""

    path: str
    line: int
    col: int
    text: str
    entities: tuple[str, ...]


@dataclass(slots=True)
class NotePlan:
    path: str
    original: bytes  # the file as read (BOM included)
    text: str  # decoded text, as the parser saw it
    bom: bool
    proposals: list[Proposal] = field(default_factory=list)

    def new_text(self) -> str:
        from .edit import apply_proposals

        return apply_proposals(self.text, self.proposals)

    def new_bytes(self) -> bytes:
        return (b"\xef\xbb\xbf" if self.bom else b"") + self.new_text().encode("utf-8")


@dataclass(slots=True)
class Plan:
    notes: list[NotePlan] = field(default_factory=list)  # only notes with proposals
    ambiguous: list[Ambiguous] = field(default_factory=list)
    # mentions not linked because the link would change how the note reads
    unsafe: list[Proposal] = field(default_factory=list)
    notes_scanned: int = 0

    @property
    def proposals(self) -> list[Proposal]:
        return [p for n in self.notes for p in n.proposals]

    def per_entity(self) -> Counter[str]:
        return Counter(p.entity for p in self.proposals)

    def ambiguous_names(self) -> Counter[tuple[str, tuple[str, ...]]]:
        return Counter((a.text.casefold(), a.entities) for a in self.ambiguous)
