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
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin

# ---------------------------------------------------------------------------------------
# Searches that would be repeated at every opening bracket of a long line are cached on the
# inline state, so that text such as "[[[[[[..." costs linear time, not quadratic.


class _Scan:
    """Per-inline-state memo of forward searches and bracket matches."""

    __slots__ = ("found", "matches", "src")

    def __init__(self, src: str) -> None:
        self.src = src
        self.found: dict[str, tuple[int, int]] = {}  # needle -> (searched from, found at)
        self.matches: dict[str, dict[int, int]] = {}  # opening char -> {open: close}

    def next(self, needle: str, pos: int) -> int:
        """``src.find(needle, pos)``, answered from the last search when it covers ``pos``."""
        hit = self.found.get(needle)
        if hit is not None:
            start, at = hit
            if start <= pos and (at == -1 or at >= pos):
                return at
        at = self.src.find(needle, pos)
        self.found[needle] = (pos, at)
        return at

    def match(self, open_ch: str, close_ch: str, pos: int) -> int:
        """Index of the bracket closing the one at ``pos`` on the same line, or -1."""
        table = self.matches.get(open_ch)
        if table is None:
            table = {}
            stack: list[int] = []
            for i, ch in enumerate(self.src):
                if ch == open_ch:
                    stack.append(i)
                elif ch == close_ch:
                    if stack:
                        table[stack.pop()] = i
                elif ch == "\n":
                    stack.clear()
            self.matches[open_ch] = table
        return table.get(pos, -1)


def _scan(state: StateInline) -> _Scan:
    scan: _Scan | None = getattr(state, "_vaultkg_scan", None)
    if scan is None or scan.src is not state.src:
        scan = _Scan(state.src)
        state._vaultkg_scan = scan  # type: ignore[attr-defined]
    return scan


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
    end = _scan(state).next("]]", start)
    if end == -1 or end + 2 > state.posMax:
        return False
    # checked in this order, each search stops early on the text that would make it slow
    if src.find("[[", start, end) != -1 or src.find("\n", start, end) != -1:
        return False
    inner = src[start:end]
    if not inner.strip():
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

# The longest run of key characters is the only candidate key (":" is not one of them), so
# matching it greedily and then looking for "::" never backtracks.
_FIELD_KEY_RUN = re.compile(r"\w[\w \t\-/.]*")
_BLANKS = re.compile(r"[ \t]*")


def field_key(src: str, pos: int) -> tuple[str, int] | None:
    """``(key, value_start)`` when a Dataview field key and ``::`` start at ``pos``."""
    m = _FIELD_KEY_RUN.match(src, pos)
    if not m:
        return None
    colon = m.end()
    if not src.startswith("::", colon) or src.startswith(":::", colon):
        return None
    key = m.group(0).strip()
    value_start = _BLANKS.match(src, colon + 2).end()  # type: ignore[union-attr]
    return key, value_start


def field_line(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if pos > 0 and src[pos - 1] != "\n":
        return False
    found = field_key(src, pos)
    if found is None or found[1] > state.posMax:
        return False
    key, value_start = found
    if not silent:
        nl = src.find("\n", value_start, state.posMax)
        token = state.push("field_line", "", 0)
        token.meta = {
            "key": key,
            "start": pos,
            "value_start": value_start,
            "end": state.posMax if nl == -1 else nl,
        }
    state.pos = value_start
    return True


def field_bracketed(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    ch = src[pos]
    if ch not in "[(" or src.startswith("[[", pos):
        return False
    found = field_key(src, pos + 1)
    if found is None:
        return False
    key, value_start = found
    close = _scan(state).match(ch, "]" if ch == "[" else ")", pos)
    if close == -1 or close < value_start or close >= state.posMax:
        return False
    if not silent:
        token = state.push("field_open", "", 1)
        token.meta = {
            "key": key,
            "style": "bracket" if ch == "[" else "paren",
            "start": pos,
            "value_start": value_start,
            "end": close + 1,
        }
        old_max = state.posMax
        state.pos, state.posMax = value_start, close
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
    close = _scan(state).next("]", pos + 1)
    if close == -1 or close >= state.posMax:
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
    """Mark blockquotes that open with ``[!type]`` as callouts.

    The title line becomes its own inline token between ``callout_title_open`` and
    ``callout_title_close``, so links and tags in a title are parsed like any other text.
    """
    tokens = state.tokens
    out: list[Token] = []
    for i, token in enumerate(tokens):
        out.append(token)
        if token.type != "blockquote_open" or i + 2 >= len(tokens):
            continue
        inline = tokens[i + 2]
        if tokens[i + 1].type != "paragraph_open" or inline.type != "inline":
            continue
        first, _, rest = inline.content.partition("\n")
        m = _CALLOUT.fullmatch(first.strip())
        if not m:
            continue
        title_line = inline.map[0] if inline.map else 0
        token.meta["callout"] = {
            "type": m.group(1).lower(),
            "fold": m.group(2),
            "title": m.group(3).strip(),
            "title_line": title_line,
        }
        if m.group(3).strip():
            title = Token("inline", "", 0, map=[title_line, title_line + 1], level=token.level + 1)
            title.content = m.group(3).strip()
            title.children = []
            out.append(Token("callout_title_open", "", 1, level=token.level + 1))
            out.append(title)
            out.append(Token("callout_title_close", "", -1, level=token.level + 1))
        inline.content = rest
        if inline.map:
            inline.map = [inline.map[0] + 1, inline.map[1]]
            tokens[i + 1].map = inline.map
    state.tokens = out


# ---------------------------------------------------------------------------------------
# nesting guard: markdown-it stops at maxNesting by skipping to the end of the *document*
# range of the innermost container, which swallows everything after a very deep list.
# This rule takes over two levels earlier and skips one line at a time instead, so the
# containers around it close where they should; the first skipped line is reported.

TOO_DEEP = "vaultkg_too_deep"
# Containers and inline markup nest at most this deep (each list level counts twice).
MAX_NESTING = 40


def too_deep(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.level < state.md.options.maxNesting - 2:
        return False
    if silent:
        return True
    state.env.setdefault(TOO_DEEP, start_line + 1)
    token = state.push("too_deep", "", 0)
    token.map = [start_line, start_line + 1]
    state.line = start_line + 1
    return True


# ---------------------------------------------------------------------------------------


def obsidian_plugin(md: MarkdownIt) -> None:
    """Teach a MarkdownIt instance Obsidian's syntax."""
    md.block.ruler.before("table", "too_deep", too_deep)
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


# Every link linkify can find holds a scheme's ":", an e-mail's "@", a "//" or a host such
# as "example.org"; text with none of them skips linkify-it's much larger pretest.
_MAYBE_URL = re.compile(r"[:@]|//|\w\.\w")


def _gate_linkify(md: MarkdownIt) -> None:
    linkify = md.linkify
    assert linkify is not None  # made by MarkdownIt for the "linkify" option (linkify-it-py)
    full_pretest = linkify.pretest

    def pretest(text: str) -> bool:
        return _MAYBE_URL.search(text) is not None and full_pretest(text)

    linkify.pretest = pretest


@cache
def markdown() -> MarkdownIt:
    """The parser vaultkg uses everywhere; built once per process (it is never mutated)."""
    md = MarkdownIt("commonmark", {"linkify": True, "maxNesting": MAX_NESTING})
    _gate_linkify(md)
    md.enable(["table", "strikethrough", "linkify"])
    md.use(footnote_plugin)
    md.use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True)
    md.use(obsidian_plugin)
    return md
