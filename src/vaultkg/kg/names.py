"""Find names of entities in plain text: whole words, longest first, plurals too.

Shared by claim extraction (unlinked mentions count as mentions) and by the linker (which
turns them into links). Short upper-case abbreviations (``D2``, ``NET``, ``DAT``) match only
as written, so "net effect" is not the norepinephrine transporter.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

# A name this short with a capital in it is an abbreviation: match its case exactly.
SHORT_NAME = 4


@dataclass(slots=True, frozen=True)
class NameMatch:
    start: int
    end: int
    text: str  # as written in the text
    name: str  # the name it matched
    entities: tuple[str, ...]  # entity keys (note paths) sharing that name; >1 = ambiguous

    @property
    def entity(self) -> str | None:
        return self.entities[0] if len(self.entities) == 1 else None


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def is_case_sensitive(name: str) -> bool:
    return len(name) <= SHORT_NAME and any(c.isupper() for c in name)


def _plural_pattern(name: str) -> str:
    escaped = re.escape(name)
    last = name[-1:]
    if last.isalpha():
        if last.lower() == "y" and len(name) > 3:
            return f"(?:{escaped}|{re.escape(name[:-1])}ies)"
        return f"{escaped}(?:s|es)?"
    if last.isdigit() or last.isupper():
        return f"{escaped}(?:s)?"  # "D2s", "A2As"
    return escaped


class NameMatcher:
    """Matches many names at once with one compiled regular expression per case mode."""

    def __init__(self, names: Iterable[tuple[str, str]], min_length: int = 2) -> None:
        """``names``: (name, entity key) pairs; one name may belong to several entities."""
        owners: dict[str, set[str]] = defaultdict(set)
        exact_owners: dict[str, set[str]] = defaultdict(set)
        for name, key in names:
            name = " ".join(_norm(name).split())
            if len(name) < min_length:
                continue
            if is_case_sensitive(name):
                exact_owners[name].add(key)
            else:
                owners[name.casefold()].add(key)
        self._owners = {k: tuple(sorted(v)) for k, v in owners.items()}
        self._exact_owners = {k: tuple(sorted(v)) for k, v in exact_owners.items()}
        self._insensitive = self._compile(self._owners, re.IGNORECASE)
        self._sensitive = self._compile(self._exact_owners, 0)

    @staticmethod
    def _compile(names: dict[str, tuple[str, ...]], flags: int) -> re.Pattern[str] | None:
        if not names:
            return None
        ordered = sorted(names, key=lambda n: (-len(n), n))
        parts = []
        for n in ordered:
            # spaces in a name match any run of spaces in the text
            pattern = _plural_pattern(n).replace(r"\ ", r"\s+")
            parts.append(pattern)
        return re.compile(r"(?<![\w\-])(?:" + "|".join(parts) + r")(?![\w])", flags)

    def __bool__(self) -> bool:
        return bool(self._owners or self._exact_owners)

    def _lookup(self, found: str, exact: bool) -> tuple[str, tuple[str, ...]] | None:
        found = " ".join(found.split())
        table = self._exact_owners if exact else self._owners
        key = found if exact else found.casefold()
        candidates = [key]
        for suffix in ("es", "s"):
            if key.endswith(suffix):
                candidates.append(key[: -len(suffix)])
        if key.endswith("ies"):
            candidates.append(key[:-3] + "y")
        for c in candidates:
            if c in table:
                return c, table[c]
        return None

    def find(self, text: str) -> list[NameMatch]:
        """Non-overlapping matches in ``text``, the longest winning where two overlap."""
        text = _norm(text)
        found: list[NameMatch] = []
        for pattern, exact in ((self._insensitive, False), (self._sensitive, True)):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                hit = self._lookup(m.group(0), exact)
                if hit:
                    found.append(NameMatch(m.start(), m.end(), m.group(0), hit[0], hit[1]))
        if not found:
            return []
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        out: list[NameMatch] = []
        for m in found:
            if out and m.start < out[-1].end:
                if (m.end - m.start) > (out[-1].end - out[-1].start):
                    out[-1] = m
                continue
            out.append(m)
        return out
