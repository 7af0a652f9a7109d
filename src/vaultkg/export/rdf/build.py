"""The knowledge graph as an RDF dataset of pyoxigraph quads.

Graphs (IRIs under the vault's base IRI):

- ``graph/<note>``: one per note: the note, and the entity or source it describes.
- ``np/<claim>-head``, ``-assertion``, ``-provenance``, ``-pubinfo``: one nanopublication per
  claim; its note owns them too (``Dataset.note_graphs``).
- ``graphs/relations``: the drug → target relations the vault supports, as bare triples.
- ``graphs/shared``: what no note owns: evidence levels, certainties, relation statuses,
  vocabulary terms that have no note, and sources cited inline (a DOI, PMID or URL).
- ``graphs/dataset``: the dataset's description (VoID, DCAT).
- the default graph: nothing. Stores disagree on what it is (Virtuoso's is the union of all
  graphs and cannot be cleared alone), so a push never needs to write it.

No triple is in two graphs, so a store that queries the union of all graphs counts each once.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from ...kg.actions import BY_NAME
from .iris import Minter, safe_iri
from .mappings import entity_types, identifier_iri, mapping_triples
from .vocab import (
    ACTION_PROPERTIES,
    BIBO,
    CERTAINTY_TERMS,
    CITO,
    DCAT,
    DCTERMS,
    ECO_NOT_TRACEABLE,
    ECO_TRACEABLE,
    ENTITY_CLASSES,
    LEVEL_TERMS,
    MP,
    NP,
    OWL,
    PAV,
    PREFIXES,
    PRISM,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    SOURCE_SCHEMA_TYPES,
    STATUS_TERMS,
    VKG,
    VOID,
    XSD,
)

if TYPE_CHECKING:
    from ...config import Config
    from ...kg.graph import KnowledgeGraph
    from ...kg.model import Claim, Entity, Source

Term = ox.NamedNode | ox.Literal
DOI_IRI = "https://doi.org/"
TRUE = ox.Literal(True)
FALSE = ox.Literal(False)


@dataclass
class Dataset:
    """The quads (sorted: default graph first, then by graph, subject, predicate, object),
    the prefixes the files declare, and the graphs each note owns."""

    quads: list[ox.Quad]
    prefixes: dict[str, str]
    note_graphs: dict[str, list[str]] = field(default_factory=dict)
    shared_graphs: list[str] = field(default_factory=list)

    @cached_property
    def default_count(self) -> int:
        """How many quads, at the start of ``quads``, are in the default graph."""
        n = 0
        for q in self.quads:
            if isinstance(q.graph_name, ox.NamedNode):
                break
            n += 1
        return n

    def triples(self) -> list[ox.Triple]:
        """Every graph's triples in one graph (no triple is in two), sorted."""
        return sorted({q.triple for q in self.quads}, key=str)


def build_dataset(kg: KnowledgeGraph) -> list[ox.Quad]:
    """The vault's RDF as quads, sorted; pass ``privacy.public_graph(kg)`` to publish."""
    return dataset(kg).quads


def dataset(kg: KnowledgeGraph) -> Dataset:
    mint = Minter.for_vault(kg.vault)
    out = _Quads()
    shared = mint.shared_graph("shared")
    relations_graph = mint.shared_graph("relations")
    described = mint.shared_graph("dataset")
    note_graphs: dict[str, list[str]] = {p: [mint.graph(p)] for p in kg.vault.notes}

    out.extend(described, _description(kg, mint))
    out.extend(shared, _value_terms())
    for path in kg.vault.notes:
        out.extend(mint.graph(path), _note(kg, mint, path))
    for entity in kg.entities.values():
        home = mint.graph(entity.note) if entity.note in kg.vault.notes else shared
        out.extend(home, _entity(mint, entity))
        # what a gene or subunit IRI is: said once, whichever entities name it
        out.extend(shared, _identifier_types(entity))
    for source in kg.sources.values():
        home = mint.graph(source.note) if source.note in kg.vault.notes else shared
        out.extend(home, _source(mint, source))
    statuses = relation_statuses(kg)
    for r in kg.relations:
        if statuses[(r.subject, r.action, r.object)] == "accepted":
            s, p, o = mint.entity(r.subject), ACTION_PROPERTIES[r.action], mint.entity(r.object)
            out.add(relations_graph, s, p, o)
    opponents = contradictions(kg)
    created = _created_times(kg)
    for claim in kg.claims:
        when = created.get(claim.note)
        graphs = _nanopub(mint, claim, statuses, opponents, when, kg.vault.config)
        for graph, triples in graphs:
            out.extend(graph, triples)
            if claim.note in note_graphs:
                note_graphs[claim.note].append(graph)
    return Dataset(
        out.sorted(),
        {**PREFIXES, **mint.prefixes()},
        {p: sorted(gs) for p, gs in note_graphs.items()},
        [described, relations_graph, shared],
    )


