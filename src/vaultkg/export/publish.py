"""``publish``: every export of a vault, all or nothing, and the summary of what it holds.

The output folder and every target in it are checked before anything is written; the exports
are written into a staging folder beside it and swapped in together (see export.staging).
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..fsutil import OutputError, check_export_folder
from . import reuse
from .registry import Exporter, Settings
from .staging import commit, recover, staged

__all__ = ["ExportsReplaced", "check_publish", "publish_exports", "recover"]

if TYPE_CHECKING:
    from ..kg.graph import KnowledgeGraph


class ExportsReplaced(KeyboardInterrupt):
    """A signal arrived once the new exports were in place: they are complete."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _inside(path: Path, folder: Path) -> bool:
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def check_publish(out: Path, root: Path, exporters: Sequence[Exporter]) -> None:
    """Raise OutputError unless every export may be written into ``out``; writes nothing."""
    if _inside(out, root):
        raise OutputError(
            f"{out}: the output folder is inside the vault; vaultkg never writes into a vault, "
            f"choose a folder outside it, e.g. -o {_suggestion(root)}"
        )
    check_export_folder(out, root)
    for exporter in exporters:
        exporter.check(out, root)


def _suggestion(root: Path) -> str:
    """``../exports`` when run inside the vault: an exports folder beside the vault."""
    return os.path.relpath(root.resolve().parent / "exports")


def publish_exports(
    kg: KnowledgeGraph,
    out: Path,
    exporters: Sequence[Exporter],
    settings: Settings,
    progress: Callable[[str], None] | None = None,
) -> list[Path]:
    """Write every export into a staging folder beside ``out``, then swap them all in.

    Returns the paths written, under ``out``. Raises OutputError when ``out`` may not be
    written (checked again just before the swap); on KeyboardInterrupt (SIGINT, or SIGTERM
    and SIGHUP inside fsutil.signals_as_exceptions) the staging folder is removed and ``out``
    is as it was, unless the swap was done: then ExportsReplaced is raised.
    """
    root = kg.vault.root
    check_publish(out, root, exporters)
    written: list[Path] = []
    stage = None
    try:
        with staged(out) as stage:
            before, keys = reuse.previous_keys(out), {}
            for exporter in exporters:
                if progress is not None:
                    progress(exporter.name)
                key = ""
                if exporter.reusable:
                    key = reuse.export_key(
                        kg, exporter.name, settings.title, mtimes=exporter.reads_mtimes
                    )
                paths = reuse.reuse(before.get(exporter.name, {}), key, out, stage.folder)
                if paths is None:
                    paths = exporter.write(kg, stage.folder, settings)
                if key:
                    keys[exporter.name] = reuse.record(key, paths, stage.folder, exporter.entry)
                written.extend(paths)
            ran = {e.name for e in exporters}  # the others' files in ``out`` stay as they are
            kept = {name: v for name, v in before.items() if name not in ran}
            if keys or kept or (out / reuse.KEYS).exists():  # replaces stale keys too
                reuse.write_keys(stage.folder, {**kept, **keys})
            check_publish(out, root, exporters)  # nothing appeared there in the meantime
            commit(stage)
    except KeyboardInterrupt as exc:
        if stage is not None and stage.committed:
            raise ExportsReplaced(getattr(exc, "signum", signal.SIGINT)) from exc
        raise
    except OSError as exc:
        if stage is not None and stage.swapping and not stage.committed:
            raise OutputError(
                f"{out}: the new exports were being moved in when this failed: "
                f"{exc.strerror or exc} ({exc.filename}); fix that and run publish again, "
                f"which finishes the move from {stage.folder}"
            ) from exc
        raise
    return [out / p.relative_to(stage.folder) for p in written]
