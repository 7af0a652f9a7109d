"""``vaultkg init``: the survey of a vault and the vaultkg.toml it proposes."""

from __future__ import annotations

from pathlib import Path

from kgutil import write_vault
from typer.testing import CliRunner

from vaultkg.cli import app
from vaultkg.config import load_config

runner = CliRunner()

NOTES = {
    ".obsidian/templates.json": '{"folder": "Meta/Tpl"}',
    ".obsidian/daily-notes.json": '{"folder": "Journal"}',
    "Meta/Tpl/Drug.md": "---\ntype: drug\n---\n{{title}} acts on {{target}}.\n",
    "Templates/Day.md": "# {{date}}\n",
    "Journal/2024-03-01.md": "Slept well.\n",
    "Journal/2024-03-02.md": "Slept well.\n",
    "Log/2024-04-01.md": "Walked.\n",
    "Log/2024-04-02.md": "Walked.\n",
    "Log/2024-04-03 Wednesday.md": "Walked.\n",
    "Pharm/Agents/Examplamine.md": "---\ntype: drug\n---\nA made-up drug.\n",
    "Pharm/Agents/Fictorol.md": "---\ntype: drug\n---\nAnother made-up drug.\n",
    "Pharm/Agents/Imaginol.md": "---\ntype: drug\n---\nA third made-up drug.\n",
    "Pharm/Agents/Dosing.md": "Dosing notes for the agents.\n",
    "Sources/Book.md": "---\ntype: source\n---\nA book.\n",
}

PROPOSAL = """\
# vaultkg settings, proposed by 'vaultkg init'. Every line is optional; see
# docs/conventions.md for what each one does.

# Where the RDF export and the site's linked data put their IRIs: use a URL you own.
base_iri = "https://example.org/vaultkg/my-notes/"

# Left out of the graph. Templates are not notes: their placeholders would
# become claims.
exclude = ["Meta/Tpl/", "Templates/"]
# Daily notes are read like any other; to leave them out, add:
#   "Journal/"
#   "Log/"

# The type of every note in a folder, unless the note says otherwise (type: ...).
[types]
"Pharm/Agents" = "drug"  # 3 of 4 notes are drug; 1 with no type would be too
"""


def _vault(tmp_path: Path) -> Path:
    return write_vault(tmp_path / "My Notes", NOTES, cast=False)


def test_dry_run_reports_and_proposes(tmp_path: Path) -> None:
    vault = _vault(tmp_path)
    result = runner.invoke(app, ["init", str(vault)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"Read 11 notes in {vault}\n"  # Meta/Tpl/Drug.md: the templates folder is not read
        "Entities by type (with a note / from the vocabulary, named in prose):\n"
        "  concept      6 /     0\n"
        "  drug         3 /     0\n"
        "  source       1 /     0\n"
        "Template folders:\n"
        "  Meta/Tpl/  (.obsidian/templates.json)\n"
        "  Templates/  (folder name)\n"
        "Daily-note folders:\n"
        "  Journal/  (.obsidian/daily-notes.json)\n"
        "  Log/  (3 of 3 notes are named by date)\n"
        "Source folders:\n"
        "  Sources/  (1 source notes)\n"
        "\n"
        "Proposed vaultkg.toml (dry run; --write writes it):\n"
        "\n" + PROPOSAL
    )
    assert not (vault / "vaultkg.toml").exists()


def test_write_creates_a_valid_config_and_refuses_to_overwrite(tmp_path: Path) -> None:
    vault = _vault(tmp_path)
    result = runner.invoke(app, ["init", str(vault), "--write"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith(f"Wrote {vault / 'vaultkg.toml'}\n")
    assert (vault / "vaultkg.toml").read_text("utf-8") == PROPOSAL
    cfg, diags = load_config(vault)
    assert diags == []
    assert (cfg.base_iri, cfg.exclude, cfg.types) == (
        "https://example.org/vaultkg/my-notes/",
        ["Meta/Tpl/", "Templates/"],
        {"Pharm/Agents": "drug"},
    )
    assert [p.name for p in vault.iterdir() if p.name.startswith(".vaultkg")] == []

    (vault / "vaultkg.toml").write_text('base_iri = "https://example.org/mine/"\n', "utf-8")
    result = runner.invoke(app, ["init", str(vault), "--write"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"vaultkg: error: {vault / 'vaultkg.toml'} exists already; give --force to replace it\n"
    )
    assert (vault / "vaultkg.toml").read_text("utf-8") == 'base_iri = "https://example.org/mine/"\n'

    result = runner.invoke(app, ["init", str(vault), "--write", "--force"])
    assert result.exit_code == 0, result.stderr
    written = (vault / "vaultkg.toml").read_text("utf-8")
    assert 'base_iri = "https://example.org/mine/"' in written  # the current setting is kept
    assert 'exclude = ["Meta/Tpl/", "Templates/"]' in written


def test_a_missing_vault_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no such folder" in result.stderr


def test_the_written_config_is_0644_whatever_the_umask(tmp_path: Path) -> None:
    import os
    import stat

    vault = _vault(tmp_path)
    old = os.umask(0o077)
    try:
        result = runner.invoke(app, ["init", str(vault), "--write"])
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE((vault / "vaultkg.toml").stat().st_mode) == 0o644  # was 0600 (mkstemp)
