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
from vaultkg.export.rdf import FORMATS, build_rdf, write_rdf
from vaultkg.export.rdf.iris import Minter, segment
from vaultkg.export.rdf.vocab import ACTION_PROPERTIES, MP, OBO, VKG
from vaultkg.kg.graph import KnowledgeGraph

VAULT = Path(__file__).resolve().parents[1] / "vault"
BASE = "https://example.org/vaultkg/example/"  # vault/vaultkg.toml
RDF = rdflib.RDF
SKOS = rdflib.SKOS
CITO = rdflib.Namespace("http://purl.org/spar/cito/")
PROV = rdflib.PROV
NP = rdflib.Namespace("http://www.nanopub.org/nschema#")

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
    return {fmt: path for fmt, path in zip(FORMATS, paths, strict=True)}


@pytest.fixture(scope="module")
def graph(exported: dict[str, Path]) -> rdflib.Graph:
    return rdflib.Graph().parse(exported["turtle"], format="turtle")


def rdflib_count(path: Path, fmt: str) -> int:
    if fmt == "trig":
        ds = rdflib.Dataset()
        ds.parse(path, format="trig")
        return sum(1 for _ in ds.quads((None, None, None, None)))
    return len(rdflib.Graph().parse(path, format=RDFLIB_FORMAT[fmt]))


def oxigraph_count(path: Path, fmt: str) -> int:
    return sum(1 for _ in ox.parse(path=str(path), format=OX_FORMAT[fmt]))


