"""No input may crash or hang a run: bad files come back as diagnostics and the run goes on.

The few time limits below are hang guards, set far above the real cost (which the benchmark
measures); they only fail when something goes quadratic or loops.
"""

from __future__ import annotations

import errno
import os
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from parse_helpers import parse, targets, write_vault

from vaultkg import vault as vault_module
from vaultkg.model import ParseResult
from vaultkg.parse.frontmatter import MAX_NODES
from vaultkg.vault import read_vault

HANG_GUARD_SECONDS = 20.0


def timed(fn: Callable[[], ParseResult]) -> tuple[ParseResult, float]:
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def codes(result: ParseResult) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.col) for d in result.diagnostics]


# ---------------------------------------------------------------------------------------
# YAML


def alias_bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, levels):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "---\n" + "\n".join(lines) + "\n---\nBody [[Still read]].\n"


def test_a_yaml_alias_bomb_stops_at_the_node_budget() -> None:
    result, seconds = timed(lambda: parse(alias_bomb()))
    (d,) = result.diagnostics
    assert (d.code, d.severity, d.line) == ("invalid-frontmatter", "error", 1)
    assert d.message.startswith(f"invalid YAML: front matter expands to more than {MAX_NODES}")
    assert result.note.properties == {}
    assert targets(result.note) == ["Still read"]
    assert seconds < HANG_GUARD_SECONDS


def test_deeply_nested_yaml_is_reported_not_a_crash() -> None:
    result = parse("---\nx: " + "[" * 5000 + "]" * 5000 + "\n---\nBody.\n")
    assert [d.code for d in result.diagnostics] == ["invalid-frontmatter"]


def test_yaml_tags_that_would_build_python_objects_are_refused() -> None:
    result = parse("---\nx: !!python/object/apply:os.system ['true']\n---\n")
    assert [(d.code, d.line) for d in result.diagnostics] == [("invalid-frontmatter", 2)]


def test_a_huge_front_matter_block_is_not_read_as_front_matter() -> None:
    text = "---\n" + "k: v\n" * 60_000 + "---\nBody.\n"
    result = parse(text)
    assert result.note.properties == {}
    assert [(d.code, d.line) for d in result.diagnostics] == [("invalid-frontmatter", 1)]
    assert result.diagnostics[0].message.startswith(
        "front matter is longer than 256,000 characters; move the long values into the body"
    )


# ---------------------------------------------------------------------------------------
# bytes that are not Markdown


def test_a_binary_file_named_md() -> None:
    result = parse(bytes(range(256)) * 4, "Picture.md")
    assert codes(result) == [("undecodable", 1, 1)]
    assert result.note.title == "Picture"


def test_invalid_utf8_names_the_line_and_column() -> None:
    result = parse(b"fine line\nbad \xc3\x28 byte\n")
    assert codes(result) == [("undecodable", 2, 5)]
    assert result.diagnostics[0].message == (
        "not valid UTF-8 (byte 0xc3); re-save the note as UTF-8"
    )


def test_a_bom_is_allowed() -> None:
    result = parse(b"\xef\xbb\xbf---\ntags: [x]\n---\n[[A]]\n")
    assert result.diagnostics == []
    assert [t.name for t in result.note.tags] == ["x"]
    assert targets(result.note) == ["A"]


def test_a_50_mb_single_line_is_too_large_and_never_parsed() -> None:
    data = b"x" * 50_000_000
    result, seconds = timed(lambda: parse(data))
    assert codes(result) == [("too-large", 1, 1)]
    assert result.diagnostics[0].message == (
        "file is 50,000,000 bytes, over the 5,000,000-byte limit; split it or raise "
        "max_file_size in vaultkg.toml"
    )
    assert seconds < HANG_GUARD_SECONDS


def test_a_50_mb_file_in_a_vault_is_reported_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_vault(tmp_path, {"Huge.md": b"y" * 50_000_000, "Small.md": "[[Huge]]\n"})
    read_files: list[str] = []
    real = vault_module.read_regular_file

    def spy(path: str, limit: int) -> bytes:
        read_files.append(Path(path).name)
        return real(path, limit)

    monkeypatch.setattr(vault_module, "read_regular_file", spy)
    vault = read_vault(tmp_path, jobs=1)
    assert read_files == ["Small.md"]
    assert [(d.path, d.code) for d in vault.diagnostics] == [("Huge.md", "too-large")]
    assert vault.notes["Small.md"].links[0].status == "ok"


# ---------------------------------------------------------------------------------------
# deep nesting and pathological Markdown


