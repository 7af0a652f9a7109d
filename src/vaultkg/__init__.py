"""vaultkg: turn an Obsidian vault of study notes into an evidence-aware knowledge graph."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .kg.graph import KnowledgeGraph

__version__ = "0.1.0"
__all__ = ["__version__", "load"]


def load(path: str, *, jobs: int | None = None) -> KnowledgeGraph:
    """Read the vault at ``path`` and build its knowledge graph.

    >>> kg = vaultkg.load("vault")
    >>> [kg.title(r.subject) for r in kg.query_relations(target="D2")]
    """
    from .kg.graph import build
    from .vault import read_vault

    return build(read_vault(path, jobs=jobs))
