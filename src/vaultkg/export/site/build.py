"""``write_site``: the whole static site of a knowledge graph, written in one step."""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from importlib import resources
from itertools import chain
from pathlib import Path
from typing import Any

from ...cache import digest, key_of
from ...kg.graph import KnowledgeGraph
from ...model import Note
from ...privacy import public_graph
from .context import SiteContext
from .feeds import rss, sitemap
from .graphdata import as_script, graph_data, search_index
from .links import backlinks, note_edges
from .memo import MemoRenderer, RenderMemo, body_keys
from .output import MARKER, SiteError, check_output, replace_atomically
from .pages import Page, Pages
from .publish import published_notes
from .reader_assets import READER_FILES

STATIC_FILES = (
    "site.css",
    "site.js",
    "graph.js",
    "graph.css",
    "pages.js",
    "pages.css",
    *READER_FILES,
)


@dataclass
class SiteReport:
    out_dir: Path
    pages: int = 0
    notes: int = 0
    excluded: int = 0  # notes left out by the publishing rules
    files: int = 0  # attachments copied
    seconds: float = 0.0
    skipped_files: list[str] = field(default_factory=list)  # attachments that could not be read
    memo_hits: int = 0  # note bodies read from the render memo
    memo_misses: int = 0  # note bodies rendered


class _Writer:
    """Writes the site's files into ``folder``. With ``written`` (serve: site file -> digest
    of what was last written there), a file whose bytes are unchanged is not written again,
    and a changed one replaces the old in one step (a reader never sees half a page)."""

    def __init__(self, folder: Path, written: dict[str, str] | None = None) -> None:
        self.folder = folder
        self.written = written
        self.produced: set[str] = set()
        self.changed: list[str] = []

    def text(self, rel: str, text: str) -> None:
        self.bytes(rel, text.encode("utf-8"))

    def bytes(self, rel: str, data: bytes) -> None:
        self.produced.add(rel)
        path = self.folder / rel
        if self.written is None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            return
        stamp = digest(data)
        if self.written.get(rel) == stamp and path.is_file():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        self.written[rel] = stamp
        self.changed.append(rel)

    def remove_stale(self) -> list[str]:
        """Delete the files an earlier build wrote that this one did not (serve)."""
        if self.written is None:
            return []
        stale = sorted(set(self.written) - self.produced)
        for rel in stale:
            (self.folder / rel).unlink(missing_ok=True)
            del self.written[rel]
        return stale


def _write(out: _Writer, page: Page) -> None:
    out.text(page.path, page.html)


def _copy_static(out: _Writer) -> None:
    base = resources.files("vaultkg") / "static"
    for name in STATIC_FILES:
        out.bytes(f"static/{name}", (base / name).read_bytes())


def _copy_files(kg: KnowledgeGraph, files: dict[str, str], out: _Writer) -> list[str]:
    """Copy the attachments published notes use; never anything outside the vault."""
    root = kg.vault.root.resolve()
    skipped = []
    for attachment, dest_rel in sorted(files.items()):
        src = (kg.vault.root / attachment).resolve()
        if root not in src.parents or not src.is_file():
            skipped.append(attachment)
            continue
        if out.written is None:
            dest = out.folder / dest_rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
            out.produced.add(dest_rel)
        else:
            out.bytes(dest_rel, src.read_bytes())
    return skipped


def _write_listings(out: _Writer, pages: Pages, broken: int) -> int:
    """The paged listings (claims, tags, folders, index) and the claims filters' data."""
    count = 0
    for page in chain(pages.claims(), pages.tags(), pages.folders(), [pages.index(broken)]):
        _write(out, page)
        count += 1
    out.text("claims-data.js", as_script("VAULTKG_CLAIMS", pages.claims_data()))
    return count


def _write_feeds(out: _Writer, ctx: SiteContext, site_title: str) -> None:
    """feed.xml and sitemap.xml; after every page, since the sitemap lists them all."""
    html = sorted(rel for rel in out.produced if rel.endswith(".html"))
    out.text("feed.xml", rss(ctx, site_title))
    out.text("sitemap.xml", sitemap(ctx, html))


