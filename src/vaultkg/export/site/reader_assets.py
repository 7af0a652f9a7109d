"""The static files of the reading features: the reader script, code colours, KaTeX, Mermaid."""

from __future__ import annotations

from importlib import resources


def _katex_files() -> tuple[str, ...]:
    folder = resources.files("vaultkg") / "static" / "vendor" / "katex"
    names = ["katex.min.js", "katex.min.css", "LICENSE"]
    names += sorted(f"fonts/{f.name}" for f in (folder / "fonts").iterdir())
    return tuple(f"vendor/katex/{n}" for n in names)


READER_FILES = (
    "reader.js",
    "highlight.css",
    "vendor/mermaid.min.js",
    "vendor/mermaid.LICENSE",
    *_katex_files(),
)
