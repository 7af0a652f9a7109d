"""The pyoxigraph store behind ``vaultkg sparql``: the export's quads, named graphs included,
and a persistent folder that is reused while the vault is unchanged and rebuilt when not."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from kgutil import write_vault

import vaultkg
from vaultkg.export.rdf import dataset
from vaultkg.kg.graph import KnowledgeGraph
from vaultkg.store import MANIFEST, StoreError, fingerprint, open_store, run_query

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
    [row] = list(run_query(store, query, prefixes))
    return int(row[0].value)


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    return write_vault(tmp_path / "vault", NOTES)


def test_quads_are_the_exports_dataset(vault: Path) -> None:
    kg = vaultkg.load(str(vault))
    data = dataset(kg)
    opened = open_store(vault)
    store = opened.store
    assert sorted(store, key=str) == sorted(data.quads, key=str)
    assert not [q for q in store if q.graph_name == ox.DefaultGraph()]
    base = "https://example.org/vaultkg/"
    described = [q for q in store if q.graph_name == ox.NamedNode(base + "graphs/dataset")]
    assert {q.subject.value for q in described} == {base + "dataset"}
    named = {q.graph_name.value for q in store if isinstance(q.graph_name, ox.NamedNode)}
    assert len(named) == 4 * len(kg.claims) + len(kg.vault.notes) + 3
    assert {base + "graphs/relations", base + "graphs/shared", base + "graphs/dataset"} < named
    assert opened.prefixes == data.prefixes
    assert opened.reused is False


def test_queries_see_the_union_of_the_graphs_each_triple_once(vault: Path) -> None:
    opened = open_store(vault)
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert ask_count(opened.store, query, opened.prefixes) == len(opened.store)
    graphs = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    default = sum(1 for q in opened.store if q.graph_name == ox.DefaultGraph())
    assert ask_count(opened.store, graphs, opened.prefixes) == len(opened.store) - default


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
