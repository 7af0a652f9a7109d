"""``vaultkg publish``: every export in one run, and never a write into the vault."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from vaultkg.cli import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def test_publish_writes_every_export(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    shutil.copytree(ROOT / "vault", vault)
    before = {p: p.read_bytes() for p in vault.rglob("*") if p.is_file()}
    out = tmp_path / "out"
    result = runner.invoke(app, ["publish", str(vault), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Read 84 notes in ")
    assert lines[0].endswith(
        ": 16 concept, 15 drug, 11 mechanism, 7 neurotransmitter, 15 receptor, 3 transporter"
    )
    data = json.loads((out / "graph.json").read_text("utf-8"))
    levels = data["stats"]["claims_by_level"]
    assert lines[1] == (
        f"Claims: {data['stats']['claims']} ({levels['high']} high, "
        f"{levels['moderate']} moderate, {levels['low']} low, "
        f"{levels['very-low']} very-low, {levels['unsupported']} unsupported)"
    )
    assert lines[2].startswith(
        f"Relations: {data['stats']['relations']}; sources: 14; broken links: 0; errors: 0"
    )
    assert sorted(p.name for p in (out / "rdf").iterdir()) == [
        ".vaultkg-outputs",  # what vaultkg wrote here, so it may replace it next time
        "graph.jsonld",
        "graph.nt",
        "graph.trig",
        "graph.ttl",
        "shapes.ttl",  # the SHACL shapes and the vocabulary, so the export validates alone
        "vocab.ttl",
    ]
    assert (out / "site" / "index.html").is_file()
    assert lines[-1] == f"Wrote {out / 'site'}/ — open {out / 'site' / 'index.html'} in a browser"
    after = {p: p.read_bytes() for p in vault.rglob("*") if p.is_file()}
    assert after == before


def test_publish_refuses_an_output_inside_the_vault(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "Note.md").write_text("Hello\n", "utf-8")
    result = runner.invoke(app, ["publish", str(vault), "-o", str(vault / "exports")])
    assert result.exit_code == 2
    assert "the output folder is inside the vault" in result.stderr
    assert sorted(p.name for p in vault.iterdir()) == ["Note.md"]
