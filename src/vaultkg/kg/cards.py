"""How a flashcard is read for relations: the answer in the question's context.

A card is kept as one sentence "Question — Answer". Its relation is seldom stated in that
order, so the reader tries a few plain rewordings, most specific first, and keeps the first
that states anything:

- a question asked with a wh-word is turned into the statement it asks for:
  "What does caffeine block? — A1 receptors" reads "caffeine block A1 receptors";
- a card as written: "Mechanism of haloperidol — antagonist at D2 receptors";
- an answer that names a role for a drug placed at a target in the question:
  "Haloperidol at D2 receptors — antagonist" reads "Haloperidol is antagonist at D2 receptors".
"""

from __future__ import annotations

import re

SEPARATOR = " — "
# "What does", "Which receptor does", "How do", "What is" ... up to the subject of the question
_WH = re.compile(
    r"^\s*(?:what|which|who|how)(?:\s+[\w-]+)?\s+(?:does|do|did|is|are|was|were|can|will)\s+",
    re.IGNORECASE,
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
    wh = _WH.match(question)
    if wh:
        out.append(f"{question[wh.end() :]} {answer}")
    out.append(text)
    place = _PLACE.search(question)
    if place and not wh:
        out.append(f"{question[: place.start()]} is {answer}{question[place.start() :]}")
    return out
