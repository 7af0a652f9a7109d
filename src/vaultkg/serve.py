"""``vaultkg serve``: the site of a vault on http://127.0.0.1, rebuilt as the notes change.

Three threads: the HTTP server (one more per open page, for its event stream), the watcher
(watchfiles) that rebuilds after each change, and the caller's, which waits for Ctrl-C.

A change is shown in two steps. An edited note that is already on the site gets its page
written at once from the new text (``preview_note``) and open pages reload; then the vault is
read again (the cache makes that cheap), the graph rebuilt and every page whose bytes
changed rewritten (``update_site``), and open pages reload again if anything changed.

The live-reload script is added to pages as they are served; the files on disk are exactly
what ``publish`` writes.
"""

from __future__ import annotations

import errno
import gc
import http.server
import io
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .export.site.build import RenderMemo, SiteUpdate, preview_note, update_site
from .kg.graph import BuildMemo, build
from .parse.note import parse_note
from .privacy import public_vault
from .vault import read_regular_file, read_vault

EVENTS = "/__vaultkg/events"
SCRIPT = "/__vaultkg/live.js"
LIVE_JS = b"""// vaultkg serve: reload this page when the site changes
new EventSource("/__vaultkg/events").addEventListener("reload", () => location.reload());
"""
TAG = f'<script src="{SCRIPT}"></script>'.encode()
KEEPALIVE = 15.0  # seconds between comments on an idle event stream
DEFAULT_PORT = 8000
PORTS_TRIED = 20

Log = Callable[[str], None]


class ServeError(Exception):
    """The site cannot be served (port taken, output folder refused)."""