def write_site(
    kg: KnowledgeGraph,
    out_dir: Path,
    *,
    title: str | None = None,
    memo: RenderMemo | None = None,
    reuse: Path | None = None,
) -> SiteReport:
    """Write the vault's site into ``out_dir``, replacing what was there in one step.

    Raises ``SiteError`` (before writing anything) when ``out_dir`` is the vault, inside it,
    holds notes, or is a non-empty folder that vaultkg did not write. Note bodies are read
    from ``memo`` when unchanged (default: the vault's cache, when it has one). A site in
    ``reuse`` (publish: the one being replaced) built from the same inputs is linked into
    ``out_dir`` instead of built again.
    """
    start = time.perf_counter()
    out_dir = Path(out_dir)
    check_output(out_dir, kg.vault.root)
    stamp = _stamp_key(kg, title)
    done = _built_already(out_dir, stamp)
    if done is None and reuse is not None and _built_already(reuse, stamp) is not None:
        replace_atomically(out_dir, lambda folder: _link_tree(reuse, folder))
        done = _built_already(out_dir, stamp)
    if done is not None:
        done.seconds = time.perf_counter() - start
        return done
    if memo is None and kg.vault.cache is not None:
        memo = RenderMemo(cache=kg.vault.cache)
    site = _Site.of(kg, title, memo)

    def build(folder: Path) -> None:
        out = _Writer(folder)
        site.write(out)
        if stamp:
            _write_stamp(folder, stamp, out.produced, site.report)

    replace_atomically(out_dir, build)
    site.report.out_dir = out_dir
    site.report.seconds = time.perf_counter() - start
    return site.report


# In a site folder: what it was built from, and the size of each of its files
STAMP = ".vaultkg-site-build.json"


def _link_tree(source: Path, folder: Path) -> None:
    """Every file of ``source`` (but its marker) in ``folder``: hard links on one file system,
    copies otherwise. Files are only ever replaced, never written in place, so a link never
    lets a later build change the site it came from."""
    for here, _dirs, names in os.walk(source):
        for name in names:
            src = Path(here, name)
            rel = src.relative_to(source)
            if str(rel) == MARKER:
                continue
            dest = folder / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(src, dest)
            except OSError:
                shutil.copy2(src, dest)


def _stamp_key(kg: KnowledgeGraph, title: str | None) -> str:
    """A digest of everything the site is made from, or "" when the vault's fingerprint is
    unknown (no cache): the notes and settings (the fingerprint), the private notes left
    out, the title, and each attachment's size and modification time (their bytes are
    copied, but only their paths are in the fingerprint)."""
    vault = kg.vault
    if not vault.fingerprint:
        return ""
    attachments = []
    for rel in sorted(vault.attachments):
        try:
            st = (vault.root / rel).stat()
            attachments.append((rel, st.st_size, st.st_mtime_ns))
        except OSError:
            attachments.append((rel, -1, -1))
    return key_of(
        "site",
        vault.fingerprint,
        repr(sorted(vault.withheld)),
        vault.include_private,
        title,
        repr(attachments),
    )


