"""'A is a CLASS': a drug said to belong to a class with a known mechanism does what it does."""

from __future__ import annotations

from pathlib import Path

import pytest
from kgutil import load


def _stated(kg, note: str = "Notes/N.md") -> set[tuple[str, str, str, bool]]:  # type: ignore[no-untyped-def]
    return {
        (kg.title(m.subject), m.action, kg.title(m.object), m.negated)
        for c in kg.claims
        if c.note == note
        for m in c.relations
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Donepezil is a reversible acetylcholinesterase inhibitor used in dementia.",
            {("donepezil", "inhibitor", "acetylcholinesterase", False)},
        ),
        ("Fluoxetine is an SSRI.", {("fluoxetine", "inhibitor", "serotonin transporter", False)}),
        (
            "Sertraline, an SSRI, is widely prescribed.",
            {("sertraline", "inhibitor", "serotonin transporter", False)},
        ),
        (
            "Omeprazole is a proton pump inhibitor.",
            {("omeprazole", "inhibitor", "H+/K+-ATPase", False)},
        ),
        ("Bupropion is not an SSRI.", {("bupropion", "inhibitor", "serotonin transporter", True)}),
        # a class with no single mechanism says nothing of its members' targets
        ("Mirtazapine is an antidepressant.", set()),
        # the class must follow the drug as what it is, not merely stand after it
        ("Fluoxetine was compared with SSRIs in the trial.", set()),
    ],
)
def test_membership_in_a_class_with_a_mechanism(
    tmp_path: Path, sentence: str, expected: set[tuple[str, str, str, bool]]
) -> None:
    kg = load(tmp_path, {"Notes/N.md": sentence + "\n"}, cast=False)
    assert _stated(kg) == expected
