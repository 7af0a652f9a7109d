"""The knowledge graph as one JSON document (schema: vaultkg/data/graph.schema.json)."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .. import __version__
from ..fsutil import check_export_file, write_export
from ..kg.graph import KnowledgeGraph
from ..kg.model import Claim, Relation, Source
from ..privacy import public_graph

SCHEMA_ID = "https://vaultkg.example.org/schema/graph-1.json"


def relation_record(kg: KnowledgeGraph, r: Relation) -> dict[str, Any]:
    return {
        "subject": kg.title(r.subject),
        "object": kg.title(r.object),
        "subject_note": r.subject,
        "object_note": r.object,
        "action": r.action,
        "label": kg.action_label(r),
        "direction": r.direction,
        "level": r.level,
        "certainty": r.certainty,
        "contested": r.contested,
        "explicit": r.explicit,
        "derived": r.derived,
        "via_class": [kg.title(k) for k in r.via_class],
        "claims": list(r.claims),
    }


def claim_record(kg: KnowledgeGraph, c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "text": c.text,
        "note": c.note,
        "line": c.line,
        "kind": c.kind,
        "level": c.level,
        "certainty": c.certainty,
        "scope": c.scope,
        "citations": [
            {
                "source": x.source,
                "title": kg.sources[x.source].title,
                "scope": x.scope,
                "via": x.via,
            }
            for x in c.citations
        ],
        "entities": [kg.title(e) for e in c.entities],
        "relations": [
            {
                "subject": kg.title(m.subject),
                "action": m.action,
                "object": kg.title(m.object),
                "negated": m.negated,
                "explicit": m.explicit,
                "via_class": kg.title(m.via_class) if m.via_class else None,
            }
            for m in c.relations
        ],
        "flags": list(c.flags),
    }


def source_record(s: Source) -> dict[str, Any]:
    return {
        "id": s.key,
        "title": s.title,
        "source_type": s.source_type,
        "level": s.level,
        "inferred": s.inferred,
        "note": s.note,
        "authors": list(s.authors),
        "year": s.year,
        "journal": s.journal,
        "publisher": s.publisher,
        "doi": s.doi,
        "pmid": s.pmid,
        "isbn": s.isbn,
        "url": s.url,
        "citekey": s.citekey,
        "retracted": s.retracted,
    }


def to_json(kg: KnowledgeGraph) -> dict[str, Any]:
    """The whole graph as JSON-ready data, in a stable order."""
    vault = kg.vault
    notes = []
    for path in sorted(vault.notes):
        n = vault.notes[path]
        entity = kg.entities.get(path)
        notes.append(
            {
                "path": path,
                "title": n.title,
                "type": entity.type if entity else ("source" if path in kg.sources else "concept"),
                "aliases": list(n.aliases),
                "tags": sorted({t.name for t in n.tags}),
                "properties": n.properties,
                "links": [
                    {
                        "target": link.target,
                        "kind": link.kind,
                        "embed": link.embed,
                        "resolved": link.resolved,
                        "status": link.status,
                        "line": link.line,
                        "col": link.col,
                    }
                    for link in n.links
                ],
                "headings": [
                    {"text": h.text, "level": h.level, "line": h.line, "anchor": h.anchor}
                    for h in n.headings
                ],
            }
        )
    return {
        "$schema": SCHEMA_ID,
        "generator": f"vaultkg {__version__}",
        "stats": kg.stats(),
        "notes": notes,
        "entities": [
            {
                "id": e.key,
                "title": e.title,
                "type": e.type,
                "aliases": list(e.aliases),
                "identifiers": [{"curie": c, "iri": i} for c, i in e.identifiers],
                "tags": list(e.tags),
                "note": e.note,
                "vocab_id": e.vocab_id,
                "parents": list(e.parents),
            }
            for e in sorted(kg.entities.values(), key=lambda e: e.key)
        ],
        "claims": [
            claim_record(kg, c) for c in sorted(kg.claims, key=lambda c: (c.note, c.line, c.id))
        ],
        "relations": [relation_record(kg, r) for r in kg.relations],
        "sources": [source_record(s) for s in sorted(kg.sources.values(), key=lambda s: s.key)],
        "diagnostics": [
            asdict(d)
            for d in vault.sorted_diagnostics()
            + sorted(kg.diagnostics, key=lambda d: (d.path, d.line, d.col, d.code))
        ],
    }


def write_json(kg: KnowledgeGraph, path: Path) -> Path:
    """Write the public graph to ``path`` atomically; never into the vault, never over a file
    vaultkg did not write (raises fsutil.OutputError before writing anything)."""
    check_export_file(path, kg.vault.root)
    data = json.dumps(to_json(public_graph(kg)), ensure_ascii=False, indent=1, sort_keys=False)
    return write_export(path, (data + "\n").encode("utf-8"), kg.vault.root)
