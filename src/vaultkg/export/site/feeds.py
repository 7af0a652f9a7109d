"""The site's RSS 2.0 feed (latest notes first) and sitemap.xml, deterministic for a vault.

A note's date is the first of its front matter's ``modified``/``updated``/``date`` fields that
reads as a date, else its file's modification time. Links are absolute under the vault's
``base_iri`` when one is set (vaultkg.toml), else relative to the site root.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from email.utils import format_datetime
from pathlib import Path
from xml.etree import ElementTree as ET

from ...config import DEFAULT_BASE_IRI, Config
from .context import SiteContext

DATE_KEYS = ("modified", "updated", "last modified", "date modified", "date", "created")
FEED_ITEMS = 50
SUMMARY_CHARS = 300
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def site_base(config: Config) -> str:
    """The site's address ending in "/", or "" when the vault sets no ``base_iri``."""
    if config.base_iri == DEFAULT_BASE_IRI:
        return ""
    return config.base_iri if config.base_iri.endswith("/") else config.base_iri + "/"


def note_date(ctx: SiteContext, path: str) -> dt.datetime:
    """When the note last changed: its front matter's date, else its file's mtime (UTC)."""
    note = ctx.kg.vault.notes[path]
    for key in DATE_KEYS:
        found = _as_datetime(note.property(key))
        if found is not None:
            return found
    try:
        stamp = (Path(ctx.kg.vault.root) / path).stat().st_mtime
    except OSError:
        stamp = 0.0
    return dt.datetime.fromtimestamp(int(stamp), dt.UTC)


def _as_datetime(value: object) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    if isinstance(value, str):
        try:
            return _as_datetime(dt.datetime.fromisoformat(value.strip()))
        except ValueError:
            return None
    return None


def latest_notes(ctx: SiteContext, limit: int = FEED_ITEMS) -> list[tuple[str, dt.datetime]]:
    """The published notes, newest first (ties by path), at most ``limit``."""
    dated = [(p, note_date(ctx, p)) for p in ctx.published]
    dated.sort(key=lambda item: (-item[1].timestamp(), item[0]))
    return dated[:limit]


def rss(ctx: SiteContext, site_title: str) -> str:
    """RSS 2.0 of the latest notes, each with the start of its text."""
    base = site_base(ctx.kg.vault.config)
    items = latest_notes(ctx)
    root = ET.Element("rss", version="2.0")
    channel = ET.SubElement(root, "channel")
    ET.SubElement(channel, "title").text = site_title
    ET.SubElement(channel, "link").text = base + "index.html"
    ET.SubElement(channel, "description").text = f"The latest notes of {site_title}"
    ET.SubElement(channel, "generator").text = "vaultkg"
    if items:
        ET.SubElement(channel, "lastBuildDate").text = format_datetime(items[0][1])
    for path, when in items:
        page = ctx.urls.notes[path]
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = ctx.title(path)
        ET.SubElement(item, "link").text = base + page
        ET.SubElement(item, "guid", isPermaLink="true" if base else "false").text = base + page
        ET.SubElement(item, "pubDate").text = format_datetime(when)
        summary = _summary(ctx, path)
        if summary:
            ET.SubElement(item, "description").text = summary
    return _xml(root)


def sitemap(ctx: SiteContext, pages: Iterable[str]) -> str:
    """sitemap.xml of ``pages`` (site-relative), notes with their dates."""
    base = site_base(ctx.kg.vault.config)
    dates = {ctx.urls.notes[p]: note_date(ctx, p) for p in ctx.published}
    root = ET.Element("urlset", xmlns=SITEMAP_NS)
    for page in sorted(set(pages)):
        url = ET.SubElement(root, "url")
        ET.SubElement(url, "loc").text = base + page
        if page in dates:
            ET.SubElement(url, "lastmod").text = dates[page].date().isoformat()
    return _xml(root)


def _summary(ctx: SiteContext, path: str) -> str:
    """The note's first sentences, cut at a word near ``SUMMARY_CHARS``."""
    words: list[str] = []
    size = 0
    for block in ctx.kg.vault.notes[path].blocks:
        for sentence in block.sentences:
            words.append(sentence.text)
            size += len(sentence.text) + 1
            if size > SUMMARY_CHARS:
                text = " ".join(words)
                return text[: SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return " ".join(words)


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, "unicode") + "\n"
