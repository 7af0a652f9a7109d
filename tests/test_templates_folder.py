"""The Obsidian templates folder holds templates, not notes (issue 14, conventions): it is left
out of the graph and of every export unless ``include_templates = true``; check says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vaultkg.cli import app
from vaultkg.config import load_config
from vaultkg.obsidian import template_folders

runner = CliRunner()
PLACEHOLDER = "{{title}} blocks the [[Adenosine receptor]] (strong evidence)."


def vault_with_templates(root: Path, settings: dict[str, str]) -> Path:
    files = {
        "Drugs/Caffeine.md": "---\ntype: drug\n---\nCaffeine blocks the [[Adenosine receptor]].\n",
        "Adenosine receptor.md": "---\ntype: receptor\n---\nA GPCR.\n",
        "Tpl/Drug.md": f"---\ntype: drug\n---\n{PLACEHOLDER}\n",
        **settings,
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, "utf-8")
    return root


CORE = {".obsidian/templates.json": '{"folder": "Tpl"}'}
TEMPLATER = {".obsidian/plugins/templater-obsidian/data.json": '{"templates_folder": "/Tpl/"}'}


@pytest.mark.parametrize("settings", [CORE, TEMPLATER], ids=["core", "templater"])
def test_the_templates_folder_is_left_out_and_check_says_so(
    tmp_path: Path, settings: dict[str, str]
) -> None:
    root = vault_with_templates(tmp_path / "v", settings)
    result = runner.invoke(app, ["check", str(root), "--format", "json"])
    assert result.exit_code == 0, result.output
    found = [
        (d["path"], d["severity"], d["message"])
        for d in json.loads(result.stdout)["diagnostics"]
        if d["code"] == "templates-folder"
    ]
    assert found == [
        (
            "Tpl/",
            "info",
            "the Obsidian templates folder: its notes are left out of the graph and every "
            "export; set include_templates = true in vaultkg.toml to read them as notes",
        )
    ]
    out = tmp_path / "out"
    result = runner.invoke(app, ["publish", str(root), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].endswith(": 1 drug, 1 receptor")
    graph = json.loads((out / "graph.json").read_text("utf-8"))
    assert sorted(n["path"] for n in graph["notes"]) == [
        "Adenosine receptor.md",
        "Drugs/Caffeine.md",
    ]
    assert [c["text"] for c in graph["claims"]] == ["Caffeine blocks the Adenosine receptor."]
    assert not (out / "site" / "notes" / "tpl").exists()
    # every export file as bytes (the site now ships KaTeX's binary fonts)
    assert not [
        p
        for p in out.rglob("*")
        if p.is_file() and p.suffix != ".js" and b"{{title}}" in p.read_bytes()
    ]


def test_include_templates_reads_them_as_notes(tmp_path: Path) -> None:
    root = vault_with_templates(
        tmp_path / "v", {**CORE, "vaultkg.toml": "include_templates = true\n"}
    )
    config, diagnostics = load_config(root)
    assert (config.templates, config.include_templates, diagnostics) == (["Tpl"], True, [])
    result = runner.invoke(app, ["claims", str(root), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert PLACEHOLDER.replace("[[", "").replace("]]", "") in [
        c["text"] for c in json.loads(result.stdout)
    ]


def test_template_folders_reads_both_settings_and_never_the_root(tmp_path: Path) -> None:
    vault_with_templates(tmp_path, {**CORE, **TEMPLATER})
    assert template_folders(tmp_path) == {"Tpl": ".obsidian/templates.json"}
    (tmp_path / ".obsidian/templates.json").write_text('{"folder": "/"}', "utf-8")
    assert template_folders(tmp_path) == {"Tpl": "Templater settings"}
