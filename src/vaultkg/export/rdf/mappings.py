"""An entity's database identifiers as links that say what they mean.

- ``schema:sameAs``: the record is the same thing (a drug's one ChEBI or ChEMBL entry, a
  single-protein target's one UniProt entry). Not ``owl:sameAs`` (a ChEBI IRI is an OWL class)
  and not ``skos:exactMatch`` (drugs and targets are not SKOS concepts).
- ``skos:exactMatch``: a concept (mechanism, drug class, concept) and a MeSH or Wikidata entry.
- ``obo:BFO_0000051`` (has part): a target with several UniProt entries is a complex of those
  subunits (GABA-A: α1, β2, γ2).
- ``obo:RO_0002204`` (gene product of): a single-protein target and its one HGNC gene; the
  genes of a complex are ``rdfs:seeAlso`` (which subunit each encodes is not known).
- ``rdfs:seeAlso``: several entries under one prefix for one entity (a group such as the trace
  amines), which cannot each be the same thing.

Identifier IRIs are Bioregistry IRIs (``https://bioregistry.io/chembl.compound:CHEMBL113``),
except where the namespace has its own linked-data IRIs: ChEBI (OBO PURLs), UniProt
(purl.uniprot.org) and Wikidata (wikidata.org/entity).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pyoxigraph as ox

from ...kg.model import Entity
from .vocab import (
    BFO_HAS_PART,
    BIOLINK,
    CONCEPT_TYPES,
    RDFS,
    RO_GENE_PRODUCT_OF,
    SCHEMA,
    SKOS,
    TARGET_TYPES,
)

BIOREGISTRY = "https://bioregistry.io/"
LINKED_DATA_PREFIXES = frozenset({"chebi", "uniprot", "wikidata"})
GENE_PREFIXES = frozenset({"hgnc", "hgnc.symbol"})


def identifier_iri(curie: str, iri: str) -> str:
    prefix = curie.partition(":")[0]
    return iri if prefix in LINKED_DATA_PREFIXES and iri else BIOREGISTRY + curie


def is_complex(entity: Entity) -> bool:
    return entity.type in TARGET_TYPES and _count(entity)["uniprot"] > 1


def _count(entity: Entity) -> Counter[str]:
    return Counter(curie.partition(":")[0] for curie, _ in entity.identifiers)


def mapping_triples(entity: Entity) -> Iterator[tuple[ox.NamedNode, str, ox.NamedNode | None]]:
    """(predicate, identifier IRI, its type or None) for each identifier of the entity."""
    counts = _count(entity)
    complex_ = is_complex(entity)
    for curie, iri in entity.identifiers:
        prefix = curie.partition(":")[0]
        target = identifier_iri(curie, iri)
        if prefix in GENE_PREFIXES:
            single = entity.type in TARGET_TYPES and not complex_ and counts[prefix] == 1
            yield (RO_GENE_PRODUCT_OF if single else RDFS.seeAlso), target, BIOLINK.Gene
        elif prefix == "uniprot" and complex_:
            yield BFO_HAS_PART, target, BIOLINK.Protein
        elif counts[prefix] > 1 or prefix in ("doi", "pubmed", "isbn"):
            yield RDFS.seeAlso, target, None
        elif entity.type in CONCEPT_TYPES:
            yield SKOS.exactMatch, target, None
        else:
            yield SCHEMA.sameAs, target, None


def entity_types(entity: Entity) -> list[ox.NamedNode]:
    """The Biolink class of a drug, transmitter or target (none for a concept)."""
    if entity.type in ("drug", "neurotransmitter"):
        return [BIOLINK.ChemicalEntity]
    if entity.type in TARGET_TYPES:
        return [BIOLINK.MacromolecularComplex if is_complex(entity) else BIOLINK.Protein]
    if entity.type in CONCEPT_TYPES:
        return [SKOS.Concept]
    return []