def _built_already(out_dir: Path, stamp: str) -> SiteReport | None:
    """The report of the site in ``out_dir`` when it was built from ``stamp`` and holds
    exactly the files it was written with, each with its size; else None (it is built
    again)."""
    if not stamp:
        return None
    try:
        data = json.loads((out_dir / STAMP).read_text("utf-8"))
        if data["key"] != stamp:
            return None
        sizes = data["files"]
        present = {
            str(Path(folder, name).relative_to(out_dir))
            for folder, _dirs, names in os.walk(out_dir)
            for name in names
        }
        if present != {*sizes, STAMP, MARKER}:
            return None  # a file added or removed by hand: build it again
        for rel, size in sizes.items():
            if (out_dir / rel).stat().st_size != size:
                return None
        report = SiteReport(out_dir=out_dir, **data["report"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return report


def _write_stamp(folder: Path, stamp: str, files: set[str], report: SiteReport) -> None:
    sizes = {rel: (folder / rel).stat().st_size for rel in sorted(files)}
    fields = ("pages", "notes", "excluded", "files", "skipped_files")
    data = {"key": stamp, "files": sizes, "report": {f: getattr(report, f) for f in fields}}
    (folder / STAMP).write_text(json.dumps(data, indent=0) + "\n", "utf-8")


@dataclass
class SiteUpdate:
    """What ``update_site`` did: the report, the site files it changed, and the built site
    (kept by ``vaultkg serve`` to preview the next edit)."""

    report: SiteReport
    changed: list[str]
    site: _Site


def update_site(
    kg: KnowledgeGraph, out_dir: Path, memo: RenderMemo, *, title: str | None = None
) -> SiteUpdate:
    """Bring the site in ``out_dir`` (written by an earlier ``update_site`` with this
    ``memo``) up to date in place: only files whose bytes changed are written, files no
    longer part of the site are removed. For ``vaultkg serve``; ``publish`` uses
    ``write_site``."""
    start = time.perf_counter()
    out_dir = Path(out_dir)
    check_output(out_dir, kg.vault.root)
    out_dir.mkdir(parents=True, exist_ok=True)
    site = _Site.of(kg, title, memo)
    out = _Writer(out_dir, memo.written)
    site.write(out)
    (out_dir / MARKER).write_text("This folder is written by `vaultkg serve`.\n", "utf-8")
    changed = out.changed + out.remove_stale()
    site.report.out_dir = out_dir
    site.report.seconds = time.perf_counter() - start
    return SiteUpdate(site.report, changed, site)


def preview_note(update: SiteUpdate, out_dir: Path, memo: RenderMemo, note: Note) -> str | None:
    """Write the page of one edited note at once, before the graph is rebuilt: its new text
    with the rest of the page (claims, backlinks, relations) as last built, and no claim
    badges in its body (the note's claims are not known yet). Returns the page written, or
    None when a preview is not safe (the note is new, unpublished, private or links to a
    private note): the full rebuild then shows it."""
    site = update.site
    ctx = site.ctx
    path = note.path
    vault = ctx.kg.vault
    old = vault.notes.get(path)
    if path not in ctx.published or vault.index is None or old is None or old.text == note.text:
        return None
    if not published_notes({path: note}, vault.config, everything=vault.include_private):
        return None
    for link in note.links:
        res = vault.index.resolve(link.target, path, relative=link.kind == "markdown")
        link.resolved, link.status = (path, "ok") if not link.target else (res.path, res.status)
        if link.resolved in vault.withheld:
            return None
    vault.notes[path] = note
    ctx.claims_by_note.pop(path, None)
    ctx._anchors.pop(path, None)
    if isinstance(site.pages.renderer, MemoRenderer):
        site.pages.renderer.keys.pop(path, None)  # its key was the old text's
    page = site.pages.note(path)
    _Writer(Path(out_dir), memo.written).text(page.path, page.html)
    return page.path


@dataclass
class _Site:
    """One build of the site: its context, pages and report."""

    kg: KnowledgeGraph
    ctx: SiteContext
    pages: Pages
    graph: dict[str, Any]
    broken: int
    report: SiteReport
    memo: RenderMemo | None

    @classmethod
    def of(cls, kg: KnowledgeGraph, title: str | None, memo: RenderMemo | None) -> _Site:
        kg = public_graph(kg)
        ctx = SiteContext.of(kg)
        report = SiteReport(out_dir=Path(), notes=len(ctx.published))
        report.excluded = len(kg.vault.withheld) + len(kg.vault.notes) - len(ctx.published)
        site_title = title or kg.vault.root.resolve().name or "vault"
        edges = note_edges(ctx)
        graph = graph_data(ctx, edges)
        pages = Pages(ctx, graph, backlinks(ctx), site_title)
        if memo is not None:
            memo.start()
            pages.renderer = MemoRenderer(pages.renderer, memo, body_keys(ctx))  # type: ignore[assignment]
        broken = sum(
            1
            for p in ctx.published
            for link in kg.vault.notes[p].links
            if link.status in ("broken", "outside")
        )
        return cls(kg, ctx, pages, graph, broken, report, memo)

    def write(self, out: _Writer) -> None:
        ctx, pages, report = self.ctx, self.pages, self.report
        count = 0
        for path in sorted(ctx.published):
            _write(out, pages.note(path))
            count += 1
        for page in (pages.matrix(), pages.graph_page(), pages.search()):
            _write(out, page)
            count += 1
        count += _write_listings(out, pages, self.broken)
        out.text("graph-data.js", as_script("VAULTKG_GRAPH", self.graph))
        out.text("search-index.js", as_script("VAULTKG_SEARCH", search_index(ctx)))
        _write_feeds(out, ctx, pages.site_title)
        _copy_static(out)
        files = {a: ctx.urls.files[a] for a in pages.files}
        report.skipped_files = _copy_files(self.kg, files, out)
        report.files = len(pages.files) - len(report.skipped_files)
        report.pages = count
        if self.memo is not None:
            report.memo_hits, report.memo_misses = self.memo.hits, self.memo.misses
            self.memo.finish()


__all__ = [
    "RenderMemo",
    "SiteError",
    "SiteReport",
    "SiteUpdate",
    "preview_note",
    "update_site",
    "write_site",
]
