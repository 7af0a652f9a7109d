"""Property: whatever the note, the linker only ever adds link syntax around mentions."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vaultkg.config import Config
from vaultkg.kg.vocabulary import builtin
from vaultkg.link import LinkOptions, build_entities, plan_links
from vaultkg.link.edit import original_bytes, remove_links
from vaultkg.model import Note
from vaultkg.parse.note import parse_note
from vaultkg.resolve import resolve_links

ENTITIES = {
    "Drugs/Caffeine.md": b"---\ntype: drug\naliases: [guaranine]\n---\n",
    "Drugs/Amphetamine.md": b"---\ntype: drug\n---\n",
    "Neurotransmitters/Dopamine.md": b"---\ntype: neurotransmitter\naliases: [DA]\n---\n",
    "Targets/Adenosine A2A receptor.md": b"---\ntype: receptor\naliases: [A2A]\n---\n",
    "Neurotransmitters/Adenosine.md": b"---\ntype: neurotransmitter\n---\n",
}

NAMES = [
    "caffeine",
    "Caffeine",
    "CAFFEINE",
    "guaranine",
    "amphetamines",
    "dopamine",
    "DA",
    "A2A",
    "adenosine",
    "Adenosine A2A receptor",
    "A2A receptors",
    "adenosine  A2A receptor",
]
WORDS = ["the", "brain", "blocks", "and", "of", "é", "naïve", "—", "→", "x", "🧠", "50%"]
PIECES = [
    st.sampled_from(NAMES),
    st.sampled_from(WORDS),
    st.sampled_from(NAMES).map(lambda n: f"`{n}`"),
    st.sampled_from(NAMES).map(lambda n: f"[[{n}]]"),
    st.sampled_from(NAMES).map(lambda n: f"[[Dopamine|{n}]]"),
    st.sampled_from(NAMES).map(lambda n: f"![[{n}]]"),
    st.sampled_from(NAMES).map(lambda n: f"[{n}](https://example.org/{n.replace(' ', '_')})"),
    st.sampled_from(NAMES).map(lambda n: f"https://example.org/{n.replace(' ', '-')}"),
    st.sampled_from(NAMES).map(lambda n: f"${n}$"),
    st.sampled_from(NAMES).map(lambda n: f"%%{n}%%"),
    st.sampled_from(NAMES).map(lambda n: f"<b>{n}</b>"),
    st.sampled_from(NAMES).map(lambda n: f"#{n.split()[0]}"),
    st.sampled_from(NAMES).map(lambda n: f"**{n}**"),
    st.sampled_from(["[", "]", "|", "*", "_", "\\", "!", ".", ",", "(", ")", ":", "\t", "  "]),
]
SEPARATORS = st.sampled_from([" ", " ", " ", "", "\t", ", "])
LINE_STARTS = st.sampled_from(["", "", "", "- ", "> ", "# ", "| ", "1. ", "    ", "key:: "])


@st.composite
def notes(draw: st.DrawFn) -> bytes:
    lines = []
    for _ in range(draw(st.integers(1, 8))):
        parts = draw(st.lists(st.one_of(*PIECES), min_size=0, max_size=8))
        seps = [draw(SEPARATORS) for _ in parts]
        body = "".join(s + p for s, p in zip(seps, parts, strict=True))
        trailing = draw(st.sampled_from(["", "", " ", "  ", "\t"]))
        lines.append(draw(LINE_STARTS) + body + trailing)
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["", "```", "$$", "%%", "---", "|---|---|"])))
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    text = eol.join(lines) + draw(st.sampled_from(["", eol]))
    if draw(st.booleans()):
        text = "---" + eol + "aliases: [x]" + eol + "---" + eol + text
    bom = b"\xef\xbb\xbf" if draw(st.booleans()) else b""
    return bom + text.encode("utf-8")


def _vault(data: bytes) -> dict[str, Note]:
    notes_ = {p: parse_note(b, p, spans=True).note for p, b in ENTITIES.items()}
    notes_["Notes/random.md"] = parse_note(data, "Notes/random.md", spans=True).note
    return notes_


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes(), st.booleans(), st.booleans())
def test_removing_inserted_link_syntax_gives_back_the_input(
    data: bytes, first_only: bool, headings: bool
) -> None:
    vault = _vault(data)
    index, _ = resolve_links(vault, [])
    config = Config(link_headings=headings)
    table = build_entities(vault, config, index)
    options = LinkOptions(
        first_only=first_only, headings=headings, notes=frozenset({"Notes/random.md"})
    )
    plan = plan_links(vault, config, index, options, table)
    note = vault["Notes/random.md"]
    assert original_bytes(note) == data
    if not plan.notes:
        return
    [planned] = plan.notes
    new = planned.new_bytes()
    assert new.startswith(b"\xef\xbb\xbf") == data.startswith(b"\xef\xbb\xbf")
    new_text = new.decode("utf-8").removeprefix("\ufeff")
    # strip exactly the inserted "[[Target|" (or "[[") and "]]", by position
    assert remove_links(new_text, planned.proposals) == note.text
    # ... and independently: each insertion is "[[" or "[[Target|" before a name, "]]" after
    for p in planned.proposals:
        assert p.prefix in ("[[", f"[[{p.target}|", f"[[{p.target}\\|")
        assert p.target in {
            "Caffeine",
            "Amphetamine",
            "Dopamine",
            "Adenosine A2A receptor",
            "Adenosine",
        }
        assert _singular(p.text) in KNOWN or _vocabulary_name(p.text, p.target)
    # linking the result again never links inside the new links, and --first-only is done
    again = _vault(new)
    index2, _ = resolve_links(again, [])
    plan2 = plan_links(again, config, index2, options, build_entities(again, config, index2))
    new_spans = []
    shift = 0
    for p in sorted(planned.proposals, key=lambda p: p.start):
        new_spans.append((p.start + shift, p.start + shift + len(p.replacement)))
        shift += len(p.prefix) + len(p.suffix)
    for q in plan2.proposals:
        assert all(q.end <= s or q.start >= e for s, e in new_spans)
    if first_only:
        assert plan2.notes == []


KNOWN = {
    "caffeine",
    "guaranine",
    "amphetamine",
    "dopamine",
    "da",
    "a2a",
    "adenosine",
    "adenosine a2a receptor",
}


def _vocabulary_name(text: str, target: str) -> bool:
    """Whether the built-in vocabulary gives ``text`` as a name of the note's term."""
    return any(t.label.casefold() == target.casefold() for t in builtin().lookup(text))


def _singular(text: str) -> str:
    key = " ".join(text.split()).casefold()
    for suffix in ("es", "s", ""):
        if key.endswith(suffix) and key[: len(key) - len(suffix)] in KNOWN:
            return key[: len(key) - len(suffix)]
    return key
