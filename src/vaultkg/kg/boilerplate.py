"""Template text: a line pasted into many notes by a note template is not a claim of each.

A sentence whose words (case, spacing and punctuation aside) stand in at least ``MIN_NOTES``
different notes is template boilerplate ("Status: review this note after the lecture",
"Write your summary below") when it is long enough not to repeat by chance (``LONG_WORDS``),
or when it stands on the same line in that many notes, as a template puts it. One vault-wide
pass finds them before claims are extracted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Diagnostic, Note, Sentence

# A sentence repeated word for word in this many notes is a template's, not the author's:
# people rephrase what they write themselves, and a template pastes the same line each time.
MIN_NOTES = 5
MIN_WORDS = 3  # "Side effects", "Summary": short labels repeat by nature, not by template
LONG_WORDS = 6  # "Nausea and vomiting" recurs in many notes by itself; six words seldom do


@dataclass(slots=True)
class TemplateText:
    text: str  # as first written
    notes: int  # how many notes hold it
    path: str  # where it is first found
    line: int
    col: int


def normalise(text: str) -> str:
    """The words of a sentence, lower-cased: what makes two pastings the same text."""
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


def _words_outside_links(s: Sentence) -> str:
    text = s.text
    for display in dict.fromkeys(link.display for link in s.links):
        text = text.replace(display, " ")
    return normalise(text)


def find(notes: Iterable[Note], min_notes: int = MIN_NOTES) -> dict[str, TemplateText]:
    """Template sentences of a vault, by normalised text."""
    seen: dict[str, TemplateText] = {}
    holders: dict[str, dict[str, int]] = {}  # text -> note -> line
    for note in sorted(notes, key=lambda n: n.path):
        for block in note.blocks:
            for s in block.sentences:
                key = normalise(s.text)
                if len(_words_outside_links(s).split()) < MIN_WORDS:
                    continue  # a list of links, as in references, repeats by nature
                holders.setdefault(key, {}).setdefault(note.path, s.line)
                seen.setdefault(key, TemplateText(s.text, 0, note.path, s.line, s.col))
    found = {}
    for key, paths in holders.items():
        if len(paths) < min_notes:
            continue
        same_line = max(Counter(paths.values()).values())
        if len(key.split()) >= LONG_WORDS or same_line >= min_notes:
            found[key] = seen[key]
            found[key].notes = len(paths)
    return found


def diagnostics(found: dict[str, TemplateText]) -> list[Diagnostic]:
    """One ``template-text`` info per template sentence, at its first place."""
    out = []
    for t in found.values():
        shown = t.text if len(t.text) <= 60 else t.text[:59].rstrip() + "…"
        out.append(
            Diagnostic(
                t.path,
                t.line,
                t.col,
                "info",
                "template-text",
                f'"{shown}" stands in {t.notes} notes: read as template text, not as a claim '
                "of each note",
            )
        )
    return out
