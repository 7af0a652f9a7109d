"""markdown-it-py rules for the Obsidian dialect.

Each rule is a small function in markdown-it's own style. They run inside markdown-it's
inline and block parsers, so anything inside code spans, code blocks, math, HTML and
comments is never seen by them: that exclusion comes by construction, not by regex over
whole files. Every token a rule pushes carries ``meta["start"]``/``meta["end"]``, its offsets
in the inline source, so the note builder can give exact lines and columns.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin

# ---------------------------------------------------------------------------------------
# wikilinks and embeds: [[target#heading|alias]], ![[image.png|640x480]]


def split_wikilink(inner: str) -> tuple[str, tuple[str, ...], str | None, str | None]:
    """Split the text between ``[[`` and ``]]`` into (target, headings, block, alias)."""
    # In tables the pipe is written "\|"; outside them a stray backslash before "|" is kept
    # out of the target as well, as Obsidian does.
    alias: str | None = None
    m = re.search(r"\\?\|", inner)
    if m:
        alias = inner[m.end() :].strip()
        inner = inner[: m.start()]
    target, _, sub = inner.partition("#")
    headings: list[str] = []
    block: str | None = None
    if _:
        for part in sub.split("#"):
            part = part.strip()
            if part.startswith("^"):
                block = part[1:].strip()
            elif part:
                headings.append(part)
    return target.strip(), tuple(headings), block, alias or None


def wikilink(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    embed = src.startswith("![[", pos)
    if not embed and not src.startswith("[[", pos):
        return False
    start = pos + (3 if embed else 2)
    end = src.find("]]", start, state.posMax)
    if end == -1:
        return False
    inner = src[start:end]
    if not inner.strip() or "\n" in inner or "[[" in inner:
        return False
    # "]]]" closes the link at the last pair, so "[[a]]]" keeps the stray "]" as text.
    if not silent:
        target, headings, block, alias = split_wikilink(inner)
        size = None
        if embed and alias and re.fullmatch(r"\d+(?:x\d+)?", alias):
            size, alias = alias, None
        token = state.push("wikilink", "", 0)
        token.content = src[pos : end + 2]
        token.meta = {
            "target": target,
            "headings": headings,
            "block": block,
            "alias": alias,
            "size": size,
            "embed": embed,
            "start": pos,
            "end": end + 2,
        }
    state.pos = end + 2
    return True


# ---------------------------------------------------------------------------------------
# tags: #tag, #nested/tag, #☀️ — letters of any script, digits, _ - /, at least one non-digit


@cache
def _is_tag_char(ch: str) -> bool:
    if ch.isascii():
        return ch.isalnum() or ch in "_-/"
    cat = unicodedata.category(ch)
    return cat[0] in "LNMS" or cat in ("Pc", "Pd", "Cf")


def scan_tag(text: str, pos: int, end: int) -> int:
    """Return the end of the tag name starting at ``pos`` (just after '#'), or ``pos``."""
    i = pos
    while i < end and _is_tag_char(text[i]):
        i += 1
    name = text[pos:i]
    if not name or name.replace("/", "").isdigit() or all(c in "/-_" for c in name):
        return pos
    if not any(not c.isdigit() and c not in "/" for c in name):
        return pos
    return i


def tag(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if src[pos] != "#" or (pos > 0 and not src[pos - 1].isspace()):
        return False
    end = scan_tag(src, pos + 1, state.posMax)
    if end == pos + 1:
        return False
    if not silent:
        token = state.push("tag", "", 0)
        token.content = src[pos + 1 : end].rstrip("/")
        token.meta = {"start": pos, "end": end}
    state.pos = end
    return True


# ---------------------------------------------------------------------------------------
# Obsidian comments: %%inline%% and blocks opened by a line starting with %%


def comment_inline(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if not src.startswith("%%", pos):
        return False
    close = src.find("%%", pos + 2, state.posMax)
    end = state.posMax if close == -1 else close + 2
    if not silent:
        token = state.push("obsidian_comment", "", 0)
        token.content = src[pos:end]
        token.meta = {"start": pos, "end": end}
    state.pos = end
    return True


def comment_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    pos = state.bMarks[start_line] + state.tShift[start_line]
    maximum = state.eMarks[start_line]
    if state.is_code_block(start_line) or not state.src.startswith("%%", pos):
        return False
    first = state.src[pos + 2 : maximum]
    line = start_line
    if "%%" in first:
        # "%% note %%" alone on its line is a block comment; with text after it, it is inline.
        if first[first.index("%%") + 2 :].strip():
            return False
    else:
        line += 1
        while line < end_line:
            text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
            if "%%" in text:
                break
            line += 1
        # an unclosed comment runs to the end of the note, as in Obsidian
    if silent:
        return True
    last = min(line, end_line - 1)
    token = state.push("obsidian_comment_block", "", 0)
    token.map = [start_line, last + 1]
    token.content = state.getLines(start_line, last + 1, 0, True)
    state.line = last + 1
    return True


# ---------------------------------------------------------------------------------------
# Dataview inline fields: "key:: value" at a line start, [key:: value], (key:: value)

_FIELD_KEY = re.compile(r"([^\W_][\w \t\-/.]*?|_[\w \t\-/.]*?)[ \t]*::(?!:)[ \t]*")


def field_line(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if pos > 0 and src[pos - 1] != "\n":
        return False
    m = _FIELD_KEY.match(src, pos)
    if not m or m.end() > state.posMax:
        return False
    if not silent:
        nl = src.find("\n", m.end(), state.posMax)
        token = state.push("field_line", "", 0)
        token.meta = {
            "key": m.group(1).strip(),
            "start": pos,
            "value_start": m.end(),
            "end": state.posMax if nl == -1 else nl,
        }
    state.pos = m.end()
    return True


def _matching(src: str, pos: int, end: int, open_ch: str, close_ch: str) -> int:
    depth = 0
    for i in range(pos, end):
        ch = src[i]
        if ch == "\n":
            return -1
        if ch == open_ch:
            depth += 1
        elif ch == close_ch:
            depth -= 1
            if depth == 0:
                return i
    return -1


def field_bracketed(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    ch = src[pos]
    if ch not in "[(" or src.startswith("[[", pos):
        return False
    m = _FIELD_KEY.match(src, pos + 1)
    if not m:
        return False
    close = _matching(src, pos, state.posMax, ch, "]" if ch == "[" else ")")
    if close == -1 or close < m.end():
        return False
    if not silent:
        token = state.push("field_open", "", 1)
        token.meta = {
            "key": m.group(1).strip(),
            "style": "bracket" if ch == "[" else "paren",
            "start": pos,
            "value_start": m.end(),
            "end": close + 1,
        }
        old_max = state.posMax
        state.pos, state.posMax = m.end(), close
        state.md.inline.tokenize(state)
        state.posMax = old_max
        state.push("field_close", "", -1).meta = {"start": close, "end": close + 1}
    state.pos = close + 1
    return True


# ---------------------------------------------------------------------------------------
# block ids: "^id" at the end of a block

_BLOCK_ID = re.compile(r"\^([A-Za-z0-9-]+)[ \t]*$")


def block_id(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if src[pos] != "^" or (pos > 0 and not src[pos - 1].isspace()):
        return False
    m = _BLOCK_ID.match(src, pos, state.posMax)
    if not m or m.end() != state.posMax:
        return False
    if not silent:
        token = state.push("block_id", "", 0)
        token.content = m.group(1)
        token.meta = {"start": pos, "end": m.end()}
    state.pos = m.end()
    return True


# ---------------------------------------------------------------------------------------
# Pandoc citations: [@key], [see @key, p. 4; @other]

_CITEKEY = re.compile(r"(?<![\w.])@([\w][\w:.#$%&+?<>~/-]*)")


def citation(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if src[pos] != "[" or src.startswith("[[", pos) or src.startswith("[^", pos):
        return False
    close = src.find("]", pos + 1, state.posMax)
    if close == -1:
        return False
    inner = src[pos + 1 : close]
    if "@" not in inner or "[" in inner or "\n" in inner:
        return False
    if close + 1 < len(src) and src[close + 1] in "(:":  # a link or a reference definition
        return False
    keys = [k.rstrip(".:,;") for k in _CITEKEY.findall(inner)]
    if not keys:
        return False
    if not silent:
        token = state.push("citation", "", 0)
        token.content = src[pos : close + 1]
        token.meta = {"keys": keys, "start": pos, "end": close + 1}
    state.pos = close + 1
    return True


# ---------------------------------------------------------------------------------------
# highlights: ==text==


def highlight(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if not src.startswith("==", pos) or src.startswith("===", pos):
        return False
    close = src.find("==", pos + 2, state.posMax)
    if close == -1 or close == pos + 2 or src[pos + 2].isspace() or src[close - 1].isspace():
        return False
    if not silent:
        state.push("mark_open", "mark", 1).meta = {"start": pos, "end": pos + 2}
        old_max = state.posMax
        state.pos, state.posMax = pos + 2, close
        state.md.inline.tokenize(state)
        state.posMax = old_max
        state.push("mark_close", "mark", -1).meta = {"start": close, "end": close + 2}
    state.pos = close + 2
    return True


# ---------------------------------------------------------------------------------------
# callouts: > [!type]+ Title

_CALLOUT = re.compile(r"\[!([^\]\s]+)\]([+-]?)[ \t]*(.*)")


def callouts(state: StateCore) -> None:
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type != "blockquote_open" or i + 2 >= len(tokens):
            continue
        inline = tokens[i + 2]
        if tokens[i + 1].type != "paragraph_open" or inline.type != "inline":
            continue
        first, _, rest = inline.content.partition("\n")
        m = _CALLOUT.fullmatch(first.strip())
        if not m:
            continue
        token.meta["callout"] = {
            "type": m.group(1).lower(),
            "fold": m.group(2),
            "title": m.group(3).strip(),
            "title_line": inline.map[0] if inline.map else 0,
        }
        inline.content = rest
        if inline.map:
            inline.map = [inline.map[0] + 1, inline.map[1]]
            tokens[i + 1].map = inline.map


# ---------------------------------------------------------------------------------------


def obsidian_plugin(md: MarkdownIt) -> None:
    """Teach a MarkdownIt instance Obsidian's syntax."""
    md.block.ruler.before("fence", "obsidian_comment", comment_block)
    inline = md.inline.ruler
    inline.before("text", "field_line", field_line)
    inline.before("link", "wikilink", wikilink)
    inline.before("link", "field_bracketed", field_bracketed)
    inline.before("link", "citation", citation)
    inline.before("link", "block_id", block_id)
    inline.before("link", "tag", tag)
    inline.before("link", "comment", comment_inline)
    inline.before("link", "highlight", highlight)
    md.inline.add_terminator_char("(")
    md.core.ruler.after("block", "callouts", callouts)


@cache
def markdown() -> MarkdownIt:
    """The parser vaultkg uses everywhere; built once per process (it is never mutated)."""
    md = MarkdownIt("commonmark", {"linkify": True, "maxNesting": 40})
    md.enable(["table", "strikethrough", "linkify"])
    md.use(footnote_plugin)
    md.use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True)
    md.use(obsidian_plugin)
    return md
