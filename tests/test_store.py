"""The pyoxigraph store behind ``vaultkg sparql``: the export's quads, named graphs included,
and a persistent folder that is reused while the vault is unchanged and rebuilt when not."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from kgutil import write_vault

import vaultkg
from vaultkg.export.rdf import build_rdf
from vaultkg.kg.graph import KnowledgeGraph
from vaultkg.store import (
    MANIFEST,
    StoreError,
    fingerprint,
    needs_named_graphs,
    open_store,
    quads,
)

NOTES = {
    "Drugs/Haloperidol.md": """\
        ---
        type: drug
        ---
        Haloperidol is a D2 receptor antagonist.[^1]

        [^1]: Doe J (2001). A trial. doi:10.1000/trial
        """,
}
COUNT_DRUGS = "SELECT (COUNT(?d) AS ?n) WHERE { ?d a vkg:Drug }"


class CountingLoader:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, path: Path) -> KnowledgeGraph:
        self.calls += 1
        return vaultkg.load(str(path))


def ask_count(store: ox.Store, query: str, prefixes: dict[str, str]) -> int:
    [row] = list(store.query(query, prefixes=prefixes))
    return int(row[0].value)


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    return write_vault(tmp_path / "vault", NOTES)


def test_quads_are_the_exports_triples_and_named_graphs(vault: Path) -> None:
    kg = vaultkg.load(str(vault))
    data = build_rdf(kg, nanopubs=True)
    opened = open_store(vault)
    store = opened.store
    assert len(store) == data.quad_count()
    assert ox.DefaultGraph() in {q.graph_name for q in store}
    assert sum(1 for q in store if q.graph_name == ox.DefaultGraph()) == len(data.triples)
    named = {q.graph_name.value for q in store if isinstance(q.graph_name, ox.NamedNode)}
    assert named == {str(g) for g in data.graphs}
    assert len(named) == 4 * len(kg.claims)
    assert opened.prefixes == data.prefixes
    assert opened.reused is False


def test_literals_keep_datatypes_and_languages() -> None:
    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import XSD

    from vaultkg.export.rdf.build import RdfData

    s, p = URIRef("https://example.org/s"), URIRef("https://example.org/p")
    data = RdfData(
        prefixes={},
        triples={
            (s, p, Literal(True)),
            (s, p, Literal(7)),
            (s, p, Literal("1996", datatype=XSD.gYear)),
            (s, p, Literal("chat", lang="fr")),
            (s, p, Literal("plain")),
            (s, p, BNode("b1")),
        },
    )
    objects = {str(q.object) for q in quads(data)}
    assert objects == {
        '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>',
        '"7"^^<http://www.w3.org/2001/XMLSchema#integer>',
        '"1996"^^<http://www.w3.org/2001/XMLSchema#gYear>',
        '"chat"@fr',
        '"plain"',
        "_:b1",
    }


def test_persistent_store_is_reused_while_the_vault_is_unchanged(
    vault: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "store"
    load = CountingLoader()
    first = open_store(vault, folder, load=load)
    assert (load.calls, first.reused) == (1, False)
    assert ask_count(first.store, COUNT_DRUGS, first.prefixes) == 4  # the cast's drugs
    del first  # the RocksDB folder takes one writer at a time
    second = open_store(vault, folder, load=load)
    assert (load.calls, second.reused) == (1, True)
    assert ask_count(second.store, COUNT_DRUGS, second.prefixes) == 4
    del second

    (vault / "Drugs" / "Clozapine.md").write_text("---\ntype: drug\n---\n", "utf-8")
    third = open_store(vault, folder, load=load)
    assert (load.calls, third.reused) == (2, False)
    assert ask_count(third.store, COUNT_DRUGS, third.prefixes) == 5
    assert sorted(p.name for p in folder.iterdir()) == ["oxigraph", MANIFEST]


def test_an_edit_or_a_setting_changes_the_fingerprint(vault: Path) -> None:
    before = fingerprint(vault)
    assert fingerprint(vault) == before
    note = vault / "Drugs" / "Haloperidol.md"
    note.write_text(note.read_text("utf-8") + "\nIt also blocks 5-HT2A.\n", "utf-8")
    edited = fingerprint(vault)
    assert edited != before
    (vault / "vaultkg.toml").write_text('base_iri = "https://example.org/other/"\n', "utf-8")
    assert fingerprint(vault) != edited


def test_a_corrupt_manifest_rebuilds_the_store(vault: Path, tmp_path: Path) -> None:
    folder = tmp_path / "store"
    load = CountingLoader()
    del open_store(vault, folder, load=load).store
    (folder / MANIFEST).write_text("{ not json", "utf-8")
    again = open_store(vault, folder, load=load)
    assert (load.calls, again.reused) == (2, False)
    assert ask_count(again.store, COUNT_DRUGS, again.prefixes) == 4


def test_a_folder_with_other_files_is_refused(vault: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "thesis.md").write_text("keep me", "utf-8")
    with pytest.raises(StoreError, match="not a vaultkg store"):
        open_store(vault, folder)
    assert (folder / "thesis.md").read_text("utf-8") == "keep me"
    afile = tmp_path / "afile"
    afile.write_text("x", "utf-8")
    with pytest.raises(StoreError, match="not a folder"):
        open_store(vault, afile)


def test_a_reused_store_can_be_read_by_several_queries_at_once(vault: Path, tmp_path: Path) -> None:
    folder = tmp_path / "store"
    del open_store(vault, folder).store
    one = open_store(vault, folder)
    two = open_store(vault, folder)  # a writer would wait for the folder's lock
    assert one.reused and two.reused
    assert ask_count(one.store, COUNT_DRUGS, one.prefixes) == 4
    assert ask_count(two.store, COUNT_DRUGS, two.prefixes) == 4


def test_a_store_being_rebuilt_elsewhere_is_reported(vault: Path, tmp_path: Path) -> None:
    folder = tmp_path / "store"
    writer = open_store(vault, folder)  # holds the lock, as a rebuild in progress would
    (folder / MANIFEST).unlink()
    with pytest.raises(StoreError, match="in use by another process"):
        open_store(vault, folder)
    del writer


def test_a_store_folder_inside_the_vault_is_not_part_of_its_fingerprint(vault: Path) -> None:
    folder = vault / "kg-store"  # not a dot folder: the vault scan sees its files
    load = CountingLoader()
    del open_store(vault, folder, load=load).store
    assert any((folder / "oxigraph").iterdir())
    again = open_store(vault, folder, load=load)
    assert (load.calls, again.reused) == (1, True)


def test_named_graphs_are_left_out_of_a_memory_store_only_when_asked(vault: Path) -> None:
    kg = vaultkg.load(str(vault))
    data = build_rdf(kg, nanopubs=True)
    lean = open_store(vault, load=lambda _: kg, named_graphs=False)
    assert len(lean.store) == len(data.triples)
    assert len(open_store(vault, load=lambda _: kg).store) == data.quad_count()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", True),
        ("select * where { graph <urn:g> { ?s ?p ?o } }", True),
        ("SELECT * WHERE { ?s vkg:graphOf ?o }", False),
        ("SELECT ?graph WHERE { ?graph a vkg:Drug }", False),
        ("SELECT * WHERE { ?s ?p ?o }", False),
        ("SELECT * WHERE { ?s <https://example.org/graph> ?o }", False),
        ("SELECT * WHERE {\n  GRAPH\t?g {} }", True),
    ],
)
def test_which_queries_need_the_named_graphs(query: str, expected: bool) -> None:
    assert needs_named_graphs(query) is expected
