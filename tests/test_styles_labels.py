"""The styles vault's labels are consistent with the vault, and the evaluator scores them right.

Checks the label file itself (every labelled line exists and says what the label says, every
line a reader sees is labelled, every label has its keys, every name is known) and the
evaluator's arithmetic on predictions made from the labels. The extraction thresholds are not
tested here.
"""

from __future__ import annotations

import json
import re

import pytest
from styles_eval import LABELS, VAULT, Names, evaluate, fold, load_labels

from vaultkg.kg.actions import BY_NAME
from vaultkg.kg.evidence import LEVELS
from vaultkg.kg.graph import KnowledgeGraph
from vaultkg.kg.model import Claim, Entity, RelationMention

ACTIONS = set(BY_NAME) | {"inducer"}
LINE_KEYS = {"line", "text", "claim", "evidence", "relations", "distractor"}


@pytest.fixture(scope="module")
def labels() -> dict:
    return load_labels()


def _notes() -> list[str]:
    return sorted(
        p.relative_to(VAULT).as_posix()
        for p in VAULT.rglob("*.md")
        if ".obsidian" not in p.relative_to(VAULT).parts
    )


def visible_lines(lines: list[str]) -> list[int]:
    """1-based numbers of the lines a reader sees: not front matter, comments, code fences."""
    out = []
    in_front_matter = bool(lines) and lines[0].strip() == "---"
    in_code = False
    for number, line in enumerate(lines, 1):
        if in_front_matter:
            in_front_matter = number == 1 or line.strip() != "---"
            continue
        if line.lstrip().startswith("```"):
            in_code = not in_code
            continue
        if not in_code and re.search(r"\w", re.sub(r"<!--.*?-->|%%.*?%%", "", line)):
            out.append(number)
    return out


def _front_matter(lines: list[str]) -> list[str]:
    if not lines or lines[0].strip() != "---":
        return []
    end = lines.index("---", 1)
    return lines[1:end]


def test_top_level_sections(labels: dict) -> None:
    assert set(labels) == {"styles", "classes", "names", "notes"}
    assert set(labels["classes"]) <= set(labels["names"])


def test_every_note_is_labelled_and_every_labelled_note_exists(labels: dict) -> None:
    assert sorted(labels["notes"]) == _notes()


def test_every_visible_line_is_labelled_with_its_text(labels: dict) -> None:
    for note, spec in labels["notes"].items():
        lines = (VAULT / note).read_text("utf-8").split("\n")
        numbers = [item["line"] for item in spec["lines"]]
        assert numbers == visible_lines(lines), note
        for item in spec["lines"]:
            assert item["text"] == lines[item["line"] - 1].strip()[:60], (note, item["line"])


def test_every_label_has_the_required_keys(labels: dict) -> None:
    styles = set(labels["styles"])
    for note, spec in labels["notes"].items():
        assert spec["style"] in styles, note
        for item in spec["lines"]:
            where = f"{note}:{item['line']}"
            assert set(item) <= LINE_KEYS, where
            assert isinstance(item["line"], int) and isinstance(item["claim"], bool), where
            assert isinstance(item.get("distractor", False), bool), where
            if not item["claim"]:
                assert "evidence" not in item and "relations" not in item, where
                continue
            evidence = item["evidence"]
            assert set(evidence) == {"supported", "level"}, where
            assert evidence["level"] in LEVELS, where
            assert evidence["supported"] == (evidence["level"] != "unsupported"), where
            for rel in item.get("relations", []):
                assert set(rel) == {"drug", "action", "target", "negated"}, where
                assert rel["action"] in ACTIONS, where
                assert rel["drug"] in labels["names"], where
                assert rel["target"] in labels["names"], where
                assert isinstance(rel["negated"], bool), where


def test_names_are_strings_and_no_spelling_names_two_things(labels: dict) -> None:
    owner: dict[str, str] = {}
    for canonical, spellings in labels["names"].items():
        for spelling in [canonical, *(spellings or [])]:
            assert isinstance(spelling, str) and spelling.strip(), canonical
            key = fold(spelling)
            assert owner.setdefault(key, canonical) == canonical, (spelling, owner[key])


def test_the_set_is_big_enough(labels: dict) -> None:
    items = [item for spec in labels["notes"].values() for item in spec["lines"]]
    claims = [item for item in items if item["claim"]]
    relations = [r for item in claims for r in item.get("relations", []) if not r["negated"]]
    assert 40 <= len(labels["notes"]) <= 60
    assert len(relations) >= 80
    assert len(claims) >= 150
    assert sum(item["evidence"]["supported"] for item in claims) >= 60
    assert sum(item.get("distractor", False) for item in items) >= 30


