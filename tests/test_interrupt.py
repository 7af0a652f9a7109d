"""Writes that respect the file, and interruptions that leave nothing behind (issue 15,
items 3, 4 and 8). The tests run as root, so modes are checked as bits and ownership with
os.chown to another user id."""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from test_linker_support import make_vault, plan_for
from typer.testing import CliRunner

from vaultkg import fsutil
from vaultkg.cli import app
from vaultkg.link import apply_plan

runner = CliRunner()
NOTE = "Notes/n.md"


def test_owner_group_and_mode_are_kept(tmp_path: Path) -> None:
    make_vault(tmp_path, {NOTE: "Strong caffeine.\n"})
    path = tmp_path / NOTE
    os.chown(path, 4321, 4322)
    os.chmod(path, 0o604)
    outcome = apply_plan(tmp_path, plan_for(tmp_path)[1])
    assert outcome.written == [NOTE]
    st = os.stat(path)
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (4321, 4322, 0o604)
    assert path.read_text("utf-8") == "Strong [[Caffeine|caffeine]].\n"


def test_hard_links_stay_one_file(tmp_path: Path) -> None:
    root = make_vault(tmp_path / "v", {NOTE: "Strong caffeine.\n"})
    twin = tmp_path / "backup.md"
    os.link(root / NOTE, twin)
    inode = os.stat(twin).st_ino
    outcome = apply_plan(root, plan_for(root)[1])
    assert outcome.written == [NOTE]
    assert os.stat(root / NOTE).st_ino == inode
    assert twin.read_text("utf-8") == "Strong [[Caffeine|caffeine]].\n"
    assert sorted(os.listdir(root / "Notes")) == ["n.md"]


def test_read_only_notes_are_refused_unless_forced(tmp_path: Path) -> None:
    make_vault(tmp_path, {NOTE: "Strong caffeine.\n"})
    path = tmp_path / NOTE
    os.chmod(path, 0o444)
    result = runner.invoke(app, ["link", str(tmp_path), "--write"])
    assert result.exit_code == 1
    assert (
        f"{NOTE}: not written: the file is read-only; make it writable or add --force"
        in result.stderr
    )
    assert path.read_text("utf-8") == "Strong caffeine.\n"
    result = runner.invoke(app, ["link", str(tmp_path), "--write", "--force"])
    assert result.exit_code == 0, result.output
    assert path.read_text("utf-8") == "Strong [[Caffeine|caffeine]].\n"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o444


def test_a_signal_during_a_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_vault(tmp_path, {"Notes/a.md": "caffeine\n", "Notes/b.md": "caffeine\n"})
    real_fsync = os.fsync
    calls = []

    def fsync_then_terminated(fd: int) -> None:
        real_fsync(fd)
        calls.append(fd)
        if len(calls) == 3:  # a.md: file and folder; then b.md's temporary file
            raise fsutil.Interrupted(signal.SIGTERM)

    monkeypatch.setattr(fsutil.os, "fsync", fsync_then_terminated)
    result = runner.invoke(app, ["link", str(tmp_path), "--write", "--force"])
    assert result.exit_code == 128 + signal.SIGTERM
    assert "vaultkg: interrupted; temporary files removed" in result.stderr
    assert "  written: Notes/a.md" in result.stderr
    assert "  not written: Notes/b.md" in result.stderr
    assert sorted(os.listdir(tmp_path / "Notes")) == ["a.md", "b.md"]
    assert (tmp_path / "Notes/b.md").read_text("utf-8") == "caffeine\n"


def test_signals_become_exceptions_only_inside_the_block() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(fsutil.Interrupted) as caught, fsutil.signals_as_exceptions():
        os.kill(os.getpid(), signal.SIGHUP)
        time.sleep(1)
    assert caught.value.signum == signal.SIGHUP
    assert signal.getsignal(signal.SIGTERM) == before


