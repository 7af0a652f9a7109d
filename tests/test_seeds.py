"""The three kinds of document the project started from, read with no configuration.

The seed documents themselves live outside the repository (``../shared/seeds``) and are read
from there when present; the notes below imitate them in our own words so the same behaviour
is pinned wherever the tests run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from kgutil import write_vault

import vaultkg

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

# an uncited article in plain text, a glossary entry, and an Obsidian note with references
ARTICLE = """\
Why receptors tire

A simple example

Take a morning coffee. Caffeine is an adenosine receptor A1/A2A antagonist, which is why it
keeps you awake. Drinking it every day makes the receptors less responsive.
"""
GLOSSARY = """\
Receptor resensitization means restoring how strongly D1 and D2 dopamine receptors respond
after a long period of overstimulation.
Mechanism
Time away from the stimulus lets the D2 receptors upregulate again.
"""
NOTE = """\
## Blocking a transmitter makes the brain add receptors #

Drugs that block a [[neurotransmitter]] make the brain compensate: over weeks, haloperidol
upregulates D2 receptors.

___

##### References

- Hyman, Steven. (1996). [[Initiation and adaptation]] (p. 151). Oxford University Press.

##### Metadata

Type: #🔴
"""


def _relations(kg: vaultkg.KnowledgeGraph) -> set[tuple[str, str, str, str]]:
    return {(kg.title(r.subject), r.action, kg.title(r.object), r.level) for r in kg.relations}


def test_imitated_seeds_give_relations_and_graded_claims(tmp_path: Path) -> None:
    write_vault(
        tmp_path,
        {"article.md": ARTICLE, "glossary.md": GLOSSARY, "note.md": NOTE},
        cast=False,
    )
    kg = vaultkg.load(tmp_path, jobs=1)
    assert {
        ("caffeine", "antagonist", "adenosine A1 receptor", "unsupported"),
        ("caffeine", "antagonist", "adenosine A2A receptor", "unsupported"),
        ("haloperidol", "upregulates", "D2 receptor", "low"),
    } <= _relations(kg)
    article = [c for c in kg.claims if c.note == "article.md"]
    assert article and all(not c.supported for c in article)
    note = [c for c in kg.claims if c.note == "note.md"]
    assert note and {(c.level, c.scope) for c in note} == {("low", "note")}
    [source] = {cit.source for c in note for cit in c.citations}
    assert kg.sources[source].source_type == "book"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are not beside the repo")
def test_the_seed_documents_themselves(tmp_path: Path) -> None:
    for seed in sorted(SEEDS.glob("0*.txt")):
        shutil.copy(seed, tmp_path / (seed.stem + ".md"))
    kg = vaultkg.load(tmp_path, jobs=1)
    assert {
        ("caffeine", "antagonist", "adenosine A1 receptor", "unsupported"),
        ("caffeine", "antagonist", "adenosine A2A receptor", "unsupported"),
    } <= _relations(kg)
    by_seed: dict[str, set[str]] = {}
    for c in kg.claims:
        by_seed.setdefault(c.note[:3], set()).add(c.level)
    assert by_seed["000"] == {"unsupported"}
    assert by_seed["002"] == {"low"}
