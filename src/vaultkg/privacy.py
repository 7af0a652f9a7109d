"""One answer to "is this note private?", and the vault every export is built from.

A note is private when its front matter says ``publish: false``, ``draft: true`` or
``private: true`` (any spelling YAML or people use: ``no``, ``0``, ``off``, ``[false]``, ...),
or when ``[publish] exclude`` in vaultkg.toml names its path. ``public_vault`` drops private
notes before the graph is built, so nothing about them reaches graph.json, RDF or the site:
a public note's link to a private one becomes an unresolved link shown as "private note",
which neither names the note nor counts as a citation.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .config import Config
from .constants import PRIVATE
from .model import Link, Note
from .vault import Vault

if TYPE_CHECKING:
    from .kg.graph import KnowledgeGraph

PRIVATE_LABEL = "private note"

_TRUE = frozenset({"true", "yes", "y", "on", "1"})
_FALSE = frozenset({"false", "no", "n", "off", "0"})


def flag(value: Any) -> bool | None:
    """A front matter boolean however written: YAML bool, number, word, or a one-item list."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    if isinstance(value, str):
        word = value.strip().strip("\"'").strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        return None
    if isinstance(value, list | tuple):
        flags = {flag(v) for v in value} - {None}
        return flags.pop() if len(flags) == 1 else None
    return None


def excluded_by_config(path: str, patterns: list[str]) -> bool:
    """``[publish] exclude`` in vaultkg.toml: folders ("Private/"), paths and globs."""
    for raw in patterns:
        pattern = raw.strip().lstrip("/")
        if not pattern:
            continue
        if pattern.endswith("/"):
            if path.startswith(pattern):
                return True
        elif any(c in pattern for c in "*?["):
            if fnmatch.fnmatchcase(path, pattern) or fnmatch.fnmatchcase(path, pattern + "/*"):
                return True
        elif path == pattern or path.startswith(pattern + "/") or path == pattern + ".md":
            return True
    return False


def is_private(note: Note, config: Config) -> bool:
    props = note.properties
    if flag(props.get("publish")) is False or flag(props.get("published")) is False:
        return True
    if flag(props.get("draft")) is True or flag(props.get("private")) is True:
        return True
    return excluded_by_config(note.path, config.publish_exclude)


def private_paths(notes: dict[str, Note], config: Config) -> frozenset[str]:
    return frozenset(p for p, n in notes.items() if is_private(n, config))


def _hide(link: Link, private: frozenset[str]) -> Link:
    if link.resolved not in private:
        return link
    return replace(
        link,
        target="",
        alias=PRIVATE_LABEL,
        headings=(),
        block=None,
        raw="",
        resolved=None,
        status=PRIVATE,
    )


def _public_note(note: Note, private: frozenset[str]) -> Note:
    """The note with its links to private notes hidden, and their names blanked in its text."""
    names = {
        name
        for k in note.links
        if k.resolved in private
        for name in (k.display, k.target.rsplit("/", 1)[-1].removesuffix(".md"))
        if name.strip()
    }
    if not names:
        return note
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))

    def blank(text: str) -> str:
        return pattern.sub(PRIVATE_LABEL, text)

    def hide(links: list[Link]) -> list[Link]:
        return [_hide(k, private) for k in links]

    def blank_value(value: Any) -> Any:  # front matter: "[[Private note]]" in a property
        if isinstance(value, str):
            return blank(value)
        if isinstance(value, list):
            return [blank_value(v) for v in value]
        if isinstance(value, dict):
            return {k: blank_value(v) for k, v in value.items()}
        return value

    return replace(
        note,
        properties=blank_value(note.properties),
        links=hide(note.links),
        headings=[replace(h, text=blank(h.text)) for h in note.headings],
        blocks=[
            replace(
                b,
                sentences=[
                    replace(s, text=blank(s.text), links=hide(s.links)) for s in b.sentences
                ],
                trailing=replace(b.trailing, links=hide(b.trailing.links)),
            )
            for b in note.blocks
        ],
        fields=[replace(f, value=blank(f.value), links=hide(f.links)) for f in note.fields],
        footnotes=[replace(f, text=blank(f.text), links=hide(f.links)) for f in note.footnotes],
    )


def public_vault(vault: Vault, *, include_private: bool = False) -> Vault:
    """The vault without its private notes (or, with ``include_private``, all of it)."""
    if include_private:
        return replace(vault, include_private=True)
    private = private_paths(vault.notes, vault.config)
    if not private:
        return vault
    notes = {p: _public_note(n, private) for p, n in vault.notes.items() if p not in private}
    return replace(
        vault,
        notes=notes,
        diagnostics=[d for d in vault.diagnostics if d.path not in private],
        abspaths={p: a for p, a in vault.abspaths.items() if p not in private},
        withheld=private,
    )


def public_graph(kg: KnowledgeGraph) -> KnowledgeGraph:
    """``kg`` itself when it holds no private note (or they were asked for), else rebuilt
    from the public vault: every exporter calls this, so no caller can leak by mistake."""
    vault = kg.vault
    if vault.include_private or vault.withheld or not private_paths(vault.notes, vault.config):
        return kg
    from .kg.graph import build

    return build(public_vault(vault))
