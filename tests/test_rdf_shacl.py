"""The export of vault/ conforms to the SHACL shapes written beside it, on its own (no
vocabulary needed) and with the vocabulary; the shapes catch each of 22 deliberate
breakages, nanopublications included; every vocabulary term used is defined."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pyshacl
import pytest
import rdflib
from rdflib import Literal, URIRef

import vaultkg
from vaultkg.export.rdf import FORMATS, write_rdf

VAULT = Path(__file__).resolve().parents[1] / "vault"
DATA = resources.files("vaultkg") / "data"
BASE = "https://example.org/vaultkg/example/"
RDF, RDFS, SKOS, SH, XSD = rdflib.RDF, rdflib.RDFS, rdflib.SKOS, rdflib.SH, rdflib.XSD
MP = rdflib.Namespace("http://purl.org/mp/")
OBO = rdflib.Namespace("http://purl.obolibrary.org/obo/")
VKG = rdflib.Namespace("https://w3id.org/vaultkg/ns#")
NP = rdflib.Namespace("http://www.nanopub.org/nschema#")
BIBO = rdflib.Namespace("http://purl.org/ontology/bibo/")
BIOLINK = rdflib.Namespace("https://w3id.org/biolink/vocab/")
PROV, DCTERMS = rdflib.PROV, rdflib.DCTERMS


def load_ttl(path: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(path, format="turtle")


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("rdf")
    write_rdf(vaultkg.load(str(VAULT)), out, list(FORMATS))
    return out


@pytest.fixture(scope="module")
def shapes(export: Path) -> rdflib.Graph:
    return load_ttl(export / "shapes.ttl")


@pytest.fixture(scope="module")
def ontology(export: Path) -> rdflib.Graph:
    return load_ttl(export / "vocab.ttl")


@pytest.fixture(scope="module")
def data(export: Path) -> rdflib.Graph:
    return load_ttl(export / "graph.ttl")


def violations(report: rdflib.Graph) -> set[tuple[str, str, str]]:
    """(focus node, result path or "-", source shape) of each result."""
    out = set()
    for r in report.subjects(RDF.type, SH.ValidationResult):
        shape = report.value(r, SH.sourceShape)
        path = report.value(r, SH.resultPath)
        name = str(shape).rsplit("#", 1)[-1] if isinstance(shape, URIRef) else "property"
        out.add((str(report.value(r, SH.focusNode)), str(path) if path else "-", name))
    return out


def test_shipped_files_are_the_packaged_ones(export: Path) -> None:
    assert (export / "vocab.ttl").read_bytes() == (DATA / "vaultkg.ttl").read_bytes()
    assert (export / "shapes.ttl").read_bytes() == (DATA / "vaultkg-shapes.ttl").read_bytes()


def test_export_conforms_on_its_own(data: rdflib.Graph, shapes: rdflib.Graph) -> None:
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, advanced=True)
    assert conforms, text


def test_export_conforms_with_the_vocabulary(
    data: rdflib.Graph, shapes: rdflib.Graph, ontology: rdflib.Graph
) -> None:
    conforms, _, text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, advanced=True
    )
    assert conforms, text


def claim(cid: str) -> URIRef:
    return URIRef(f"{BASE}claim/{cid}")


def entity(part: str) -> URIRef:
    return URIRef(f"{BASE}entity/{part}")


HALOPERIDOL_CLAIM = claim("c016a4616385e")  # cites IUPHAR at its sentence
SENTENCE_CLAIM = claim("ce4744865441e")  # cites a PET study at its sentence
NOTE_SCOPE_CLAIM = claim("ccfb2f604ad19")  # inherits its note's reference list
DENIAL = claim("c8f2dc6ec43b6")  # "aripiprazole is not a D2 antagonist"
ARIPIPRAZOLE = entity("Drugs/Aripiprazole")
CAFFEINE = entity("Drugs/Caffeine")
D2 = entity("Targets/Dopamine%20D2%20receptor")
A2A = entity("Targets/Adenosine%20A2A%20receptor")
MU = entity("Targets/Mu-opioid%20receptor")
HYMAN = URIRef(BASE + "source/Sources/Hyman%20%26%20Nestler%201996")
HALDOL_NOTE = URIRef(BASE + "note/Drugs/Haloperidol")
GENE = URIRef("https://bioregistry.io/hgnc.symbol:OPRM1")
DATASET = URIRef(BASE + "dataset")


def np_iri(cid: str, part: str = "") -> URIRef:
    return URIRef(f"{BASE}np/{cid}" + (f"-{part}" if part else ""))


def uncited(g: rdflib.Graph) -> URIRef:
    cited = set(g.subjects(rdflib.Namespace("http://purl.org/spar/cito/").citesAsEvidence, None))
    return sorted(set(g.subjects(RDF.type, MP.Claim)) - cited)[0]


def first_statement(g: rdflib.Graph, c: URIRef) -> URIRef:
    return sorted(g.objects(c, VKG.relation))[0]


# Each breakage changes the data in one way and names the violation it must cause.
Breakage = Callable[[rdflib.Graph], set[tuple[str, str, str]]]


def claim_without_type(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    g.remove((HALOPERIDOL_CLAIM, RDF.type, None))
    return {(str(HALOPERIDOL_CLAIM), "-", "StatedShape")}


def negated_statement_with_direct_triple(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    g.add((ARIPIPRAZOLE, VKG.antagonistOf, D2))
    return {(str(ARIPIPRAZOLE), "-", "ActionShape")}


def retracted_relation_asserted(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    g.add((CAFFEINE, VKG.agonistOf, A2A))
    return {(str(CAFFEINE), "-", "ActionShape")}


def claim_without_statement(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    c = claim("c01a5b72dfb46")
    g.remove((c, MP.statement, None))
    return {(str(c), str(MP.statement), "property")}


def claim_on_line_zero(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    c = claim("cf6ae2201a3b7")
    g.set((c, VKG.line, Literal(0)))
    return {(str(c), str(VKG.line), "property")}


def traceable_claim_called_untraceable(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    g.set((SENTENCE_CLAIM, VKG.evidenceType, OBO.ECO_0000303))
    return {(str(SENTENCE_CLAIM), "-", "ClaimShape")}


def inherited_claim_called_traceable(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    g.set((NOTE_SCOPE_CLAIM, VKG.evidenceType, OBO.ECO_0000304))
    return {(str(NOTE_SCOPE_CLAIM), "-", "ClaimShape")}


def uncited_claim_graded(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    c = uncited(g)
    g.set((c, VKG.evidenceLevel, VKG.Moderate))
    return {(str(c), "-", "UncitedClaimShape")}


def drug_as_skos_concept(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    d = entity("Drugs/Cocaine")
    g.add((d, RDF.type, SKOS.Concept))
    return {(str(d), "-", "ThingShape")}


def drug_exact_match(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    d = entity("Drugs/Diazepam")
    g.add((d, SKOS.exactMatch, URIRef("http://purl.obolibrary.org/obo/CHEBI_49575")))
    # pyshacl also reports the nested "is a concept" shape that failed
    return {(str(d), "-", "ExactMatchShape"), (str(d), "-", "IsConcept")}


def gene_as_protein(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    g.add((GENE, RDF.type, BIOLINK.Protein))
    return {(str(GENE), "-", "GeneShape")}


def single_protein_with_parts(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    g.add((MU, OBO.BFO_0000051, URIRef("http://purl.uniprot.org/uniprot/P35372")))
    return {(str(MU), "-", "HasPartShape"), (str(MU), str(OBO.BFO_0000051), "property")}


def malformed_doi(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    g.set((HYMAN, BIBO.doi, Literal("doi.org/1176")))
    return {(str(HYMAN), str(BIBO.doi), "property")}


def source_graded_unsupported(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    s = URIRef(BASE + "source/Sources/Hirvonen%202012")
    g.set((s, VKG.evidenceLevel, VKG.Unsupported))
    return {(str(s), str(VKG.evidenceLevel), "property")}


def nanopub_without_provenance(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    n = np_iri("c016a4616385e")
    g.remove((n, NP.hasProvenance, None))
    return {(str(n), str(NP.hasProvenance), "property")}


def nanopub_assertion_is_its_provenance(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    n = np_iri("c01a5b72dfb46")
    g.set((n, NP.hasProvenance, np_iri("c01a5b72dfb46", "assertion")))
    return {(str(n), str(NP.hasAssertion), "property")}


def nanopub_time_as_text(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    n = np_iri("cf6ae2201a3b7")
    g.set((n, DCTERMS.created, Literal("yesterday")))
    return {(str(n), str(DCTERMS.created), "property")}


def nanopub_assertion_without_provenance(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    a = np_iri("ccfb2f604ad19", "assertion")
    g.remove((a, PROV.wasDerivedFrom, None))
    return {(str(a), str(PROV.wasDerivedFrom), "property")}


def negated_statement_accepted(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    st = first_statement(g, DENIAL)
    g.set((st, VKG.status, VKG.Accepted))
    return {(str(st), "-", "RelationStatementShape")}


def contested_without_contradiction(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    c = claim("c0e51d99c5a68")
    g.set((first_statement(g, c), VKG.status, VKG.Contested))
    return {(str(c), "-", "ContestedClaimShape")}


def claim_derived_from_a_source(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    c = claim("ced52bd3a554a")
    g.set((c, PROV.wasDerivedFrom, HYMAN))
    return {(str(c), str(PROV.wasDerivedFrom), "property")}


def dataset_without_version(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    g.remove((DATASET, VKG.vaultkgVersion, None))
    return {(str(DATASET), str(VKG.vaultkgVersion), "property")}


BREAKAGES: list[Breakage] = [
    claim_without_type,
    negated_statement_with_direct_triple,
    retracted_relation_asserted,
    claim_without_statement,
    claim_on_line_zero,
    traceable_claim_called_untraceable,
    inherited_claim_called_traceable,
    uncited_claim_graded,
    drug_as_skos_concept,
    drug_exact_match,
    gene_as_protein,
    single_protein_with_parts,
    malformed_doi,
    source_graded_unsupported,
    nanopub_without_provenance,
    nanopub_assertion_is_its_provenance,
    nanopub_time_as_text,
    nanopub_assertion_without_provenance,
    negated_statement_accepted,
    contested_without_contradiction,
    claim_derived_from_a_source,
    dataset_without_version,
]


def test_shapes_catch_every_breakage(data: rdflib.Graph, shapes: rdflib.Graph) -> None:
    """All 22 breakages in one copy (one validation run): each touches other nodes, and the
    report names exactly the violations they cause."""
    broken = rdflib.Graph()
    for t in data:
        broken.add(t)
    expected: set[tuple[str, str, str]] = set()
    for breakage in BREAKAGES:
        before = len(broken)
        caused = breakage(broken)
        assert caused, breakage.__name__
        assert len(broken) != before or breakage in SAME_SIZE, breakage.__name__
        expected |= caused
    conforms, report, _ = pyshacl.validate(broken, shacl_graph=shapes, advanced=True)
    assert not conforms
    found = violations(report)
    missing = {e for e in expected if e not in found}
    assert missing == set()
    assert found == expected


SAME_SIZE = {
    claim_on_line_zero,
    traceable_claim_called_untraceable,
    inherited_claim_called_traceable,
    uncited_claim_graded,
    malformed_doi,
    source_graded_unsupported,
    nanopub_assertion_is_its_provenance,
    nanopub_time_as_text,
    negated_statement_accepted,
    contested_without_contradiction,
    claim_derived_from_a_source,
}


def test_every_term_used_is_defined_with_label_and_comment(
    data: rdflib.Graph, ontology: rdflib.Graph
) -> None:
    from vaultkg.export.rdf.vocab import ACTION_PROPERTIES

    used = {
        term
        for t in data
        for term in t
        if isinstance(term, URIRef) and str(term).startswith(str(VKG))
    }
    for term in sorted(used | {URIRef(p.value) for p in ACTION_PROPERTIES.values()}):
        assert ontology.value(term, RDFS.label) is not None, term
        assert ontology.value(term, RDFS.comment) is not None, term


def test_vocabulary_maps_to_ro_and_biolink_without_skos_on_classes(
    ontology: rdflib.Graph,
) -> None:
    terms = {
        s for s in ontology.subjects() if isinstance(s, URIRef) and str(s).startswith(str(VKG))
    }
    assert len(terms) == 77  # 18 classes, 42 properties, 12 values, 3 schemes, 2 more
    assert [t for t in terms if not ontology.value(t, RDFS.comment)] == []
    sub = RDFS.subPropertyOf
    assert (VKG.antagonistOf, sub, OBO.RO_0018029) in ontology
    assert (VKG.agonistOf, sub, OBO.RO_0018027) in ontology
    assert (VKG.inverseAgonistOf, sub, OBO.RO_0018028) in ontology
    assert (VKG.actsAt, sub, OBO.RO_0002436) in ontology
    assert (VKG.actsAt, sub, BIOLINK.directly_physically_interacts_with) in ontology
    assert (VKG.affects, sub, BIOLINK.affects) in ontology
    assert (VKG.Drug, RDFS.subClassOf, BIOLINK.ChemicalEntity) in ontology
    assert (VKG.Claim, RDFS.subClassOf, MP.Claim) in ontology
    assert (VKG.antagonistOf, sub, VKG.actsAt) in ontology
    assert (VKG.downregulates, sub, VKG.adapts) in ontology
    assert list(ontology.subject_objects(SKOS.closeMatch)) == []
    assert (VKG.Entity, RDFS.subClassOf, SKOS.Concept) not in ontology
