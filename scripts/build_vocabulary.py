"""Build ``src/vaultkg/data/vocabulary.json.gz``: what vaultkg knows with no configuration.

Run: ``pip install -e '.[vocab]' && python scripts/build_vocabulary.py`` (writes the file and
prints counts). The output is deterministic: terms sorted by id, keys sorted, gzip mtime 0.

Sources and licences
--------------------
* ``drug-named-entity-recognition`` 2.0.9 (PyPI; MIT, Fast Data Science Ltd): its data file
  ``drug_ner_dictionary.pkl.bz2`` gives drug names, brand names and synonyms with DrugBank
  identifiers. The package compiles them from DrugBank's open vocabulary (CC0), MeSH (US
  National Library of Medicine, public domain), MedlinePlus, the NHS medicines API and
  Wikipedia. Only names and identifiers are taken; nothing of the package runs at run time.
* ``wordfreq`` 3.1.1 (PyPI; code Apache-2.0, word lists CC BY-SA 4.0): used here only to measure
  how common a name is in ordinary English; none of its data is shipped.
* ``scripts/vocabulary/`` (this project, MIT): curated targets, drug classes and their
  mechanisms, recreational drugs missing from the drug data, neurotransmitters and mechanisms,
  in our own words. HGNC gene symbols are written there as names; they are the names themselves.

The ambiguity rule
------------------
A name other than a term's label is ambiguous (see ``ambiguous``) when it has 3 or fewer
letters and digits (``D2``, ``NET``, ``MOR``), when it is common in ordinary English by
wordfreq (``speed``, ``ice``, ``molly``, ``focus``), or when it is far commoner than the
term's label (``hana`` for desogestrel). An ambiguous target, class, transmitter or
mechanism name goes to ``context_names`` (matched only with a cue nearby); an ambiguous drug
name is dropped, because the cues that pick out ``D2`` (receptor, antagonist, inhibitor) do
not tell ``acid`` the drug from arachidonic acid. A name two terms share goes to both terms'
``context_names``. ``EXCEPTIONS`` lists the few names the rule would hold back that mean only
the substance in any text (``LSD``, ``THC``, ``alcohol``). A drug from the drug data whose own
generic name is an everyday word (``water``, ``gold``, ``iron``; Zipf >= ``EVERYDAY_ZIPF``) is
left out.
"""

from __future__ import annotations

import bz2
import gzip
import importlib.util
import json
import pickle
import re
import sys
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

from wordfreq import zipf_frequency

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "vocabulary"))
sys.path.insert(0, str(HERE.parent / "src"))

import curated  # noqa: E402
import targets  # noqa: E402
from spelling import number_variants, plural_forms  # noqa: E402

from vaultkg.kg.actions import BY_NAME  # noqa: E402
from vaultkg.kg.vocabulary import TERM_TYPES, fold_name  # noqa: E402

OUT = HERE.parent / "src" / "vaultkg" / "data" / "vocabulary.json.gz"
PREFIXES = OUT.with_name("prefixes.json")
VERSION = "2026.11.1"
COMMON_ZIPF = 3.3  # "xanax" is 3.2, "viagra" 3.2; "ecstasy" 3.5, "molly" 3.9, "speed" 5.0
PHRASE_ZIPF = 4.5  # "plan B" 5.0, "special K" 4.8; "laughing gas" 4.5, "COX-2" 3.9
GAP_MIN_ZIPF = 2.0  # below this a word is rare enough whatever its label
GAP_ZIPF = 1.2  # "hana" 3.2 vs "desogestrel" 0.0; "xanax" 3.2 vs "alprazolam" 2.1 stays
EVERYDAY_ZIPF = 3.9  # "amber" 4.0, "iron" 4.7, "water" 5.5; "glucose" 3.8 stays
MAX_NAME_CHARS = 40
MAX_NAME_WORDS = 4
# Names the rule would hold back that mean only the substance or target in any text.
EXCEPTIONS = frozenset(
    fold_name(n)
    for n in (
        "LSD",
        "THC",
        "CBD",
        "GHB",
        "DMT",
        "2C-B",
        "alcohol",
        "marijuana",
        "5-HT",
        "5HT",
        "ATP",
    )
)
# Characters that mark an index entry rather than a name ("hydrochloride, sertraline").
_NOT_A_NAME = re.compile(r"[,;:=&{}\[\]<>#|?!@\"]|''|\.\w|\bnos\b")
KEYS = (
    "id",
    "label",
    "type",
    "names",
    "context_names",
    "identifiers",
    "parents",
    "actions",
    "carries",
)


