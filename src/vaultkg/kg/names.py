"""Find names of entities in plain text: whole words, longest first, plurals too.

Shared by claim extraction (unlinked mentions count as mentions) and by the linker (which
turns them into links). Short upper-case abbreviations (``D2``, ``NET``, ``DAT``) match only
as written, so "net effect" is not the norepinephrine transporter.

Names are matched word by word through a dictionary keyed on their first word, so the cost
grows with the length of the text, not with the number of names (a vault of 10,000 notes has
thousands of them).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

# A name this short with a capital in it is an abbreviation: match its case exactly.
SHORT_NAME = 4

_WORD = re.compile(r"\w+")


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


class _Node:
    """A word in a trie of names: children by (gap before the word, word)."""

    __slots__ = ("children", "entities", "name")

    def __init__(self) -> None:
        self.children: dict[tuple[str, str], _Node] = {}
        self.name: str | None = None  # set where a name ends
        self.entities: tuple[str, ...] = ()


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _gap(text: str) -> str:
    """Spaces and hyphens between words are interchangeable ("mu-opioid", "mu opioid")."""
    return " ".join(text.replace("-", " ").split()) or " "


def _hyphenated(text: str, end: int) -> bool:
    return end + 1 < len(text) and text[end] == "-" and text[end + 1].isalnum()


def is_case_sensitive(name: str) -> bool:
    return len(name) <= SHORT_NAME and any(c.isupper() for c in name)


def _singulars(word: str) -> list[str]:
    """The word itself and what it may be the plural of."""
    out = [word]
    if len(word) > 2 and word[-1] in "sS":
        out.append(word[:-1])
        if len(word) > 3 and word[-2:] in ("es", "ES"):
            out.append(word[:-2])
        if len(word) > 4 and word[-3:] in ("ies", "IES"):
            out.append(word[:-3] + ("y" if word[-1] == "s" else "Y"))
    return out


class NameMatcher:
    """Matches many names at once, word by word through a trie."""

    def __init__(self, names: Iterable[tuple[str, str]], min_length: int = 2) -> None:
        """``names``: (name, entity key) pairs; one name may belong to several entities."""
        owners: dict[tuple[str, bool], set[str]] = defaultdict(set)
        for name, key in names:
            name = " ".join(_norm(name).split())
            if len(name) < min_length or not _WORD.search(name):
                continue
            exact = is_case_sensitive(name)
            owners[(name if exact else name.casefold(), exact)].add(key)
        # abbreviations match as written; every other name in lower case
        self._exact = _Node()
        self._folded = _Node()
        for (name, exact), keys in sorted(owners.items()):
            words = list(_WORD.finditer(name))
            if words[0].start() != 0 or words[-1].end() != len(name):
                continue  # a name that starts or ends in punctuation cannot be a whole word
            node = self._exact if exact else self._folded
            gap = ""
            for k, w in enumerate(words):
                if k:
                    gap = _gap(name[words[k - 1].end() : w.start()])
                node = node.children.setdefault((gap, w.group(0)), _Node())
            node.name = name
            node.entities = tuple(sorted(keys))

    def __bool__(self) -> bool:
        return bool(self._exact.children or self._folded.children)

    @staticmethod
    def _walk(
        root: _Node,
        text: str,
        words: list[re.Match[str]],
        i: int,
        fold: bool,
    ) -> tuple[int, _Node] | None:
        """The longest name in ``root`` starting at word ``i``: (end offset, its node)."""
        best: tuple[int, _Node] | None = None
        node = root
        gap = ""
        for k in range(i, len(words)):
            w = words[k].group(0)
            if fold:
                w = w.casefold()
            if k > i:
                gap = _gap(text[words[k - 1].end() : words[k].start()])
            # the last word of a name may be in the plural ("D2s", "receptors")
            for singular in _singulars(w)[1:]:
                child = node.children.get((gap, singular))
                if (
                    child is not None
                    and child.name is not None
                    and (not best or words[k].end() > best[0])
                ):
                    best = (words[k].end(), child)
            nxt = node.children.get((gap, w))
            if nxt is None:
                break
            node = nxt
            if node.name is not None:
                best = (words[k].end(), node)
        return best

    def find(self, text: str) -> list[NameMatch]:
        """Non-overlapping matches in ``text``, the longest winning where two overlap."""
        text = _norm(text)
        words = list(_WORD.finditer(text))
        out: list[NameMatch] = []
        for i, first in enumerate(words):
            start = first.start()
            if out and start < out[-1].end:
                continue
            if start > 0 and text[start - 1] == "-":
                continue
            best = None
            for root, fold in ((self._folded, True), (self._exact, False)):
                hit = self._walk(root, text, words, i, fold)
                if hit is not None and _hyphenated(text, hit[0]):
                    hit = None  # part of a longer word ("dopamine-like") is not a mention
                if hit is not None and (best is None or hit[0] > best[0]):
                    best = hit
            if best is not None:
                end, node = best
                assert node.name is not None
                out.append(NameMatch(start, end, text[start:end], node.name, node.entities))
        return out
