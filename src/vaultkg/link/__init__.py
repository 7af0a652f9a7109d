"""The note linker: turn unlinked mentions of entities into ``[[links]]``, safely.

``plan_links`` reads nothing and writes nothing: it turns a parsed vault into proposals.
``apply_plan`` is the only code in vaultkg that writes into a vault, one note at a time
(through vaultkg.fsutil.write_note).
"""

from __future__ import annotations

from .apply import WriteOutcome, apply_plan
from .edit import apply_proposals, original_bytes
from .model import Ambiguous, LinkOptions, NotePlan, Plan, Proposal
from .plan import plan_links
from .targets import EntityTable, build_entities

__all__ = [
    "Ambiguous",
    "EntityTable",
    "LinkOptions",
    "NotePlan",
    "Plan",
    "Proposal",
    "WriteOutcome",
    "apply_plan",
    "apply_proposals",
    "build_entities",
    "original_bytes",
    "plan_links",
]
