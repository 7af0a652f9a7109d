"""JSON-LD for each page: the same vocabulary and IRIs as the RDF export (export/rdf).

The vocabulary's namespace is fixed (``https://w3id.org/vaultkg/ns#``); notes, entities,
sources and claims get IRIs under the vault's ``base_iri`` exactly as the RDF export mints
them, so a page's JSON-LD and the RDF files describe the same resources.
"""

from __future__ import annotations

import json
from typing import Any

from ...kg.actions import BY_NAME
from ...kg.model import Claim, Relation
from ..rdf.iris import Minter
from .context import SiteContext

VKG = "https://w3id.org/vaultkg/ns#"
CONTEXT: dict[str, Any] = {
    "vkg": VKG,
    "schema": "https://schema.org/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "mp": "http://purl.org/mp/",
    "cito": "http://purl.org/spar/cito/",
    "prov": "http://www.w3.org/ns/prov#",
}
_LEVELS = {
    "high": "High",
    "moderate": "Moderate",
    "low": "Low",
    "very-low": "VeryLow",
    "unsupported": "Unsupported",
}
_ENTITY_CLASSES = {
    "drug": "Drug",
    "drug-class": "DrugClass",
    "receptor": "Receptor",
    "channel": "Channel",
    "transporter": "Transporter",
    "enzyme": "Enzyme",
    "neurotransmitter": "Neurotransmitter",
    "mechanism": "Mechanism",
    "concept": "Concept",
}


def claim_ld(iris: Minter, c: Claim) -> dict[str, Any]:
    out: dict[str, Any] = {
        "@id": iris.claim(c.id),
        "@type": ["mp:Claim", "vkg:Claim"],
        "mp:statement": c.text,
        "vkg:evidenceLevel": {"@id": "vkg:" + _LEVELS[c.level]},
        "vkg:certainty": {"@id": "vkg:" + c.certainty.capitalize()},
        "prov:wasDerivedFrom": {"@id": iris.note(c.note)},
        "vkg:line": c.line,
    }
    if c.citations:
        out["cito:citesAsEvidence"] = [{"@id": iris.source(x.source)} for x in c.citations]
    if c.entities:
        out["vkg:mentions"] = [{"@id": iris.entity(e)} for e in c.entities]
    if "contested" in c.flags:
        out["vkg:contested"] = True
    return out


def relation_ld(iris: Minter, r: Relation) -> dict[str, Any]:
    return {
        "@id": iris.entity(r.subject),
        "vkg:" + BY_NAME[r.action].camel: {"@id": iris.entity(r.object)},
    }


def note_ld(ctx: SiteContext, path: str) -> dict[str, Any]:
    iris = Minter.for_vault(ctx.kg.vault)
    note = ctx.kg.vault.notes[path]
    doc: dict[str, Any] = {
        "@id": iris.note(path),
        "@type": "vkg:Note",
        "rdfs:label": note.title,
        "vkg:path": path,
    }
    tags = sorted({t.name for t in note.tags})
    if tags:
        doc["schema:keywords"] = tags
    links = sorted(
        {
            link.resolved
            for link in note.links
            if link.resolved in ctx.published and link.resolved != path
        }
    )
    if links:
        doc["vkg:linksTo"] = [{"@id": iris.note(p)} for p in links]
    graph: list[dict[str, Any]] = [doc]
    entity = ctx.kg.entities.get(path)
    if entity is not None:
        doc["schema:mainEntity"] = {"@id": iris.entity(path)}
        ent: dict[str, Any] = {
            "@id": iris.entity(path),
            "@type": "vkg:" + _ENTITY_CLASSES.get(entity.type, "Entity"),
            "skos:prefLabel": entity.title,
            "schema:mainEntityOfPage": {"@id": iris.note(path)},
        }
        if entity.aliases:
            ent["skos:altLabel"] = list(entity.aliases)
        if entity.identifiers:
            ent["skos:exactMatch"] = [{"@id": iri} for _, iri in entity.identifiers]
        for r in ctx.relations_of.get(path, []):
            if r.subject == path and r.object in ctx.published:
                ent.setdefault("vkg:" + BY_NAME[r.action].camel, []).append(
                    {"@id": iris.entity(r.object)}
                )
        graph.append(ent)
    graph.extend(claim_ld(iris, c) for c in ctx.claims_by_note.get(path, []))
    return {"@context": CONTEXT, "@graph": graph}


def claims_ld(ctx: SiteContext, claims: list[Claim]) -> dict[str, Any]:
    iris = Minter.for_vault(ctx.kg.vault)
    return {"@context": CONTEXT, "@graph": [claim_ld(iris, c) for c in claims]}


def relations_ld(ctx: SiteContext) -> dict[str, Any]:
    iris = Minter.for_vault(ctx.kg.vault)
    return {"@context": CONTEXT, "@graph": [relation_ld(iris, r) for r in ctx.relations]}


def list_ld(ctx: SiteContext, name: str, paths: list[str]) -> dict[str, Any]:
    """A page that lists notes (index, tag pages): a schema:ItemList of the notes."""
    iris = Minter.for_vault(ctx.kg.vault)
    return {
        "@context": CONTEXT,
        "@type": "schema:ItemList",
        "schema:name": name,
        "schema:itemListElement": [{"@id": iris.note(p)} for p in paths],
    }


def script_json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element (no ``</script>``, no ``<!--``)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
