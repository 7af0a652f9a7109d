"""One note in, one ``Note`` out: the pure function at the heart of the parser.

``parse_note(data, path)`` takes the file's bytes and its vault-relative path and returns the
note's structure with diagnostics. It keeps no state between calls, so it can run in worker
processes and be cached by content hash.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any
from urllib.parse import unquote

from markdown_it.token import Token

from ..model import (
    Block,
    BlockId,
    Callout,
    Citations,
    Diagnostic,
    FootnoteDef,
    FootnoteRef,
    Heading,
    InlineField,
    Link,
    Note,
    ParseResult,
    Sentence,
    Span,
    Tag,
)
from . import frontmatter, sentences
from .cards import (
    SPACE_BEFORE_PUNCT,
    card_separator,
    is_card_question,
    read_card,
    split_line,
    statement_lines,
    tidy,
)
from .decode import DEFAULT_MAX_BYTES, decode, too_large
from .headings import heading_anchor, heading_slug
from .pieces import (
    LINE_BREAK,
    Piece,
    TokenLines,
    add_citation,
    first_line,
    line_ranges,
    strip_task,
    table_cell_starts,
    without_links,
)
from .properties import frontmatter_tags, property_links
from .syntax import MAX_NESTING, TOO_DEEP, markdown

# re-exported for the modules that import them from here (config.py, vault.py, kg/claims.py;
# heading_anchor and heading_slug moved to headings.py)
__all__ = [
    "DEFAULT_MAX_BYTES",
    "heading_anchor",
    "heading_slug",
    "is_card_question",
    "parse_note",
    "too_large",
]

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_URL = re.compile(r"https?://[^\s<>\]\)\"']+")
_CITATION_PUNCT = re.compile(r"^[\s.,;:()\[\]]*$")
# tags standing after a sentence's end ("... acting. #receptor/gaba") belong to that sentence
_TAGS_ONLY = re.compile(r"^(?:\s*#[^\s#]+)+\s*$")


class _Builder:
    """Walks markdown-it's token stream once and fills in a Note."""

    def __init__(self, note: Note, lines: list[str], want_spans: bool) -> None:
        self.note = note
        self.line_starts: list[int] = []
        if want_spans:
            # offsets into note.text, whose lines may end in LF, CRLF or a lone CR (the same
            # breaks ``lines`` was split on): columns agree either way
            self.line_starts = [0] + [m.end() for m in LINE_BREAK.finditer(note.text)]
        self.lines = lines  # source lines (LF-split, no line ends)
        self.want_spans = want_spans
        self.section: list[tuple[int, str, int]] = []  # (level, text, line) of the headings
        # the first text of each list item we are inside, outermost first (None until read)
        self.items: list[tuple[str, int] | None] = []
        self.context: list[str] = []  # list_item / quote / callout / footnote / table
        self.callout: list[str | None] = []
        self.last_block_line = 1
        self.inline_footnotes = 0
        # the block a "^id" on a line of its own labels: per nesting level, the start lines
        # of the previous and the current block
        self.block_starts: dict[int, tuple[int, int]] = {}
        self.cell: int | None = None  # index of the table cell being read
        self.in_callout_title = False
        self.footnote_ref_lines: dict[str, int] = {}
        self._token: Token | None = None
        self._token_lines = TokenLines([0], 0, {}, None)

    # -- positions ---------------------------------------------------------------------

    def locate(self, token: Token, offset: int) -> tuple[int, int]:
        """1-based (line, col) in the note of ``offset`` in an inline token's source."""
        lines = self._token_lines if self._token is token else self._index(token)
        k = bisect_right(lines.starts, offset) - 1
        line_start = lines.starts[k]
        prefix = lines.prefix.get(k)
        if prefix is None:
            prefix = lines.prefix[k] = self._prefix(token.content, lines, k)
        col = prefix + (offset - line_start) + 1
        if lines.cell is not None:
            # markdown-it drops the backslash of each "\|" in a cell; count them back in
            col += token.content.count("|", line_start, offset)
        return lines.first + k + 1, col

    def _index(self, token: Token) -> TokenLines:
        content = token.content
        starts = [0]
        nl = content.find("\n")
        while nl != -1:
            starts.append(nl + 1)
            nl = content.find("\n", nl + 1)
        first = token.map[0] if token.map else 0
        self._token = token
        self._token_lines = TokenLines(starts, first, {}, self.cell)
        return self._token_lines

    def _prefix(self, content: str, lines: TokenLines, k: int) -> int:
        """Column (0-based) in the source line where line ``k`` of the content starts."""
        line_no = lines.first + k
        if line_no >= len(self.lines):
            return 0
        src_line = self.lines[line_no]
        if lines.cell is not None:
            starts = table_cell_starts(src_line)
            if lines.cell < len(starts):
                return starts[lines.cell]
        start = lines.starts[k]
        end = lines.starts[k + 1] - 1 if k + 1 < len(lines.starts) else len(content)
        content_line = content[start:end]
        found = src_line.find(content_line) if content_line else -1
        return found if found >= 0 else len(src_line) - len(src_line.lstrip())

    # -- token walk --------------------------------------------------------------------

    def walk(self, tokens: list[Token]) -> None:
        footnote_label: str | None = None
        footnote_texts: list[str] = []
        footnote_links: list[Link] = []
        footnote_urls: list[str] = []
        footnote_line = 0
        inline_line = 0
        pending_heading: tuple[int, int] | None = None
        for i, token in enumerate(tokens):
            t = token.type
            if token.block and token.nesting >= 0 and token.map and t != "inline":
                self.block_start(token.level, token.map[0] + 1)
            if t == "heading_open":
                pending_heading = (int(token.tag[1]), token.map[0] + 1 if token.map else 1)
            elif t == "inline" and pending_heading is not None:
                level, line = pending_heading
                pending_heading = None
                self.heading(token, level, line)
            elif t == "list_item_open":
                self.items.append(None)
            elif t == "list_item_close":
                self.items.pop()
            elif t == "bullet_list_open" or t == "ordered_list_open":
                self.context.append("list")
            elif t == "bullet_list_close" or t == "ordered_list_close":
                self.context.pop()
            elif t == "blockquote_open":
                info = token.meta.get("callout") if token.meta else None
                if info:
                    end = token.map[1] if token.map else info["title_line"] + 1
                    self.note.callouts.append(
                        Callout(
                            info["type"], info["title"], info["fold"], info["title_line"] + 1, end
                        )
                    )
                    self.context.append("callout")
                    self.callout.append(info["type"])
                else:
                    self.context.append("quote")
                    self.callout.append(self.callout[-1] if self.callout else None)
                if token.map:
                    self.last_block_line = token.map[0] + 1
            elif t == "blockquote_close":
                self.context.pop()
                self.callout.pop()
            elif t == "table_open":
                self.context.append("table")
                if token.map:
                    self.last_block_line = token.map[0] + 1
            elif t == "table_close":
                self.context.pop()
                self.cell = None
            elif t == "tr_open":
                self.cell = -1
            elif (t == "th_open" or t == "td_open") and self.cell is not None:
                self.cell += 1
            elif t == "callout_title_open":
                self.in_callout_title = True
            elif t == "callout_title_close":
                self.in_callout_title = False
            elif t == "inline" and self.in_callout_title:
                self.callout_title(token)
            elif t == "footnote_open":
                label = token.meta.get("label")
                inline_line = 0
                if label is None:
                    self.inline_footnotes += 1
                    label = f"^{token.meta.get('id', self.inline_footnotes)}"
                    inline_line = self.footnote_ref_lines.get(label, 0)
                footnote_label, footnote_texts, footnote_links, footnote_urls = label, [], [], []
                footnote_line = 0
                self.context.append("footnote")
            elif t == "footnote_close":
                self.context.pop()
                if footnote_label is not None:
                    self.note.footnotes.append(
                        FootnoteDef(
                            footnote_label,
                            " ".join(footnote_texts).strip(),
                            footnote_line,
                            footnote_links,
                            footnote_urls,
                        )
                    )
                footnote_label = None
            elif t == "inline":
                in_footnote = bool(self.context) and "footnote" in self.context
                if in_footnote and token.map is None and inline_line:
                    # ^[inline footnotes] come without a position: they sit on their ref's line
                    token.map = [inline_line - 1, inline_line]
                if in_footnote and not footnote_line and token.map:
                    footnote_line = token.map[0] + 1
                block = self.inline(token, tokens, i)
                if in_footnote and block is not None:
                    footnote_texts.append(" ".join(s.text for s in block.sentences))
                    for s in block.sentences:
                        footnote_links.extend(s.links)
                        footnote_urls.extend(s.urls)
                    footnote_links.extend(block.trailing.links)
                    footnote_urls.extend(block.trailing.urls)
            elif (
                t
                in (
                    "fence",
                    "code_block",
                    "html_block",
                    "math_block",
                    "hr",
                    "obsidian_comment_block",
                    "math_block_label",
                )
                and token.map
            ):
                self.last_block_line = token.map[0] + 1

    def block_start(self, level: int, line: int) -> None:
        _, current = self.block_starts.get(level, (0, 0))
        self.block_starts[level] = (current, line)
        for deeper in [k for k in self.block_starts if k > level]:
            del self.block_starts[deeper]

    def callout_title(self, token: Token) -> None:
        """Links and tags in a callout's title count; a claim's title is also prose."""
        pieces = self.pieces(token, collect=True)
        kind = self.callout[-1] if self.callout else None
        if kind != "claim" or not token.map:
            return
        line = token.map[0] + 1
        section = tuple(text for _, text, _ in self.section)
        block = Block("callout", line, line, section, callout=kind)
        self.fill_sentences(block, pieces, token)
        if block.sentences:
            self.note.blocks.append(block)

    def heading(self, token: Token, level: int, line: int) -> None:
        pieces = self.pieces(token, collect=True)
        text = "".join(p.text for p in pieces).strip()
        # Obsidian builds the link subpath from the heading as written, markup included
        source = " ".join(token.content.split())
        self.note.headings.append(
            Heading(text, level, line, heading_anchor(source), heading_slug(text))
        )
        while self.section and self.section[-1][0] >= level:
            self.section.pop()
        self.note.headings[-1].sentence = self.heading_sentence(pieces, token, text, line)
        self.section.append((level, text, line))
        self.last_block_line = line
        if self.want_spans:
            self.prose_spans(token, "heading")

    def inline(self, token: Token, tokens: list[Token], index: int) -> Block | None:
        ctx = self.context[-1] if self.context else ""
        pieces = self.pieces(token, collect=True)
        if self.want_spans:
            self.prose_spans(token, "table" if ctx == "table" else "text")
        if not token.map:
            return None
        line = token.map[0] + 1
        ids = [c for c in token.children or [] if c.type == "block_id"]
        only_id = bool(ids) and not "".join(p.text for p in pieces).strip()
        if ids:
            # "^id" alone on the line after a table or quote labels that block
            target_line = line
            if only_id:
                previous, _ = self.block_starts.get(token.level - 1, (0, 0))
                target_line = previous or self.last_block_line
            for c in ids:
                self.note.block_ids.append(BlockId(c.content, target_line))
        if ctx == "table":
            return None
        first_of_item = bool(self.items) and self.items[-1] is None and ctx != "footnote"
        context = self.ancestors(skip_last_item=first_of_item)
        if not only_id:
            self.last_block_line = line
        in_list = "list" in self.context
        kind = {
            "callout": "callout",
            "quote": "quote",
        }.get(ctx, "list_item" if ctx == "list" or (in_list and ctx != "footnote") else "paragraph")
        block = Block(
            kind=kind,  # type: ignore[arg-type]
            line=line,
            end_line=token.map[1],
            section=tuple(text for _, text, _ in self.section),
            callout=self.callout[-1] if self.callout else None,
            block_id=ids[-1].content if ids else None,
        )
        if kind == "list_item" and pieces and tokens[max(index - 2, 0)].type == "list_item_open":
            strip_task(pieces)
        self.fill_sentences(block, pieces, token)
        for s in block.sentences:
            s.context = context
        if first_of_item and block.sentences:
            self.items[-1] = (" ".join(s.text for s in block.sentences), line)
        if ctx != "footnote" and block.sentences:
            self.note.blocks.append(block)
        return block

    def ancestors(self, skip_last_item: bool = False) -> list[tuple[str, int]]:
        """The headings above and the parent list items, as (text, line), outermost first."""
        items = self.items[:-1] if skip_last_item else self.items
        return [(text, line) for _, text, line in self.section] + [i for i in items if i]

    def heading_sentence(self, pieces: list[Piece], token: Token, text: str, line: int) -> Sentence:
        """A heading read as one sentence, with what it links to and cites."""
        sent = Sentence(SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(text.split())), line, 1)
        for p in pieces:
            add_citation(sent, p)
        first = next((p for p in pieces if p.text.strip() and p.offset is not None), None)
        if first is not None:
            lead = len(first.text) - len(first.text.lstrip())
            sent.line, sent.col = self.locate(token, first.offset + lead)  # type: ignore[operator]
        sent.urls.extend(u for u in _URL.findall(sent.text) if u not in sent.urls)
        sent.context = self.ancestors()
        return sent

    # -- inline children -----------------------------------------------------------------

    def pieces(self, token: Token, collect: bool) -> list[Piece]:
        """Readable text and citation markers of an inline token; records links, tags, fields."""
        note = self.note
        out: list[Piece] = []
        line = 0
        cursor = 0
        content = token.content
        link_depth = 0
        field: InlineField | None = None
        field_is_line = False
        for child in token.children or []:
            t = child.type
            meta = child.meta or {}
            start = meta.get("start")
            if start is not None:
                cursor = max(cursor, meta.get("value_start", meta.get("end", start)))
            if t == "text":
                text = child.content
                found = content.find(text, cursor) if text else -1
                offset = found if found >= 0 else None
                if found >= 0:
                    cursor = found + len(text)
                if field is not None:
                    field.value += text
                    if field_is_line:
                        continue
                out.append(Piece(text, offset, line))
            elif t in ("softbreak", "hardbreak"):
                line += 1
                if field is not None and field_is_line:
                    field = None
                    field_is_line = False
                out.append(Piece(" ", None, line))
            elif t == "wikilink":
                ln, col = self.locate(token, meta["start"])
                link = Link(
                    meta["target"],
                    "wikilink",
                    ln,
                    col,
                    embed=meta["embed"],
                    alias=meta["alias"],
                    headings=meta["headings"],
                    block=meta["block"],
                    size=meta["size"],
                    raw=child.content,
                )
                note.links.append(link)
                if field is not None:
                    field.links.append(link)
                    field.value += child.content
                    if field_is_line:
                        continue
                if not link.embed:
                    out.append(Piece(link.display, start, line, link=link))
            elif t == "tag":
                ln, col = self.locate(token, meta["start"])
                note.tags.append(Tag(child.content, ln, col))
                if field is not None:
                    field.value += "#" + child.content
                    if field_is_line:
                        continue
                out.append(Piece("#" + child.content, start, line))
            elif t == "footnote_ref":
                label = meta.get("label")
                if label is None:
                    label = f"^{meta.get('id', 0)}"
                offset = content.find("[^" + label + "]", cursor) if meta.get("label") else -1
                if offset < 0:
                    offset = content.find("^[", cursor)
                ln, col = (
                    self.locate(token, offset) if offset >= 0 else (first_line(token) + line, 1)
                )
                if offset >= 0:
                    cursor = offset + 2
                note.footnote_refs.append(FootnoteRef(label, ln, col))
                self.footnote_ref_lines.setdefault(label, ln)
                if field is not None:
                    field.footnotes.append(label)
                    if field_is_line:
                        continue
                out.append(Piece("", offset if offset >= 0 else None, line, footnote=label))
            elif t == "citation":
                if field is not None:
                    field.citekeys.extend(meta["keys"])
                    if field_is_line:
                        continue
                out.append(Piece("", start, line, citekeys=list(meta["keys"])))
            elif t == "field_line":
                ln, col = self.locate(token, meta["start"])
                field = InlineField(meta["key"], "", ln, col, "line")
                field_is_line = True
                note.fields.append(field)
            elif t == "field_open":
                ln, col = self.locate(token, meta["start"])
                field = InlineField(meta["key"], "", ln, col, meta["style"])
                field_is_line = False
                note.fields.append(field)
            elif t == "field_close":
                if field is not None:
                    field.value = field.value.strip()
                field = None
            elif t == "link_open":
                link_depth += 1
                href = str(child.attrGet("href") or "")
                if child.markup in ("linkify", "autolink") or _SCHEME.match(href):
                    # zotero:// links cite a Zotero item (kg/claims reads them)
                    if href.startswith(("http://", "https://", "zotero://")):
                        out.append(Piece("", None, line, url=href))
                    continue
                found_link = self.markdown_link(token, href, child, cursor)
                if found_link:
                    note.links.append(found_link)
                    if field is not None:
                        field.links.append(found_link)
                    out.append(Piece("", None, line, link=found_link))
            elif t == "link_close":
                link_depth -= 1
            elif t == "image":
                src = str(child.attrGet("src") or "")
                if src and not _SCHEME.match(src):
                    image = self.markdown_link(token, src, child, cursor)
                    if image:
                        image.embed = True
                        note.links.append(image)
                out.append(Piece(child.content, None, line))
            elif t == "code_inline" or t in ("math_inline", "math_inline_double"):
                out.append(Piece(child.content, None, line))
            # html_inline, obsidian_comment, block_id, emphasis markers: no readable text
        if field is not None:
            field.value = field.value.strip()
        for f in note.fields:
            f.value = f.value.strip()
        return out

    def markdown_link(self, token: Token, href: str, child: Token, cursor: int) -> Link | None:
        path, _, frag = href.partition("#")
        path = unquote(path).strip()
        if path.startswith("<") and path.endswith(">"):
            path = path[1:-1]
        frag = unquote(frag)
        headings: tuple[str, ...] = ()
        block = None
        if frag.startswith("^"):
            block = frag[1:]
        elif frag:
            headings = tuple(p for p in frag.split("#") if p)
        if not path and not frag:
            return None
        offset = token.content.find("](", cursor)
        start = token.content.rfind("[", 0, offset) if offset >= 0 else -1
        ln, col = self.locate(token, start) if start >= 0 else (first_line(token), 1)
        return Link(path, "markdown", ln, col, headings=headings, block=block, raw=href)

    def fill_sentences(self, block: Block, pieces: list[Piece], token: Token) -> None:
        text_parts: list[str] = []
        starts: list[int] = []
        pos = 0
        for p in pieces:
            starts.append(pos)
            text_parts.append(p.text)
            pos += len(p.text)
        text = "".join(text_parts)
        lines = line_ranges(pieces, starts, len(text))
        texts = [text[a:b] for a, b in lines]
        card = card_separator(texts)
        if card is not None:
            spans = [(0, len(text))]
        elif (groups := statement_lines(texts)) is not None:
            spans = []
            for first, end in groups:
                a, b = lines[first][0], lines[end - 1][1]
                spans.extend((a + s, a + e) for s, e in split_line(text[a:b]))
        else:
            spans = sentences.split(text)
        # zero-width markers (footnotes, citations) that follow a sentence's end belong to it
        result: list[tuple[int, int, Sentence]] = []
        for s, e in spans:
            result.append((s, e, Sentence(text=text[s:e], line=block.line, col=1)))
        if not result:
            return
        # assign each piece to the sentence it starts in
        k = 0
        for p, st in zip(pieces, starts, strict=True):
            while k + 1 < len(result) and st >= result[k + 1][0]:
                k += 1
            add_citation(result[k][2], p)
        k = 0
        for s, _, sent in result:
            # a multi-line card stands at its answer's first line: the answer states the fact
            at = lines[card + 1][0] if card is not None else s
            while k + 1 < len(pieces) and starts[k + 1] <= at:
                k += 1
            p = pieces[k]
            sent.line = block.line + p.line
            if p.offset is not None:
                delta = at - starts[k] if p.link is None else 0
                sent.line, sent.col = self.locate(token, p.offset + delta)
            sent.urls.extend(u for u in _URL.findall(sent.text) if u not in sent.urls)
            if card is not None:
                question = " ".join(texts[:card])
                answer = " ".join(texts[card + 1 :])
                sent.text, sent.card = f"{tidy(question)} — {tidy(answer)}", True
            else:
                read_card(sent)
        # a "sentence" that is only citations, e.g. "… receptors. ([[Hyman 1996]])",
        # belongs to the sentence before it
        merged: list[Sentence] = []
        for _, _, sent in result:
            residue = without_links(sent)
            if merged and (_CITATION_PUNCT.match(residue) or _TAGS_ONLY.match(residue)):
                prev = merged[-1]
                prev.text = f"{prev.text} {sent.text}".strip()
                prev.links.extend(sent.links)
                prev.footnotes.extend(sent.footnotes)
                prev.citekeys.extend(sent.citekeys)
                prev.urls.extend(sent.urls)
            elif residue.strip(" .,;:()[]") or sent.links or sent.footnotes or sent.citekeys:
                merged.append(sent)  # a bare link, as in a list of references, is kept
        block.sentences = merged
        block.trailing = self.trailing(pieces)

    @staticmethod
    def trailing(pieces: list[Piece]) -> Citations:
        cites = Citations()
        for p in reversed(pieces):
            if p.link is not None or p.footnote is not None or p.citekeys or p.url:
                add_citation(cites, p)
            elif not _CITATION_PUNCT.match(p.text):
                break
        return cites

    # -- linkable prose, for the linker ------------------------------------------------

    def prose_spans(self, token: Token, context: str) -> None:
        """Record text runs whose position in the source is certain, for the linker."""
        content = token.content
        cursor = 0
        depth = 0  # inside a Markdown link or a bracketed field key
        in_field_line = False
        for child in token.children or []:
            meta = child.meta or {}
            if meta.get("start") is not None:
                cursor = max(cursor, meta.get("value_start", meta.get("end", meta["start"])))
            t = child.type
            if t == "link_open":
                depth += 1
            elif t == "link_close":
                depth -= 1
            elif t == "field_line":
                in_field_line = True
                cursor = max(cursor, meta["value_start"])
            elif t in ("softbreak", "hardbreak"):
                in_field_line = False
            elif t == "text" and child.content:
                found = content.find(child.content, cursor)
                if found < 0:
                    continue
                cursor = found + len(child.content)
                if depth or in_field_line or "\n" in child.content:
                    continue
                line, col = self.locate(token, found)
                src_line = self.lines[line - 1] if line - 1 < len(self.lines) else ""
                if src_line[col - 1 : col - 1 + len(child.content)] != child.content:
                    continue  # position unsure (escapes, tabs): never touch it
                start = self.line_starts[line - 1] + col - 1
                self.note.prose.append(
                    Span(start, start + len(child.content), context)  # type: ignore[arg-type]
                )


