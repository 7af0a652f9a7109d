"""The site's pages: each function gathers one page's data and renders its template."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ...constants import CERTAINTIES, LEVELS
from ...kg.entities import TARGET_TYPES
from ...kg.evidence import rank
from ...kg.model import Claim, Relation
from ...model import Note
from .anchors import claim_anchor
from .badges import LEVEL_LABELS, badge_html, citation_html
from .context import SiteContext
from .graphdata import KG_TYPES, LocalGraphs, node_type
from .jsonld import claims_ld, list_ld, note_ld, relations_ld, script_json
from .links import Backlink
from .listings import (
    CLAIMS_PER_PAGE,
    NOTES_PER_PAGE,
    Folders,
    TagTree,
    chunks,
    page_path,
    parents,
)
from .render import NoteRenderer
from .urls import href, root_prefix, slugify

CLAIM_ORDER = tuple(reversed(LEVELS))  # weakest first
MAX_CLAIM_TEXT = 160
MIN_TOC_HEADINGS = 3
TAGS_PER_PAGE = 2000  # tags.html: about 130 bytes a tag
INDEX_PER_FOLDER = 50  # notes of each folder listed on the index; the folder page has all
GRAPH_SIZES = (1500, 3000, 6000)  # the graph page's choices of how many notes to show


@dataclass(slots=True)
class Page:
    path: str  # relative to the site root
    html: str


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("vaultkg", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["level_label"] = lambda level: LEVEL_LABELS.get(level, level)
    return env


def _short(text: str) -> str:
    return text if len(text) <= MAX_CLAIM_TEXT else text[: MAX_CLAIM_TEXT - 1].rstrip() + "…"


def relation_anchor(r: Relation, other_title: str) -> str:
    return f"rel-{slugify(r.action)}-{slugify(other_title)}"


class Pages:
    """Renders every page of one site."""

    def __init__(
        self,
        ctx: SiteContext,
        graph: dict[str, Any],
        backlinks: dict[str, list[Backlink]],
        site_title: str,
    ) -> None:
        self.ctx = ctx
        self.graph = graph
        self.node_ids = {n["url"]: n["id"] for n in graph["nodes"]}
        self.local = LocalGraphs(graph)
        self.backlinks = backlinks
        self.site_title = site_title
        self.env = environment()
        self.renderer = NoteRenderer(ctx)
        self.claim_by_id = {c.id: c for c in ctx.claims}
        self.files: set[str] = set()  # attachments the pages use, to copy
        self.folder_tree = Folders.of(sorted(ctx.published), set(ctx.urls.notes.values()))
        self.claims_by_entity: dict[str, list[Claim]] = defaultdict(list)
        for c in ctx.claims:
            for e in dict.fromkeys(c.entities):
                self.claims_by_entity[e].append(c)

    # -- helpers -----------------------------------------------------------------------

    def _render(self, template: str, page: str, title: str, ld: Any, **data: Any) -> Page:
        html = self.env.get_template(template).render(
            root=root_prefix(page),
            page=page,
            title=title,
            site_title=self.site_title,
            jsonld=Markup(script_json(ld)),
            **data,
        )
        return Page(page, html)

    def note_link(self, path: str, from_page: str, anchor: str | None = None) -> dict[str, Any]:
        """``{"title", "href"}``; href is None when the note is not published."""
        page = self.ctx.page(path)
        return {
            "title": self.ctx.title(path),
            "href": href(from_page, page, anchor) if page else None,
        }

    def claim_view(self, c: Claim, from_page: str) -> dict[str, Any]:
        page = self.ctx.urls.notes[c.note]
        return {
            "id": c.id,
            "text": c.text,
            "short": _short(c.text),
            "level": c.level,
            "certainty": c.certainty,
            "flags": c.flags,
            "note": c.note,
            "note_title": self.ctx.title(c.note),
            "href": href(from_page, page, claim_anchor(c.id)),
            "badge": Markup(badge_html(self.ctx, c, from_page, anchor=False)),
            "citations": Markup(citation_html(self.ctx, c, from_page)),
        }

    def relation_rows(self, key: str, from_page: str) -> list[dict[str, Any]]:
        """The relations of a drug (as subject) or a target (as object)."""
        rows = []
        for r in self.ctx.relations_of.get(key, []):
            other = r.object if r.subject == key else r.subject
            claims = [self.claim_by_id[cid] for cid in r.claims if cid in self.claim_by_id]
            rows.append(
                {
                    "id": relation_anchor(r, self.ctx.title(other)),
                    "action": self.ctx.kg.action_label(r),
                    "direction": r.direction,
                    "other": self.note_link(other, from_page),
                    "role": "target" if r.subject == key else "drug",
                    "level": r.level,
                    "certainty": r.certainty,
                    "contested": r.contested,
                    "claims": [self.claim_view(c, from_page) for c in claims],
                }
            )
        return rows

    def mechanisms(self, key: str, from_page: str) -> list[dict[str, Any]]:
        """Mechanisms linked to a drug: by links either way, or named in the same claim."""
        ctx = self.ctx
        found: dict[str, int] = defaultdict(int)
        notes = ctx.kg.vault.notes
        linked = [link.resolved for link in notes[key].links if link.resolved]
        linked += [b.source for b in self.backlinks.get(key, [])]
        for path in linked:
            if path in ctx.kg.entities and ctx.kg.entities[path].type == "mechanism":
                found[path] += 0
        for c in self.claims_by_entity.get(key, []):
            for e in c.entities:
                if e in ctx.kg.entities and ctx.kg.entities[e].type == "mechanism":
                    found[e] += 1
        out = []
        for path in sorted(found, key=lambda p: (-found[p], ctx.title(p).lower())):
            out.append({**self.note_link(path, from_page), "claims": found[path]})
        return out

    # -- pages -------------------------------------------------------------------------

    def _breadcrumbs(self, path: str, page: str) -> list[dict[str, str | None]]:
        """The note's folders, each linked to its folder page."""
        parts = path.split("/")[:-1]
        crumbs: list[dict[str, str | None]] = []
        for i, part in enumerate(parts, 1):
            target = self.folder_tree.pages.get("/".join(parts[:i]))
            crumbs.append({"name": part, "href": href(page, target) if target else None})
        return crumbs

    def note(self, path: str) -> Page:
        ctx = self.ctx
        note = ctx.kg.vault.notes[path]
        page = ctx.urls.notes[path]
        body = self.renderer.render(path, drop_title=True)
        self.files |= body.files
        claims = ctx.claims_by_note.get(path, [])
        title_claims = [Markup(badge_html(ctx, c, page)) for c in claims if c.id not in body.placed]
        entity = ctx.kg.entities.get(path)
        anchors = ctx.anchors(path).by_line
        tags = sorted({t.name for t in note.tags}, key=str.lower)
        data: dict[str, Any] = {
            "note": note,
            "type": node_type(ctx, path),
            "body": Markup(body.html),
            "features": body.features,
            "title_id": anchors.get(note.headings[0].line) if body.title_dropped else None,
            "breadcrumbs": self._breadcrumbs(path, page),
            "toc": table_of_contents(note, anchors, skip_first=body.title_dropped),
            "title_claims": title_claims,
            "tags": [
                {"name": t, "href": href(page, ctx.urls.tags[t.lower()])}
                for t in tags
                if t.lower() in ctx.urls.tags
            ],
            "aliases": [a for a in note.aliases if a != note.title],
            "claim_counts": _count_levels(claims),
            "backlinks": [
                {**self.note_link(b.source, page), "context": b.context}
                for b in self.backlinks.get(path, [])
            ],
            "local_graph": Markup(script_json(self.local.of(self.node_ids[page]))),
            "entity": entity,
            "identifiers": entity.identifiers if entity else [],
            "relations": self.relation_rows(path, page) if entity else [],
            "is_target": bool(entity and entity.type in TARGET_TYPES),
            "mechanisms": self.mechanisms(path, page) if entity and entity.type == "drug" else [],
            "source": ctx.kg.sources.get(path),
        }
        return self._render("note.html", page, note.title, note_ld(ctx, path), **data)

    def ordered_claims(self) -> list[Claim]:
        """Unsupported claims first, then by note and line: the order of the claims pages."""
        return sorted(
            self.ctx.claims, key=lambda c: (CLAIM_ORDER.index(c.level), c.note.lower(), c.line)
        )

    def claims(self) -> Iterator[Page]:
        """The claims, ``CLAIMS_PER_PAGE`` to a page; filters search them all (claims-data.js)."""
        ordered = self.ordered_claims()
        counts = _count_levels(ordered)
        pages = chunks(ordered, CLAIMS_PER_PAGE)
        for number, chunk in enumerate(pages, 1):
            page = page_path("claims.html", number)
            yield self._render(
                "claims.html",
                page,
                "Claims" if number == 1 else f"Claims, page {number}",
                claims_ld(self.ctx, list(chunk)),
                claims=[self.claim_view(c, page) for c in chunk],
                total=len(ordered),
                per_page=CLAIMS_PER_PAGE,
                first=(number - 1) * CLAIMS_PER_PAGE + 1,
                levels=CLAIM_ORDER,
                certainties=CERTAINTIES,
                counts=counts,
                pager=_pager(page, "claims.html", number, len(pages)),
            )

    def claims_data(self) -> dict[str, Any]:
        """Every claim, compact, for the claims page's filters: loaded when a filter is set."""
        ordered = self.ordered_claims()
        notes = sorted({c.note for c in ordered})
        index = {p: i for i, p in enumerate(notes)}
        return {
            "notes": [[p, self.ctx.title(p), self.ctx.urls.notes[p]] for p in notes],
            "claims": [
                [c.text, c.level, c.certainty, index[c.note], claim_anchor(c.id), list(c.flags)]
                for c in ordered
            ],
        }

    def matrix(self) -> Page:
        page = "matrix.html"
        ctx = self.ctx
        ents = ctx.kg.entities
        cells: dict[tuple[str, str], list[Relation]] = defaultdict(list)
        for r in ctx.relations:
            if r.subject in ents and r.object in ents and ents[r.object].type in TARGET_TYPES:
                cells[(r.subject, r.object)].append(r)
        drugs = sorted({d for d, _ in cells}, key=lambda k: ctx.title(k).lower())

        def groups(key: str) -> list[dict[str, str]]:
            """A drug's classes or a target's families, for the matrix's filters."""
            return [{"id": slugify(p), "title": ctx.title(p)} for p in ents[key].parents]

        targets = sorted({t for _, t in cells}, key=lambda k: ctx.title(k).lower())
        rows = []
        for d in drugs:
            row = []
            for t in targets:
                rels = sorted(cells.get((d, t), []), key=lambda r: (rank(r.level), r.action))
                entries = []
                for r in rels:
                    drug_page = ctx.page(d)
                    anchor = relation_anchor(r, ctx.title(t))
                    if drug_page is None:  # a vocabulary drug with no note: its first claim
                        first = self.claim_by_id.get(r.claims[0])
                        drug_page = ctx.page(first.note) if first else None
                        anchor = claim_anchor(r.claims[0])
                    entries.append(
                        {
                            "action": ctx.kg.action_label(r),
                            "direction": r.direction,
                            "level": r.level,
                            "contested": r.contested,
                            "claims": len(r.claims),
                            "href": href(page, drug_page, anchor) if drug_page else None,
                        }
                    )
                row.append(entries)
            rows.append({"drug": self.note_link(d, page), "cells": row, "groups": groups(d)})
        columns = [{**self.note_link(t, page), "groups": groups(t)} for t in targets]
        return self._render(
            "matrix.html",
            page,
            "Drug × target matrix",
            relations_ld(ctx),
            targets=columns,
            rows=rows,
            classes=_group_options(rows),
            families=_group_options(columns),
            levels=LEVELS,
            why=None if ctx.kg.relations else ctx.kg.why_no_relations(),
        )

    def tag_tree(self) -> TagTree:
        ctx = self.ctx
        members: dict[str, set[str]] = defaultdict(set)
        names: dict[str, str] = {}
        for path in sorted(ctx.published):
            for t in ctx.kg.vault.notes[path].tags:
                members[t.name.lower()].add(path)
                names.setdefault(t.name.lower(), t.name)
        return TagTree.of(names, members, {k: ctx.urls.tags[k] for k in names})

    def tags(self) -> Iterator[Page]:
        """A page per tag (and per parent of a nested tag), then the list of all tags."""
        ctx = self.ctx
        tree = self.tag_tree()
        listing: list[dict[str, Any]] = []
        for key in sorted(tree.names):
            first = tree.pages[key]
            name = tree.names[key]
            listing.append(
                {
                    "name": name,
                    "href": first,  # made relative to its page below
                    "count": len(tree.all_members(key)),
                    "depth": key.count("/"),
                }
            )
            paths = sorted(tree.members[key], key=lambda p: (ctx.title(p).lower(), p))
            pages = chunks(paths, NOTES_PER_PAGE)
            for number, chunk in enumerate(pages, 1):
                page = page_path(first, number)
                parts = key.split("/")
                yield self._render(
                    "tag.html",
                    page,
                    f"#{name}" if number == 1 else f"#{name}, page {number}",
                    list_ld(ctx, f"#{name}", list(chunk)),
                    tag=name,
                    total=len(paths),
                    parents=[
                        {
                            "name": tree.names["/".join(parts[:i])],
                            "href": href(page, tree.pages["/".join(parts[:i])]),
                        }
                        for i in range(1, len(parts))
                    ],
                    children=[
                        {
                            "name": tree.names[c],
                            "href": href(page, tree.pages[c]),
                            "count": len(tree.all_members(c)),
                        }
                        for c in tree.children.get(key, [])
                    ],
                    notes=[self._listed(p, page) for p in chunk],
                    pager=_pager(page, first, number, len(pages)),
                )
        pages = chunks(listing, TAGS_PER_PAGE)
        for number, chunk in enumerate(pages, 1):
            page = page_path("tags.html", number)
            yield self._render(
                "tags.html",
                page,
                "Tags" if number == 1 else f"Tags, page {number}",
                list_ld(ctx, "Tags", []),
                tags=[{**t, "href": href(page, t["href"])} for t in chunk],
                total=len(listing),
                pager=_pager(page, "tags.html", number, len(pages)),
            )

    def _listed(self, path: str, page: str) -> dict[str, Any]:
        return {**self.note_link(path, page), "type": node_type(self.ctx, path)}

    def folders(self) -> Iterator[Page]:
        """A page per folder: its subfolders, then its notes, ``NOTES_PER_PAGE`` to a page."""
        ctx = self.ctx
        tree = self.folder_tree
        for folder, first in sorted(tree.pages.items()):
            paths = sorted(tree.notes.get(folder, []), key=lambda p: (ctx.title(p).lower(), p))
            pages = chunks(paths, NOTES_PER_PAGE)
            name = folder.rsplit("/", 1)[-1] if folder else "Vault root"
            for number, chunk in enumerate(pages, 1):
                page = page_path(first, number)
                yield self._render(
                    "folder.html",
                    page,
                    name if number == 1 else f"{name}, page {number}",
                    list_ld(ctx, name, list(chunk)),
                    folder=folder,
                    name=name,
                    total=tree.total[folder],
                    direct=len(paths),
                    crumbs=[
                        {
                            "name": f.rsplit("/", 1)[-1] if f else "Vault root",
                            "href": href(page, tree.pages[f]),
                        }
                        for f in parents(folder)
                    ],
                    subfolders=[
                        {
                            "name": f.rsplit("/", 1)[-1],
                            "href": href(page, tree.pages[f]),
                            "count": tree.total[f],
                        }
                        for f in tree.children.get(folder, [])
                    ],
                    notes=[self._listed(p, page) for p in chunk],
                    pager=_pager(page, first, number, len(pages)),
                )

    def index(self, broken_links: int) -> Page:
        """Statistics, then each folder with its first ``INDEX_PER_FOLDER`` notes."""
        ctx = self.ctx
        page = "index.html"
        tree = self.folder_tree
        folders = []
        listed: list[str] = []
        for folder in sorted(tree.notes):
            paths = sorted(tree.notes[folder], key=lambda p: (ctx.title(p).lower(), p))
            listed.extend(paths[:INDEX_PER_FOLDER])
            folders.append(
                {
                    "name": folder or "Vault root",
                    "href": href(page, tree.pages[folder]),
                    "count": len(paths),
                    "notes": [self._listed(p, page) for p in paths[:INDEX_PER_FOLDER]],
                }
            )
        by_type: dict[str, int] = defaultdict(int)
        for key in ctx.kg.entities:
            if key in ctx.published:
                by_type[ctx.kg.entities[key].type] += 1
        counts = _count_levels(ctx.claims)
        return self._render(
            "index.html",
            page,
            self.site_title,
            list_ld(ctx, self.site_title, listed),
            stats={
                "notes": len(ctx.published),
                "entities": sum(by_type.values()),
                "by_type": dict(sorted(by_type.items())),
                "claims": len(ctx.claims),
                "relations": len(ctx.relations),
                "sources": sum(1 for s in ctx.kg.sources.values() if s.note in ctx.published),
                "broken_links": broken_links,
                "tags": len(ctx.urls.tags),
            },
            counts=counts,
            supported=sum(n for lvl, n in counts.items() if lvl != "unsupported"),
            folders=folders,
            folders_href=href(page, tree.pages[""]),
        )

    def graph_page(self) -> Page:
        nodes = self.graph["nodes"]
        total, shown = len(nodes), self.graph["shown"]
        sizes = sorted({shown, total} | {n for n in GRAPH_SIZES if shown < n < total})
        return self._render(
            "graph.html",
            "graph.html",
            "Graph",
            list_ld(self.ctx, "Graph", []),  # the page lists nothing: graph-data.js has it
            types=sorted({n["type"] for n in nodes}),
            levels=LEVELS,
            total=total,
            shown=shown,
            kg_nodes=sum(1 for n in nodes if n["type"] in KG_TYPES),
            sizes=sizes,
        )

    def search(self) -> Page:
        return self._render("search.html", "search.html", "Search", list_ld(self.ctx, "Search", []))


