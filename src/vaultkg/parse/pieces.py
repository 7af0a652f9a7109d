"""The pieces of a block's readable text, and where they sit in the source (lines, table
cells)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from markdown_it.token import Token

from ..model import Citations, Link, Sentence


def table_cell_starts(line: str) -> list[int]:
    """0-based column where each cell's text begins in a table row, as markdown-it splits it:
    on every "|" not preceded by a backslash, ignoring a leading pipe."""
    i = len(line) - len(line.lstrip(" \t"))
    if line.startswith("|", i):
        i += 1
    bounds = [i]
    escaped = False
    for j in range(i, len(line)):
        ch = line[j]
        if ch == "|" and not escaped:
            bounds.append(j + 1)
        escaped = ch == "\\"
    return [b + len(line[b:]) - len(line[b:].lstrip(" \t")) for b in bounds]


def first_line(token: Token) -> int:
    """The 1-based line a block token starts on (inline tokens carry their block's map)."""
    return token.map[0] + 1 if token.map else 1


@dataclass(slots=True)
class TokenLines:
    """Where the lines of one inline token's content start, and where they sit in the note."""

    starts: list[int]  # offsets of each line in the content
    first: int  # 0-based note line of the first content line
    prefix: dict[int, int]  # content line -> 0-based source column, filled lazily
    cell: int | None  # the table cell the token fills, if any


LINE_BREAK = re.compile(r"\r\n|\r|\n")
_TASK = re.compile(r"\[[^\]\n]\] ")


@dataclass
class Piece:
    """A run of a block's readable text, or a zero-width marker (footnote, citation)."""

    text: str
    offset: int | None  # offset in the inline source, when known
    line: int  # 0-based line within the block
    link: Link | None = None
    footnote: str | None = None
    citekeys: list[str] = field(default_factory=list)
    url: str | None = None


def strip_task(pieces: list[Piece]) -> None:
    """Drop a task list checkbox ("[ ] ", "[x] ") from the start of a list item's text."""
    first = pieces[0]
    m = _TASK.match(first.text)
    if m:
        first.text = first.text[m.end() :]
        if first.offset is not None:
            first.offset += m.end()


def without_links(sent: Sentence) -> str:
    """The sentence's text with what its links display taken out.

    One pass for many links: a line of 200,000 links took minutes with one replace each.
    """
    if len(sent.links) <= 8:
        residue = sent.text
        for link in sent.links:
            residue = residue.replace(link.display, "")
        return residue
    shown = sorted({k.display for k in sent.links} - {""}, key=len, reverse=True)
    return re.sub("|".join(map(re.escape, shown)), "", sent.text) if shown else sent.text


def add_citation(into: Sentence | Citations, p: Piece) -> None:
    """Record what a piece links to or cites (a piece carries at most one of these)."""
    if p.link is not None:
        into.links.append(p.link)
    if p.footnote is not None:
        into.footnotes.append(p.footnote)
    into.citekeys.extend(p.citekeys)
    if p.url:
        into.urls.append(p.url)


def line_ranges(pieces: list[Piece], starts: list[int], end: int) -> list[tuple[int, int]]:
    """(start, end) in the block's text of each of its source lines."""
    bounds: list[int] = []
    last = -1
    for p, st in zip(pieces, starts, strict=True):
        if p.line != last:
            bounds.append(st)
            last = p.line
    bounds.append(end)
    return list(pairwise(bounds))
