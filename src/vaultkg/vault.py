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

from .cache import KEEP_WHOLE, Cache, digest, key_of, open_cache
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
    # set by read_vault when a cache is used: the digest of everything the graph is built
    # from ("" when unknown, e.g. a note ran over its time budget)
    fingerprint: str = ""
    cache: Cache | None = None

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


# (abspath, relpath, size, max_bytes, spans, seconds, data): data is the bytes already read
# (and hashed) by the parent when the cache is on, else None and the worker reads the file
ParseArgs = tuple[str, str, int, int, bool, float, bytes | None]


def _read_and_parse(args: ParseArgs) -> ParseResult:
    abspath, relpath, size, max_bytes, spans, seconds, data = args
    try:
        with _time_budget(seconds):
            return _read_and_parse_now(abspath, relpath, size, max_bytes, spans, data)
    except _Overtime:
        title = relpath.rsplit("/", 1)[-1][:-3]
        return ParseResult(Note(path=relpath, title=title), [over_budget(relpath, seconds)])


def _read_and_parse_now(
    abspath: str, relpath: str, size: int, max_bytes: int, spans: bool, data: bytes | None = None
) -> ParseResult:
    if data is None:
        read = _read_note(abspath, relpath, size, max_bytes)
        if isinstance(read, ParseResult):
            return read
        data = read
    return parse_note(data, relpath, max_bytes=max_bytes, spans=spans)


def _read_note(abspath: str, relpath: str, size: int, max_bytes: int) -> bytes | ParseResult:
    """The note's bytes, or the result that says why they were not read."""
    title = relpath.rsplit("/", 1)[-1][:-3]
    if size > max_bytes:  # say so without reading it
        return ParseResult(Note(path=relpath, title=title), [too_large(relpath, size, max_bytes)])
    try:
        return read_regular_file(abspath, max_bytes + 1)
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


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many long-lived objects are made.

    Parsing allocates millions of objects that all survive; with the collector on, each full
    collection walks all of them again: a 10,000-note vault parsed a third slower, and
    unpickling worker results (or cache entries) in the parent several times slower.
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
    files = list(files)
    return _parse_all(
        files,
        [None] * len(files),
        max_bytes,
        spans=spans,
        jobs=jobs,
        progress=progress,
        seconds=seconds,
    )


def _read_all(files: list[VaultFile], max_bytes: int) -> list[bytes | ParseResult]:
    """Each note's bytes, or the result that says why it was not read."""
    return [_read_note(f.abspath, f.path, f.size, max_bytes) for f in files]


def _parse_all(
    files: list[VaultFile],
    read: list[bytes | ParseResult | None],
    max_bytes: int,
    *,
    spans: bool = False,
    jobs: int | None = None,
    progress: Progress | None = None,
    seconds: float = 0,
    cache: Cache | None = None,
) -> list[ParseResult]:
    """Parse every note: results cached under their content digest are read back, the rest
    parsed (in parallel when it pays). ``read`` holds each note's bytes when the caller has
    read them (None: the worker reads the file)."""
    total = len(files)
    results: list[ParseResult | None] = [None] * total
    keys: list[str] = [""] * total
    todo: list[int] = []
    args: list[ParseArgs] = []
    with _gc_paused():
        for i, (f, data) in enumerate(zip(files, read, strict=True)):
            if isinstance(data, ParseResult):
                results[i] = data
                continue
            if cache is not None and data is not None:
                keys[i] = key_of("parse", f.path, digest(data), max_bytes, spans)
                hit = cache.get("parse", keys[i])
                if isinstance(hit, ParseResult):
                    results[i] = hit
                    continue
            todo.append(i)
            args.append((f.abspath, f.path, f.size, max_bytes, spans, seconds, data))
        done = total - len(todo)
        parsed = _run(args, jobs, lambda n: progress(done + n, total) if progress else None)
    for i, result in zip(todo, parsed, strict=True):
        results[i] = result
        if cache is not None and keys[i] and not _timed_out(result):
            cache.put("parse", keys[i], result)
    if progress:
        progress(total, total)
    return [r for r in results if r is not None]


def _timed_out(result: ParseResult) -> bool:
    return any(d.code == "over-budget" for d in result.diagnostics)