def _group_options(items: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The classes (or families) named by ``items``, once each, by title."""
    found = {g["id"]: g for item in items for g in item["groups"]}
    return sorted(found.values(), key=lambda g: g["title"].lower())


def table_of_contents(
    note: Note, anchors: dict[int, str], *, skip_first: bool
) -> list[dict[str, Any]]:
    """The note's headings, for notes with at least ``MIN_TOC_HEADINGS`` (else empty)."""
    heads = [h for h in note.headings[1 if skip_first else 0 :] if h.line in anchors]
    if len(heads) < MIN_TOC_HEADINGS:
        return []
    top = min(h.level for h in heads)
    return [{"text": h.text, "id": anchors[h.line], "depth": h.level - top} for h in heads]


def _pager(page: str, first: str, number: int, count: int) -> dict[str, Any] | None:
    """Links to every page of a listing, relative to ``page``."""
    if count <= 1:
        return None
    return {
        "number": number,
        "count": count,
        "pages": [href(page, page_path(first, n)) for n in range(1, count + 1)],
    }


def _count_levels(claims: list[Claim]) -> dict[str, int]:
    counts = dict.fromkeys(CLAIM_ORDER[::-1], 0)
    for c in claims:
        counts[c.level] = counts.get(c.level, 0) + 1
    return counts
