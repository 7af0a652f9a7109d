"""Resolve links the way Obsidian does, and check what they point at."""

from __future__ import annotations

import posixpath
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from .folding import fold as _key
from .model import Diagnostic, Link, Note, Severity
from .parse.headings import find_heading


def _depth(path: str) -> int:
    return path.count("/")


@dataclass(slots=True)
class Resolution:
    path: str | None
    status: str  # ok | broken | ambiguous | outside
    candidates: list[str] = field(default_factory=list)


class LinkIndex:
    """Lookup tables from what people write in links to the files of the vault."""

    def __init__(self, notes: list[str], attachments: list[str]) -> None:
        self.note_paths: dict[str, list[str]] = defaultdict(list)  # "folder/name" (no .md)
        self.note_names: dict[str, list[str]] = defaultdict(list)
        # "b/c" -> notes at ".../b/c.md" below the root (proper suffixes of each path)
        self.note_suffixes: dict[str, list[str]] = defaultdict(list)
        self.file_paths: dict[str, list[str]] = defaultdict(list)
        self.file_names: dict[str, list[str]] = defaultdict(list)
        for path in notes:
            stem = path[:-3] if path.lower().endswith(".md") else path
            key = _key(stem)
            self.note_paths[key].append(path)
            self.note_names[_key(stem.rsplit("/", 1)[-1])].append(path)
            slash = key.find("/")
            while slash != -1:
                suffix = key[slash + 1 :]
                if "/" in suffix:
                    self.note_suffixes[suffix].append(path)
                slash = key.find("/", slash + 1)
        for path in attachments:
            self.file_paths[_key(path)].append(path)
            self.file_names[_key(path.rsplit("/", 1)[-1])].append(path)

    @staticmethod
    def _pick(candidates: list[str], written: str, by_name: bool) -> Resolution:
        if len(candidates) == 1:
            return Resolution(candidates[0], "ok", candidates)
        written = unicodedata.normalize("NFC", written)

        def exact(path: str) -> bool:
            stem = path[:-3] if path.lower().endswith(".md") else path
            name = stem.rsplit("/", 1)[-1] if by_name else stem
            return unicodedata.normalize("NFC", name) == written

        ranked = sorted(candidates, key=lambda p: (not exact(p), _depth(p), p))
        return Resolution(ranked[0], "ambiguous", ranked)

    def resolve(self, target: str, source: str, relative: bool = False) -> Resolution:
        """Find what ``target`` (as written in ``source``) points at."""
        target = target.replace("\\", "/").strip()
        if target.startswith("/"):
            target = target.lstrip("/")
        candidates_paths = []
        if relative:
            folder = posixpath.dirname(source)
            candidates_paths.append(posixpath.normpath(posixpath.join(folder, target)))
        candidates_paths.append(posixpath.normpath(target) if target else target)
        if all(p == ".." or p.startswith("../") for p in candidates_paths):
            return Resolution(None, "outside")
        for path in candidates_paths:
            if path == ".." or path.startswith("../"):
                continue
            found = self._resolve_path(path)
            if found.path:
                return found
        return Resolution(None, "broken")

    def _resolve_path(self, path: str) -> Resolution:
        stem = path[:-3] if path.lower().endswith(".md") else path
        key = _key(stem)
        # 1. a path from the vault root; 2. a unique note by name; 3. a path suffix
        if "/" in stem:
            hits = self.note_paths.get(key)
            if hits:
                return self._pick(hits, stem, by_name=False)
            hits = self.note_suffixes.get(key)
            if hits:
                return self._pick(hits, stem, by_name=False)
        else:
            hits = self.note_names.get(key)
            if hits:
                return self._pick(hits, stem, by_name=True)
        # attachments are named with their extension
        fkey = _key(path)
        hits = self.file_paths.get(fkey) or (self.file_names.get(fkey) if "/" not in path else None)
        if hits:
            return self._pick(hits, path, by_name="/" not in path)
        return Resolution(None, "broken")


def _has_headings(note: Note, wanted: tuple[str, ...]) -> bool:
    """``[[n#A#B]]``: the headings must exist, in that order."""
    return find_heading(note.headings, wanted) is not None


def _link_problem(
    note: Note, link: Link, severity: Severity, code: str, message: str
) -> Diagnostic:
    return Diagnostic(note.path, link.line, link.col, severity, code, message)


