"""Generate a synthetic Obsidian vault of N pharmacology-style notes (deterministic).

Each note has front matter (aliases, tags, a property link), 5-15 links of every form
(plain, alias, heading, block, embed, Markdown), inline tags, headings, a callout, footnotes,
a code block, an inline field, and a few sentences of prose naming drugs and receptors.

    python benchmarks/generate_vault.py /tmp/vault-1000 --notes 1000 [--seed 7]

``--dense`` writes notes with the claim density of a real pharmacology vault instead: each
note is about a drug of its own (``type: drug``) and states at least 6 cited claims, at least
3 of them drug → target relations on distinct targets, the way study notes are written
(prose, a list under a heading, a flashcard-style line, a callout), with footnoted PubMed
and DOI references. The default output is unchanged.
"""

from __future__ import annotations

import argparse
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

FOLDERS = ["Drugs", "Targets", "Mechanisms", "Sources", "Notes/Lectures", "Notes/Reading"]
DRUGS = [
    "haloperidol", "clozapine", "fluoxetine", "sertraline", "morphine", "naloxone",
    "ketamine", "diazepam", "caffeine", "cocaine", "amphetamine", "buprenorphine",
    "lithium", "propranolol", "atropine", "nicotine", "varenicline", "aripiprazole",
]  # fmt: skip
TARGETS = [
    "D2 receptor", "5-HT2A receptor", "mu-opioid receptor", "NMDA receptor",
    "GABA-A receptor", "adenosine A2A receptor", "serotonin transporter",
    "dopamine transporter", "beta-1 adrenoceptor", "M3 muscarinic receptor",
    "alpha4beta2 nicotinic receptor",
]  # fmt: skip
VERBS = [
    "blocks", "activates", "partially activates", "inhibits", "desensitises",
    "binds weakly to", "is a full agonist at", "is an inverse agonist at",
]  # fmt: skip
EFFECTS = [
    "raises extracellular dopamine in the striatum",
    "lowers the firing rate of raphe neurons",
    "shortens the time to peak plasma level",
    "reduces withdrawal signs in rodents",
    "increases the seizure threshold at low doses",
    "produces tolerance after repeated dosing",
]  # fmt: skip
TAGS = ["pharmacology", "receptor", "drug/class", "exam", "mechanism", "to-review", "☀️"]
CALLOUTS = ["note", "warning", "claim", "tip", "question"]


@dataclass(frozen=True, slots=True)
class Plan:
    notes: list[str]  # vault-relative paths without ".md"
    attachments: list[str]


