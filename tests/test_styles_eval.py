"""Issue 11's targets on the labelled vault written in real users' styles (docs/evaluation.md)."""

from __future__ import annotations

import pytest
from styles_eval import Report, evaluate


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate()


def test_relations_meet_the_targets(report: Report) -> None:
    relations = report.overall.relations
    assert relations.precision >= 0.85, report.errors
    assert relations.recall >= 0.70, report.errors


def test_claims_meet_the_targets(report: Report) -> None:
    claims = report.overall.claims
    assert claims.precision >= 0.85, report.errors
    assert claims.recall >= 0.80, report.errors


def test_evidence_meets_the_target(report: Report) -> None:
    assert report.overall.evidence.value >= 0.80, report.errors


def test_distractors_and_denials_are_not_read_as_facts(report: Report) -> None:
    assert report.overall.distractors.value >= 0.90, report.errors
    assert report.overall.negations.value == 1.0, report.errors