# -- the drug data ---------------------------------------------------------------------------


def load_drug_ner() -> dict[str, dict]:
    spec = importlib.util.find_spec("drug_named_entity_recognition")
    if spec is None or spec.origin is None:
        sys.exit("install the build tools first: pip install -e '.[vocab]'")
    path = Path(spec.origin).parent / "drug_ner_dictionary.pkl.bz2"
    with bz2.open(path, "rb") as f:
        return pickle.load(f)


def usable(name: str) -> bool:
    return (
        (name[:1].isalnum() or name[:1] == "(")
        and len(name) <= MAX_NAME_CHARS
        and len(name.split()) <= MAX_NAME_WORDS
        and any(c.isalpha() for c in name)
        and not _NOT_A_NAME.search(name)
    )


def single_substance(canonical: str) -> bool:
    return not re.search(r",|/| and | with |\+", canonical)


def patient_facing(data: dict) -> bool:
    """A drug with a MedlinePlus, NHS or Wikipedia page: one a study note may well name. So is
    a substance such a page names as part of a combination. The rest of the drug data
    (research compounds, reagents, dyes, metabolites such as creatinine) is kept only where a
    curated class names a member from it."""
    return any(k in data for k in ("medline_plus_id", "nhs_url", "wikipedia_url"))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold_name(text)).strip("-")


def drug_terms(ner: dict) -> dict[str, dict]:
    v2c: dict[str, list[str]] = ner["drug_variant_to_canonical"]
    c2d: dict[str, dict] = ner["drug_canonical_to_data"]
    names_of: dict[str, list[str]] = defaultdict(list)
    for variant, canonicals in v2c.items():
        if len(canonicals) == 1:  # a variant naming two drugs names neither
            names_of[canonicals[0]].append(variant)
    # a substance sold only in a combination ("carbidopa and levodopa") is patient-facing too
    in_products = {
        part
        for canonical, data in c2d.items()
        if patient_facing(data) and not single_substance(canonical)
        for part in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*/\s*|\s+with\s+", canonical)
    }
    out: dict[str, dict] = {}
    for canonical, data in c2d.items():
        if not (single_substance(canonical) and usable(canonical)):
            continue
        if not (patient_facing(data) or "drugbank_id" in data):
            continue
        if short(canonical) or zipf_frequency(canonical, "en") >= EVERYDAY_ZIPF:
            continue
        # Its "mesh_id" is often the drug's pharmacological-action heading (sertraline's is
        # D017367, the SSRIs), not the substance's own, so only DrugBank ids are taken.
        ids = [f"drugbank:{data['drugbank_id']}"] if "drugbank_id" in data else []
        names = [n for n in [*names_of[canonical], *data.get("synonyms", ())] if usable(n)]
        term_id = f"drug/{slug(canonical)}"
        out[term_id] = {
            "id": term_id,
            "label": canonical,
            "type": "drug",
            "names": names,
            "identifiers": ids,
            "keep": patient_facing(data) or canonical in in_products,
        }
    return out


# -- merging the curated terms -----------------------------------------------------------------


def absorb(into: dict, pool: dict[str, dict]) -> None:
    """Fold every pool drug whose label is one of ``into``'s names (or its plural: the drug
    data's "vasopressins") into ``into``."""
    own = {fold_name(n) + s for n in [into["label"], *into.get("names", ())] for s in ("", "s")}
    for term_id in [i for i, t in pool.items() if fold_name(t["label"]) in own]:
        other = pool.pop(term_id)
        into["names"] = [*into.get("names", ()), other["label"], *other["names"]]
        into["identifiers"] = [*into.get("identifiers", ()), *other["identifiers"]]


