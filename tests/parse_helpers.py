"""Small views of parsed notes, so conformance tests can compare exact tuples."""

from __future__ import annotations

from pathlib import Path

from vaultkg.model import Note, ParseResult
from vaultkg.parse import parse_note

FIXTURES = Path(__file__).parent / "fixtures" / "obsidian"


def parse(text: str | bytes, path: str = "Note.md", **kwargs: object) -> ParseResult:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse_note(data, path, **kwargs)  # type: ignore[arg-type]


def note(text: str | bytes, path: str = "Note.md") -> Note:
    return parse(text, path).note


def fixture(name: str) -> Note:
    return parse((FIXTURES / name).read_bytes(), name).note


def links(n: Note) -> list[tuple[object, ...]]:
    """(kind, target, headings, block, alias, embed, size, line, col) of every link."""
    return [
        (
            link.kind,
            link.target,
            link.headings,
            link.block,
            link.alias,
            link.embed,
            link.size,
            link.line,
            link.col,
        )
        for link in n.links
    ]


def targets(n: Note) -> list[str]:
    return [link.target for link in n.links]


def tags(n: Note) -> list[tuple[str, int, int]]:
    return [(t.name, t.line, t.col) for t in n.tags]


def sentences(n: Note) -> list[tuple[str, str, int, int]]:
    """(block kind, text, line, col) of every sentence of prose."""
    return [(b.kind, s.text, s.line, s.col) for b in n.blocks for s in b.sentences]


def write_vault(root: Path, files: dict[str, str | bytes]) -> Path:
    """Create ``files`` (vault-relative path -> content) under ``root``; return ``root``."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root
