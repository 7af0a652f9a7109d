"""Is a line of a note a checkable statement of fact, or something else a note is full of?

``not_a_statement(text)`` returns why a sentence, heading, list item or flashcard is not a
claim (a question, an instruction, narration, navigation, tags, a fragment, a mnemonic, code
or a path), or ``None`` when it states something. Each rule is one small function; the verb
test is a light heuristic (auxiliaries, common verbs of pharmacology, verb suffixes and the
words of drug action), not a parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LINK_SEPARATORS = re.compile(r"[\s,;:|/•·>»<«←→\-–—()\[\]]+")

# -- the verb heuristic --------------------------------------------------------------------

_AUXILIARIES_TEXT = """
    is are was were be been being am isn't aren't wasn't weren't has have had hasn't haven't
    do does did doesn't don't didn't can could may might must shall should will would can't
    cannot won't"""
_AUXILIARIES = frozenset(_AUXILIARIES_TEXT.split()) - {"be", "being", "been"}
# base forms of verbs study notes state facts with; inflected forms are found from these
_VERBS_TEXT = """act activate affect alter antagonize appear associate attenuate bind block boost
    cause change close compete contain control convert correlate couple cross damage dampen
    decrease degrade depend depolarize deplete differ displace drive elevate enhance enter
    excite excrete express facilitate fail fire form give help hyperpolarize impair improve
    include increase induce inhibit interact involve kill lack lead limit link lower make
    mean mediate metabolize mimic modulate need occupy occur open potentiate predict prevent
    produce promote protect raise reduce regulate release relieve remain require resemble
    result reverse seem shift show signal slow stimulate suppress synthesize take target
    tend transport treat trigger work worsen downregulate upregulate inactivate deactivate
    exert contribute lose gain carry reach undergo become antagonise metabolise accumulate build
    use recommend give consider avoid prefer administer prescribe monitor present manifest
    resolve indicate suggest
    develop come turn ask drop say suggest find report argue think call consist comprise belong
    vary decline rise fall grow persist last recover return emerge begin start stop end feel
    look keep hold bring put set get go let play serve constitute represent indicate reveal
    demonstrate confirm support tie travel move flow pass diffuse leave stay spread reach lie
    sit depend rely respond react adapt tolerate withdraw relapse crave sleep wake last
    cost vary peak bind pump couple hydrolyze cleave phosphorylate recycle internalize
    translocate insert traffic sensitize desensitize habituate"""
# irregular past forms, and verbs that are past forms already
_IRREGULAR_TEXT = """
    came went took gave made found got became began brought thought told said saw knew grew
    fell rose held kept lost meant ran stood won wrote bound led"""
_IRREGULAR = frozenset(_IRREGULAR_TEXT.split())
_VERBS = frozenset(_VERBS_TEXT.split())
# nouns of drug action: "Haloperidol: D2 antagonist" states a fact without a verb
_ACTION_WORDS = re.compile(
    r"\b(?:(?:partial|inverse)?\s*agonis\w*|antagoni[sz]\w*|inhibit\w*|blockers?|"
    r"modulators?|substrates?|releasers?|openers?|ligands?|precursors?|metabolites?)\b",
    re.IGNORECASE,
)
# "Resensitization: recovery of the response after a break" defines, and a definition states
_DEFINITION = re.compile(r"^[^:—–]{1,60}?\s*[:—–]\s+\S+(?:\s+\S+){3,}")
_WH_QUESTION = re.compile(r"^\W*(?:what|which|why|how|who)\b", re.IGNORECASE)
_WH_START = re.compile(r"^\W*(?:what|which|who|why|how|when|where)\b", re.IGNORECASE)
# clinical shorthand whose label is the predicate: "Rx: …" is "is treated with …"
_SHORTHAND = re.compile(
    r"^\W*(?:rx|tx|dx|ddx|treatment|management|(?:first|second|third|\d(?:st|nd|rd|th))"
    r"[\s-]+line|caused\s+by|due\s+to|causes|indications?|contraindications?|side\s+effects?|"
    r"adverse\s+effects?|mechanism(?:\s+of\s+action)?|moa)\s*:\s*\S",
    re.IGNORECASE,
)
_DETERMINERS = frozenset(
    "a an the this that these those its their his her our your of".split()  # noqa: SIM905
)
_ARROWS = re.compile(r"→|->|⇒|=>|↑|↓|⟶")
_FINITE_SUFFIX = re.compile(r"\w{4,}(?:izes|ises|ifies)$", re.IGNORECASE)
_PLURAL_SUBJECT = re.compile(r"(?:\w[^s\W]s|they|we|you|i|that|which|who|also|often)$", re.I)


