"""Build small vaults in a temporary folder and load their knowledge graph."""

from __future__ import annotations

import textwrap
from pathlib import Path

import vaultkg
from vaultkg.kg.graph import KnowledgeGraph

# A minimal cast of entity notes most knowledge-graph tests need.
ENTITIES = {
    "Drugs/Caffeine.md": "---\ntype: drug\naliases: [coffee alkaloid]\n---\n",
    "Drugs/Haloperidol.md": "---\ntype: drug\n---\n",
    "Drugs/Amphetamine.md": "---\ntype: drug\n---\n",
    "Drugs/Aripiprazole.md": "---\ntype: drug\n---\n",
    "Targets/Adenosine A1 receptor.md": "---\ntype: receptor\naliases: [A1]\n---\n",
    "Targets/Adenosine A2A receptor.md": "---\ntype: receptor\naliases: [A2A]\n---\n",
    "Targets/Dopamine D2 receptor.md": "---\ntype: receptor\naliases: [D2, D2 receptor]\n---\n",
    "Targets/Dopamine transporter.md": "---\ntype: transporter\naliases: [DAT]\n---\n",
    "Neurotransmitters/Dopamine.md": "---\ntype: neurotransmitter\n---\n",
}


def write_vault(root: Path, notes: dict[str, str], *, cast: bool = True) -> Path:
    files = {**(ENTITIES if cast else {}), **notes}
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip("\n"), "utf-8")
    return root


def load(root: Path, notes: dict[str, str], *, cast: bool = True) -> KnowledgeGraph:
    write_vault(root, notes, cast=cast)
    return vaultkg.load(root, jobs=1)


def triples(kg: KnowledgeGraph, note: str | None = None) -> set[tuple[str, str, str]]:
    """(drug title, action, target title) for every positive relation, optionally by note."""
    out = set()
    for c in kg.claims:
        if note is not None and c.note != note:
            continue
        for m in c.relations:
            if not m.negated:
                out.add((kg.title(m.subject), m.action, kg.title(m.object)))
    return out


def claim_with(kg: KnowledgeGraph, text: str):  # type: ignore[no-untyped-def]
    found = [c for c in kg.claims if text in c.text]
    assert len(found) == 1, f"{len(found)} claims contain {text!r}: {[c.text for c in found]}"
    return found[0]