@pytest.mark.parametrize(
    "text",
    [
        ">" * 10_000 + " [[Deep]]\n",
        "".join(">" * i + " line\n" for i in range(1, 300)),
        "- " * 10_000 + "[[Deep]]\n",
        "".join(" " * i + "- item\n" for i in range(0, 2_000, 2)),
        "1. " * 10_000 + "x\n",
    ],
    ids=["quotes-one-line", "quotes-stair", "lists-one-line", "lists-stair", "ordered"],
)
def test_10000_nested_quotes_or_lists_are_reported_and_the_note_goes_on(text: str) -> None:
    result, seconds = timed(lambda: parse("Before [[A]].\n\n" + text + "\nAfter [[B]].\n"))
    assert seconds < HANG_GUARD_SECONDS
    too_deep = [d for d in result.diagnostics if d.code == "too-deep"]
    assert len(too_deep) == 1
    assert too_deep[0].severity == "warning"
    assert targets(result.note)[0] == "A"
    assert targets(result.note)[-1] == "B"
    assert "Deep" not in targets(result.note)


def test_nesting_within_the_limit_is_read_in_full() -> None:
    text = "".join("  " * i + f"- level {i} [[L{i}]]\n" for i in range(15))
    result = parse(text)
    assert result.diagnostics == []
    assert targets(result.note) == [f"L{i}" for i in range(15)]


@pytest.mark.parametrize(
    "text",
    [
        "[[" * 20_000,
        "[" * 40_000,
        "[k:: " * 8_000,
        "#a " * 15_000,
        "%%" * 30_000 + "a",
        "==a " * 15_000,
        "[@a " * 10_000,
        "*a " * 15_000,
        "^a " * 30_000,
        "a" + " " * 100_000 + "x:: y",
        "(" * 50_000 + "k:: v",
    ],
    ids=lambda t: repr(t[:6]),
)
def test_long_lines_of_openers_cost_linear_time(text: str) -> None:
    result, seconds = timed(lambda: parse(text + "\n"))
    assert isinstance(result, ParseResult)
    assert seconds < HANG_GUARD_SECONDS


def test_an_unterminated_fence_hides_the_rest_but_nothing_breaks() -> None:
    result = parse("[[A]]\n\n```\n" + "[[B]]\n" * 1000)
    assert result.diagnostics == []
    assert targets(result.note) == ["A"]


# ---------------------------------------------------------------------------------------
# the file system


def test_symlink_loops_end_and_are_reported(tmp_path: Path) -> None:
    write_vault(tmp_path, {"Real/Note.md": "[[Other]]\n", "Other.md": "x\n"})
    (tmp_path / "Real" / "back").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "Alias").symlink_to(tmp_path / "Real", target_is_directory=True)
    (tmp_path / "self.md").symlink_to(tmp_path / "self.md")
    vault = read_vault(tmp_path, jobs=1)
    assert sorted(vault.notes) == ["Other.md", "Real/Note.md"]
    assert sorted((d.path, d.code) for d in vault.diagnostics) == [
        ("Alias", "symlink-loop"),
        ("Real/back", "symlink-loop"),
        ("self.md", "unreadable"),
    ]


def test_a_symlinked_folder_inside_the_vault_is_read(tmp_path: Path) -> None:
    vault_dir = write_vault(tmp_path / "vault", {"A.md": "[[Shared]]\n", "Real/Shared.md": "x\n"})
    (vault_dir / "Real").rename(vault_dir / ".hidden")  # only reachable through the link
    (vault_dir / "Linked").symlink_to(vault_dir / ".hidden", target_is_directory=True)
    vault = read_vault(vault_dir, jobs=1)
    assert sorted(vault.notes) == ["A.md", "Linked/Shared.md"]
    assert vault.diagnostics == []


def test_a_symlinked_folder_outside_the_vault_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    write_vault(outside, {"Shared.md": "x\n"})
    vault_dir = write_vault(tmp_path / "vault", {"A.md": "[[Shared]]\n"})
    (vault_dir / "Linked").symlink_to(outside, target_is_directory=True)
    vault = read_vault(vault_dir, jobs=1)
    assert sorted(vault.notes) == ["A.md"]
    assert [(d.path, d.code) for d in vault.sorted_diagnostics()] == [
        ("A.md", "broken-link"),
        ("Linked", "outside-vault"),
    ]


def test_a_named_pipe_is_skipped_instead_of_blocking(tmp_path: Path) -> None:
    write_vault(tmp_path, {"A.md": "x\n"})
    os.mkfifo(tmp_path / "pipe.md")
    vault = read_vault(tmp_path, jobs=1)
    assert sorted(vault.notes) == ["A.md"]
    assert [(d.path, d.severity, d.code) for d in vault.diagnostics] == [
        ("pipe.md", "warning", "unreadable")
    ]


