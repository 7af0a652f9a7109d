"""Flashcards in notes (the Spaced Repetition plugin's "Q::A", "Q;;A", "?" lines and cloze
deletions) and how a paragraph's lines group into statements."""

from __future__ import annotations

import re
from itertools import pairwise

from ..model import Sentence
from . import sentences

SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?])")

# flashcards (Spaced Repetition plugin): "Q::A", "Q:::A", "Q;;A", "Q;;;A" on one line, or
# question lines, a line of "?" or "??", answer lines; cloze deletions "{{c1::answer::hint}}"
_CARD_MARK = re.compile(r";;;?|:::?")
_CARD_LINE = re.compile(r"\?\??")
_CLOZE = re.compile(r"\{\{c\d+::([^{}]*?)(?:::[^{}]*)?\}\}")
# a line that ends like this runs on into the next one
_RUNS_ON = re.compile(
    r"(?:[,;(/&+\-–—]|\b(?:and|or|but|nor|the|a|an|of|to|in|on|at|by|for|from|with|as|than|"
    r"that|which|is|are|was|were|be|its|their|this|these|via|into|onto|whereas|while))$",
    re.IGNORECASE,
)


def tidy(text: str) -> str:
    return SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(_CLOZE.sub(r"\1", text).split()))


def card_separator(texts: list[str]) -> int | None:
    """The index of a multi-line card's "?" line, with question lines above and answer below."""
    for i, t in enumerate(texts[1:-1], start=1):
        if _CARD_LINE.fullmatch(t.strip()):
            return i
    return None


def statement_lines(texts: list[str]) -> list[tuple[int, int]] | None:
    """The lines of a paragraph grouped into statements, as (first, end) line indices, when
    its lines are statements of their own (soft line breaks, as in a Notion export or a block
    of flashcards) rather than prose wrapped across lines: every line after the first starts
    with a capital, a digit or a tag, and none runs on into the next. A line ending in a colon
    goes with the next ("Rx:" / "Oral steroids")."""
    lines = [_CLOZE.sub(r"\1", t).strip() for t in texts]
    if any(_CARD_MARK.search(t) for t in lines):
        return [(i, i + 1) for i in range(len(lines))]
    if len(lines) < 2 or not all(lines):
        return None
    groups = [(0, 1)]
    for i, (prev, nxt) in enumerate(pairwise(lines), start=1):
        if prev.endswith(":"):
            groups[-1] = (groups[-1][0], i + 1)
        elif (nxt[0].isupper() or nxt[0].isdigit() or nxt[0] == "#") and not _RUNS_ON.search(prev):
            groups.append((i, i + 1))
        else:
            return None
    return groups if len(groups) > 1 else None


def split_line(text: str) -> list[tuple[int, int]]:
    """Sentences of one line; a one-line flashcard stays whole."""
    if _CARD_MARK.search(_CLOZE.sub(r"\1", text)):
        stripped = text.strip()
        start = text.find(stripped)
        return [(start, start + len(stripped))] if stripped else []
    return sentences.split(text)


_WH = re.compile(r"^\W*(?:what|which|who|whom|whose|why|how|when|where)\b", re.IGNORECASE)
_ONLY_LINKS = re.compile(r"^\s*(?:!?\[\[[^\[\]]*\]\](?:[\s,;.]|and|or)*)+$")


def is_card_question(question: str, answer: str) -> bool:
    """Whether "question::answer" is a flashcard rather than a Dataview field "key:: value".

    A field's key is a short name ("half-life", "drug class"), and a field whose value is only
    links relates notes ("in contrast to:: [[Clozapine]]"); a card asks ("Which receptor does
    haloperidol block?", "What is …") or names a topic of three or more words ("Mechanism of
    haloperidol") and answers in words.
    """
    question = question.strip(" *_")
    if not answer.strip() or _ONLY_LINKS.match(answer):
        return False
    words = question.split()
    return (
        question.endswith("?") or len(words) >= 3 or (len(words) == 2 and bool(_WH.match(question)))
    )


def read_card(sent: Sentence) -> None:
    """Tidy a sentence's text; a one-line card "Q;;A" reads "Q — A"."""
    text = _CLOZE.sub(r"\1", sent.text)
    m = _CARD_MARK.search(text)
    if m and len(_CARD_MARK.findall(text)) == 1:
        question, answer = text[: m.start()].strip(), text[m.end() :].strip()
        words = answer
        for link in sent.links:
            words = words.replace(link.display, " ")
        # an answer of links only
        words = words if re.search(r"[^\W_]", re.sub(r"\b(?:and|or)\b", "", words)) else ""
        # "::" is also Dataview's ("**Topics**:: …" when markup hides it from the parser)
        dataview = m.group() == "::" and not is_card_question(question, words)
        if question and answer and not dataview:
            text, sent.card = f"{question} — {answer}", True
    sent.text = SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(text.split()))