def _lemmas(word: str) -> set[str]:
    """Possible base forms of an inflected word: "blocked" → {"block", ...}."""
    w = word.lower()
    out = {w}
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""),
                         ("d", ""), ("ing", ""), ("ing", "e")):  # fmt: skip
        if w.endswith(suffix) and len(w) - len(suffix) >= 2:
            stem = w[: -len(suffix)] + repl
            out.add(stem)
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.add(stem[:-1])  # "stopped" → "stop"
    return out


def _finite_verb(word: str, previous: str, following: str = "") -> bool:
    """A verb that can carry a statement: "is", "blocks", "metabolizes", "(opioids) bind";
    not a noun that looks like one: "Causes of anaemia", "Limits and complications"."""
    w = word.lower()
    if following.lower() in ("of", "and", "or", "&") and w not in _AUXILIARIES:
        return False  # "Causes of anaemia", "Signs and symptoms", "Limits and complications"
    if w in _AUXILIARIES or w in _IRREGULAR or _FINITE_SUFFIX.match(w):
        return True
    if w.endswith("s") and not w.endswith("ss") and (w[:-1] in _VERBS or w[:-2] in _VERBS):
        return True
    if w.endswith("ies") and w[:-3] + "y" in _VERBS:
        return True
    # a bare verb after a plural or a pronoun: "Opioids bind", not "Dopamine release"
    return w in _VERBS and _PLURAL_SUBJECT.search(previous) is not None


def has_predicate(text: str, heading: bool = False) -> bool:
    """Whether the text says something: a verb, an arrow, or (outside headings) a word of drug
    action. "Dopamine — reward" has none; "Haloperidol: D2 antagonist" has one. A heading
    needs a finite verb: "Naltrexone is a mu opioid receptor antagonist", not "D2 antagonists".
    """
    words = _WORD.findall(text)
    if heading and (len(words) < 3 or _WH_START.match(text)):
        return False  # "Causes", "What it is", "How it works" title a section
    if any(
        _finite_verb(w, words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else "")
        for i, w in enumerate(words)
    ):
        return True
    if heading:
        return False
    if len(words) >= 5 and re.search(r"[.!]\W*$", text):
        return True  # a full sentence of prose, with a verb the list does not know
    if _ARROWS.search(text) or _ACTION_WORDS.search(text) or _DEFINITION.match(text):
        return True
    if _SHORTHAND.match(text) or (
        re.search(r"\bif\b", text, re.I) and re.search(r"\bthen\b", text, re.I)
    ):
        return True  # "Rx: potent topical steroids", "If PEFR < 50% then prednisolone"
    for i, w in enumerate(words):
        lw = w.lower()
        if i and lw in _VERBS and words[i - 1].lower() not in _DETERMINERS:
            return True  # "Cocaine and DAT turn up together"
        if lw.endswith(("ed", "ing")) and _lemmas(lw) & _VERBS:
            return True  # a participle: "Blocked by curare", "acting on D2"
        if len(lw) >= 5 and lw.endswith("ed") and not lw.endswith("eed"):
            return True  # "Discovered by accident", "Excreted unchanged"
    return False


# -- the rules -----------------------------------------------------------------------------


def is_question(text: str) -> bool:
    """A question: "Does caffeine block A2A receptors?", or "Which drugs block D2 receptors"
    without its question mark (but not "When it wears off, …")."""
    if text.rstrip(" *_").endswith("?"):
        return True
    return _WH_QUESTION.match(text) is not None and "," not in text


_INSTRUCTION = re.compile(
    r"^(?:\W*)(?:describe|explain|list|know|understand|define|discuss|identify|outline|name|"
    r"recall|review|summari[sz]e|draw|contrast|compare|recogni[sz]e|state|learn|memori[sz]e|"
    r"read|watch|look\s+up|find\s+out|be\s+able\s+to|to\s*do|todo|fixme|tbd)\b"
    r"|^(?:\W*)(?:students?|you)\s+(?:will|should|must)\b"
    r"|^(?:\W*)(?:learning\s+)?(?:objectives?|goals?|outcomes?)\b",
    re.IGNORECASE,
)


def is_instruction(text: str) -> bool:
    """A learning objective or a task: "Describe the mechanism of haloperidol", "TODO: …"."""
    return _INSTRUCTION.search(text) is not None


