"""Where each page and file of the site lives, and relative links between them.

Every URL in the site is relative, so the site opens from ``file://`` as well as from any
static host. Page paths are made of lower-case ASCII slugs, so they need no escaping.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_NON_SLUG = re.compile(r"[^a-z0-9]+")
NOTE_DIR = "notes"
TAG_DIR = "tags"
FILE_DIR = "files"


def slugify(text: str, fallback: str = "page") -> str:
    """``"Blier & de Montigny 1994"`` → ``"blier-de-montigny-1994"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NON_SLUG.sub("-", ascii_text.lower()).strip("-")
    return slug[:80].rstrip("-") or fallback


def _unique(wanted: str, taken: set[str]) -> str:
    if wanted not in taken:
        taken.add(wanted)
        return wanted
    stem, dot, ext = wanted.rpartition(".")
    n = 2
    while f"{stem}-{n}{dot}{ext}" in taken:
        n += 1
    out = f"{stem}-{n}{dot}{ext}"
    taken.add(out)
    return out


@dataclass(slots=True)
class SiteUrls:
    """Page paths (relative to the site root) of notes, tags and copied files."""

    notes: dict[str, str] = field(default_factory=dict)  # note path -> page path
    tags: dict[str, str] = field(default_factory=dict)  # tag (lower-case) -> page path
    files: dict[str, str] = field(default_factory=dict)  # attachment path -> file path

    @classmethod
    def plan(cls, notes: list[str], tags: list[str]) -> SiteUrls:
        urls = cls()
        taken: set[str] = set()
        for path in sorted(notes):
            stem = path[:-3] if path.lower().endswith(".md") else path
            parts = [slugify(p, "note") for p in stem.split("/")]
            urls.notes[path] = _unique(f"{NOTE_DIR}/{'/'.join(parts)}.html", taken)
        for tag in sorted({t.lower() for t in tags}):
            parts = [slugify(p, "tag") for p in tag.split("/") if p]
            urls.tags[tag] = _unique(f"{TAG_DIR}/{'/'.join(parts) or 'tag'}.html", taken)
        return urls

    def add_file(self, attachment: str) -> str:
        """Give an attachment a place under ``files/`` (once) and return it."""
        if attachment not in self.files:
            taken = set(self.files.values())
            folder, _, name = attachment.rpartition("/")
            stem, dot, ext = name.rpartition(".")
            if not dot:
                stem, ext = name, ""
            parts = [slugify(p, "folder") for p in folder.split("/") if p]
            fname = slugify(stem, "file") + (f".{slugify(ext, 'bin')}" if ext else "")
            self.files[attachment] = _unique("/".join([FILE_DIR, *parts, fname]), taken)
        return self.files[attachment]

    def tag_page(self, tag: str) -> str | None:
        return self.tags.get(tag.lower())


def href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """Relative URL from one page of the site to another (``#anchor`` alone when the same)."""
    if to_page == from_page:
        target = ""
    else:
        # site paths are normalised ("a/b.html", never "." or ".."), so no relpath is needed
        here = from_page.split("/")[:-1]
        there = to_page.split("/")
        i = 0
        while i < len(here) and i < len(there) - 1 and here[i] == there[i]:
            i += 1
        target = "../" * (len(here) - i) + "/".join(there[i:])
    if anchor:
        return f"{target}#{anchor}"
    return target or to_page.rsplit("/", 1)[-1]


def root_prefix(page: str) -> str:
    """``"../"`` repeated once for each folder ``page`` is in."""
    return "../" * page.count("/")
