"""The entities named in a sentence, and the lists they form."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..entities import TARGET_TYPES

AGENTS = frozenset({"drug", "drug-class"})
# "channel" (voltage-gated channels) is a target type of its own once the vocabulary has it
TARGETS = TARGET_TYPES | {"channel"}
TRANSMITTER = "neurotransmitter"

# Between two items of a list of drugs: "A, B and C", "A or B", "A/B", "A as well as B".
AGENT_SEP = re.compile(
    r"\s*(?:(?:,|/|&|\+|\band/or\b|\band\b|\bor\b|\bas\s+well\s+as\b|\bplus\b|\bnor\b)\s*)+",
    re.IGNORECASE,
)
# Between two targets: also "D2 and 5-HT2A receptors", "A1/A2A", "DAT, SERT and NET",
# "D2 and, to a lesser extent, 5-HT2A".
TARGET_SEP = re.compile(
    r"[\s,/&+()-]*(?:(?:and/or|and|or|nor|as\s+well\s+as|plus|the|both|either|its|their|also|"
    r"to\s+a\s+lesser\s+extent|receptors?|subtypes?|channels?|transporters?|isoforms?|"
    r"iso(?:en)?zymes?|enzymes?)\b[\s,/&+()-]*)*",
    re.IGNORECASE,
)

# transmitter → the target it names: "dopamine D2", "adenosine receptors (mainly A1 and A2A)"
_MODIFIER_GAP = re.compile(
    r"[\s-]*(?:receptors?\s*)?(?:\(\s*(?:mainly|mostly|chiefly|especially|e\.g\.,?|i\.e\.,?)?\s*)?",
    re.IGNORECASE,
)


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


class Spans:
    """The keyed mentions of one sentence, in order, with the look-ups the reader needs."""

    def __init__(self, text: str, mentions: list[Mention]) -> None:
        self.text = text
        self.all = sorted(mentions, key=lambda m: m.start)
        self.keyed = [m for m in self.all if m.key]
        self._all_starts = [m.start for m in self.all]
        self._starts = [m.start for m in self.keyed]
        self._index = {id(m): i for i, m in enumerate(self.keyed)}

    def covers(self, pos: int) -> Mention | None:
        """The mention (keyed or masked) that position ``pos`` falls inside."""
        i = bisect_right(self._all_starts, pos) - 1
        # mentions do not overlap, so only the last one starting at or before pos can cover it
        if i >= 0 and self.all[i].start <= pos < self.all[i].end:
            return self.all[i]
        return None

    def before(self, pos: int, lo: int = 0) -> Iterator[Mention]:
        """Keyed mentions ending at or before ``pos`` and starting at or after ``lo``, nearest
        first."""
        for i in range(bisect_left(self._starts, pos) - 1, -1, -1):
            m = self.keyed[i]
            if m.start < lo:
                return
            if m.end <= pos:
                yield m

    def after(self, pos: int, hi: int | None = None) -> list[Mention]:
        """Keyed mentions starting at or after ``pos`` (and before ``hi``), nearest first."""
        i = bisect_left(self._starts, pos)
        j = len(self.keyed) if hi is None else bisect_left(self._starts, hi)
        return self.keyed[i:j]

    def next_after(self, pos: int) -> Mention | None:
        i = bisect_left(self._starts, pos)
        return self.keyed[i] if i < len(self.keyed) else None

    def modifier(self, m: Mention) -> bool:
        """A transmitter naming the target right after it ("dopamine D2 receptors")."""
        if m.type != TRANSMITTER:
            return False
        nxt = self.next_after(m.end)
        return (
            nxt is not None
            and nxt.type in TARGETS
            and _MODIFIER_GAP.fullmatch(self.text, m.end, nxt.start) is not None
        )

    def group(
        self, m: Mention, kinds: Callable[[Mention], bool], sep: re.Pattern[str]
    ) -> list[Mention]:
        """The list ``m`` belongs to: its neighbours of the same kind joined by ``sep``."""
        i = self._index[id(m)]
        lo = hi = i
        keyed, text = self.keyed, self.text
        while (
            lo > 0
            and kinds(keyed[lo - 1])
            and sep.fullmatch(text, keyed[lo - 1].end, keyed[lo].start)
        ):
            lo -= 1
        while (
            hi + 1 < len(keyed)
            and kinds(keyed[hi + 1])
            and sep.fullmatch(text, keyed[hi].end, keyed[hi + 1].start)
        ):
            hi += 1
        return keyed[lo : hi + 1]

    def agents(self, m: Mention) -> list[Mention]:
        return self.group(m, lambda x: x.type in AGENTS, AGENT_SEP)

    def targets(self, m: Mention, carried: bool = False) -> list[Mention]:
        return self.group(m, lambda x: _is_object(x, carried), TARGET_SEP)


def _is_object(m: Mention, carried: bool) -> bool:
    return m.type in TARGETS or (carried and m.type == TRANSMITTER)