def curated_terms(drugs: dict[str, dict]) -> list[dict]:
    out: list[dict] = []
    for slug_, label, names, actions in curated.DRUGS:
        term = {
            "id": f"drug/{slug_}",
            "label": label,
            "type": "drug",
            "names": names,
            "actions": actions,
            "keep": True,
        }
        absorb(term, drugs)
        drugs[term["id"]] = term
    for slug_, label, names in curated.NEUROTRANSMITTERS:
        parents = [f"nt/{p}" for p in curated.NT_PARENTS.get(slug_, ())]
        term = {
            "id": f"nt/{slug_}",
            "label": label,
            "type": "neurotransmitter",
            "names": names,
            "parents": parents,
        }
        absorb(term, drugs)
        out.append(term)
    for slug_, label, names in curated.MECHANISMS:
        out.append({"id": f"mech/{slug_}", "label": label, "type": "mechanism", "names": names})
    by_name = {fold_name(n): t["id"] for t in drugs.values() for n in [t["label"], *t["names"]]}
    by_label = {fold_name(t["label"]): t["id"] for t in drugs.values()}
    members: dict[str, list[str]] = defaultdict(list)
    missing: list[str] = []
    for slug_, label, names, actions, member_names, parent in curated.CLASSES:
        class_id = f"class/{slug_}"
        all_names = [n for name in names for n in plural_forms(name)]
        out.append(
            {
                "id": class_id,
                "label": label,
                "type": "drug-class",
                "names": all_names,
                "actions": actions,
                "parents": [f"class/{parent}"] if parent else [],
            }
        )
        for member in member_names:
            drug_id = by_label.get(fold_name(member)) or by_name.get(fold_name(member))
            if drug_id is None:
                missing.append(f"class {slug_}: no drug named {member!r}")
            else:
                members[drug_id].append(class_id)
                drugs[drug_id]["keep"] = True
    if missing:
        sys.exit("\n".join(missing))
    for drug_id, class_ids in members.items():
        drugs[drug_id]["parents"] = [*drugs[drug_id].get("parents", ()), *class_ids]
    return out


# -- the ambiguity rule ------------------------------------------------------------------------


def short(name: str) -> bool:
    return fold_name(name) not in EXCEPTIONS and sum(c.isalnum() for c in name) <= 3


def ambiguous(name: str, label: str = "") -> bool:
    """Whether ``name``, a name of the term labelled ``label``, needs a cue to match."""
    if fold_name(name) in EXCEPTIONS:
        return False
    if short(name):
        return True
    zipf = zipf_frequency(name, "en")
    if not name.isalpha():
        # a phrase or a code ("plan B", "special K", "COX-2"): wordfreq rates it by its rarest
        # part, so only phrases made wholly of very common words reach this
        return zipf >= PHRASE_ZIPF
    if zipf >= COMMON_ZIPF:  # one plain word: "focus", "speed", "molly"
        return True
    if len(name) == 4 and name.islower() and zipf >= GAP_MIN_ZIPF:
        return True  # a four-letter word English knows: "aman", "sone", "tums"
    # a word far commoner than the thing it would name is common for another reason: a given
    # name ("Hana" for desogestrel), a Latin word ("modus"), "generics"
    singular_plural = fold_name(label).rstrip("s") == fold_name(name).rstrip("s")
    return (
        zipf >= GAP_MIN_ZIPF
        and not singular_plural
        and zipf - zipf_frequency(label, "en") >= GAP_ZIPF
    )


def settle_names(terms: list[dict]) -> None:
    """Dedupe names by fold, drop the label from them, move ambiguous ones to context (a
    drug's are dropped) and names two terms share to context."""
    owners: dict[str, set[str]] = defaultdict(set)
    labels = {fold_name(t["label"]): t["id"] for t in terms}
    for term in terms:
        for name in [term["label"], *term.get("names", ())]:
            owners[fold_name(name)].add(term["id"])
    for term in terms:
        label = fold_name(term["label"])
        # "morphine sulfate", "diazepam intensol": where the label is matched these add nothing
        redundant = label + " " if term["type"] == "drug" else None
        names: dict[str, str] = {}
        context: dict[str, str] = {}
        for name in [*term.get("names", ()), *term.get("context_names", ())]:
            key = fold_name(name)
            if key == label or key in names or key in context:
                continue
            if redundant and key.startswith(redundant):
                continue
            shared = len(owners[key]) > 1 or labels.get(key, term["id"]) != term["id"]
            if shared:
                context[key] = name
            elif not ambiguous(name, term["label"]):
                names[key] = name
            elif term["type"] != "drug":
                context[key] = name
            # else: an ambiguous drug name is dropped (see the module docstring)
        term["names"] = sorted(names.values(), key=fold_name)
        term["context_names"] = sorted(context.values(), key=fold_name)


