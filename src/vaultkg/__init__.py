"""vaultkg: turn an Obsidian vault of study notes into an evidence-aware knowledge graph."""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
