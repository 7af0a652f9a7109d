"""The fixed words of vaultkg's data, one home each: evidence levels, certainties, link statuses.

Every module that orders, validates or counts by them imports them from here.
"""

from __future__ import annotations

from typing import Final

# Evidence levels, strongest first (GRADE-like; "unsupported": no source cited).
LEVELS: Final = ("high", "moderate", "low", "very-low", "unsupported")
# How firmly a claim is worded, firmest first.
CERTAINTIES: Final = ("asserted", "hedged", "speculative")

# What resolving a link found (model.Link.status).
UNRESOLVED: Final = "unresolved"
OK: Final = "ok"
BROKEN: Final = "broken"
AMBIGUOUS: Final = "ambiguous"
OUTSIDE: Final = "outside"
ANCHOR: Final = "anchor"
EXTERNAL: Final = "external"
PRIVATE: Final = "private"  # a public note's link to a private one, hidden (privacy.py)
LINK_STATUSES: Final = (UNRESOLVED, OK, BROKEN, AMBIGUOUS, OUTSIDE, ANCHOR, EXTERNAL, PRIVATE)
# Links that lead nowhere a reader can follow: counted as broken in every summary.
OFF_VAULT_STATUSES: Final = (BROKEN, OUTSIDE)
