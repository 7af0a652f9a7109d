"""Precision and recall of relation extraction and of the unsupported-claim flag.

Scores vaultkg against tests/data/labelled_vault_labels.yaml. Used by test_kg_eval.py; run it
directly to print the figures: ``python tests/labelled_eval.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

import vaultkg
from vaultkg.kg.graph import KnowledgeGraph
from vaultkg.kg.model import Claim

DATA = Path(__file__).parent / "data"
VAULT = DATA / "labelled_vault"
LABELS = DATA / "labelled_vault_labels.yaml"

# the labels name "reuptake inhibitor" where the graph stores "inhibitor" on a transporter
_SAME_ACTION = {"reuptake inhibitor": "inhibitor"}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _plain(text: str) -> str:
    text = re.sub(r"\[\[([^\]|]*\|)?([^\]]*)\]\]", r"\2", text)
    text = re.sub(r"[*_`]", "", text)
    return " ".join(text.split()).casefold()


def find_claim(kg: KnowledgeGraph, note: str, contains: str) -> Claim | None:
    wanted = _plain(contains)
    for c in kg.claims:
        if c.note == note and wanted in _plain(c.text):
            return c
    return None


def evaluate(kg: KnowledgeGraph | None = None) -> tuple[Score, Score, dict[str, int]]:
    kg = kg or vaultkg.load(VAULT, jobs=1)
    labels = yaml.safe_load(LABELS.read_text("utf-8"))["sentences"]
    by_title = {e.title: e.key for e in kg.entities.values()}
    relations = Score()
    unsupported = Score()
    matched: set[str] = set()
    counts = {"labelled": len(labels), "claims_found": 0, "claims_missed": 0}
    for item in labels:
        claim = find_claim(kg, item["note"], item["contains"])
        if claim is not None:
            matched.add(claim.id)
        gold = {
            (by_title[r["drug"]], _SAME_ACTION.get(r["action"], r["action"]), by_title[r["target"]])
            for r in item["relations"]
            if not r.get("negated")
        }
        found, derived = set(), set()
        if claim is not None:
            for m in claim.relations:
                if not m.negated:
                    (derived if m.via_class else found).add((m.subject, m.action, m.object))
        # a member relation derived from a class statement counts for recall, never against
        # precision (docs/evaluation.md)
        relations.tp += len((found | derived) & gold)
        for rel in found - gold:
            relations.fp += 1
            relations.errors.append(f"FP {item['note']}: {item['contains']!r} -> {rel}")
        for rel in gold - found - derived:
            relations.fn += 1
            relations.errors.append(f"FN {item['note']}: {item['contains']!r} -> {rel}")
        if item["claim"]:
            if claim is None:
                counts["claims_missed"] += 1
                unsupported.errors.append(f"no claim for {item['note']}: {item['contains']!r}")
            else:
                counts["claims_found"] += 1
            predicted = claim is not None and not claim.supported
            if predicted and not item["supported"]:
                unsupported.tp += 1
            elif predicted:
                unsupported.fp += 1
                unsupported.errors.append(f"FP unsupported {item['note']}: {item['contains']!r}")
            elif not item["supported"]:
                unsupported.fn += 1
                unsupported.errors.append(f"FN unsupported {item['note']}: {item['contains']!r}")
    # relations found in study-note sentences nobody labelled are false positives too
    for c in kg.claims:
        if c.note.startswith("Notes/") and c.id not in matched:
            for m in c.relations:
                if not m.negated and not m.via_class:
                    relations.fp += 1
                    relations.errors.append(f"FP unlabelled {c.where}: {c.text!r}")
    return relations, unsupported, counts


def main() -> None:
    relations, unsupported, counts = evaluate()
    for err in relations.errors + unsupported.errors:
        print(err)
    print(
        f"labelled sentences: {counts['labelled']}, claims found {counts['claims_found']}, "
        f"missed {counts['claims_missed']}"
    )
    print(
        f"relations:   precision {relations.precision:.3f}  recall {relations.recall:.3f}  "
        f"(tp {relations.tp}, fp {relations.fp}, fn {relations.fn})"
    )
    print(
        f"unsupported: precision {unsupported.precision:.3f}  recall {unsupported.recall:.3f}  "
        f"(tp {unsupported.tp}, fp {unsupported.fp}, fn {unsupported.fn})"
    )


if __name__ == "__main__":
    main()
