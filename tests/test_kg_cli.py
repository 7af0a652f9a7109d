"""``vaultkg query``, ``vaultkg claims`` and ``vaultkg export json`` from the command line."""

from __future__ import annotations

import csv
import io
import json
from importlib import resources
from pathlib import Path

import jsonschema
from kgutil import write_vault
from typer.testing import CliRunner

from vaultkg.cli import app

runner = CliRunner()

NOTES = {
    "Sources/Review.md": "---\ntype: source\nsource_type: narrative review\n---\n",
    "Notes/N.md": "Haloperidol blocks D2 receptors ([[Review]]).\n\n"
    "Caffeine blocks A1 receptors.\n\nAmphetamine reverses DAT.\n",
}


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_query_drugs_table(tmp_path: Path) -> None:
    write_vault(tmp_path, NOTES)
    code, out, _ = run("query", "drugs", str(tmp_path), "--target", "d2")
    assert code == 0
    assert out.splitlines() == [
        "drug         action      target                level  certainty  claims  where",
        "-----------  ----------  --------------------  -----  ---------  ------  ------------",
        "Haloperidol  antagonist  Dopamine D2 receptor  low    asserted   1       Notes/N.md:1",
    ]


def test_query_targets_csv_and_json(tmp_path: Path) -> None:
    write_vault(tmp_path, NOTES)
    code, out, _ = run(
        "query", "targets", str(tmp_path), "--drug", "amphetamine", "--format", "csv"
    )
    assert code == 0
    assert list(csv.reader(io.StringIO(out))) == [
        ["drug", "action", "target", "level", "certainty", "claims", "where"],
        [
            "Amphetamine",
            "releasing agent",
            "Dopamine transporter",
            "unsupported",
            "asserted",
            "1",
            "Notes/N.md:5",
        ],
    ]
    code, out, _ = run(
        "query", "relations", str(tmp_path), "--min-level", "low", "--format", "json"
    )
    data = json.loads(out)
    assert [(r["subject"], r["action"], r["object"], r["level"]) for r in data] == [
        ("Haloperidol", "antagonist", "Dopamine D2 receptor", "low")
    ]


def test_query_unknown_names_and_levels(tmp_path: Path) -> None:
    write_vault(tmp_path, NOTES)
    code, _, err = run("query", "drugs", str(tmp_path), "--target", "kappa")
    assert code == 1
    assert err.startswith("vaultkg: error: no target named 'kappa' in the vault")
    code, _, err = run("query", "relations", str(tmp_path), "--min-level", "great")
    assert code == 2
    assert "unknown evidence level 'great'" in err
    code, _, err = run("query", "drugs", str(tmp_path / "missing"), "--target", "D2")
    assert code == 2
    assert "no such folder" in err


def test_claims_unsupported(tmp_path: Path) -> None:
    write_vault(tmp_path, NOTES)
    code, out, _ = run("claims", str(tmp_path), "--unsupported", "--format", "json")
    assert code == 0
    assert [(c["text"], c["level"], c["note"], c["line"]) for c in json.loads(out)] == [
        ("Caffeine blocks A1 receptors.", "unsupported", "Notes/N.md", 3),
        ("Amphetamine reverses DAT.", "unsupported", "Notes/N.md", 5),
    ]
    code, out, _ = run("claims", str(tmp_path), "--level", "low", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["claim"], r["citations"]) for r in rows] == [
        ("Haloperidol blocks D2 receptors (Review).", "Review")
    ]
    code, _, err = run("claims", str(tmp_path), "--note", "Nope.md")
    assert code == 1 and "no note or folder 'Nope.md'" in err


def test_export_json_validates_against_the_schema(tmp_path: Path) -> None:
    vault = write_vault(tmp_path / "v", NOTES)
    out = tmp_path / "out" / "graph.json"
    code, stdout, _ = run("export", "json", str(vault), "-o", str(out))
    assert code == 0
    assert stdout == f"wrote {out} (3 claims, 3 relations)\n"
    data = json.loads(out.read_text("utf-8"))
    schema = json.loads(
        resources.files("vaultkg").joinpath("data/graph.schema.json").read_text("utf-8")
    )
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["stats"]["claims_by_level"] == {
        "high": 0,
        "moderate": 0,
        "low": 1,
        "very-low": 0,
        "unsupported": 2,
    }
    rel = data["relations"][0]
    assert {k: rel[k] for k in ("subject", "object", "action", "level", "certainty")} == {
        "subject": "Amphetamine",
        "object": "Dopamine transporter",
        "action": "releasing agent",
        "level": "unsupported",
        "certainty": "asserted",
    }


def test_export_json_of_the_example_vault_is_valid_and_stable(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent / "vault"
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert run("export", "json", str(root), "-o", str(first))[0] == 0
    assert run("export", "json", str(root), "-o", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()
    schema = json.loads(
        resources.files("vaultkg").joinpath("data/graph.schema.json").read_text("utf-8")
    )
    jsonschema.Draft202012Validator(schema).validate(json.loads(first.read_text("utf-8")))
