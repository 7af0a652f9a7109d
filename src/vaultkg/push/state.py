"""What was last pushed where: for each endpoint, each graph's hash, and the protocol that
worked. Kept outside the vault (the user's cache folder, or --state FILE), one file per
vault, replaced atomically.

A graph whose request failed is kept with the hash ``None``: its content on the server is
unknown, so the next push sends it again (or deletes it, if its note is gone).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..fsutil import write_atomic
from .transport import PushError

FORMAT = 1


@dataclass(slots=True)
class EndpointState:
    protocol: str | None = None  # "gsp" or "update", once a push succeeded with it
    graphs: dict[str, str | None] = field(default_factory=dict)


@dataclass(slots=True)
class PushState:
    path: Path
    vault: str
    endpoints: dict[str, EndpointState] = field(default_factory=dict)

    def endpoint(self, url: str) -> EndpointState:
        return self.endpoints.setdefault(url, EndpointState())

    def save(self) -> None:
        data = {
            "format": FORMAT,
            "vault": self.vault,
            "endpoints": {
                url: {"protocol": e.protocol, "graphs": dict(sorted(e.graphs.items()))}
                for url, e in sorted(self.endpoints.items())
                if e.graphs or e.protocol  # not an endpoint never reached
            },
        }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, (json.dumps(data, indent=1) + "\n").encode("utf-8"))
        except OSError as exc:
            raise PushError(
                f"{self.path}: cannot write the push state ({exc.strerror}); give a writable "
                "file with --state"
            ) from exc


def default_path(vault: Path) -> Path:
    """~/.cache/vaultkg/push/<hash of the vault's real path>.json (or the platform's cache
    folder, or $XDG_CACHE_HOME)."""
    from platformdirs import user_cache_path

    key = hashlib.sha256(os.path.realpath(vault).encode("utf-8")).hexdigest()[:16]
    return user_cache_path("vaultkg") / "push" / f"{key}.json"


def load(path: Path, vault: Path) -> PushState:
    """The state in ``path`` (empty when the file does not exist yet)."""
    real = os.path.realpath(vault)
    inside = os.path.realpath(path)
    if inside == real or inside.startswith(real + os.sep):
        raise PushError(
            f"{path}: inside the vault; vaultkg never writes into a vault, give a --state file "
            "outside it"
        )
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return PushState(path, real)
    except (OSError, UnicodeDecodeError) as exc:
        raise PushError(
            f"{path}: cannot read the push state ({exc}); remove it or give another --state file"
        ) from exc
    try:
        data: Any = json.loads(text)
        if data.get("format") != FORMAT:
            raise ValueError(f"format {data.get('format')!r}, expected {FORMAT}")
        endpoints = {
            str(url): EndpointState(
                e.get("protocol"),
                {str(g): (h if isinstance(h, str) else None) for g, h in e["graphs"].items()},
            )
            for url, e in data["endpoints"].items()
        }
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise PushError(
            f"{path}: not a vaultkg push state ({exc}); remove it (the next push then sends "
            "everything) or give another --state file"
        ) from exc
    if data.get("vault") != real:
        raise PushError(
            f"{path}: holds the push state of the vault {data.get('vault')}; give another "
            "--state file for this vault"
        )
    return PushState(path, real, endpoints)
