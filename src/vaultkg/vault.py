"""Read a whole vault: scan → parse (in parallel when it pays) → resolve."""

from __future__ import annotations

import errno
import gc
import os
import signal
import stat
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config, load_config
from .fsutil import signals_as_exceptions
from .model import Diagnostic, Note, ParseResult
from .parse.note import parse_note, too_large
from .resolve import LinkIndex, duplicate_block_ids, embed_cycles, resolve_links
from .scan import VaultFile, scan

# Below this many notes, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 300
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

Progress = Callable[[int, int], None]


class VaultError(Exception):
    """A problem with the vault as a whole (missing folder, not a folder)."""


@dataclass(slots=True)
class Vault:
    root: Path
    config: Config
    notes: dict[str, Note] = field(default_factory=dict)
    attachments: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    index: LinkIndex | None = None
    abspaths: dict[str, str] = field(default_factory=dict)  # note path -> file read
    # set by privacy.public_vault: the private notes left out, and whether that was waived
    withheld: frozenset[str] = frozenset()
    include_private: bool = False

    def sorted_diagnostics(self) -> list[Diagnostic]:
        return sorted(
            self.diagnostics,
            key=lambda d: (d.path, d.line, d.col, SEVERITY_ORDER[d.severity], d.code),
        )


def read_regular_file(path: str, limit: int) -> bytes:
    """Read at most ``limit`` bytes of a regular file; never blocks on a pipe or device."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(limit)
    finally:
        os.close(fd)


class _Overtime(Exception):
    """The note took longer than its time budget."""


@contextmanager
def _time_budget(seconds: float) -> Iterator[None]:
    """Raise _Overtime in this block after ``seconds`` (main thread with SIGALRM only)."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0  # never take over someone's timer
    )
    if not usable:
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise _Overtime

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def over_budget(path: str, seconds: float) -> Diagnostic:
    return Diagnostic(
        path,
        1,
        1,
        "error",
        "over-budget",
        f"reading this note took over {seconds:g} s, so it was skipped; split it or raise "
        "max_note_seconds in vaultkg.toml",
    )


ParseArgs = tuple[str, str, int, int, bool, float]


def _read_and_parse(args: ParseArgs) -> ParseResult:
    abspath, relpath, size, max_bytes, spans, seconds = args
    try:
        with _time_budget(seconds):
            return _read_and_parse_now(abspath, relpath, size, max_bytes, spans)
    except _Overtime:
        title = relpath.rsplit("/", 1)[-1][:-3]
        return ParseResult(Note(path=relpath, title=title), [over_budget(relpath, seconds)])


def _read_and_parse_now(
    abspath: str, relpath: str, size: int, max_bytes: int, spans: bool
) -> ParseResult:
    title = relpath.rsplit("/", 1)[-1][:-3]
    if size > max_bytes:  # say so without reading it
        return ParseResult(Note(path=relpath, title=title), [too_large(relpath, size, max_bytes)])
    try:
        data = read_regular_file(abspath, max_bytes + 1)
    except OSError as exc:
        return ParseResult(
            Note(path=relpath, title=title),
            [
                Diagnostic(
                    relpath,
                    1,
                    1,
                    "error",
                    "unreadable",
                    f"cannot read file: {exc.strerror}; check its permissions",
                )
            ],
        )
    return parse_note(data, relpath, max_bytes=max_bytes, spans=spans)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many long-lived objects are made.

    Parsing allocates millions of objects that all survive; with the collector on, each full
    collection walks all of them again: a 10,000-note vault parsed a third slower, and
    unpickling worker results in the parent several times slower.
    Parse results hold no reference cycles, so nothing is lost; the old state is restored.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _parse_chunk(chunk: list[ParseArgs]) -> list[ParseResult]:
    """Parse in a worker process (pickling the results back is cheap with the GC paused)."""
    with _gc_paused():
        return [_read_and_parse(a) for a in chunk]


def parse_files(
    files: Iterable[VaultFile],
    max_bytes: int,
    *,
    spans: bool = False,
    jobs: int | None = None,
    progress: Progress | None = None,
    seconds: float = 0,
) -> list[ParseResult]:
    args = [(f.abspath, f.path, f.size, max_bytes, spans, seconds) for f in files]
    total = len(args)
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    results: list[ParseResult] = []
    with _gc_paused():
        if workers <= 1 or total < PARALLEL_THRESHOLD:
            for i, a in enumerate(args, 1):
                results.append(_read_and_parse(a))
                if progress and i % 200 == 0:
                    progress(i, total)
            if progress:
                progress(total, total)
            return results
        size = max(50, total // (workers * 8))
        chunks = [args[i : i + size] for i in range(0, total, size)]
        with (
            signals_as_exceptions(),
            ProcessPoolExecutor(max_workers=workers, initializer=_worker_init) as pool,
        ):
            try:
                for chunk_results in pool.map(_parse_chunk, chunks):
                    results.extend(chunk_results)
                    if progress:
                        progress(len(results), total)
            except BaseException:
                _stop_workers(pool)
                raise
    return results


def _worker_init() -> None:
    """Workers leave Ctrl-C to the parent, which stops them (a traceback each is noise)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Kill the workers now: never leave them running after the command (Ctrl-C, SIGTERM)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # before shutdown
    for proc in processes:
        proc.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        proc.join(timeout=5)


def read_vault(
    root: str | Path,
    *,
    spans: bool = False,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> Vault:
    """Scan, parse and resolve every note of the vault at ``root``."""
    root = Path(root)
    if not root.exists():
        raise VaultError(f"{root}: no such folder; give the path of your vault")
    if not root.is_dir():
        raise VaultError(f"{root}: not a folder; give the folder that holds your notes")
    config, diags = load_config(root)
    vault = Vault(root=root, config=config, diagnostics=diags)
    files = list(scan(root, config, vault.diagnostics))
    notes = [f for f in files if f.is_note]
    vault.attachments = [f.path for f in files if not f.is_note]
    vault.abspaths = {f.path: f.abspath for f in notes}
    for result in parse_files(
        notes,
        config.max_file_size,
        spans=spans,
        jobs=jobs,
        progress=progress,
        seconds=config.max_note_seconds,
    ):
        vault.notes[result.note.path] = result.note
        vault.diagnostics.extend(result.diagnostics)
    vault.index, link_diags = resolve_links(vault.notes, vault.attachments, config.unresolved_links)
    vault.diagnostics.extend(link_diags)
    vault.diagnostics.extend(embed_cycles(vault.notes))
    for note in vault.notes.values():
        vault.diagnostics.extend(duplicate_block_ids(note))
    return vault