def _run(
    args: list[ParseArgs], jobs: int | None, progress: Callable[[int], None]
) -> list[ParseResult]:
    total = len(args)
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    results: list[ParseResult] = []
    if workers <= 1 or total < PARALLEL_THRESHOLD:
        for i, a in enumerate(args, 1):
            results.append(_read_and_parse(a))
            if i % 200 == 0:
                progress(i)
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
                progress(len(results))
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
    cache: Cache | bool | None = True,
) -> Vault:
    """Scan, parse and resolve every note of the vault at ``root``.

    ``cache``: True uses the default cache (see ``vaultkg.cache``), a ``Cache`` that one,
    False or None none.
    """
    root = Path(root)
    if not root.exists():
        raise VaultError(f"{root}: no such folder; give the path of your vault")
    if not root.is_dir():
        raise VaultError(f"{root}: not a folder; give the folder that holds your notes")
    config, diags = load_config(root)
    if cache is True:
        settings = config.extra.get("cache")
        cache = open_cache(root, settings.get("dir") if isinstance(settings, dict) else None)
    elif cache is False:
        cache = None
    vault = Vault(root=root, config=config, diagnostics=diags, cache=cache)
    files = list(scan(root, config, vault.diagnostics))
    if cache is not None:  # a cache configured inside the vault is not part of it
        inside = str(cache.root.resolve()) + os.sep
        files = [f for f in files if not f.abspath.startswith(inside)]
    notes = [f for f in files if f.is_note]
    vault.attachments = [f.path for f in files if not f.is_note]
    vault.abspaths = {f.path: f.abspath for f in notes}
    read: list[bytes | ParseResult | None] = [None] * len(notes)
    key = ""
    if cache is not None:
        read = list(_read_all(notes, config.max_file_size))
        vault.fingerprint = _fingerprint(root, config, notes, read, vault.attachments)
        key = key_of("vault", vault.fingerprint, spans)
        with _gc_paused():
            hit = cache.get("vault", key)
        if isinstance(hit, _ReadVault):
            cache.touch("vault", key)
            hit.fill(vault)
            return vault
    results = _parse_all(
        notes,
        read,
        config.max_file_size,
        spans=spans,
        jobs=jobs,
        progress=progress,
        seconds=config.max_note_seconds,
        cache=cache,
    )
    del read
    diagnostics: list[Diagnostic] = []
    for result in results:
        vault.notes[result.note.path] = result.note
        diagnostics.extend(result.diagnostics)
    vault.index, link_diags = resolve_links(vault.notes, vault.attachments, config.unresolved_links)
    diagnostics.extend(link_diags)
    diagnostics.extend(embed_cycles(vault.notes))
    for note in vault.notes.values():
        diagnostics.extend(duplicate_block_ids(note))
    vault.diagnostics.extend(diagnostics)
    if cache is not None:
        if any(_timed_out(r) for r in results):
            vault.fingerprint = ""  # what was read depended on time: never reuse it
        else:
            cache.put("vault", key, _ReadVault(vault.notes, vault.index, diagnostics))
            cache.prune("vault", KEEP_WHOLE)
    return vault


@dataclass(slots=True)
class _ReadVault:
    """A read and resolved vault, as cached: what does not depend on where the vault is."""

    notes: dict[str, Note]
    index: LinkIndex
    diagnostics: list[Diagnostic]  # from reading the notes and resolving their links

    def fill(self, vault: Vault) -> None:
        vault.notes = self.notes
        vault.index = self.index
        vault.diagnostics.extend(self.diagnostics)


# attachments whose bytes the graph reads (bibliographies); other attachments count by path
_READ_ATTACHMENTS = (".bib", ".json")


def _fingerprint(
    root: Path,
    config: Config,
    notes: list[VaultFile],
    read: list[bytes | ParseResult | None],
    attachments: list[str],
) -> str:
    """A digest of everything reading the vault and building its graph depend on: the
    settings, each note's path and content digest (or its size when it was not read), each
    attachment's path, and the bytes of the bibliographies."""
    parts: list[str | bytes | int | float | bool | None] = ["vault", repr(config)]
    for f, data in zip(notes, read, strict=True):
        parts.extend((f.path, digest(data) if isinstance(data, bytes) else f"unread {f.size}"))
    for rel in sorted(attachments):
        parts.append(rel)
        if rel.lower().endswith(_READ_ATTACHMENTS):
            try:
                parts.append(digest((root / rel).read_bytes()))
            except OSError:
                parts.append(None)
    return key_of(*parts)
