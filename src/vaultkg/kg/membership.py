"""Drugs said to belong to a class with a known mechanism do what the class does.

"Donepezil is a reversible acetylcholinesterase inhibitor", "A and B are 5-HT3 antagonists",
"ACE inhibitors such as lisinopril": the class's mechanism (from the built-in vocabulary) is
what the sentence says of each drug. A class name that spells out its action states it; an
abbreviation ("an SSRI") only names the class, so those relations are marked derived.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .model import RelationMention
from .relations import Mention

# between a drug and a class it is said to belong to: "is a reversible", ", an", "acts as a"
_MEMBERSHIP = re.compile(
    r"\s*(?:,\s*(?:a|an|the)\s+|\s+—\s+|\s(?:is|was|acts\s+as|remains)\s+(?P<not>not\s+)?"
    r"(?:a|an|the|one\s+of\s+the)\s+|\s(?:are|were)\s+(?P<nots>not\s+)?(?:(?:both|all)\s+)?)"
    r"(?:[\w-]+,?\s+){0,3}",
    re.IGNORECASE,
)
# between two drugs of one list, and between a class and the examples it gives
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)", re.IGNORECASE)
_EXAMPLES = re.compile(
    r"\s*(?:,\s*)?(?:\(\s*)?(?:such\s+as|including|like|e\.\s?g\.?,?|for\s+example,?)\s+",
    re.IGNORECASE,
)
_CLASS_ACTION = re.compile(
    r"\b(?:inverse\s+agonist|partial\s+agonist|agonist|antagonist|inhibitor|blocker)",
    re.IGNORECASE,
)
# an action a class name spells out, where it says more than the class's own mechanism
_ACTIONS_NAMED = {
    "agonist": "agonist",
    "antagonist": "antagonist",
    "inverse agonist": "inverse agonist",
}


def memberships(
    text: str, mentions: list[Mention], mechanisms: Mapping[str, list[tuple[str, str]]]
) -> list[RelationMention]:
    """Drugs said to belong to a class with a mechanism do what the class does.

    "A is a (weak, reversible) CLASS", "A and B are CLASS", "A, an CLASS", and the class
    first: "CLASS such as A and B", "CLASS (for example A, B)".
    """
    out: list[RelationMention] = []
    named = [m for m in mentions if m.key]
    for i, cls in enumerate(named):
        pairs = mechanisms.get(cls.key)
        if not pairs:
            continue
        members, negated = _members_before(text, named[:i], cls)
        if not members:
            members, negated = _members_after(text, named[i + 1 :], cls.end), False
        # "an NMDA receptor antagonist" states the action; "an SSRI" only names the class
        named_action = _CLASS_ACTION.search(text, cls.start, cls.end)
        for drug in members:
            for action, target in pairs:
                if named_action and named_action.group(0).lower() in _ACTIONS_NAMED:
                    action = _ACTIONS_NAMED[named_action.group(0).lower()]
                out.append(
                    RelationMention(
                        drug.key,
                        action,
                        target,
                        negated=negated,
                        via_class=None if named_action else cls.key,
                    )
                )
    return out


def _members_before(text: str, before: list[Mention], cls: Mention) -> tuple[list[Mention], bool]:
    """The drugs a copula or apposition joins to a class right after them."""
    if not before or before[-1].type != "drug":
        return [], False
    gap = _MEMBERSHIP.fullmatch(text, before[-1].end, cls.start)
    if gap is None:
        return [], False
    members = [before[-1]]
    for prev in reversed(before[:-1]):  # "A, B and C are …"
        if prev.type != "drug" or not _LIST_GAP.fullmatch(text, prev.end, members[0].start):
            break
        members.insert(0, prev)
    return members, bool(gap["not"] or gap["nots"])


def _members_after(text: str, after: list[Mention], end: int) -> list[Mention]:
    """ "CLASS such as A and B", "CLASS (e.g. A, B)": the drugs listed as examples."""
    if not after or after[0].type != "drug" or not _EXAMPLES.fullmatch(text, end, after[0].start):
        return []
    members = [after[0]]
    for nxt in after[1:]:
        if not _LIST_GAP.fullmatch(text, members[-1].end, nxt.start):
            break
        if nxt.type != "drug":
            # "benzodiazepines like diazepam, alcohol and barbiturates": the list goes on
            # past its examples, so only the first is surely one
            return members[:1]
        members.append(nxt)
    return members
