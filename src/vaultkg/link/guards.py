"""Checks made on the raw text, whatever the parser said: a mention is linked only if safe.

The parser's prose spans exclude code, math, links, tags and the like by construction. These
guards are a second line of defence for what a span cannot show: inline HTML elements and
Templater tags around the text, and neighbouring characters that would turn ``[[...]]`` into
something else (``![[`` is an embed, ``[[[`` a broken link, ``caffeine.md`` a file name).
Emphasis markers (``*``, ``_``, ``~~``, ``==``) are fine neighbours: ``**[[Caffeine]]**``.
"""

from __future__ import annotations

import bisect
import re

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*?(/?)>")
_TEMPLATER = re.compile(r"<%.*?(?:%>|$)")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_BAD_BEFORE = frozenset("[!\\/@.:#^&$`<")
_BAD_AFTER = frozenset("]/\\@`>$")
_BAD_AFTER_IF_WORD_FOLLOWS = frozenset(".:")


def unsafe_regions(line: str) -> list[tuple[int, int]]:
    """Stretches of one line inside inline HTML elements or Templater tags."""
    regions: list[tuple[int, int]] = [(m.start(), m.end()) for m in _TEMPLATER.finditer(line)]
    if "<" not in line:
        return regions
    stack: list[tuple[str, int]] = []
    for m in _TAG.finditer(line):
        closing, name, selfclosing = m.group(1), m.group(2).lower(), m.group(3)
        regions.append((m.start(), m.end()))
        if closing:
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    regions.append((stack[i][1], m.end()))
                    del stack[i:]
                    break
        elif not selfclosing and name not in _VOID:
            stack.append((name, m.start()))
    regions.extend((start, len(line)) for _, start in stack)  # never closed on this line
    return regions


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def safe_neighbours(text: str, start: int, end: int) -> bool:
    """True when link brackets around text[start:end] cannot merge with what is around."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    after2 = text[end + 1] if end + 1 < len(text) else ""
    if before and (_is_word(before) or before in _BAD_BEFORE):
        return False
    if after and (_is_word(after) or after in _BAD_AFTER):
        return False
    return not (after in _BAD_AFTER_IF_WORD_FOLLOWS and _is_word(after2))


class LineGuard:
    """Answers "is this stretch of the note safe to link?", each line's regions found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self._cache: dict[int, tuple[list[int], list[int]]] = {}

    def _line_regions(self, line_start: int) -> tuple[list[int], list[int]]:
        """The line's regions merged: (starts, ends), both sorted."""
        regions = self._cache.get(line_start)
        if regions is None:
            line_end = self.text.find("\n", line_start)
            line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
            merged: list[list[int]] = []
            for s, e in sorted(unsafe_regions(line)):
                if merged and s <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], e)
                else:
                    merged.append([s, e])
            regions = ([line_start + s for s, _ in merged], [line_start + e for _, e in merged])
            self._cache[line_start] = regions
        return regions

    def safe(self, start: int, end: int) -> bool:
        if "\n" in self.text[start:end] or "\r" in self.text[start:end]:
            return False
        if not safe_neighbours(self.text, start, end):
            return False
        line_start = self._line_starts[bisect.bisect_right(self._line_starts, start) - 1]
        starts, ends = self._line_regions(line_start)
        k = bisect.bisect_right(starts, end - 1) - 1
        return k < 0 or ends[k] <= start