# -- building ---------------------------------------------------------------------------------

# a subject or object IRI may be a string, minted from the vault; predicates are terms
Triple = tuple[str | ox.NamedNode, ox.NamedNode, str | Term]


class _Quads:
    """Quads from (subject, predicate, object) triples whose IRIs are strings or NamedNodes,
    each IRI made a NamedNode once."""

    def __init__(self) -> None:
        self._nodes: dict[str, ox.NamedNode] = {}
        self._graphs: dict[str | None, set[ox.Quad]] = {}

    def node(self, t: Any) -> Any:
        if isinstance(t, str):
            n = self._nodes.get(t)
            if n is None:
                n = self._nodes[t] = ox.NamedNode(t)
            return n
        return t

    def add(self, graph: str | None, s: Any, p: Any, o: Any) -> None:
        self.extend(graph, [(s, p, o)])

    def extend(self, graph: str | None, triples: Iterable[tuple[Any, Any, Any]]) -> None:
        node = self.node
        quads = self._graphs.get(graph)
        if quads is None:
            quads = self._graphs[graph] = set()
        g = node(graph) if graph is not None else ox.DefaultGraph()
        for s, p, o in triples:  # predicates are always vocabulary terms (NamedNodes)
            quads.add(ox.Quad(node(s), p, node(o), g))

    def sorted(self) -> list[ox.Quad]:
        """The default graph's quads, then each named graph's in IRI order, each graph's
        quads in N-Quads order."""
        out = sorted(self._graphs.pop(None, ()), key=str)
        for graph in sorted(g for g in self._graphs if g is not None):
            out.extend(sorted(self._graphs[graph], key=str))
        return out


def _lit(value: str | int | bool) -> ox.Literal:
    return ox.Literal(value)


# -- the dataset's description -----------------------------------------------------------------


def _description(kg: KnowledgeGraph, mint: Minter) -> Iterator[Triple]:
    from ... import __version__

    cfg = kg.vault.config
    d = mint.dataset()
    yield d, RDF.type, VOID.Dataset
    yield d, RDF.type, DCAT.Dataset
    yield d, DCTERMS.title, _lit(f"vaultkg knowledge graph of {kg.vault.root.name}")
    yield d, VOID.uriSpace, _lit(mint.base)
    yield d, PAV.createdWith, VKG.vaultkg
    yield d, VKG.vaultkgVersion, _lit(__version__)
    yield d, DCTERMS.conformsTo, ox.NamedNode("https://w3id.org/vaultkg/shapes")
    for ns in ("https://w3id.org/vaultkg/ns", "http://purl.org/mp/", "http://purl.org/spar/cito/"):
        yield d, VOID.vocabulary, ox.NamedNode(ns)
    if cfg.rdf_license:
        yield d, DCTERMS.license, safe_iri(cfg.rdf_license)
    if cfg.rdf_creator:
        yield d, DCTERMS.creator, safe_iri(cfg.rdf_creator)


def _value_terms() -> Iterator[Triple]:
    """The evidence levels, certainties and statuses, so queries can rank and name them."""
    for rank, (name, iri) in enumerate(LEVEL_TERMS.items()):
        yield iri, RDF.type, VKG.EvidenceLevel
        yield iri, RDFS.label, _lit(name.replace("-", " "))
        yield iri, SKOS.notation, _lit(name)
        yield iri, VKG.rank, _lit(rank)
    for name, iri in CERTAINTY_TERMS.items():
        yield iri, RDF.type, VKG.Certainty
        yield iri, RDFS.label, _lit(name)
        yield iri, SKOS.notation, _lit(name)
    for name, iri in STATUS_TERMS.items():
        yield iri, RDF.type, VKG.RelationStatus
        yield iri, SKOS.notation, _lit(name)


# -- notes, entities, sources ------------------------------------------------------------------


