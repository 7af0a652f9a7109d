"""A statement about a drug class yields relations for the class's members in the graph, marked
as derived from it; derived relations never make a relation contested, and a contradiction needs
two claims."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from kgutil import load
from typer.testing import CliRunner

from vaultkg.cli import app
from vaultkg.export.json_export import to_json
from vaultkg.export.rdf.build import dataset
from vaultkg.export.rdf.vocab import VKG
from vaultkg.kg.graph import KnowledgeGraph
from vaultkg.kg.model import Relation

SCHEMA = Path(__file__).parents[1] / "src/vaultkg/data/graph.schema.json"

CAST = {
    "Drugs/Fluoxetine.md": "---\ntype: drug\n---\n",
    "Drugs/Citalopram.md": "---\ntype: drug\n---\n",
    "Drugs/Haloperidol.md": "---\ntype: drug\n---\n",
    "Drugs/Aripiprazole.md": "---\ntype: drug\n---\n",
    "Targets/Serotonin transporter.md": "---\ntype: transporter\naliases: [SERT]\n---\n",
    "Targets/Dopamine D2 receptor.md": "---\ntype: receptor\naliases: [D2]\n---\n",
}
SERT = "Targets/Serotonin transporter.md"
D2 = "Targets/Dopamine D2 receptor.md"
SSRI = "vocab:class/ssri"


def _graph(tmp_path: Path, body: str, extra: dict[str, str] | None = None) -> KnowledgeGraph:
    notes = {**CAST, **(extra or {}), "Notes/Reading.md": body}
    return load(tmp_path, notes, cast=False)


def _relation(kg: KnowledgeGraph, subject: str, action: str, obj: str) -> Relation:
    found = [r for r in kg.relations if (r.subject, r.action, r.object) == (subject, action, obj)]
    assert len(found) == 1, [(r.subject, r.action, r.object) for r in kg.relations]
    return found[0]


def test_class_statement_yields_member_relations(tmp_path: Path) -> None:
    kg = _graph(tmp_path, "# Reading\n\nSSRIs block the serotonin transporter (SERT).\n")
    claim = next(c for c in kg.claims if c.text.startswith("SSRIs"))
    assert [(m.subject, m.action, m.object, m.via_class) for m in claim.relations] == [
        (SSRI, "inhibitor", SERT, None),
        ("Drugs/Citalopram.md", "inhibitor", SERT, SSRI),
        ("Drugs/Fluoxetine.md", "inhibitor", SERT, SSRI),
    ]
    fluoxetine = _relation(kg, "Drugs/Fluoxetine.md", "inhibitor", SERT)
    assert fluoxetine.via_class == [SSRI]
    assert fluoxetine.derived
    assert fluoxetine.claims == [claim.id]
    assert not _relation(kg, SSRI, "inhibitor", SERT).derived


def test_members_the_vault_never_names_get_nothing(tmp_path: Path) -> None:
    kg = _graph(tmp_path, "SSRIs inhibit SERT.\n")
    # sertraline and paroxetine are SSRIs in the vocabulary, but no note names them
    assert "vocab:drug/sertraline" not in kg.entities
    assert {r.subject for r in kg.relations} == {
        SSRI,
        "Drugs/Citalopram.md",
        "Drugs/Fluoxetine.md",
    }


def test_a_member_named_only_in_prose_is_a_member(tmp_path: Path) -> None:
    kg = _graph(tmp_path, "SSRIs inhibit SERT.\n\nSertraline is often started at a low dose.\n")
    assert _relation(kg, "vocab:drug/sertraline", "inhibitor", SERT).via_class == [SSRI]


def test_stated_and_derived_is_stated(tmp_path: Path) -> None:
    kg = _graph(tmp_path, "SSRIs inhibit SERT.\n\nFluoxetine is a potent SERT inhibitor.\n")
    r = _relation(kg, "Drugs/Fluoxetine.md", "inhibitor", SERT)
    assert r.via_class == []
    assert not r.derived
    assert len(r.claims) == 2


def test_members_listed_in_the_sentence_are_not_derived_again(tmp_path: Path) -> None:
    kg = _graph(tmp_path, "SSRIs such as fluoxetine inhibit SERT.\n")
    claim = kg.claims[0]
    fluoxetine = [m for m in claim.relations if m.subject == "Drugs/Fluoxetine.md"]
    assert [(m.action, m.via_class) for m in fluoxetine] == [("inhibitor", None)]


def test_negated_class_statement_yields_nothing(tmp_path: Path) -> None:
    kg = _graph(tmp_path, "SSRIs do not block D2 receptors.\n")
    assert [(m.subject, m.negated) for c in kg.claims for m in c.relations] == [(SSRI, True)]
    assert kg.relations == []


def test_derived_relation_never_contests(tmp_path: Path) -> None:
    # the class statement would give citalopram antagonist D2 opposite to what is stated of it
    kg = _graph(
        tmp_path,
        "SSRIs block D2 receptors in this made-up example.\n\n"
        "Citalopram is a D2 agonist in the same made-up example.\n",
    )
    agonist = _relation(kg, "Drugs/Citalopram.md", "agonist", D2)
    derived = _relation(kg, "Drugs/Citalopram.md", "antagonist", D2)
    assert derived.derived
    assert not agonist.contested
    assert not derived.contested
    assert all("contested" not in c.flags for c in kg.claims)


def test_opposite_actions_in_two_claims_are_contested(tmp_path: Path) -> None:
    kg = _graph(tmp_path, "Haloperidol blocks D2 receptors.\n\nHaloperidol is a D2 agonist.\n")
    assert _relation(kg, "Drugs/Haloperidol.md", "antagonist", D2).contested
    assert _relation(kg, "Drugs/Haloperidol.md", "agonist", D2).contested
    assert all("contested" in c.flags for c in kg.claims)


def test_opposite_actions_in_one_claim_are_not_contested(tmp_path: Path) -> None:
    kg = _graph(
        tmp_path,
        "Aripiprazole acts as a D2 agonist when dopamine is scarce, but it blocks D2"
        " receptors when dopamine is plentiful.\n",
    )
    claim = kg.claims[0]
    assert {(m.action, m.object) for m in claim.relations} == {("agonist", D2), ("antagonist", D2)}
    assert not any(r.contested for r in kg.relations)
    assert "contested" not in claim.flags


def test_json_export_carries_derived_and_validates(tmp_path: Path) -> None:
    kg = _graph(tmp_path, "SSRIs inhibit SERT.\n\nFluoxetine is a SERT inhibitor.\n")
    doc = json.loads(json.dumps(to_json(kg)))
    jsonschema.validate(doc, json.loads(SCHEMA.read_text("utf-8")))
    rows = {(r["subject"], r["derived"], tuple(r["via_class"])) for r in doc["relations"]}
    assert rows == {
        ("Citalopram", True, ("selective serotonin reuptake inhibitors",)),
        ("Fluoxetine", False, ()),
        ("selective serotonin reuptake inhibitors", False, ()),
    }
    claim = next(c for c in doc["claims"] if c["text"].startswith("SSRIs"))
    assert [(m["subject"], m["via_class"]) for m in claim["relations"]] == [
        ("selective serotonin reuptake inhibitors", None),
        ("Citalopram", "selective serotonin reuptake inhibitors"),
        ("Fluoxetine", "selective serotonin reuptake inhibitors"),
    ]


def test_rdf_marks_derived_statements_with_their_class(tmp_path: Path) -> None:
    kg = _graph(tmp_path, "SSRIs inhibit SERT.\n")
    triples = [q.triple for q in dataset(kg).quads]
    via = [(t.subject, t.object) for t in triples if t.predicate == VKG.viaClass]
    assert len(via) == 2
    assert {o.value.rsplit("/", 1)[-1] for _, o in via} == {"ssri"}


def test_query_shows_the_class_a_relation_comes_from(tmp_path: Path) -> None:
    _graph(tmp_path, "SSRIs inhibit SERT.\n")
    result = CliRunner().invoke(app, ["query", "drugs", str(tmp_path), "--target", "SERT"])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if x.startswith("Fluoxetine"))
    assert "Notes/Reading.md:1 (via selective serotonin reuptake inhibitors)" in line


def test_a_statement_about_some_members_yields_nothing_for_each(tmp_path: Path) -> None:
    kg = _graph(
        tmp_path,
        "Most SSRIs inhibit SERT more than NET.\n\nSome of the older SSRIs inhibit SERT.\n",
    )
    assert {r.subject for r in kg.relations} == {SSRI}
    assert not any(m.via_class for c in kg.claims for m in c.relations)
