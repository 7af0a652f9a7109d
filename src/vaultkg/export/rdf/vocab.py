"""The namespaces and terms the RDF export uses, and the prefixes every output declares."""

from __future__ import annotations

from rdflib import Namespace, URIRef

from ...kg.actions import ACTIONS

# The vocabulary's namespace is fixed: it names the terms, not a vault's data, so it does not
# follow base_iri. Its terms are defined in data/vaultkg.ttl.
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

# Prefixes declared in every Turtle, TriG and JSON-LD file, and before every SPARQL query.
# The data prefixes (note:, entity:, ...) are added per vault, under its base IRI.
PREFIXES: dict[str, str] = {
    "bibo": str(BIBO),
    "cito": str(CITO),
    "dcterms": str(DCTERMS),
    "mp": str(MP),
    "np": str(NP),
    "obo": str(OBO),
    "owl": str(OWL),
    "prism": str(PRISM),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "schema": str(SCHEMA),
    "sh": str(SH),
    "skos": str(SKOS),
    "vkg": str(VKG),
    "xsd": str(XSD),
}

# Paths under the base IRI, one per kind of resource; also the data prefixes' names.
DATA_PREFIXES: dict[str, str] = {
    "note": "note/",
    "entity": "entity/",
    "source": "source/",
    "ref": "ref/",
    "claim": "claim/",
    "nanopub": "np/",
}

ENTITY_CLASSES: dict[str, URIRef] = {
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

LEVEL_TERMS: dict[str, URIRef] = {
    "high": VKG.High,
    "moderate": VKG.Moderate,
    "low": VKG.Low,
    "very-low": VKG.VeryLow,
    "unsupported": VKG.Unsupported,
}

CERTAINTY_TERMS: dict[str, URIRef] = {
    "asserted": VKG.Asserted,
    "hedged": VKG.Hedged,
    "speculative": VKG.Speculative,
}

ACTION_PROPERTIES: dict[str, URIRef] = {a.name: VKG[a.camel] for a in ACTIONS}

# Evidence & Conclusion Ontology: a claim with a citation is an author statement supported by
# a traceable reference; one without is an author statement without traceable support.
ECO_TRACEABLE = OBO.ECO_0000033
ECO_NOT_TRACEABLE = OBO.ECO_0000034

# schema.org's closest type for each source type; anything else is a schema:CreativeWork.
SOURCE_SCHEMA_TYPES: dict[str, URIRef] = {
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
