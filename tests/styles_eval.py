"""Score vaultkg on the styles vault: notes written the way real users write them.

Compares what ``vaultkg.load`` finds in tests/data/styles_vault/ with the line labels in
tests/data/styles_vault_labels.yaml (their format is described at the top of that file and in
docs/evaluation.md) and reports, overall and per writing style:

- relations: precision and recall of drug -> action -> target at (note, line);
- claims: precision and recall of the lines that carry a claim;
- evidence: over gold claim lines vaultkg also found, how often the supported flag and the
  level are both right.

Run it directly: ``python tests/styles_eval.py [--json] [--errors]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

import vaultkg
from vaultkg.kg.evidence import rank
from vaultkg.kg.graph import KnowledgeGraph

DATA = Path(__file__).parent / "data"
VAULT = DATA / "styles_vault"
LABELS = DATA / "styles_vault_labels.yaml"

Where = tuple[str, int]  # (note, line)
Triple = tuple[str, str, str]  # (drug, action, target), canonical names

# the labels say "reuptake inhibitor" nowhere, but a reader might: it is the inhibitor action
_SAME_ACTION = {"reuptake inhibitor": "inhibitor"}
_GREEK = {
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "δ": "delta",
    "κ": "kappa",
    "μ": "mu",
    "σ": "sigma",
}


def fold(name: str) -> str:
    """The form names are compared in: ``µ-Opioid`` and ``mu opioid`` fold alike."""
    text = unicodedata.normalize("NFKC", name).casefold()  # NFKC: micro sign → μ, ₂ → 2
    text = "".join(_GREEK.get(ch, ch) for ch in text)
    return re.sub(r"[^0-9a-z]+", "", text)


@dataclass
class Names:
    """Canonical names of the labels, looked up by any spelling."""

    index: dict[str, str]
    classes: frozenset[str]

    @classmethod
    def from_labels(cls, labels: dict) -> Names:
        index: dict[str, str] = {}
        for canonical, spellings in labels["names"].items():
            for spelling in [canonical, *(spellings or [])]:
                index[fold(spelling)] = canonical
        return cls(index, frozenset(labels.get("classes") or []))

    def canonical(self, name: str) -> str | None:
        folded = fold(name)
        for key in (
            folded,
            folded.removesuffix("s"),
            folded.removesuffix("receptors"),
            folded.removesuffix("receptor"),
            folded + "receptor",
        ):
            if key and key in self.index:
                return self.index[key]
        return None


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0

    def as_dict(self) -> dict[str, float | int]:
        return {"accuracy": round(self.value, 3), "right": self.right, "total": self.total}


@dataclass
class Figures:
    relations: Score = field(default_factory=Score)
    claims: Score = field(default_factory=Score)
    evidence: Accuracy = field(default_factory=Accuracy)  # supported flag and level both right
    supported: Accuracy = field(default_factory=Accuracy)  # supported flag alone
    distractors: Accuracy = field(default_factory=Accuracy)  # distractor lines read correctly
    negations: Accuracy = field(default_factory=Accuracy)  # denied relations not read as stated

    def as_dict(self) -> dict[str, dict[str, float | int]]:
        return {
            "relations": self.relations.as_dict(),
            "claims": self.claims.as_dict(),
            "evidence": self.evidence.as_dict(),
            "supported": self.supported.as_dict(),
            "distractors": self.distractors.as_dict(),
            "negations": self.negations.as_dict(),
        }


@dataclass
class Report:
    overall: Figures = field(default_factory=Figures)
    by_style: dict[str, Figures] = field(default_factory=lambda: defaultdict(Figures))
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "counts": self.counts,
            "overall": self.overall.as_dict(),
            "by_style": {s: f.as_dict() for s, f in sorted(self.by_style.items())},
        }


@dataclass
class Predicted:
    """What vaultkg found on one line."""

    claim: bool = False
    level: str = "unsupported"  # the best level among the line's claims
    stated: set[Triple] = field(default_factory=set)
    derived: set[tuple[Triple, str]] = field(default_factory=set)  # (member triple, class)
    denied: set[Triple] = field(default_factory=set)


def load_labels(path: Path = LABELS) -> dict:
    return yaml.safe_load(path.read_text("utf-8"))


def _entity_names(kg: KnowledgeGraph, names: Names) -> dict[str, str]:
    """Each entity key -> its canonical label name, or ``?title`` when the labels lack it."""
    out = {}
    for key, entity in kg.entities.items():
        found = next((c for n in entity.names if (c := names.canonical(n))), None)
        out[key] = found or f"?{entity.title}"
    return out


def predictions(kg: KnowledgeGraph, names: Names) -> dict[Where, Predicted]:
    canonical = _entity_names(kg, names)

    def name(key: str) -> str:
        return canonical.get(key) or names.canonical(key) or f"?{key}"

    lines: dict[Where, Predicted] = defaultdict(Predicted)
    for claim in kg.claims:
        p = lines[(claim.note, claim.line)]
        if not p.claim or rank(claim.level) < rank(p.level):
            p.level = claim.level
        p.claim = True
        for m in claim.relations:
            triple = (name(m.subject), _SAME_ACTION.get(m.action, m.action), name(m.object))
            if m.negated:
                p.denied.add(triple)
            elif m.via_class:
                p.derived.add((triple, name(m.via_class)))
            else:
                p.stated.add(triple)
    return lines


def _score_line(
    where: Where, gold: dict, pred: Predicted, figures: list[Figures], errors: list[str]
) -> None:
    loc = f"{where[0]}:{where[1]}"
    text = gold.get("text", "")
    is_claim = bool(gold.get("claim"))
    gold_rel = {
        (r["drug"], _SAME_ACTION.get(r["action"], r["action"]), r["target"])
        for r in gold.get("relations") or []
        if not r.get("negated")
    }
    denied = {
        (r["drug"], r["action"], r["target"])
        for r in gold.get("relations") or []
        if r.get("negated")
    }
    derived = {t for t, _ in pred.derived}
    by_class = {(cls, a, tgt) for (_, a, tgt), cls in pred.derived}
    found = pred.stated | derived | by_class
    tp = {g for g in gold_rel if g in found}
    fp = pred.stated - gold_rel  # derived member relations never count against precision
    fn = gold_rel - tp
    for f in figures:
        f.relations.tp += len(tp)
        f.relations.fp += len(fp)
        f.relations.fn += len(fn)
        f.negations.total += len(denied)
        f.negations.right += len(denied - pred.stated)
    for rel in sorted(fp):
        kind = "FP (denied on this line)" if rel in denied else "FP"
        errors.append(f"{kind} relation {loc}: {rel}  | {text}")
    for rel in sorted(fn):
        errors.append(f"FN relation {loc}: {rel}  | {text}")

    for f in figures:
        if is_claim and pred.claim:
            f.claims.tp += 1
        elif pred.claim:
            f.claims.fp += 1
        elif is_claim:
            f.claims.fn += 1
    if pred.claim and not is_claim:
        errors.append(f"FP claim {loc}: {text}")
    elif is_claim and not pred.claim:
        errors.append(f"FN claim {loc}: {text}")

    if is_claim and pred.claim:
        want = gold["evidence"]
        flag_right = want["supported"] == (pred.level != "unsupported")
        level_right = flag_right and want["level"] == pred.level
        for f in figures:
            f.supported.total += 1
            f.supported.right += flag_right
            f.evidence.total += 1
            f.evidence.right += level_right
        if not level_right:
            errors.append(f"evidence {loc}: want {want['level']}, got {pred.level}  | {text}")

    if gold.get("distractor"):
        fooled = bool(fp) or (pred.claim and not is_claim)
        for f in figures:
            f.distractors.total += 1
            f.distractors.right += not fooled


def evaluate(kg: KnowledgeGraph | None = None, labels: dict | None = None) -> Report:
    kg = kg or vaultkg.load(str(VAULT), jobs=1)
    labels = labels or load_labels()
    names = Names.from_labels(labels)
    predicted = predictions(kg, names)
    report = Report()
    gold_lines: set[Where] = set()
    for note, spec in labels["notes"].items():
        style_figures = report.by_style[spec["style"]]
        for item in spec["lines"]:
            where = (note, item["line"])
            gold_lines.add(where)
            pred = predicted.get(where, Predicted())
            _score_line(where, item, pred, [report.overall, style_figures], report.errors)
    # whatever vaultkg found on a line nobody labelled is wrong
    style_of = {note: spec["style"] for note, spec in labels["notes"].items()}
    for where in sorted(set(predicted) - gold_lines):
        figures = [report.overall, report.by_style[style_of.get(where[0], "(unlabelled note)")]]
        _score_line(where, {"text": "(unlabelled line)"}, predicted[where], figures, report.errors)

    items = [item for spec in labels["notes"].values() for item in spec["lines"]]
    report.counts = {
        "notes": len(labels["notes"]),
        "labelled_lines": len(items),
        "claim_lines": sum(bool(i.get("claim")) for i in items),
        "evidence_supported": sum(
            bool(i.get("claim") and i["evidence"]["supported"]) for i in items
        ),
        "gold_relations": sum(
            not r.get("negated") for i in items for r in i.get("relations") or []
        ),
        "negated_relations": sum(
            bool(r.get("negated")) for i in items for r in i.get("relations") or []
        ),
        "distractor_lines": sum(bool(i.get("distractor")) for i in items),
        "predicted_claims": len(kg.claims),
        "predicted_entities": len(kg.entities),
    }
    return report


def _row(label: str, f: Figures) -> str:
    r, c = f.relations, f.claims
    return (
        f"{label:<24} {r.precision:5.2f} {r.recall:5.2f} {r.tp:4d} {r.fp:4d} {r.fn:4d}   "
        f"{c.precision:5.2f} {c.recall:5.2f}   {f.evidence.value:5.2f} {f.evidence.total:4d}   "
        f"{f.distractors.value:5.2f} {f.distractors.total:3d}   "
        f"{f.negations.value:5.2f} {f.negations.total:3d}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list every wrong line first")
    args = parser.parse_args(argv)
    report = evaluate()
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
        return 0
    if args.errors:
        print("\n".join(report.errors))
        print()
    print(", ".join(f"{k} {v}" for k, v in report.counts.items()))
    print(
        f"{'style':<24} {'rel P':>5} {'rel R':>5} {'tp':>4} {'fp':>4} {'fn':>4}   "
        f"{'cl P':>5} {'cl R':>5}   {'evid':>5} {'n':>4}   {'distr':>5} {'n':>3}   "
        f"{'neg':>5} {'n':>3}"
    )
    for style, figures in sorted(report.by_style.items()):
        print(_row(style, figures))
    print(_row("ALL", report.overall))
    return 0


if __name__ == "__main__":
    sys.exit(main())
