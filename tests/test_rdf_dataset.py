"""The RDF dataset: per-note named graphs that survive renames when a note has an id,
nanopublication graphs with their structure, qualified relations, the dataset description and
its settings, and queries that count the same on stores with and without a union graph."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pyoxigraph as ox
import pytest
from kgutil import write_vault

import vaultkg
from vaultkg.config import load_config
from vaultkg.export.rdf import FORMATS, Dataset, build_dataset, dataset, write_rdf

VAULT = Path(__file__).resolve().parents[1] / "vault"
QUERIES = Path(__file__).resolve().parents[1] / "docs" / "queries"
BASE = "https://example.org/kg/"
VKG = "https://w3id.org/vaultkg/ns#"
DCTERMS = "http://purl.org/dc/terms/"
SETTINGS = f'base_iri = "{BASE}"\n'


def spo(quads: list[ox.Quad], graph: str | None = None) -> set[tuple[str, str, str]]:
    return {
        (q.subject.value, q.predicate.value, q.object.value)
        for q in quads
        if graph is None or getattr(q.graph_name, "value", None) == graph
    }


# -- stable IRIs ------------------------------------------------------------------------------


def test_an_id_property_mints_iris_that_survive_a_rename(tmp_path: Path) -> None:
    notes = {
        "vaultkg.toml": SETTINGS,
        "Drugs/Haloperidol.md": "---\ntype: drug\nid: hal-001\n---\nHaloperidol blocks D2.\n",
    }
    root = write_vault(tmp_path / "v", notes)
    before = dataset(vaultkg.load(str(root)))
    (root / "Drugs/Haloperidol.md").rename(root / "Drugs/Haldol.md")
    after = dataset(vaultkg.load(str(root)))
    note, ent, graph = (f"{BASE}{k}/@hal-001" for k in ("note", "entity", "graph"))
    for data in (before, after):
        subjects = {
            q.subject.value for q in data.quads if getattr(q.graph_name, "value", "") == graph
        }
        assert subjects == {note, ent}
    assert (note, f"{VKG}path", "Drugs/Haloperidol.md") in spo(before.quads)
    assert (note, f"{VKG}path", "Drugs/Haldol.md") in spo(after.quads)
    assert (note, f"{DCTERMS}identifier", "hal-001") in spo(after.quads)
    # a note without an id is named by its path: its IRIs change when it is renamed
    assert (f"{BASE}note/Drugs/Caffeine", f"{VKG}path", "Drugs/Caffeine.md") in spo(after.quads)


def test_a_shared_id_falls_back_to_paths_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = {
        "vaultkg.toml": SETTINGS,
        "A.md": "---\nuid: same\n---\nText.\n",
        "B.md": "---\nuid: same\n---\nText.\n",
    }
    root = write_vault(tmp_path / "v", notes, cast=False)
    kg = vaultkg.load(str(root))
    write_rdf(kg, tmp_path / "out", ["n-triples"])
    subjects = {q.subject.value for q in dataset(kg).quads}
    assert {f"{BASE}note/A", f"{BASE}note/B"} <= subjects
    assert not any("@same" in s for s in subjects)
    assert capsys.readouterr().err == (
        "vaultkg: warning: several notes have id 'same'; their IRIs use their paths. "
        "Give each note its own id.\n"
    )


# -- settings and the dataset description -------------------------------------------------------


def test_the_placeholder_base_iri_is_warned_about_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_vault(tmp_path / "v", {"Note.md": "Hello.\n"}, cast=False)
    write_rdf(vaultkg.load(str(root)), tmp_path / "out", list(FORMATS))
    err = capsys.readouterr().err
    assert err == (
        "vaultkg: warning: base_iri is the placeholder https://example.org/vaultkg/; every "
        "vault without one mints the same IRIs. Set base_iri in vaultkg.toml to an address "
        "you control before publishing the RDF.\n"
    )
    (root / "vaultkg.toml").write_text(SETTINGS, "utf-8")
    write_rdf(vaultkg.load(str(root)), tmp_path / "out", list(FORMATS))
    assert capsys.readouterr().err == ""


LICENSE = "https://creativecommons.org/licenses/by/4.0/"
ORCID = "https://orcid.org/0000-0002-1825-0097"


def test_licence_and_creator_describe_the_dataset_and_every_nanopublication(
    tmp_path: Path,
) -> None:
    settings = SETTINGS + f'[rdf]\nlicense = "{LICENSE}"\ncreator = "{ORCID}"\n'
    notes = {"vaultkg.toml": settings, "Notes/A.md": "Haloperidol blocks D2 receptors.\n"}
    kg = vaultkg.load(str(write_vault(tmp_path / "v", notes)))
    data = dataset(kg)
    # the description has a graph of its own; the default graph is left empty for the stores
    assert not [q for q in data.quads if q.graph_name == ox.DefaultGraph()]
    described = ox.NamedNode(f"{BASE}graphs/dataset")
    default = {t for t in spo([q for q in data.quads if q.graph_name == described])}
    ds = f"{BASE}dataset"
    assert default >= {
        (ds, f"{DCTERMS}license", LICENSE),
        (ds, f"{DCTERMS}creator", ORCID),
        (ds, "http://rdfs.org/ns/void#uriSpace", BASE),
        (ds, f"{VKG}vaultkgVersion", vaultkg.__version__),
        (
            ds,
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            "http://www.w3.org/ns/dcat#Dataset",
        ),
    }
    [claim] = kg.claims
    pubinfo = spo(data.quads, f"{BASE}np/{claim.id}-pubinfo")
    np_iri = f"{BASE}np/{claim.id}"
    assert {(np_iri, f"{DCTERMS}license", LICENSE), (np_iri, f"{DCTERMS}creator", ORCID)} <= pubinfo


def test_bad_rdf_settings_are_reported(tmp_path: Path) -> None:
    (tmp_path / "vaultkg.toml").write_text('[rdf]\nlicense = "CC-BY"\ncreator = 3\n', "utf-8")
    cfg, diags = load_config(tmp_path)
    assert (cfg.rdf_license, cfg.rdf_creator) == (None, None)
    assert [d.message for d in diags] == [
        "'rdf.license' must be an http(s) IRI (a licence URL, an ORCID); the default is used",
        "'rdf.creator' must be an http(s) IRI (a licence URL, an ORCID); the default is used",
    ]


def test_creation_time_comes_from_the_note_not_the_clock(tmp_path: Path) -> None:
    notes = {
        "vaultkg.toml": SETTINGS,
        "A.md": "---\ncreated: 2024-01-02\n---\nHaloperidol blocks D2 receptors.\n",
        "B.md": "---\ndate: 2023-05-06T07:08:09+02:00\n---\nCaffeine blocks A1 receptors.\n",
        "C.md": "Amphetamine releases dopamine via DAT.\n",
    }
    root = write_vault(tmp_path / "v", notes)
    os.utime(root / "C.md", (1_700_000_000, 1_700_000_000))
    kg = vaultkg.load(str(root))
    created = {
        kg.claims_by_id[q.subject.value.rsplit("/", 1)[-1]].note: q.object.value
        for q in build_dataset(kg)
        if q.predicate.value == f"{DCTERMS}created"
    }
    assert created == {
        "A.md": "2024-01-02T00:00:00",
        "B.md": "2023-05-06T05:08:09Z",
        "C.md": dt.datetime.fromtimestamp(1_700_000_000, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    assert build_dataset(vaultkg.load(str(root))) == build_dataset(kg)


# -- graphs ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example() -> Dataset:
    return dataset(vaultkg.load(str(VAULT)))


def test_every_quad_belongs_to_a_note_a_shared_graph_or_the_description(example: Dataset) -> None:
    owned = {g for gs in example.note_graphs.values() for g in gs}
    shared = set(example.shared_graphs)
    assert not owned & shared
    for q in example.quads:
        g = q.graph_name
        assert g == ox.DefaultGraph() or g.value in owned | shared, q
    assert example.quads == sorted(set(example.quads), key=_order)


def _order(q: ox.Quad) -> tuple[int, str, str]:
    """The default graph first, then the named graphs by IRI, each in N-Quads line order."""
    named = isinstance(q.graph_name, ox.NamedNode)
    return (int(named), q.graph_name.value if named else "", str(q))


def test_a_note_owns_its_graph_and_its_claims_nanopublications(example: Dataset) -> None:
    base = "https://example.org/vaultkg/example/"
    graphs = example.note_graphs["Drugs/Haloperidol.md"]
    assert graphs[0] == base + "graph/Drugs/Haloperidol"
    parts = [g for g in graphs if "/np/" in g]
    assert len(parts) % 4 == 0 and f"{base}np/c016a4616385e-assertion" in parts


NANOPUB_CHECKS = {
    "head holds exactly its four triples": """
        SELECT ?np WHERE { GRAPH ?h { ?np a np:Nanopublication } }
        GROUP BY ?np ?h HAVING (COUNT(*) != 1)""",
    "head names distinct graphs": """
        SELECT ?np WHERE { GRAPH ?h { ?np np:hasAssertion ?a ; np:hasProvenance ?p ;
                                      np:hasPublicationInfo ?i } FILTER (?a = ?p || ?p = ?i) }""",
    "assertion graph holds the claim": """
        SELECT ?np WHERE { GRAPH ?h { ?np np:hasAssertion ?a }
                           FILTER NOT EXISTS { GRAPH ?a { ?c a mp:Claim } } }""",
    "provenance graph is about the assertion": """
        SELECT ?np WHERE { GRAPH ?h { ?np np:hasAssertion ?a ; np:hasProvenance ?p }
                           FILTER NOT EXISTS { GRAPH ?p { ?a prov:wasDerivedFrom ?n } } }""",
    "pubinfo graph is about the nanopublication": """
        SELECT ?np WHERE { GRAPH ?h { ?np np:hasPublicationInfo ?i }
                           FILTER NOT EXISTS { GRAPH ?i { ?np dcterms:created ?t } } }""",
    "no assertion triple outside its graph": """
        SELECT ?c WHERE { GRAPH ?g { ?c a mp:Claim }
                          FILTER NOT EXISTS { GRAPH ?h { ?np np:hasAssertion ?g } } }""",
}


@pytest.mark.parametrize("check", NANOPUB_CHECKS)
def test_nanopublication_graphs_are_well_formed(example: Dataset, check: str) -> None:
    store = ox.Store()
    store.bulk_extend(example.quads)
    rows = list(store.query(NANOPUB_CHECKS[check], prefixes=example.prefixes))
    assert rows == [], check
    heads = list(
        store.query(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?h { ?s np:hasAssertion ?a } }",
            prefixes=example.prefixes,
        )
    )
    assert int(heads[0][0].value) == 502


@pytest.mark.parametrize("query", sorted(p.name for p in QUERIES.glob("*.rq")))
def test_queries_give_the_same_rows_with_and_without_a_union_default_graph(
    example: Dataset,
    query: str,
) -> None:
    store = ox.Store()
    store.bulk_extend(example.quads)
    text = (QUERIES / query).read_text("utf-8")

    def rows(union: bool) -> list[tuple[str, ...]]:
        result = store.query(text, use_default_graph_as_union=union)
        return [tuple(str(t) for t in row) for row in result]

    alone, union = rows(False), rows(True)
    assert alone == union
    assert len(alone) > 0


# -- what the vault supports ------------------------------------------------------------------


def test_contested_relations_are_statements_only_and_name_each_other(tmp_path: Path) -> None:
    notes = {
        "vaultkg.toml": SETTINGS,
        "Notes/One.md": "Haloperidol is an agonist at the D2 receptor.[^1]\n\n"
        "[^1]: Doe J (2001). A trial. doi:10.1000/a\n",
        "Notes/Two.md": "Haloperidol is a D2 receptor antagonist.[^1]\n\n"
        "[^1]: Roe J (2002). Another trial. doi:10.1000/b\n",
    }
    kg = vaultkg.load(str(write_vault(tmp_path / "v", notes)))
    data = dataset(kg)
    triples = spo(data.quads)
    drug, d2 = f"{BASE}entity/Drugs/Haloperidol", f"{BASE}entity/Targets/Dopamine%20D2%20receptor"
    assert (drug, f"{VKG}agonistOf", d2) not in triples
    assert (drug, f"{VKG}antagonistOf", d2) not in triples
    statuses = {o for s, p, o in triples if p == f"{VKG}status"}
    assert statuses == {f"{VKG}Contested"}
    one = next(c for c in kg.claims if c.note == "Notes/One.md")
    two = next(c for c in kg.claims if c.note == "Notes/Two.md")
    assert (f"{BASE}claim/{one.id}", f"{VKG}contradictedBy", f"{BASE}claim/{two.id}") in triples
    assert (f"{BASE}claim/{two.id}", f"{VKG}contradictedBy", f"{BASE}claim/{one.id}") in triples
    assert spo(data.quads, f"{BASE}graphs/relations") == set()