def test_writes_one_file_per_format(exported: dict[str, Path]) -> None:
    assert {fmt: p.name for fmt, p in exported.items()} == {
        "turtle": "graph.ttl",
        "json-ld": "graph.jsonld",
        "n-triples": "graph.nt",
        "trig": "graph.trig",
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_rdflib_and_oxigraph_read_the_same_number_of_triples(
    kg: KnowledgeGraph, exported: dict[str, Path], fmt: str
) -> None:
    data = build_rdf(kg, nanopubs=True)
    expected = data.quad_count() if fmt == "trig" else len(data.triples)
    assert rdflib_count(exported[fmt], fmt) == expected
    assert oxigraph_count(exported[fmt], fmt) == expected


def test_every_format_holds_the_same_triples(exported: dict[str, Path]) -> None:
    def triples(fmt: str) -> set[tuple[str, str, str]]:
        quads = ox.parse(path=str(exported[fmt]), format=OX_FORMAT[fmt])
        return {
            (str(q.subject), str(q.predicate), str(q.object))
            for q in quads
            if isinstance(q.graph_name, ox.DefaultGraph)
        }

    turtle = triples("turtle")
    assert triples("n-triples") == turtle
    assert triples("json-ld") == turtle
    assert triples("trig") == turtle  # the default graph of the TriG file


def test_counts_match_the_knowledge_graph(kg: KnowledgeGraph, graph: rdflib.Graph) -> None:
    actions = set(ACTION_PROPERTIES.values())
    direct = [t for t in graph if t[1] in actions]
    assert len(direct) == len(kg.relations)
    assert len(set(graph.subjects(RDF.type, MP.Claim))) == len(kg.claims)
    assert len(set(graph.subjects(RDF.type, VKG.Note))) == len(kg.vault.notes)
    assert len(set(graph.subjects(RDF.type, VKG.Source))) == len(kg.sources)
    assert len(set(graph.subjects(RDF.type, VKG.RelationStatement))) == sum(
        len(c.relations) for c in kg.claims
    )
    assert len(set(graph.subjects(RDF.type, VKG.Drug))) == sum(
        e.type == "drug" for e in kg.entities.values()
    )
    assert not any(isinstance(term, rdflib.BNode) for t in graph for term in t)


def test_direct_relation_triples(graph: rdflib.Graph) -> None:
    caffeine = entity("Drugs/Caffeine")
    assert set(graph.objects(caffeine, VKG.antagonistOf)) == {
        entity("Targets/Adenosine%20A1%20receptor"),
        entity("Targets/Adenosine%20A2A%20receptor"),
        entity("Targets/Adenosine%20A2B%20receptor"),
        # "blocks adenosine receptors": the family, known from the built-in vocabulary
        URIRef(BASE + "vocab/family/adenosine-receptors"),
    }
    assert (
        entity("Drugs/Haloperidol"),
        VKG.antagonistOf,
        entity("Targets/Dopamine%20D2%20receptor"),
    ) in graph
    assert (entity("Drugs/Aripiprazole"), VKG.partialAgonistOf, None) in graph


def test_entity_names_and_identifiers(graph: rdflib.Graph) -> None:
    caffeine = entity("Drugs/Caffeine")
    assert set(graph.objects(caffeine, RDF.type)) == {VKG.Drug}
    assert set(graph.objects(caffeine, SKOS.prefLabel)) == {Literal("Caffeine")}
    assert set(graph.objects(caffeine, SKOS.altLabel)) == {Literal("1,3,7-trimethylxanthine")}
    assert set(graph.objects(caffeine, SKOS.exactMatch)) == {
        URIRef("http://purl.obolibrary.org/obo/CHEBI_27732"),
        URIRef("https://www.ebi.ac.uk/chembl/compound/inspect/CHEMBL113"),
        URIRef("https://go.drugbank.com/drugs/DB00201"),  # from the built-in vocabulary
    }
    assert (caffeine, rdflib.SDO.mainEntityOfPage, URIRef(BASE + "note/Drugs/Caffeine")) in graph


def test_source_metadata(graph: rdflib.Graph) -> None:
    hyman = URIRef(BASE + "source/Sources/Hyman%20%26%20Nestler%201996")
    dcterms = rdflib.DCTERMS
    assert set(graph.predicate_objects(hyman)) >= {
        (RDF.type, VKG.Source),
        (RDF.type, rdflib.SDO.ScholarlyArticle),
        (dcterms.issued, Literal("1996", datatype=rdflib.XSD.gYear)),
        (rdflib.SDO.author, Literal("Hyman SE")),
        (rdflib.SDO.author, Literal("Nestler EJ")),
        (SKOS.exactMatch, URIRef("https://doi.org/10.1176/ajp.153.2.151")),
        (SKOS.exactMatch, URIRef("https://pubmed.ncbi.nlm.nih.gov/8561194")),
        (VKG.sourceType, Literal("narrative review")),
        (VKG.evidenceLevel, VKG.Low),
        (VKG.retracted, Literal(False)),
    }
    assert graph.value(hyman, dcterms.bibliographicCitation) == Literal(
        "Hyman SE, Nestler EJ (1996). Initiation and adaptation: a paradigm for understanding "
        "psychotropic drug action. American Journal of Psychiatry."
    )


def test_claim_node_carries_statement_evidence_and_provenance(
    kg: KnowledgeGraph, graph: rdflib.Graph
) -> None:
    text = (
        "Its therapeutic action is attributed to blockade of D2 receptors in mesolimbic "
        "pathways; put simply, haloperidol blocks D2 receptors."
    )
    claim = next(c for c in kg.claims if c.text == text)
    iri = URIRef(f"{BASE}claim/{claim.id}")
    st = URIRef(f"{BASE}claim/{claim.id}-r1")
    assert set(graph.predicate_objects(iri)) == {
        (RDF.type, MP.Claim),
        (RDF.type, VKG.Claim),
        (MP.statement, Literal(text)),
        (
            CITO.citesAsEvidence,
            URIRef(BASE + "source/Sources/IUPHAR-BPS%20Guide%20to%20Pharmacology"),
        ),
        (PROV.wasDerivedFrom, URIRef(BASE + "note/Drugs/Haloperidol")),
        (VKG.line, Literal(claim.line)),
        (VKG.evidenceLevel, VKG.Moderate),
        (VKG.certainty, VKG.Asserted),
        (VKG.evidenceType, OBO.ECO_0000033),
        (VKG.citationScope, Literal("sentence")),
        (VKG.mentions, entity("Drugs/Haloperidol")),
        (VKG.mentions, entity("Targets/Dopamine%20D2%20receptor")),
        (VKG.relation, st),
    }
    assert set(graph.predicate_objects(st)) == {
        (RDF.type, VKG.RelationStatement),
        (RDF.subject, entity("Drugs/Haloperidol")),
        (RDF.predicate, VKG.antagonistOf),
        (RDF.object, entity("Targets/Dopamine%20D2%20receptor")),
        (VKG.negated, Literal(False)),
        (VKG.explicit, Literal(False)),
    }


def test_uncited_claims_are_eco_0000034(kg: KnowledgeGraph, graph: rdflib.Graph) -> None:
    uncited = {URIRef(f"{BASE}claim/{c.id}") for c in kg.claims if not c.citations}
    cited = {URIRef(f"{BASE}claim/{c.id}") for c in kg.claims if c.citations}
    assert set(graph.subjects(VKG.evidenceType, OBO.ECO_0000034)) == uncited
    assert set(graph.subjects(VKG.evidenceType, OBO.ECO_0000033)) == cited
    assert uncited and cited


def test_negated_relation_gives_a_statement_but_no_direct_triple(
    kg: KnowledgeGraph, graph: rdflib.Graph
) -> None:
    negated = [(c, m) for c in kg.claims for m in c.relations if m.negated]
    assert negated
    for claim, m in negated:
        statements = set(graph.objects(URIRef(f"{BASE}claim/{claim.id}"), VKG.relation))
        assert any((st, VKG.negated, Literal(True)) in graph for st in statements)
        held = any(
            r.subject == m.subject and r.action == m.action and r.object == m.object
            for r in kg.relations
        )
        mint = Minter(BASE)
        direct = (mint.entity(m.subject), ACTION_PROPERTIES[m.action], mint.entity(m.object))
        assert (direct in graph) == held


def test_trig_has_a_nanopublication_per_claim(
    kg: KnowledgeGraph, exported: dict[str, Path]
) -> None:
    ds = rdflib.Dataset()
    ds.parse(exported["trig"], format="trig")
    names = {
        g.identifier for g in ds.graphs() if g.identifier != rdflib.graph.DATASET_DEFAULT_GRAPH_ID
    }
    assert len(names) == 4 * len(kg.claims)
    claim = next(c for c in kg.claims if c.text.startswith("Its therapeutic action is attributed"))
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
    assertion = ds.graph(part["assertion"])
    assert (
        entity("Drugs/Haloperidol"),
        VKG.antagonistOf,
        entity("Targets/Dopamine%20D2%20receptor"),
    ) in assertion
    provenance = ds.graph(part["provenance"])
    assert (part["assertion"], VKG.evidenceType, OBO.ECO_0000033) in provenance
    assert (
        part["assertion"],
        PROV.wasDerivedFrom,
        URIRef(BASE + "note/Drugs/Haloperidol"),
    ) in provenance
    assert (np_iri, PROV.wasAttributedTo, VKG.vaultkg) in ds.graph(part["pubinfo"])


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
    for fmt, path in zip(FORMATS, paths, strict=True):
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
    assert mint.note("Drugs/Caffeine.md") == URIRef("https://example.org/x/note/Drugs/Caffeine")
    assert mint.source("doi:10.1/a<b>") == URIRef("https://example.org/x/ref/doi/10.1%2Fa%3Cb%3E")
    assert mint.source("Sources/doi:x.md") == URIRef("https://example.org/x/source/Sources/doi%3Ax")


def test_default_base_iri_when_the_vault_sets_none(tmp_path: Path) -> None:
    kg = vaultkg.load(str(write_notes(tmp_path, {"Drugs/X.md": "---\ntype: drug\n---\n"})))
    subjects = {str(s) for s, _, _ in build_rdf(kg).triples}
    assert "https://example.org/vaultkg/entity/Drugs/X" in subjects


runner = CliRunner()


def test_cli_writes_all_formats(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["export", "rdf", str(VAULT), "-o", str(tmp_path), "--format", "all"]
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [".vaultkg-outputs", "graph.jsonld", "graph.nt", "graph.trig", "graph.ttl"]
    assert [line.split(" ")[1] for line in result.stdout.splitlines()] == [
        str(tmp_path / n) for n in ("graph.ttl", "graph.jsonld", "graph.nt", "graph.trig")
    ]


def test_cli_default_is_turtle_and_format_repeats(tmp_path: Path) -> None:
    assert (
        runner.invoke(app, ["export", "rdf", str(VAULT), "-o", str(tmp_path / "a")]).exit_code == 0
    )
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == [".vaultkg-outputs", "graph.ttl"]
    args = ["export", "rdf", str(VAULT), "-o", str(tmp_path / "b"), "-f", "trig", "-f", "n-triples"]
    assert runner.invoke(app, args).exit_code == 0
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == [
        ".vaultkg-outputs",
        "graph.nt",
        "graph.trig",
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
