"""Drug → target relations stated in a sentence of prose.

The sentence comes with its entity mentions already found (links and unlinked names). Action
phrases ("is an antagonist at", "blocks", "downregulates") join a drug to the targets in the
same clause: the drug before the phrase (or after "by" in the passive) and the targets after
it, or between the drug and the phrase ("an adenosine A1/A2A antagonist").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from .entities import TARGET_TYPES

_PHRASES: tuple[tuple[str, str], ...] = (
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
        r"reuptake[\s-]+inhibit\w*|inhibit\w*\s+(?:the\s+)?(?:re)?uptake|"
        r"block\w*\s+(?:the\s+)?(?:re)?uptake|reuptake[\s-]+block\w*",
        "inhibitor",
    ),
    (r"inhibit\w*", "inhibitor"),
    (
        r"releasing[\s-]+agents?|releasers?|releases\b|revers(?:es|ing|al\s+of)\b|efflux",
        "releasing agent",
    ),
    (r"substrates?\b", "substrate"),
    (r"down[\s-]?regulat\w*", "downregulates"),
    (r"up[\s-]?regulat\w*", "upregulates"),
    (r"desensiti[sz]\w*", "desensitizes"),
    (r"block\w*", "block"),
    (r"activat(?:es|ed|ing|ion\s+of)\b", "agonist"),
    (r"opens\b|openers?\b", "opener"),
    (r"binds?\b|binding\s+(?:to|at)\b|bound\s+(?:to|by)\b", "binds"),
)
_PHRASE = re.compile("|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(_PHRASES)), re.IGNORECASE)
_NEGATION = re.compile(
    r"\b(?:not|no|never|neither|nor|without|cannot|fails?\s+to|lacks?|rather\s+than)\b|n't\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r";|:\s|,\s*(?:whereas|while|but|although|though|unlike)\b|"
    r"\s(?:whereas|but|although|though|while)\s|\b(?:which|whose|that\s+(?:in\s+turn|then))\b",
    re.IGNORECASE,
)
_COMPARISON = re.compile(
    r"\b(?:like|as\s+if|similar\s+to|resembl\w*)\s+(?:an?\s+)?(?:\w+\s+)?$", re.IGNORECASE
)
_BY = re.compile(r"\b(?:by|in|after|with|from|following)\b", re.IGNORECASE)


@dataclass(slots=True, frozen=True)
class Mention:
    """An entity named in the text; ``key == ""`` marks other link text, which is masked."""

    start: int
    end: int
    key: str
    type: str


@dataclass(slots=True, frozen=True)
class Found:
    subject: str
    action: str
    object: str
    negated: bool


def _clauses(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _CLAUSE_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _action_for(phrase: str, target_type: str, clause: str) -> str | None:
    """Turn a phrase's action into the action on a target of a given type."""
    if phrase == "block":
        if target_type in ("transporter", "enzyme"):
            return "inhibitor"
        return "channel blocker" if re.search(r"channel|pore", clause, re.I) else "antagonist"
    if phrase == "inhibitor" and target_type == "receptor":
        return "antagonist"
    if phrase == "releasing agent" and target_type != "transporter":
        return None
    return phrase


def extract(
    text: str,
    mentions: list[Mention],
    default_subject: str | None = None,
    default_object: str | None = None,
    carriers: Mapping[str, str] | None = None,
) -> list[Found]:
    """Relations stated in ``text``; negated ones are returned with ``negated=True``.

    ``default_subject``: the drug a drug's own note (or the parent list item, or the heading
    above) talks about ("It blocks D2 receptors"). ``default_object``: likewise the target a
    target's own note or the parent item talks about. ``carriers``: neurotransmitter entity key
    → the transporter that carries it, so "inhibits reuptake of serotonin" names SERT.
    """
    out: list[Found] = []
    seen: set[tuple[str, str, str]] = set()
    for c_start, c_end in _clauses(text):
        clause = text[c_start:c_end]
        masked = [m for m in mentions if c_start <= m.start and m.end <= c_end]
        inside = [m for m in masked if m.key]
        targets = [m for m in inside if m.type in TARGET_TYPES]
        if not targets:
            continue
        drugs = [m for m in inside if m.type == "drug"]
        agents = [m for m in inside if m.type in ("drug", "neurotransmitter")]
        phrases = []
        for m in _PHRASE.finditer(text, c_start, c_end):
            # a phrase inside an entity's name ("GABA-A receptor blocker" is fine; the word
            # "agonist" in a note title is not a phrase)
            if any(x.start <= m.start() < x.end for x in masked):
                continue
            if _COMPARISON.search(text, c_start, m.start()):
                continue  # "behaves like a weak blocker" compares, it does not state
            name = _PHRASES[int(m.lastgroup[1:])][1]  # type: ignore[index]
            phrases.append((m.start(), m.end(), name))
        for i, (p_start, p_end, phrase) in enumerate(phrases):
            prev_end = phrases[i - 1][1] if i else c_start
            next_start = phrases[i + 1][0] if i + 1 < len(phrases) else c_end
            before = [d for d in drugs if d.end <= p_start]
            after = [d for d in drugs if d.start >= p_end and d.start < next_start]
            subject: Mention | None = None
            passive = False
            by = _BY.search(text, p_end, next_start)
            if (
                by
                and after
                and any(d.start >= by.end() for d in after)
                and (
                    not before
                    or text[p_end : by.start()].strip() == ""
                    or re.match(r"\s*(?:of\b|at\b)", text[p_end : by.start()]) is None
                )
            ):
                # "… are blocked by haloperidol", "downregulation of D2 in cocaine users"
                cand = [d for d in after if d.start >= by.end()]
                if not before or p_start - (before[-1].end) > 60:
                    subject, passive = cand[0], True
            if subject is None and before:
                subject = before[-1]
            if subject is None and after:
                subject, passive = after[0], True
            subject_key = subject.key if subject else None
            if subject_key is None:
                if default_subject and not [a for a in agents if a.end <= p_start]:
                    subject_key = default_subject
                else:
                    continue
            # the targets right after the phrase, up to the next other entity named
            # ("releases dopamine via DAT": a transmitter between does not stop the list)
            carries = phrase in ("releasing agent", "inhibitor", "substrate")
            stop = next(
                (
                    x.start
                    for x in inside
                    if x.start >= p_end
                    and x is not subject
                    and x.type not in TARGET_TYPES
                    and not (carries and x.type == "neurotransmitter")
                ),
                next_start,
            )
            window_after = [t for t in targets if p_end <= t.start < min(stop, next_start)]
            lower = subject.end if subject is not None and subject.end <= p_start else prev_end
            window_before = [
                t for t in targets if max(lower, prev_end) <= t.start and t.end <= p_start
            ]
            objects = window_after or window_before
            if passive and not window_after:
                objects = [t for t in targets if t.end <= p_start]
            if not objects:
                continue
            neg_start = min(subject.end if subject and subject.end <= p_start else p_start, p_start)
            neg_start = max(neg_start, prev_end if i else c_start)
            negated = bool(_NEGATION.search(text, neg_start, p_start)) or bool(
                re.match(r"\s*(?:not|no)\b", text[p_end : p_end + 6], re.I)
            )
            for obj in objects:
                action = _action_for(phrase, obj.type, clause)
                if action is None or obj.key == subject_key:
                    continue
                key = (subject_key, action, obj.key)
                if key in seen:
                    continue
                seen.add(key)
                out.append(Found(subject_key, action, obj.key, negated))
    return out
