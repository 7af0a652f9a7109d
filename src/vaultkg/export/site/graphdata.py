"""The data the browser needs: the graph of notes and the search index, as JS files.

Browsers refuse ``fetch()`` on ``file://`` pages, so both are written as scripts that assign
a global (``window.VAULTKG_GRAPH``, ``window.VAULTKG_SEARCH``) and loaded with ``<script>``.
"""

from __future__ import annotations

from typing import Any

from ...kg.entities import entity_type
from .context import SiteContext
from .jsonld import script_json

MAX_SEARCH_TEXT = 20_000


def node_type(ctx: SiteContext, path: str) -> str:
    entity = ctx.kg.entities.get(path)
    if entity is not None:
        return entity.type
    if path in ctx.kg.sources:
        return "source"
    kind = entity_type(ctx.kg.vault.notes[path], ctx.kg.vault.config)
    return "claim" if kind == "claim" else "concept"


def graph_data(ctx: SiteContext, edges: set[tuple[str, str]]) -> dict[str, Any]:
    """Nodes (published notes) and edges (links, and drug → target relations)."""
    order = sorted(ctx.published)
    index = {p: i for i, p in enumerate(order)}
    nodes = [
        {
            "id": i,
            "label": ctx.kg.vault.notes[p].title,
            "type": node_type(ctx, p),
            "url": ctx.urls.notes[p],
        }
        for i, p in enumerate(order)
    ]
    relation_pairs: dict[tuple[str, str], list[str]] = {}
    for r in ctx.relations:
        if r.subject in index and r.object in index:
            relation_pairs.setdefault((r.subject, r.object), []).append(r.action)
    links = [
        {"s": index[a], "t": index[b], "k": "link"}
        for a, b in sorted(edges)
        if (a, b) not in relation_pairs
    ]
    links.extend(
        {"s": index[a], "t": index[b], "k": "relation", "label": ", ".join(actions)}
        for (a, b), actions in sorted(relation_pairs.items())
    )
    return {"nodes": nodes, "edges": links}


class LocalGraphs:
    """Each note with its direct neighbours, for the small graph on its page."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.nodes = {n["id"]: n for n in data["nodes"]}
        self.edges: dict[int, list[dict[str, Any]]] = {}
        for e in data["edges"]:
            self.edges.setdefault(e["s"], []).append(e)
            if e["t"] != e["s"]:
                self.edges.setdefault(e["t"], []).append(e)

    def of(self, node_id: int) -> dict[str, Any]:
        edges = self.edges.get(node_id, [])
        ids = sorted({node_id} | {e["s"] for e in edges} | {e["t"] for e in edges})
        return {"nodes": [self.nodes[i] for i in ids], "edges": edges, "center": node_id}


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
