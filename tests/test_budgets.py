"""One note cannot stop everything: budgets, linear time, odd file names (issue 15, items 5-6).

Time limits here are generous (the machine running tests is shared); benchmarks/ holds the
real figures.
"""

from __future__ import annotations

import json
import os
import time
import unicodedata
from pathlib import Path

import pytest
from test_linker_support import make_vault
from typer.testing import CliRunner

from vaultkg import vault as vault_module
from vaultkg.cli import app
from vaultkg.config import load_config
from vaultkg.parse import sentences
from vaultkg.parse.note import parse_note
from vaultkg.vault import read_vault

runner = CliRunner()


def test_a_slow_note_becomes_a_diagnostic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_vault(tmp_path, {"Slow.md": "x\n", "Fine.md": "caffeine\n"}, entities=False)
    (tmp_path / "vaultkg.toml").write_text("max_note_seconds = 0.2\n", "utf-8")
    real = vault_module.parse_note

    def parse(data: bytes, path: str, **kw: object):  # type: ignore[no-untyped-def]
        if path == "Slow.md":
            time.sleep(3)
        return real(data, path, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(vault_module, "parse_note", parse)
    started = time.perf_counter()
    v = read_vault(tmp_path, jobs=1)
    assert time.perf_counter() - started < 2.5
    assert sorted(v.notes) == ["Fine.md", "Slow.md"]
    assert v.notes["Fine.md"].text == "caffeine\n"
    assert v.notes["Slow.md"].text == ""
    assert [(d.path, d.severity, d.code) for d in v.diagnostics] == [
        ("Slow.md", "error", "over-budget")
    ]


def test_the_time_budget_is_read_from_the_config(tmp_path: Path) -> None:
    (tmp_path / "vaultkg.toml").write_text("max_note_seconds = 3.5\n", "utf-8")
    assert load_config(tmp_path)[0].max_note_seconds == 3.5
    (tmp_path / "vaultkg.toml").write_text('max_note_seconds = "soon"\n', "utf-8")
    config, diags = load_config(tmp_path)
    assert config.max_note_seconds == 20.0
    assert [d.code for d in diags] == ["invalid-config"]


def _paragraph(size: int) -> str:
    words = ["the", "receptor", "binds", "caffeine", "and", "dopamine", "e.g."]
    words += ["in", "rats,", "then", "levels", "rise"]
    out: list[str] = []
    n = i = 0
    while n < size:
        w = words[i % len(words)]
        if out and out[-1].endswith(".") and out[-1] != "e.g.":
            w = w.capitalize()
        w += "." if i % 17 == 16 else ""
        out.append(w)
        n += len(w) + 1
        i += 1
    return " ".join(out)


def test_sentence_splitting_is_linear() -> None:
    text = _paragraph(1_000_000)
    started = time.perf_counter()
    spans = sentences.split(text)
    assert time.perf_counter() - started < 3
    assert len(spans) == 9709


def test_a_long_run_of_full_stops_is_split_quickly() -> None:
    started = time.perf_counter()
    assert sentences.split("Wait" + "." * 200_000 + " Then more.") == [
        (0, 200_004),
        (200_005, 200_015),
    ]
    assert time.perf_counter() - started < 2


def test_a_one_megabyte_paragraph_is_parsed_quickly() -> None:
    data = (_paragraph(1_000_000) + "\n").encode()
    started = time.perf_counter()
    note = parse_note(data, "big.md").note
    assert time.perf_counter() - started < 10
    assert sum(len(b.sentences) for b in note.blocks) == 9709


def test_a_line_of_many_links_is_parsed_in_linear_time() -> None:
    def seconds(n: int) -> float:
        data = (" ".join(f"[[N{i % 50}]]" for i in range(n)) + "\n").encode()
        best = float("inf")
        for _ in range(3):  # best of three: the machine is shared
            started = time.perf_counter()
            note = parse_note(data, "links.md").note
            best = min(best, time.perf_counter() - started)
        assert len(note.links) == n
        return best

    small, large = seconds(5_000), seconds(40_000)
    assert large < 24 * small + 1  # 8 times the links; quadratic would be 64 times slower


def test_a_file_name_that_is_not_utf8_is_reported_and_exports_work(tmp_path: Path) -> None:
    root = make_vault(tmp_path / "v", {"Good.md": "Caffeine.\n"}, entities=False)
    os.close(os.open(os.fsencode(root) + b"/bad\xff name.md", os.O_CREAT | os.O_WRONLY))
    check = runner.invoke(app, ["check", str(root), "--format", "json"])
    diags = json.loads(check.stdout)["diagnostics"]
    assert [(d["path"], d["code"]) for d in diags] == [("bad\ufffd name.md", "invalid-name")]
    for command in (["export", "json"], ["publish"], ["claims"], ["query", "relations"]):
        out = ["-o", str(tmp_path / "out" / command[-1])] if command[0] != "claims" else []
        if command[0] == "query":
            out = []
        result = runner.invoke(app, [*command, str(root), *out])
        assert result.exit_code == 0, (command, result.output)


def test_a_note_with_an_nfd_name_is_linked_and_written(tmp_path: Path) -> None:
    name = unicodedata.normalize("NFD", "Café notes.md")
    root = make_vault(tmp_path / "v", {name: "Strong caffeine here.\n"})
    result = runner.invoke(app, ["link", str(root), "--write", "--force"])
    assert result.exit_code == 0, result.output
    assert os.listdir(root).count(name) == 1
    assert (root / name).read_text("utf-8") == "Strong [[Caffeine|caffeine]] here.\n"


def test_a_note_with_a_very_long_name_is_written(tmp_path: Path) -> None:
    name = "é" * 120 + ".md"  # 243 bytes: a temporary name built from it would not fit
    root = make_vault(tmp_path / "v", {name: "Strong caffeine here.\n"})
    result = runner.invoke(app, ["link", str(root), "--write", "--force"])
    assert result.exit_code == 0, result.output
    assert (root / name).read_text("utf-8") == "Strong [[Caffeine|caffeine]] here.\n"
    assert sorted(os.listdir(root))[-1] == name  # no temporary file left