def _has_file_suffix(target: str) -> bool:
    """``image.png``, ``paper.pdf``: a link to a file, which cannot be a placeholder note."""
    name = target.rsplit("/", 1)[-1]
    return "." in name and not name.lower().endswith(".md") and len(name.rsplit(".", 1)[1]) <= 5


def resolve_links(
    notes: dict[str, Note], attachments: list[str], unresolved: Severity = "info"
) -> tuple[LinkIndex, list[Diagnostic]]:
    """Fill ``link.resolved`` and ``link.status`` for every link; report what is wrong.

    ``unresolved``: how loudly to report a wikilink to a note that does not exist yet, which
    Obsidian shows as a placeholder to create (a Markdown link to a missing file is an error).
    """
    index = LinkIndex(list(notes), attachments)
    diags: list[Diagnostic] = []
    for note in notes.values():
        for link in note.links:
            res = (
                Resolution(note.path, "ok")
                if not link.target
                else index.resolve(link.target, note.path, relative=link.kind == "markdown")
            )
            link.resolved, link.status = res.path, res.status
            where = f"[[{link.target}]]" if link.kind != "markdown" else f"({link.raw})"
            if res.status == "outside":
                diags.append(
                    _link_problem(
                        note,
                        link,
                        "error",
                        "outside-vault",
                        f"link {where} points outside the vault; link to a note inside it",
                    )
                )
            elif res.status == "broken":
                placeholder = link.kind == "wikilink" and not _has_file_suffix(link.target)
                diags.append(
                    _link_problem(
                        note,
                        link,
                        unresolved if placeholder else "error",
                        "broken-link",
                        f"link {where} matches no note or file; create the note or fix the name"
                        + (" (Obsidian shows it as a note not created yet)" if placeholder else ""),
                    )
                )
            elif res.status == "ambiguous":
                others = ", ".join(res.candidates[1:4])
                diags.append(
                    _link_problem(
                        note,
                        link,
                        "warning",
                        "ambiguous-link",
                        f"link {where} matches {len(res.candidates)} files; using "
                        f"{res.path} (also {others}); write the folder to choose",
                    )
                )
            target = notes.get(res.path) if res.path else None
            if target is None:
                continue
            if link.headings and not _has_headings(target, link.headings):
                link.status = "anchor"
                diags.append(
                    _link_problem(
                        note,
                        link,
                        "warning",
                        "broken-anchor",
                        f"heading '{'#'.join(link.headings)}' not found in "
                        f"{target.path}; fix the heading name",
                    )
                )
            if link.block and link.block not in {b.id for b in target.block_ids}:
                link.status = "anchor"
                diags.append(
                    _link_problem(
                        note,
                        link,
                        "warning",
                        "broken-anchor",
                        f"block '^{link.block}' not found in {target.path}; add "
                        "the block id or fix the link",
                    )
                )
    return index, diags


def embed_cycles(notes: dict[str, Note]) -> list[Diagnostic]:
    """Report each cycle of note embeds (A embeds B embeds A) once."""
    import networkx as nx  # only here: importing it costs more than a cached read

    graph = nx.DiGraph()
    first_link: dict[tuple[str, str], Link] = {}
    for note in notes.values():
        for link in note.links:
            if link.embed and link.resolved in notes:
                graph.add_edge(note.path, link.resolved)
                first_link.setdefault((note.path, link.resolved), link)
    diags = []
    for component in nx.strongly_connected_components(graph):
        members = sorted(component)
        if len(members) == 1 and not graph.has_edge(members[0], members[0]):
            continue
        start = members[0]
        cycle = nx.find_cycle(graph.subgraph(members), source=start)
        path = " → ".join([cycle[0][0], *[v for _, v in cycle]])
        link = first_link[(cycle[0][0], cycle[0][1])]
        diags.append(
            Diagnostic(
                cycle[0][0],
                link.line,
                link.col,
                "warning",
                "embed-cycle",
                f"embeds form a cycle: {path}; remove one of the embeds",
            )
        )
    return diags


def duplicate_block_ids(note: Note) -> list[Diagnostic]:
    seen: dict[str, int] = {}
    diags = []
    for b in note.block_ids:
        if b.id in seen:
            diags.append(
                Diagnostic(
                    note.path,
                    b.line,
                    1,
                    "warning",
                    "duplicate-block-id",
                    f"block id ^{b.id} is already used on line {seen[b.id]}; "
                    "links to it are ambiguous, rename one",
                )
            )
        else:
            seen[b.id] = b.line
    return diags
