"""Link resolution as Obsidian does it, and the vault-level checks that come with it."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from parse_helpers import write_vault

from vaultkg.model import Diagnostic, Note
from vaultkg.resolve import LinkIndex
from vaultkg.vault import Vault, read_vault


def read(root: Path) -> Vault:
    return read_vault(root, jobs=1)


def link_table(note: Note) -> list[tuple[str, str | None, str]]:
    """(raw, resolved, status) of each link of a note."""
    return [(link.raw, link.resolved, link.status) for link in note.links]


def codes(diags: list[Diagnostic]) -> list[tuple[str, int, int, str]]:
    return [(d.path, d.line, d.col, d.code) for d in diags]


# ---------------------------------------------------------------------------------------
# LinkIndex on its own


INDEX = LinkIndex(
    [
        "Home.md",
        "Drugs/Caffeine.md",
        "Targets/Receptor.md",
        "Targets/Deep/Receptor.md",
        "receptor.md",
        "Targets/Binding.md",
        "Targets/Deep/Binding.md",
        unicodedata.normalize("NFC", "Drugs/Café.md"),
    ],
    ["Media/pic.png", "Media/doc.pdf", "Board.canvas", "Other/pic.png"],
)


def resolve(target: str, source: str = "Home.md", relative: bool = False) -> tuple[object, ...]:
    res = INDEX.resolve(target, source, relative=relative)
    return res.path, res.status, res.candidates


def test_a_path_from_the_vault_root() -> None:
    assert resolve("Drugs/Caffeine") == ("Drugs/Caffeine.md", "ok", ["Drugs/Caffeine.md"])
    assert resolve("Drugs/Caffeine.md")[:2] == ("Drugs/Caffeine.md", "ok")
    assert resolve("/Drugs/Caffeine")[:2] == ("Drugs/Caffeine.md", "ok")


def test_a_unique_name_anywhere_in_the_vault() -> None:
    assert resolve("Caffeine")[:2] == ("Drugs/Caffeine.md", "ok")


def test_a_path_suffix_finds_the_note() -> None:
    assert resolve("Deep/Receptor")[:2] == ("Targets/Deep/Receptor.md", "ok")


def test_names_match_case_insensitively() -> None:
    assert resolve("CAFFEINE")[:2] == ("Drugs/Caffeine.md", "ok")
    assert resolve("drugs/caffeine")[:2] == ("Drugs/Caffeine.md", "ok")


def test_names_match_in_either_unicode_normal_form() -> None:
    nfd = unicodedata.normalize("NFD", "Café")
    assert nfd != "Café"
    assert resolve(nfd)[:2] == ("Drugs/Café.md", "ok")
    assert resolve("café")[:2] == ("Drugs/Café.md", "ok")


def test_ambiguous_names_prefer_exact_case_then_nearest_the_root() -> None:
    assert resolve("Receptor") == (
        "Targets/Receptor.md",
        "ambiguous",
        ["Targets/Receptor.md", "Targets/Deep/Receptor.md", "receptor.md"],
    )
    assert resolve("receptor") == (
        "receptor.md",
        "ambiguous",
        ["receptor.md", "Targets/Receptor.md", "Targets/Deep/Receptor.md"],
    )
    assert resolve("Binding") == (
        "Targets/Binding.md",
        "ambiguous",
        ["Targets/Binding.md", "Targets/Deep/Binding.md"],
    )


def test_attachments_resolve_by_name_with_their_extension() -> None:
    assert resolve("doc.pdf")[:2] == ("Media/doc.pdf", "ok")
    assert resolve("board.CANVAS")[:2] == ("Board.canvas", "ok")
    assert resolve("Media/pic.png")[:2] == ("Media/pic.png", "ok")
    assert resolve("pic.png")[:2] == ("Media/pic.png", "ambiguous")
    assert resolve("doc") == (None, "broken", [])


def test_links_leaving_the_vault_resolve_to_nothing() -> None:
    assert resolve("../../etc/passwd") == (None, "outside", [])
    assert resolve("Drugs/../../secret") == (None, "outside", [])
    assert resolve("../Home.md", "Drugs/Caffeine.md", relative=True)[:2] == ("Home.md", "ok")
    assert resolve("../../Home.md", "Drugs/Caffeine.md", relative=True) == (None, "outside", [])
    assert resolve("../../../x.md", "Drugs/Caffeine.md", relative=True) == (None, "outside", [])


def test_unknown_names_are_broken() -> None:
    assert resolve("Nothing here") == (None, "broken", [])


# ---------------------------------------------------------------------------------------
# whole vaults


HOME = (
    "[[Drugs/Caffeine]] [[caffeine#Mechanism]] [[Caffeine#Missing]]\n"
    "[[Caffeine#^blocks]] [[Caffeine#^nope]] [[Caffeine#Mechanism#Adenosine]]\n"
    "[[Receptor]] [[#Local]] [[#Nowhere]] [[Ghost]]\n"
    "[c](Drugs/Caffeine.md#Mechanism) [o](<../Out.md>) ![[map.png|300]]\n"
    "## Local\n"
)


def test_a_vault_resolves_every_link_and_reports_what_is_wrong(tmp_path: Path) -> None:
    write_vault(
        tmp_path,
        {
            "Home.md": HOME,
            "Drugs/Caffeine.md": (
                "# Mechanism\n## Adenosine\nBlocks adenosine receptors. ^blocks\n\n"
                "Back to [home](../Home.md).\n"
            ),
            "Targets/Receptor.md": "one\n",
            "Receptor.md": "two\n",
            "Media/map.png": b"\x89PNG",
        },
    )
    vault = read(tmp_path)
    assert link_table(vault.notes["Home.md"]) == [
        ("[[Drugs/Caffeine]]", "Drugs/Caffeine.md", "ok"),
        ("[[caffeine#Mechanism]]", "Drugs/Caffeine.md", "ok"),
        ("[[Caffeine#Missing]]", "Drugs/Caffeine.md", "anchor"),
        ("[[Caffeine#^blocks]]", "Drugs/Caffeine.md", "ok"),
        ("[[Caffeine#^nope]]", "Drugs/Caffeine.md", "anchor"),
        ("[[Caffeine#Mechanism#Adenosine]]", "Drugs/Caffeine.md", "ok"),
        ("[[Receptor]]", "Receptor.md", "ambiguous"),
        ("[[#Local]]", "Home.md", "ok"),
        ("[[#Nowhere]]", "Home.md", "anchor"),
        ("[[Ghost]]", None, "broken"),
        ("Drugs/Caffeine.md#Mechanism", "Drugs/Caffeine.md", "ok"),
        ("../Out.md", None, "outside"),
        ("![[map.png|300]]", "Media/map.png", "ok"),
    ]
    assert link_table(vault.notes["Drugs/Caffeine.md"]) == [("../Home.md", "Home.md", "ok")]
    assert codes(vault.sorted_diagnostics()) == [
        ("Home.md", 1, 43, "broken-anchor"),
        ("Home.md", 2, 22, "broken-anchor"),
        ("Home.md", 3, 1, "ambiguous-link"),
        ("Home.md", 3, 25, "broken-anchor"),
        ("Home.md", 3, 38, "broken-link"),
        ("Home.md", 4, 34, "outside-vault"),
    ]
    assert vault.attachments == ["Media/map.png"]


def test_heading_links_match_obsidians_form_of_the_heading(tmp_path: Path) -> None:
    write_vault(
        tmp_path,
        {
            "A.md": "# Dose: response\n## `Emax` model\n## See [[B]]\n",
            "B.md": "[[A#Dose response]] [[A#Emax model]] [[A#`Emax` model]] [[A#See B]]\n",
        },
    )
    vault = read(tmp_path)
    assert [link.status for link in vault.notes["B.md"].links] == ["ok"] * 4


def test_embed_cycles_are_reported_once(tmp_path: Path) -> None:
    write_vault(
        tmp_path,
        {
            "Loop A.md": "![[Loop B]]\n",
            "Loop B.md": "Text.\n\n![[Loop C#Part]]\n",
            "Loop C.md": "# Part\n![[Loop A]]\n",
            "Self.md": "![[Self]]\n",
            "Plain.md": "[[Loop A]] is a link, not an embed: [[Plain]]\n",
        },
    )
    diags = [d for d in read(tmp_path).diagnostics if d.code == "embed-cycle"]
    assert sorted((d.path, d.line, d.col, d.severity) for d in diags) == [
        ("Loop A.md", 1, 1, "warning"),
        ("Self.md", 1, 1, "warning"),
    ]
    messages = sorted(d.message for d in diags)
    assert messages[0] == (
        "embeds form a cycle: Loop A.md → Loop B.md → Loop C.md → Loop A.md; "
        "remove one of the embeds"
    )
    assert messages[1] == "embeds form a cycle: Self.md → Self.md; remove one of the embeds"


def test_duplicate_block_ids_are_reported(tmp_path: Path) -> None:
    write_vault(tmp_path, {"Dup.md": "One. ^same\n\nTwo. ^same\n\nThree. ^other\n"})
    (d,) = read(tmp_path).diagnostics
    assert d.format() == (
        "Dup.md:3:1: warning: block id ^same is already used on line 1; "
        "links to it are ambiguous, rename one [duplicate-block-id]"
    )


# ---------------------------------------------------------------------------------------
# what the scan sees


def test_hidden_folders_ignore_filters_and_exclude_are_skipped(tmp_path: Path) -> None:
    write_vault(
        tmp_path,
        {
            "Home.md": "[[Trashed]] [[Config]] [[Tracked]] [[Private]] [[Draft]] [[Kept]]\n",
            ".trash/Trashed.md": "x\n",
            ".obsidian/Config.md": "x\n",
            ".obsidian/app.json": json.dumps({"userIgnoreFilters": ["Private/", "/^Arch.*/"]}),
            ".git/Tracked.md": "x\n",
            "Private/Private.md": "x\n",
            "Archive 2019/Old.md": "x\n",
            "Drafts/Draft.md": "x\n",
            "Drafts/sub/Deeper.md": "x\n",
            "Notes/Kept.md": "x\n",
            "Notes/scratch.tmp.md": "x\n",
            "vaultkg.toml": 'exclude = ["Drafts/", "*.tmp.md"]\n',
        },
    )
    vault = read(tmp_path)
    assert sorted(vault.notes) == ["Home.md", "Notes/Kept.md"]
    assert vault.attachments == []
    assert [link.status for link in vault.notes["Home.md"].links] == ["broken"] * 5 + ["ok"]


def test_a_broken_app_json_is_reported_and_the_scan_goes_on(tmp_path: Path) -> None:
    write_vault(tmp_path, {".obsidian/app.json": "{not json", "A.md": "a\n"})
    vault = read(tmp_path)
    assert sorted(vault.notes) == ["A.md"]
    assert codes(vault.diagnostics) == [(".obsidian/app.json", 1, 1, "invalid-config")]


def test_note_paths_are_nfc_whatever_the_file_system_stores(tmp_path: Path) -> None:
    write_vault(tmp_path, {unicodedata.normalize("NFD", "Café.md"): "x\n", "A.md": "[[Café]]\n"})
    vault = read(tmp_path)
    assert sorted(vault.notes) == ["A.md", "Café.md"]
    assert vault.notes["A.md"].links[0].resolved == "Café.md"
