"""``vaultkg export rdf``: what the RDF says, that every format reads back the same with two
independent parsers, that IRIs are safe, and that the output is byte-identical across runs."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import Literal, URIRef
from typer.testing import CliRunner

import vaultkg
from vaultkg.cli import app
from vaultkg.export.rdf import FORMATS, dataset, write_rdf
from vaultkg.export.rdf.iris import Minter, segment
from vaultkg.kg.graph import KnowledgeGraph

VAULT = Path(__file__).resolve().parents[1] / "vault"
BASE = "https://example.org/vaultkg/example/"  # vault/vaultkg.toml
RDF = rdflib.RDF
SKOS = rdflib.SKOS
OWL = rdflib.OWL
SDO = rdflib.SDO
CITO = rdflib.Namespace("http://purl.org/spar/cito/")
PROV = rdflib.PROV
NP = rdflib.Namespace("http://www.nanopub.org/nschema#")
MP = rdflib.Namespace("http://purl.org/mp/")
OBO = rdflib.Namespace("http://purl.obolibrary.org/obo/")
VKG = rdflib.Namespace("https://w3id.org/vaultkg/ns#")
BIOLINK = rdflib.Namespace("https://w3id.org/biolink/vocab/")
ACTIONS = {VKG[n] for n in ("agonistOf", "antagonistOf", "partialAgonistOf", "inhibitorOf")}

RDFLIB_FORMAT = {"turtle": "turtle", "json-ld": "json-ld", "n-triples": "nt", "trig": "trig"}
OX_FORMAT = {
    "turtle": ox.RdfFormat.TURTLE,
    "json-ld": ox.RdfFormat.JSON_LD,
    "n-triples": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
}


def entity(path: str) -> URIRef:
    return URIRef(BASE + "entity/" + path)


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    return vaultkg.load(str(VAULT))


@pytest.fixture(scope="module")
def exported(kg: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("rdf")
    paths = write_rdf(kg, out, list(FORMATS))
    return {p.name: p for p in paths} | {
        fmt: path for fmt, path in zip(FORMATS, paths, strict=False)
    }


@pytest.fixture(scope="module")
def graph(exported: dict[str, Path]) -> rdflib.Graph:
    return rdflib.Graph().parse(exported["turtle"], format="turtle")


@pytest.fixture(scope="module")
def ds(exported: dict[str, Path]) -> rdflib.Dataset:
    d = rdflib.Dataset()
    d.parse(exported["trig"], format="trig")
    return d


def rdflib_count(path: Path, fmt: str) -> int:
    if fmt in ("trig", "json-ld"):
        d = rdflib.Dataset()
        d.parse(path, format=RDFLIB_FORMAT[fmt])
        return sum(1 for _ in d.quads((None, None, None, None)))
    return len(rdflib.Graph().parse(path, format=RDFLIB_FORMAT[fmt]))


def oxigraph_count(path: Path, fmt: str) -> int:
    return sum(1 for _ in ox.parse(path=str(path), format=OX_FORMAT[fmt]))


def test_writes_one_file_per_format_and_the_vocabulary_and_shapes(
    exported: dict[str, Path],
) -> None:
    assert sorted({p.name for p in exported.values()}) == sorted(
        {"graph.ttl", "graph.jsonld", "graph.nt", "graph.trig", "vocab.ttl", "shapes.ttl"}
    )
    vocab = rdflib.Graph().parse(exported["vocab.ttl"], format="turtle")
    assert (VKG.Drug, rdflib.RDFS.subClassOf, BIOLINK.ChemicalEntity) in vocab


@pytest.mark.parametrize("fmt", FORMATS)
def test_rdflib_and_oxigraph_read_the_same_number_of_triples(
    kg: KnowledgeGraph, exported: dict[str, Path], fmt: str
) -> None:
    data = dataset(kg)
    # no triple is in two graphs, so the one-graph formats lose nothing but graph names
    assert len(data.triples()) == len(data.quads)
    assert rdflib_count(exported[fmt], fmt) == len(data.quads)
    assert oxigraph_count(exported[fmt], fmt) == len(data.quads)


def test_every_format_holds_the_same_triples(exported: dict[str, Path]) -> None:
    def triples(fmt: str) -> set[tuple[str, str, str]]:
        quads = ox.parse(path=str(exported[fmt]), format=OX_FORMAT[fmt])
        return {(str(q.subject), str(q.predicate), str(q.object)) for q in quads}

    turtle = triples("turtle")
    assert triples("n-triples") == turtle
    assert triples("json-ld") == turtle
    assert triples("trig") == turtle


def test_counts_match_the_knowledge_graph(kg: KnowledgeGraph, graph: rdflib.Graph) -> None:
    assert len(set(graph.subjects(RDF.type, MP.Claim))) == len(kg.claims)
    assert len(set(graph.subjects(RDF.type, NP.Nanopublication))) == len(kg.claims)
    assert len(set(graph.subjects(RDF.type, VKG.Note))) == len(kg.vault.notes)
    assert len(set(graph.subjects(RDF.type, VKG.Source))) == len(kg.sources)
    assert len(set(graph.subjects(RDF.type, VKG.RelationStatement))) == sum(
        len(c.relations) for c in kg.claims
    )
    assert len(set(graph.subjects(RDF.type, VKG.Drug))) == sum(
        e.type == "drug" for e in kg.entities.values()
    )
    assert not any(isinstance(term, rdflib.BNode) for t in graph for term in t)


def test_direct_relation_triples_are_the_accepted_relations(
    kg: KnowledgeGraph, graph: rdflib.Graph
) -> None:
    caffeine = entity("Drugs/Caffeine")
    assert set(graph.objects(caffeine, VKG.antagonistOf)) == {
        entity("Targets/Adenosine%20A1%20receptor"),
        entity("Targets/Adenosine%20A2A%20receptor"),
        entity("Targets/Adenosine%20A2B%20receptor"),
        # "blocks adenosine receptors": the family, known from the built-in vocabulary
        URIRef(BASE + "vocab/family/adenosine-receptors"),
    }
    # the agonist claims cite only the retracted study: qualified, never a bare triple
    assert set(graph.objects(caffeine, VKG.agonistOf)) == set()
    assert (
        entity("Drugs/Haloperidol"),
        VKG.antagonistOf,
        entity("Targets/Dopamine%20D2%20receptor"),
    ) in graph
    from vaultkg.export.rdf.vocab import ACTION_PROPERTIES

    actions = {URIRef(p.value) for p in ACTION_PROPERTIES.values()}
    assert len([t for t in graph if t[1] in actions]) == len(kg.relations) - 1


def test_relations_graph_holds_the_bare_triples(kg: KnowledgeGraph, ds: rdflib.Dataset) -> None:
    from vaultkg.export.rdf.vocab import ACTION_PROPERTIES

    relations = ds.graph(URIRef(BASE + "graphs/relations"))
    assert len(relations) == len(kg.relations) - 1 == 46  # all but the retracted agonism
    assert {p for _, p, _ in relations} <= {URIRef(p.value) for p in ACTION_PROPERTIES.values()}


def test_retracted_agonist_claim_is_qualified_and_linked_to_its_contradictions(
    graph: rdflib.Graph,
) -> None:
    claim = URIRef(BASE + "claim/cbf86a9102930")  # "Caffeine is an agonist at the ... A2A"
    [st] = graph.objects(claim, VKG.relation)
    assert graph.value(st, VKG.status) == VKG.RetractedOnly
    assert graph.value(st, RDF.predicate) == VKG.agonistOf
    assert (claim, VKG.citesRetracted, Literal(True)) in graph
    assert set(graph.objects(claim, VKG.contradictedBy)) == {
        URIRef(BASE + "claim/" + c)
        for c in [
            "c4586ec59e8ed",
            "c4e26193c6dd1",
            "c823a5176a8d3",
            "c83db9bce09b0",
            "cda01bd5dcb44",
            "cf20caab508b2",
        ]
    }
    # the antagonism it opposes stands: the only opposition rests on a retracted study
    antagonist = URIRef(BASE + "claim/cda01bd5dcb44")
    statuses = {graph.value(s, VKG.status) for s in graph.objects(antagonist, VKG.relation)}
    assert statuses == {VKG.Accepted}


def test_entity_classes_and_identifier_mappings(graph: rdflib.Graph) -> None:
    caffeine = entity("Drugs/Caffeine")
    assert set(graph.objects(caffeine, RDF.type)) == {VKG.Drug, BIOLINK.ChemicalEntity}
    assert set(graph.objects(caffeine, SKOS.prefLabel)) == {Literal("Caffeine")}
    assert set(graph.objects(caffeine, SKOS.altLabel)) == {Literal("1,3,7-trimethylxanthine")}
    assert set(graph.objects(caffeine, SKOS.exactMatch)) == set()
    assert set(graph.objects(caffeine, SDO.sameAs)) == {
        URIRef("http://purl.obolibrary.org/obo/CHEBI_27732"),
        URIRef("https://bioregistry.io/chembl.compound:CHEMBL113"),
        URIRef("https://bioregistry.io/drugbank:DB00201"),  # from the built-in vocabulary
    }
    assert set(graph.objects(caffeine, OWL.sameAs)) == {URIRef(BASE + "vocab/drug/caffeine")}
    assert (caffeine, SDO.mainEntityOfPage, URIRef(BASE + "note/Drugs/Caffeine")) in graph
    assert (caffeine, RDF.type, SKOS.Concept) not in graph


def test_a_receptor_complex_has_its_subunits_as_parts_and_genes_apart(
    graph: rdflib.Graph,
) -> None:
    gaba = entity("Targets/GABA-A%20receptor")
    uniprot = "http://purl.uniprot.org/uniprot/"
    genes = {
        URIRef(f"https://bioregistry.io/hgnc.symbol:{g}") for g in ("GABRA1", "GABRB2", "GABRG2")
    }
    assert set(graph.objects(gaba, RDF.type)) == {VKG.Receptor, BIOLINK.MacromolecularComplex}
    assert set(graph.objects(gaba, OBO.BFO_0000051)) == {
        URIRef(uniprot + u) for u in ("P14867", "P47870", "P18507")
    }
    assert set(graph.objects(gaba, rdflib.RDFS.seeAlso)) == genes
    assert set(graph.objects(gaba, SKOS.exactMatch)) == set()
    assert all(set(graph.objects(g, RDF.type)) == {BIOLINK.Gene} for g in genes)
    mu = entity("Targets/Mu-opioid%20receptor")
    assert set(graph.objects(mu, RDF.type)) == {VKG.Receptor, BIOLINK.Protein}
    assert set(graph.objects(mu, OBO.RO_0002204)) == {
        URIRef("https://bioregistry.io/hgnc.symbol:OPRM1")
    }
    assert set(graph.objects(mu, SDO.sameAs)) == {URIRef(uniprot + "P35372")}


def test_concepts_are_skos_concepts_matched_exactly(graph: rdflib.Graph) -> None:
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    kinds = {VKG.Mechanism, VKG.DrugClass, VKG.Concept, VKG.EvidenceLevel, VKG.RelationStatus}
    for c in concepts:
        assert set(graph.objects(c, RDF.type)) & kinds or (c, RDF.type, VKG.Certainty) in graph


def test_source_metadata(graph: rdflib.Graph) -> None:
    hyman = URIRef(BASE + "source/Sources/Hyman%20%26%20Nestler%201996")
    dcterms = rdflib.DCTERMS
    assert set(graph.predicate_objects(hyman)) >= {
        (RDF.type, VKG.Source),
        (RDF.type, SDO.ScholarlyArticle),
        (dcterms.issued, Literal("1996", datatype=rdflib.XSD.gYear)),
        (SDO.author, Literal("Hyman SE")),
        (SDO.author, Literal("Nestler EJ")),
        (rdflib.Namespace("http://purl.org/ontology/bibo/").doi, Literal("10.1176/ajp.153.2.151")),
        (dcterms.identifier, Literal("doi:10.1176/ajp.153.2.151")),
        (dcterms.identifier, Literal("pubmed:8561194")),
        (SDO.sameAs, URIRef("https://doi.org/10.1176/ajp.153.2.151")),
        (SDO.sameAs, URIRef("https://bioregistry.io/pubmed:8561194")),
        (VKG.sourceType, Literal("narrative review")),
        (VKG.evidenceLevel, VKG.Low),
        (VKG.retracted, Literal(False)),
    }
    assert set(graph.objects(hyman, SKOS.exactMatch)) == set()
    assert graph.value(hyman, dcterms.bibliographicCitation) == Literal(
        "Hyman SE, Nestler EJ (1996). Initiation and adaptation: a paradigm for understanding "
        "psychotropic drug action. American Journal of Psychiatry."
    )


def test_a_claims_nanopublication(kg: KnowledgeGraph, ds: rdflib.Dataset) -> None:
    text = (
        "Its therapeutic action is attributed to blockade of D2 receptors in mesolimbic "
        "pathways; put simply, haloperidol blocks D2 receptors."
    )
    claim = next(c for c in kg.claims if c.text == text)
    iri = URIRef(f"{BASE}claim/{claim.id}")
    st = URIRef(f"{BASE}claim/{claim.id}-r1")
    np_iri = URIRef(f"{BASE}np/{claim.id}")
    part = {
        p: URIRef(f"{BASE}np/{claim.id}-{p}")
        for p in ("head", "assertion", "provenance", "pubinfo")
    }
    assert set(ds.graph(part["head"])) == {
        (np_iri, RDF.type, NP.Nanopublication),
        (np_iri, NP.hasAssertion, part["assertion"]),
        (np_iri, NP.hasProvenance, part["provenance"]),
        (np_iri, NP.hasPublicationInfo, part["pubinfo"]),
    }
    assert set(ds.graph(part["assertion"])) == {
        (iri, RDF.type, MP.Claim),
        (iri, RDF.type, VKG.Claim),
        (iri, MP.statement, Literal(text)),
        (iri, VKG.mentions, entity("Drugs/Haloperidol")),
        (iri, VKG.mentions, entity("Targets/Dopamine%20D2%20receptor")),
        (iri, VKG.relation, st),
        (st, RDF.type, VKG.RelationStatement),
        (st, RDF.subject, entity("Drugs/Haloperidol")),
        (st, RDF.predicate, VKG.antagonistOf),
        (st, RDF.object, entity("Targets/Dopamine%20D2%20receptor")),
        (st, VKG.negated, Literal(False)),
        (st, VKG.explicit, Literal(False)),
        (st, VKG.status, VKG.Accepted),
    }
    note = URIRef(BASE + "note/Drugs/Haloperidol")
    assert set(ds.graph(part["provenance"])) == {
        (part["assertion"], PROV.wasDerivedFrom, note),
        (
            iri,
            CITO.citesAsEvidence,
            URIRef(BASE + "source/Sources/IUPHAR-BPS%20Guide%20to%20Pharmacology"),
        ),
        (iri, PROV.wasDerivedFrom, note),
        (iri, VKG.line, Literal(16)),
        (iri, VKG.evidenceLevel, VKG.Moderate),
        (iri, VKG.certainty, VKG.Asserted),
        (iri, VKG.evidenceType, OBO.ECO_0000304),
        (iri, VKG.citationScope, Literal("sentence")),
    }
    mtime = os.stat(VAULT / "Drugs/Haloperidol.md").st_mtime
    import datetime as dt

    created = dt.datetime.fromtimestamp(int(mtime), dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert set(ds.graph(part["pubinfo"])) == {
        (np_iri, PROV.wasDerivedFrom, note),
        (np_iri, rdflib.Namespace("http://purl.org/pav/").createdWith, VKG.vaultkg),
        (np_iri, rdflib.DCTERMS.created, Literal(created, datatype=rdflib.XSD.dateTime)),
    }


def test_evidence_types(kg: KnowledgeGraph, graph: rdflib.Graph) -> None:
    def iris(claims: list) -> set[URIRef]:  # type: ignore[type-arg]
        return {URIRef(f"{BASE}claim/{c.id}") for c in claims}

    traceable = [c for c in kg.claims if c.scope in ("sentence", "block")]
    inherited = [c for c in kg.claims if c.scope == "note"]
    uncited = [c for c in kg.claims if not c.citations]
    assert (len(traceable), len(inherited), len(uncited)) == (129, 115, 258)
    assert set(graph.subjects(VKG.evidenceType, OBO.ECO_0000304)) == iris(traceable)
    # a claim that only inherits its note's reference list is not traceable to a source
    assert set(graph.subjects(VKG.evidenceType, OBO.ECO_0000303)) == iris(inherited + uncited)


def test_negated_relation_gives_a_denied_statement_and_no_direct_triple(
    graph: rdflib.Graph,
) -> None:
    claim = URIRef(BASE + "claim/c8f2dc6ec43b6")  # aripiprazole is not a D2 antagonist
    [st] = graph.objects(claim, VKG.relation)
    assert (st, VKG.negated, Literal(True)) in graph
    assert (st, VKG.status, VKG.Denied) in graph
    direct = (
        entity("Drugs/Aripiprazole"),
        VKG.antagonistOf,
        entity("Targets/Dopamine%20D2%20receptor"),
    )
    assert direct not in graph


def test_named_graphs_and_the_default_graph(kg: KnowledgeGraph, ds: rdflib.Dataset) -> None:
    names = {str(g.identifier) for g in ds.graphs()} - {str(rdflib.graph.DATASET_DEFAULT_GRAPH_ID)}
    notes = {f"{BASE}graph/{Minter(BASE).part(p)}" for p in kg.vault.notes}
    nanopubs = {
        f"{BASE}np/{c.id}-{p}"
        for c in kg.claims
        for p in ("head", "assertion", "provenance", "pubinfo")
    }
    shared = {BASE + "graphs/relations", BASE + "graphs/shared", BASE + "graphs/dataset"}
    assert names == notes | nanopubs | shared
    assert not set(ds.graph(rdflib.graph.DATASET_DEFAULT_GRAPH_ID))  # left empty for stores
    described = set(ds.graph(URIRef(BASE + "graphs/dataset")))
    assert {s for s, _, _ in described} == {URIRef(BASE + "dataset")}
    caffeine_graph = ds.graph(URIRef(BASE + "graph/Drugs/Caffeine"))
    assert {s for s, _, _ in caffeine_graph} == {
        URIRef(BASE + "note/Drugs/Caffeine"),
        entity("Drugs/Caffeine"),
    }


def test_export_is_byte_identical_across_runs_and_hash_seeds(
    exported: dict[str, Path], tmp_path: Path
) -> None:
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        import vaultkg
        from vaultkg.export.rdf import FORMATS, write_rdf
        write_rdf(vaultkg.load(sys.argv[1]), Path(sys.argv[2]), list(FORMATS))
        """
    )
    exported = {k: v for k, v in exported.items() if k in FORMATS}
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = tmp_path / seed
        subprocess.run([sys.executable, "-c", script, str(VAULT), str(out)], env=env, check=True)
        for path in exported.values():
            assert (out / path.name).read_bytes() == path.read_bytes(), (seed, path.name)


