"""Split prose into sentences, careful about the abbreviations study notes are full of."""

from __future__ import annotations

import re

# Lower-cased words that end in a full stop without ending the sentence.
_ABBREVIATIONS_TEXT = """
e.g i.e et al etc vs cf ca approx fig figs eq eqs no nos vol vols pp p ch sect ref refs
ed eds dr mr mrs ms prof st jr sr inc ltd co resp viz incl excl min max avg est dept
univ jan feb mar apr jun jul aug sep sept oct nov dec mol wt conc i.v i.p s.c
"""
ABBREVIATIONS = frozenset(_ABBREVIATIONS_TEXT.split())

# Only at the start of a run of end marks, and possessive: a run of 20,000 dots was tried
# from each of its dots (quadratic, 9 s); now it is read once.
_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’)\]]*+(?=\s)")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the '.' at ``dot`` closes an abbreviation or an initial rather than a sentence."""
    start = dot
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "([":
        start -= 1
    word = text[start:dot].lower()
    if word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS:
        return True
    # "J. Smith", "Hyman S.E. and": single capitals (with or without dots) are initials
    return len(word.replace(".", "")) == 1 and text[start].isupper()


def split(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of ``text``, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        nxt = end
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        if nxt >= len(text):
            break
        follower = text[nxt]
        if follower.islower():
            continue
        if (
            text[m.start()] == "."
            and m.end() - m.start() == 1
            and _is_abbreviation(text, m.start())
        ):
            continue
        spans.append((start, end))
        start = nxt
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
