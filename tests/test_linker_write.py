"""Writing links: byte-exact, atomic, never over a changed file, and idempotent."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from test_linker_support import make_vault, plan_for, snapshot

from vaultkg import fsutil
from vaultkg.link import apply_plan

NOTE = "Notes/n.md"


def write_once(root: Path, **options: object) -> list[str]:
    _, plan = plan_for(root, **options)
    outcome = apply_plan(root, plan)
    assert outcome.skipped == []
    return outcome.written


def test_crlf_bom_tabs_and_unicode_survive_byte_for_byte(tmp_path: Path) -> None:
    original = (
        b"\xef\xbb\xbf---\r\ntags: [x]\r\n---\r\n"
        b"Caffeine\tand  dopamine \xe2\x80\x94 caf\xc3\xa9 au lait   \r\n"
        b"\r\n"
        b"\xce\x94 serotonin\xe2\x80\x99s role, no newline at end"
    )
    make_vault(tmp_path, {NOTE: original})
    assert write_once(tmp_path) == [NOTE]
    assert (tmp_path / NOTE).read_bytes() == (
        b"\xef\xbb\xbf---\r\ntags: [x]\r\n---\r\n"
        b"[[Caffeine]]\tand  [[Dopamine|dopamine]] \xe2\x80\x94 caf\xc3\xa9 au lait   \r\n"
        b"\r\n"
        b"\xce\x94 [[Serotonin|serotonin]]\xe2\x80\x99s role, no newline at end"
    )


def test_lf_file_without_bom_stays_without_bom(tmp_path: Path) -> None:
    make_vault(tmp_path, {NOTE: b"dopamine\n"})
    write_once(tmp_path)
    assert (tmp_path / NOTE).read_bytes() == b"[[Dopamine|dopamine]]\n"


def test_second_run_changes_nothing(tmp_path: Path) -> None:
    make_vault(tmp_path, {NOTE: "Caffeine, caffeine and dopamine.\r\n"})
    write_once(tmp_path)
    after_first = snapshot(tmp_path)
    _, plan = plan_for(tmp_path)
    assert plan.notes == []
    assert write_once(tmp_path) == []
    assert snapshot(tmp_path) == after_first


def test_second_run_with_first_only_changes_nothing(tmp_path: Path) -> None:
    make_vault(tmp_path, {NOTE: "Caffeine, caffeine and dopamine.\n"})
    write_once(tmp_path, first_only=True)
    assert (tmp_path / NOTE).read_text("utf-8") == (
        "[[Caffeine]], caffeine and [[Dopamine|dopamine]].\n"
    )
    _, plan = plan_for(tmp_path, first_only=True)
    assert plan.notes == []


def test_only_the_planned_notes_are_touched(tmp_path: Path) -> None:
    make_vault(tmp_path, {NOTE: "dopamine\n", "Notes/other.md": "nothing to link\n"})
    before = snapshot(tmp_path)
    write_once(tmp_path)
    after = snapshot(tmp_path)
    assert {k for k in after if after[k] != before.get(k)} == {NOTE}
    assert set(after) == set(before)  # no temporary file left behind


def test_file_mode_is_kept(tmp_path: Path) -> None:
    make_vault(tmp_path, {NOTE: "dopamine\n"})
    os.chmod(tmp_path / NOTE, 0o640)
    write_once(tmp_path)
    assert stat.S_IMODE((tmp_path / NOTE).stat().st_mode) == 0o640


def test_file_changed_since_read_is_skipped(tmp_path: Path) -> None:
    make_vault(tmp_path, {NOTE: "dopamine\n"})
    _, plan = plan_for(tmp_path)
    (tmp_path / NOTE).write_bytes(b"dopamine, edited in Obsidian meanwhile\n")
    outcome = apply_plan(tmp_path, plan)
    assert outcome.written == []
    assert outcome.skipped == [(NOTE, "changed since it was read; run vaultkg link again")]
    assert (tmp_path / NOTE).read_bytes() == b"dopamine, edited in Obsidian meanwhile\n"


def test_file_changed_while_the_temp_file_is_written_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_vault(tmp_path, {NOTE: "dopamine\n"})
    _, plan = plan_for(tmp_path)
    real_fsync = os.fsync

    def edit_then_fsync(fd: int) -> None:
        (tmp_path / NOTE).write_bytes(b"typed just now\n")
        real_fsync(fd)

    monkeypatch.setattr(fsutil.os, "fsync", edit_then_fsync)
    outcome = apply_plan(tmp_path, plan)
    assert outcome.skipped == [(NOTE, "changed since it was read; run vaultkg link again")]
    assert (tmp_path / NOTE).read_bytes() == b"typed just now\n"
    assert sorted(p.name for p in (tmp_path / "Notes").iterdir()) == ["n.md"]


def test_failed_rename_leaves_the_note_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_vault(tmp_path, {NOTE: "dopamine\n"})
    _, plan = plan_for(tmp_path)

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fsutil.os, "replace", broken_replace)
    outcome = apply_plan(tmp_path, plan)
    assert outcome.written == []
    assert outcome.skipped == [
        (NOTE, "cannot write it (No space left on device); the note was left as it was")
    ]
    assert (tmp_path / NOTE).read_bytes() == b"dopamine\n"
    assert sorted(p.name for p in (tmp_path / "Notes").iterdir()) == ["n.md"]


def test_write_goes_through_a_temp_file_and_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_vault(tmp_path, {NOTE: "dopamine\n"})
    _, plan = plan_for(tmp_path)
    renames: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(src: str, dst: Path) -> None:
        renames.append((Path(src).name, Path(dst).name))
        assert Path(src).parent == Path(dst).parent
        assert Path(src).read_bytes() == b"[[Dopamine|dopamine]]\n"
        assert Path(dst).read_bytes() == b"dopamine\n"  # untouched until the rename
        real_replace(src, dst)

    monkeypatch.setattr(fsutil.os, "replace", spy)
    assert apply_plan(tmp_path, plan).written == [NOTE]
    assert len(renames) == 1
    assert renames[0][0].startswith(".n.md.") and renames[0][0].endswith(".tmp")
    assert renames[0][1] == "n.md"