def test_an_unreadable_file_is_reported_and_the_rest_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_vault(tmp_path, {"Locked.md": "secret\n", "Open.md": "[[Locked]]\n"})
    real = vault_module.read_regular_file

    def deny(path: str, limit: int) -> bytes:
        if path.endswith("Locked.md"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(path, limit)

    # tests run as root, where chmod 000 does not stop a read: simulate the refusal
    monkeypatch.setattr(vault_module, "read_regular_file", deny)
    vault = read_vault(tmp_path, jobs=1)
    assert [d.format() for d in vault.diagnostics] == [
        "Locked.md:1:1: error: cannot read file: Permission denied; check its permissions "
        "[unreadable]"
    ]
    assert vault.notes["Open.md"].links[0].status == "ok"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_chmod_000_file_is_reported(tmp_path: Path) -> None:
    write_vault(tmp_path, {"Locked.md": "secret\n"})
    (tmp_path / "Locked.md").chmod(0)
    vault = read_vault(tmp_path, jobs=1)
    assert [d.code for d in vault.diagnostics] == ["unreadable"]


ODD_NAMES = [
    "Ünïcödé.md",
    unicodedata.normalize("NFD", "Épinéphrine.md"),
    "日本語のノート.md",
    "☀️ Morning.md",
    "Dose 5% (mg).md",
    "with #hash and ^caret.md",
    "line\nbreak.md",
    " leading space.md",
    "rtl עברית.md",
]


def test_odd_unicode_file_names_are_read_and_linkable(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {name: f"Note {i}.\n" for i, name in enumerate(ODD_NAMES)}
    files["Index.md"] = (
        "[[Ünïcödé]] [[Épinéphrine]] [[日本語のノート]] [[☀️ Morning]] [[Dose 5% (mg)]]\n"
    )
    write_vault(tmp_path, files)
    vault = read_vault(tmp_path, jobs=1)
    expected = sorted(unicodedata.normalize("NFC", n) for n in [*ODD_NAMES, "Index.md"])
    assert sorted(vault.notes) == expected
    assert [link.status for link in vault.notes["Index.md"].links] == ["ok"] * 5
    assert vault.diagnostics == []


def test_the_process_pool_gives_the_same_vault_as_one_process(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        f"N{i:03}.md": f"# H{i}\nText [[N{(i + 1) % 320:03}#H{(i + 1) % 320}]] #t{i % 7}.\n"
        for i in range(320)
    }
    files["Bad.md"] = b"\xff\xfe"
    write_vault(tmp_path, files)
    one = read_vault(tmp_path, jobs=1)
    two = read_vault(tmp_path, jobs=2)
    assert one.notes == two.notes
    assert one.sorted_diagnostics() == two.sorted_diagnostics()
    assert [d.code for d in one.diagnostics] == ["undecodable"]


# ---------------------------------------------------------------------------------------
# property-based: whatever the input, a ParseResult comes back with sane positions

MARKDOWN_ALPHABET = st.sampled_from(
    list("[]()#!|^%$`*_=~>-+:;.,?@\\/<>{}\"' \t\n\r")
    + list("aZ09éß☀️日")
    + ["[[", "]]", "![[", "%%", "$$", "```", "::", "#^", "> [!note]", "\n- ", "\n    ", "---\n"]
)


def check_result(result: ParseResult, text_lines: int) -> None:
    assert isinstance(result, ParseResult)
    for link in result.note.links:
        assert 1 <= link.line <= text_lines and link.col >= 1
    for tag in result.note.tags:
        assert 1 <= tag.line <= text_lines and tag.col >= 1
        assert tag.name and not tag.name.replace("/", "").isdigit()
    for block in result.note.blocks:
        for s in block.sentences:
            assert 1 <= s.line <= text_lines and s.col >= 1 and s.text.strip()
    for d in result.diagnostics:
        assert d.severity in ("error", "warning", "info") and d.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MARKDOWN_ALPHABET, max_size=120).map("".join))
def test_any_markdownish_text_parses(text: str) -> None:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    check_result(parse(text), lines)
    check_result(parse(text, spans=True), lines)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_text_parses(text: str) -> None:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    check_result(parse(text), lines)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_parse(data: bytes) -> None:
    result = parse(data)
    assert isinstance(result, ParseResult)
    decodable = b"\x00" not in data[:8192]
    try:
        data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        decodable = False
    assert decodable == ("undecodable" not in [d.code for d in result.diagnostics])