def write_notes(root: Path, notes: dict[str, str]) -> Path:
    for rel, text in notes.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


ODD_NOTES = {
    "vaultkg.toml": 'base_iri = "https://example.org/kg/"\n',
    'Drugs/Odd "quoted" #1 > ü.md': "---\ntype: drug\n---\nantagonist_of:: [[Rezeptor β 2]]\n",
    "Targets/Rezeptor β 2.md": "---\ntype: receptor\n---\n",
    "Notes/ängstlich {braces} 100%.md": "The [[Rezeptor β 2]] is a receptor.\n",
}


def test_odd_note_names_give_valid_percent_encoded_iris(tmp_path: Path) -> None:
    kg = vaultkg.load(str(write_notes(tmp_path / "vault", ODD_NOTES)))
    paths = write_rdf(kg, tmp_path / "out", list(FORMATS))
    drug = "https://example.org/kg/entity/Drugs/Odd%20%22quoted%22%20%231%20%3E%20%C3%BC"
    receptor = "https://example.org/kg/entity/Targets/Rezeptor%20%CE%B2%202"
    note = "https://example.org/kg/note/Notes/%C3%A4ngstlich%20%7Bbraces%7D%20100%25"
    for fmt, path in zip(FORMATS, paths, strict=False):
        quads = list(ox.parse(path=str(path), format=OX_FORMAT[fmt]))
        spo = {
            (q.subject.value, q.predicate.value, getattr(q.object, "value", None)) for q in quads
        }
        assert (drug, str(VKG.antagonistOf), receptor) in spo, fmt
        assert (
            note,
            str(VKG.linksTo),
            "https://example.org/kg/note/Targets/Rezeptor%20%CE%B2%202",
        ) in spo
        assert (note, str(VKG.path), "Notes/ängstlich {braces} 100%.md") in spo
        assert rdflib_count(path, fmt) == len(quads)


