"""Show a plan: unified diffs per note, a summary, and a JSON form of both."""

from __future__ import annotations

import difflib
from typing import Any

from .model import NotePlan, Plan, Proposal


def _lines(text: str) -> list[str]:
    # one entry per line, line ends dropped ("\r\n" and "\n" alike) so the diff reads cleanly
    return [line.removesuffix("\r") for line in text.split("\n")]


def note_diff(plan: NotePlan, context: int = 0) -> list[str]:
    """A unified diff of one note, paths as ``a/<path>`` and ``b/<path>``."""
    return list(
        difflib.unified_diff(
            _lines(plan.text),
            _lines(plan.new_text()),
            fromfile=f"a/{plan.path}",
            tofile=f"b/{plan.path}",
            n=context,
            lineterm="",
        )
    )


def summary_lines(plan: Plan, titles: dict[str, str]) -> list[str]:
    """Notes touched, links per entity (most first), ambiguous names skipped."""
    proposals = plan.proposals
    out = [
        f"{len(proposals)} link(s) proposed in {len(plan.notes)} of {plan.notes_scanned} note(s)"
    ]
    per_entity = plan.per_entity()
    if per_entity:
        out.append("Links per entity:")
        width = max(len(titles.get(e, e)) for e in per_entity)
        ranked = sorted(per_entity.items(), key=lambda kv: (-kv[1], titles.get(kv[0], kv[0])))
        for entity, count in ranked:
            out.append(f"  {titles.get(entity, entity).ljust(width)}  {count}")
    if plan.unsafe:
        out.append(
            f"{len(plan.unsafe)} mention(s) left unlinked because a link there would change "
            "how the note reads:"
        )
        out.extend(f"  {p.path}:{p.line}:{p.col}: {p.text}" for p in plan.unsafe)
    names = plan.ambiguous_names()
    if names:
        out.append("Ambiguous names, not linked (give each name to one note only):")
        for (name, entities), count in sorted(names.items(), key=lambda kv: (-kv[1], kv[0])):
            where = ", ".join(entities)
            out.append(f"  {name!r}: {count} mention(s), could be {where}")
    return out


def plan_json(plan: Plan, titles: dict[str, str]) -> dict[str, Any]:
    return {
        "summary": {
            "notes_scanned": plan.notes_scanned,
            "notes_touched": len(plan.notes),
            "links_proposed": len(plan.proposals),
            "per_entity": {
                titles.get(e, e): n
                for e, n in sorted(
                    plan.per_entity().items(), key=lambda kv: (-kv[1], titles.get(kv[0], kv[0]))
                )
            },
            "ambiguous": len(plan.ambiguous),
            "unsafe": len(plan.unsafe),
        },
        "proposals": [
            {
                "path": p.path,
                "line": p.line,
                "col": p.col,
                "offset": p.start,
                "length": p.end - p.start,
                "text": p.text,
                "entity": p.entity,
                "replacement": p.replacement,
            }
            for p in plan.proposals
        ],
        "unsafe": [
            {"path": p.path, "line": p.line, "col": p.col, "text": p.text, "entity": p.entity}
            for p in plan.unsafe
        ],
        "ambiguous": [
            {
                "path": a.path,
                "line": a.line,
                "col": a.col,
                "text": a.text,
                "entities": list(a.entities),
            }
            for a in plan.ambiguous
        ],
    }


def result_json(
    plan: Plan,
    titles: dict[str, str],
    written: list[str],
    skipped: list[tuple[str, str]],
    *,
    dry_run: bool,
) -> dict[str, Any]:
    """``plan_json`` with what was written and skipped."""
    payload = plan_json(plan, titles)
    payload["written"] = written
    payload["skipped"] = [{"path": p, "reason": r} for p, r in skipped]
    payload["dry_run"] = dry_run
    return payload


def outcome_lines(plan: Plan, written: list[str], *, dry_run: bool) -> list[str]:
    """The last line of a run: nothing written yet, or how many links went where."""
    if dry_run:
        return (
            ["Dry run: nothing was written. Add --write to apply these links."]
            if plan.notes
            else []
        )
    done = set(written)
    links = sum(len(n.proposals) for n in plan.notes if n.path in done)
    return [f"Wrote {links} link(s) to {len(written)} note(s)."]


def proposal_context(text: str, p: Proposal, width: int = 40) -> str:
    """The proposal's line around it, as it would read linked (cut to ``width`` each side)."""
    line_start = text.rfind("\n", 0, p.start) + 1
    line_end = text.find("\n", p.end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, p.start - width) : p.start]
    after = text[p.end : min(line_end, p.end + width)].rstrip("\r")
    lead = "…" if p.start - width > line_start else ""
    tail = "…" if p.end + width < line_end else ""
    return f"{lead}{before}{p.replacement}{after}{tail}"
