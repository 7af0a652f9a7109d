"""vaultkg: turn an Obsidian vault of study notes into an evidence-aware knowledge graph."""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__", "load"]


def load(path: str, *, jobs: int | None = None):  # type: ignore[no-untyped-def]
    """Read the vault at ``path`` and build its knowledge graph.

    >>> kg = vaultkg.load("vault")
    >>> [kg.title(r.subject) for r in kg.query_relations(target="D2")]
    """
    from .kg.graph import build
    from .vault import read_vault

    return build(read_vault(path, jobs=jobs))