SLOW_READ = textwrap.dedent(
    """
    import sys, time
    from vaultkg import vault
    real = vault._read_and_parse_now
    def slow(*args):
        time.sleep(0.2)
        return real(*args)
    vault._read_and_parse_now = slow
    print("started", flush=True)
    vault.read_vault(sys.argv[1], jobs=2)
    """
)


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(FileNotFoundError):  # a thread that just ended
                found.update(int(p) for p in (task / "children").read_text().split())
    except FileNotFoundError:
        pass
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_workers_never_outlive_the_command(tmp_path: Path, signum: int) -> None:
    for i in range(400):
        (tmp_path / f"n{i}.md").write_text(f"Note {i} on caffeine.\n", "utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_READ, str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stdout.readline() == b"started\n"
    workers: set[int] = set()
    deadline = time.monotonic() + 20
    while len(workers) < 2 and time.monotonic() < deadline:
        workers = _children(proc.pid)
        time.sleep(0.1)
    assert len(workers) == 2
    proc.send_signal(signum)
    proc.wait(timeout=10)
    time.sleep(0.5)
    assert [w for w in workers if _alive(w)] == []


SLOW_LINK = textwrap.dedent(
    """
    import os, sys, time
    from vaultkg import fsutil
    from vaultkg.cli import app
    real = os.fsync
    def slow(fd):
        time.sleep(0.02)
        real(fd)
    fsutil.os.fsync = slow
    sys.argv = ["vaultkg", "link", sys.argv[1], "--write", "--force"]
    app()
    """
)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_real_signal_mid_write_leaves_every_note_whole(tmp_path: Path, signum: int) -> None:
    notes = {f"Notes/n{i:03}.md": f"Note {i}: caffeine.\n" for i in range(150)}
    make_vault(tmp_path, notes)
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_LINK, str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    first = tmp_path / "Notes/n000.md"
    deadline = time.monotonic() + 60
    while b"[[" not in first.read_bytes() and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 128 + signum, err
    lines = err.decode().splitlines()
    assert lines[0] == "vaultkg: interrupted; temporary files removed"
    written = {x.removeprefix("  written: ") for x in lines if x.startswith("  written: ")}
    pending = {x.removeprefix("  not written: ") for x in lines if x.startswith("  not written")}
    assert written and pending and written | pending == set(notes)
    for rel in notes:
        i = int(rel[7:10])
        text = (tmp_path / rel).read_text("utf-8")
        linked = f"Note {i}: [[Caffeine|caffeine]].\n"
        assert text == (linked if rel in written else f"Note {i}: caffeine.\n"), rel
    assert sorted(os.listdir(tmp_path / "Notes")) == sorted(p[6:] for p in notes)


SLOW_PUBLISH = textwrap.dedent(
    """
    import sys, time
    from vaultkg import vault
    from vaultkg.cli import app
    real = vault._read_and_parse_now
    def slow(*args):
        time.sleep(0.2)
        return real(*args)
    vault._read_and_parse_now = slow
    sys.argv = ["vaultkg", "publish", sys.argv[1], "-o", sys.argv[2]]
    print("started", flush=True)
    app()
    """
)


def test_publish_stops_soon_after_sigterm_with_no_worker_left(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    root.mkdir()
    for i in range(400):
        (root / f"n{i}.md").write_text(f"Note {i} on caffeine.\n", "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    before = b'{"generator": "vaultkg 0.0.1", "notes": {}}\n'  # a previous export of ours
    (out / "graph.json").write_bytes(before)
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_PUBLISH, str(root), str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stdout.readline() == b"started\n"
    workers: set[int] = set()
    deadline = time.monotonic() + 20
    while len(workers) < 2 and time.monotonic() < deadline:
        workers = _children(proc.pid)
        time.sleep(0.1)
    proc.send_signal(signal.SIGTERM)
    started = time.monotonic()
    _, err = proc.communicate(timeout=15)
    assert time.monotonic() - started < 10
    assert proc.returncode == 128 + signal.SIGTERM, err.decode()[-2000:]
    assert err.decode() == "vaultkg: interrupted, exports unchanged\n"
    time.sleep(0.5)
    assert [w for w in workers if _alive(w)] == []
    assert sorted(os.listdir(out)) == ["graph.json"]
    assert (out / "graph.json").read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["out", "vault"]  # no staging folder left


def test_an_interrupted_json_export_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_vault(tmp_path / "v", {NOTE: "caffeine\n"})
    out = tmp_path / "out"
    out.mkdir()

    def replace_then_terminated(src: str, dst: str) -> None:
        raise fsutil.Interrupted(signal.SIGTERM)

    monkeypatch.setattr(fsutil.os, "replace", replace_then_terminated)
    result = runner.invoke(app, ["export", "json", str(root), "-o", str(out / "g.json")])
    assert result.exit_code == 128 + signal.SIGTERM
    assert result.stderr == (
        f"vaultkg: interrupted; temporary files removed\n  not written: {out / 'g.json'}\n"
    )
    assert os.listdir(out) == []
