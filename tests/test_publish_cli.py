"""``vaultkg publish``: every export in one run, and never a write into the vault."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import stat
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from vaultkg.cli import app
from vaultkg.export import staging
from vaultkg.export.registry import EXPORTERS
from vaultkg.fsutil import Interrupted

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


# -- all or nothing (issue 12 item 6) and the publish conventions of issue 14 ---------------


def small_vault(root: Path) -> Path:
    (root / "Drugs").mkdir(parents=True)
    (root / "Drugs" / "Caffeine.md").write_text(
        "---\ntype: drug\n---\nCaffeine blocks the [[Adenosine receptor]].\n", "utf-8"
    )
    (root / "Adenosine receptor.md").write_text("---\ntype: receptor\n---\nA GPCR.\n", "utf-8")
    # its own base IRI, so that stderr holds only what a test looks for (no placeholder warning)
    (root / "vaultkg.toml").write_text('base_iri = "https://example.org/small/"\n', "utf-8")
    return root


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file and folder under ``folder`` with its mode and bytes."""
    found = {}
    for path in sorted(folder.rglob("*")):
        mode = stat.S_IMODE(path.lstat().st_mode)
        found[str(path.relative_to(folder))] = (mode, path.read_bytes() if path.is_file() else b"")
    return found


@pytest.fixture
def published(tmp_path: Path) -> tuple[Path, Path]:
    """A small vault published once into tmp_path/out, then edited."""
    root = small_vault(tmp_path / "v")
    out = tmp_path / "out"
    result = runner.invoke(app, ["publish", str(root), "-o", str(out)])
    assert result.exit_code == 0, result.output
    (root / "Drugs" / "Caffeine.md").write_text("Caffeine, edited since.\n", "utf-8")
    return root, out


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize("after", ["json", "rdf", "site"])
def test_an_interrupt_after_any_export_leaves_the_previous_exports_byte_identical(
    published: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, after: str, signum: int
) -> None:
    root, out = published
    before = snapshot(out)
    real = EXPORTERS[after]

    def write_then_interrupted(kg: Any, folder: Path, settings: Any) -> list[Path]:
        real.write(kg, folder, settings)
        raise Interrupted(signum)

    monkeypatch.setitem(EXPORTERS, after, replace(real, write=write_then_interrupted))
    result = runner.invoke(app, ["publish", str(root), "-o", str(out)])
    assert result.exit_code == 128 + signum
    assert result.stderr == "vaultkg: interrupted, exports unchanged\n"
    assert result.stdout == ""
    assert snapshot(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["out", "v"]


def test_an_interrupt_during_the_swap_is_held_until_it_is_done(
    published: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, out = published
    real = staging._swap_in

    def swap_with_a_signal(folder: Path, target: Path) -> None:
        os.kill(os.getpid(), signal.SIGTERM)  # held by signals_deferred until the swap ends
        real(folder, target)

    monkeypatch.setattr(staging, "_swap_in", swap_with_a_signal)
    result = runner.invoke(app, ["publish", str(root), "-o", str(out)])
    assert result.exit_code == 128 + signal.SIGTERM
    assert result.stderr == f"vaultkg: interrupted; the new exports in {out} are complete\n"
    assert "Caffeine, edited since." in (out / "graph.json").read_text("utf-8")
    assert (out / "site" / "index.html").is_file()
    assert sorted(p.name for p in out.parent.iterdir()) == ["out", "v"]


def test_a_refused_site_folder_means_nothing_is_written(tmp_path: Path) -> None:
    root = small_vault(tmp_path / "v")
    out = tmp_path / "out"
    (out / "site").mkdir(parents=True)
    (out / "site" / "mine.txt").write_text("my own file\n", "utf-8")
    result = runner.invoke(app, ["publish", str(root), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"vaultkg: error: {out / 'site'}: not empty and not a site written by vaultkg; the "
        "export replaces the whole folder, so choose an empty or new folder\n"
    )
    assert sorted(str(p.relative_to(tmp_path)) for p in out.rglob("*")) == [
        "out/site",
        "out/site/mine.txt",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "v"]


def test_a_foreign_file_in_rdf_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    root = small_vault(tmp_path / "v")
    out = tmp_path / "out"
    (out / "rdf").mkdir(parents=True)
    (out / "rdf" / "notes.txt").write_text("mine\n", "utf-8")
    result = runner.invoke(app, ["publish", str(root), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"vaultkg: error: {out / 'rdf' / 'notes.txt'}: not written by vaultkg; publish "
        f"replaces {out / 'rdf'} as a whole, so move it out or choose another output folder\n"
    )
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == ["rdf", "rdf/notes.txt"]


def test_files_are_0644_and_folders_0755_whatever_the_umask(tmp_path: Path) -> None:
    root = small_vault(tmp_path / "v")
    out = tmp_path / "out"
    old = os.umask(0o077)
    try:
        result = runner.invoke(app, ["publish", str(root), "-o", str(out)])
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    modes = {mode for mode, _ in snapshot(out).values()}
    assert stat.S_IMODE(out.stat().st_mode) == 0o755
    assert modes == {0o644, 0o755}
    assert {stat.S_IMODE(p.stat().st_mode) for p in out.rglob("*") if p.is_dir()} == {0o755}


def test_other_files_in_the_output_folder_are_left_alone(published: tuple[Path, Path]) -> None:
    root, out = published
    (out / "README.txt").write_text("my notes on this folder\n", "utf-8")
    result = runner.invoke(app, ["publish", str(root), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "README.txt").read_text("utf-8") == "my notes on this folder\n"
    assert sorted(p.name for p in out.iterdir()) == [
        ".vaultkg-export-keys.json",  # what each export was made from (export/reuse.py)
        ".vaultkg-outputs",
        "README.txt",
        "graph.json",
        "rdf",
        "site",
    ]


def _leftover(out: Path, name: str, *, complete: bool) -> Path:
    """What a publish killed outright (SIGKILL) leaves beside ``out``: its staging folder."""
    folder = out.parent / f"{out.name}.vaultkg-tmp-{name}"
    folder.mkdir()
    (folder / "graph.json").write_text('{"generator": "vaultkg killed run"}\n', "utf-8")
    if complete:
        (folder / ".vaultkg-complete").touch()
    return folder


def test_a_killed_runs_staging_folder_is_finished_or_deleted_by_the_next_run(
    published: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, out = published
    done = _leftover(out, "done", complete=True)
    partial = _leftover(out, "partial", complete=False)
    seen: list[str] = []
    real = EXPORTERS["json"]

    def write_and_look(kg: Any, folder: Path, settings: Any) -> list[Path]:
        seen.append((out / "graph.json").read_text("utf-8"))  # the recovered one, by now
        return real.write(kg, folder, settings)

    monkeypatch.setitem(EXPORTERS, "json", replace(real, write=write_and_look))
    result = runner.invoke(app, ["publish", str(root), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"vaultkg: {done}: an interrupted publish was completed\n"
        f"vaultkg: {partial}: an unfinished publish was deleted\n"
    )
    assert seen == ['{"generator": "vaultkg killed run"}\n']
    assert sorted(p.name for p in out.parent.iterdir()) == ["out", "v"]


def test_a_staging_folder_of_a_live_run_is_left_alone(published: tuple[Path, Path]) -> None:
    root, out = published
    live = _leftover(out, "live", complete=False)
    fd = os.open(live, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        result = runner.invoke(app, ["publish", str(root), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert result.stderr == ""
        assert (live / "graph.json").is_file()
    finally:
        os.close(fd)


def test_title_quiet_and_only(tmp_path: Path) -> None:
    root = small_vault(tmp_path / "v")
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        ["publish", str(root), "-o", str(out), "-q", "--title", "Pharmacology", "--only", "site"],
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split(" ")[0] for line in lines] == ["Read", "Claims:", "Relations:"]
    assert "<title>Pharmacology</title>" in (out / "site" / "index.html").read_text("utf-8")
    assert sorted(p.name for p in out.iterdir()) == ["site"]
    result = runner.invoke(app, ["publish", str(root), "-o", str(out), "--only", "json,pdf"])
    assert result.exit_code == 2
    assert result.stderr == (
        "vaultkg: error: --only: unknown export 'pdf'; choose from json, rdf, site\n"
    )


def test_publish_dot_inside_the_vault_suggests_an_exports_folder_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = small_vault(tmp_path / "v")
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["publish", "."])
    assert result.exit_code == 2
    assert result.stderr == (
        "vaultkg: error: exports: the output folder is inside the vault; vaultkg never writes "
        "into a vault, choose a folder outside it, e.g. -o ../exports\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v"]
    assert sorted(p.name for p in root.iterdir()) == [
        "Adenosine receptor.md",
        "Drugs",
        "vaultkg.toml",
    ]


def test_a_swap_that_fails_half_way_is_finished_by_the_next_run(
    published: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, out = published
    real_rename = os.rename

    def rename_failing_on_rdf(src: Any, dst: Any) -> None:
        if Path(src).name == "rdf" and Path(src).parent.name.startswith("out.vaultkg-tmp-"):
            raise PermissionError(13, "Permission denied", str(dst))
        real_rename(src, dst)

    monkeypatch.setattr(staging.os, "rename", rename_failing_on_rdf)
    result = runner.invoke(app, ["publish", str(root), "-o", str(out)])
    assert result.exit_code == 2
    (folder,) = staging.leftovers(out)
    assert result.stderr == (
        f"vaultkg: error: {out}: the new exports were being moved in when this failed: "
        f"Permission denied ({out / 'rdf'}); fix that and run publish again, which finishes "
        f"the move from {folder}\n"
    )
    assert not (out / "rdf").exists()  # moved aside, the new one not in yet
    monkeypatch.setattr(staging.os, "rename", real_rename)
    result = runner.invoke(app, ["publish", str(root), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"vaultkg: {folder}: an interrupted publish was completed\n"
    assert sorted(p.name for p in (out / "rdf").iterdir()) == [
        ".vaultkg-outputs",
        "graph.jsonld",
        "graph.nt",
        "graph.trig",
        "graph.ttl",
        "shapes.ttl",
        "vocab.ttl",
    ]
    assert "Caffeine, edited since." in (out / "graph.json").read_text("utf-8")
    assert sorted(p.name for p in out.parent.iterdir()) == ["out", "v"]


def test_an_unchanged_site_is_linked_from_the_last_publish_not_built_again(
    tmp_path: Path,
) -> None:
    root = small_vault(tmp_path / "v")
    out = tmp_path / "out"
    assert runner.invoke(app, ["publish", str(root), "-o", str(out), "-q"]).exit_code == 0
    page = out / "site" / "index.html"
    first = page.stat().st_ino
    before = snapshot(out / "site")
    assert runner.invoke(app, ["publish", str(root), "-o", str(out), "-q"]).exit_code == 0
    assert page.stat().st_ino == first  # the same file, hard-linked into the new exports
    assert snapshot(out / "site") == before
    (root / "Drugs" / "Caffeine.md").write_text("Caffeine, edited since.\n", "utf-8")
    assert runner.invoke(app, ["publish", str(root), "-o", str(out), "-q"]).exit_code == 0
    assert page.stat().st_ino != first  # built again from the edited vault
    assert "edited since" in (out / "site" / "notes" / "drugs" / "caffeine.html").read_text("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "v"]


def test_unchanged_json_and_rdf_are_linked_and_a_touched_note_dates_the_rdf_again(
    tmp_path: Path,
) -> None:
    root = small_vault(tmp_path / "v")
    out = tmp_path / "out"
    assert runner.invoke(app, ["publish", str(root), "-o", str(out), "-q"]).exit_code == 0
    files = [out / "graph.json", out / "rdf" / "graph.trig", out / "rdf" / ".vaultkg-outputs"]
    first = [p.stat().st_ino for p in files]
    before = snapshot(out)
    assert runner.invoke(app, ["publish", str(root), "-o", str(out), "-q"]).exit_code == 0
    assert [p.stat().st_ino for p in files] == first  # linked, not written again
    assert snapshot(out) == before
    note = root / "Drugs" / "Caffeine.md"
    os.utime(note, (1_600_000_000, 1_600_000_000))  # same text, another modification time
    assert runner.invoke(app, ["publish", str(root), "-o", str(out), "-q"]).exit_code == 0
    inodes = [p.stat().st_ino for p in files]
    assert inodes[0] == first[0]  # graph.json does not read modification times
    assert inodes[1] != first[1]  # the RDF dates an undated note's claims by its file
    assert "2020-09-13T12:26:40" in (out / "rdf" / "graph.trig").read_text("utf-8")


def test_an_export_rewritten_since_the_last_publish_is_not_reused(tmp_path: Path) -> None:
    root = small_vault(tmp_path / "v")
    out = tmp_path / "out"
    assert runner.invoke(app, ["publish", str(root), "-o", str(out), "-q"]).exit_code == 0
    graph = out / "graph.json"
    text = graph.read_text("utf-8")
    graph.write_text(text.replace("Caffeine", "Cafeine!"), "utf-8")  # same size, newer file
    assert graph.stat().st_size == len(text.encode("utf-8"))
    assert runner.invoke(app, ["publish", str(root), "-o", str(out), "-q"]).exit_code == 0
    assert graph.read_text("utf-8") == text  # written again from the vault
