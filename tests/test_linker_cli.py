"""``vaultkg link`` on the command line: dry run, --write, --interactive, git, errors."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from test_linker_support import ARTICLE, make_vault, snapshot
from typer.testing import CliRunner, Result

from vaultkg.cli import app

runner = CliRunner()
ARTICLE_PATH = "Notes/Morning coffee.md"


def run(*args: str, input: str | None = None) -> Result:
    return runner.invoke(app, ["link", *args], input=input)


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    return make_vault(tmp_path / "vault", {ARTICLE_PATH: ARTICLE})


def test_dry_run_prints_a_diff_and_summary_and_writes_nothing(vault: Path) -> None:
    before = snapshot(vault)
    result = run(str(vault), "--only", "Caffeine")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "--- a/Notes/Morning coffee.md\n"
        "+++ b/Notes/Morning coffee.md\n"
        "@@ -3 +3 @@\n"
        "-A wellness site claims that coffee loses its kick because caffeine sits on adenosine\n"
        "+A wellness site claims that coffee loses its kick because [[Caffeine|caffeine]] sits "
        "on adenosine\n"
        "@@ -8 +8 @@\n"
        "-amphetamines are taken daily, and it suggests pausing caffeine for a week.\n"
        "+amphetamines are taken daily, and it suggests pausing [[Caffeine|caffeine]] for a "
        "week.\n"
        "2 link(s) proposed in 1 of 10 note(s)\n"
        "Links per entity:\n"
        "  Caffeine  2\n"
        "Dry run: nothing was written. Add --write to apply these links.\n"
    )
    assert snapshot(vault) == before


def test_summary_counts_links_per_entity(vault: Path) -> None:
    result = run(str(vault))
    assert result.exit_code == 0
    summary = result.stdout[result.stdout.index("7 link(s)") :]
    assert summary == (
        "7 link(s) proposed in 1 of 10 note(s)\n"
        "Links per entity:\n"
        "  Caffeine                2\n"
        "  Adenosine A2A receptor  1\n"
        "  Adenosine receptor      1\n"
        "  Amphetamine             1\n"
        "  Dopamine                1\n"
        "  Serotonin               1\n"
        "Dry run: nothing was written. Add --write to apply these links.\n"
    )


def test_write_then_second_run_is_a_no_op(vault: Path) -> None:
    result = run(str(vault), "--write")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("Wrote 7 link(s) to 1 note(s).\n")
    text = (vault / ARTICLE_PATH).read_text("utf-8")
    assert text.count("[[") == 7
    after = snapshot(vault)
    again = run(str(vault), "--write")
    assert again.exit_code == 0
    assert again.stdout == "0 link(s) proposed in 0 of 10 note(s)\nWrote 0 link(s) to 0 note(s).\n"
    assert snapshot(vault) == after


def test_json_output(vault: Path) -> None:
    result = run(str(vault), "--type", "neurotransmitter", "--format", "json")
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["summary"] == {
        "notes_scanned": 10,
        "notes_touched": 1,
        "links_proposed": 2,
        "per_entity": {"Dopamine": 1, "Serotonin": 1},
        "ambiguous": 0,
        "unsafe": 0,
    }
    assert payload["proposals"][0] == {
        "path": ARTICLE_PATH,
        "line": 7,
        "col": 20,
        "offset": ARTICLE.index("serotonin"),
        "length": 9,
        "text": "serotonin",
        "entity": "Neurotransmitters/Serotonin.md",
        "replacement": "[[Serotonin|serotonin]]",
    }
    assert payload["dry_run"] is True
    assert payload["written"] == []


def test_interactive_accepts_and_skips(vault: Path) -> None:
    # 7 proposals: yes, no, yes, then quit
    result = run(str(vault), "--interactive", "--write", input="y\nn\ny\nq\n")
    assert result.exit_code == 0, result.output
    assert "[1/7] Notes/Morning coffee.md:3:59" in result.stdout
    assert (
        "    …aims that coffee loses its kick because [[Caffeine|caffeine]] sits on adenosine\n"
        "Link it? [y]es [n]o [a]ll remaining [q]uit [y]: y\n"
    ) in result.stdout
    assert (vault / ARTICLE_PATH).read_text("utf-8") == ARTICLE.replace(
        "because caffeine", "because [[Caffeine|caffeine]]"
    ).replace("extra adenosine receptors", "extra [[Adenosine receptor|adenosine receptors]]")
    assert result.stdout.endswith("Wrote 2 link(s) to 1 note(s).\n")


def test_interactive_all_and_bad_answers(vault: Path) -> None:
    result = run(str(vault), "-i", "--only", "caffeine", input="maybe\na\n")
    assert result.exit_code == 0
    assert "Answer y, n, a or q." in result.stdout
    assert "2 link(s) proposed in 1 of 10 note(s)" in result.stdout


def test_first_only_and_note_options(vault: Path) -> None:
    result = run(str(vault), "--first-only", "--note", ARTICLE_PATH, "--only", "Caffeine")
    assert "1 link(s) proposed in 1 of 1 note(s)" in result.stdout
    result = run(str(vault), "--note", str(vault / ARTICLE_PATH), "--min-length", "4")
    assert "6 link(s) proposed in 1 of 1 note(s)" in result.stdout  # no "A2A"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--only", "Coffee"],
            "vaultkg: error: --only 'Coffee': no drug, receptor, transporter, enzyme, "
            "neurotransmitter or mechanism note has that title, alias or path; check the spelling",
        ),
        (
            ["--type", "source"],
            "vaultkg: error: --type 'source': not a type the linker links to; use one of: channel, "
            "drug, drug-class, enzyme, mechanism, neurotransmitter, receptor, transporter",
        ),
        (
            ["--note", "Notes/Missing.md"],
            "vaultkg: error: --note Notes/Missing.md: no such note in the vault; give its path "
            "from the vault folder, e.g. 'Notes/My note.md'",
        ),
        (
            ["--force"],
            "vaultkg: error: --force only makes sense with --write; add --write or drop --force",
        ),
        (
            ["-i", "--format", "json"],
            "vaultkg: error: --interactive needs --format text; drop one of the two",
        ),
    ],
)
def test_usage_errors_exit_2_and_change_nothing(vault: Path, args: list[str], message: str) -> None:
    before = snapshot(vault)
    result = run(str(vault), "--write", *args) if args != ["--force"] else run(str(vault), *args)
    assert result.exit_code == 2
    assert result.stderr.strip() == message
    assert snapshot(vault) == before


def test_missing_vault(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"vaultkg: error: {tmp_path / 'nope'}: no such folder; give the path of your vault\n"
    )


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        check=True,
        capture_output=True,
    )


@needs_git
def test_write_refuses_uncommitted_notes_unless_forced(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    vault = make_vault(repo / "vault", {ARTICLE_PATH: ARTICLE, "Notes/b.md": "dopamine\n"})
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "notes")
    (vault / ARTICLE_PATH).write_text(ARTICLE + "\nA new line about serotonin.\n", "utf-8")
    (vault / "Notes/new.md").write_text("caffeine\n", "utf-8")  # untracked
    before = snapshot(vault)
    result = run(str(vault), "--write")
    assert result.exit_code == 1
    assert result.stderr == (
        "vaultkg: error: 2 note(s) to be linked have uncommitted changes in git:\n"
        "  Notes/Morning coffee.md\n"
        "  Notes/new.md\n"
        "commit or stash them first, or add --force to write anyway\n"
    )
    assert snapshot(vault) == before
    # a committed note alone is fine
    only_b = run(str(vault), "--write", "--note", "Notes/b.md")
    assert only_b.exit_code == 0, only_b.output
    assert (vault / "Notes/b.md").read_text("utf-8") == "[[Dopamine|dopamine]]\n"
    forced = run(str(vault), "--write", "--force")
    assert forced.exit_code == 0
    assert (vault / "Notes/new.md").read_text("utf-8") == "[[Caffeine|caffeine]]\n"


@needs_git
def test_no_git_repository_is_fine(vault: Path) -> None:
    assert run(str(vault), "--write").exit_code == 0


def test_ambiguous_names_in_summary(tmp_path: Path) -> None:
    vault = make_vault(
        tmp_path / "v",
        {
            "Targets/Dopamine D2 receptor.md": "---\ntype: receptor\naliases: [D2]\n---\nx\n",
            "Targets/D2-like family.md": "---\ntype: receptor\naliases: [D2]\n---\nx\n",
            "Notes/n.md": "Blocking D2 raises prolactin; D2 again.\n",
        },
    )
    result = run(str(vault))
    assert result.stdout == (
        "0 link(s) proposed in 0 of 12 note(s)\n"
        "Ambiguous names, not linked (give each name to one note only):\n"
        "  'd2': 2 mention(s), could be Targets/D2-like family.md, "
        "Targets/Dopamine D2 receptor.md\n"
    )


def test_suggest_notes(tmp_path: Path) -> None:
    vault = make_vault(
        tmp_path / "v",
        {
            "Notes/a.md": "Coffee raises PET signal, see [[Striatum]]. The Locus Coeruleus "
            "fires.\n",
            "Notes/b.md": "PET again, and [[Striatum]] and [[striatum]]. The PET scan.\n"
            "Only once: Hippocampus.\nLocus Coeruleus again.\n",
        },
    )
    result = run(str(vault), "--suggest-notes")
    assert result.exit_code == 0
    assert result.stdout == (
        "name             mentions  notes  source\n"
        "---------------  --------  -----  ----------------\n"
        "PET              3         2      capitalised term\n"
        "Striatum         3         2      unresolved link\n"
        "Locus Coeruleus  2         2      capitalised term\n"
    )


def test_help_lists_the_command_and_examples() -> None:
    assert "link" in runner.invoke(app, ["--help"]).stdout
    help_text = runner.invoke(app, ["link", "--help"]).stdout
    assert "vaultkg link vault/ --suggest-notes" in help_text
    assert "--first-only" in help_text


def test_the_safety_sequence_lives_in_the_library(tmp_path: Path) -> None:
    """link.run: what the CLI calls, usable without it (issue 12: thin CLI commands)."""
    from vaultkg.link import build_entities
    from vaultkg.link.model import LinkOptions
    from vaultkg.link.run import LinkError, choose_entities, choose_types, make_plan, write_plan
    from vaultkg.vault import read_vault

    root = make_vault(tmp_path, {"Notes/Coffee.md": "I drink caffeine daily.\n"})
    v = read_vault(root, spans=True)
    table = build_entities(v.notes, v.config, v.index, 2)
    with pytest.raises(LinkError) as caught:
        choose_types(["galaxy"])
    assert (caught.value.code, str(caught.value).split(";")[0]) == (
        2,
        "--type 'galaxy': not a type the linker links to",
    )
    only = choose_entities(["guaranine"], table)
    assert only == frozenset({"Drugs/Caffeine.md"})
    plan = make_plan(v, table, LinkOptions(only=only, headings=v.config.link_headings))
    assert [(p.path, p.replacement) for p in plan.proposals] == [
        ("Notes/Coffee.md", "[[Caffeine|caffeine]]")
    ]
    outcome = write_plan(v, plan, force=True)
    assert outcome.written == ["Notes/Coffee.md"]
    assert (root / "Notes/Coffee.md").read_text("utf-8") == "I drink [[Caffeine|caffeine]] daily.\n"
