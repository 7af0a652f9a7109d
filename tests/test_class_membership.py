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


def test_a_class_abbreviation_gives_a_derived_relation_and_a_spelled_out_one_a_stated_one(
    tmp_path: Path,
) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": "Fluoxetine is an SSRI.\n\n"
            "Memantine is an uncompetitive NMDA receptor antagonist.\n"
        },
        cast=False,
    )
    found = {
        (kg.title(m.subject), m.action, kg.title(m.object), kg.title(m.via_class or "-"))
        for c in kg.claims
        for m in c.relations
    }
    assert found == {
        (
            "fluoxetine",
            "inhibitor",
            "serotonin transporter",
            "selective serotonin reuptake inhibitors",
        ),
        # the class name spells out the action, which wins over the class's own mechanism
        ("memantine", "antagonist", "NMDA receptor", "-"),
    }


@pytest.mark.parametrize(
    ("sentence", "transporters"),
    [
        ("Venlafaxine inhibits the reuptake of serotonin.", {"serotonin transporter"}),
        ("Bupropion inhibits the reuptake of dopamine.", {"dopamine transporter"}),
        # four GABA carriers, none more selective than another: their family
        ("Tiagabine inhibits the reuptake of GABA.", {"GABA transporters"}),
    ],
)
def test_reuptake_names_the_plasma_membrane_carrier_never_a_vesicular_one(
    tmp_path: Path, sentence: str, transporters: set[str]
) -> None:
    kg = load(tmp_path, {"Notes/N.md": sentence + "\n"}, cast=False)
    assert {t for _, _, t, _ in _stated(kg)} == transporters
