"""Find the mentions to link: prose spans only, guarded, filtered, longest name first."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from ..config import Config
from ..kg.names import NameMatcher
from ..model import Note, Span
from ..resolve import LinkIndex
from .edit import original_bytes
from .guards import LineGuard
from .model import Ambiguous, LinkOptions, NotePlan, Plan, Proposal
from .targets import EntityTable, build_entities
from .verify import keep_safe
from .zones import ProtectedZones


class _Lines:
    """Line and column of an offset in O(log n): a note may hold 200,000 mentions."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def line_col(self, offset: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.starts, offset)
        return k, offset - self.starts[k - 1] + 1


def _wanted(entity: str, table: EntityTable, options: LinkOptions) -> bool:
    if options.only and entity not in options.only:
        return False
    return not (options.types and table.entities[entity].type not in options.types)


def trusted_spans(note: Note) -> list[Span]:
    """The prose spans, in order, without duplicates, empty spans or a span holding a pipe.

    The parser places table cells by the row's unescaped pipes and checks every span
    against the source, so a cell repeated in its row is as certain as any other text;
    dropping it (as an earlier version did) linked such cells one run at a time.
    """
    text = note.text
    out: list[Span] = []
    seen: set[tuple[int, int]] = set()
    for span in sorted(note.prose, key=lambda s: (s.start, s.end)):
        if (span.start, span.end) in seen or span.end <= span.start:
            continue
        seen.add((span.start, span.end))
        if span.context == "table" and "|" in text[span.start : span.end]:
            continue
        out.append(span)
    return out


def _already_linked(note: Note) -> set[str]:
    return {link.resolved for link in note.links if link.resolved and not link.embed}


def propose_for_note(
    note: Note, table: EntityTable, options: LinkOptions
) -> tuple[list[Proposal], list[Ambiguous]]:
    """The proposals and ambiguous mentions of one note (parsed with spans=True)."""
    text = note.text
    own = NameMatcher([(n, note.path) for n in note.names if isinstance(n, str)], min_length=1)
    guard = LineGuard(text)
    zones = ProtectedZones(text)
    lines = _Lines(text)
    linked = _already_linked(note) if options.first_only else set()
    seen: set[str] = set()
    proposals: list[Proposal] = []
    ambiguous: list[Ambiguous] = []
    spans = trusted_spans(note)
    for i, span in enumerate(spans):
        if span.context == "heading" and not options.headings:
            continue
        piece = text[span.start : span.end]
        size = len(piece)
        # A name broken over two lines ("adenosine\nreceptors") cannot be linked, but it
        # must not leave a shorter name ("adenosine") to be linked in its place.
        following = spans[i + 1] if i + 1 < len(spans) else None
        if following is not None and not text[span.end : following.start].strip():
            piece += " " + text[following.start : following.end]
        own_hits = [(m.start, m.end) for m in own.find(piece)] if own else []
        for m in table.matcher.find(piece):
            if m.end > size:
                continue  # runs on into the next line
            start, end = span.start + m.start, span.start + m.end
            if text[start:end] != m.text:  # offsets disagree with the text: never guess
                continue
            if any(s < m.end and m.start < e for s, e in own_hits):
                continue  # the note's own title or alias
            if zones.overlaps(start, end) or not guard.safe(start, end):
                continue
            if proposals and start < proposals[-1].end:
                continue  # spans never overlap; if they ever do, keep the first link only
            line, col = lines.line_col(start)
            if m.entity is None:
                if any(_wanted(e, table, options) for e in m.entities):
                    ambiguous.append(Ambiguous(note.path, line, col, m.text, m.entities))
                continue
            entity = m.entity
            if entity == note.path or not _wanted(entity, table, options):
                continue
            if options.first_only and (entity in seen or entity in linked):
                continue
            seen.add(entity)
            proposals.append(
                Proposal(
                    path=note.path,
                    start=start,
                    end=end,
                    text=m.text,
                    entity=entity,
                    target=table.entities[entity].target,
                    line=line,
                    col=col,
                    context=span.context,
                )
            )
    return proposals, ambiguous


def plan_links(
    notes: dict[str, Note],
    config: Config,
    index: LinkIndex | None,
    options: LinkOptions,
    table: EntityTable | None = None,
) -> Plan:
    """Proposals for every note (or those in options.notes), in path order."""
    if table is None:
        table = build_entities(notes, config, index, options.min_length)
    plan = Plan()
    paths: Iterable[str] = sorted(options.notes) if options.notes else sorted(notes)
    for path in paths:
        note = notes[path]
        if not note.text:
            continue
        plan.notes_scanned += 1
        proposals, ambiguous = propose_for_note(note, table, options)
        plan.ambiguous.extend(ambiguous)
        proposals, unsafe = keep_safe(note, proposals)
        plan.unsafe.extend(unsafe)
        if proposals:
            plan.notes.append(NotePlan(path, original_bytes(note), note.text, note.bom, proposals))
    return plan


def recheck(plan: Plan, notes: dict[str, Note]) -> None:
    """Verify again after proposals were dropped (e.g. skipped in --interactive)."""
    for note_plan in plan.notes:
        safe, unsafe = keep_safe(notes[note_plan.path], note_plan.proposals)
        note_plan.proposals = safe
        plan.unsafe.extend(unsafe)
    plan.notes = [n for n in plan.notes if n.proposals]
