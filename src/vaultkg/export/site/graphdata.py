"""The data the browser needs: the graph of notes and the search index, as JS files.

Browsers refuse ``fetch()`` on ``file://`` pages, so both are written as scripts that assign
a global (``window.VAULTKG_GRAPH``, ``window.VAULTKG_SEARCH``) and loaded with ``<script>``.
"""

from __future__ import annotations

import math
from typing import Any

from ...kg.entities import TARGET_TYPES, entity_type
from ...kg.evidence import rank
from ...kg.model import Relation
from .context import SiteContext
from .jsonld import script_json
from .layout import layout, rank_nodes

MAX_SEARCH_TEXT = 20_000


def node_type(ctx: SiteContext, path: str) -> str:
    entity = ctx.kg.entities.get(path)
    if entity is not None:
        return entity.type
    if path in ctx.kg.sources:
        return "source"
    kind = entity_type(ctx.kg.vault.notes[path], ctx.kg.vault.config)
    return "claim" if kind == "claim" else "concept"


# What the graph page shows first: the knowledge graph itself, not every note
KG_TYPES = frozenset({"drug", "drug-class", "neurotransmitter", "mechanism"}) | TARGET_TYPES
DEFAULT_SHOWN = 1500  # above this many notes the page starts with the most linked ones
LOCAL_MAX = 40  # neighbours drawn around a note on its page; the rest are counted


def node_level(ctx: SiteContext, path: str) -> str | None:
    """The best evidence level among a note's claims (None for a note without claims)."""
    claims = ctx.claims_by_note.get(path)
    return min((c.level for c in claims), key=rank) if claims else None


def graph_data(ctx: SiteContext, edges: set[tuple[str, str]]) -> dict[str, Any]:
    """Nodes (published notes, most linked first, with positions) and edges (links, and
    drug → target relations); ``shown`` is how many of the first nodes the page starts with.
    """
    paths = sorted(ctx.published)
    index = {p: i for i, p in enumerate(paths)}
    types = [node_type(ctx, p) for p in paths]
    relations: dict[tuple[str, str], list[Relation]] = {}
    for r in ctx.relations:
        if r.subject in index and r.object in index:
            relations.setdefault((r.subject, r.object), []).append(r)
    pairs = sorted(
        {(index[a], index[b]) for a, b in edges} | {(index[a], index[b]) for a, b in relations}
    )
    kg_nodes = {i for i, t in enumerate(types) if t in KG_TYPES}
    order = rank_nodes(len(paths), pairs, kg_nodes)
    pos = layout(order, pairs)
    new_id = {old: new for new, old in enumerate(order)}
    degree = [0] * len(paths)
    for a, b in pairs:
        degree[a] += 1
        degree[b] += 1
    nodes = []
    for old in order:
        p = paths[old]
        nodes.append(
            {
                "id": new_id[old],
                "label": ctx.kg.vault.notes[p].title,
                "type": types[old],
                "url": ctx.urls.notes[p],
                "x": pos[old][0],
                "y": pos[old][1],
                "size": round(min(3 + 1.5 * math.sqrt(degree[old]), 16), 1),
                "level": node_level(ctx, p),
            }
        )
    links: list[dict[str, Any]] = [
        {"s": new_id[index[a]], "t": new_id[index[b]], "k": "link"}
        for a, b in sorted(edges)
        if (a, b) not in relations
    ]
    for (a, b), rels in sorted(relations.items()):
        links.append(
            {
                "s": new_id[index[a]],
                "t": new_id[index[b]],
                "k": "relation",
                "label": ", ".join(r.action for r in rels),
                "level": min((r.level for r in rels), key=rank),
            }
        )
    links.sort(key=lambda e: (min(e["s"], e["t"]), max(e["s"], e["t"]), e["k"]))
    return {"nodes": nodes, "edges": links, "shown": default_shown(len(nodes), len(kg_nodes))}


def default_shown(total: int, kg_nodes: int) -> int:
    """Everything in a small vault; else the knowledge graph, or the most linked notes."""
    if total <= DEFAULT_SHOWN:
        return total
    return kg_nodes if 0 < kg_nodes <= DEFAULT_SHOWN else DEFAULT_SHOWN


class LocalGraphs:
    """Each note with its direct neighbours, for the small graph on its page.

    The neighbours sit on a circle around the note (relations first, then the most linked),
    so the page needs no layout code; above ``LOCAL_MAX`` the rest are only counted.
    """

    def __init__(self, data: dict[str, Any]) -> None:
        self.nodes = {n["id"]: n for n in data["nodes"]}
        self.edges: dict[int, list[dict[str, Any]]] = {}
        for e in data["edges"]:
            self.edges.setdefault(e["s"], []).append(e)
            if e["t"] != e["s"]:
                self.edges.setdefault(e["t"], []).append(e)

    def of(self, node_id: int) -> dict[str, Any]:
        edges = self.edges.get(node_id, [])
        near: dict[int, bool] = {}  # neighbour -> joined by a relation
        for e in edges:
            other = e["t"] if e["s"] == node_id else e["s"]
            if other != node_id:
                near[other] = near.get(other, False) or e["k"] == "relation"
        # node ids are ranks (most linked first), so sorting by id puts the hubs first
        ranked = sorted(near, key=lambda n: (not near[n], n))
        kept = ranked[:LOCAL_MAX]
        radius = 60 + 6 * len(kept)
        nodes = [self._local(node_id, 0.0, 0.0)]
        for k, n in enumerate(sorted(kept, key=lambda n: (self.nodes[n]["type"], n))):
            angle = 2 * math.pi * k / len(kept) - math.pi / 2
            nodes.append(
                self._local(
                    n, round(radius * math.cos(angle), 1), round(radius * math.sin(angle), 1)
                )
            )
        ids = {node_id, *kept}
        return {
            "nodes": nodes,
            "edges": [e for e in edges if e["s"] in ids and e["t"] in ids],
            "center": node_id,
            "more": len(ranked) - len(kept),
        }

    def _local(self, node_id: int, x: float, y: float) -> dict[str, Any]:
        n = self.nodes[node_id]
        return {
            "id": node_id,
            "label": n["label"],
            "type": n["type"],
            "url": n["url"],
            "x": x,
            "y": y,
            "size": 8,
        }


def search_index(ctx: SiteContext) -> list[dict[str, Any]]:
    """One entry per published note: title, aliases, tags, type, page, plain text."""
    out = []
    for path in sorted(ctx.published):
        note = ctx.kg.vault.notes[path]
        words = [h.text for h in note.headings]
        for block in note.blocks:
            words.extend(s.text for s in block.sentences)
        text = " ".join(words)[:MAX_SEARCH_TEXT]
        out.append(
            {
                "t": note.title,
                "a": list(note.aliases),
                "g": sorted({t.name for t in note.tags}),
                "y": node_type(ctx, path),
                "u": ctx.urls.notes[path],
                "x": text,
            }
        )
    return out


def as_script(name: str, data: Any) -> str:
    return f"window.{name} = {script_json(data)};\n"
