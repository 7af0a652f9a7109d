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


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Ondansetron and granisetron are 5-HT3 antagonists.",
            {
                ("ondansetron", "antagonist", "5-HT3 receptor", False),
                ("granisetron", "antagonist", "5-HT3 receptor", False),
            },
        ),
        (
            "Linezolid is a weak, reversible MAO inhibitor.",
            {("linezolid", "inhibitor", "monoamine oxidase", False)},
        ),
        (
            "ACE inhibitors such as lisinopril and ramipril lower blood pressure.",
            {
                ("lisinopril", "inhibitor", "angiotensin-converting enzyme", False),
                ("ramipril", "inhibitor", "angiotensin-converting enzyme", False),
            },
        ),
        (
            "H1 antagonists (for example promethazine, cyclizine) ease motion sickness.",
            {
                ("promethazine", "antagonist", "H1 receptor", False),
                ("cyclizine", "antagonist", "H1 receptor", False),
            },
        ),
        # the list runs on past its examples: only the first is surely one of the class
        (
            "Sedatives such as benzodiazepines like diazepam, alcohol and barbiturates cause "
            "tolerance.",
            {("diazepam", "positive allosteric modulator", "GABA-A receptor", False)},
        ),
    ],
)
def test_members_listed_with_their_class(
    tmp_path: Path, sentence: str, expected: set[tuple[str, str, str, bool]]
) -> None:
    kg = load(tmp_path, {"Notes/N.md": sentence + "\n"}, cast=False)
    assert _stated(kg) == expected


def test_a_bare_list_of_drugs_under_a_role_heading_states_the_role(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": "## CYP3A4 inducers: a mnemonic\n- **R**ifampicin\n- Carbamazepine\n\n"
            "## 5-HT3 antagonists\n- ondansetron\n\n"
            "## Opioids, cannabinoids and GABA\n- diazepam, ketamine\n\n"
            "## Side effects\n- haloperidol\n"
        },
        cast=False,
    )
    assert [(c.line, c.text) for c in kg.claims if "—" in c.text] == [
        (2, "Rifampicin — CYP3A4 inducers"),
        (3, "Carbamazepine — CYP3A4 inducers"),
        (6, "ondansetron — 5-HT3 antagonists"),
    ]
    assert _stated(kg) == {
        ("rifampin", "inducer", "CYP3A4", False),
        ("carbamazepine", "inducer", "CYP3A4", False),
        ("ondansetron", "antagonist", "5-HT3 receptor", False),
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Clonidine stimulates α2A receptors in the brainstem.",
            {("clonidine", "agonist", "α2A-adrenergic receptor", False)},
        ),
        # stimulating a transmitter's release or an organ is no agonism at a receptor
        ("Amphetamine stimulates dopamine release.", set()),
    ],
)
def test_stimulating_a_receptor_is_agonism(
    tmp_path: Path, sentence: str, expected: set[tuple[str, str, str, bool]]
) -> None:
    kg = load(tmp_path, {"Notes/N.md": sentence + "\n"}, cast=False)
    assert _stated(kg) == expected


def test_a_bare_role_item_takes_its_target_from_higher_up(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": "## D2 receptor\n- Agonists\n    - bromocriptine\n"
            "- Antagonists\n    - haloperidol, chlorpromazine (older drugs)\n"
            "- Coupled to Gi/o\n"
        },
        cast=False,
    )
    assert _stated(kg) == {
        ("bromocriptine", "agonist", "D2 receptor", False),
        ("haloperidol", "antagonist", "D2 receptor", False),
        ("chlorpromazine", "antagonist", "D2 receptor", False),
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a restrictive clause after the class: the sentence speaks of the drug, not the class
        (
            "Mirtazapine is an antidepressant that antagonises presynaptic α2 receptors.",
            {("mirtazapine", "antagonist", "α2-adrenergic receptors", False)},
        ),
        # a qualifier narrows the class to some members: no class statement, nothing derived
        ("Class IA antiarrhythmics block sodium channels.", set()),
        ("First-generation H1 antihistamines also block α1 receptors.", set()),
        ("NSAIDs that prefer COX-1 cause more ulcers.", set()),
    ],
)
def test_a_narrowed_class_is_not_the_class(
    tmp_path: Path, sentence: str, expected: set[tuple[str, str, str, bool]]
) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": sentence + "\n",
            # members the derivation could reach if the class were taken whole
            "Notes/M.md": "Quinidine, loratadine and diclofenac are on the ward list.\n",
        },
        cast=False,
    )
    assert _stated(kg) == expected
