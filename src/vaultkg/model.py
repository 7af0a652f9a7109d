"""Plain data that flows through the pipeline: scan → parse → resolve → extract → graph.

Everything here is a dataclass with no behaviour beyond small conveniences, so that a parsed
note can be pickled to a worker process and back, cached by content hash, or dumped as JSON.
Lines and columns are 1-based, as editors show them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
LinkKind = Literal["wikilink", "markdown", "property"]


@dataclass(slots=True)
class Diagnostic:
    """One problem found in the vault, printed as ``path:line:col: severity: message [code]``."""

    path: str
    line: int
    col: int
    severity: Severity
    code: str
    message: str

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message} [{self.code}]"


@dataclass(slots=True)
class Link:
    """A link or embed as written in a note; ``resolved`` is filled in by the resolver."""

    target: str  # path part, trimmed, "" for a link into the same note
    kind: LinkKind
    line: int
    col: int
    embed: bool = False
    alias: str | None = None
    headings: tuple[str, ...] = ()  # [[t#H1#H2]] -> ("H1", "H2")
    block: str | None = None  # [[t#^id]] -> "id"
    size: str | None = None  # ![[img.png|640x480]] -> "640x480"
    raw: str = ""
    # set by resolve.resolve_links
    resolved: str | None = None  # vault-relative path of the target note or attachment
    status: str = "unresolved"  # one of constants.LINK_STATUSES

    @property
    def display(self) -> str:
        """The text a reader sees where the link stands."""
        if self.alias:
            return self.alias
        name = self.target.rsplit("/", 1)[-1] if self.target else ""
        if name.lower().endswith(".md"):
            name = name[:-3]
        parts = [name] if name else []
        parts.extend(self.headings)
        if self.block:
            parts.append("^" + self.block)
        return " > ".join(parts)


@dataclass(slots=True)
class Tag:
    name: str  # without "#", as written (nested tags keep their "/")
    line: int
    col: int
    source: Literal["inline", "frontmatter"] = "inline"


@dataclass(slots=True)
class Heading:
    text: str
    level: int
    line: int
    anchor: str  # the form Obsidian writes in [[note#anchor]]
    slug: str  # an HTML id
    # the heading read as a sentence (a heading may state a fact: "# Naltrexone blocks ...")
    sentence: Sentence | None = None


@dataclass(slots=True)
class BlockId:
    id: str
    line: int  # first line of the block it labels


@dataclass(slots=True)
class Callout:
    type: str  # lower-cased: note, warning, claim, ...
    title: str
    fold: str  # "", "+" or "-"
    line: int
    end_line: int


@dataclass(slots=True)
class FootnoteDef:
    label: str
    text: str
    line: int
    links: list[Link] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)


@dataclass(slots=True)
class FootnoteRef:
    label: str
    line: int
    col: int


@dataclass(slots=True)
class InlineField:
    """A Dataview-style field: ``key:: value``, ``[key:: value]`` or ``(key:: value)``."""

    key: str
    value: str
    line: int
    col: int
    style: Literal["line", "bracket", "paren"] = "line"
    links: list[Link] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    citekeys: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Sentence:
    """One sentence of prose, with what it links to and cites."""

    text: str
    line: int
    col: int
    links: list[Link] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    citekeys: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    # what the sentence is read under, outermost first: the headings above it, then its
    # parent list items, as (text, line); a list item may leave its subject to these
    context: list[tuple[str, int]] = field(default_factory=list)
    # a flashcard: ``text`` is "question — answer", and the answer is what it states
    card: bool = False

    @property
    def is_question(self) -> bool:
        return not self.card and self.text.rstrip().endswith("?")


@dataclass(slots=True)
class Citations:
    """Citations that stand at the end of a block, after its last word."""

    links: list[Link] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    citekeys: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.links or self.footnotes or self.citekeys or self.urls)


@dataclass(slots=True)
class Block:
    """A prose block: a paragraph, list item, quote or callout paragraph, or table cell."""

    kind: Literal["paragraph", "list_item", "quote", "callout", "table"]
    line: int
    end_line: int
    section: tuple[str, ...]  # heading texts above the block, outermost first
    sentences: list[Sentence] = field(default_factory=list)
    callout: str | None = None  # the callout type when inside a callout
    trailing: Citations = field(default_factory=Citations)
    block_id: str | None = None


@dataclass(slots=True)
class Span:
    """A stretch of the source, in character offsets of the decoded text."""

    start: int
    end: int
    context: Literal["text", "heading", "table"] = "text"


@dataclass(slots=True)
class Note:
    """Everything vaultkg reads from one Markdown file."""

    path: str  # vault-relative, POSIX separators
    title: str  # file name without extension
    properties: dict[str, Any] = field(default_factory=dict)  # front matter, keys lower-cased
    aliases: list[str] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    block_ids: list[BlockId] = field(default_factory=list)
    callouts: list[Callout] = field(default_factory=list)
    footnotes: list[FootnoteDef] = field(default_factory=list)
    footnote_refs: list[FootnoteRef] = field(default_factory=list)
    fields: list[InlineField] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    frontmatter_lines: int = 0  # number of lines the front matter takes, 0 when none
    text: str = ""  # the decoded source
    bom: bool = False
    # Spans the linker must never touch (code, math, links, tags, HTML, comments, ...).
    # Only filled when parse_note is asked for them.
    protected: list[Span] = field(default_factory=list)
    prose: list[Span] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [self.title, *self.aliases]

    def property(self, key: str, default: Any = None) -> Any:
        return self.properties.get(key.lower(), default)


@dataclass(slots=True)
class ParseResult:
    note: Note
    diagnostics: list[Diagnostic] = field(default_factory=list)
