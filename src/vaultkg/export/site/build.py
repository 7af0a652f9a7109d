"""``write_site``: the whole static site of a knowledge graph, written in one step."""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from importlib import resources
from itertools import chain
from pathlib import Path

from ...kg.graph import KnowledgeGraph
from ...privacy import public_graph
from .context import SiteContext
from .feeds import write_feeds
from .graphdata import as_script, graph_data, search_index
from .links import backlinks, note_edges
from .output import SiteError, check_output, replace_atomically
from .pages import Page, Pages
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


def _write(folder: Path, page: Page) -> None:
    path = folder / page.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page.html, "utf-8")


def _copy_static(folder: Path) -> None:
    base = resources.files("vaultkg") / "static"
    for name in STATIC_FILES:
        dest = folder / "static" / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes((base / name).read_bytes())


def _copy_files(kg: KnowledgeGraph, files: dict[str, str], folder: Path) -> list[str]:
    """Copy the attachments published notes use; never anything outside the vault."""
    root = kg.vault.root.resolve()
    skipped = []
    for attachment, dest_rel in sorted(files.items()):
        src = (kg.vault.root / attachment).resolve()
        if root not in src.parents or not src.is_file():
            skipped.append(attachment)
            continue
        dest = folder / dest_rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
    return skipped


def _write_listings(folder: Path, pages: Pages, broken: int) -> int:
    """The paged listings (claims, tags, folders, index) and the claims filters' data."""
    count = 0
    for page in chain(pages.claims(), pages.tags(), pages.folders(), [pages.index(broken)]):
        _write(folder, page)
        count += 1
    (folder / "claims-data.js").write_text(
        as_script("VAULTKG_CLAIMS", pages.claims_data()), "utf-8"
    )
    return count


def write_site(kg: KnowledgeGraph, out_dir: Path, *, title: str | None = None) -> SiteReport:
    """Write the vault's site into ``out_dir``, replacing what was there in one step.

    Raises ``SiteError`` (before writing anything) when ``out_dir`` is the vault, inside it,
    holds notes, or is a non-empty folder that vaultkg did not write.
    """
    start = time.perf_counter()
    out_dir = Path(out_dir)
    check_output(out_dir, kg.vault.root)
    kg = public_graph(kg)
    ctx = SiteContext.of(kg)
    report = SiteReport(out_dir=out_dir, notes=len(ctx.published))
    report.excluded = len(kg.vault.withheld) + len(kg.vault.notes) - len(ctx.published)
    site_title = title or kg.vault.root.resolve().name or "vault"
    edges = note_edges(ctx)
    graph = graph_data(ctx, edges)
    pages = Pages(ctx, graph, backlinks(ctx), site_title)
    broken = sum(
        1
        for p in ctx.published
        for link in kg.vault.notes[p].links
        if link.status in ("broken", "outside")
    )

    def build(folder: Path) -> None:
        count = 0
        for path in sorted(ctx.published):
            _write(folder, pages.note(path))
            count += 1
        for page in (pages.matrix(), pages.graph_page(), pages.search()):
            _write(folder, page)
            count += 1
        count += _write_listings(folder, pages, broken)
        (folder / "graph-data.js").write_text(as_script("VAULTKG_GRAPH", graph), "utf-8")
        (folder / "search-index.js").write_text(
            as_script("VAULTKG_SEARCH", search_index(ctx)), "utf-8"
        )
        write_feeds(folder, ctx, site_title)
        _copy_static(folder)
        report.skipped_files = _copy_files(kg, {a: ctx.urls.files[a] for a in pages.files}, folder)
        report.files = len(pages.files) - len(report.skipped_files)
        report.pages = count

    replace_atomically(out_dir, build)
    report.seconds = time.perf_counter() - start
    return report


__all__ = ["SiteError", "SiteReport", "write_site"]