def parse_note(
    data: bytes,
    path: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    spans: bool = False,
) -> ParseResult:
    """Parse one note. Never raises on bad input: problems come back as diagnostics.

    ``spans=True`` also records the exact source positions of linkable prose (slower; only
    the linker needs it).
    """
    title = path.rsplit("/", 1)[-1]
    if title.lower().endswith(".md"):
        title = title[:-3]
    note = Note(path=path, title=title)
    diags: list[Diagnostic] = []
    if len(data) > max_bytes:
        return ParseResult(note, [too_large(path, len(data), max_bytes)])
    text, bom, problem = decode(data, path)
    note.bom = bom
    if text is None:
        assert problem is not None
        return ParseResult(note, [problem])
    note.text = text
    lf = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    lines = lf.split("\n")

    fm = frontmatter.parse(lf)
    note.frontmatter_lines = fm.lines
    if fm.error:
        diags.append(
            Diagnostic(
                path,
                fm.error_line,
                1,
                "error",
                "invalid-frontmatter",
                f"{fm.error}; fix the YAML between the '---' lines "
                "(properties are ignored until then)",
            )
        )
    note.properties = fm.properties
    note.aliases = frontmatter.property_list(fm.properties, "aliases", "alias")
    frontmatter_tags(note, lines)
    property_links(note, lines)

    body = lf
    if fm.lines:
        # blank the front matter so that markdown-it's line numbers stay the note's own
        cut = 0
        for _ in range(fm.lines):
            cut = lf.find("\n", cut) + 1 or len(lf)
        body = "\n" * fm.lines + lf[cut:]
    env: dict[str, Any] = {}
    try:
        tokens = markdown().parse(body, env)
    except RecursionError:
        diags.append(
            Diagnostic(
                path,
                1,
                1,
                "error",
                "too-deep",
                "note nests too deeply to read; flatten its lists or quotes",
            )
        )
        return ParseResult(note, diags)
    if TOO_DEEP in env:
        diags.append(
            Diagnostic(
                path,
                env[TOO_DEEP],
                1,
                "warning",
                "too-deep",
                f"lists or quotes nest deeper than vaultkg reads ({MAX_NESTING - 2} levels, a "
                "list counts two); the deeper lines are skipped, flatten them",
            )
        )
    builder = _Builder(note, lines, spans)
    builder.walk(tokens)
    return ParseResult(note, diags)
