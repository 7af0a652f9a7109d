"""The vault boundary: nothing outside the vault is read through symbolic links, and no export
writes into the vault or over a file vaultkg did not write (issue 15, items 1 and 3)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from test_linker_support import make_vault
from typer.testing import CliRunner

from vaultkg.cli import app

runner = CliRunner()
MARKER = "zq-outside-marker-4471"


def everything_written(folder: Path) -> str:
    """All text vaultkg wrote under ``folder`` (site pages, search index, JSON, RDF)."""
    return "\n".join(
        p.read_bytes().decode("utf-8", "replace") for p in folder.rglob("*") if p.is_file()
    )


@pytest.fixture
def leaky(tmp_path: Path) -> Path:
    """A vault with a file and a folder symlinked to places outside it holding a marker."""
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.md").write_text(f"root line {MARKER} here\n", "utf-8")
    (outside / "folder" / "Hidden drug.md").write_text(
        f"---\ntype: drug\n---\nThe hidden drug {MARKER} blocks the adenosine receptor.\n",
        "utf-8",
    )
    root = make_vault(
        tmp_path / "vault", {"Notes/Open.md": "Caffeine and the hidden drug. [[secret]]\n"}
    )
    (root / "secret.md").symlink_to(outside / "secret.md")
    (root / "Shared").symlink_to(outside / "folder", target_is_directory=True)
    return root


def test_check_reports_links_out_of_the_vault(leaky: Path) -> None:
    result = runner.invoke(app, ["check", str(leaky), "--format", "json"])
    found = [
        (d["path"], d["severity"], d["code"])
        for d in json.loads(result.stdout)["diagnostics"]
        if d["code"] == "outside-vault"
    ]
    assert found == [
        ("Shared", "warning", "outside-vault"),
        ("secret.md", "warning", "outside-vault"),
    ]
    assert MARKER not in result.stdout


def test_no_export_holds_what_lies_outside(leaky: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["publish", str(leaky), "-o", str(out)])
    assert result.exit_code == 0, result.output
    written = everything_written(out)
    assert "graph.json" in os.listdir(out) and (out / "site" / "index.html").is_file()
    assert (out / "rdf" / "graph.ttl").is_file()
    assert MARKER not in written
    assert "Hidden drug" not in written
    assert "root line" not in written


def test_the_linker_never_edits_through_a_link_out_of_the_vault(
    leaky: Path, tmp_path: Path
) -> None:
    before = (tmp_path / "outside" / "folder" / "Hidden drug.md").read_bytes()
    result = runner.invoke(app, ["link", str(leaky), "--write", "--force"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "outside" / "folder" / "Hidden drug.md").read_bytes() == before
    assert "Shared/" not in result.stdout


def test_a_symlinked_note_inside_the_vault_is_written_through(tmp_path: Path) -> None:
    root = make_vault(tmp_path / "v", {".store/Coffee.md": "I drink caffeine daily.\n"})
    (root / "Coffee.md").symlink_to(root / ".store" / "Coffee.md")
    result = runner.invoke(app, ["link", str(root), "--write", "--force"])
    assert result.exit_code == 0, result.output
    assert (root / "Coffee.md").is_symlink()
    assert os.readlink(root / "Coffee.md") == str(root / ".store" / "Coffee.md")
    assert (root / ".store" / "Coffee.md").read_text("utf-8") == (
        "I drink [[Caffeine|caffeine]] daily.\n"
    )
    assert sorted(os.listdir(root / ".store")) == ["Coffee.md"]  # no temporary file left


def test_a_note_seen_twice_through_a_link_is_written_once(tmp_path: Path) -> None:
    root = make_vault(tmp_path / "v", {"Real/Coffee.md": "I drink caffeine daily.\n"})
    (root / "Coffee link.md").symlink_to(root / "Real" / "Coffee.md")
    result = runner.invoke(app, ["link", str(root), "--write", "--force"])
    assert result.exit_code == 0, result.output
    assert "Coffee link.md: the same file as Real/Coffee.md, written once" in result.stderr
    assert (root / "Coffee link.md").is_symlink()
    assert (root / "Real" / "Coffee.md").read_text("utf-8") == (
        "I drink [[Caffeine|caffeine]] daily.\n"
    )


def test_export_json_onto_a_note_is_refused(tmp_path: Path) -> None:
    root = make_vault(tmp_path / "v", {"Precious.md": "My only copy.\n"})
    result = runner.invoke(app, ["export", "json", str(root), "-o", str(root / "Precious.md")])
    assert result.exit_code == 2
    assert "inside the vault" in result.stderr
    assert (root / "Precious.md").read_text("utf-8") == "My only copy.\n"


def test_export_json_onto_a_note_outside_the_vault_is_refused(tmp_path: Path) -> None:
    root = make_vault(tmp_path / "v", {})
    other = tmp_path / "Elsewhere.md"
    other.write_text("A note of another vault.\n", "utf-8")
    result = runner.invoke(app, ["export", "json", str(root), "-o", str(other)])
    assert result.exit_code == 2
    assert "a Markdown note" in result.stderr
    assert other.read_text("utf-8") == "A note of another vault.\n"


def test_export_rdf_into_the_vault_is_refused(tmp_path: Path) -> None:
    root = make_vault(tmp_path / "v", {})
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    result = runner.invoke(app, ["export", "rdf", str(root), "-o", str(root / "rdf")])
    assert result.exit_code == 2
    assert "vaultkg never writes into a vault" in result.stderr
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before


def test_publish_leaves_a_graph_json_it_did_not_write(tmp_path: Path) -> None:
    root = make_vault(tmp_path / "v", {})
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.json").write_text('{"mine": true}\n', "utf-8")
    result = runner.invoke(app, ["publish", str(root), "-o", str(out)])
    assert result.exit_code == 2
    assert "was not written by vaultkg" in result.stderr
    assert (out / "graph.json").read_text("utf-8") == '{"mine": true}\n'
    assert sorted(os.listdir(out)) == ["graph.json"]


def test_exports_replace_their_own_files(tmp_path: Path) -> None:
    root = make_vault(tmp_path / "v", {})
    out = tmp_path / "out"
    for _ in range(2):
        result = runner.invoke(app, ["publish", str(root), "-o", str(out)])
        assert result.exit_code == 0, result.output
        result = runner.invoke(app, ["export", "json", str(root), "-o", str(out / "g.json")])
        assert result.exit_code == 0, result.output
    assert (out / ".vaultkg-outputs").read_text("utf-8") == "g.json\ngraph.json\n"
    rdf = (out / "rdf" / ".vaultkg-outputs").read_text("utf-8").split()
    assert rdf == ["graph.jsonld", "graph.nt", "graph.trig", "graph.ttl", "shapes.ttl", "vocab.ttl"]


def test_an_older_graph_json_of_vaultkg_may_be_replaced(tmp_path: Path) -> None:
    root = make_vault(tmp_path / "v", {})
    old = tmp_path / "graph.json"
    old.write_text('{\n "$schema": "https://vaultkg.example.org/schema/graph-1.json"}\n')
    result = runner.invoke(app, ["export", "json", str(root), "-o", str(old)])
    assert result.exit_code == 0, result.output
    assert json.loads(old.read_text("utf-8"))["notes"]
