"""A small vault for the site tests, written into a temporary folder."""

from __future__ import annotations

from pathlib import Path

# a 1×1 PNG
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)

NOTES = {
    "Drugs/Caffeine.md": """---
type: drug
aliases: [coffee]
tags: [stimulant]
---
# Caffeine

antagonist_of:: [[A2A receptor]] [^f]

Caffeine blocks the [[A2A receptor|A2A]] receptor.[^f] It may raise alertness.

See [[Missing note]] and [[Secret]] and [[Draft note]] and [[Hidden]].

Jump to [[A2A receptor#Binding]] or [[A2A receptor#^key-fact]] or [[A2A receptor#Nowhere]].

![[A2A receptor#Binding]]

![[diagram.png|300]]

> [!warning] Careful
> Too much ==coffee== is bad. #health/sleep

%% hidden comment %%

[^f]: [[Fredholm 1999]]
""",
    "Targets/A2A receptor.md": """---
type: receptor
---
# A2A receptor

## Binding

Adenosine binds the A2A receptor. ^key-fact

![[Caffeine]]
""",
    "Sources/Fredholm 1999.md": """---
type: source
source_type: narrative review
title: Actions of caffeine in the brain
---
A review.
""",
    "Private/Secret.md": "Secret stuff about [[Caffeine]].\n",
    "Draft note.md": "---\ndraft: true\n---\nNot ready, about [[Caffeine]].\n",
    "Hidden.md": "---\npublish: false\n---\nHidden.\n",
}

CONFIG = """[types]
"Sources" = "source"
[publish]
exclude = ["Private/"]
"""


def make_vault(root: Path, extra: dict[str, str] | None = None) -> Path:
    for rel, text in {**NOTES, **(extra or {})}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    (root / "att").mkdir(exist_ok=True)
    (root / "att" / "diagram.png").write_bytes(PNG)
    (root / "vaultkg.toml").write_text(CONFIG, "utf-8")
    return root
