"""The one place that knows how the RDF export is split into graphs for a push.

``dataset_graphs(kg)`` maps each graph's IRI (``DEFAULT_GRAPH`` for the default graph) to its
triples, from ``vaultkg.export.rdf.build_dataset``: one named graph per note, four per
claim's nanopublication, the shared graphs, and the dataset description in the default graph.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..export.rdf import build_dataset
from ..privacy import public_graph
from .graphs import DEFAULT_GRAPH

if TYPE_CHECKING:
    from ..kg.graph import KnowledgeGraph


def dataset_graphs(kg: KnowledgeGraph) -> dict[str, list[ox.Triple]]:
    """The public part of ``kg`` as graphs: private notes never reach a push."""
    kg = public_graph(kg)
    return group(build_dataset(kg))


def group(quads: Iterable[ox.Quad]) -> dict[str, list[ox.Triple]]:
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    for q in quads:
        g = q.graph_name
        name = DEFAULT_GRAPH if isinstance(g, ox.DefaultGraph) else g.value
        graphs[name].append(ox.Triple(q.subject, q.predicate, q.object))
    return dict(graphs)
