"""Names that deserve a note: unresolved link targets and capitalised terms without a note."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..constants import BROKEN
from ..kg.names import NameMatcher
from ..model import Note

# One to four capitalised words ("Food and Drug Administration" is caught as its parts), or
# an acronym with digits ("LD50", "MAPS").
_TERM = re.compile(
    r"(?<![\w\-])((?:[A-Z][\w\-]*[A-Za-z0-9])(?:\s+(?:[A-Z][\w\-]*[A-Za-z0-9])){0,3})(?![\w\-])"
)
_SENTENCE_END = re.compile(r"[.!?:;\"“”(]\s*$")
# Capitalised words that are not names.
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "he",
        "her",
        "his",
        "how",
        "i",
        "if",
        "in",
        "is",
        "it",
        "its",
        "my",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "she",
        "so",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "we",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "with",
        "you",
        "your",
        "also",
        "after",
        "before",
        "both",
        "each",
        "every",
        "many",
        "most",
        "some",
        "such",
        "one",
        "two",
        "three",
        "first",
        "second",
        "third",
        "however",
        "according",
    ]
)


@dataclass(slots=True, frozen=True)
class Suggestion:
    name: str
    mentions: int
    notes: int
    source: str  # "unresolved link" or "capitalised term"


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[:start]
    return not before.strip() or bool(_SENTENCE_END.search(before))


def _part_of_name(term: str, names: list[str]) -> bool:
    """True when the term is a run of words inside a known name ("Cannabinoid CB1")."""
    key = f" {term.casefold()} "
    return any(key in n for n in names)


def suggest_notes(notes: dict[str, Note], min_count: int = 2) -> list[Suggestion]:
    """Ranked by mentions, then by the number of notes mentioning the name."""
    known = NameMatcher(
        [(n, p) for p, note in notes.items() for n in note.names if isinstance(n, str)],
        min_length=1,
    )
    names = [
        f" {' '.join(n.split()).casefold()} "
        for note in notes.values()
        for n in note.names
        if isinstance(n, str)
    ]
    counts: Counter[tuple[str, str]] = Counter()
    where: dict[tuple[str, str], set[str]] = defaultdict(set)
    spelling: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)

    def add(name: str, source: str, path: str) -> None:
        words = name.split()
        if len(words[-1]) > 2 and words[-1].endswith("s") and words[-1][:-1].isupper():
            words[-1] = words[-1][:-1]  # "SSRIs" counts as "SSRI"
        key = (" ".join(words).casefold(), source)
        counts[key] += 1
        where[key].add(path)
        spelling[key][" ".join(name.split())] += 1

    for path, note in notes.items():
        for link in note.links:
            if link.status == BROKEN and link.kind == "wikilink" and not link.embed:
                name = link.target.rsplit("/", 1)[-1]
                if name and "." not in name[-5:]:
                    add(name, "unresolved link", path)
        for span in note.prose:
            piece = note.text[span.start : span.end]
            for m in _TERM.finditer(piece):
                term = m.group(1)
                words = term.split()
                while words and words[0].casefold() in STOPWORDS:
                    words.pop(0)
                if not words:
                    continue
                term = " ".join(words)
                single = len(words) == 1
                lead = m.start() + m.group(1).find(words[0])
                if single and _at_sentence_start(piece, lead) and not term.isupper():
                    continue  # "Caffeine is ..." says nothing about the word being a name
                if any(h.start == 0 and h.end == len(term) for h in known.find(term)):
                    continue
                if not single and _part_of_name(term, names):
                    continue
                add(term, "capitalised term", path)
    out = [
        Suggestion(spelling[key].most_common(1)[0][0], n, len(where[key]), key[1])
        for key, n in counts.items()
        if n >= min_count
    ]
    out.sort(key=lambda s: (-s.mentions, -s.notes, s.name.casefold()))
    return out