_NARRATION = re.compile(
    r"\b(?:this|these|the\s+(?:next|previous|above|following)|next|previous)\s+(?:slide|"
    r"figure|fig|lecture|video|"
    r"diagram|table|image|picture|chart|graph|plot|panel|section|chapter|page|lesson|talk|"
    r"podcast|module)s?\b"
    r"|^(?:\W*)(?:figure|fig\.?|table|slide|panel)\s*\d+"
    r"|^(?:\W*)this\s+is\s+(?:an?\s+|the\s+)?(?:plot|graph|diagram|picture|figure|image|"
    r"slide|table|chart|summary|overview|example)\b"
    r"|^(?:\W*)(?:here\s+we|we\s+will|we'll|today\s+we|now\s+we|let's|let\s+us|"
    r"as\s+(?:shown|seen)\s+(?:in|on|above|below))\b"
    r"|\bin\s+(?:this|today's)\s+(?:lecture|video|session|class|note)\b"
    r"|\b(?:outlined|shown|summari[sz]ed|listed|illustrated|depicted|presented|given|"
    r"described)\s+"
    r"(?:in|on)\s+(?:the\s+)?(?:table|figure|fig|slide|chart|diagram)\b",
    re.IGNORECASE,
)


def is_narration(text: str) -> bool:
    """Speech about the material, not the subject: "This slide shows the D2 pathway",
    "In this lecture we cover antipsychotics", "Figure 2 is a dose-response curve"."""
    return _NARRATION.search(text) is not None


_NAVIGATION = re.compile(
    r"^\W*(?:(?:next|previous|prev|back|up|home|index|parent|related|see\s+also|links?|moc|"
    r"nav(?:igation)?|source\s+note|course|lecture\s+list)\s*:"
    r"|(?:back\s+to|return\s+to|go\s+to|see\s+also|see)\b)",
    re.IGNORECASE,
)


_CRUMB = re.compile(r"\s[>»/|]\s")


def is_navigation(text: str, links: Sequence[str] = ()) -> bool:
    """A way to other notes: "Next: [[Lecture 3]]", "Back to [[Pharmacology MOC]]", a
    breadcrumb "Home > Drugs > Haloperidol", or a line that is only links."""
    if _NAVIGATION.match(text):
        return True
    if len(_CRUMB.findall(text)) >= 2 and not has_predicate(_CRUMB.sub(" ", text)):
        return True  # a breadcrumb of three or more parts
    if not links:
        return False
    residue = text
    for display in dict.fromkeys(links):  # each text once: a note may repeat a link 10,000 times
        residue = residue.replace(display, " ")
    return not _WORD.search(_LINK_SEPARATORS.sub(" ", residue).replace("and", ""))


def is_tag_line(text: str) -> bool:
    """Mostly tags: "#pharmacology #antipsychotics #review"."""
    tokens = text.split()
    tags = sum(t.startswith("#") and len(t) > 1 for t in tokens)
    return bool(tokens) and tags * 2 >= len(tokens)


_METADATA = re.compile(
    r"^\W*(?:tags?|aliases?|status|created|modified|updated|date|type|category|categories|"
    r"author|topics?|keywords?|title|description|url|cssclass(?:es)?)\s*::?(?:\s|$)"
    r"|^\W*[^\W\d][\w\s/-]{0,30}?\W*::(?!:)",  # any Dataview field, "**Related**:: …"
    re.IGNORECASE,
)


def is_metadata(text: str) -> bool:
    """A property written in the body: "tags: #literature #cardiology", "Status:: draft",
    "**Related drugs**:: Caffeine"."""
    return _METADATA.match(text) is not None


_MNEMONIC = re.compile(r"^(?:\W*)(?:mnemonics?|memory\s+aid|remember\s+it\s+as)\b", re.I)


def is_mnemonic(text: str) -> bool:
    """A memory aid: "Mnemonic: SAD PIGS", or a label in capitals only: "ABCD"."""
    if _MNEMONIC.match(text):
        return True
    letters = [c for c in text if c.isalpha()]
    words = _WORD.findall(text)
    return len(letters) >= 4 and all(c.isupper() for c in letters) and len(words) <= 6


_URL = re.compile(r"\b(?:https?|file|obsidian)://\S+|\bwww\.\S+", re.IGNORECASE)
_EXTENSIONS = (".md", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".pdf", ".canvas", ".html", ".docx")
_ENCODED = re.compile(r"%[0-9A-Fa-f]{2}")


