"""Where the listing pages live: pages of a long list, folder pages and the tag tree.

A list of 50,000 claims or 10,000 notes on one page is tens of megabytes; each listing is
cut into pages of a fixed size, so no page grows with the vault.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from .urls import slugify

T = TypeVar("T")

CLAIMS_PER_PAGE = 200  # about 350 KB of HTML on a generated vault (badges, JSON-LD)
NOTES_PER_PAGE = 1000
FOLDER_DIR = "folders"


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """``items`` in pages of ``size``; an empty list still has one (empty) page."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


def page_path(first: str, number: int) -> str:
    """``claims.html`` → ``claims.p2.html`` for page 2 (page 1 keeps the plain name).

    The dot keeps these apart from every note, tag and folder page: slugs have no dots.
    """
    if number == 1:
        return first
    return f"{first[: -len('.html')]}.p{number}.html"


def folder_of(path: str) -> str:
    return path.rsplit("/", 1)[0] if "/" in path else ""


def parents(folder: str) -> list[str]:
    """``"a/b/c"`` → ``["", "a", "a/b"]``: every folder above this one, the vault root first."""
    parts = folder.split("/") if folder else []
    return ["/".join(parts[:i]) for i in range(len(parts))]


@dataclass
class Folders:
    """Every folder that holds a published note (and the folders above it), with its page."""

    notes: dict[str, list[str]] = field(default_factory=dict)  # folder -> notes directly in it
    children: dict[str, list[str]] = field(default_factory=dict)  # folder -> subfolders
    pages: dict[str, str] = field(default_factory=dict)  # folder -> first page path
    total: dict[str, int] = field(default_factory=dict)  # notes in it and below it

    @classmethod
    def of(cls, notes: Iterable[str], taken: set[str]) -> Folders:
        out = cls()
        for path in notes:
            folder = folder_of(path)
            out.notes.setdefault(folder, []).append(path)
            for f in [*parents(folder), folder]:
                out.total[f] = out.total.get(f, 0) + 1
        for folder in sorted(out.total):
            if folder:
                out.children.setdefault(parents(folder)[-1], []).append(folder)
            slug = "/".join(slugify(p, "folder") for p in folder.split("/")) if folder else ""
            wanted = f"{FOLDER_DIR}/{slug}/index.html" if slug else f"{FOLDER_DIR}/index.html"
            out.pages[folder] = _unique(wanted, taken)
        return out


@dataclass
class TagTree:
    """Tags as Obsidian nests them (``#a/b`` is under ``#a``), with a page for every level."""

    names: dict[str, str]  # key (lower case) -> the spelling first seen
    members: dict[str, set[str]]  # key -> notes tagged with exactly this tag
    pages: dict[str, str]  # key -> page path
    children: dict[str, list[str]] = field(default_factory=dict)  # key -> child keys

    @classmethod
    def of(
        cls, names: dict[str, str], members: dict[str, set[str]], pages: dict[str, str]
    ) -> TagTree:
        """``pages`` has the used tags' pages; parents that no note uses get one here."""
        names, members, pages = dict(names), dict(members), dict(pages)
        taken = set(pages.values())
        for key in sorted(list(names)):
            parts = key.split("/")
            for i in range(1, len(parts)):
                parent = "/".join(parts[:i])
                if parent not in names:
                    names[parent] = "/".join(names[key].split("/")[:i])
                    members[parent] = set()
                    slug = "/".join(slugify(p, "tag") for p in parent.split("/") if p)
                    pages[parent] = _unique(f"tags/{slug or 'tag'}.html", taken)
        tree = cls(names=names, members=members, pages=pages)
        for key in sorted(names):
            if "/" in key:
                tree.children.setdefault(key.rsplit("/", 1)[0], []).append(key)
        return tree

    def all_members(self, key: str) -> set[str]:
        """Notes tagged with this tag or any tag under it."""
        found = set(self.members.get(key, ()))
        for child in self.children.get(key, []):
            found |= self.all_members(child)
        return found


def _unique(wanted: str, taken: set[str]) -> str:
    out, n = wanted, 2
    while out in taken:
        stem = wanted[: -len(".html")]
        out = f"{stem}-{n}.html"
        n += 1
    taken.add(out)
    return out
