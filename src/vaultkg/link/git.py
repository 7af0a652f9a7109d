"""Is it safe to write? Uncommitted changes to the notes we would edit say no."""

from __future__ import annotations

import subprocess
from pathlib import Path


def uncommitted(root: Path, paths: list[str]) -> list[str]:
    """Vault-relative paths among ``paths`` with uncommitted changes (or untracked).

    Returns [] when git is not installed or the vault is not inside a git repository.
    """
    if not paths:
        return []
    try:
        top = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return []  # no git
    if top.returncode != 0:
        return []  # not a repository
    status = subprocess.run(
        [
            "git",
            "-C",
            str(root),
            "status",
            "--porcelain",
            "-z",
            "--untracked-files=all",
            "--",
            *paths,
        ],
        capture_output=True,
        check=False,
    )
    if status.returncode != 0:
        # git is there but cannot tell us: treat every note as changed, to be safe
        return list(paths)
    toplevel = Path(top.stdout.strip()).resolve()
    try:
        prefix = root.resolve().relative_to(toplevel).as_posix()
    except ValueError:
        return list(paths)
    prefix = "" if prefix == "." else prefix + "/"
    dirty: set[str] = set()
    entries = status.stdout.decode("utf-8", "surrogateescape").split("\0")
    i = 0
    while i < len(entries):
        entry = entries[i]
        i += 1
        if len(entry) < 4:
            continue
        code, repo_path = entry[:2], entry[3:]
        if "R" in code or "C" in code:
            i += 1  # the original path of a rename or copy follows
        if repo_path.startswith(prefix):
            dirty.add(repo_path[len(prefix) :])
    wanted = set(paths)
    return sorted(p for p in dirty if p in wanted)