# -- checks and output -------------------------------------------------------------------------


def check(terms: list[dict]) -> None:
    ids = {t["id"] for t in terms}
    patterns = {
        p["prefix"]: re.compile(p["pattern"])
        for p in json.loads(PREFIXES.read_text())
        if "pattern" in p
    }
    problems: list[str] = []
    labels: dict[str, str] = {}
    for t in terms:
        if t["type"] not in TERM_TYPES:
            problems.append(f"{t['id']}: type {t['type']!r}")
        if short(t["label"]):  # a label is the term's own name; only its length is checked
            problems.append(f"{t['id']}: short label {t['label']!r}")
        if (other := labels.setdefault(fold_name(t["label"]), t["id"])) != t["id"]:
            problems.append(f"{t['id']}: label {t['label']!r} is also {other}'s")
        for action, target in t.get("actions", ()):
            if action not in BY_NAME:
                problems.append(f"{t['id']}: unknown action {action!r}")
            if target not in ids:
                problems.append(f"{t['id']}: unknown target {target!r}")
        for curie in t.get("identifiers", ()):
            prefix, _, local = curie.partition(":")
            if prefix not in patterns or not patterns[prefix].match(local):
                problems.append(f"{t['id']}: identifier {curie!r} fails its prefix's pattern")
        for ref in [*t.get("parents", ()), *t.get("carries", ())]:
            if ref not in ids:
                problems.append(f"{t['id']}: unknown reference {ref!r}")
    if problems:
        sys.exit("\n".join(problems))


def compact(term: dict) -> dict:
    out: dict[str, object] = {}
    for key in KEYS:
        value = term.get(key)
        if not value:
            continue
        if key == "actions":
            value = sorted({tuple(a) for a in value})
        elif key in ("identifiers", "parents", "carries"):
            value = sorted(dict.fromkeys(value))
        out[key] = value
    return out


def build() -> dict:
    ner = load_drug_ner()
    drugs = drug_terms(ner)
    others = curated_terms(drugs)
    target_terms = targets.all_targets()
    for term in target_terms:
        term["names"] = [v for n in term["names"] for v in number_variants(n)]
    # the drug data lists some enzymes and factors as (biologic) drugs and some classes as
    # drugs ("penicillins"): the curated target or class wins
    taken = {
        fold_name(n)
        for t in [*target_terms, *others]
        if t["type"] != "neurotransmitter"
        for n in [t["label"], *t["names"]]
    }
    drugs = {i: t for i, t in drugs.items() if t["keep"] and fold_name(t["label"]) not in taken}
    terms = [*drugs.values(), *others, *target_terms]
    settle_names(terms)
    check(terms)
    return {
        "version": VERSION,
        "sources": [
            f"drug-named-entity-recognition {version('drug-named-entity-recognition')} (MIT): "
            "drug names, synonyms, brand names, DrugBank ids",
            f"wordfreq {version('wordfreq')} (Apache-2.0; data CC BY-SA 4.0): build-time "
            "word frequencies for the ambiguity rule only",
            "vaultkg scripts/vocabulary (MIT): targets, classes, mechanisms, neurotransmitters",
        ],
        "terms": sorted((compact(t) for t in terms), key=lambda t: t["id"]),
    }


def main() -> None:
    vocab = build()
    raw = json.dumps(vocab, ensure_ascii=False, separators=(",", ":")).encode()
    OUT.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    counts: dict[str, int] = defaultdict(int)
    for t in vocab["terms"]:
        counts[t["type"]] += 1
    print(
        f"{OUT.relative_to(HERE.parent)}: {len(vocab['terms'])} terms, "
        f"{OUT.stat().st_size // 1024} KB gz, {len(raw) // 1024} KB json"
    )
    print("  " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
