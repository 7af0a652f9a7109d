"""Helpers shared by the linker tests: a small vault of pharmacology notes in our own words."""

from __future__ import annotations

from pathlib import Path

from vaultkg.link import LinkOptions, Plan, plan_links
from vaultkg.vault import Vault, read_vault

ENTITY_NOTES = {
    "Drugs/Caffeine.md": "---\ntype: drug\naliases: [guaranine]\n---\nA stimulant.\n",
    "Drugs/Amphetamine.md": "---\ntype: drug\n---\nA releaser.\n",
    "Neurotransmitters/Dopamine.md": "---\ntype: neurotransmitter\naliases: [DA]\n---\nx\n",
    "Neurotransmitters/Serotonin.md": "---\ntype: neurotransmitter\naliases: [5-HT]\n---\nx\n",
    "Neurotransmitters/Adenosine.md": "---\ntype: neurotransmitter\n---\nA nucleoside.\n",
    "Targets/Adenosine receptor.md": "---\ntype: receptor\n---\nA family of GPCRs.\n",
    "Targets/Adenosine A2A receptor.md": "---\ntype: receptor\naliases: [A2A]\n---\nx\n",
    "Mechanisms/Tolerance.md": "---\ntype: mechanism\n---\nLess effect.\n",
    "Sources/Wellness blog.md": "---\ntype: source\n---\nA web page.\n",
}

ARTICLE = (
    "# Why the morning coffee fades\n"
    "\n"
    "A wellness site claims that coffee loses its kick because caffeine sits on adenosine\n"
    "receptors every single day. With the A2A subtype occupied, the brain is said to build\n"
    "extra adenosine receptors to compensate.\n"
    "\n"
    "The same page says serotonin and dopamine systems wear out in a similar way when\n"
    "amphetamines are taken daily, and it suggests pausing caffeine for a week.\n"
)


def make_vault(root: Path, notes: dict[str, str | bytes], *, entities: bool = True) -> Path:
    files: dict[str, str | bytes] = dict(ENTITY_NOTES) if entities else {}
    files.update(notes)
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
    return root


def plan_for(root: Path, **options: object) -> tuple[Vault, Plan]:
    vault = read_vault(root, spans=True)
    opts = LinkOptions(headings=vault.config.link_headings, **options)  # type: ignore[arg-type]
    return vault, plan_links(vault.notes, vault.config, vault.index, opts)


def linked(root: Path, path: str, **options: object) -> str:
    """The text of one note after linking (nothing is written)."""
    vault, plan = plan_for(root, **options)
    for note in plan.notes:
        if note.path == path:
            return note.new_text()
    return vault.notes[path].text


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }
