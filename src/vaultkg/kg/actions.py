"""The controlled list of actions a drug can have on a target, each with a direction."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class Action:
    name: str  # "partial agonist"
    direction: int  # +1 raises the target's activity, -1 lowers it, 0 neither or unknown
    adaptation: bool = False  # an effect of chronic use rather than a binding mode
    keys: tuple[str, ...] = ()  # extra field keys that mean this action

    @property
    def key(self) -> str:
        """The field key: ``partial_agonist_of``; adaptation verbs stand alone."""
        return self.name.replace(" ", "_") + (
            "" if self.adaptation or self.name == "binds" else "_of"
        )

    @property
    def camel(self) -> str:
        """The RDF property name: ``partialAgonistOf``, ``downregulates``."""
        head, *rest = self.key.split("_")
        return head + "".join(w.capitalize() for w in rest)

    @property
    def sign(self) -> str:
        return {1: "+", -1: "−", 0: "0"}[self.direction]


ACTIONS: tuple[Action, ...] = (
    Action("agonist", +1, keys=("full_agonist_of", "activates")),
    Action("partial agonist", +1),
    Action("inverse agonist", -1),
    Action("antagonist", -1, keys=("blocks_receptor",)),
    Action("positive allosteric modulator", +1, keys=("pam_of", "potentiates")),
    Action("negative allosteric modulator", -1, keys=("nam_of",)),
    Action("channel blocker", -1, keys=("blocks", "pore_blocker_of", "open_channel_blocker_of")),
    Action("opener", +1, keys=("activator_of", "channel_opener_of")),
    Action("inhibitor", -1, keys=("inhibits", "reuptake_inhibitor_of")),
    Action("releasing agent", +1, keys=("releaser_of", "releases_via")),
    Action("inducer", +1, keys=("induces",)),  # raises an enzyme's or transporter's expression
    Action("substrate", 0),
    Action("binds", 0, keys=("binds_to", "ligand_of")),
    Action("downregulates", -1, adaptation=True),
    Action("upregulates", +1, adaptation=True),
    Action("desensitizes", -1, adaptation=True, keys=("desensitises",)),
)

BY_NAME: dict[str, Action] = {a.name: a for a in ACTIONS}


def _field_key(text: str) -> str:
    return re.sub(r"[\s\-]+", "_", text.strip().lower())


_BY_KEY: dict[str, Action] = {}
for _a in ACTIONS:
    for _k in (_a.key, _a.name, *_a.keys):
        _BY_KEY[_field_key(_k)] = _a
del _a, _k


def action_for_key(key: str) -> Action | None:
    """``antagonist_of``, ``antagonist of``, ``Antagonist-Of`` → antagonist."""
    return _BY_KEY.get(_field_key(key))


def action_named(name: str) -> Action | None:
    """Look an action up by its name ("partial agonist") or key ("partial_agonist_of")."""
    return BY_NAME.get(" ".join(name.lower().replace("_", " ").split())) or action_for_key(name)


# "reuptake inhibitor" is the inhibitor action said of a transporter
DISPLAY_ON_TRANSPORTER = {"inhibitor": "reuptake inhibitor"}
