"""How a flashcard is read for relations: the answer in the question's context.

A card is kept as one sentence "Question — Answer". Its relation is seldom stated in that
order, so the reader tries a few plain rewordings, most specific first, and keeps the first
that states anything. The drug (the target) the question names alone is the default subject
(object) of each reading (``NoteClaims``):

- an answer that states something itself is read alone: "What does tramadol do besides weak
  mu agonism? — It inhibits the reuptake of serotonin" reads "It inhibits …" of tramadol;
- a question asked with a wh-word is turned into the statement it asks for:
  "What does caffeine block? — A1 receptors" reads "caffeine block A1 receptors", and a
  clause after a comma stays after the answer: "Which enzyme do fluoxetine and paroxetine
  inhibit, making codeine weaker? — CYP2D6" reads "fluoxetine and paroxetine inhibit CYP2D6,
  making codeine weaker";
- a "which/what <noun>" inside the question is replaced by the answer: "Fentanyl is cleared by
  which enzyme? — CYP3A4" reads "Fentanyl is cleared by CYP3A4"; a drug that needs an enzyme
  to become another is converted by it ("Codeine needs which enzyme to become morphine?");
- a card as written: "Mechanism of haloperidol — antagonist at D2 receptors";
- an answer that names a role for a drug placed at a target in the question:
  "Haloperidol at D2 receptors — antagonist" reads "Haloperidol is antagonist at D2 receptors";
- an answer that names a target and the drug's role there reads "role at target": "Morphine
  acts at — the mu opioid receptor, as a full agonist" reads "full agonist at the mu opioid
  receptor";
- a question that is only a name is the subject of its answer: "Naloxone — competitive
  antagonist at MOR" reads "Naloxone is competitive antagonist at MOR".
"""

from __future__ import annotations

import re

from .statements import has_predicate

SEPARATOR = " — "
# "What does", "Which receptor does", "How do", "What is" ... up to the subject of the question
_WH = re.compile(
    r"^\s*(?:what|which|who|how)(?:\s+[\w-]+)?\s+(?:does|do|did|is|are|was|were|can|will)\s+",
    re.IGNORECASE,
)
# "which enzyme", "what receptor" inside a question: where its answer goes
_WHICH = re.compile(r"\b(?:which|what)\s+[\w-]+", re.IGNORECASE)
# "needs CYP2D6 to become morphine": a prodrug converted by the enzyme
_NEEDS = re.compile(
    r"\b(?:needs?|requires?)\s+(\S.{0,60}?)\s+to\s+(?:become|form|yield|be\s+activated)\b", re.I
)
# an answer "the μ-opioid receptor, as a full agonist": the role the drug has there
_AS_ROLE = re.compile(
    r"^(?P<target>[^,;]+?),?\s+as\s+(?:an?\s+)?(?P<role>\w[\w-]*(?:\s[\w-]+){0,3})\W*$", re.I
)
# the drug's place in a role question: "X at T", "X on T", "X's action at T"
_PLACE = re.compile(r"\s(?:at|on)\s", re.IGNORECASE)


def readings(text: str) -> list[str]:
    """Rewordings of a card "Q — A" to read relations from, in the order to try them."""
    question, sep, answer = text.partition(SEPARATOR)
    if not sep:
        return [text]
    question = question.strip().rstrip("?").strip()
    answer = answer.strip()
    out = []
    if has_predicate(answer):
        out.append(answer)  # the answer states the fact itself
    role = _AS_ROLE.match(answer)
    if role:
        out.append(f"{role['role']} at {role['target']}")
    wh = _WH.match(question)
    if wh:
        head, comma, tail = question[wh.end() :].partition(",")
        out.append(f"{head.strip()} {answer}{comma}{tail}")
    which = None if wh else _WHICH.search(question)
    if which and which.start() > 0:
        asked = f"{question[: which.start()]}{answer}{question[which.end() :]}"
        out.append(_NEEDS.sub(r"is converted by \1 into", asked))
    out.append(text)
    place = _PLACE.search(question)
    if place and not wh:
        out.append(f"{question[: place.start()]} is {answer}{question[place.start() :]}")
    if not wh and not which and not has_predicate(question):
        out.append(f"{question} is {answer}")
    return list(dict.fromkeys(out))


# "μ-opioid receptor: partial agonist, so …": a label, then what the drug is there
_LABEL = re.compile(r"^\W{0,4}(?P<label>\w[^:]{1,59}?)\W{0,4}:\s+(?P<value>\w.*)$")
# where the role named first in a value ends: "partial agonist, so …", "antagonist (weak)"
_ROLE_END = re.compile(r"[,;(]|\s[-–—]\s|\s(?:so|but|which|because|and|with)\s", re.I)


def label_reading(text: str) -> tuple[str, str] | None:
    """A line "Label: value" under a drug, read like a card whose question is the label:
    (the label, "role at label"); "μ-opioid receptor: partial agonist, so …" reads "partial
    agonist at μ-opioid receptor". A label that states something is no question."""
    m = _LABEL.match(text)
    if m is None or has_predicate(m["label"]):
        return None
    role = _ROLE_END.split(m["value"], maxsplit=1)[0].strip(" .")
    return (m["label"], f"{role} at {m['label']}") if role else None