def _is_path(token: str) -> bool:
    token = token.strip(".,;:()[]<>\"'").lower()
    return (
        _ENCODED.search(token) is not None
        or token.endswith(_EXTENSIONS)
        or token.count("/") >= 2
        or re.match(r"[a-z]:\\", token) is not None
    )


_CODE_SIGNS = (
    re.compile(r";\s*$"),
    re.compile(r"[{}]"),
    re.compile(r"\w\("),
    re.compile(r"\s(?:=|==|!=|:=|=>|\+=)\s"),
    re.compile(r"[$\\`]"),
)


def is_code_or_path(text: str) -> bool:
    """Code, a URL or a file path, possibly URL-encoded: "Pharmacology/Lecture%2003.pdf",
    "https://example.org/d2", "x = f(y);"."""
    stripped = text.strip()
    if not stripped:
        return True
    if "%20" in stripped or re.search(r"%[0-9A-Fa-f]{2}\S*%[0-9A-Fa-f]{2}", stripped):
        return True
    residue = " ".join(t for t in _URL.sub(" ", stripped).split() if not _is_path(t))
    if len(residue.strip()) < len(stripped) and not re.search(r"[^\W\d_]{3,}", residue):
        return True
    if "/" in stripped and stripped.lower().endswith(_EXTENSIONS):
        return True  # "Pharmacology/Week 3/Antipsychotics.md"
    return sum(1 for sign in _CODE_SIGNS if sign.search(stripped)) >= 2


# a lead-in to a list ends on a word that needs the list to finish it: "… is either:"
_LEAD_IN = re.compile(
    r"\b(?:following|follows|include|includes|including|such\s+as|namely|either|are|is|were|"
    r"was|be|by|of|to|for|with|from|in|on|at|as|the|a|an|and|or|e\.g|i\.e)\.?\s*:$",
    re.IGNORECASE,
)


def is_label(text: str) -> bool:
    """A label or lead-in to a list, not a statement: "Key drugs:", "Its effects include:".
    A statement that ends in a colon before its examples still states: "D2 is the clearest
    example of both directions of adaptation:"."""
    text = text.rstrip(" *_")
    return text.endswith(":") and (_LEAD_IN.search(text) is not None or is_fragment(text))


def is_fragment(text: str, heading: bool = False) -> bool:
    """No predicate: "Dopamine — reward", "Mechanism of action", "## D2 antagonists"."""
    return not has_predicate(text, heading)


# -- the verdict -----------------------------------------------------------------------------

_RULES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("tags", is_tag_line),
    ("metadata", is_metadata),
    ("question", is_question),
    ("instruction", is_instruction),
    ("narration", is_narration),
    ("code or path", is_code_or_path),
    ("mnemonic", is_mnemonic),
    ("label", is_label),
)

# a section of questions, objectives or tasks holds no statements of fact
_NOT_FACT_SECTIONS = re.compile(
    r"^\W*(?:(?:learning\s+)?objectives?|goals?|outcomes?|questions?|(?:to\s*-?\s*do|todo)s?|"
    r"tasks?|review\s+questions?|quiz|practice\s+questions?|self[\s-]test)\W*$",
    re.IGNORECASE,
)


def not_a_statement(
    text: str,
    *,
    links: Sequence[str] = (),
    heading: bool = False,
    card: bool = False,
    context: Sequence[str] = (),
) -> str | None:
    """Why ``text`` is not a checkable statement of fact, or ``None`` when it is one.

    ``links``: the display texts of its links; ``heading``: the text is a heading (which needs
    a finite verb); ``card``: a flashcard "question — answer", whose question may ask;
    ``context``: the headings and parent items it stands under, outermost first; the nearest
    decides ("## Questions" above "### Complications" holds statements again).
    """
    if context and _NOT_FACT_SECTIONS.match(context[-1]):
        return "in a section of questions or tasks"
    answer = text.split(" — ", 1)[1] if card and " — " in text else text
    for name, rule in _RULES:
        if card and name in ("question", "instruction"):
            continue  # "Describe the D2 receptor — …": a card's question asks
        # a card's answer may be a name in capitals ("CYP3A4"): a mnemonic is the whole card
        if rule(answer if card and name != "mnemonic" else text):
            return name
    if is_navigation(answer, links):
        return "navigation"
    if is_fragment(text, heading):
        return "fragment"
    return None
