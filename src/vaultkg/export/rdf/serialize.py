"""Turtle, N-Triples, TriG and JSON-LD through pyoxigraph's serializers.

The quads come sorted (``build.Dataset``), and pyoxigraph writes them in the order given, so
the same vault always gives the same bytes. Turtle and N-Triples hold every graph's triples in
one graph (no triple is in two graphs, so nothing is lost but the graph names): N-Triples as
the N-Quads lines without graph names, Turtle as the TriG with its graph brackets removed;
TriG and JSON-LD keep the named graphs.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyoxigraph as ox

from .build import Dataset

# Data prefixes whose local names are paths ("Drugs/Caffeine"): written as full IRIs, which
# read better than prefixed names full of escapes (entity:Drugs\/Caffeine).
PATH_PREFIXES = frozenset({"note", "entity", "source", "ref", "graph"})

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "json-ld": ox.RdfFormat.JSON_LD,
    "n-triples": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
}


def serialize_dataset(data: Dataset, fmt: str) -> bytes:
    rdf_format = RDF_FORMATS[fmt]
    if rdf_format is ox.RdfFormat.JSON_LD:
        return _dump(data.quads, rdf_format) + b"\n"
    if rdf_format is ox.RdfFormat.N_TRIPLES:
        return _ntriples(data)
    prefixes = {k: v for k, v in data.prefixes.items() if k not in PATH_PREFIXES}
    trig = _sorted_header(_dump(data.quads, ox.RdfFormat.TRIG, prefixes), prefixes)
    if rdf_format is ox.RdfFormat.TRIG:
        return trig
    turtle = _turtle_from_trig(trig)
    if turtle is None:  # a layout this reader does not know: take the slow, sure way
        body = _dump(data.triples(), rdf_format, prefixes)
        return _sorted_header(body, prefixes)
    return turtle


def _dump(
    items: Sequence[ox.Quad] | Sequence[ox.Triple],
    rdf_format: ox.RdfFormat,
    prefixes: dict[str, str] | None = None,
) -> bytes:
    out = ox.serialize(items, format=rdf_format, prefixes=prefixes)
    assert out is not None  # no output file given: pyoxigraph returns the bytes
    return out


def _ntriples(data: Dataset) -> bytes:
    """The N-Quads lines without their graph names, in the quads' order (each triple is in
    one graph, so no line repeats): making a pyoxigraph Triple of every quad would cost more
    than the whole export, and sorting the lines again would double the memory."""
    nquads = _dump(data.quads, ox.RdfFormat.N_QUADS)
    lines = nquads.split(b"\n")
    del nquads
    for i in range(data.default_count, len(lines)):
        line = lines[i]
        if line:  # "<s> <p> <o> <g> .": the graph is the last term, an IRI (no spaces)
            lines[i] = line[: line.rindex(b" <")] + b" ."
    return b"\n".join(lines)


def _turtle_from_trig(trig: bytes) -> bytes | None:
    """The TriG with its graph blocks opened: each ``<g> {`` and ``}`` line dropped and the
    block's lines unindented. pyoxigraph writes one statement part per line and escapes line
    breaks in literals, so these lines are only ever graph brackets. None when a line does
    not fit that layout."""
    out = []
    inside = False
    for line in trig.split(b"\n"):
        if not inside:
            if line.endswith(b" {") and not line.startswith(b"\t"):
                inside = True
            else:
                out.append(line)
        elif line == b"}":
            inside = False
        elif line.startswith(b"\t"):
            out.append(line[1:])
        else:
            return None
    return b"\n".join(out) if not inside else None


def _sorted_header(body: bytes, prefixes: dict[str, str]) -> bytes:
    """The prefix lines in name order (pyoxigraph writes them in its map's order)."""
    start = 0
    while body.startswith(b"@prefix ", start):
        start = body.index(b"\n", start) + 1
    header = "".join(f"@prefix {k}: <{v}> .\n" for k, v in sorted(prefixes.items()))
    return header.encode("utf-8") + b"\n" + body[start:]
