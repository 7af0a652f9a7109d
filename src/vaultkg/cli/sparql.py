"""``vaultkg sparql``: ask the vault's RDF graph a SPARQL query, on a pyoxigraph store."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import app
from .common import OutputFormat, fail, load_graph, print_rows, vault_path

if TYPE_CHECKING:
    import pyoxigraph as ox

# pyoxigraph lists every token and character class it expected; one line keeps the start
MAX_ERROR = 160
PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


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
    store: Annotated[
        Path | None,
        typer.Option(
            "--store",
            help="Keep the RDF in this folder and reuse it while the vault is unchanged.",
        ),
    ] = None,
    endpoint: Annotated[
        str | None,
        typer.Option(
            "--endpoint",
            help="Ask this SPARQL endpoint instead (the vault pushed with 'vaultkg push'), "
            "e.g. http://localhost:7878/query.",
        ),
    ] = None,
) -> None:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE) on the vault's knowledge graph.

    The store holds the TriG export's quads; a query's default graph is the union of all
    graphs (each triple once), and GRAPH reaches each note's graph and each claim's
    nanopublication graphs. The prefixes vkg:, mp:, cito:, prov:, skos:, schema:, dcterms:,
    obo:, biolink:, rdf:, rdfs:, xsd: and the vault's note:, entity:, source:, claim:,
    nanopub:, graph: are declared already.

    Examples:

        vaultkg sparql vault/ "SELECT ?drug WHERE { ?drug a vkg:Drug }"

        vaultkg sparql vault/ --file docs/queries/drugs-on-receptors.rq --format csv

        vaultkg sparql vault/ --store .vaultkg-store "ASK { ?c a mp:Claim }"

        vaultkg sparql vault/ --endpoint http://localhost:7878/query --file q.rq

    With --endpoint the query goes to that store (the vault's prefixes still declared, the
    vault itself not read); credentials as for 'vaultkg push'. A store's default graph is
    what it makes it: the queries in docs/queries name their graphs, so they give the same
    rows either way.
    """
    import pyoxigraph as ox

    from ..config import load_config
    from ..store import StoreError, open_store, query_prefixes

    text, origin = _query_text(query, file)
    root = vault_path(vault)
    # a bad query is reported before the vault is read: an empty store parses it the same way
    prefixes = query_prefixes(load_config(root)[0])
    _run(ox.Store(), text, prefixes, origin)
    if endpoint is not None:
        from ..remote import RemoteError, remote_query

        try:
            answer = remote_query(endpoint, text, prefixes)
            _print(answer, format, prefixes)
        except RemoteError as exc:
            fail(f"{origin}: {exc}")
        return
    try:
        opened = open_store(root, store, load=load_graph)
    except StoreError as exc:
        fail(str(exc))
    result = _run(opened.store, text, opened.prefixes, origin)
    try:  # solutions are computed while they are read
        _print(result, format, opened.prefixes)
    except (OSError, RuntimeError, ValueError) as exc:
        fail(f"{origin}: the query failed: {_one_line(exc)}")


def _run(store: ox.Store, text: str, prefixes: dict[str, str], origin: str) -> Any:
    from ..store import run_query

    try:
        return run_query(store, text, prefixes)
    except SyntaxError as exc:
        fail(f"{origin}: invalid SPARQL: {_syntax_message(exc, text)}")
    except (OSError, ValueError, TypeError) as exc:
        fail(f"{origin}: the query failed: {_one_line(exc)}")


def _syntax_message(exc: SyntaxError, text: str) -> str:
    """pyoxigraph's "error at 1:32: expected …" as "line 1, column 32: expected …"."""
    msg = _one_line(exc)
    m = re.match(r"error at (\d+):(\d+):\s*(.*)", msg)
    if not m:
        return msg
    line, col, what = int(m.group(1)), int(m.group(2)), m.group(3)
    if what.startswith("expected one of Prefix not found"):
        before = (text.splitlines()[line - 1 : line] or [""])[0][: col - 1]
        name = re.search(r"([A-Za-z][\w.-]*)?:[^\s:]*$", before)
        prefix = (name.group(1) or "") if name else ""
        what = f"the prefix '{prefix}:' is not declared"
    head, sep, _ = what.partition(", [")  # character classes ([_], ['0'..='9' …]) say little
    return f"line {line}, column {col}: {head}" + (", …" if sep else "")


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


def _plain_prefixes(triples: list[ox.Triple], prefixes: dict[str, str]) -> dict[str, str]:
    """The prefixes that shorten some IRI of the triples into a plain name (``vkg:Drug``),
    leaving out those that would need escapes (``entity:Drugs\\/Caffeine``)."""
    import pyoxigraph as ox

    iris = {
        t.value
        for tr in triples
        for t in (tr.subject, tr.predicate, tr.object)
        if isinstance(t, ox.NamedNode)
    }
    used = {}
    for name, ns in prefixes.items():
        locals_ = [i[len(ns) :] for i in iris if i.startswith(ns)]
        if locals_ and all(PLAIN_NAME.fullmatch(n) for n in locals_):
            used[name] = ns
    return used


def _one_line(exc: Exception) -> str:
    msg = " ".join(str(exc).split())
    return msg or type(exc).__name__


def _print(result: Any, fmt: OutputFormat, prefixes: dict[str, str]) -> None:
    import pyoxigraph as ox

    if isinstance(result, ox.QueryTriples | list):  # CONSTRUCT, DESCRIBE (a list: remote)
        rdf_format = ox.RdfFormat.N_TRIPLES if fmt is OutputFormat.csv else ox.RdfFormat.TURTLE
        triples = sorted(result, key=str)
        used = _plain_prefixes(triples, prefixes) if rdf_format is ox.RdfFormat.TURTLE else {}
        out = ox.serialize(triples, format=rdf_format, prefixes=used)
        text = (out or b"").decode("utf-8")
        sys.stdout.write(text if not text or text.endswith("\n") else text + "\n")
        return
    if fmt is OutputFormat.json:
        doc = result.serialize(format=ox.QueryResultsFormat.JSON)
        sys.stdout.write(doc.decode("utf-8") + "\n")
        return
    if isinstance(result, ox.QueryBoolean):
        print_rows([{"ask": "true" if bool(result) else "false"}], ["ask"], fmt)
        return
    columns = [v.value for v in result.variables]
    rows = [
        {c: (None if term is None else term.value) for c, term in zip(columns, row, strict=True)}
        for row in result
    ]
    print_rows(rows, columns, fmt)
