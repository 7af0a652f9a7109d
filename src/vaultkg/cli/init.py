"""``vaultkg init``: what vaultkg finds in a vault, and a ``vaultkg.toml`` proposed for it.

The survey reads the vault as every other command does, then looks at its folders: templates
(Obsidian's core plugin setting, Templater's, or a folder named like one), daily notes
(Obsidian's setting, or folders of date-named notes), sources, and folders whose notes mostly
share one type. Nothing is written unless ``--write`` is given.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import app
from .common import fail, load_graph

if TYPE_CHECKING:
    from ..config import Config
    from ..kg.graph import KnowledgeGraph

TEMPLATE_NAMES = frozenset({"templates", "template", "_templates", "templater", "z_templates"})
# 2024-01-31, 2024_01_31, 20240131, 31-01-2024, 2024-W05 and the same with a weekday after
DATE_NAME = re.compile(
    r"^(?:\d{4}[-_.]?\d{2}[-_.]?\d{2}|\d{2}[-_.]\d{2}[-_.]\d{4}|\d{4}-W\d{2})(?:\b.*)?$"
)
# A folder is typed when at least this share of at least MIN_NOTES of its notes have one type.
TYPE_SHARE = 0.6
MIN_NOTES = 3


@dataclass(frozen=True, slots=True)
class FolderType:
    type: str
    notes: int  # how many of its notes have that type
    total: int
    untyped: int  # notes of no type the mapping would give that type
    default: bool  # the folder's name already gives that type (DEFAULT_FOLDERS)


@dataclass
class Survey:
    vault: Path
    notes: int
    # type -> (entities with a note, entities from the vocabulary alone)
    entities: dict[str, tuple[int, int]] = field(default_factory=dict)
    templates: dict[str, str] = field(default_factory=dict)  # folder -> why
    daily: dict[str, str] = field(default_factory=dict)  # folder -> why
    sources: dict[str, int] = field(default_factory=dict)  # folder -> source notes
    folder_types: dict[str, FolderType] = field(default_factory=dict)
    existing_config: bool = False


def _folder(path: str) -> str:
    return path.rsplit("/", 1)[0] if "/" in path else ""


def _all_folders(root: Path) -> list[str]:
    """Every folder of the vault (hidden ones aside), vault-relative."""
    out = []
    for dirpath, dirnames, _ in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        rel = Path(dirpath).relative_to(root).as_posix()
        if rel != ".":
            out.append(rel)
    return out


def survey(root: Path, kg: KnowledgeGraph) -> Survey:
    """What vaultkg finds in the vault at ``root`` (already read into ``kg``)."""
    from ..config import CONFIG_NAME, Config
    from ..kg.entities import folder_type
    from ..obsidian import setting, template_folders

    s = Survey(root, len(kg.vault.notes), existing_config=(root / CONFIG_NAME).is_file())
    folders = _all_folders(root)
    s.templates.update(template_folders(root))
    for folder in folders:
        if folder.rsplit("/", 1)[-1].lower() in TEMPLATE_NAMES and not any(
            folder.startswith(t + "/") for t in s.templates
        ):
            s.templates.setdefault(folder, "folder name")

    def in_templates(path: str | None) -> bool:
        return path is not None and any(path.startswith(t + "/") for t in s.templates)

    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for e in kg.entities.values():
        if not in_templates(e.note):
            counts[e.type][0 if e.note is not None else 1] += 1
    sources = sum(1 for x in kg.sources.values() if x.note and not in_templates(x.note))
    if sources:
        counts["source"][0] = sources
    s.entities = {t: (a, b) for t, (a, b) in sorted(counts.items())}

    daily = setting(root, ".obsidian/daily-notes.json", "folder")
    if daily:
        s.daily[daily] = ".obsidian/daily-notes.json"
    by_folder: dict[str, list[str]] = defaultdict(list)
    for path in kg.vault.notes:
        by_folder[_folder(path)].append(path)
    for folder, paths in sorted(by_folder.items()):
        dated = sum(1 for p in paths if DATE_NAME.match(p.rsplit("/", 1)[-1][:-3]))
        if folder not in s.daily and dated >= MIN_NOTES and dated >= TYPE_SHARE * len(paths):
            s.daily[folder] = f"{dated} of {len(paths)} notes are named by date"

    types: dict[str, str] = {}
    for path in kg.vault.notes:
        entity = kg.entities.get(path)
        types[path] = "source" if path in kg.sources else (entity.type if entity else "claim")
    for folder, paths in sorted(by_folder.items()):
        if not folder:
            continue
        n_sources = sum(1 for p in paths if types[p] == "source")
        if n_sources and n_sources >= TYPE_SHARE * len(paths):
            s.sources[folder] = n_sources
        typ, n = Counter(types[p] for p in paths).most_common(1)[0]
        if typ in ("concept", "claim") or n < MIN_NOTES or n < TYPE_SHARE * len(paths):
            continue
        if any(folder == f or folder.startswith(f + "/") for f in (*s.templates, *s.daily)):
            continue
        untyped = sum(1 for p in paths if types[p] == "concept")
        if untyped:
            default = folder_type(paths[0], Config()) == typ
            s.folder_types[folder] = FolderType(typ, n, len(paths), untyped, default)
    return s


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def proposed_config(s: Survey, base_iri: str, current: Config | None = None) -> str:
    """A commented ``vaultkg.toml`` for the surveyed vault, keeping ``current`` settings."""
    from ..config import Config

    current = current or Config()
    excludes = list(dict.fromkeys([*current.exclude, *(f + "/" for f in sorted(s.templates))]))
    lines = [
        "# vaultkg settings, proposed by 'vaultkg init'. Every line is optional; see",
        "# docs/conventions.md for what each one does.",
        "",
        "# Where the RDF export and the site's linked data put their IRIs: use a URL you own.",
        f"base_iri = {_toml_string(base_iri)}",
        "",
    ]
    if excludes:
        lines.append("# Left out of the graph. Templates are not notes: their placeholders would")
        lines.append("# become claims.")
        lines.append("exclude = [" + ", ".join(_toml_string(f) for f in excludes) + "]")
    else:
        lines.append("# Folders or globs to leave out, e.g. templates:")
        lines.append('# exclude = ["Templates/"]')
    if s.daily:
        lines.append("# Daily notes are read like any other; to leave them out, add:")
        for folder in sorted(s.daily):
            lines.append(f"#   {_toml_string(folder + '/')}")
    lines += [
        "",
        "# The type of every note in a folder, unless the note says otherwise (type: ...).",
        "[types]",
    ]
    for folder, typ in current.types.items():
        lines.append(f"{_toml_string(folder)} = {_toml_string(typ)}  # your setting")
    for folder, ft in sorted(s.folder_types.items()):
        if folder in current.types:
            continue
        entry = f"{_toml_string(folder)} = {_toml_string(ft.type)}"
        if ft.default:
            lines.append(f"# {entry}  # the default for this name ({ft.notes} of {ft.total})")
        else:
            lines.append(
                f"{entry}  # {ft.notes} of {ft.total} notes are {ft.type}; "
                f"{ft.untyped} with no type would be too"
            )
    if not s.folder_types and not current.types:
        lines.append('# "Pharmacology/Drugs" = "drug"')
    return "\n".join(lines) + "\n"


def report(s: Survey) -> str:
    """The survey as plain text."""
    out = [f"Read {s.notes} notes in {s.vault}"]
    if s.entities:
        out.append("Entities by type (with a note / from the vocabulary, named in prose):")
        width = max(len(t) for t in s.entities)
        for typ, (with_note, vocab) in s.entities.items():
            out.append(f"  {typ.ljust(width)}  {with_note:>5} / {vocab:>5}")
    else:
        out.append("Entities: none (no note is typed and no prose names a known drug or target)")

    def listing(title: str, items: dict[str, Any]) -> None:
        if not items:
            out.append(f"{title}: none")
            return
        out.append(f"{title}:")
        out.extend(f"  {k}/  ({v})" for k, v in sorted(items.items()))

    listing("Template folders", s.templates)
    listing("Daily-note folders", s.daily)
    listing("Source folders", {k: f"{v} source notes" for k, v in s.sources.items()})
    return "\n".join(out) + "\n"


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "vault"


@app.command()
def init(
    vault: Annotated[Path, typer.Argument(help="The vault folder.")],
    write: Annotated[
        bool, typer.Option("--write", help="Write the proposed vaultkg.toml into the vault.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="With --write, replace an existing vaultkg.toml.")
    ] = False,
    base_iri: Annotated[
        str | None, typer.Option(help="Base IRI to propose (default: one under example.org).")
    ] = None,
) -> None:
    """Show what vaultkg finds in a vault and propose a vaultkg.toml for it.

    Examples:

        vaultkg init ~/Notes

        vaultkg init ~/Notes --write
    """
    from ..config import CONFIG_NAME, DEFAULT_BASE_IRI

    kg = load_graph(vault)
    s = survey(vault, kg)
    current = kg.vault.config
    if base_iri is None and current.base_iri != DEFAULT_BASE_IRI:
        base_iri = current.base_iri
    base = base_iri or f"{DEFAULT_BASE_IRI}{_slug(vault.resolve().name)}/"
    if not re.match(r"^https?://", base):
        fail(f"--base-iri {base!r}: give an http(s) IRI")
    text = proposed_config(s, base, current if s.existing_config else None)
    typer.echo(report(s))
    from ..fsutil import write_atomic

    target = vault / CONFIG_NAME
    if not write:
        typer.echo(f"Proposed {CONFIG_NAME} (dry run; --write writes it):\n")
        typer.echo(text, nl=False)
        if s.existing_config:
            typer.echo(f"\nNote: {target} exists already; --write --force would replace it.")
        return
    if target.exists() and not force:
        fail(f"{target} exists already; give --force to replace it", code=1)
    try:
        write_atomic(target, text.encode("utf-8"))
    except OSError as exc:
        fail(f"cannot write {target}: {exc.strerror or exc}", code=1)
    typer.echo(f"Wrote {target}")
