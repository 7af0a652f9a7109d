"""The namespaces and terms the RDF export uses, as pyoxigraph terms, and the prefixes every
output declares."""

from __future__ import annotations

import pyoxigraph as ox

from ...kg.actions import ACTIONS


class Namespace:
    """``VKG.Drug`` or ``VKG["Drug"]`` → the NamedNode ``<https://w3id.org/vaultkg/ns#Drug>``."""

    __slots__ = ("_terms", "iri")

    def __init__(self, iri: str) -> None:
        self.iri = iri
        self._terms: dict[str, ox.NamedNode] = {}

    def __getitem__(self, name: str) -> ox.NamedNode:
        term = self._terms.get(name)
        if term is None:
            term = self._terms[name] = ox.NamedNode(self.iri + name)
        return term

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        return self[name]

    def __str__(self) -> str:
        return self.iri


# The vocabulary's namespace is fixed: it names the terms, not a vault's data, so it does not
# follow base_iri. Its terms are defined in data/vaultkg.ttl (written beside the export as
# vocab.ttl).
VKG = Namespace("https://w3id.org/vaultkg/ns#")
MP = Namespace("http://purl.org/mp/")
CITO = Namespace("http://purl.org/spar/cito/")
OBO = Namespace("http://purl.obolibrary.org/obo/")
PROV = Namespace("http://www.w3.org/ns/prov#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SCHEMA = Namespace("https://schema.org/")
DCTERMS = Namespace("http://purl.org/dc/terms/")
BIBO = Namespace("http://purl.org/ontology/bibo/")
PRISM = Namespace("http://prismstandard.org/namespaces/basic/2.0/")
NP = Namespace("http://www.nanopub.org/nschema#")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SH = Namespace("http://www.w3.org/ns/shacl#")
BIOLINK = Namespace("https://w3id.org/biolink/vocab/")
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
PAV = Namespace("http://purl.org/pav/")

NAMESPACES = {
    "bibo": BIBO,
    "biolink": BIOLINK,
    "cito": CITO,
    "dcat": DCAT,
    "dcterms": DCTERMS,
    "mp": MP,
    "np": NP,
    "obo": OBO,
    "owl": OWL,
    "pav": PAV,
    "prism": PRISM,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "schema": SCHEMA,
    "sh": SH,
    "skos": SKOS,
    "vkg": VKG,
    "void": VOID,
    "xsd": XSD,
}
# Prefixes declared in every Turtle and TriG file, and before every SPARQL query. The data
# prefixes (note:, entity:, ...) are added per vault, under its base IRI.
PREFIXES: dict[str, str] = {name: ns.iri for name, ns in NAMESPACES.items()}

# Paths under the base IRI, one per kind of resource; also the data prefixes' names.
DATA_PREFIXES: dict[str, str] = {
    "note": "note/",
    "entity": "entity/",
    "source": "source/",
    "ref": "ref/",
    "claim": "claim/",
    "nanopub": "np/",
    "graph": "graph/",
}

# Each entity type's class, and the Biolink class a drug or target also gets (a target with
# several UniProt subunits is a biolink:MacromolecularComplex instead of a biolink:Protein).
ENTITY_CLASSES: dict[str, ox.NamedNode] = {
    "drug": VKG.Drug,
    "drug-class": VKG.DrugClass,
    "receptor": VKG.Receptor,
    "channel": VKG.Channel,
    "transporter": VKG.Transporter,
    "enzyme": VKG.Enzyme,
    "neurotransmitter": VKG.Neurotransmitter,
    "mechanism": VKG.Mechanism,
    "concept": VKG.Concept,
}
TARGET_TYPES = frozenset({"receptor", "channel", "transporter", "enzyme"})
CHEMICAL_TYPES = frozenset({"drug", "neurotransmitter"})
# kinds of entity that are ideas rather than things: SKOS concepts, matched with skos:exactMatch
CONCEPT_TYPES = frozenset({"drug-class", "mechanism", "concept"})

LEVEL_TERMS: dict[str, ox.NamedNode] = {
    "high": VKG.High,
    "moderate": VKG.Moderate,
    "low": VKG.Low,
    "very-low": VKG.VeryLow,
    "unsupported": VKG.Unsupported,
}

CERTAINTY_TERMS: dict[str, ox.NamedNode] = {
    "asserted": VKG.Asserted,
    "hedged": VKG.Hedged,
    "speculative": VKG.Speculative,
}

# How a drug-target relation statement stands: only Accepted ones are asserted as bare triples.
STATUS_TERMS: dict[str, ox.NamedNode] = {
    "accepted": VKG.Accepted,
    "contested": VKG.Contested,
    "retracted": VKG.RetractedOnly,
    "denied": VKG.Denied,
}

ACTION_PROPERTIES: dict[str, ox.NamedNode] = {a.name: VKG[a.camel] for a in ACTIONS}

# Evidence & Conclusion Ontology, the manual-assertion terms GO uses for TAS and NAS: a claim
# citing a source at its sentence or block is an author statement supported by a traceable
# reference; one citing nothing, or inheriting only its note's reference list (which cannot be
# traced to this statement), is an author statement without traceable support.
ECO_TRACEABLE = OBO.ECO_0000304
ECO_NOT_TRACEABLE = OBO.ECO_0000303

BFO_HAS_PART = OBO.BFO_0000051
RO_GENE_PRODUCT_OF = OBO.RO_0002204

# schema.org's closest type for each source type; anything else is a schema:CreativeWork.
SOURCE_SCHEMA_TYPES: dict[str, ox.NamedNode] = {
    "meta-analysis": SCHEMA.ScholarlyArticle,
    "systematic review": SCHEMA.ScholarlyArticle,
    "randomised controlled trial": SCHEMA.ScholarlyArticle,
    "cohort": SCHEMA.ScholarlyArticle,
    "case-control": SCHEMA.ScholarlyArticle,
    "cross-sectional": SCHEMA.ScholarlyArticle,
    "non-randomised trial": SCHEMA.ScholarlyArticle,
    "in-vitro assay": SCHEMA.ScholarlyArticle,
    "binding assay": SCHEMA.ScholarlyArticle,
    "animal study": SCHEMA.ScholarlyArticle,
    "journal article": SCHEMA.ScholarlyArticle,
    "narrative review": SCHEMA.ScholarlyArticle,
    "case report": SCHEMA.ScholarlyArticle,
    "case series": SCHEMA.ScholarlyArticle,
    "preprint": SCHEMA.ScholarlyArticle,
    "pharmacology database": SCHEMA.Dataset,
    "textbook": SCHEMA.Book,
    "book": SCHEMA.Book,
    "encyclopedia": SCHEMA.WebPage,
    "website": SCHEMA.WebPage,
    "news": SCHEMA.NewsArticle,
    "blog": SCHEMA.BlogPosting,
}
