"""``vaultkg sparql``: ask the vault's RDF graph a SPARQL query."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import app
from .common import OutputFormat, fail, load_graph, print_rows

if TYPE_CHECKING:
    from rdflib.query import Result


@app.command("sparql")
def sparql(
    vault: Annotated[Path, typer.Argument(help="The vault folder.")],
    query: Annotated[str | None, typer.Argument(help="The SPARQL query.")] = None,
    file: Annotated[
        Path | None, typer.Option("--file", help="Read the query from this file (.rq).")
    ] = None,
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table, json (SPARQL results) or csv.")
    ] = OutputFormat.table,
) -> None:
    """Run a SPARQL query (SELECT, ASK or CONSTRUCT) on the vault's knowledge graph.

    The prefixes vkg:, mp:, cito:, prov:, skos:, schema:, dcterms:, obo:, rdf:, rdfs:, xsd:
    and the vault's note:, entity:, source:, claim: are declared already.

    Examples:

        vaultkg sparql vault/ "SELECT ?drug WHERE { ?drug a vkg:Drug }"

        vaultkg sparql vault/ --file docs/queries/drugs-on-receptors.rq --format csv
    """
    text, origin = _query_text(query, file)
    from rdflib.plugins.sparql import prepareQuery

    from ..export.rdf import build_rdf

    kg = load_graph(vault)
    data = build_rdf(kg)
    try:
        prepared = prepareQuery(text, initNs=data.prefixes)
    except Exception as exc:  # pyparsing and rdflib raise many kinds; all mean a bad query
        fail(f"{origin}: invalid SPARQL: {_one_line(exc)}")
    try:
        result = data.graph().query(prepared)
    except Exception as exc:
        fail(f"{origin}: the query failed: {_one_line(exc)}")
    _print(result, format)


def _query_text(query: str | None, file: Path | None) -> tuple[str, str]:
    if (query is None) == (file is None):
        fail("give the query as an argument or with --file, not both")
    if file is None:
        assert query is not None
        return query, "query"
    try:
        return file.read_text("utf-8"), str(file)
    except OSError as exc:
        fail(f"{file}: cannot read ({exc.strerror}); give the path of a .rq file")
    except UnicodeDecodeError:
        fail(f"{file}: not UTF-8 text; save the query as UTF-8")


def _one_line(exc: Exception) -> str:
    msg = " ".join(str(exc).split())
    return msg or type(exc).__name__


def _print(result: Result, fmt: OutputFormat) -> None:
    import sys

    if result.type == "CONSTRUCT" or result.type == "DESCRIBE":
        assert result.graph is not None
        sys.stdout.write(
            result.graph.serialize(format="nt" if fmt is OutputFormat.csv else "turtle")
        )
        return
    if fmt is OutputFormat.json:
        sys.stdout.write(result.serialize(format="json").decode("utf-8") + "\n")
        return
    if result.type == "ASK":
        print_rows([{"ask": "true" if result.askAnswer else "false"}], ["ask"], fmt)
        return
    columns = [str(v) for v in result.vars or []]
    rows: list[dict[str, Any]] = [
        {c: (None if row[i] is None else str(row[i])) for i, c in enumerate(columns)}
        for row in result
    ]
    print_rows(rows, columns, fmt)