def test_iri_segments() -> None:
    assert segment('a b"#>?/ü') == "a%20b%22%23%3E%3F%2F%C3%BC"
    assert segment("u\u0308") == segment("ü") == "%C3%BC"  # NFD file names give NFC IRIs
    assert segment("..") == "%2E%2E"  # never a dot-segment
    mint = Minter.for_base("https://example.org/x")
    assert mint.note("Drugs/Caffeine.md") == "https://example.org/x/note/Drugs/Caffeine"
    assert mint.source("doi:10.1/a<b>") == "https://example.org/x/ref/doi/10.1%2Fa%3Cb%3E"
    assert mint.source("Sources/doi:x.md") == "https://example.org/x/source/Sources/doi%3Ax"
    with_id = Minter.for_base("https://example.org/x/", {"Drugs/Caffeine.md": "caf 1"})
    assert with_id.note("Drugs/Caffeine.md") == "https://example.org/x/note/@caf%201"
    assert with_id.graph("Drugs/Caffeine.md") == "https://example.org/x/graph/@caf%201"
    assert with_id.entity("Drugs/Caffeine.md") == "https://example.org/x/entity/@caf%201"
    assert segment("@a") == "%40a"  # a path never mints an id's IRI


def test_default_base_iri_when_the_vault_sets_none(tmp_path: Path) -> None:
    kg = vaultkg.load(str(write_notes(tmp_path, {"Drugs/X.md": "---\ntype: drug\n---\n"})))
    subjects = {q.subject.value for q in dataset(kg).quads}
    assert "https://example.org/vaultkg/entity/Drugs/X" in subjects


