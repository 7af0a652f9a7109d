"""``vaultkg query``: which drugs affect which targets, how, and how we know."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import app
from .common import OutputFormat, fail, load_graph, print_rows
from .graph_query import register_graph_queries

if TYPE_CHECKING:
    from ..kg.graph import KnowledgeGraph
    from ..kg.model import Claim, Relation

query_app = typer.Typer(
    help="Ask the knowledge graph which drugs act on which targets.", no_args_is_help=True
)
app.add_typer(query_app, name="query")

LEVEL_HELP = "Only relations with at least this evidence level (high, moderate, low, very-low)."
COLUMNS = ["drug", "action", "target", "level", "certainty", "claims", "where"]

VaultArg = Annotated[Path, typer.Argument(help="The vault folder.")]
FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]


def _check_level(level: str | None) -> None:
    from ..constants import LEVELS

    if level is not None and level not in LEVELS[:-1]:
        fail(f"unknown evidence level '{level}'; use one of: {', '.join(LEVELS[:-1])}")


def _check_found(kg: KnowledgeGraph, name: str | None, what: str, types: frozenset[str]) -> None:
    if name and not kg.find_entities(name, types):
        known = sorted(e.title for e in kg.entities.values() if e.type in types)
        if not known:
            fail(kg.why_no_relations(), code=1)
        fail(
            f"no {what} named '{name}' in the vault (titles and aliases are searched); "
            f"known: {', '.join(known[:12])}{' …' if len(known) > 12 else ''}",
            code=1,
        )


def relation_rows(kg: KnowledgeGraph, relations: list[Relation]) -> list[dict[str, object]]:
    claims = kg.claims_by_id
    rows = []
    for r in relations:
        where = list(dict.fromkeys(_where(kg, claims[c], r) for c in r.claims))
        rows.append(
            {
                "drug": kg.title(r.subject),
                "action": kg.action_label(r),
                "target": kg.title(r.object),
                "level": r.level,
                "certainty": r.certainty + (" (contested)" if r.contested else ""),
                "claims": len(r.claims),
                "where": where,
            }
        )
    return rows


def _where(kg: KnowledgeGraph, claim: Claim, r: Relation) -> str:
    """Where a claim is, and the class it speaks of when it states the relation only of the
    drug's class ("Notes/SSRIs.md:7 (via SSRIs)")."""
    triple = (r.subject, r.action, r.object)
    stated = [m for m in claim.relations if (m.subject, m.action, m.object) == triple]
    classes = [m.via_class for m in stated if m.via_class and not m.negated]
    if classes and len(classes) == len(stated):
        return f"{claim.where} (via {', '.join(kg.title(k) for k in classes)})"
    return claim.where


def _relation_json(kg: KnowledgeGraph, relations: list[Relation]) -> list[dict[str, object]]:
    from ..export.json_export import relation_record

    return [relation_record(kg, r) for r in relations]


def _show(kg: KnowledgeGraph, relations: list[Relation], fmt: OutputFormat) -> None:
    print_rows(
        relation_rows(kg, relations),
        COLUMNS,
        fmt,
        json_payload=_relation_json(kg, relations) if fmt is OutputFormat.json else None,
    )


def _answer(
    vault: Path,
    fmt: OutputFormat,
    min_level: str | None,
    drug: str | None = None,
    target: str | None = None,
    action: str | None = None,
) -> None:
    """Check the names and level, run the query, print the rows."""
    from ..kg.entities import TARGET_TYPES

    _check_level(min_level)
    kg = load_graph(vault)
    _check_found(kg, drug, "drug", frozenset({"drug", "drug-class"}))
    _check_found(kg, target, "target", TARGET_TYPES)
    relations = kg.query_relations(drug=drug, target=target, action=action, min_level=min_level)
    _show(kg, relations, fmt)
    if not relations:
        if action or min_level:
            why = "no relation matches these filters; try without --action or --min-level"
        else:
            why = kg.why_no_relations(drug, target)
        typer.echo(f"vaultkg: {why}", err=True)


@query_app.command("relations")
def relations(
    vault: VaultArg,
    drug: Annotated[str | None, typer.Option(help="Drug title or alias.")] = None,
    target: Annotated[str | None, typer.Option(help="Target title or alias (D2, SERT).")] = None,
    action: Annotated[str | None, typer.Option(help="Action, e.g. antagonist.")] = None,
    min_level: Annotated[str | None, typer.Option(help=LEVEL_HELP)] = None,
    format: FormatOpt = OutputFormat.table,
) -> None:
    """Drug → target relations with their evidence level and where they are claimed.

    Examples:

        vaultkg query relations vault/ --target D2

        vaultkg query relations vault/ --action antagonist --min-level moderate

        vaultkg query relations vault/ --drug caffeine --format json
    """
    _answer(vault, format, min_level, drug=drug, target=target, action=action)


@query_app.command("drugs")
def drugs(
    vault: VaultArg,
    target: Annotated[str, typer.Option(help="Target title or alias (D2, SERT).")],
    min_level: Annotated[str | None, typer.Option(help=LEVEL_HELP)] = None,
    format: FormatOpt = OutputFormat.table,
) -> None:
    """Which drugs act on a target, how, and how well that is supported.

    Examples:

        vaultkg query drugs vault/ --target D2

        vaultkg query drugs vault/ --target "serotonin transporter" --format csv
    """
    _answer(vault, format, min_level, target=target)


@query_app.command("targets")
def targets(
    vault: VaultArg,
    drug: Annotated[str, typer.Option(help="Drug title or alias.")],
    min_level: Annotated[str | None, typer.Option(help=LEVEL_HELP)] = None,
    format: FormatOpt = OutputFormat.table,
) -> None:
    """Which targets a drug acts on, how, and how well that is supported.

    Examples:

        vaultkg query targets vault/ --drug caffeine

        vaultkg query targets vault/ --drug haloperidol --min-level moderate
    """
    _answer(vault, format, min_level, drug=drug)


register_graph_queries(query_app)  # query path, query neighbours