def test_the_vault_declares_no_types() -> None:
    assert not (VAULT / "vaultkg.toml").exists()
    for note in _notes():
        front = _front_matter((VAULT / note).read_text("utf-8").split("\n"))
        assert not any(re.match(r"type\s*:", line) for line in front), note


def test_the_template_is_configured_and_pasted_into_six_notes() -> None:
    config = json.loads((VAULT / ".obsidian/templates.json").read_text("utf-8"))
    template = VAULT / config["folder"] / "Drug card.md"
    boilerplate = {"## Mechanism of action", "## Clinical pearls", "- add sources here"}
    assert boilerplate <= set(template.read_text("utf-8").split("\n"))
    users = [
        note
        for note in _notes()
        if not note.startswith(config["folder"] + "/")
        and boilerplate <= set((VAULT / note).read_text("utf-8").split("\n"))
    ]
    assert len(users) >= 6


# -- the evaluator ------------------------------------------------------------------------


def _graph_from_labels(labels: dict) -> KnowledgeGraph:
    """A graph that finds exactly what the labels say, entities titled by a spelling."""
    entities = {
        name: Entity(key=f"vocab:{name}", title=(spellings or [name])[0], type="drug")
        for name, spellings in labels["names"].items()
    }
    kg = KnowledgeGraph(vault=None)  # type: ignore[arg-type]
    kg.entities = {e.key: e for e in entities.values()}
    for note, spec in labels["notes"].items():
        for item in spec["lines"]:
            if not item["claim"]:
                continue
            mentions = [
                RelationMention(
                    entities[r["drug"]].key, r["action"], entities[r["target"]].key, r["negated"]
                )
                for r in item.get("relations", [])
            ]
            claim = Claim(f"{note}:{item['line']}", item["text"], note, item["line"])
            claim.level = item["evidence"]["level"]
            claim.relations = mentions
            kg.claims.append(claim)
    return kg


def test_predictions_equal_to_the_labels_score_perfectly(labels: dict) -> None:
    report = evaluate(_graph_from_labels(labels), labels)
    figures = report.overall
    assert report.errors == []
    assert (figures.relations.fp, figures.relations.fn) == (0, 0)
    assert figures.relations.tp == report.counts["gold_relations"]
    assert (figures.claims.fp, figures.claims.fn) == (0, 0)
    assert figures.claims.tp == report.counts["claim_lines"]
    assert figures.evidence.value == 1.0 and figures.distractors.value == 1.0
    assert figures.negations.right == figures.negations.total == report.counts["negated_relations"]


def test_errors_are_counted_where_they_happen(labels: dict) -> None:
    kg = _graph_from_labels(labels)
    by_where = {c.id: c for c in kg.claims}
    # a denied relation read as stated, on a distractor line
    cocaine = by_where["Topics/Indirect effects, negations and hedges.md:7"]
    cocaine.relations[0].negated = False
    # a class statement found only as derived member relations: accepted
    ssri = by_where["Topics/Reuptake inhibitors.md:24"]
    ssri.relations = [
        RelationMention(
            "vocab:Fluoxetine", "inhibitor", "vocab:Serotonin transporter", via_class="vocab:SSRIs"
        ),
        *ssri.relations[1:],
    ]
    # a claim on the template boilerplate, and one evidence level wrong
    kg.claims.append(Claim("x", "add sources here", "Cards/Naltrexone.md", 26))
    by_where["Cards/Buprenorphine.md:10"].level = "moderate"
    report = evaluate(kg, labels)
    figures = report.overall
    assert (figures.relations.fp, figures.relations.fn) == (1, 0)
    assert (figures.claims.fp, figures.claims.fn) == (1, 0)
    assert figures.evidence.total - figures.evidence.right == 1
    assert figures.supported.total == figures.supported.right
    assert figures.distractors.total - figures.distractors.right == 1
    assert figures.negations.total - figures.negations.right == 1
    by_style = report.by_style
    assert by_style["negation-hedge-indirect"].relations.fp == 1
    assert by_style["template"].claims.fp == 1
    assert len(report.errors) == 3


def test_the_evaluator_runs_on_the_current_code() -> None:
    report = evaluate()
    assert report.counts["notes"] == len(_notes())
    assert json.loads(json.dumps(report.as_dict()))["counts"] == report.counts


def test_names_fold_spelling_variants() -> None:
    names = Names.from_labels(load_labels(LABELS))
    assert names.canonical("µ-opioid receptors") == "Mu opioid receptor"
    assert names.canonical("5-HT₂A") == "5-HT2A receptor"
    assert names.canonical("GABA(A) receptor") == "GABA-A receptor"
    assert names.canonical("α₂-adrenergic receptor") == "Alpha-2 adrenergic receptor"
    assert names.canonical("vitamin D2") is None
