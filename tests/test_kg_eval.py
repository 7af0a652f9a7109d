"""Extraction quality on the labelled vault (issue 3's targets), and the example vault's facts."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from labelled_eval import Score, evaluate

ROOT = Path(__file__).resolve().parent.parent
Evaluation = tuple[Score, Score, dict[str, int]]


@pytest.fixture(scope="module")
def labelled() -> Evaluation:
    """The labelled vault read and scored once for the tests of this file."""
    return evaluate()


def test_relation_extraction_meets_targets(labelled: Evaluation) -> None:
    relations, _, counts = labelled
    assert counts["claims_missed"] == 0, relations.errors
    assert relations.precision >= 0.9, relations.errors
    assert relations.recall >= 0.8, relations.errors


def test_unsupported_flag_meets_targets(labelled: Evaluation) -> None:
    _, unsupported, _ = labelled
    assert unsupported.precision >= 0.9, unsupported.errors
    assert unsupported.recall >= 0.9, unsupported.errors


def test_example_vault_explicit_relations_match_the_fact_table(example_kg) -> None:  # type: ignore[no-untyped-def]
    kg = example_kg
    with open(ROOT / "tests/data/example_vault_relations.csv", encoding="utf-8") as fh:
        expected = {
            (r["drug"], r["action"].replace("reuptake inhibitor", "inhibitor"), r["target"])
            for r in csv.DictReader(fh)
        }
    explicit = {
        (kg.title(m.subject), m.action, kg.title(m.object))
        for c in kg.claims
        for m in c.relations
        if m.explicit
    }
    assert explicit == expected


def test_example_vault_shows_its_deliberate_oddities(example_kg) -> None:  # type: ignore[no-untyped-def]
    kg = example_kg
    summary = "Notes/Neuroreceptor resensitization article summary.md"
    assert kg.query_claims(note=summary)
    assert all(not c.supported for c in kg.query_claims(note=summary))
    contested = {
        (kg.title(r.subject), r.action, kg.title(r.object)) for r in kg.relations if r.contested
    }
    assert contested == {
        ("Caffeine", "agonist", "Adenosine A2A receptor"),
        ("Caffeine", "antagonist", "Adenosine A2A receptor"),
    }
    retracted = [s for s in kg.sources.values() if s.retracted]
    assert [s.key for s in retracted] == ["Sources/Example retracted study (fictional).md"]
    assert any("retracted" in c.flags for c in kg.claims)
