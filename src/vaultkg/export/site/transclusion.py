"""Which tokens an embed shows: a heading's section, a labelled block, or the whole note."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markdown_it.token import Token

from ...model import Link, Note
from .anchors import NoteAnchors


def section(tokens: list[Token], note: Note, link: Link) -> list[Token]:
    """The tokens an embed shows: a heading's section, a labelled block, or the whole note."""
    end_of_body = next(
        (i for i, t in enumerate(tokens) if t.type == "footnote_block_open"), len(tokens)
    )
    body = tokens[:end_of_body]
    if link.block:
        line = next((b.line for b in note.block_ids if b.id == link.block), None)
        if line is None:
            return []
        for i, t in enumerate(body):
            if (
                t.nesting == 1
                and t.map
                and t.map[0] + 1 == line
                and t.type not in ("bullet_list_open", "ordered_list_open")
            ):
                return body[i : closing(body, i) + 1]
        return []
    if link.headings:
        anchors = _heading_line(note, link.headings)
        if anchors is None:
            return []
        line, level = anchors
        start = next(
            (
                i
                for i, t in enumerate(body)
                if t.type == "heading_open" and t.map and t.map[0] + 1 == line
            ),
            None,
        )
        if start is None:
            return []
        end = len(body)
        for j in range(start + 3, len(body)):
            t = body[j]
            if t.type == "heading_open" and int(t.tag[1]) <= level and t.level == 0:
                end = j
                break
        return body[start:end]
    return body


def _heading_line(note: Note, headings: tuple[str, ...]) -> tuple[int, int] | None:
    anchors = NoteAnchors.of(note)
    hid = anchors.find(headings, None)
    if hid is None:
        return None
    line = next(k for k, v in anchors.by_line.items() if v == hid)
    level = next(h.level for h in note.headings if h.line == line)
    return line, level


def closing(tokens: Sequence[Token], start: int) -> int:
    """The index of the token that closes ``tokens[start]``."""
    depth = 0
    for j in range(start, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def only_embed(tokens: Sequence[Token], idx: int) -> Token | None:
    """The embed of a paragraph that holds nothing else (then it is shown as a block)."""
    if idx + 2 >= len(tokens) or tokens[idx + 1].type != "inline":
        return None
    children = [
        c
        for c in tokens[idx + 1].children or []
        if not (c.type == "text" and not c.content.strip()) and c.type not in ("softbreak",)
    ]
    if len(children) == 1 and children[0].type == "wikilink" and children[0].meta.get("embed"):
        return children[0]
    return None


def link_of(meta: dict[str, Any]) -> Link:
    """The ``Link`` a wikilink token stands for."""
    return Link(
        meta["target"],
        "wikilink",
        0,
        0,
        embed=meta["embed"],
        alias=meta["alias"],
        headings=tuple(meta["headings"]),
        block=meta["block"],
        size=meta["size"],
    )