runner = CliRunner()


def test_cli_writes_all_formats(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["export", "rdf", str(VAULT), "-o", str(tmp_path), "--format", "all"]
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        ".vaultkg-outputs",
        "graph.jsonld",
        "graph.nt",
        "graph.trig",
        "graph.ttl",
        "shapes.ttl",
        "vocab.ttl",
    ]
    assert [line.split(" ")[1] for line in result.stdout.splitlines()] == [
        str(tmp_path / n)
        for n in ("graph.ttl", "graph.jsonld", "graph.nt", "graph.trig", "vocab.ttl", "shapes.ttl")
    ]


def test_cli_default_is_turtle_and_format_repeats(tmp_path: Path) -> None:
    assert (
        runner.invoke(app, ["export", "rdf", str(VAULT), "-o", str(tmp_path / "a")]).exit_code == 0
    )
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == [
        ".vaultkg-outputs",
        "graph.ttl",
        "shapes.ttl",
        "vocab.ttl",
    ]
    args = ["export", "rdf", str(VAULT), "-o", str(tmp_path / "b"), "-f", "trig", "-f", "n-triples"]
    assert runner.invoke(app, args).exit_code == 0
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == [
        ".vaultkg-outputs",
        "graph.nt",
        "graph.trig",
        "shapes.ttl",
        "vocab.ttl",
    ]


