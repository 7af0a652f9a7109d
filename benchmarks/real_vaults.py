"""Measure vaultkg on real vaults: what it finds, how long it takes, and a sample to judge.

    python benchmarks/real_vaults.py VAULT_DIR [VAULT_DIR ...] [--json]
        [--sample N --seed S --out FILE] [--jobs J]

For each vault it times ``vaultkg.load()`` and prints notes, entities per type (split by
origin when the Entity model records one), claims by level, relations (explicit or from prose,
contested) and sources by type. ``--sample N`` pools the relation mentions and the claims of
all the vaults given and writes N of each, drawn with ``random.Random(seed)``, as JSONL to
``--out``, with empty ``verdict`` and ``why`` fields for a judge to fill in (see the judging
guide in benchmarks/README.md). The same vaults, code and seed give the same sample.
Nothing is ever written inside a vault.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import vaultkg

LEVELS = ("high", "moderate", "low", "very-low", "unsupported")


def origin_of(entity: Any) -> str:
    """Where an entity came from: "vocabulary" (a built-in term no note is) or "notes"."""
    return "notes" if entity.note is not None else "vocabulary"


def figures(kg: Any, seconds: float) -> dict[str, Any]:
    """The counts one run reports, as plain data."""
    entities: dict[str, Counter[str]] = {}
    for e in kg.entities.values():
        entities.setdefault(e.type, Counter())[origin_of(e)] += 1
    levels = Counter(c.level for c in kg.claims)
    mentions = [(c, m) for c in kg.claims for m in c.relations]
    diagnostics = [*kg.vault.diagnostics, *kg.diagnostics]
    return {
        "notes": len(kg.vault.notes),
        "load_seconds": round(seconds, 2),
        "entities": {t: dict(sorted(n.items())) for t, n in sorted(entities.items())},
        "claims": {
            "total": len(kg.claims),
            "supported": sum(1 for c in kg.claims if c.level != "unsupported"),
            "unsupported": levels.get("unsupported", 0),
            "by_level": {lvl: levels.get(lvl, 0) for lvl in LEVELS},
            "with_entities": sum(1 for c in kg.claims if c.entities),
        },
        "relations": {
            "total": len(kg.relations),
            "explicit": sum(1 for r in kg.relations if r.explicit),
            "prose": sum(1 for r in kg.relations if not r.explicit),
            "contested": sum(1 for r in kg.relations if r.contested),
            "mentions": len(mentions),
            "negated_mentions": sum(1 for _, m in mentions if m.negated),
        },
        "sources": dict(sorted(Counter(s.source_type for s in kg.sources.values()).items())),
        "diagnostics": dict(
            sorted(Counter(f"{d.severity} {d.code}" for d in diagnostics).most_common(8))
        ),
    }


def relation_records(vault: str, kg: Any) -> list[dict[str, Any]]:
    """One record per (claim, relation mention): the unit a judge checks against a sentence."""
    out = []
    for c in kg.claims:
        for m in c.relations:
            out.append(
                {
                    "vault": vault,
                    "note": c.note,
                    "line": c.line,
                    "claim": c.text,
                    "drug": kg.title(m.subject),
                    "action": m.action,
                    "target": kg.title(m.object),
                    "negated": m.negated,
                    "explicit": m.explicit,
                    "via_class": getattr(m, "via_class", None),
                    "verdict": "",
                    "why": "",
                }
            )
    return out


def claim_records(vault: str, kg: Any) -> list[dict[str, Any]]:
    out = []
    for c in kg.claims:
        cites = []
        for cit in c.citations:
            src = kg.sources.get(cit.source)
            cites.append(
                {
                    "source": cit.source,
                    "title": src.title if src else None,
                    "type": src.source_type if src else None,
                    "via": cit.via,
                    "scope": cit.scope,
                }
            )
        out.append(
            {
                "vault": vault,
                "note": c.note,
                "line": c.line,
                "kind": c.kind,
                "claim": c.text,
                "level": c.level,
                "certainty": c.certainty,
                "citations": cites,
                "verdict": "",
                "why": "",
            }
        )
    return out


def draw(records: list[dict[str, Any]], n: int, rng: random.Random) -> list[dict[str, Any]]:
    """``n`` records (all of them if fewer), independent of the order vaults were read in."""
    pool = sorted(records, key=lambda r: (r["vault"], r["note"], r["line"], r["claim"]))
    picked = pool if len(pool) <= n else rng.sample(pool, n)
    return sorted(picked, key=lambda r: (r["vault"], r["note"], r["line"]))


def print_report(name: str, f: dict[str, Any]) -> None:
    print(f"== {name}: {f['notes']} notes, loaded in {f['load_seconds']:.2f} s")
    ents = ", ".join(
        f"{t} {sum(n.values())}"
        + (f" ({n.get('vocabulary', 0)} built-in)" if "vocabulary" in n else "")
        for t, n in f["entities"].items()
    )
    print(f"entities: {ents or 'none'}")
    c = f["claims"]
    by_level = ", ".join(f"{lvl} {n}" for lvl, n in c["by_level"].items())
    print(f"claims: {c['total']} ({c['supported']} supported, {c['unsupported']} unsupported)")
    print(f"  by level: {by_level}; naming an entity: {c['with_entities']}")
    r = f["relations"]
    print(
        f"relations: {r['total']} ({r['explicit']} explicit, {r['prose']} prose, "
        f"{r['contested']} contested) from {r['mentions']} mentions "
        f"({r['negated_mentions']} negated)"
    )
    sources = ", ".join(f"{t} {n}" for t, n in f["sources"].items())
    print(f"sources: {sum(f['sources'].values())} ({sources or 'none'})")
    diags = ", ".join(f"{s} {n}" for s, n in f["diagnostics"].items())
    print(f"diagnostics: {diags or 'none'}")


def inside(path: Path, roots: list[Path]) -> bool:
    path = path.resolve()
    return any(path == r or r in path.parents for r in roots)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("vaults", nargs="+", type=Path, metavar="VAULT_DIR")
    ap.add_argument("--sample", type=int, default=0, metavar="N")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, help="JSONL file for the sample")
    ap.add_argument("--jobs", type=int, default=1, help="parse processes (default 1)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    roots = [v.resolve() for v in args.vaults]
    if args.sample and not args.out:
        ap.error("--sample needs --out FILE")
    if args.out and inside(args.out, roots):
        ap.error(f"refusing to write {args.out} inside a vault")

    all_figures: dict[str, Any] = {}
    relations: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    for path in args.vaults:
        name = path.resolve().name
        start = time.perf_counter()
        kg = vaultkg.load(str(path), jobs=args.jobs)
        f = figures(kg, time.perf_counter() - start)
        all_figures[name] = f
        if not args.json:
            print_report(name, f)
        if args.sample:
            relations.extend(relation_records(name, kg))
            claims.extend(claim_records(name, kg))
        del kg
    if args.json:
        json.dump(all_figures, sys.stdout, indent=1)
        print()

    if args.sample:
        rng = random.Random(args.seed)
        rel = draw(relations, args.sample, rng)
        cl = draw(claims, args.sample, rng)
        with args.out.open("w", encoding="utf-8") as fh:
            for kind, recs in (("relation", rel), ("claim", cl)):
                for rec in recs:
                    fh.write(json.dumps({"item": kind, **rec}, ensure_ascii=False) + "\n")
        print(
            f"sample: {len(rel)} of {len(relations)} relation mentions, "
            f"{len(cl)} of {len(claims)} claims (seed {args.seed}) -> {args.out}",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
