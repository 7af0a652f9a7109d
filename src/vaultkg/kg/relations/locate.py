"""Where a phrase's drugs and targets are: the nearest mention, the relative clause a phrase is
in, the subject before a verb, the list of targets after a phrase, a compound's targets."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass

from . import connectors as c
from .phrases import Phrase
from .spans import AGENTS, TARGETS, TRANSMITTER, Mention, Spans

LOOKBACK = 40  # characters searched back for a connector that ends where a span starts


@dataclass(slots=True, frozen=True)
class Relative:
    """A relative clause: its antecedent (None when not an entity) and its pronoun's span."""

    antecedent: Mention | None
    start: int
    end: int


class Locator:
    """Where a phrase's drugs and targets are: the look-ups every form of phrase shares."""

    def __init__(
        self,
        text: str,
        mentions: list[Mention],
        default_subject: str | None,
        default_object: str | None,
        carriers: Mapping[str, str],
    ) -> None:
        self.text = text
        self.spans = Spans(text, mentions)
        self.default_subject = default_subject
        self.default_object = default_object
        self.carriers = carriers
        self._relative_spans = [(m.start(), m.end()) for m in c.RELATIVE.finditer(text)]
        self._relatives = [start for start, _ in self._relative_spans]

    def _nearest(self, pos: int, lo: int) -> Mention | None:
        """The keyed mention nearest before ``pos`` in the clause; a transmitter naming the
        target after it ("dopamine D2") is part of that target's name."""
        for m in self.spans.before(pos, lo):
            if not self.spans.modifier(m):
                return m
        return None

    def _relative(self, pos: int, cs: int) -> Relative | None:
        """The relative clause ``pos`` is in: its antecedent (None when that is not an entity,
        "a drug that …") and where the clause starts. A relative clause ends where another drug
        is named."""
        i = bisect_left(self._relatives, pos)
        if i == 0:
            return None
        start, end = self._relative_spans[i - 1]
        if start < cs or any(a.type in AGENTS for a in self.spans.after(end, pos)):
            return None
        antecedent = self._nearest(start, cs)
        if antecedent is None or not c.RELATIVE_GAP.fullmatch(self.text, antecedent.end, start):
            antecedent = None
        return Relative(antecedent, start, end)

    def _antecedent_agents(self, rel: Relative, cs: int) -> list[Mention]:
        """The drugs a relative clause is about: its antecedent, or the drug its antecedent is
        said of ("clopidogrel is a prodrug that is activated by CYP2C19"); else none."""
        if rel.antecedent is not None:
            return self.spans.agents(rel.antecedent) if rel.antecedent.type in AGENTS else []
        agent = next((m for m in self.spans.before(rel.start, cs) if m.type in AGENTS), None)
        if agent is None or not c.RELATIVE_COPULA.fullmatch(self.text, agent.end, rel.start):
            return []
        return [m for m in self.spans.agents(agent) if m.start <= agent.start]

    def _subject_before(self, pos: int, cs: int, phrase_start: int) -> list[str] | None:
        """The drugs a verb or nominalisation at ``pos`` is said of: the relative clause's
        antecedent, else the nearest drug (or list of drugs) before it in the clause, else the
        note's own drug when no drug or transmitter is named before it. None: nothing is."""
        rel = self._relative(pos, cs)
        if rel is not None:
            return [m.key for m in self._antecedent_agents(rel, cs)] or None
        if re.match(r"\w+ing\b", self.text[phrase_start : phrase_start + 40]) and c.BY_ING.search(
            self.text, max(cs, phrase_start - LOOKBACK), phrase_start
        ):
            # "ritonavir boosts lopinavir by inhibiting CYP3A4": the clause's subject
            first = next((m for m in self.spans.after(cs, pos) if m.type in AGENTS), None)
            if first is not None:
                return [x.key for x in self.spans.agents(first) if x.start >= first.start]
        governed: Mention | None = None
        for m in self.spans.before(pos, cs):
            if m.type in AGENTS:
                # "unlike ranitidine, cimetidine inhibits …": a drug set apart is not the
                # subject; nor is one governed by a preposition ("a patient on morphine"),
                # unless no other drug is named ("exposure to cocaine leads to …")
                if self._aside(m, cs):
                    continue
                if c.PREPOSITION_BEFORE.search(self.text, max(cs, m.start - LOOKBACK), m.start):
                    governed = governed or m
                    continue
                if self._comparison_set(m):
                    continue  # "A and similar Xs": A, before it, is the subject
                group = [x for x in self.spans.agents(m) if x.start <= m.start]
                return [x.key for x in self._past_asides(group, cs)]
            if m.type == TRANSMITTER and not self.spans.modifier(m):
                return None  # the transmitter is what acts ("dopamine activates D1")
        if governed is not None:
            return [x.key for x in self.spans.agents(governed) if x.start >= governed.start]
        if cs > 0 and (
            c.PRONOUN.match(self.text, cs) or c.VERB_FIRST.fullmatch(self.text, cs, phrase_start)
        ):
            # "Atenolol is cardioselective: it blocks β1": the sentence's first drug
            first = next(iter(self.spans.after(0, cs)), None)
            if (
                first is not None
                and first.type in AGENTS
                and c.LEAD.fullmatch(self.text, 0, first.start)
            ):
                return [x.key for x in self.spans.agents(first) if x.start >= first.start]
        if self.default_subject:
            return [self.default_subject]
        return None

    def _aside(self, m: Mention, cs: int) -> bool:
        """A drug (or class) named only as a comparison: "unlike heparin", "Like many older
        antipsychotics, …", "as with other SSRIs"."""
        if c.FRONTED_ASIDE.fullmatch(self.text, cs, m.start):
            return True
        found = c.ASIDE.search(self.text, max(cs, m.start - LOOKBACK), m.start)
        return found is not None and not self.spans.after(found.start(), m.start)

    def _past_asides(self, group: list[Mention], cs: int) -> list[Mention]:
        """A list of drugs without the items set apart at its head: "Unlike heparin and
        warfarin, fondaparinux …" is about fondaparinux alone."""
        while len(group) > 1 and self._aside(group[0], cs):
            prev, group = group[0], group[1:]
            # the items joined to the aside without a comma are part of it
            while len(group) > 1 and "," not in self.text[prev.end : group[0].start]:
                prev, group = group[0], group[1:]
        return group

    def _comparison_set(self, m: Mention) -> bool:
        """A class a drug is compared with: "haloperidol and similar antipsychotics"."""
        if m.type != "drug-class":
            return False
        prev = next(self.spans.before(m.start), None)
        return (
            prev is not None
            and prev.type in AGENTS
            and c.COMPARISON_SET.fullmatch(self.text, prev.end, m.start) is not None
        )

    def _carried(self, p: Phrase, m: Mention, gap_start: int) -> bool:
        """A transmitter that stands for its transporter: "reuptake of 5-HT", "5-HT reuptake"."""
        if m.type != TRANSMITTER or not p.carries or not self.carriers.get(m.key):
            return False
        if p.action == "reuptake" or c.UPTAKE_AFTER.match(self.text, m.end):
            return True
        return bool(c.UPTAKE_BEFORE.search(self.text, gap_start, m.start))

    def _window(self, p: Phrase, start: int, hi: int, first_gap: re.Pattern[str]) -> list[Mention]:
        """The targets named right after ``start``: a list up to the next other entity."""
        out: list[Mention] = []
        anchor: int | None = start  # None: the next target follows a transmitter naming it
        transparent = p.action in ("releasing agent", "substrate")
        for m in self.spans.after(start, hi):
            if m.type in TARGETS or self._carried(p, m, start):
                if out:
                    if not c.OBJECT_SEP.fullmatch(self.text, out[-1].end, m.start):
                        break  # "spares COX-1", "more than β2", "but not D1": not listed
                elif anchor is not None and not first_gap.fullmatch(self.text, anchor, m.start):
                    break
                out.append(m)
            elif self.spans.modifier(m):  # "dopamine D2 receptors"
                if not out and anchor is not None:
                    if not first_gap.fullmatch(self.text, anchor, m.start):
                        break
                    anchor = None
            elif (
                m.type == TRANSMITTER
                and not out
                and (transparent or (p.carries and c.UPTAKE_AFTER.match(self.text, m.end)))
            ):
                anchor = m.end  # "releases dopamine via DAT", "inhibits GABA reuptake via GAT-1"
            else:
                break
        return out

    def _compound(self, p: Phrase) -> list[Mention]:
        """The targets that make a compound with the noun: "CYP3A4 inducer", "5-HT reuptake"."""
        m = next(self.spans.before(p.start), None)
        if m is None:
            return []
        carried = self._carried(p, m, m.start)
        if not (m.type in TARGETS or carried) or not c.COMPOUND.fullmatch(
            self.text, m.end, p.start
        ):
            return []
        return [x for x in self.spans.targets(m, carried) if x.end <= m.end]

    def _any_target(self, cs: int, hi: int, p: Phrase) -> bool:
        return any(m.type in TARGETS or self._carried(p, m, cs) for m in self.spans.after(cs, hi))
