"""Read the drug → target relations one sentence states.

Each action phrase is read according to its grammatical form:

- a verb ("haloperidol blocks D2") takes the drugs before it and the targets after it;
- a predicate noun ("an antagonist at D2", "a CYP3A4 inducer") takes its targets after a
  preposition or before it in a compound, and its drugs only from a copula or an apposition
  ("X is a", "X, a"), a list of members ("inhibitors such as A and B", "the D2 antagonist X"),
  or a predicate it is coordinated with; a class noun that is an item of a list of drugs
  ("direct thrombin inhibitor, fondaparinux, argatroban") says nothing of its neighbours;
- a nominalisation ("inhibition of X by A", "A-mediated blockade of X", "binding of A to X");
- a passive ("X is blocked by A", "A is metabolised by CYP3A4").

A relative clause ("A, which inhibits X, and B, which inhibits Y") binds to its antecedent.
When unsure, nothing is returned.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from . import connectors as c
from .locate import LOOKBACK, Locator
from .phrases import ADAPTATIONS, Phrase, find_phrases, on_target
from .spans import AGENT_SEP, AGENTS, TARGETS, TRANSMITTER, Found, Mention

_AGONISM = frozenset({"agonist", "partial agonist", "opener", "positive allosteric modulator"})


@dataclass(slots=True)
class _Reading:
    """What one phrase says: its drugs, its targets, and the span of its noun phrase."""

    subjects: list[str] = field(default_factory=list)
    objects: list[Mention] = field(default_factory=list)
    default_object: bool = False
    np_start: int = 0
    np_end: int = 0
    action: str | None = None  # overrides the phrase's action ("metabolised by" → substrate)


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
    return _Reader(text, mentions, default_subject, default_object, carriers or {}).read()


class _Reader(Locator):
    """Reads each action phrase of a sentence by its form."""

    def read(self) -> list[Found]:
        out: list[Found] = []
        seen: set[tuple[str, str, str]] = set()
        for cs, ce in self._clauses():
            phrases = list(find_phrases(self.spans, cs, ce))
            indirect = bool(phrases) and bool(c.INDIRECT_CLAUSE.search(self.text, cs, ce))
            says_channel = bool(phrases) and bool(c.CHANNEL.search(self.text, cs, ce))
            readings: list[_Reading | None] = []
            for i, p in enumerate(phrases):
                hi = phrases[i + 1].start if i + 1 < len(phrases) else ce
                nxt = phrases[i + 1] if i + 1 < len(phrases) else None
                nxt_hi = phrases[i + 2].start if i + 2 < len(phrases) else ce
                reading = self._read(p, cs, hi, readings, (nxt, nxt_hi))
                readings.append(reading)
                if reading is None or not reading.subjects:
                    continue
                for found in self._found(p, reading, cs, indirect, says_channel):
                    key = (found.subject, found.action, found.object)
                    if key not in seen:
                        seen.add(key)
                        out.append(found)
        return out

    def _clauses(self) -> list[tuple[int, int]]:
        """Spans of text read apart: split at ";", "whereas", "but", ... and at a colon, unless
        what stands before the colon is only the drug it describes ("Buprenorphine: partial
        agonist at MOR")."""
        spans = []
        start = 0
        for m in c.CLAUSE_BREAK.finditer(self.text):
            if m.group().startswith(":") and self._only_drugs(start, m.start()):
                continue
            spans.append((start, m.start()))
            start = m.end()
        spans.append((start, len(self.text)))
        return spans

    def _only_drugs(self, start: int, end: int) -> bool:
        inside = self.spans.after(start, end)
        if not inside or inside[0].type not in AGENTS:
            return False
        group = self.spans.agents(inside[0])
        return (
            group[-1] is inside[-1]
            and bool(c.LEAD.fullmatch(self.text, start, inside[0].start))
            and not self.text[group[-1].end : end].strip(" *_")
        )

    # -- one phrase ----------------------------------------------------------------------

    def _read(
        self,
        p: Phrase,
        cs: int,
        hi: int,
        readings: list[_Reading | None],
        following: tuple[Phrase | None, int],
    ) -> _Reading | None:
        """One phrase read by its form. ``cs``: where its clause starts; ``hi``: where the next
        phrase starts; ``following``: the next phrase and where the one after it starts."""
        if p.action == "metabolism":
            return self._metabolism(p, cs, hi)
        if p.form == "passive":
            return self._passive(p, cs, hi)
        if p.form == "noun":
            return self._noun(p, cs, hi, readings, following)
        if p.form == "nominal":
            return self._nominal(p, cs, hi)
        return self._verb(p, cs, hi, following)

    def _verb(
        self, p: Phrase, cs: int, hi: int, following: tuple[Phrase | None, int]
    ) -> _Reading | None:
        r = _Reading(np_start=p.start)
        r.objects = self._window(p, p.end, hi, c.VERB_OBJECT)
        nxt, nxt_hi = following
        if (
            not r.objects
            and p.carries
            and nxt is not None
            and nxt.action == "metabolism"
            and c.BEFORE_METABOLISM.fullmatch(self.text, p.end, nxt.start)
        ):
            # "inhibits the breakdown of dopamine by MAO-B": the enzyme is what is inhibited
            metabolism = self._metabolism(nxt, cs, nxt_hi)
            r.objects = metabolism.objects if metabolism is not None else []
        r.np_end = r.objects[-1].end if r.objects else p.end
        subjects = self._subject_before(p.start, cs, p.start)
        if subjects is None:
            return None
        r.subjects = subjects
        return self._with_default_object(r, p, cs, hi)

    def _noun(
        self,
        p: Phrase,
        cs: int,
        hi: int,
        readings: list[_Reading | None],
        following: tuple[Phrase | None, int],
    ) -> _Reading | None:
        text, spans = self.text, self.spans
        r = _Reading()
        r.objects = self._window(p, p.end, hi, c.PREPOSITION)
        compound = [] if r.objects else self._compound(p)
        r.objects = r.objects or compound
        r.np_start = compound[0].start if compound else p.start
        r.np_end = r.objects[-1].end if r.objects and not compound else p.end
        nxt, nxt_hi = following
        if (
            not r.objects
            and nxt is not None
            and nxt.form == "noun"
            and c.SHARED_NOUN.fullmatch(text, p.end, nxt.start)
        ):
            # "both a substrate and an inhibitor of CYP2C19": the second noun's targets
            r.objects = self._window(nxt, nxt.end, nxt_hi, c.PREPOSITION)
        rel = self._relative(r.np_start, cs)
        before = self._nearest(r.np_start, cs)
        gap = text[before.end : r.np_start] if before is not None else ""
        if before is not None and before.type in AGENTS:
            # "Trimethoprim, like methotrexate, is …", "Esketamine, the S-enantiomer of
            # ketamine, is …": read past the aside to the drug it interrupts
            outer = next((m for m in spans.before(before.start, cs) if m.type in AGENTS), None)
            if (
                outer is not None
                and text[before.end : r.np_start].lstrip().startswith(",")
                and (
                    c.ASIDE_SPAN.fullmatch(text, outer.end, before.start)
                    or c.APPOSITIVE_OF.fullmatch(text, outer.end, before.start)
                )
            ):
                before, gap = outer, " " + text[before.end : r.np_start].lstrip(" ,")
        if before is not None and self._comparison_set(before):
            # "haloperidol and other typical antipsychotics are …": the drug, not the class
            outer = next(spans.before(before.start, cs), None)
            if outer is not None and outer.type in AGENTS:
                before = outer
        if rel is not None:
            if c.COPULA.fullmatch(text, rel.end, r.np_start):
                r.subjects = [m.key for m in self._antecedent_agents(rel, cs)]
        elif before is not None and before.type in AGENTS:
            if c.COPULA_VERB.fullmatch(gap):
                r.subjects = [m.key for m in self._past_asides(spans.agents(before), cs)]
            elif c.COPULA.fullmatch(gap):
                # an apposition belongs to the drug right before it, unless it is plural or
                # follows a colon ("A and B (D2 antagonists)", "A, B: D2 antagonists")
                whole = (
                    c.PLURAL.fullmatch(text, p.start, p.end) or ":" in text[before.end : r.np_start]
                )
                group = spans.agents(before) if whole else [before]
                r.subjects = [m.key for m in group if m.start <= before.start]
        if not r.subjects:
            prev = next((x for x in reversed(readings) if x is not None), None)
            if (
                prev is not None
                and prev.subjects
                and prev.np_end <= r.np_start
                and c.INHERIT.fullmatch(text, prev.np_end, r.np_start)
            ):
                r.subjects = list(prev.subjects)
        members_end = r.np_end
        if not r.subjects:
            nxt = spans.next_after(r.np_end)
            if (
                nxt is not None
                and nxt.type in AGENTS
                and c.EXEMPLIFY.fullmatch(text, r.np_end, nxt.start)
            ):
                members = [m for m in spans.agents(nxt) if m.start >= nxt.start]
                r.subjects = [m.key for m in members]
                members_end = members[-1].end
            elif (
                nxt is not None
                and nxt.type in AGENTS
                and c.COMMA.fullmatch(text, r.np_end, nxt.start)
                and not c.PLURAL.fullmatch(text, p.start, p.end)
                and c.THE_BEFORE.search(text, max(cs, r.np_start - LOOKBACK), r.np_start)
                and spans.agents(nxt)[-1] is nxt
            ):
                r.subjects, members_end = [nxt.key], nxt.end
        if not r.subjects and self._default_noun_subject(p, r, cs):
            r.subjects = [self.default_subject]  # type: ignore[list-item]
        # "the agonist nicotine and ACh": other ligands named along with the members
        for m in spans.after(members_end):
            if m.type not in (*AGENTS, TRANSMITTER) or not AGENT_SEP.fullmatch(
                text, members_end, m.start
            ):
                break
            members_end = m.end
        if (
            not r.objects
            and self.default_object
            and not self._any_target(cs, hi, p)
            and c.TAIL.fullmatch(text, members_end, max(hi, members_end))
        ):
            r.default_object = True
        return r

    def _nominal(self, p: Phrase, cs: int, hi: int) -> _Reading | None:
        text, spans = self.text, self.spans
        r = _Reading()
        if p.action == "binds":  # "binding of A to X"
            after = spans.after(p.end, hi)
            if (
                after
                and after[0].type in AGENTS
                and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[p.end : after[0].start], re.I)
            ):
                agents = spans.agents(after[0])
                tail = agents[-1].end
                targets = self._window(
                    p, tail, hi, re.compile(r"\s+(?:to|at|with)\s+(?:the\s+)?", re.I)
                )
                r.subjects = [m.key for m in agents]
                r.objects = targets
                r.np_start, r.np_end = p.start, (targets[-1].end if targets else tail)
                return r
        r.objects = self._window(p, p.end, hi, c.NOMINAL_OF)
        compound = [] if r.objects else self._compound(p)
        r.objects = r.objects or compound
        r.np_start = compound[0].start if compound else p.start
        r.np_end = r.objects[-1].end if r.objects and not compound else p.end
        by_gap = c.ADAPTATION_BY if p.action in ADAPTATIONS else c.NOMINAL_BY
        nxt = spans.after(r.np_end, hi)
        if nxt and by_gap.fullmatch(text, r.np_end, nxt[0].start):
            if p.action == "activate" and nxt[0].type in ("enzyme", "transporter"):
                return self._metabolism(p, cs, hi)  # "clopidogrel activation by CYP2C19"
            if nxt[0].type not in AGENTS:
                return None  # "activation of D2 by dopamine"
            r.subjects = [m.key for m in spans.agents(nxt[0]) if m.start >= nxt[0].start]
        if not r.subjects:
            before = self._nearest(r.np_start, cs)
            if (
                before is not None
                and before.type in AGENTS
                and c.POSSESSIVE.fullmatch(text, before.end, r.np_start)
            ):
                r.subjects = [before.key]
        if not r.subjects:
            subjects = self._subject_before(r.np_start, cs, p.start)
            agent = next((m for m in spans.before(r.np_start, cs) if m.type in AGENTS), None)
            if subjects is None or (
                agent is not None and not c.NOMINAL_LEAD.fullmatch(text, agent.end, r.np_start)
            ):
                return None  # a drug far before brings nothing about ("… in association with")
            if (
                agent is None
                and subjects == [self.default_subject]
                and c.NOMINAL_AS_SUBJECT.match(text, r.np_end)
            ):
                return None  # "Activation of CB1 then reduces …" says nothing of a drug
            r.subjects = subjects
        return self._with_default_object(r, p, cs, hi)

    def _passive(self, p: Phrase, cs: int, hi: int) -> _Reading | None:
        text, spans = self.text, self.spans
        by = spans.after(p.end, hi)
        agent = by[0] if by else None
        if agent is not None and agent.type in ("enzyme", "transporter") and p.action == "activate":
            return self._metabolism(p, cs, hi)  # "clopidogrel is activated by CYP2C19"
        by_gap = c.ADAPTATION_BY if p.action in ADAPTATIONS else c.BY_AGENT
        r = _Reading(np_start=p.start, np_end=p.end)
        if (
            agent is not None
            and agent.type in AGENTS
            and by_gap.fullmatch(text, p.end, agent.start)
        ):
            r.subjects = [m.key for m in spans.agents(agent) if m.start >= agent.start]
        elif p.action in ADAPTATIONS and (
            agents := [m for m in spans.after(cs, p.start) if m.type in AGENTS]
        ):
            # "with repeated morphine, MOR become desensitized"
            first = agents[0]
            if not c.ADAPTATION_BEFORE.search(text, max(cs, first.start - LOOKBACK), first.start):
                return None
            r.subjects = [m.key for m in spans.agents(first) if m.start >= first.start]
        elif (
            p.action in ADAPTATIONS
            and self.default_subject
            and not any(m.type in AGENTS for m in spans.after(cs, hi))
        ):
            # "… with α4β2 receptors desensitized" in the drug's own note
            r.subjects = [self.default_subject]
        else:
            return None
        rel = self._relative(p.start, cs)
        before = self._nearest(p.start, cs)
        if rel is not None and rel.antecedent is not None and rel.antecedent.type in TARGETS:
            r.objects = spans.targets(rel.antecedent)
        elif (
            before is not None
            and before.type in TARGETS
            and c.PASSIVE_OBJECT.fullmatch(text, before.end, p.start)
        ):
            r.objects = spans.targets(before)
        elif self.default_object and not self._any_target(cs, hi, p):
            r.default_object = True
        else:
            return None
        return r

    def _metabolism(self, p: Phrase, cs: int, hi: int) -> _Reading | None:
        """ "A is metabolised by CYP3A4", "metabolism of A by CYP3A4", "CYP3A4 metabolises A"."""
        text, spans = self.text, self.spans
        r = _Reading(np_start=p.start, np_end=p.end, action="substrate")
        after = spans.after(p.end, hi)
        if p.form == "verb" and text[p.start : p.end].lower().endswith(("es", "e", "ing")):
            before = self._nearest(p.start, cs)
            if (
                before is None
                or before.type not in ("enzyme", "transporter")
                or not c.PASSIVE_OBJECT.fullmatch(text, before.end, p.start)
                or not after
                or after[0].type not in AGENTS
                or not re.fullmatch(r"\s+(?:the\s+)?", text[p.end : after[0].start])
            ):
                return None
            r.objects = spans.targets(before)
            r.subjects = [m.key for m in spans.agents(after[0]) if m.start >= after[0].start]
            return r
        tail = p.end
        if (
            after
            and after[0].type in AGENTS
            and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[p.end : after[0].start], re.I)
        ):
            agents = [m for m in spans.agents(after[0]) if m.start >= after[0].start]
            r.subjects = [m.key for m in agents]
            tail = agents[-1].end
            after = spans.after(tail, hi)
        # "the breakdown of dopamine by MAO-B": the enzyme, but no drug as its substrate
        of_other = not r.subjects and re.match(r"\s+of\b", text[p.end : p.end + 5], re.I)
        # "converted to dopamine by DDC", "converted into morphine by CYP2D6": the product
        after = [
            m
            for m in after
            if m.type != TRANSMITTER
            and not (
                m.type in AGENTS and c.PRODUCT_BEFORE.search(text, max(tail, m.start - 30), m.start)
            )
        ]
        if not after or after[0].type not in ("enzyme", "transporter"):
            return None
        if not c.BY_ENZYME.fullmatch(text, tail, after[0].start):
            return None
        r.objects = [m for m in spans.targets(after[0]) if m.start >= after[0].start]
        r.np_end = r.objects[-1].end
        if of_other:
            return r
        if not r.subjects:
            subjects = self._subject_before(p.start, cs, p.start)
            if subjects is None:
                return None
            r.subjects = subjects
        return r

    # -- parts ---------------------------------------------------------------------------

    def _with_default_object(self, r: _Reading, p: Phrase, cs: int, hi: int) -> _Reading:
        if (
            not r.objects
            and self.default_object
            and not self._any_target(cs, hi, p)
            and c.TAIL.fullmatch(self.text, p.end, hi)
        ):
            r.default_object = True
        return r

    def _default_noun_subject(self, p: Phrase, r: _Reading, cs: int) -> bool:
        """ "It is a D2 antagonist." in the drug's own note; not a plural, not a list item."""
        if not self.default_subject or c.PLURAL.fullmatch(self.text, p.start, p.end):
            return False
        if any(
            m.type in AGENTS or m.type == TRANSMITTER for m in self.spans.before(r.np_start, cs)
        ):
            return False
        nxt = self.spans.next_after(r.np_end)
        if (
            nxt is not None
            and nxt.type in AGENTS
            and re.fullmatch(r"\s*(?:,|/|\band\b|\bor\b)[\s\S]*", self.text[r.np_end : nxt.start])
            and len(self.text[r.np_end : nxt.start]) < 12
        ):
            return False  # "direct thrombin inhibitor, fondaparinux, …": an item of a list
        return bool(c.DEFAULT_LEAD.fullmatch(self.text, cs, r.np_start))

    # -- output ---------------------------------------------------------------------------

    def _found(
        self, p: Phrase, r: _Reading, cs: int, indirect: bool, says_channel: bool
    ) -> list[Found]:
        text = self.text
        before = self._nearest(r.np_start, cs)
        lo = before.end if before is not None else cs
        negated = bool(
            c.NEGATION.search(text, lo, p.start)
            or c.NEGATION_AFTER.match(text, p.end)
            or c.NEITHER.search(text, cs, p.start)  # "neither A nor B activates D2"
        )
        subject_end = next((m.end for m in self.spans.before(p.start, cs) if m.type in AGENTS), cs)
        indirect = bool(
            indirect
            or c.INDIRECT.search(text, subject_end, p.start)
            or c.INDIRECT_AFTER.match(text, r.np_end)
        )
        objects: list[tuple[str, str]] = []
        for m in r.objects:
            if m.type == TRANSMITTER:
                objects.append((self.carriers[m.key], "transporter"))
            else:
                objects.append((m.key, m.type))
        if r.default_object and self.default_object:
            objects.append((self.default_object, "?"))
        # "A and B inhibit X and Y, respectively": pairs, not every drug with every target
        pairs = [(subject, obj) for obj in objects for subject in r.subjects]
        if c.RESPECTIVELY.match(text, r.np_end):
            if len(objects) != len(r.subjects):
                return []
            pairs = list(zip(r.subjects, objects, strict=True))
        out = []
        for subject, (key, typ) in pairs:
            action = r.action or p.action
            if typ == "?":
                action = _default_action(action, says_channel)
            else:
                action = on_target(action, typ, says_channel)
            if action is None or (action in _AGONISM and indirect) or subject == key:
                continue
            out.append(Found(subject, action, key, negated))
        return out


def _default_action(action: str, says_channel: bool) -> str | None:
    """The action on a target whose type the reader is not told (the note's own target)."""
    if action == "block":
        return "channel blocker" if says_channel else "antagonist"
    if action == "reuptake":
        return "inhibitor"
    if action == "activate":
        return "agonist"
    if action == "metabolism":
        return "substrate"
    return action
