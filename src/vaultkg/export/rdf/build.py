"""The knowledge graph as RDF triples: notes, entities, sources, claims, relations, and one
nanopublication per claim."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.term import Node

from .iris import Minter, safe_iri
from .vocab import (
    ACTION_PROPERTIES,
    BIBO,
    CERTAINTY_TERMS,
    CITO,
    DCTERMS,
    ECO_NOT_TRACEABLE,
    ECO_TRACEABLE,
    ENTITY_CLASSES,
    LEVEL_TERMS,
    MP,
    NP,
    PREFIXES,
    PRISM,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    SOURCE_SCHEMA_TYPES,
    VKG,
    XSD,
)

if TYPE_CHECKING:
    from ...kg.graph import KnowledgeGraph
    from ...kg.model import Claim, Entity, Source

Triple = tuple[URIRef, URIRef, Node]

TRUE = Literal(True)
FALSE = Literal(False)
DOI_IRI = "https://doi.org/"
PUBMED_IRI = "https://pubmed.ncbi.nlm.nih.gov/"


@dataclass(slots=True)
class RdfData:
    """Triples of the default graph, and the named graphs of the nanopublications."""

    prefixes: dict[str, str]
    triples: set[Triple] = field(default_factory=set)
    graphs: dict[URIRef, set[Triple]] = field(default_factory=dict)

    def graph(self):  # type: ignore[no-untyped-def]
        """The default graph as an rdflib ``Graph`` (for SPARQL), prefixes bound."""
        from rdflib import Graph

        g = Graph(bind_namespaces="none")
        for name, ns in self.prefixes.items():
            g.bind(name, ns)
        for t in self.triples:
            g.add(t)
        return g

    def quad_count(self) -> int:
        return len(self.triples) + sum(len(g) for g in self.graphs.values())


def build_rdf(kg: KnowledgeGraph, *, nanopubs: bool = False) -> RdfData:
    mint = Minter.for_base(kg.vault.config.base_iri)
    data = RdfData(prefixes={**PREFIXES, **mint.prefixes()})
    add = data.triples.update
    add(_value_terms())
    for path in kg.vault.notes:
        add(_note(kg, mint, path))
    for entity in kg.entities.values():
        add(_entity(mint, entity))
    for source in kg.sources.values():
        add(_source(mint, source))
    for claim in kg.claims:
        add(_claim(mint, claim))
        add(_claim_evidence(mint, claim, mint.claim(claim.id)))
    for r in kg.relations:
        add([(mint.entity(r.subject), ACTION_PROPERTIES[r.action], mint.entity(r.object))])
    if nanopubs:
        for claim in kg.claims:
            data.graphs.update(_nanopub(mint, claim))
    return data


def _value_terms() -> Iterable[Triple]:
    """The evidence levels and certainties, so queries can rank and name them."""
    for rank, (name, iri) in enumerate(LEVEL_TERMS.items()):
        yield iri, RDF.type, VKG.EvidenceLevel
        yield iri, RDFS.label, Literal(name.replace("-", " "))
        yield iri, SKOS.notation, Literal(name)
        yield iri, VKG.rank, Literal(rank)
    for name, iri in CERTAINTY_TERMS.items():
        yield iri, RDF.type, VKG.Certainty
        yield iri, RDFS.label, Literal(name)
        yield iri, SKOS.notation, Literal(name)


def _note(kg: KnowledgeGraph, mint: Minter, path: str) -> Iterable[Triple]:
    note = kg.vault.notes[path]
    iri = mint.note(path)
    yield iri, RDF.type, VKG.Note
    yield iri, RDFS.label, Literal(note.title)
    yield iri, DCTERMS.title, Literal(note.title)
    yield iri, VKG.path, Literal(path)
    for tag in {t.name for t in note.tags}:
        yield iri, SCHEMA.keywords, Literal(tag)
    if path in kg.entities:
        yield iri, SCHEMA.mainEntity, mint.entity(path)
    if path in kg.sources:
        yield iri, SCHEMA.mainEntity, mint.source(path)
    for link in note.links:
        target = link.resolved
        if target and target != path and target in kg.vault.notes:
            yield iri, VKG.embeds if link.embed else VKG.linksTo, mint.note(target)


def _entity(mint: Minter, entity: Entity) -> Iterable[Triple]:
    iri = mint.entity(entity.key)
    yield iri, RDF.type, ENTITY_CLASSES.get(entity.type, VKG.Entity)
    yield iri, RDFS.label, Literal(entity.title)
    yield iri, SKOS.prefLabel, Literal(entity.title)
    for alias in entity.aliases:
        if alias != entity.title:
            yield iri, SKOS.altLabel, Literal(alias)
    for curie, ident_iri in entity.identifiers:
        yield iri, DCTERMS.identifier, Literal(curie)
        yield iri, SKOS.exactMatch, safe_iri(ident_iri)
    for parent in entity.parents:
        yield iri, SKOS.broader, mint.entity(parent)
    if entity.note is not None:
        yield iri, SCHEMA.mainEntityOfPage, mint.note(entity.note)


def _source(mint: Minter, s: Source) -> Iterable[Triple]:
    iri = mint.source(s.key)
    yield iri, RDF.type, VKG.Source
    yield iri, RDF.type, SOURCE_SCHEMA_TYPES.get(s.source_type, SCHEMA.CreativeWork)
    yield iri, RDFS.label, Literal(s.title)
    yield iri, DCTERMS.title, Literal(s.title)
    yield iri, VKG.sourceType, Literal(s.source_type)
    yield iri, VKG.sourceTypeInferred, Literal(s.inferred)
    yield iri, VKG.evidenceLevel, LEVEL_TERMS[s.level]
    yield iri, VKG.retracted, Literal(s.retracted)
    for author in s.authors:
        yield iri, SCHEMA.author, Literal(author)
    yield iri, DCTERMS.bibliographicCitation, Literal(citation_text(s))
    if s.year is not None:
        yield iri, DCTERMS.issued, Literal(f"{s.year:04d}", datatype=XSD.gYear)
    if s.journal:
        yield iri, PRISM.publicationName, Literal(s.journal)
    if s.publisher:
        yield iri, SCHEMA.publisher, Literal(s.publisher)
    if s.doi:
        yield iri, BIBO.doi, Literal(s.doi)
        yield iri, SKOS.exactMatch, safe_iri(DOI_IRI + s.doi)
    if s.pmid:
        yield iri, BIBO.pmid, Literal(s.pmid)
        yield iri, SKOS.exactMatch, safe_iri(PUBMED_IRI + s.pmid)
    if s.isbn:
        yield iri, SCHEMA.isbn, Literal(s.isbn)
    if s.url:
        yield iri, SCHEMA.url, safe_iri(s.url)
    if s.citekey:
        yield iri, VKG.citekey, Literal(s.citekey)
    if s.note:
        yield iri, SCHEMA.mainEntityOfPage, mint.note(s.note)


def citation_text(s: Source) -> str:
    """``Hyman SE, Nestler EJ (1996). Title. Journal.``: the authors in their written order."""
    head = ", ".join(s.authors)
    if s.year is not None:
        head = f"{head} ({s.year})" if head else f"({s.year})"
    parts = [p for p in (head, s.title, s.journal or s.publisher) if p]
    return ". ".join(p.rstrip(".") for p in parts) + "."


def _claim(mint: Minter, claim: Claim) -> Iterable[Triple]:
    """What the claim says: its text, the entities it mentions, the relations it states."""
    iri = mint.claim(claim.id)
    yield iri, RDF.type, MP.Claim
    yield iri, RDF.type, VKG.Claim
    yield iri, MP.statement, Literal(claim.text)
    for key in claim.entities:
        yield iri, VKG.mentions, mint.entity(key)
    for n, m in enumerate(claim.relations, start=1):
        st = mint.statement(claim.id, n)
        yield iri, VKG.relation, st
        yield st, RDF.type, VKG.RelationStatement
        yield st, RDF.subject, mint.entity(m.subject)
        yield st, RDF.predicate, ACTION_PROPERTIES[m.action]
        yield st, RDF.object, mint.entity(m.object)
        yield st, VKG.negated, TRUE if m.negated else FALSE
        yield st, VKG.explicit, TRUE if m.explicit else FALSE
        if m.via_class:
            yield st, VKG.viaClass, mint.entity(m.via_class)


def _claim_evidence(mint: Minter, claim: Claim, about: URIRef) -> Iterable[Triple]:
    """How we know: level, certainty, citations, kind of evidence, where it was written.

    ``about`` is the claim in the default graph, its assertion graph in a nanopublication.
    """
    yield about, VKG.evidenceLevel, LEVEL_TERMS[claim.level]
    yield about, VKG.certainty, CERTAINTY_TERMS[claim.certainty]
    yield about, VKG.evidenceType, ECO_TRACEABLE if claim.citations else ECO_NOT_TRACEABLE
    for cit in claim.citations:
        yield about, CITO.citesAsEvidence, mint.source(cit.source)
    if claim.scope:
        yield about, VKG.citationScope, Literal(claim.scope)
    yield about, PROV.wasDerivedFrom, mint.note(claim.note)
    yield about, VKG.line, Literal(claim.line)
    if "contested" in claim.flags:
        yield about, VKG.contested, TRUE
    if "retracted" in claim.flags:
        yield about, VKG.citesRetracted, TRUE


def _nanopub(mint: Minter, claim: Claim) -> Iterable[tuple[URIRef, set[Triple]]]:
    """Head, assertion, provenance and publication-info graphs of one claim."""
    np_iri = mint.nanopub(claim.id)
    head = mint.nanopub(claim.id, "head")
    assertion = mint.nanopub(claim.id, "assertion")
    provenance = mint.nanopub(claim.id, "provenance")
    pubinfo = mint.nanopub(claim.id, "pubinfo")
    yield (
        head,
        {
            (np_iri, RDF.type, NP.Nanopublication),
            (np_iri, NP.hasAssertion, assertion),
            (np_iri, NP.hasProvenance, provenance),
            (np_iri, NP.hasPublicationInfo, pubinfo),
        },
    )
    stated = set(_claim(mint, claim))
    for m in claim.relations:
        if not m.negated and not m.via_class:  # a member relation is not what the claim says
            stated.add((mint.entity(m.subject), ACTION_PROPERTIES[m.action], mint.entity(m.object)))
    yield assertion, stated
    yield provenance, set(_claim_evidence(mint, claim, assertion))
    yield (
        pubinfo,
        {
            (np_iri, PROV.wasDerivedFrom, mint.note(claim.note)),
            (np_iri, PROV.wasAttributedTo, VKG.vaultkg),
            (np_iri, DCTERMS.subject, mint.claim(claim.id)),
        },
    )
