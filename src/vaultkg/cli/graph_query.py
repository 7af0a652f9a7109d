"""``vaultkg query path`` and ``vaultkg query neighbours``: questions about how entities are
linked, answered on the knowledge graph's networkx graph (``kg/paths.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .common import OutputFormat, fail, load_graph, print_rows

if TYPE_CHECKING:
    from ..kg.graph import KnowledgeGraph
    from ..kg.model import Relation
    from ..kg.paths import Neighbour, Route, Step

VaultArg = Annotated[Path, typer.Argument(help="The vault folder.")]
FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
PATH_COLUMNS = ["route", "step", "from", "to", "how", "level", "claims", "where"]
NEIGHBOUR_COLUMNS = ["entity", "type", "depth", "via", "relations", "claims", "level"]


def register_graph_queries(query_app: typer.Typer) -> None:
    query_app.command("path")(path)
    query_app.command("neighbours")(neighbours)


def path(
    vault: VaultArg,
    drug: Annotated[str, typer.Argument(help="Drug title or alias.")],
    effect_or_mechanism: Annotated[
        str, typer.Argument(help="Mechanism, effect or target: title or alias.")
    ],
    limit: Annotated[int, typer.Option(min=1, help="At most this many routes.")] = 5,
    format: FormatOpt = OutputFormat.table,
) -> None:
    """How a drug reaches a mechanism or effect: through which targets, on which claims.

    Each route starts at a target the drug acts on, then follows the claims that mention two
    entities together, and the drug's adaptations (downregulates → Downregulation). Shortest
    and best supported routes first, one per first target.

    Examples:

        vaultkg query path vault/ cocaine downregulation

        vaultkg query path vault/ haloperidol upregulation --format json
    """
    from ..kg.paths import UnknownName, paths

    kg = load_graph(vault)
    try:
        routes = paths(kg, drug, effect_or_mechanism, limit=limit)
    except UnknownName as exc:
        fail(str(exc), code=1)
    if not routes:
        fail(
            f"no route from '{drug}' to '{effect_or_mechanism}' through a target in the vault",
            code=1,
        )
    rows = [
        _step_row(kg, n, i, step)
        for n, route in enumerate(routes, 1)
        for i, step in enumerate(route.steps, 1)
    ]
    if format is OutputFormat.table:
        for n, route in enumerate(routes, 1):
            typer.echo(f"{n}. " + " → ".join(kg.title(k) for k in route.nodes))
        typer.echo("")
    payload = [_route_json(kg, r) for r in routes] if format is OutputFormat.json else None
    print_rows(rows, PATH_COLUMNS, format, json_payload=payload)


def neighbours(
    vault: VaultArg,
    name: Annotated[str, typer.Argument(help="Entity title or alias.")],
    depth: Annotated[int, typer.Option(min=1, max=4, help="How many links away (1–4).")] = 1,
    format: FormatOpt = OutputFormat.table,
) -> None:
    """Entities linked to an entity by relations and shared claims, with the claim counts.

    Examples:

        vaultkg query neighbours vault/ cocaine

        vaultkg query neighbours vault/ D2 --depth 2 --format csv
    """
    from ..kg import paths

    kg = load_graph(vault)
    try:
        found = paths.neighbours(kg, name, depth=depth)
    except paths.UnknownName as exc:
        fail(str(exc), code=1)
    rows = [_neighbour_row(kg, n) for n in found]
    payload = [_neighbour_json(kg, n) for n in found] if format is OutputFormat.json else None
    print_rows(rows, NEIGHBOUR_COLUMNS, format, json_payload=payload)


# -- rows -------------------------------------------------------------------------------------


def _how(kg: KnowledgeGraph, step: Step) -> str:
    parts = [kg.action_label(r) for r in step.relations]
    if step.adaptation is not None:
        a = step.adaptation
        parts.append(f"{kg.title(a.subject)} {kg.action_label(a)} {kg.title(a.object)}")
    return ", ".join(parts) if parts else "shared claims"


def _level(kg: KnowledgeGraph, claims: tuple[str, ...]) -> str:
    from ..kg.evidence import best_level

    by_id = kg.claims_by_id
    return best_level([by_id[c].level for c in claims if by_id[c].level != "unsupported"])


def _step_row(kg: KnowledgeGraph, route: int, n: int, step: Step) -> dict[str, Any]:
    from ..kg.paths import claim_places

    return {
        "route": route,
        "step": n,
        "from": kg.title(step.source),
        "to": kg.title(step.target),
        "how": _how(kg, step),
        "level": _level(kg, step.claims),
        "claims": len(step.claims),
        "where": claim_places(kg, step.claims),
    }


def _neighbour_row(kg: KnowledgeGraph, n: Neighbour) -> dict[str, Any]:
    return {
        "entity": kg.title(n.key),
        "type": kg.entities[n.key].type,
        "depth": n.depth,
        "via": kg.title(n.via),
        "relations": [kg.action_label(r) for r in n.relations],
        "claims": len(n.claims),
        "level": _level(kg, n.claims),
    }


# -- JSON ------------------------------------------------------------------------------------


def _relation_json(kg: KnowledgeGraph, r: Relation) -> dict[str, Any]:
    return {
        "drug": kg.title(r.subject),
        "action": kg.action_label(r),
        "target": kg.title(r.object),
        "level": r.level,
        "claims": list(r.claims),
    }


def _claims_json(kg: KnowledgeGraph, claims: tuple[str, ...]) -> list[dict[str, Any]]:
    by_id = kg.claims_by_id
    return [
        {"id": c, "where": by_id[c].where, "level": by_id[c].level, "text": by_id[c].text}
        for c in claims
    ]


def _route_json(kg: KnowledgeGraph, route: Route) -> dict[str, Any]:
    return {
        "route": [kg.title(k) for k in route.nodes],
        "steps": [
            {
                "from": kg.title(s.source),
                "to": kg.title(s.target),
                "relations": [_relation_json(kg, r) for r in s.relations],
                "adaptation": None if s.adaptation is None else _relation_json(kg, s.adaptation),
                "claims": _claims_json(kg, s.claims),
            }
            for s in route.steps
        ],
    }


def _neighbour_json(kg: KnowledgeGraph, n: Neighbour) -> dict[str, Any]:
    return {
        "entity": kg.title(n.key),
        "key": n.key,
        "type": kg.entities[n.key].type,
        "depth": n.depth,
        "via": kg.title(n.via),
        "relations": [_relation_json(kg, r) for r in n.relations],
        "claims": _claims_json(kg, n.claims),
    }
