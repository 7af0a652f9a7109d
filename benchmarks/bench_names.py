"""How much the built-in vocabulary's names add to ``vaultkg.load`` (target: at most 20 %).

Generates a synthetic vault with ``generate_vault.py``, reads it once, then builds its
knowledge graph with no vocabulary and with one, in the same process, and reports both
load times (read + build) and their ratio. The vocabulary is the shipped one when it has
data, else a synthetic one of the same size (3,000 terms, about 20,000 names, a third of
the terms with short context names such as ``XQ2``).

    python benchmarks/bench_names.py --notes 10000 [--terms 3000] [--repeat 1]
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate_vault import DRUGS, TARGETS, generate

from vaultkg.kg.entities import name_pairs
from vaultkg.kg.graph import build
from vaultkg.kg.names import NameMatcher
from vaultkg.kg.vocabulary import Term, Vocabulary, builtin
from vaultkg.vault import Vault, read_vault

SYLLABLES = "ba be bi bo da de di do fa fe fi ka ke ki lo lu ma me mi na ne ni no pa pe pi"
ENDINGS = ["ine", "ol", "amide", "azepam", "oxetine", "pril", "sartan", "mab", "afil", "one"]
FAMILIES = ["adrenergic", "muscarinic", "serotonin", "dopamine", "opioid", "histamine"]


def synthetic_vocabulary(n_terms: int, seed: int = 11) -> Vocabulary:
    """Terms named like real ones, so that prose words share first words with them."""
    rng = random.Random(seed)
    syl = SYLLABLES.split()
    terms: list[Term] = []
    for name in DRUGS:
        terms.append(Term(f"drug/{name}", name.capitalize(), "drug"))
    for name in TARGETS:
        terms.append(Term(f"target/{name}", name, "receptor"))
    i = 0
    while len(terms) < n_terms:
        i += 1
        stem = "".join(rng.choice(syl) for _ in range(rng.randint(2, 3)))
        if i % 3:
            label = (stem + rng.choice(ENDINGS)).capitalize()
            brands = tuple(
                "".join(rng.choice(syl) for _ in range(2)).capitalize() for _ in range(4)
            )
            code = f"{stem[:2].upper()}-{rng.randint(100, 99999)}"
            terms.append(Term(f"drug/{stem}{i}", label, "drug", names=(*brands, code, stem)))
        else:
            family = rng.choice(FAMILIES)
            sub = f"{stem[:1].upper()}{rng.randint(1, 9)}{rng.choice('ABC')}"
            names = (
                f"{family} {sub} receptor",
                f"{sub} receptor",
                f"{sub} receptors",
                f"{stem.upper()}{i}",
                f"{family} receptor {sub}",
                f"{sub}-{family} receptor",
            )
            terms.append(
                Term(
                    f"target/{stem}{i}",
                    f"{family.capitalize()} {sub} receptor",
                    "receptor",
                    names=names,
                    context_names=(sub,),
                )
            )
    return Vocabulary.from_terms(terms)


def timed(fn):  # type: ignore[no-untyped-def]
    gc.collect()
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def matching_time(vault: Vault, vocab: Vocabulary, entities: dict) -> float:  # type: ignore[type-arg]
    """Seconds to build the name matcher and run it over every sentence of the vault."""
    texts = [s.text for n in vault.notes.values() for b in n.blocks for s in b.sentences]
    gc.collect()
    t = time.perf_counter()
    plain, contextual = name_pairs(entities, vocab)
    matcher = NameMatcher(plain, contextual=contextual)
    for text in texts:
        matcher.find(text)
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10000)
    parser.add_argument("--terms", type=int, default=3000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/vaultkg-bench-names"))
    parser.add_argument("--repeat", type=int, default=1, help="best of N builds each")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    vocab = builtin()
    which = "built-in"
    if not len(vocab):
        vocab, which = synthetic_vocabulary(args.terms), "synthetic"
    names = sum(len(t.all_names) for t in vocab)
    root = args.workdir / f"vault-{args.notes}"
    generate(root, args.notes, args.seed)
    vault, t_read = timed(lambda: read_vault(root, jobs=1))
    plain = min(timed(lambda: build(vault, Vocabulary()))[1] for _ in range(args.repeat))
    kg, with_vocab = None, float("inf")
    for _ in range(args.repeat):
        kg, t = timed(lambda: build(vault, vocab))
        with_vocab = min(with_vocab, t)
    assert kg is not None
    vocab_entities = sum(1 for e in kg.entities.values() if e.note is None)
    from vaultkg.kg.entities import with_vocabulary

    own = {k: e for k, e in kg.entities.items() if e.note is not None}
    match_plain = matching_time(vault, Vocabulary(), own)
    match_vocab = matching_time(vault, vocab, with_vocabulary(own, vocab))
    extra = match_vocab - match_plain
    base, full = t_read + plain, t_read + with_vocab
    print(f"notes: {args.notes}; vocabulary: {which}, {len(vocab)} terms, {names} names")
    print(f"read:  {t_read:7.2f} s (once, jobs=1)")
    print(f"build: {plain:7.2f} s without the vocabulary, {with_vocab:7.2f} s with it")
    print(f"load:  {base:7.2f} s without, {full:7.2f} s with: ratio {full / base:.3f}")
    print(
        f"name matching alone: {match_plain:.2f} s with the vault's names, {match_vocab:.2f} s "
        f"with the vocabulary's too: +{extra:.2f} s = {extra / base:+.1%} of load"
    )
    print(f"entities from the vocabulary kept: {vocab_entities}; claims: {len(kg.claims)}")


if __name__ == "__main__":
    main()
