"""What a published vault holds, in the few lines ``publish`` prints."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..constants import LEVELS, OFF_VAULT_STATUSES

if TYPE_CHECKING:
    from ..kg.graph import KnowledgeGraph
    from ..vault import Vault


def summary_lines(v: Vault, kg: KnowledgeGraph, seconds: float) -> list[str]:
    """Notes and entities read, private notes left out, claims by level, relations, links."""
    stats = kg.stats()
    entities = stats["entities"]
    levels = stats["claims_by_level"]
    assert isinstance(entities, dict) and isinstance(levels, dict)
    errors = sum(d.severity == "error" for d in v.diagnostics)
    broken = sum(
        1 for n in v.notes.values() for link in n.links if link.status in OFF_VAULT_STATUSES
    )
    lines = [
        f"Read {stats['notes']} notes in {seconds:.1f} s: "
        + ", ".join(f"{n} {t}" for t, n in entities.items() if n)
    ]
    if kg.vault.withheld:
        lines.append(
            f"Left out {len(kg.vault.withheld)} private note(s) (publish: false, draft, private "
            "or [publish] exclude); --include-private keeps them"
        )
    lines.append(
        f"Claims: {stats['claims']} (" + ", ".join(f"{levels[k]} {k}" for k in LEVELS) + ")"
    )
    lines.append(
        f"Relations: {stats['relations']}; sources: {stats['sources']}; "
        f"broken links: {broken}; errors: {errors} (run 'vaultkg check' for details)"
    )
    return lines
