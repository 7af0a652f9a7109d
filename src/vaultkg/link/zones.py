"""Stretches of a note the linker never writes into, found on the raw text in one pass each.

The parser's prose spans already leave out code, math, links and the like. These zones are a
second, note-wide line of defence for syntax that plugins and Obsidian add and that can run
over several lines or sit in the middle of prose:

* Templater tags ``<% … %>``, ``<%* … %>`` (also over many lines);
* Obsidian comments ``%% … %%`` wherever they open, across blank lines, unclosed to the end;
* HTML comments, and HTML elements whose tags or content run over several lines;
* URLs of any scheme (``obsidian://``, ``zotero://``, ``file:///``, ``mailto:``, ...);
* wikilinks, whole even where a table's pipe splits them, and a ``[[`` left unclosed;
* Markdown links ``[text](target)``, also with a target CommonMark would not accept;
* Dataview inline fields in every form: ``key:: v`` lines (the key in ``**bold**``,
  ``_italics_``, ``==highlight==`` ...), ``[key:: v]`` and ``(key:: v)``;
* fenced code (``dataview``/``dataviewjs`` blocks included) and inline code, so that a
  ``%%`` or ``<%`` written inside code does not open a zone.

Every function is linear in the length of the note.
"""

from __future__ import annotations

import bisect
import re

