"""What the site publishes: the knowledge graph cut down to the published notes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ...constants import CERTAINTIES
from ...kg.evidence import best_level
from ...kg.graph import KnowledgeGraph
from ...kg.model import Claim, Relation, Source
from .anchors import NoteAnchors
from .publish import published_notes
from .urls import SiteUrls


@dataclass
class SiteContext:
    """The published part of a knowledge graph, with the page of every note."""

    kg: KnowledgeGraph
    published: set[str]
    urls: SiteUrls
    claims: list[Claim] = field(default_factory=list)
    claims_by_note: dict[str, list[Claim]] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    citekeys: dict[str, str] = field(default_factory=dict)  # citekey -> source key
    relations_of: dict[str, list[Relation]] = field(default_factory=dict)  # by drug or target
    _anchors: dict[str, NoteAnchors] = field(default_factory=dict)

    @classmethod
    def of(cls, kg: KnowledgeGraph) -> SiteContext:
        notes = kg.vault.notes
        published = published_notes(notes, kg.vault.config, everything=kg.vault.include_private)
        tags = [t.name for p in published for t in notes[p].tags]
        ctx = cls(kg=kg, published=published, urls=SiteUrls.plan(sorted(published), tags))
        by_note: dict[str, list[Claim]] = defaultdict(list)
        for c in kg.claims:
            if c.note in published:
                ctx.claims.append(c)
                by_note[c.note].append(c)
        ctx.claims_by_note = dict(by_note)
        ctx.relations = _published_relations(kg, ctx.claims)
        by_key: dict[str, list[Relation]] = defaultdict(list)
        for r in ctx.relations:
            by_key[r.subject].append(r)
            if r.object != r.subject:
                by_key[r.object].append(r)
        ctx.relations_of = dict(by_key)
        ctx.citekeys = {s.citekey: s.key for s in kg.sources.values() if s.citekey}
        return ctx

    def page(self, note_path: str | None) -> str | None:
        """The page of a note, or None when the note is not published."""
        return self.urls.notes.get(note_path) if note_path else None

    def anchors(self, note_path: str) -> NoteAnchors:
        found = self._anchors.get(note_path)
        if found is None:
            found = self._anchors[note_path] = NoteAnchors.of(self.kg.vault.notes[note_path])
        return found

    def title(self, key: str) -> str:
        note = self.kg.vault.notes.get(key)
        if note is not None:
            return note.title
        return self.kg.title(key)

    def source(self, key: str) -> Source | None:
        return self.kg.sources.get(key)

    def entity_page(self, key: str) -> str | None:
        return self.page(key) if key in self.kg.entities else None


def _published_relations(kg: KnowledgeGraph, claims: list[Claim]) -> list[Relation]:
    """Relations whose claims are (partly) published, graded by those claims alone."""
    by_id = {c.id: c for c in claims}
    out = []
    for r in kg.relations:
        kept = [by_id[cid] for cid in r.claims if cid in by_id]
        if not kept:
            continue
        levels = [c.level for c in kept if c.level != "unsupported"]
        out.append(
            Relation(
                subject=r.subject,
                action=r.action,
                object=r.object,
                direction=r.direction,
                claims=[c.id for c in kept],
                level=best_level(levels),
                certainty=min((c.certainty for c in kept), key=CERTAINTIES.index),
                contested=r.contested,
                explicit=r.explicit,
            )
        )
    return out