def plan(n: int, rng: random.Random) -> Plan:
    notes = []
    for i in range(n):
        folder = FOLDERS[i % len(FOLDERS)]
        stem = f"{rng.choice(DRUGS).capitalize()} note {i:05d}"
        notes.append(f"{folder}/{stem}")
    attachments = [f"Media/figure {i:03d}.png" for i in range(max(1, n // 50))]
    return Plan(notes, attachments)


def name_of(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def sentence(rng: random.Random) -> str:
    drug = rng.choice(DRUGS)
    target = rng.choice(TARGETS)
    return f"{drug.capitalize()} {rng.choice(VERBS)} the {target} and {rng.choice(EFFECTS)}."


def link(rng: random.Random, p: Plan, headings: dict[str, list[str]]) -> str:
    other = rng.choice(p.notes)
    name = name_of(other)
    form = rng.randrange(8)
    if form == 0:
        return f"[[{name}]]"
    if form == 1:
        return f"[[{name}|{rng.choice(DRUGS)}]]"
    if form == 2:
        return f"[[{name}#{rng.choice(headings[other])}]]"
    if form == 3:
        return f"[[{other}]]"
    if form == 4:
        return f"[[{name}#^b{rng.randrange(3)}]]"
    if form == 5:
        return f"![[{name_of(rng.choice(p.attachments))}|{rng.choice(['640x480', '300'])}]]"
    if form == 6:
        return f"[{rng.choice(DRUGS)}]({other.replace(' ', '%20')}.md)"
    return f"[[{name}|{rng.choice(TARGETS)}]]"


def note_text(i: int, p: Plan, rng: random.Random, headings: dict[str, list[str]]) -> str:
    path = p.notes[i]
    drug = rng.choice(DRUGS)
    links = [link(rng, p, headings) for _ in range(rng.randint(5, 15))]
    h = headings[path]
    tags = rng.sample(TAGS, 2)
    lines = [
        "---",
        f"aliases: [{drug} {i}, {drug.upper()}-{i}]",
        f"tags: [{tags[0]}, {tags[1]}]",
        f'related: "[[{name_of(rng.choice(p.notes))}]]"',
        f"created: 2024-0{1 + i % 9}-1{i % 10}",
        "---",
        f"# {h[0]}",
        f"{sentence(rng)} See {links[0]} and {links[1]}. #{rng.choice(TAGS)}",
        f"{sentence(rng)}[^1] {sentence(rng)} ^b0",
        "",
        f"## {h[1]}",
        f"- {sentence(rng)} {links[2]}",
        f"- {sentence(rng)} {links[3]} ^b1",
        f"- dose:: {rng.randint(1, 200)} mg",
        "",
        f"> [!{rng.choice(CALLOUTS)}] {drug.capitalize()} and the {rng.choice(TARGETS)}",
        f"> {sentence(rng)} {links[4]}",
        f"> {sentence(rng)}",
        "",
        "```python",
        "# [[not a link]] #not-a-tag",
        f"occupancy = dose / (dose + {rng.randint(1, 50)})",
        "```",
        "",
        f"### {h[2]}",
        " ".join(sentence(rng) for _ in range(rng.randint(2, 4))),
        " ".join(links[5:]) + " ^b2",
        "",
        f"[^1]: {rng.choice(['Smith', 'Okafor', 'Lindqvist', 'Tanaka'])} et al. "
        f"{1990 + i % 30}, see {links[0]}.",
        "",
    ]
    return "\n".join(lines)


SYLLABLES = ["ba", "ce", "do", "fi", "gu", "la", "me", "no", "pi", "ra", "su", "te", "vo", "xi"]
ENDINGS = ["zine", "pril", "olol", "afil", "oxetine", "apine", "azepam", "idone", "umab"]
ACTIONS = [
    ("blocks", "an antagonist at"),
    ("activates", "an agonist at"),
    ("partially activates", "a partial agonist at"),
    ("inhibits", "an inhibitor of"),
]
JOURNALS = ["J Pharmacol Exp Ther", "Neuropsychopharmacology", "Br J Pharmacol", "Mol Pharmacol"]
DESIGNS = ["randomized controlled trial", "cohort study", "in vitro study", "meta-analysis"]


def drug_name(i: int) -> str:
    """A made-up drug name of its own for note ``i`` (never a real one: they carry digits)."""
    a, b = SYLLABLES[i % len(SYLLABLES)], SYLLABLES[(i // len(SYLLABLES)) % len(SYLLABLES)]
    return f"{a.capitalize()}{b}{ENDINGS[(i // 196) % len(ENDINGS)]}-{i:05d}"


def dense_note_text(i: int, p: Plan, rng: random.Random) -> str:
    """A drug note as a student writes it: what the drug does at which targets, cited."""
    name = drug_name(i)
    targets = rng.sample(TARGETS, 5)
    acts = [rng.choice(ACTIONS) for _ in targets]
    other = name_of(rng.choice(p.notes))
    refs = [
        f"[^{k}]: {rng.choice(['Smith', 'Okafor', 'Lindqvist', 'Tanaka'])} J, et al. "
        f"Effects of {name}: {rng.choice(DESIGNS)}. {rng.choice(JOURNALS)}. {1990 + (i + k) % 30}. "
        + (f"PMID: {10_000_000 + i * 7 + k}" if k % 2 else f"doi:10.1000/vkg.{i}.{k}")
        for k in range(1, 4)
    ]
    lines = [
        "---",
        "type: drug",
        f"aliases: [{name.split('-')[0]} {i}]",
        "tags: [pharmacology, drug/class]",
        "---",
        f"# {name}",
        f"{name} {acts[0][0]} the {targets[0]}.[^1] {name} is {acts[1][1]} the {targets[1]}.[^2]",
        f"In rats, {name} {rng.choice(EFFECTS)}.[^3]",
        "",
        "## Pharmacodynamics",
        f"- {name} {acts[2][0]} the {targets[2]} at therapeutic doses.[^1]",
        f"- {name} {acts[3][0]} the {targets[3]} with low affinity.[^2]",
        f"- Chronic {name} {rng.choice(EFFECTS)}.[^3] See [[{other}]].",
        "",
        f"> [!claim] {name} and the {targets[4]}",
        f"> {name} {acts[4][0]} the {targets[4]}.[^2]",
        "",
        f"Which receptor does {name} act on first? :: the {targets[0]}",
        "",
        "## References",
        *refs,
        "",
    ]
    return "\n".join(lines)


def generate(root: Path, n: int, seed: int = 7, *, dense: bool = False) -> Plan:
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    p = plan(n, rng)
    if dense:
        p = Plan([f"Drugs/{drug_name(i)}" for i in range(n)], p.attachments)
    headings = {
        path: [
            f"{name_of(path)}",
            "Pharmacodynamics",
            rng.choice(["Clinical use", "Adverse effects"]),
        ]
        for path in p.notes
    }
    for i, path in enumerate(p.notes):
        file = root / f"{path}.md"
        file.parent.mkdir(parents=True, exist_ok=True)
        text = dense_note_text(i, p, rng) if dense else note_text(i, p, rng, headings)
        file.write_text(text, encoding="utf-8")
    for a in p.attachments:
        file = root / a
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return p


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--dense",
        action="store_true",
        help="the claim density of a real pharmacology vault (>= 5 claims, >= 3 relations "
        "per note, cited)",
    )
    args = parser.parse_args()
    p = generate(args.root, args.notes, args.seed, dense=args.dense)
    print(f"{args.root}: {len(p.notes)} notes, {len(p.attachments)} attachments")


if __name__ == "__main__":
    main()