_FENCE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)*[ \t]{0,3}(`{3,}|~{3,})")
_TICKS = re.compile(r"`+")
_URL = re.compile(
    r"(?<![\w.+-])(?:[A-Za-z][A-Za-z0-9+.-]{1,31}://|(?:mailto|tel|doi|urn|data|javascript"
    r"|geo|magnet|news|sms|xmpp|obsidian|zotero):|www\.)[^\s<>\"'`]*",
    re.IGNORECASE,
)
# Dataview's own rule: a key of letters, digits, "_", "-", "/" and spaces, wrapped in any
# emphasis, at the start of a line (after list, task and quote markers).
_LINE_FIELD = re.compile(
    r"^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?:\[.\][ \t]+)?"
    r"[*_~=`]*\w[\w \t/-]*?[*_~=`]*[ \t]*::",
    re.MULTILINE,
)
_INLINE_FIELD_OPEN = re.compile(r"[\[(][^\[\]()\n:]*?[^\s\[\]()\n:]::")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*?(/?)>")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
# A wikilink, or "[[" never closed on its line (a link being typed): in a table an
# unescaped "|" splits a link over two cells, and neither half may be linked into.
_WIKILINK = re.compile(r"\[\[[^\n]*?(?:\]\]|$)", re.MULTILINE)
# "[text](target)" whatever the target holds: "(a note name)" with spaces is no CommonMark
# link, but Obsidian and its users read it as one
_MARKDOWN_LINK = re.compile(r"\[[^\[\]\n]*\]\([^()\n]*\)")
_MAX_DEPTH = 64
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")


def _code_zones(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks (to their closing fence, else the end) and inline code spans."""
    zones: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    fence: str | None = None
    fence_start = 0
    while pos < n:
        end = text.find("\n", pos)
        end = n if end < 0 else end + 1
        line = text[pos:end]
        m = _FENCE.match(line)
        if fence is not None:
            closes = m is not None and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence)
            if closes and m is not None and not line[m.end() :].strip():
                zones.append((fence_start, end))
                fence = None
        elif m and not (m.group(1)[0] == "`" and "`" in line[m.end() :]):
            fence, fence_start = m.group(1), pos
        pos = end
    if fence is not None:
        zones.append((fence_start, n))
    zones.extend(_inline_code(text, zones))
    return _merge(zones)


def _inline_code(text: str, fences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Backtick code spans: a run of N backticks to the next run of exactly N, within its
    paragraph (CommonMark lets a span run over lines, but not past a blank line)."""
    out: list[tuple[int, int]] = []
    fence_at = _Zones(fences)
    runs = [m for m in _TICKS.finditer(text) if not fence_at.inside(m.start())]
    breaks = [m.start() for m in _BLANK_LINE.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for i, m in enumerate(runs):
        by_length.setdefault(len(m.group()), []).append(i)
    i = 0
    while i < len(runs):
        m = runs[i]
        size = len(m.group())
        para_end = _next_after(breaks, m.start())
        same = by_length[size]
        k = bisect.bisect_right(same, i)
        if k < len(same) and runs[same[k]].start() < para_end:
            close = runs[same[k]]
            out.append((m.start(), close.end()))
            i = same[k] + 1
        else:
            i += 1
    return out


def _next_after(sorted_positions: list[int], pos: int) -> int:
    k = bisect.bisect_right(sorted_positions, pos)
    return sorted_positions[k] if k < len(sorted_positions) else 1 << 62


def _paired(text: str, opener: str, closer: str, code: _Zones) -> list[tuple[int, int]]:
    """``opener … closer`` outside code, unclosed to the end of the note."""
    out: list[tuple[int, int]] = []
    pos = 0
    while True:
        start = text.find(opener, pos)
        if start < 0:
            return out
        if code.inside(start):
            pos = start + 1
            continue
        close = text.find(closer, start + len(opener))
        while close >= 0 and code.inside(close):
            close = text.find(closer, close + 1)
        end = len(text) if close < 0 else close + len(closer)
        out.append((start, end))
        pos = end


def _comments(text: str, code: _Zones) -> list[tuple[int, int]]:
    """``%% … %%`` (Obsidian) and ``<!-- … -->`` (HTML), whichever opens first wins."""
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    a = b = -2  # the next "%%" and "<!--" at or after pos (-1: none left)
    while pos < n:
        if -1 < a < pos or a == -2:
            a = text.find("%%", pos)
        if -1 < b < pos or b == -2:
            b = text.find("<!--", pos)
        if a < 0 and b < 0:
            break
        if b < 0 or (0 <= a < b):
            start, closer, width = a, "%%", 2
        else:
            start, closer, width = b, "-->", 4
        if code.inside(start):
            pos = start + 1
            continue
        close = text.find(closer, start + width)
        while close >= 0 and code.inside(close):
            close = text.find(closer, close + 1)
        end = n if close < 0 else close + len(closer)
        out.append((start, end))
        pos = end
    return out


def _html(text: str, skip: _Zones) -> list[tuple[int, int]]:
    """Each tag, each element from its start tag to its end tag; an element never closed is
    protected to the end of its paragraph."""
    out: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    breaks = [m.start() for m in _BLANK_LINE.finditer(text)]
    for m in _TAG.finditer(text):
        if skip.inside(m.start()):
            continue
        closing, name, selfclosing = m.group(1), m.group(2).lower(), m.group(3)
        out.append((m.start(), m.end()))
        if closing:
            # look a bounded way down the stack: stray end tags cannot make this quadratic
            for i in range(len(stack) - 1, max(-1, len(stack) - 1 - _MAX_DEPTH), -1):
                if stack[i][0] == name:
                    out.append((stack[i][1], m.end()))
                    for _, start in stack[i + 1 :]:
                        out.append((start, min(_next_after(breaks, start), len(text))))
                    del stack[i:]
                    break
        elif not selfclosing and name not in _VOID:
            stack.append((name, m.start()))
    for _, start in stack:
        out.append((start, min(_next_after(breaks, start), len(text))))
    return out


def _inline_fields(text: str) -> list[tuple[int, int]]:
    """``[key:: value]`` and ``(key:: value)`` to the bracket that closes them."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _INLINE_FIELD_OPEN.finditer(text):
        if m.start() < pos:
            continue
        opener = text[m.start()]
        closer = "]" if opener == "[" else ")"
        depth = 0
        i = m.start()
        end = -1
        limit = text.find("\n", i)
        limit = len(text) if limit < 0 else limit
        while i < limit:
            ch = text[i]
            if ch == opener:
                depth += 1
            elif ch == closer:
                depth -= 1
                if depth == 0:
                    end = i + 1
                    break
            i += 1
        end = limit if end < 0 else end
        out.append((m.start(), end))
        pos = end
    return out


def _line_fields(text: str) -> list[tuple[int, int]]:
    """Whole lines that are Dataview fields: ``key:: value`` with the key in any markup."""
    out = []
    for m in _LINE_FIELD.finditer(text):
        end = text.find("\n", m.end())
        out.append((m.start(), len(text) if end < 0 else end))
    return out


def _merge(zones: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(zones):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


class _Zones:
    """Merged, sorted intervals answering "does [start, end) touch one?" in O(log n)."""

    def __init__(self, zones: list[tuple[int, int]]) -> None:
        self.zones = _merge(zones)
        self.starts = [s for s, _ in self.zones]

    def inside(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.zones[k][1]

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self.starts, end - 1) - 1
        return k >= 0 and self.zones[k][1] > start


class ProtectedZones(_Zones):
    """Every zone of a note the linker must not write into."""

    def __init__(self, text: str) -> None:
        code = _Zones(_code_zones(text))
        comments = _comments(text, code)
        skip = _Zones(code.zones + comments)
        templater = [z for z in _paired(text, "<%", "%>", code) if not skip.inside(z[0])]
        zones = [*code.zones, *comments, *templater]
        zones.extend(_html(text, _Zones(zones)))
        zones.extend(m.span() for m in _URL.finditer(text))
        zones.extend(m.span() for m in _WIKILINK.finditer(text) if not skip.inside(m.start()))
        zones.extend(m.span() for m in _MARKDOWN_LINK.finditer(text))
        zones.extend(_inline_fields(text))
        zones.extend(_line_fields(text))
        super().__init__(zones)