def test_cli_errors_name_the_problem(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "rdf", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"vaultkg: error: {tmp_path / 'nope'}: no such folder; give the path of your vault\n"
    )
    (tmp_path / "file").write_text("x")
    result = runner.invoke(app, ["export", "rdf", str(VAULT), "-o", str(tmp_path / "file")])
    assert result.exit_code == 2
    assert "not a folder; give --output a folder" in result.stderr
    result = runner.invoke(app, ["export", "rdf", str(VAULT), "--format", "rdfxml"])
    assert result.exit_code == 2
    assert "rdfxml" in result.stderr


def test_one_graph_formats_are_pyoxigraphs_own_output_reordered(kg: KnowledgeGraph) -> None:
    from vaultkg.export.rdf.serialize import serialize_dataset

    data = dataset(kg)
    own = ox.serialize(data.triples(), format=ox.RdfFormat.N_TRIPLES)
    ours = serialize_dataset(data, "n-triples")
    assert sorted(ours.splitlines()) == sorted(own.splitlines())
    assert len(ours.splitlines()) == len(data.quads)  # no line twice
    turtle = serialize_dataset(data, "turtle")
    assert {q.triple for q in ox.parse(turtle, format=ox.RdfFormat.TURTLE)} == set(data.triples())
    assert b"{" not in turtle.replace(b"{braces}", b"")  # no graph block is left open
