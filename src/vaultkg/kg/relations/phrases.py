"""Action phrases ("blocks", "an antagonist", "inhibition", "metabolised by") and the grammatical
form each is written in, which decides where its drug and its targets are."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from .spans import Spans

Form = Literal["verb", "noun", "nominal", "passive"]

_LEXICON: tuple[tuple[str, str], ...] = (
    (
        r"positive[\s-]+allosteric[\s-]+modulat\w*|PAMs?\b|potentiat\w*",
        "positive allosteric modulator",
    ),
    (r"negative[\s-]+allosteric[\s-]+modulat\w*|NAMs?\b", "negative allosteric modulator"),
    (r"partial(?:ly)?[\s-]+agonis\w*", "partial agonist"),
    (r"inverse[\s-]+agonis\w*", "inverse agonist"),
    (r"antagoni[sz]\w*", "antagonist"),
    (r"agonis\w*", "agonist"),
    (
        r"(?:open[\s-]+)?channel[\s-]+block\w*|pore[\s-]+block\w*|"
        r"block\w*\s+(?:the\s+)?(?:ion\s+)?(?:channel|pore)\w*|plugs?\b",
        "channel blocker",
    ),
    (
        r"(?:re)?uptake[\s-]+(?:inhibit\w*|block\w*)|"
        r"(?:inhibit\w*|block\w*|prevent\w*)\s+(?:the\s+)?(?:re)?uptake\b",
        "reuptake",
    ),
    (r"inhibit\w*", "inhibitor"),
    (
        r"releasing[\s-]+agents?|releasers?|releases\b|revers(?:es|ing|al)\b|efflux\b",
        "releasing agent",
    ),
    (r"induc(?:es?|ing|ers?|tion|ed)\b", "inducer"),
    (r"substrates?\b", "substrate"),
    (
        r"metaboli[sz](?:es?|ed|ing)\b|metabolism\b|broken\s+down\b|breakdown\b|"
        r"(?:biotransform|hydroly[sz]|oxidi[sz]|demethylat|hydroxylat|glucuronidat|conjugat|"
        r"transport|efflux|convert|bioactivat|transform|clear|eliminat)ed\b|turned(?=\s+into\b)",
        "metabolism",
    ),
    (r"down[\s-]?regulat\w*", "downregulates"),
    (r"up[\s-]?regulat\w*", "upregulates"),
    (r"desensiti[sz]\w*", "desensitizes"),
    (r"block\w*", "block"),
    (r"activat(?:es?|ed|ing|ion|ors?)\b", "activate"),
    # "stimulates β1 receptors": agonism, said of a receptor only (see action_on)
    (r"stimulat(?:es?|ed|ing|ion)\b", "activate"),
    (r"opens\b|openers?\b|opening\b", "opener"),
    (
        r"binds?\b|binding\b|bound\b|(?:has|have|with)\s+(?:an?\s+)?(?:\w+\s+)?affinity\s+(?:for|at)\b",
        "binds",
    ),
)
_PHRASE = re.compile("|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(_LEXICON)), re.I)
_NOUN = re.compile(r"(?:\w*(?:ors?|ists?|ers?|agents?|ory|istic)|substrates?|pams?|nams?)", re.I)
_NOMINAL = re.compile(r"\w*(?:ions?|ades?|isms?|ment|efflux|metabolism|reversal|breakdown)", re.I)
_BY_NEXT = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:by|via|through)\b", re.I)
# "metabolised in the liver by", "cleared mainly renally via"
_BY_LATER = re.compile(r"\s+(?:[a-z]+\s+){0,4}?(?:by|via|through)\b", re.I)
_FUNCTION_WORDS = frozenset({"for", "at", "of", "to", "by", "the", "a", "an"})
_OF_NEXT = re.compile(r"\s+of\b", re.I)
# these do not state a relation on their own; they are affixes ("haloperidol-induced catalepsy")
_AFFIX = re.compile(r"induced|activated", re.I)
_COMPARISON = re.compile(
    r"\b(?:like|as\s+if|similar\s+to|resembl\w*)\s+(?:an?\s+)?(?:\w+\s+)?$", re.IGNORECASE
)
ADAPTATIONS = frozenset({"downregulates", "upregulates", "desensitizes"})


@dataclass(slots=True, frozen=True)
class Phrase:
    start: int
    end: int
    action: str  # the lexicon's action: "block", "reuptake", "metabolism", or an action name
    form: Form

    @property
    def carries(self) -> bool:
        """Whether a transmitter named with it stands for its transporter ("reuptake of 5-HT")."""
        return self.action in ("reuptake", "inhibitor", "block")


def _form(spans: Spans, m: re.Match[str], action: str) -> Form:
    words = [w for w in re.split(r"[\s-]+", m.group().lower()) if w not in _FUNCTION_WORDS]
    last, first = words[-1], words[0]
    if _NOUN.fullmatch(last):
        return "noun"
    if _NOMINAL.fullmatch(last) or (last == "binding" and _OF_NEXT.match(spans.text, m.end())):
        return "nominal"
    if action in ADAPTATIONS and first.endswith("ed"):
        return "passive"  # "D2 receptors are upregulated after chronic haloperidol"
    if first.endswith("ed") or first in ("broken", "bound"):
        by = (_BY_LATER if action == "metabolism" else _BY_NEXT).match(spans.text, m.end())
        if by and not spans.after(m.end(), by.end()):
            return "passive"
    return "verb"


def find_phrases(spans: Spans, lo: int, hi: int) -> Iterator[Phrase]:
    """The action phrases in ``text[lo:hi]`` that are not inside an entity's name and are not a
    comparison ("behaves like a weak blocker")."""
    text = spans.text
    pos = lo
    while True:
        m = _PHRASE.search(text, pos, hi)
        if m is None:
            return
        inside = spans.covers(m.start())
        if inside is not None:
            pos = max(inside.end, m.start() + 1)
            continue
        pos = m.end()
        if m.start() and text[m.start() - 1] == "-" and _AFFIX.match(m.group()):
            continue
        comparison = _COMPARISON.search(text, max(lo, m.start() - 60), m.start())
        if comparison and not spans.after(comparison.start(), m.start()):
            continue
        action = _LEXICON[int(m.lastgroup[1:])][1]  # type: ignore[index]
        yield Phrase(m.start(), m.end(), action, _form(spans, m, action))


def on_target(action: str, target_type: str, says_channel: bool) -> str | None:
    """The action a phrase states on a target of a given type, or None when it states none.
    ``says_channel``: the clause speaks of a channel or pore ("blocks the NMDA channel")."""
    receptor = target_type == "receptor"
    channel = target_type == "channel"
    carrier = target_type in ("transporter", "enzyme")
    if action in ("block", "inhibitor", "reuptake"):
        if carrier:
            return "inhibitor"
        if channel:
            return "channel blocker"
        if action == "block" and says_channel:
            return "channel blocker"
        return "antagonist" if receptor else None
    if action == "antagonist":
        return "antagonist" if receptor else "channel blocker" if channel else None
    if action in ("agonist", "partial agonist", "inverse agonist"):
        return action if receptor else None
    if action == "activate":
        return "agonist" if receptor else "opener" if channel else None
    if action in (
        "channel blocker",
        "opener",
        "positive allosteric modulator",
        "negative allosteric modulator",
    ):
        return action if receptor or channel else None
    if action == "releasing agent":
        return action if target_type == "transporter" else None
    if action in ("inducer", "substrate", "metabolism"):
        return ("substrate" if action == "metabolism" else action) if carrier else None
    return action  # binds, and the adaptations, on any target