def _note(kg: KnowledgeGraph, mint: Minter, path: str) -> Iterator[Triple]:
    note = kg.vault.notes[path]
    iri = mint.note(path)
    yield iri, RDF.type, VKG.Note
    yield iri, RDFS.label, _lit(note.title)
    yield iri, DCTERMS.title, _lit(note.title)
    yield iri, VKG.path, _lit(path)
    if path in mint.ids:
        yield iri, DCTERMS.identifier, _lit(mint.ids[path])
    for tag in {t.name for t in note.tags}:
        yield iri, SCHEMA.keywords, _lit(tag)
    if path in kg.entities:
        yield iri, SCHEMA.mainEntity, mint.entity(path)
    if path in kg.sources:
        yield iri, SCHEMA.mainEntity, mint.source(path)
    for link in note.links:
        target = link.resolved
        if target and target != path and target in kg.vault.notes:
            yield iri, VKG.embeds if link.embed else VKG.linksTo, mint.note(target)


def _entity(mint: Minter, entity: Entity) -> Iterator[Triple]:
    iri = mint.entity(entity.key)
    yield iri, RDF.type, ENTITY_CLASSES.get(entity.type, VKG.Entity)
    for cls in entity_types(entity):
        yield iri, RDF.type, cls
    yield iri, RDFS.label, _lit(entity.title)
    yield iri, SKOS.prefLabel, _lit(entity.title)
    for alias in entity.aliases:
        if alias != entity.title:
            yield iri, SKOS.altLabel, _lit(alias)
    for curie, _ in entity.identifiers:
        yield iri, DCTERMS.identifier, _lit(curie)
    for predicate, target, _ in mapping_triples(entity):
        yield iri, predicate, target
    for parent in entity.parents:
        yield iri, VKG.memberOf, mint.entity(parent)
    if entity.vocab_id and not entity.key.startswith("vocab:"):
        yield iri, OWL.sameAs, mint.vocab(entity.vocab_id)
    if entity.note is not None:
        yield iri, SCHEMA.mainEntityOfPage, mint.note(entity.note)


def _identifier_types(entity: Entity) -> Iterator[Triple]:
    for _, target, target_type in mapping_triples(entity):
        if target_type is not None:
            yield target, RDF.type, target_type


def _source(mint: Minter, s: Source) -> Iterator[Triple]:
    iri = mint.source(s.key)
    yield iri, RDF.type, VKG.Source
    yield iri, RDF.type, SOURCE_SCHEMA_TYPES.get(s.source_type, SCHEMA.CreativeWork)
    yield iri, RDFS.label, _lit(s.title)
    yield iri, DCTERMS.title, _lit(s.title)
    yield iri, VKG.sourceType, _lit(s.source_type)
    yield iri, VKG.sourceTypeInferred, _lit(s.inferred)
    yield iri, VKG.evidenceLevel, LEVEL_TERMS[s.level]
    yield iri, VKG.retracted, _lit(s.retracted)
    for author in s.authors:
        yield iri, SCHEMA.author, _lit(author)
    yield iri, DCTERMS.bibliographicCitation, _lit(citation_text(s))
    if s.year is not None:
        yield iri, DCTERMS.issued, ox.Literal(f"{s.year:04d}", datatype=XSD.gYear)
    if s.journal:
        yield iri, PRISM.publicationName, _lit(s.journal)
    if s.publisher:
        yield iri, SCHEMA.publisher, _lit(s.publisher)
    # a DOI or PMID is the work's identifier: the literal (bibo), the CURIE, and the work's
    # resolvable IRI as schema:sameAs (not skos:exactMatch: a work is not a SKOS concept)
    if s.doi:
        yield iri, BIBO.doi, _lit(s.doi)
        yield iri, DCTERMS.identifier, _lit(f"doi:{s.doi}")
        yield iri, SCHEMA.sameAs, safe_iri(DOI_IRI + s.doi)
    if s.pmid:
        yield iri, BIBO.pmid, _lit(s.pmid)
        yield iri, DCTERMS.identifier, _lit(f"pubmed:{s.pmid}")
        yield iri, SCHEMA.sameAs, safe_iri(identifier_iri(f"pubmed:{s.pmid}", ""))
    if s.isbn:
        yield iri, SCHEMA.isbn, _lit(s.isbn)
    if s.url:
        yield iri, SCHEMA.url, safe_iri(s.url)
    if s.citekey:
        yield iri, VKG.citekey, _lit(s.citekey)
    if s.note:
        yield iri, SCHEMA.mainEntityOfPage, mint.note(s.note)


