"""Torture-test the linker on a copy of a real vault, checked by an oracle of its own.

    python benchmarks/check_linker_safety.py /work/realvaults/Aaron-Bopp+TIM --entities 300

1. copies the vault to a temporary folder (the original is never touched);
2. adds an entity note for each of the N most frequent words of its prose, so the linker
   has a great deal of work;
3. runs ``vaultkg link`` as a dry run (no byte may change), then with ``--write``;
4. checks every written note: its new bytes are the old bytes plus exactly the reported
   insertions; stripping them gives the old bytes back; no insertion touches a protected
   zone found by ``protected_zones`` below, a character-by-character scanner that shares no
   code with the linker's guards or the parser;
5. runs the linker again: it must propose nothing.

Prints counts and exits 1 when any violation is found. Never commit the vaults.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

# -- the oracle ----------------------------------------------------------------------------

# CommonMark's open and closing tags; anything else is text ("<tagname\>" is not a tag)
HTML_TAG = re.compile(
    r"</?([A-Za-z][A-Za-z0-9-]*)(?:\s+[A-Za-z_:][\w.:-]*"
    r"(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>"
)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
VOID |= {"track", "wbr"}
KEY_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789_-/ \t")
MARKUP = set("*_~=`")


def _line_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j


def _paragraph_end(text: str, i: int) -> int:
    """Offset of the next blank line after i (or the end)."""
    j = i
    while True:
        k = text.find("\n", j)
        if k < 0:
            return len(text)
        rest = _line_end(text, k + 1)
        if not text[k + 1 : rest].strip():
            return k
        j = k + 1


def _strip_markers(line: str) -> int:
    """Length of the quote, list and task markers that open a line."""
    m = re.match(r"[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?:\[.\][ \t]+)?", line)
    return m.end() if m else 0


def _is_field_line(line: str) -> bool:
    """Dataview: a line whose text starts ``key::``, the key maybe wrapped in markup."""
    body = line[_strip_markers(line) :]
    cut = body.find("::")
    if cut <= 0:
        return False
    key = body[:cut].strip()
    while key and key[0] in MARKUP:
        key = key[1:]
    while key and key[-1] in MARKUP:
        key = key[:-1]
    return (
        bool(key) and key[0].isalnum() and all(c.isalnum() or c in KEY_CHARS for c in key.lower())
    )


def _fence(line: str) -> str | None:
    s = line.lstrip(" >\t")
    for ch in "`~":
        n = len(s) - len(s.lstrip(ch))
        if n >= 3 and not (ch == "`" and "`" in s[n:]):
            return ch * n
    return None


def protected_zones(text: str) -> list[tuple[int, int]]:
    """Where a link may never be written, found by walking the text once, left to right."""
    zones: list[tuple[int, int]] = []
    n = len(text)
    i = 0
    at_line_start = True
    open_tags: list[tuple[str, int]] = []
    if text.startswith("---\n") or text.startswith("---\r\n"):
        m = re.search(r"\n(?:---|\.\.\.)[ \t]*\r?(?:\n|$)", text[3:])
        if m is not None:  # never closed: not front matter, as in Obsidian
            zones.append((0, 3 + m.end()))
            i = 3 + m.end()
    while i < n:
        ch = text[i]
        if at_line_start:
            at_line_start = False
            line = text[i : _line_end(text, i)]
            fence = _fence(line)
            if fence is not None:
                j = _line_end(text, i) + 1
                while j < n:
                    other = text[j : _line_end(text, j)]
                    f = _fence(other)
                    if (
                        f
                        and f[0] == fence[0]
                        and len(f) >= len(fence)
                        and not other.strip(" >\t`~")
                    ):
                        break
                    j = _line_end(text, j) + 1
                end = min(n, _line_end(text, j) if j < n else n)
                zones.append((i, end))
                i = end
                continue
            if _is_field_line(line):
                zones.append((i, i + len(line)))
                i += len(line)
                continue
        if ch == "\n":
            at_line_start = True
            i += 1
            continue
        if ch == "`":
            run = 1
            while i + run < n and text[i + run] == "`":
                run += 1
            limit = _paragraph_end(text, i)
            j = i + run
            end = -1
            while j < limit:
                k = text.find("`", j, limit)
                if k < 0:
                    break
                r = 1
                while k + r < n and text[k + r] == "`":
                    r += 1
                if r == run:
                    end = k + r
                    break
                j = k + r
            if end > 0:
                zones.append((i, end))
                i = end
            else:
                i += run
            continue
        two = text[i : i + 2]
        for opener, closer in (("%%", "%%"), ("<%", "%>"), ("$$", "$$")):
            if two == opener:
                k = text.find(closer, i + 2)
                end = n if k < 0 else k + 2
                zones.append((i, end))
                i = end
                break
        else:
            if text.startswith("<!--", i):
                k = text.find("-->", i + 4)
                end = n if k < 0 else k + 3
                zones.append((i, end))
                i = end
                continue
            if two == "[[":
                k = text.find("]]", i + 2, _line_end(text, i))
                end = _line_end(text, i) if k < 0 else k + 2
                zones.append((i, end))
                i = end
                continue
            if ch in "[(":
                close = "]" if ch == "[" else ")"
                le = _line_end(text, i)
                k = text.find("::", i + 1, le)
                if k > i + 1 and not any(c in text[i + 1 : k] for c in "[]()"):
                    depth, j = 0, i
                    while j < le:
                        if text[j] == ch:
                            depth += 1
                        elif text[j] == close:
                            depth -= 1
                            if depth == 0:
                                break
                        j += 1
                    zones.append((i, min(le, j + 1)))
                    i = min(le, j + 1)
                    continue
                if ch == "[":
                    k = text.find("](", i + 1, le)
                    if k > 0 and "[" not in text[i + 1 : k]:
                        e = text.find(")", k, le)
                        if e > 0:
                            zones.append((i, e + 1))
                            i = e + 1
                            continue
            if ch == "<" and i + 1 < n and (text[i + 1].isalpha() or text[i + 1] == "/"):
                k = text.find(">", i)
                if k > 0 and "<" not in text[i + 1 : k]:
                    m = HTML_TAG.fullmatch(text[i : k + 1])
                    if m:
                        name = m.group(1).lower()
                        zones.append((i, k + 1))
                        if text[i + 1] == "/":
                            for t in range(len(open_tags) - 1, -1, -1):
                                if open_tags[t][0] == name:
                                    zones.append((open_tags[t][1], k + 1))
                                    del open_tags[t:]
                                    break
                        elif text[k - 1] != "/" and name not in VOID:
                            open_tags.append((name, i))
                        i = k + 1
                        continue
            if ch == "$" and i + 1 < n and not text[i + 1].isspace():
                k = text.find("$", i + 1, _line_end(text, i))
                if k > 0 and not text[k - 1].isspace():
                    zones.append((i, k + 1))
                    i = k + 1
                    continue
            tag_start = ch == "#" and (i == 0 or text[i - 1].isspace()) and i + 1 < n
            if tag_start and (text[i + 1].isalnum() or text[i + 1] in "_/-"):
                j = i + 1
                while j < n and not text[j].isspace():
                    j += 1
                zones.append((i, j))
                i = j
                continue
            if (ch == ":" and text.startswith("//", i + 1)) or text.startswith("mailto:", i):
                j = i
                while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "+-."):
                    j -= 1
                k = i
                while k < n and not text[k].isspace():
                    k += 1
                zones.append((j, k))
                i = k
                continue
            if text.startswith("www.", i) and (i == 0 or not text[i - 1].isalnum()):
                k = i
                while k < n and not text[k].isspace():
                    k += 1
                zones.append((i, k))
                i = k
                continue
            i += 1
    # an element never closed: to the end of its paragraph
    zones.extend((start, _paragraph_end(text, start)) for _, start in open_tags)
    return zones


def violations(text: str, proposals: list[dict]) -> list[str]:  # type: ignore[type-arg]
    zones = sorted(protected_zones(text))
    starts = [s for s, _ in zones]
    import bisect

    out = []
    for p in proposals:
        a, b = p["offset"], p["offset"] + p["length"]
        k = bisect.bisect_right(starts, b - 1)
        for s, e in zones[max(0, k - 64) : k]:
            if s < b and a < e:
                out.append(
                    f"{p['path']}:{p['line']}:{p['col']}: {p['text']!r} in {text[s:e][:60]!r}"
                )
                break
    return out


# -- the run -------------------------------------------------------------------------------

WORD = re.compile(r"[A-Za-z][a-z]{3,}")


def add_entities(root: Path, count: int) -> list[str]:
    """Entity notes for the most frequent words of the vault (drugs, so they are linked)."""
    words: Counter[str] = Counter()
    for path in root.rglob("*.md"):
        try:
            words.update(w.lower() for w in WORD.findall(path.read_text("utf-8", "replace")))
        except OSError:
            continue
    chosen = [w for w, _ in words.most_common(count)]
    folder = root / "zz-entities"
    folder.mkdir(exist_ok=True)
    for w in chosen:
        (folder / f"{w.capitalize()}.md").write_text("---\ntype: drug\n---\n", "utf-8")
    return chosen


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and not p.is_symlink()
    }


def run_link(vaultkg: str, root: Path, *extra: str) -> tuple[dict, float]:  # type: ignore[type-arg]
    started = time.perf_counter()
    proc = subprocess.run(
        [vaultkg, "link", str(root), "--format", "json", "--min-length", "4", *extra],
        capture_output=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        sys.exit(f"vaultkg link failed ({proc.returncode}): {proc.stderr.decode()[-2000:]}")
    return json.loads(proc.stdout), seconds


def _text(data: bytes) -> str:
    return data.decode("utf-8").removeprefix("\ufeff")


def check(vault: Path, entities: int, vaultkg: str) -> int:
    work = Path(tempfile.mkdtemp(prefix="linkcheck-"))
    root = work / "vault"
    shutil.copytree(vault, root, symlinks=True)
    add_entities(root, entities)
    before = snapshot(root)
    plan, dry_seconds = run_link(vaultkg, root)
    problems: list[str] = []
    if snapshot(root) != before:
        problems.append("the dry run changed bytes")
    result, write_seconds = run_link(vaultkg, root, "--write", "--force")
    after = snapshot(root)
    by_note: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    for p in result["proposals"]:
        by_note.setdefault(p["path"], []).append(p)
    written = set(result["written"])
    for rel, data in after.items():
        if rel not in written and data != before.get(rel):
            problems.append(f"{rel}: changed but not reported as written")
    for rel in written:
        old, new = before[rel], after[rel]
        if old.startswith(b"\xef\xbb\xbf") != new.startswith(b"\xef\xbb\xbf"):
            problems.append(f"{rel}: byte order mark changed")
        old_text, new_text = _text(old), _text(new)
        expected, stripped, pos = [], [], 0
        for p in sorted(by_note[rel], key=lambda p: p["offset"]):
            a, b = p["offset"], p["offset"] + p["length"]
            if old_text[a:b] != p["text"]:
                problems.append(f"{rel}: offset {a} does not hold {p['text']!r}")
            expected.append(old_text[pos:a] + p["replacement"])
            pos = b
        expected.append(old_text[pos:])
        if "".join(expected) != new_text:
            problems.append(f"{rel}: written bytes are not the old bytes plus the links")
        stripped_text = re.sub(r"\[\[(?:[^\[\]|]*\\?\|)?", "", new_text)
        stripped = stripped_text.replace("]]", "")
        original = re.sub(r"\[\[(?:[^\[\]|]*\\?\|)?", "", old_text).replace("]]", "")
        if stripped != original:
            problems.append(f"{rel}: stripping the links does not give the old text back")
        problems.extend(violations(old_text, by_note[rel]))
    again, _ = run_link(vaultkg, root)
    if again["proposals"]:
        paths = sorted({p["path"] for p in again["proposals"]})
        problems.append(f"second run proposed {len(again['proposals'])} link(s) in {paths[:5]}")
    notes = sum(1 for r in before if r.endswith(".md"))
    print(f"vault: {vault}")
    print(f"notes: {notes} (with {entities} entity notes added)")
    print(f"dry run: {len(plan['proposals'])} links proposed in {dry_seconds:.1f} s")
    print(
        f"write: {len(result['written'])} notes, {len(result['proposals'])} links, "
        f"{len(result['skipped'])} skipped, in {write_seconds:.1f} s"
    )
    print(f"unsafe (left unlinked): {result['summary']['unsafe']}")
    print(f"violations: {len(problems)}")
    zone_lines = [x for x in problems if " in " in x and x.count(":") >= 3]
    for line in problems:  # everything but zone hits, then one line per distinct zone
        if line not in zone_lines:
            print(f"  {line}")
    print(f"  links in protected zones: {len(zone_lines)}")
    shown: set[str] = set()
    for line in zone_lines:
        zone = line.rsplit(" in ", 1)[-1]
        if zone not in shown and len(shown) < 40:
            shown.add(zone)
            print(f"  {line}")
    shutil.rmtree(work, ignore_errors=True)
    return 1 if problems else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("vault", type=Path)
    ap.add_argument("--entities", type=int, default=300)
    ap.add_argument("--vaultkg", default=shutil.which("vaultkg") or "vaultkg")
    args = ap.parse_args()
    if not args.vault.is_dir():
        sys.exit(f"{args.vault}: not a folder")
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(check(args.vault, args.entities, args.vaultkg))


if __name__ == "__main__":
    main()
