"""``vaultkg check``: exact output, JSON, exit status, and every diagnostic code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from parse_helpers import write_vault
from typer.testing import CliRunner

from vaultkg.cli import app

RUNNER = CliRunner()
# PyYAML words this error differently with and without libyaml (which vaultkg uses when present)
UNCLOSED_LIST = (
    "did not find expected ',' or ']'"
    if yaml.__with_libyaml__
    else "expected ',' or ']', but got '<stream end>'"
)


def run(*args: str) -> tuple[int, list[str], str]:
    result = RUNNER.invoke(app, ["check", *args])
    return result.exit_code, result.stdout.splitlines(), result.stderr


def clean_vault(root: Path) -> Path:
    return write_vault(
        root,
        {
            "Caffeine.md": (
                "---\ntags: [stimulant]\n---\n# Mechanism\nBlocks [[Adenosine]]. #xanthine\n"
            ),
            "Adenosine.md": "Sleep pressure builds up. See [[Caffeine#Mechanism]].\n",
        },
    )


def problem_vault(root: Path) -> Path:
    """One file for each diagnostic code."""
    return write_vault(
        root,
        {
            # links to notes not written yet are info by default; this vault raises them
            "vaultkg.toml": 'max_file_size = "1 kB"\n[check]\nunresolved_links = "error"\n',
            "Links.md": (
                "[[Missing note]] and [[Target#No such heading]] and [[Target#^nope]].\n"
                "[[Twin]] is ambiguous; [[../../etc/passwd]] leaves the vault.\n"
            ),
            "Target.md": "# Real heading\nText. ^real\n",
            "A/Twin.md": "one\n",
            "B/Twin.md": "two\n",
            "Frontmatter.md": "---\ntitle: ok\nlist: [unclosed\n---\nBody.\n",
            "Binary.md": b"\x00\x01\x02PK\x03\x04",
            "Latin1.md": "Caf\xe9 au lait\n".encode("latin-1"),
            "Big.md": "x" * 2000 + "\n",
            "Embed A.md": "![[Embed B]]\n",
            "Embed B.md": "![[Embed A]]\n",
            "Blocks.md": "First. ^dup\n\nSecond. ^dup\n",
        },
    )


def test_a_clean_vault_prints_only_the_summary_and_exits_0(tmp_path: Path) -> None:
    code, out, err = run(str(clean_vault(tmp_path)))
    assert out == ["2 notes, 2 links (0 broken), 2 tags: 0 errors, 0 warnings"]
    assert (code, err) == (0, "")


def test_every_diagnostic_code_as_exact_text_lines(tmp_path: Path) -> None:
    code, out, _ = run(str(problem_vault(tmp_path)))
    assert out == [
        "Big.md:1:1: error: file is 2,001 bytes, over the 1,000-byte limit; split it or raise "
        "max_file_size in vaultkg.toml [too-large]",
        "Binary.md:1:1: error: file looks binary (NUL bytes), not Markdown; rename it or move it "
        "out of the vault [undecodable]",
        "Blocks.md:3:1: warning: block id ^dup is already used on line 1; links to it are "
        "ambiguous, rename one [duplicate-block-id]",
        "Embed A.md:1:1: warning: embeds form a cycle: Embed A.md → Embed B.md → Embed A.md; "
        "remove one of the embeds [embed-cycle]",
        f"Frontmatter.md:4:1: error: invalid YAML: {UNCLOSED_LIST}; "
        "fix the YAML between the '---' lines (properties are ignored until then) "
        "[invalid-frontmatter]",
        "Latin1.md:1:4: error: not valid UTF-8 (byte 0xe9); re-save the note as UTF-8 "
        "[undecodable]",
        "Links.md:1:1: error: link [[Missing note]] matches no note or file; create the note or "
        "fix the name (Obsidian shows it as a note not created yet) [broken-link]",
        "Links.md:1:22: warning: heading 'No such heading' not found in Target.md; fix the "
        "heading name [broken-anchor]",
        "Links.md:1:53: warning: block '^nope' not found in Target.md; add the block id or fix "
        "the link [broken-anchor]",
        "Links.md:2:1: warning: link [[Twin]] matches 2 files; using A/Twin.md (also "
        "B/Twin.md); write the folder to choose [ambiguous-link]",
        "Links.md:2:24: error: link [[../../etc/passwd]] points outside the vault; link to a "
        "note inside it [outside-vault]",
        "11 notes, 7 links (2 broken), 0 tags: 6 errors, 5 warnings",
    ]
    assert code == 1


def test_json_output_has_the_same_diagnostics_and_a_summary(tmp_path: Path) -> None:
    code, out, _ = run(str(problem_vault(tmp_path)), "--format", "json")
    payload = json.loads("\n".join(out))
    assert payload["summary"] == {
        "notes": 11,
        "attachments": 0,
        "links": 7,
        "broken_links": 2,
        "tags": 0,
        "errors": 6,
        "warnings": 5,
    }
    assert [d["code"] for d in payload["diagnostics"]] == [
        "too-large",
        "undecodable",
        "duplicate-block-id",
        "embed-cycle",
        "invalid-frontmatter",
        "undecodable",
        "broken-link",
        "broken-anchor",
        "broken-anchor",
        "ambiguous-link",
        "outside-vault",
    ]
    assert payload["diagnostics"][5] == {
        "path": "Latin1.md",
        "line": 1,
        "col": 4,
        "severity": "error",
        "code": "undecodable",
        "message": "not valid UTF-8 (byte 0xe9); re-save the note as UTF-8",
    }
    assert code == 1


def test_warnings_alone_exit_0_unless_fail_on_warning(tmp_path: Path) -> None:
    write_vault(tmp_path, {"A.md": "[[A#Nowhere]]\n"})
    code, out, _ = run(str(tmp_path))
    assert out[-1] == "1 notes, 1 links (0 broken), 0 tags: 0 errors, 1 warnings"
    assert code == 0
    code, _, _ = run(str(tmp_path), "--fail-on", "warning")
    assert code == 1
    code, _, _ = run(str(tmp_path), "--fail-on", "error")
    assert code == 0


def test_max_file_size_in_bytes_from_vaultkg_toml(tmp_path: Path) -> None:
    write_vault(tmp_path, {"vaultkg.toml": "max_file_size = 10\n", "A.md": "0123456789\n"})
    code, out, _ = run(str(tmp_path))
    assert out[0] == (
        "A.md:1:1: error: file is 11 bytes, over the 10-byte limit; split it or raise "
        "max_file_size in vaultkg.toml [too-large]"
    )
    assert code == 1


def test_a_bad_vaultkg_toml_is_reported_with_its_line_and_defaults_are_used(
    tmp_path: Path,
) -> None:
    write_vault(tmp_path, {"vaultkg.toml": "exclude = [\n  'a',\n  oops\n]\n", "A.md": "a\n"})
    code, out, _ = run(str(tmp_path))
    assert out[0].startswith("vaultkg.toml:3:3: error: Invalid value")
    assert out[0].endswith("; fix the file or remove it to use the defaults [invalid-config]")
    assert code == 1


def test_a_bad_max_file_size_is_reported(tmp_path: Path) -> None:
    write_vault(tmp_path, {"vaultkg.toml": 'max_file_size = "huge"\n', "A.md": "a\n"})
    _, out, _ = run(str(tmp_path))
    assert out[0] == (
        "vaultkg.toml:1:1: error: 'max_file_size' must be a size such as 5000000 or \"5 MB\"; "
        "the default is used [invalid-config]"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/no/such/vault"], "/no/such/vault: no such folder; give the path of your vault"),
    ],
)
def test_usage_errors_exit_2_with_a_message_on_stderr(args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, [])
    assert err.strip() == f"vaultkg: error: {message}"


def test_a_file_instead_of_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("x\n")
    code, _, err = run(str(path))
    assert code == 2
    assert err.strip() == (
        f"vaultkg: error: {path}: not a folder; give the folder that holds your notes"
    )


def test_bad_options_exit_2(tmp_path: Path) -> None:
    assert run(str(tmp_path), "--format", "xml")[0] == 2
    assert run(str(tmp_path), "--fail-on", "info")[0] == 2
    assert run()[0] == 2


def test_the_installed_command_gives_the_same_exit_status(tmp_path: Path) -> None:
    write_vault(tmp_path, {"A.md": "[Nowhere](Nowhere.md)\n"})
    proc = subprocess.run(
        [sys.executable, "-c", "from vaultkg.cli import main; main()", "check", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        "A.md:1:1: error: link (Nowhere.md) matches no note or file; create the note or fix the "
        "name [broken-link]",
        "1 notes, 1 links (1 broken), 0 tags: 1 errors, 0 warnings",
    ]


def test_a_link_to_a_note_not_written_yet_is_info_by_default(tmp_path: Path) -> None:
    (tmp_path / "A.md").write_text("See [[Not written yet]] and ![[missing.png]].\n", "utf-8")
    code, out, _ = run(str(tmp_path), "--fail-on", "warning")
    assert out == [
        "A.md:1:5: info: link [[Not written yet]] matches no note or file; create the note or "
        "fix the name (Obsidian shows it as a note not created yet) [broken-link]",
        "A.md:1:29: error: link [[missing.png]] matches no note or file; create the note or "
        "fix the name [broken-link]",
        "1 notes, 2 links (2 broken), 0 tags: 1 errors, 0 warnings",
    ]
    assert code == 1  # the missing image is an error; the placeholder alone would pass
