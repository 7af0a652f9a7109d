"""Every export ``publish`` writes, registered in one place: name → ``Exporter``.

An exporter owns one entry of the output folder (``graph.json``, ``rdf/``, ``site/``): it can
list the files it writes there, refuse an output before anything is written, and write itself
into a folder (the staging folder during publish). The RDF formats are export.rdf's FORMATS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..fsutil import (
    MANIFEST,
    OutputError,
    check_export_file,
    check_export_folder,
    written_by_vaultkg,
)

if TYPE_CHECKING:
    from ..kg.graph import KnowledgeGraph


@dataclass(frozen=True)
class Settings:
    """What the user chose for this run that an exporter may need."""

    title: str | None = None  # the site's title; the vault folder's name when None
    previous: Path | None = None  # the output folder this run replaces (what it may reuse)


@dataclass(frozen=True)
class Exporter:
    name: str
    entry: str  # the one entry of the output folder it writes
    targets: Callable[[Path], list[Path]]
    check: Callable[[Path, Path], None]  # (output folder, vault root); raises OutputError
    write: Callable[[KnowledgeGraph, Path, Settings], list[Path]]
    # whether publish may link this export from the one it replaces when their inputs are
    # the same (export.reuse), and whether the notes' modification times are among them
    reusable: bool = False
    reads_mtimes: bool = False


# -- graph.json -----------------------------------------------------------------------------


def _json_targets(out: Path) -> list[Path]:
    return [out / "graph.json"]


def _json_check(out: Path, root: Path) -> None:
    check_export_file(out / "graph.json", root)


def _json_write(kg: KnowledgeGraph, out: Path, settings: Settings) -> list[Path]:
    from .json_export import write_json

    return [write_json(kg, out / "graph.json")]


# -- rdf/ -----------------------------------------------------------------------------------


def _rdf_targets(out: Path) -> list[Path]:
    from .rdf import EXTRA_FILES, FILE_NAMES, FORMATS

    return [out / "rdf" / FILE_NAMES[f] for f in FORMATS] + [out / "rdf" / n for n in EXTRA_FILES]


def _rdf_check(out: Path, root: Path) -> None:
    folder = out / "rdf"
    check_export_folder(folder, root)
    for path in _rdf_targets(out):
        check_export_file(path, root)
    if not folder.is_dir():
        return
    for entry in sorted(folder.iterdir()):
        if entry.name == MANIFEST or (entry.is_file() and written_by_vaultkg(entry)):
            continue
        raise OutputError(
            f"{entry}: not written by vaultkg; publish replaces {folder} as a whole, so move "
            "it out or choose another output folder"
        )


def _rdf_write(kg: KnowledgeGraph, out: Path, settings: Settings) -> list[Path]:
    from .rdf import FORMATS, write_rdf

    return write_rdf(kg, out / "rdf", list(FORMATS))


# -- site/ ----------------------------------------------------------------------------------


def _site_targets(out: Path) -> list[Path]:
    return [out / "site"]


def _site_check(out: Path, root: Path) -> None:
    from .site.output import SiteError, check_output

    try:
        check_output(out / "site", root)
    except SiteError as exc:
        raise OutputError(str(exc)) from exc


def _site_write(kg: KnowledgeGraph, out: Path, settings: Settings) -> list[Path]:
    from .site import write_site

    reuse = settings.previous / "site" if settings.previous is not None else None
    write_site(kg, out / "site", title=settings.title, reuse=reuse)
    return [out / "site"]


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter("json", "graph.json", _json_targets, _json_check, _json_write, True),
        Exporter("rdf", "rdf", _rdf_targets, _rdf_check, _rdf_write, True, True),
        Exporter("site", "site", _site_targets, _site_check, _site_write),
    )
}


def choose(names: str | None) -> list[Exporter]:
    """The exporters named in a comma-separated list (all of them for None), in their order."""
    if names is None:
        return list(EXPORTERS.values())
    wanted = [n.strip() for n in names.split(",") if n.strip()]
    unknown = [n for n in wanted if n not in EXPORTERS]
    if unknown or not wanted:
        what = f"unknown export {unknown[0]!r}" if unknown else "no export named"
        raise ValueError(f"{what}; choose from {', '.join(EXPORTERS)}")
    return [e for e in EXPORTERS.values() if e.name in wanted]
