"""``vaultkg sparql``: queries on the vault's RDF, the example queries in docs/queries/, and
the same question asked through the knowledge graph API and through SPARQL."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import vaultkg
from vaultkg.cli import app
from vaultkg.kg.actions import BY_NAME
from vaultkg.kg.graph import KnowledgeGraph

ROOT = Path(__file__).resolve().parents[1]
VAULT = ROOT / "vault"
QUERIES = ROOT / "docs" / "queries"
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    return vaultkg.load(str(VAULT))


def test_drug_receptor_pairs_agree_with_query_relations(kg: KnowledgeGraph) -> None:
    query = """
        SELECT DISTINCT ?drug ?receptor WHERE {
            ?d a vkg:Drug ; skos:prefLabel ?drug ; ?action ?r .
            ?r a vkg:Receptor ; skos:prefLabel ?receptor .
        }"""
    code, out, err = run("sparql", str(VAULT), query, "--format", "csv")
    assert code == 0, err
    via_sparql = {(r["drug"], r["receptor"]) for r in csv_rows(out)}
    via_api = {
        (kg.title(r.subject), kg.title(r.object))
        for r in kg.query_relations()
        if kg.entities[r.object].type == "receptor" and kg.entities[r.subject].type == "drug"
    }
    assert via_sparql == via_api
    assert ("Haloperidol", "Dopamine D2 receptor") in via_sparql
    assert len(via_sparql) == 22


def test_drug_receptor_pairs_agree_with_the_query_command() -> None:
    code, out, _ = run("query", "relations", str(VAULT), "--format", "csv")
    assert code == 0
    entities = vaultkg.load(str(VAULT)).entities.values()
    targets = {e.title for e in entities if e.type == "receptor"}
    drugs = {e.title for e in entities if e.type == "drug"}  # not the drug classes
    via_cli = {
        (r["drug"], r["target"])
        for r in csv_rows(out)
        if r["target"] in targets and r["drug"] in drugs
    }
    code, out, _ = run(
        "sparql",
        str(VAULT),
        "SELECT DISTINCT ?drug ?target WHERE { ?d ?p ?r . ?d skos:prefLabel ?drug . "
        "?r a vkg:Receptor ; skos:prefLabel ?target . ?d a vkg:Drug }",
        "--format",
        "csv",
    )
    assert code == 0
    assert {(r["drug"], r["target"]) for r in csv_rows(out)} == via_cli


DRUGS_ON_RECEPTORS = [
    ("Amphetamine", "agonistOf", "TAAR1", "moderate"),
    ("Aripiprazole", "partialAgonistOf", "Dopamine D2 receptor", "moderate"),
    ("Aripiprazole", "partialAgonistOf", "Serotonin 5-HT1A receptor", "moderate"),
    ("Aripiprazole", "antagonistOf", "Serotonin 5-HT2A receptor", "moderate"),
    ("Cocaine", "downregulates", "Dopamine D2 receptor", "moderate"),
    ("Diazepam", "positiveAllostericModulatorOf", "GABA-A receptor", "moderate"),
    ("Fluoxetine", "antagonistOf", "Serotonin 5-HT2B receptor", "moderate"),
    ("Haloperidol", "antagonistOf", "Dopamine D2 receptor", "moderate"),
    ("Haloperidol", "inverseAgonistOf", "Dopamine D2 receptor", "moderate"),
    ("Haloperidol", "upregulates", "Dopamine D2 receptor", "moderate"),
    ("Haloperidol", "antagonistOf", "Serotonin 5-HT2A receptor", "moderate"),
    ("Ketamine", "channelBlockerOf", "NMDA receptor", "moderate"),
    ("LSD", "agonistOf", "Serotonin 5-HT2A receptor", "moderate"),
    ("Morphine", "agonistOf", "Mu-opioid receptor", "moderate"),
    ("Nicotine", "agonistOf", "Alpha4beta2 nicotinic receptor", "moderate"),
    ("Psilocybin", "agonistOf", "Serotonin 5-HT2A receptor", "moderate"),
    ("THC", "agonistOf", "Cannabinoid CB1 receptor", "moderate"),
    ("THC", "downregulates", "Cannabinoid CB1 receptor", "moderate"),
    ("THC", "partialAgonistOf", "Cannabinoid CB1 receptor", "moderate"),
    ("THC", "partialAgonistOf", "Cannabinoid CB2 receptor", "moderate"),
    ("antipsychotics", "antagonistOf", "Dopamine D2 receptor", "moderate"),
    ("psilocin", "agonistOf", "Serotonin 5-HT2A receptor", "moderate"),
]


def test_query_drugs_on_receptors(kg: KnowledgeGraph) -> None:
    code, out, err = run(
        "sparql", str(VAULT), "--file", str(QUERIES / "drugs-on-receptors.rq"), "-f", "csv"
    )
    assert code == 0, err
    rows = [(r["drug"], r["action"], r["receptor"], r["level"]) for r in csv_rows(out)]
    assert rows == DRUGS_ON_RECEPTORS
    api = {
        (kg.title(r.subject), BY_NAME[r.action].name, kg.title(r.object), r.level)
        for r in kg.query_relations(min_level="moderate")
        if kg.entities[r.object].type == "receptor"
    }
    camel = {a.camel: a.name for a in BY_NAME.values()}
    assert {(d, camel[a], t, lvl) for d, a, t, lvl in rows} == api


def test_query_unsupported_claims_per_note(kg: KnowledgeGraph) -> None:
    code, out, err = run(
        "sparql",
        str(VAULT),
        "--file",
        str(QUERIES / "unsupported-claims-per-note.rq"),
        "-f",
        "csv",
    )
    assert code == 0, err
    rows = csv_rows(out)
    assert rows[:3] == [
        {"note": "Notes/Stimulants compared at the dopamine transporter.md", "unsupported": "16"},
        {"note": "Notes/Neuroreceptor resensitization article summary.md", "unsupported": "11"},
        {"note": "Neurotransmitters/Serotonin.md", "unsupported": "9"},
    ]
    expected: dict[str, int] = {}
    for c in kg.query_claims(unsupported=True):
        expected[c.note] = expected.get(c.note, 0) + 1
    assert {r["note"]: int(r["unsupported"]) for r in rows} == expected


def test_query_sources_by_type(kg: KnowledgeGraph) -> None:
    code, out, err = run(
        "sparql", str(VAULT), "--file", str(QUERIES / "sources-by-type.rq"), "-f", "csv"
    )
    assert code == 0, err
    rows = csv_rows(out)
    assert len(rows) == len(kg.sources) == 14
    assert rows[0] == {
        "type": "book",
        "title": "Anatomy of an Epidemic: Magic Bullets, Psychiatric Drugs, and the Astonishing "
        "Rise of Mental Illness in America",
        "level": "low",
        "retracted": "false",
        "claims": "5",
    }
    retracted = [r for r in rows if r["retracted"] == "true"]
    assert [(r["type"], r["level"], r["claims"]) for r in retracted] == [
        ("randomised controlled trial", "high", "3")
    ]
    assert [r["type"] for r in rows] == sorted(s.source_type for s in kg.sources.values())


def test_json_is_sparql_results_json() -> None:
    code, out, _ = run(
        "sparql",
        str(VAULT),
        "SELECT ?t WHERE { <https://example.org/vaultkg/example/entity/Drugs/Caffeine> "
        "vkg:antagonistOf ?r . ?r skos:prefLabel ?t } ORDER BY ?t",
        "--format",
        "json",
    )
    assert code == 0
    doc = json.loads(out)
    assert doc["head"] == {"vars": ["t"]}
    assert [b["t"] for b in doc["results"]["bindings"]] == [
        {"type": "literal", "value": "Adenosine A1 receptor"},
        {"type": "literal", "value": "Adenosine A2A receptor"},
        {"type": "literal", "value": "Adenosine A2B receptor"},
        {"type": "literal", "value": "adenosine receptors"},  # the family, from the vocabulary
    ]


def test_ask_and_table() -> None:
    code, out, _ = run("sparql", str(VAULT), "ASK { ?d vkg:agonistOf ?r }")
    assert (code, out) == (0, "ask\n----\ntrue\n")
    code, out, _ = run(
        "sparql",
        str(VAULT),
        "SELECT ?n WHERE { ?l a vkg:EvidenceLevel ; skos:notation ?n ; vkg:rank ?r } ORDER BY ?r",
    )
    assert code == 0
    assert out.splitlines() == [
        "n",
        "-----------",
        "high",
        "moderate",
        "low",
        "very-low",
        "unsupported",
    ]


def test_bad_query_is_one_line_and_exit_2(tmp_path: Path) -> None:
    code, out, err = run("sparql", str(VAULT), "SELECT ?d WHERE { ?d vkg:antagonistOf ?t ")
    assert code == 2
    assert out == ""
    assert err == (
        "vaultkg: error: query: invalid SPARQL: line 1, column 42: "
        'expected one of ",", ".", ";", "{", "{|", "}", "~", …\n'
    )
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT * WHERE { ?s ?p }\n")
    code, _, err = run("sparql", str(VAULT), "--file", str(bad))
    assert code == 2
    assert err == f"vaultkg: error: {bad}: invalid SPARQL: line 2, column 1: expected OPTIONAL\n"


def test_an_undeclared_prefix_is_named() -> None:
    code, _, err = run("sparql", str(VAULT), "SELECT ?d WHERE { ?d foo:bar ?t }")
    assert code == 2
    assert err == (
        "vaultkg: error: query: invalid SPARQL: line 1, column 29: "
        "the prefix 'foo:' is not declared\n"
    )


def test_query_argument_and_file_are_exclusive(tmp_path: Path) -> None:
    code, _, err = run("sparql", str(VAULT))
    assert code == 2
    assert err == "vaultkg: error: give the query as an argument or with --file, not both\n"
    code, _, err = run("sparql", str(VAULT), "--file", str(tmp_path / "missing.rq"))
    assert code == 2
    assert err.startswith(f"vaultkg: error: {tmp_path / 'missing.rq'}: cannot read")


def test_graph_queries_reach_the_nanopublications(kg: KnowledgeGraph) -> None:
    query = """
        SELECT ?note ?line ?level WHERE {
            GRAPH ?head { ?np np:hasAssertion ?a ; np:hasProvenance ?pv }
            GRAPH ?a {
                ?c vkg:relation ?st .
                ?st rdf:subject ?d ; rdf:predicate vkg:downregulates ; rdf:object ?t .
            }
            GRAPH ?pv { ?c vkg:evidenceLevel ?l ; prov:wasDerivedFrom ?n ; vkg:line ?line }
            ?l skos:notation ?level . ?n vkg:path ?note .
            ?d skos:prefLabel "Cocaine" . ?t skos:prefLabel "Dopamine D2 receptor" .
        } ORDER BY ?note ?line"""
    code, out, err = run("sparql", str(VAULT), query, "-f", "csv")
    assert code == 0, err
    assert csv_rows(out) == [{"note": "Drugs/Cocaine.md", "line": "11", "level": "moderate"}]
    code, out, err = run(
        "sparql", str(VAULT), "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    )
    assert code == 0, err
    # a graph per claim's nanopublication part, per note, and the three shared graphs
    # (relations, shared terms, the dataset's description)
    assert out.splitlines()[2] == str(4 * len(kg.claims) + len(kg.vault.notes) + 3)


def test_queries_without_graph_see_every_graph() -> None:
    code, out, _ = run("sparql", str(VAULT), "ASK { ?np a np:Nanopublication }")
    assert (code, out) == (0, "ask\n----\ntrue\n")


def test_escaped_prefixed_names_are_unescaped() -> None:
    code, out, _ = run(
        "sparql",
        str(VAULT),
        "SELECT ?t WHERE { entity:Drugs\\/Caffeine vkg:antagonistOf/skos:prefLabel ?t } "
        "ORDER BY ?t",
        "-f",
        "csv",
    )
    assert code == 0
    assert out == (
        "t\nAdenosine A1 receptor\nAdenosine A2A receptor\nAdenosine A2B receptor\n"
        "adenosine receptors\n"
    )


def test_construct_prints_sorted_turtle_or_ntriples() -> None:
    query = (
        "CONSTRUCT { ?d vkg:antagonistOf ?r } WHERE { ?d vkg:antagonistOf ?r ; "
        'skos:prefLabel "Caffeine" }'
    )
    code, out, _ = run("sparql", str(VAULT), query)
    assert code == 0
    base = "https://example.org/vaultkg/example/entity/"
    a1, a2a, a2b = (f"<{base}Targets/Adenosine%20{t}%20receptor>" for t in ("A1", "A2A", "A2B"))
    # "caffeine blocks adenosine receptors": the family, a term of the built-in vocabulary
    family = "<https://example.org/vaultkg/example/vocab/family/adenosine-receptors>"
    assert out.splitlines() == [
        "@prefix vkg: <https://w3id.org/vaultkg/ns#> .",
        f"<{base}Drugs/Caffeine> vkg:antagonistOf {a1} , {a2a} , {a2b} , {family} .",
    ]
    code, out, _ = run("sparql", str(VAULT), query, "-f", "csv")
    assert code == 0
    assert out == "".join(
        f"<{base}Drugs/Caffeine> <https://w3id.org/vaultkg/ns#antagonistOf> "
        f"<{base}Targets/Adenosine%20{t}%20receptor> .\n"
        for t in ("A1", "A2A", "A2B")
    ) + (f"<{base}Drugs/Caffeine> <https://w3id.org/vaultkg/ns#antagonistOf> {family} .\n")


def test_store_folder_is_built_then_reused(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    query = str(QUERIES / "drugs-on-receptors.rq")
    first = run("sparql", str(VAULT), "--store", str(folder), "--file", query, "-f", "csv")
    assert first[0] == 0, first[2]
    assert (folder / "vaultkg-store.json").is_file()
    stamp = (folder / "vaultkg-store.json").stat().st_mtime_ns
    second = run("sparql", str(VAULT), "--store", str(folder), "--file", query, "-f", "csv")
    assert second == first
    assert (folder / "vaultkg-store.json").stat().st_mtime_ns == stamp  # not rebuilt
    rows = [(r["drug"], r["action"], r["receptor"], r["level"]) for r in csv_rows(second[1])]
    assert rows == DRUGS_ON_RECEPTORS


def test_store_folder_that_holds_other_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", "utf-8")
    code, out, err = run("sparql", str(VAULT), "--store", str(tmp_path), "ASK { ?s ?p ?o }")
    assert (code, out) == (2, "")
    assert err == (
        f"vaultkg: error: {tmp_path}: not a vaultkg store (it holds other files); "
        "give an empty or new folder\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_query_claims_by_level_from_nanopublications(kg: KnowledgeGraph) -> None:
    code, out, err = run(
        "sparql",
        str(VAULT),
        "--file",
        str(QUERIES / "claims-by-level-from-nanopublications.rq"),
        "-f",
        "csv",
    )
    assert code == 0, err
    assert csv_rows(out) == [
        {"level": "moderate", "claims": "156"},
        {"level": "low", "claims": "81"},
        {"level": "very-low", "claims": "4"},
        {"level": "unsupported", "claims": "261"},
    ]
    by_level = kg.stats()["claims_by_level"]
    assert isinstance(by_level, dict)
    assert {r["level"]: int(r["claims"]) for r in csv_rows(out)} == {
        k: v for k, v in by_level.items() if v
    }


def test_a_failure_while_reading_results_is_one_line() -> None:
    # SERVICE is evaluated while rows are read; port 9 is refused before any connection
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    code, out, err = run("sparql", str(VAULT), query)
    assert (code, out) == (2, "")
    assert err.startswith("vaultkg: error: query: the query failed: ")
    assert len(err.splitlines()) == 1 and "Traceback" not in err
