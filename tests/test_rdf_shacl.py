"""The export of vault/ conforms to the SHACL shapes shipped with the vocabulary, and the
shapes catch what they are meant to catch; every vocabulary term used is defined."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pyshacl
import pytest
import rdflib
from rdflib import Literal, URIRef

import vaultkg
from vaultkg.export.rdf import build_rdf
from vaultkg.export.rdf.vocab import ACTION_PROPERTIES, MP, OBO, VKG

VAULT = Path(__file__).resolve().parents[1] / "vault"
DATA = resources.files("vaultkg") / "data"


def load_ttl(name: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=(DATA / name).read_text("utf-8"), format="turtle")


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return load_ttl("vaultkg.ttl")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return load_ttl("vaultkg-shapes.ttl")


@pytest.fixture(scope="module")
def data() -> rdflib.Graph:
    return build_rdf(vaultkg.load(str(VAULT))).graph()


def validate(data: rdflib.Graph, shapes: rdflib.Graph, ontology: rdflib.Graph):  # type: ignore[no-untyped-def]
    conforms, report, text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, advanced=True
    )
    return conforms, report, text


def violations(report: rdflib.Graph) -> set[tuple[str, str]]:
    sh = rdflib.SH
    return {
        (str(report.value(r, sh.focusNode)), str(report.value(r, sh.resultPath)))
        for r in report.subjects(rdflib.RDF.type, sh.ValidationResult)
    }


def test_vault_export_conforms(data: rdflib.Graph, shapes, ontology) -> None:  # type: ignore[no-untyped-def]
    conforms, _, text = validate(data, shapes, ontology)
    assert conforms, text


def test_shapes_catch_a_broken_claim(data: rdflib.Graph, shapes, ontology) -> None:  # type: ignore[no-untyped-def]
    broken = rdflib.Graph()
    for t in data:
        broken.add(t)
    claim = next(iter(sorted(broken.subjects(rdflib.RDF.type, MP.Claim))))
    broken.remove((claim, MP.statement, None))
    broken.set((claim, VKG.line, Literal(0)))
    cites = next(iter(sorted(broken.subjects(VKG.evidenceType, OBO.ECO_0000033))))
    broken.set((cites, VKG.evidenceType, OBO.ECO_0000034))
    conforms, report, _ = validate(broken, shapes, ontology)
    assert not conforms
    assert violations(report) == {
        (str(claim), str(MP.statement)),
        (str(claim), str(VKG.line)),
        (str(cites), "None"),  # the SPARQL constraint on ECO types has no single path
    }


def test_every_term_used_is_defined_with_label_and_comment(
    data: rdflib.Graph, ontology: rdflib.Graph
) -> None:
    used = {
        term
        for t in data
        for term in t
        if isinstance(term, URIRef) and str(term).startswith(str(VKG))
    }
    for term in sorted(used | set(ACTION_PROPERTIES.values())):
        assert ontology.value(term, rdflib.RDFS.label) is not None, term
        assert ontology.value(term, rdflib.RDFS.comment) is not None, term


def test_every_ontology_term_has_label_and_comment(ontology: rdflib.Graph) -> None:
    terms = {
        s for s in ontology.subjects() if isinstance(s, URIRef) and str(s).startswith(str(VKG))
    }
    assert len(terms) == 68  # 17 classes, 40 properties, 8 values, 2 schemes, vkg:vaultkg
    missing = [t for t in terms if not ontology.value(t, rdflib.RDFS.comment)]
    assert missing == []
    skos = rdflib.SKOS
    assert (VKG.antagonistOf, skos.closeMatch, OBO.RO_0018029) in ontology
    assert (VKG.agonistOf, skos.closeMatch, OBO.RO_0018027) in ontology
    assert (VKG.Claim, rdflib.RDFS.subClassOf, MP.Claim) in ontology
    assert (VKG.antagonistOf, rdflib.RDFS.subPropertyOf, VKG.actsAt) in ontology
    assert (VKG.downregulates, rdflib.RDFS.subPropertyOf, VKG.adapts) in ontology
