"""SPARQL queries on a remote store (a vault pushed with ``vaultkg push``), answered as
pyoxigraph results, so that they print exactly as a query on the local store does.

The query goes by the SPARQL 1.1 Protocol as an URL-encoded POST (Virtuoso 7 never answers
a direct ``application/sparql-query`` POST; every store takes this form), with the
vault's prefixes declared before it (a query's own PREFIX lines come later and win).
Credentials are push's: ``VAULTKG_PUSH_TOKEN``, ``VAULTKG_PUSH_USER``/``_PASSWORD`` or
``~/.netrc``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

import pyoxigraph as ox

from .push.transport import Connection, PushError, authorization, http_error

RESULTS = "application/sparql-results+json"
TRIPLES = "application/n-triples"


class RemoteError(Exception):
    """The endpoint could not be asked, or did not answer with results."""


def remote_query(
    endpoint: str,
    text: str,
    prefixes: Mapping[str, str],
    *,
    timeout: float = 120.0,
    environ: Mapping[str, str] = os.environ,
) -> Any:
    """``QuerySolutions`` or ``QueryBoolean`` (SELECT, ASK) or a list of triples (CONSTRUCT,
    DESCRIBE) from ``endpoint``."""
    declared = "".join(f"PREFIX {name}: <{ns}>\n" for name, ns in sorted(prefixes.items()))
    try:
        conn = Connection(endpoint, auth=authorization(endpoint, environ), timeout=timeout)
        try:
            response = conn.request(
                "POST",
                body=urlencode({"query": declared + text}).encode("ascii"),
                content_type="application/x-www-form-urlencoded",
                accept=f"{RESULTS}, {TRIPLES};q=0.9",
            )
        finally:
            conn.close()
        if response.status >= 300:
            raise http_error(endpoint, response, "the query")
    except PushError as exc:
        raise RemoteError(str(exc)) from None
    kind = next((v for k, v in response.headers.items() if k.lower() == "content-type"), "")
    data = response.body.encode("utf-8")
    try:
        if kind.startswith(RESULTS) or kind.startswith("application/json"):
            return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        if kind.startswith(TRIPLES) or kind.startswith("text/plain"):
            return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
    except (SyntaxError, ValueError) as exc:
        raise RemoteError(f"{endpoint}: the answer could not be read ({exc})") from None
    raise RemoteError(
        f"{endpoint}: answered {kind or 'without a content type'}, not SPARQL results; check "
        "that the URL is the store's query endpoint (Oxigraph: /query, Virtuoso: /sparql)"
    )
