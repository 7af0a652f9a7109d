"""Drug → target relations stated in a sentence of prose.

The sentence comes with its entity mentions already found (links and unlinked names):

- ``spans``: the mentions and the lists they form;
- ``phrases``: action phrases and their grammatical form (verb, noun, nominalisation, passive);
- ``connectors``: what may stand between a drug, a phrase and its targets;
- ``locate``: the look-ups every form shares (nearest mention, relative clause, subject, targets);
- ``reader``: puts them together, one phrase at a time.
"""

from .reader import extract
from .spans import Found, Mention

__all__ = ["Found", "Mention", "extract"]
