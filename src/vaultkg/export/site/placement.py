"""Where each claim's evidence badge goes in a note's token stream: right after its sentence.

Claims know their note line and text; the parser's blocks know each sentence's line and
column. A sentence ends where the next one in its block starts (or where the block ends), so
the badge token is inserted into the block's inline children at that source offset. Field
claims (``antagonist_of:: …``) get theirs at the end of their line, a ``[!claim]`` callout's
title claim in the callout's title. Claims that fit nowhere (note titles) are left to the page.
"""

from __future__ import annotations

from collections import defaultdict

from markdown_it.token import Token

from ...kg.model import Claim
from ...model import Note


def place_badges(tokens: list[Token], note: Note, claims: list[Claim]) -> set[str]:
    """Insert ``badge`` tokens (content = claim id) into ``tokens``; return the ids placed."""
    if not claims:
        return set()
    lines = note.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    inlines = [t for t in tokens if t.type == "inline" and t.map and t.children is not None]
    by_first_line = {t.map[0] + 1: t for t in inlines if t.map}
    by_sentence: dict[tuple[int, str], list[Claim]] = defaultdict(list)
    for c in claims:
        by_sentence[(c.line, c.text)].append(c)
    placed: set[str] = set()
    points: dict[int, list[tuple[int, str]]] = defaultdict(list)  # id(inline) -> (offset, claim)
    owners: dict[int, Token] = {}

    def put(tok: Token, offset: int, claim: Claim) -> None:
        points[id(tok)].append((offset, claim.id))
        owners[id(tok)] = tok
        placed.add(claim.id)

    for block in note.blocks:
        tok = by_first_line.get(block.line)
        if tok is None:
            continue
        sentences = block.sentences
        for i, s in enumerate(sentences):
            found = [c for c in by_sentence.get((s.line, s.text), []) if c.id not in placed]
            if not found:
                continue
            if i + 1 < len(sentences):
                nxt = sentences[i + 1]
                end = _offset(tok, lines, nxt.line, nxt.col)
            else:
                end = len(tok.content)
            for c in found:
                put(tok, end, c)

    titles = {
        t.meta["callout"]["title_line"] + 1: t
        for t in tokens
        if t.type == "blockquote_open" and t.meta and t.meta.get("callout", {}).get("title")
    }
    for c in claims:
        if c.id in placed or c.kind == "title":
            continue
        if c.line in titles:
            titles[c.line].meta.setdefault("badges", []).append(c.id)
            placed.add(c.id)
            continue
        tok = next((t for t in inlines if t.map and t.map[0] < c.line <= t.map[1]), None)
        if tok is not None:
            put(tok, _line_end(tok, c.line), c)

    for key, pts in points.items():
        _insert(owners[key], sorted(pts))
    return placed


def _content_lines(tok: Token) -> list[str]:
    return tok.content.split("\n")


def _offset(tok: Token, lines: list[str], line: int, col: int) -> int:
    """Offset in ``tok.content`` of the note position (line, col), both 1-based."""
    assert tok.map is not None
    content_lines = _content_lines(tok)
    k = min(max(line - 1 - tok.map[0], 0), len(content_lines) - 1)
    start = sum(len(x) + 1 for x in content_lines[:k])
    content_line = content_lines[k]
    src_line = lines[line - 1] if 0 < line <= len(lines) else content_line
    found = src_line.find(content_line) if content_line else -1
    prefix = found if found >= 0 else len(src_line) - len(src_line.lstrip())
    return start + min(max(col - 1 - prefix, 0), len(content_line))


def _line_end(tok: Token, line: int) -> int:
    assert tok.map is not None
    content_lines = _content_lines(tok)
    k = min(max(line - 1 - tok.map[0], 0), len(content_lines) - 1)
    return sum(len(x) + 1 for x in content_lines[:k]) + len(content_lines[k])


def _positions(children: list[Token], src: str) -> list[tuple[int, int]]:
    """Source (start, end) of each inline child, found by walking the source once."""
    out = []
    cursor = 0
    for child in children:
        meta = child.meta or {}
        if "start" in meta and "end" in meta:
            start = meta["start"]
            cursor = max(
                cursor,
                meta.get("value_start", meta["end"])
                if child.nesting == 1 or child.type == "field_line"
                else meta["end"],
            )
            out.append((start, cursor if child.nesting != 1 else start))
            continue
        needle = ""
        if child.type in ("text", "code_inline", "html_inline", "math_inline"):
            needle = child.content
        elif child.type in ("softbreak", "hardbreak"):
            needle = "\n"
        elif child.type == "footnote_ref":
            needle = "[^"
        if needle:
            at = src.find(needle, cursor)
            if at >= 0:
                end = at + len(needle)
                if child.type == "footnote_ref":
                    close = src.find("]", end)
                    end = close + 1 if close >= 0 else end
                out.append((at, end))
                cursor = end
                continue
        out.append((cursor, cursor))
    return out


def _badge(claim_id: str) -> Token:
    return Token("badge", "", 0, content=claim_id)


def _flush(out: list[Token], pending: list[str]) -> None:
    """Badges go after the sentence's last word, before the space or line break after it."""
    tail: list[Token] = []
    while out and (
        out[-1].type in ("softbreak", "hardbreak")
        or (out[-1].type == "text" and not out[-1].content.strip())
    ):
        tail.insert(0, out.pop())
    if out and out[-1].type == "text" and out[-1].content != out[-1].content.rstrip():
        text = out[-1].content
        stripped = text.rstrip()
        out[-1].content = stripped
        space = Token("text", "", 0, content=text[len(stripped) :])
        tail.insert(0, space)
    out.extend(_badge(cid) for cid in pending)
    out.extend(tail)
    pending.clear()


def _insert(tok: Token, points: list[tuple[int, str]]) -> None:
    children = tok.children or []
    spans = _positions(children, tok.content)
    out: list[Token] = []
    pending: list[str] = []
    depth = 0
    i = 0
    for child, (start, end) in zip(children, spans, strict=True):
        while i < len(points) and points[i][0] <= start:
            pending.append(points[i][1])
            i += 1
        if pending and depth == 0:
            _flush(out, pending)
        if child.type == "text" and depth == 0:
            while i < len(points) and start < points[i][0] < end:
                cut = min(points[i][0] - start, len(child.content))
                left = Token("text", "", 0, content=child.content[:cut])
                out.append(left)
                pending.append(points[i][1])
                i += 1
                while i < len(points) and points[i][0] <= start + cut:
                    pending.append(points[i][1])
                    i += 1
                _flush(out, pending)
                child = Token("text", "", 0, content=child.content[cut:])
                start += cut
        out.append(child)
        depth += child.nesting
    pending.extend(cid for _, cid in points[i:])
    if pending:
        _flush(out, pending)
    tok.children = out
