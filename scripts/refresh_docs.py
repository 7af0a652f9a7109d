"""Re-run the commands shown in a Markdown file and paste their real output back in.

A fenced ``text`` block whose first line is ``$ command`` is replaced by the command and what
it prints now (run from the repository root), so examples in the docs never drift from the
tool. Usage: ``python scripts/refresh_docs.py README.md docs/linker.md``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"```text\n\$ (?P<cmd>[^\n]+)\n(?P<body>.*?)```", re.DOTALL)


def refresh(path: Path) -> int:
    text = path.read_text("utf-8")
    count = 0

    def run(m: re.Match[str]) -> str:
        nonlocal count
        cmd = m.group("cmd")
        done = subprocess.run(cmd, shell=True, cwd=ROOT, capture_output=True, text=True,
                              check=False)
        count += 1
        out = (done.stdout + done.stderr).rstrip("\n")
        return f"```text\n$ {cmd}\n{out}\n```"

    path.write_text(BLOCK.sub(run, text), "utf-8")
    return count


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}: {refresh(Path(name))} blocks refreshed")
