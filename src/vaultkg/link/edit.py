"""Apply proposals to a note's text, inserting link syntax and nothing else."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Note
from .model import Proposal

BOM = b"\xef\xbb\xbf"


class EditError(Exception):
    """The proposals do not fit the text (overlap, or the text at an offset differs)."""


def original_bytes(note: Note) -> bytes:
    """The file's bytes as read: UTF-8 round-trips exactly, and the BOM is put back."""
    return (BOM if note.bom else b"") + note.text.encode("utf-8")


def apply_proposals(text: str, proposals: Sequence[Proposal]) -> str:
    """Insert each proposal's prefix and suffix around its mention.

    Raises EditError, changing nothing, when two proposals overlap or the text at an offset
    is not the mention the proposal was made for.
    """
    out: list[str] = []
    pos = 0
    for p in sorted(proposals, key=lambda p: p.start):
        if p.start < pos:
            raise EditError(f"{p.path}:{p.line}:{p.col}: overlapping proposals")
        if text[p.start : p.end] != p.text:
            raise EditError(f"{p.path}:{p.line}:{p.col}: text changed under the proposal")
        out.append(text[pos : p.start])
        out.append(p.replacement)
        pos = p.end
    out.append(text[pos:])
    return "".join(out)


def remove_links(text: str, proposals: Sequence[Proposal]) -> str:
    """The inverse of apply_proposals: drop exactly the inserted prefixes and suffixes.

    Raises EditError when the inserted text is not where it should be.
    """
    out: list[str] = []
    pos = 0
    shift = 0
    for p in sorted(proposals, key=lambda p: p.start):
        at = p.start + shift
        if text[at : at + len(p.prefix)] != p.prefix:
            raise EditError(f"{p.path}:{p.line}:{p.col}: link prefix missing")
        body = at + len(p.prefix)
        close = body + len(p.text)
        if text[close : close + len(p.suffix)] != p.suffix:
            raise EditError(f"{p.path}:{p.line}:{p.col}: link suffix missing")
        out.append(text[pos:at])
        out.append(text[body:close])
        pos = close + len(p.suffix)
        shift += len(p.prefix) + len(p.suffix)
    out.append(text[pos:])
    return "".join(out)
