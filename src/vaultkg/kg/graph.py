"""The knowledge graph of a vault, and the questions it answers.

``build(vault)`` turns a read vault into a ``KnowledgeGraph``: entities, sources, claims and
drug → target relations, each claim graded by its evidence, all held in one networkx
``MultiDiGraph`` as well as in plain lists for querying and export.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ..cache import KEEP_WHOLE, key_of
from ..constants import CERTAINTIES, LEVELS
from ..folding import fold_words as _fold
from ..model import Diagnostic
from ..vault import Vault
from . import boilerplate
from .actions import BY_NAME, DISPLAY_ON_TRANSPORTER
from .bibliography import read_bibliographies
from .claims import Catalogue, NoteClaims, regrade
from .entities import (
    carriers,
    class_mechanisms,
    name_pairs,
    note_entity,
    note_types,
    with_vocabulary,
)
from .evidence import at_least, best_level, rank
from .model import Claim, Entity, Relation, RelationMention, Source
from .names import NameMatcher
from .sources import source_from_note
from .vocabulary import Vocabulary, builtin

if TYPE_CHECKING:
    import networkx as nx

CERTAINTY_ORDER = CERTAINTIES


@dataclass
class KnowledgeGraph:
    vault: Vault
    entities: dict[str, Entity] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """Everything above as one networkx graph, made when first asked for (most commands
        never ask, and a graph read from the cache need not carry it)."""
        return _fill_graph(self)

    # -- lookups ---------------------------------------------------------------------------

    @cached_property
    def claims_by_id(self) -> dict[str, Claim]:
        """Claims by id (built once: the graph is complete when ``build`` returns)."""
        return {c.id: c for c in self.claims}

    def find_entities(self, name: str, types: frozenset[str] | None = None) -> list[Entity]:
        """Entities whose title or alias is ``name`` (case-insensitive, Unicode-normalised).

        Falls back to a name that starts with ``name`` ("caffeine" finds "Caffeine",
        "D2" finds "Dopamine D2 receptor" through its alias).
        """
        wanted = _fold(name)
        pool = [e for e in self.entities.values() if types is None or e.type in types]
        exact = [e for e in pool if any(_fold(n) == wanted for n in e.names)]
        if exact:
            return exact
        singular = wanted[:-1] if wanted.endswith("s") else wanted
        return [
            e for e in pool if any(_fold(n) in (singular, wanted + " receptor") for n in e.names)
        ]

    def title(self, key: str) -> str:
        entity = self.entities.get(key)
        return entity.title if entity else key

    def action_label(self, relation: Relation) -> str:
        obj = self.entities.get(relation.object)
        if obj and obj.type == "transporter":
            return DISPLAY_ON_TRANSPORTER.get(relation.action, relation.action)
        return relation.action

    # -- queries ---------------------------------------------------------------------------

    def query_relations(
        self,
        drug: str | None = None,
        target: str | None = None,
        action: str | None = None,
        min_level: str | None = None,
    ) -> list[Relation]:
        drugs = {e.key for e in self.find_entities(drug)} if drug else None
        targets = {e.key for e in self.find_entities(target)} if target else None
        wanted_action = _fold(action).replace("_", " ") if action else None
        out = []
        for r in self.relations:
            if drugs is not None and r.subject not in drugs:
                continue
            if targets is not None and r.object not in targets:
                continue
            if wanted_action and wanted_action not in (
                r.action,
                self.action_label(r),
                r.action.replace(" ", ""),
            ):
                continue
            if min_level and not at_least(r.level, min_level):
                continue
            out.append(r)
        return out

    def query_claims(
        self,
        unsupported: bool = False,
        level: str | None = None,
        note: str | None = None,
        certainty: str | None = None,
    ) -> list[Claim]:
        out = []
        for c in self.claims:
            if unsupported and c.supported:
                continue
            if level and c.level != level:
                continue
            if note and not (
                c.note == note
                or c.note.startswith(note.rstrip("/") + "/")
                or c.note == note + ".md"
            ):
                continue
            if certainty and c.certainty != certainty:
                continue
            out.append(c)
        return out

    # -- empty answers ---------------------------------------------------------------------

    def why_no_relations(self, drug: str | None = None, target: str | None = None) -> str:
        """Why a relation query found nothing, and what would help."""
        from .entities import TARGET_TYPES

        drugs = sum(e.type in ("drug", "drug-class") for e in self.entities.values())
        targets = sum(e.type in TARGET_TYPES for e in self.entities.values())
        if not drugs:
            return (
                "no drug entities in this vault: name drugs in notes (e.g. 'caffeine') or "
                "type a note with 'type: drug'; run 'vaultkg init' to see what vaultkg finds"
            )
        if not targets:
            return (
                "no target entities in this vault: name receptors in notes (e.g. 'D2 "
                "receptor') or type a note with 'type: receptor'; run 'vaultkg init' to see "
                "what vaultkg finds"
            )
        which = " and ".join(
            f"{what} '{name}'" for what, name in (("drug", drug), ("target", target)) if name
        )
        scope = f"no relation of {which}" if which else "no drug → target relation"
        return (
            f"{scope} in {len(self.claims)} claims ({drugs} drugs and {targets} targets known): "
            "a relation is a sentence that names a drug, an action and a target ('haloperidol "
            "blocks D2 receptors') or a field such as 'antagonist_of:: [[D2 receptor]]'"
        )

    def why_no_claims(self) -> str:
        """Why a claim listing found nothing, and what would help."""
        if not self.claims:
            named = sum(e.type != "concept" for e in self.entities.values())
            return (
                f"no claims in {len(self.vault.notes)} notes: a sentence is a claim when it "
                f"names an entity, and only {named} typed entities are known; name drugs and "
                "receptors in notes or type notes with 'type: drug'; run 'vaultkg init'"
            )
        by_level = self.stats()["claims_by_level"]
        counts = ", ".join(f"{n} {lvl}" for lvl, n in by_level.items() if n)  # type: ignore[attr-defined]
        return f"no claim matches these filters; the vault's {len(self.claims)} claims: {counts}"

    def stats(self) -> dict[str, object]:
        by_level: dict[str, int] = defaultdict(int)
        for c in self.claims:
            by_level[c.level] += 1
        by_type: dict[str, int] = defaultdict(int)
        from_vocabulary: dict[str, int] = defaultdict(int)
        for e in self.entities.values():
            (by_type if e.note is not None else from_vocabulary)[e.type] += 1
        return {
            "notes": len(self.vault.notes),
            "entities": dict(sorted(by_type.items())),
            "vocabulary_entities": dict(sorted(from_vocabulary.items())),
            "claims": len(self.claims),
            "claims_by_level": {lvl: by_level.get(lvl, 0) for lvl in LEVELS},
            "relations": len(self.relations),
            "sources": len(self.sources),
        }


@dataclass
class BuildMemo:
    """What one build can hand the next in the same process (``vaultkg serve``): the name
    matcher, which is costly to make and the same while the names of entities are."""

    names_key: str = ""
    matcher: NameMatcher | None = None

    def matcher_for(self, plain: object, contextual: object) -> NameMatcher:
        key = key_of("names", repr(plain), repr(contextual))
        if self.matcher is None or key != self.names_key:
            self.matcher = NameMatcher(plain, contextual=contextual)  # type: ignore[arg-type]
            self.names_key = key
        return self.matcher


def build(
    vault: Vault, vocabulary: Vocabulary | None = None, *, memo: BuildMemo | None = None
) -> KnowledgeGraph:
    """Build the knowledge graph of a read vault, knowing the built-in vocabulary's names
    (or ``vocabulary``'s: pass ``Vocabulary()`` to know only the vault's own).

    With the built-in vocabulary and a vault read with a cache, a graph built before from
    the same vault (same fingerprint, same private notes left out) is read back instead.
    """
    cache, key = vault.cache, ""
    if cache is not None and vault.fingerprint and vocabulary is None:
        key = key_of(
            "graph", vault.fingerprint, repr(sorted(vault.withheld)), vault.include_private
        )
        parts = cache.get("graph", key)
        if isinstance(parts, _GraphParts):
            cache.touch("graph", key)
            return parts.graph_of(vault)
    kg = _build(vault, vocabulary, memo)
    if key and cache is not None:
        cache.put("graph", key, _GraphParts.of(kg))
        cache.prune("graph", KEEP_WHOLE)
    return kg


@dataclass(slots=True)
class _GraphParts:
    """What a cached graph stores: everything but the vault, which the caller has read."""

    entities: dict[str, Entity]
    sources: dict[str, Source]
    claims: list[Claim]
    relations: list[Relation]
    diagnostics: list[Diagnostic]

    @classmethod
    def of(cls, kg: KnowledgeGraph) -> _GraphParts:
        return cls(kg.entities, kg.sources, kg.claims, kg.relations, kg.diagnostics)

    def graph_of(self, vault: Vault) -> KnowledgeGraph:
        return KnowledgeGraph(
            vault, self.entities, self.sources, self.claims, self.relations, self.diagnostics
        )


def _build(
    vault: Vault, vocabulary: Vocabulary | None, memo: BuildMemo | None = None
) -> KnowledgeGraph:
    vocab = vocabulary if vocabulary is not None else builtin()
    kg = KnowledgeGraph(vault=vault)
    notes = vault.notes
    own: dict[str, Entity] = {}
    types = note_types(notes.values(), vault.config, vocab)
    for note in notes.values():
        etype, term = types[note.path]
        if etype == "source":
            source = source_from_note(note)
            kg.sources[source.key] = source
        elif etype != "claim":  # claims are extracted below; everything else is an entity
            own[note.path] = note_entity(note, etype, term)
    kg.entities = with_vocabulary(own, vocab)
    plain, contextual = name_pairs(kg.entities, vocab)
    if memo is not None:
        matcher = memo.matcher_for(plain, contextual)
    else:
        matcher = NameMatcher(plain, contextual=contextual)
    assert vault.index is not None
    bibliography, bib_diags = read_bibliographies(vault.root, vault.attachments)
    kg.diagnostics.extend(bib_diags)
    cat = Catalogue(
        kg.entities,
        kg.sources,
        vault.index,
        matcher,
        carriers(kg.entities, vocab),
        bibliography=bibliography,
        class_mechanisms=class_mechanisms(kg.entities, vocab),
    )
    template = boilerplate.find(notes.values())
    for note in notes.values():
        kg.claims.extend(NoteClaims(note, cat, template).extract())
    regrade(kg.claims, kg.sources)  # citations read later may have told a source's design
    kg.diagnostics.extend(cat.diagnostics)
    _drop_families_of_members(kg)
    kg.entities = _mentioned(kg)
    _aggregate(kg)
    return kg


def _drop_families_of_members(kg: KnowledgeGraph) -> None:
    """A claim that a drug acts on members of a family ("blocks A1 and A2A receptors, the
    adenosine receptor subtypes") does not also say it acts on the family as a whole."""
    for c in kg.claims:
        if len(c.relations) < 2:
            continue
        above: set[tuple[str, str, str]] = set()
        for m in c.relations:
            for parent in _ancestors(kg.entities, m.object):
                above.add((m.subject, m.action, parent))
        if above:
            c.relations = [m for m in c.relations if (m.subject, m.action, m.object) not in above]


def _ancestors(entities: dict[str, Entity], key: str) -> set[str]:
    out: set[str] = set()
    todo = list(entities[key].parents) if key in entities else []
    while todo:
        parent = todo.pop()
        if parent not in out and parent in entities:
            out.add(parent)
            todo.extend(entities[parent].parents)
    return out


def _mentioned(kg: KnowledgeGraph) -> dict[str, Entity]:
    """Every entity with a note, and the vocabulary's that some claim mentions, with the
    families and classes of what is mentioned; parents point only at kept entities."""
    wanted: list[str] = []
    for c in kg.claims:
        wanted.extend(c.entities)
        for m in c.relations:
            wanted.extend(k for k in (m.subject, m.object, m.via_class) if k)
    keep = {k for k, e in kg.entities.items() if e.note is not None}
    todo = [k for k in wanted if k in kg.entities]
    seen: set[str] = set()
    while todo:
        key = todo.pop()
        if key not in seen:
            seen.add(key)
            todo.extend(p for p in kg.entities[key].parents if p in kg.entities)
    keep |= seen
    out = {k: e for k, e in kg.entities.items() if k in keep}
    for e in out.values():
        e.parents = [p for p in e.parents if p in out]
    return out


def _class_members(kg: KnowledgeGraph) -> dict[str, list[str]]:
    """Drug-class entity key → the drugs of this graph that belong to it."""
    members: dict[str, list[str]] = defaultdict(list)
    for e in sorted(kg.entities.values(), key=lambda e: e.key):
        if e.type != "drug":
            continue
        for parent in e.parents:
            cls = kg.entities.get(parent)
            if cls is not None and cls.type == "drug-class":
                members[parent].append(e.key)
    return members


def _derive_members(kg: KnowledgeGraph) -> None:
    """A statement about a class yields relations for its members ("SSRIs inhibit SERT" →
    fluoxetine, sertraline … inhibitor SERT), marked with the class they come from. Only the
    members the graph already holds: a class statement brings no new drug into the graph."""
    members = _class_members(kg)
    if not members:
        return
    for claim in kg.claims:
        have = {(m.subject, m.action, m.object) for m in claim.relations}
        derived: list[RelationMention] = []
        for m in claim.relations:
            if m.negated or m.via_class or m.subject not in members:
                continue
            if _only_some(claim.text, kg.entities[m.subject].names):
                continue  # "Most second-generation antipsychotics block 5-HT2A": not each one
            for drug in members[m.subject]:
                key = (drug, m.action, m.object)
                if key not in have and drug != m.object:
                    have.add(key)
                    derived.append(
                        RelationMention(
                            drug, m.action, m.object, explicit=m.explicit, via_class=m.subject
                        )
                    )
        claim.relations.extend(derived)


_SOME = (
    r"\b(?:most|many|some|several|certain|few|not\s+all|the\s+majority\s+of|a\s+number\s+of)"
    r"\s+(?:of\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?"
)


def _only_some(text: str, class_names: list[str]) -> bool:
    """The sentence speaks of only some members of the class: "most SSRIs", "some of the
    older antipsychotics"."""
    names = "|".join(re.escape(n) for n in sorted(class_names, key=len, reverse=True) if n)
    return bool(names) and re.search(rf"{_SOME}(?:{names})", text, re.IGNORECASE) is not None


def _contested(kg: KnowledgeGraph) -> set[tuple[str, str, bool, int]]:
    """(drug, target, adaptation?, direction) that one claim states while another claim states
    the opposite direction; derived member relations never take part."""
    said: dict[tuple[str, str, bool], dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for claim in kg.claims:
        for m in claim.relations:
            a = BY_NAME[m.action]
            if not m.negated and not m.via_class and a.direction:
                said[(m.subject, m.object, a.adaptation)][a.direction].add(claim.id)
    out: set[tuple[str, str, bool, int]] = set()
    for (subject, obj, adaptation), by_direction in said.items():
        for d, ids in by_direction.items():
            others = set().union(*(v for k, v in by_direction.items() if k != d))
            # two claims disagree; one claim naming both directions is not a contradiction
            if others and (len(ids) > 1 or others - ids):
                out.add((subject, obj, adaptation, d))
    return out


def _aggregate(kg: KnowledgeGraph) -> None:
    """Group relation mentions into relations, and flag opposite directions as contested."""
    _derive_members(kg)
    groups: dict[tuple[str, str, str], list[tuple[Claim, RelationMention]]] = defaultdict(list)
    for claim in kg.claims:
        for m in claim.relations:
            if not m.negated:
                groups[(m.subject, m.action, m.object)].append((claim, m))
    # opposite directions for the same pair, comparing binding actions with binding actions
    # and adaptations with adaptations ("antagonist" and "upregulates" do not contradict)
    contested_keys = _contested(kg)
    for (subject, action, obj), members in sorted(groups.items()):
        a = BY_NAME[action]
        stated = [(c, m) for c, m in members if not m.via_class]
        contested = bool(stated) and (subject, obj, a.adaptation, a.direction) in contested_keys
        claims = list(dict.fromkeys(c.id for c, _ in members))
        levels = [c.level for c, _ in members]
        certainties = [c.certainty for c, _ in members]
        kg.relations.append(
            Relation(
                subject=subject,
                action=action,
                object=obj,
                direction=a.direction,
                claims=claims,
                level=best_level([lvl for lvl in levels if lvl != "unsupported"]),
                certainty=min(certainties, key=CERTAINTY_ORDER.index),
                contested=contested,
                explicit=any(m.explicit for _, m in members),
                via_class=[]
                if stated
                else sorted({m.via_class for _, m in members if m.via_class}),
            )
        )
        if contested:
            for c, _ in stated:
                if "contested" not in c.flags:
                    c.flags.append("contested")
    kg.relations.sort(
        key=lambda r: (
            kg.title(r.subject).lower(),
            kg.title(r.object).lower(),
            r.action,
            rank(r.level),
        )
    )


def _fill_graph(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    import networkx as nx  # imported when the graph is first asked for

    g = nx.MultiDiGraph()
    for note in kg.vault.notes.values():
        entity = kg.entities.get(note.path)
        g.add_node(
            note.path,
            kind="note",
            title=note.title,
            type=entity.type if entity else ("source" if note.path in kg.sources else "concept"),
        )
    for e in kg.entities.values():
        if e.note is None:
            g.add_node(e.key, kind="entity", title=e.title, type=e.type)
    for note in kg.vault.notes.values():
        for link in note.links:
            if link.resolved and link.resolved in kg.vault.notes:
                g.add_edge(
                    note.path,
                    link.resolved,
                    key=f"link:{link.line}:{link.col}",
                    type="embeds" if link.embed else "links_to",
                    line=link.line,
                )
    for s in kg.sources.values():
        if s.key not in g:
            g.add_node(s.key, kind="source", title=s.title, type="source")
        g.nodes[s.key].update(source_type=s.source_type, level=s.level, retracted=s.retracted)
    for c in kg.claims:
        g.add_node(c.id, kind="claim", text=c.text, level=c.level, certainty=c.certainty)
        g.add_edge(c.id, c.note, key="stated_in", type="stated_in", line=c.line)
        for e in c.entities:
            g.add_edge(c.id, e, key=f"mentions:{e}", type="mentions")
        for cit in c.citations:
            g.add_edge(
                c.id,
                cit.source,
                key=f"cites:{cit.source}",
                type="cites",
                scope=cit.scope,
                via=cit.via,
            )
    for r in kg.relations:
        g.add_edge(
            r.subject,
            r.object,
            key=r.action,
            type="relation",
            action=r.action,
            direction=r.direction,
            level=r.level,
            certainty=r.certainty,
            contested=r.contested,
            claims=list(r.claims),
        )
    return g