def citation_text(s: Source) -> str:
    """``Hyman SE, Nestler EJ (1996). Title. Journal.``: the authors in their written order."""
    head = ", ".join(s.authors)
    if s.year is not None:
        head = f"{head} ({s.year})" if head else f"({s.year})"
    parts = [p for p in (head, s.title, s.journal or s.publisher) if p]
    return ". ".join(p.rstrip(".") for p in parts) + "."


# -- what the vault supports -----------------------------------------------------------------


def retracted_only(kg: KnowledgeGraph, claim: Claim) -> bool:
    """The claim cites sources, and every one of them is retracted."""
    cited = [kg.sources[c.source] for c in claim.citations if c.source in kg.sources]
    return bool(cited) and all(s.retracted for s in cited)


def relation_statuses(kg: KnowledgeGraph) -> dict[tuple[str, str, str], str]:
    """(drug, action, target) → accepted, contested or retracted.

    Retracted: every claim stating it cites only retracted sources. Contested: another
    relation of the same drug and target goes the opposite way and is not retracted itself
    (a retracted study does not contest what the rest of the vault says). Accepted relations
    are the only ones asserted as bare triples.
    """
    claims = kg.claims_by_id
    retracted = {
        (r.subject, r.action, r.object): all(retracted_only(kg, claims[c]) for c in r.claims)
        for r in kg.relations
    }
    standing: dict[tuple[str, str, bool], set[int]] = defaultdict(set)
    for r in kg.relations:
        a = BY_NAME[r.action]
        if not retracted[(r.subject, r.action, r.object)] and not r.derived and a.direction:
            standing[(r.subject, r.object, a.adaptation)].add(a.direction)
    out = {}
    for r in kg.relations:
        key = (r.subject, r.action, r.object)
        a = BY_NAME[r.action]
        opposed = -a.direction in standing[(r.subject, r.object, a.adaptation)]
        if retracted[key]:
            out[key] = "retracted"
        elif r.contested and a.direction and opposed:
            out[key] = "contested"
        else:
            out[key] = "accepted"
    return out


def contradictions(kg: KnowledgeGraph) -> dict[str, list[str]]:
    """Each contested claim's id → the ids of the claims that state the opposite direction
    for the same drug and target."""
    said: dict[tuple[str, str, bool, int], set[str]] = defaultdict(set)
    for claim in kg.claims:
        for m in claim.relations:
            a = BY_NAME[m.action]
            if not m.negated and not m.via_class and a.direction:
                said[(m.subject, m.object, a.adaptation, a.direction)].add(claim.id)
    out: dict[str, list[str]] = {}
    for claim in kg.claims:
        if "contested" not in claim.flags:
            continue
        others: set[str] = set()
        for m in claim.relations:
            a = BY_NAME[m.action]
            if not m.negated and not m.via_class and a.direction:
                others |= said[(m.subject, m.object, a.adaptation, -a.direction)]
        others.discard(claim.id)
        if others:
            out[claim.id] = sorted(others)
    return out


# -- claims as nanopublications ---------------------------------------------------------------


def _claim(
    mint: Minter, claim: Claim, statuses: dict[tuple[str, str, str], str]
) -> Iterator[Triple]:
    """What the claim says: its text, the entities it mentions, the relations it states, each
    as a statement with its status (only accepted ones are also bare triples)."""
    iri = mint.claim(claim.id)
    yield iri, RDF.type, MP.Claim
    yield iri, RDF.type, VKG.Claim
    yield iri, MP.statement, _lit(claim.text)
    for key in claim.entities:
        yield iri, VKG.mentions, mint.entity(key)
    for n, m in enumerate(claim.relations, start=1):
        st = mint.statement(claim.id, n)
        status = (
            "denied" if m.negated else statuses.get((m.subject, m.action, m.object), "accepted")
        )
        yield iri, VKG.relation, st
        yield st, RDF.type, VKG.RelationStatement
        yield st, RDF.subject, mint.entity(m.subject)
        yield st, RDF.predicate, ACTION_PROPERTIES[m.action]
        yield st, RDF.object, mint.entity(m.object)
        yield st, VKG.negated, TRUE if m.negated else FALSE
        yield st, VKG.explicit, TRUE if m.explicit else FALSE
        yield st, VKG.status, STATUS_TERMS[status]
        if m.via_class:
            yield st, VKG.viaClass, mint.entity(m.via_class)