@dataclass
class Session:
    """The vault being served: its latest site and the count of changes pages have seen."""

    root: Path
    out: Path
    include_private: bool = False
    title: str | None = None
    memo: RenderMemo = field(default_factory=RenderMemo)
    names: BuildMemo = field(default_factory=BuildMemo)
    update: SiteUpdate | None = None
    generation: int = 0
    changed: threading.Condition = field(default_factory=threading.Condition)
    stopping: threading.Event = field(default_factory=threading.Event)

    def rebuild(self) -> SiteUpdate:
        """Read the vault, build the graph and bring the site up to date."""
        vault = read_vault(self.root)
        kg = build(public_vault(vault, include_private=self.include_private), memo=self.names)
        self.update = update_site(kg, self.out, self.memo, title=self.title)
        # reading from the cache freezes what it read out of the collector's way (see
        # cache.Cache.get); a long session must let earlier builds be collected
        gc.unfreeze()
        if self.update.changed:
            self.bump()
        return self.update

    def preview(self, relpath: str, abspath: str) -> str | None:
        """Write the page of an edited note from its new text, when that is safe."""
        if self.update is None:
            return None
        vault = self.update.site.kg.vault
        try:
            data = read_regular_file(abspath, vault.config.max_file_size + 1)
        except OSError:
            return None
        if len(data) > vault.config.max_file_size:
            return None
        note = parse_note(data, relpath, max_bytes=vault.config.max_file_size).note
        page = preview_note(self.update, self.out, self.memo, note)
        if page is not None:
            self.bump()
        return page

    def bump(self) -> None:
        with self.changed:
            self.generation += 1
            self.changed.notify_all()

    def wait(self, seen: int, timeout: float) -> int:
        """The generation after ``seen``, or ``seen`` again after ``timeout`` or on stop."""
        with self.changed:
            self.changed.wait_for(
                lambda: self.generation != seen or self.stopping.is_set(), timeout
            )
            return self.generation


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Files of the site, with the live-reload script added to pages, and the event stream."""

    session: Session

    def log_message(self, format: str, *args: object) -> None:
        pass  # one line per request would bury the rebuild messages

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == EVENTS:
            self._events()
        elif path == SCRIPT:
            self._send(200, "text/javascript; charset=utf-8", LIVE_JS)
        else:
            super().do_GET()

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def send_head(self):  # type: ignore[no-untyped-def]
        """Pages get the live-reload script; everything else is served as it is."""
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            target = target / "index.html"
        if target.suffix != ".html" or not target.is_file():
            return super().send_head()
        try:
            html = target.read_bytes()
        except OSError:
            self.send_error(404, "File not found")
            return None
        cut = html.rfind(b"</body>")
        html = html[:cut] + TAG + html[cut:] if cut != -1 else html + TAG
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(html)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(html)

    def _events(self) -> None:
        session = self.session
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = session.generation
        try:
            self.wfile.write(b": connected\n\n")
            self.wfile.flush()
            while not session.stopping.is_set():
                now = session.wait(seen, KEEPALIVE)
                if session.stopping.is_set():
                    break
                if now != seen:
                    seen = now
                    self.wfile.write(f"event: reload\ndata: {now}\n\n".encode())
                else:
                    self.wfile.write(b": keepalive\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page was closed or reloaded


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True  # an open event stream never holds up the stop


def bind(session: Session, port: int | None) -> _Server:
    """A server on 127.0.0.1: ``port``, or the first free one from 8000 (None)."""
    handler_class = type("Handler", (_Handler,), {"session": session})
    handler = partial(handler_class, directory=str(session.out))
    ports = [port] if port is not None else range(DEFAULT_PORT, DEFAULT_PORT + PORTS_TRIED)
    last: OSError | None = None
    for p in ports:
        try:
            return _Server(("127.0.0.1", p), handler)
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise ServeError(f"cannot listen on 127.0.0.1:{p} ({exc.strerror})") from exc
            last = exc
    tried = f"port {port}" if port is not None else f"ports {ports[0]}-{ports[-1]}"
    raise ServeError(
        f"{tried} already in use on 127.0.0.1; stop the other server or give --port"
    ) from last


def url_of(server: _Server) -> str:
    host, port = server.server_address[:2]
    return f"http://{host if isinstance(host, str) else socket.gethostname()}:{port}/"


def watch(session: Session, log: Log) -> None:
    """Rebuild after each change until the session stops (runs in its own thread)."""
    from watchfiles import Change
    from watchfiles import watch as changes_of

    root = session.root.resolve()
    cache = session.update.site.kg.vault.cache if session.update else None
    skip = [session.out.resolve()] + ([cache.root.resolve()] if cache else [])

    obsidian = root / ".obsidian"

    def wanted(_change: Change, path: str) -> bool:
        p = Path(path)
        if obsidian in p.parents and p.name != "app.json":
            return False  # Obsidian saves its workspace often; only app.json is read
        return not any(p == s or s in p.parents for s in skip)

    for batch in changes_of(
        root, watch_filter=wanted, stop_event=session.stopping, debounce=400, step=30
    ):
        started = time.perf_counter()
        edited = sorted(
            p for c, p in batch if c != Change.deleted and p.endswith(".md") and Path(p).is_file()
        )
        for abspath in edited:
            rel = Path(abspath).relative_to(root).as_posix()
            page = session.preview(rel, abspath)
            if page is not None:
                log(f"{rel}: page written in {time.perf_counter() - started:.2f} s")
        try:
            update = session.rebuild()
        except Exception as exc:  # a bad edit must not stop the server: say it, keep going
            log(f"rebuild failed ({exc}); the site is as it was")
            continue
        log(
            f"Rebuilt in {time.perf_counter() - started:.1f} s: "
            f"{len(update.changed)} file(s) changed"
        )


def serve(
    session: Session,
    port: int | None,
    log: Log,
    ready: Callable[[str], None],
) -> None:
    """Build, serve and watch until KeyboardInterrupt; always stops its threads."""
    started = time.perf_counter()
    update = session.rebuild()
    log(
        f"Built {update.report.pages} pages from {update.report.notes} notes in "
        f"{time.perf_counter() - started:.1f} s into {session.out}"
    )
    server = bind(session, port)
    threads = [
        threading.Thread(target=server.serve_forever, name="vaultkg-http", daemon=True),
        threading.Thread(target=watch, args=(session, log), name="vaultkg-watch", daemon=True),
    ]
    for t in threads:
        t.start()
    try:
        ready(url_of(server))
        while not session.stopping.wait(0.5):
            pass
    finally:
        session.stopping.set()
        session.bump()  # wake the event streams so they end
        server.shutdown()
        server.server_close()
        for t in threads:
            t.join(timeout=5)
