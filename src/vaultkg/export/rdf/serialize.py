"""Turtle, N-Triples, TriG and JSON-LD through pyoxigraph's serializers.

The quads come sorted (``build.Dataset``), and pyoxigraph writes them in the order given, so
the same vault always gives the same bytes. Turtle and N-Triples hold every graph's triples in
one graph (no triple is in two graphs, so nothing is lost but the graph names); TriG and
JSON-LD keep the named graphs.
"""

from __future__ import annotations

import pyoxigraph as ox

from .build import Dataset

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "json-ld": ox.RdfFormat.JSON_LD,
    "n-triples": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
}


def serialize_dataset(data: Dataset, fmt: str) -> bytes:
    rdf_format = RDF_FORMATS[fmt]
    if rdf_format is ox.RdfFormat.N_TRIPLES:
        return ox.serialize(data.triples, format=rdf_format)
    if rdf_format is ox.RdfFormat.JSON_LD:
        return ox.serialize(data.quads, format=rdf_format) + b"\n"
    items = data.triples if rdf_format is ox.RdfFormat.TURTLE else data.quads
    body = ox.serialize(items, format=rdf_format, prefixes=data.prefixes)
    return _sorted_header(body, data.prefixes)


def _sorted_header(body: bytes, prefixes: dict[str, str]) -> bytes:
    """The prefix lines in name order (pyoxigraph writes them in its map's order)."""
    lines = body.split(b"\n")
    n = 0
    while n < len(lines) and lines[n].startswith(b"@prefix "):
        n += 1
    header = "".join(f"@prefix {k}: <{v}> .\n" for k, v in sorted(prefixes.items()))
    return header.encode("utf-8") + b"\n" + b"\n".join(lines[n:])