def evidence_type(claim: Claim) -> ox.NamedNode:
    traceable = any(c.scope in ("sentence", "block") for c in claim.citations)
    return ECO_TRACEABLE if traceable else ECO_NOT_TRACEABLE


def _evidence(mint: Minter, claim: Claim, opponents: dict[str, list[str]]) -> Iterator[Triple]:
    """How we know: level, certainty, citations, kind of evidence, where it was written."""
    iri = mint.claim(claim.id)
    yield iri, VKG.evidenceLevel, LEVEL_TERMS[claim.level]
    yield iri, VKG.certainty, CERTAINTY_TERMS[claim.certainty]
    yield iri, VKG.evidenceType, evidence_type(claim)
    for cit in claim.citations:
        yield iri, CITO.citesAsEvidence, mint.source(cit.source)
    if claim.scope:
        yield iri, VKG.citationScope, _lit(claim.scope)
    yield iri, PROV.wasDerivedFrom, mint.note(claim.note)
    yield iri, VKG.line, _lit(claim.line)
    for other in opponents.get(claim.id, ()):
        yield iri, VKG.contradictedBy, mint.claim(other)
    if "retracted" in claim.flags:
        yield iri, VKG.citesRetracted, TRUE


def _nanopub(
    mint: Minter,
    claim: Claim,
    statuses: dict[tuple[str, str, str], str],
    opponents: dict[str, list[str]],
    created: str | None,
    cfg: Config,
) -> list[tuple[str, list[Triple]]]:
    """Head, assertion, provenance and publication-info graphs of one claim."""
    np_iri = mint.nanopub(claim.id)
    head = mint.nanopub(claim.id, "head")
    assertion = mint.nanopub(claim.id, "assertion")
    provenance = mint.nanopub(claim.id, "provenance")
    pubinfo = mint.nanopub(claim.id, "pubinfo")
    note = mint.note(claim.note)
    head_triples: list[Triple] = [
        (np_iri, RDF.type, NP.Nanopublication),
        (np_iri, NP.hasAssertion, assertion),
        (np_iri, NP.hasProvenance, provenance),
        (np_iri, NP.hasPublicationInfo, pubinfo),
    ]
    prov_triples: list[Triple] = [
        (assertion, PROV.wasDerivedFrom, note),
        *_evidence(mint, claim, opponents),
    ]
    info: list[Triple] = [
        (np_iri, PROV.wasDerivedFrom, note),
        (np_iri, PAV.createdWith, VKG.vaultkg),
    ]
    if created:
        info.append((np_iri, DCTERMS.created, ox.Literal(created, datatype=XSD.dateTime)))
    if cfg.rdf_creator:
        info.append((np_iri, DCTERMS.creator, safe_iri(cfg.rdf_creator)))
    if cfg.rdf_license:
        info.append((np_iri, DCTERMS.license, safe_iri(cfg.rdf_license)))
    return [
        (head, head_triples),
        (assertion, list(_claim(mint, claim, statuses))),
        (provenance, prov_triples),
        (pubinfo, info),
    ]


# -- creation times ---------------------------------------------------------------------------


def _created_times(kg: KnowledgeGraph) -> dict[str, str]:
    """Each note's creation time (xsd:dateTime): its ``created`` or ``date`` property, else the
    file's modification time (unchanged while the file is), never the clock."""
    out = {}
    for path, note in kg.vault.notes.items():
        when = note_time(note.properties)
        if when is None:
            try:
                mtime = int(os.stat(kg.vault.root / path).st_mtime)
            except OSError:
                continue
            when = dt.datetime.fromtimestamp(mtime, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        out[path] = when
    return out


def note_time(properties: dict[str, Any]) -> str | None:
    for key in ("created", "date"):
        value = properties.get(key)
        if isinstance(value, str):
            try:
                value = dt.datetime.fromisoformat(value.strip())
            except ValueError:
                continue
        if isinstance(value, dt.datetime):
            if value.tzinfo is not None:
                return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            return value.strftime("%Y-%m-%dT%H:%M:%S")
        if isinstance(value, dt.date):
            return f"{value.isoformat()}T00:00:00"
    return None
