"""Frozen values that flow between the stages.

files --read--> Source --clean--> Page --segment--> Article --analyse--> Analysis
                                                    everything --> Briefing --> writers

Chinese text is carried twice where it is quoted: ``text`` is the analysis form
(Simplified script, normalised punctuation) and ``orig`` is the text exactly as
printed in the source.  Both always have the same length, so an offset found in
one is valid in the other; quotes in a briefing are always cut from ``orig``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .analyse.salience import Salience

ArticleKind = Literal["news", "interview", "photo_caption", "other"]
ProposalKind = Literal["suggestion", "plan"]
ParaRole = Literal["body", "heading", "guests"]


# The metadata of a field of Chinese as printed: what a briefing in Traditional script
# converts (every other string, such as ids, file names and the analysis form, stays).
PRINTED = {"printed": True}


@dataclass(frozen=True)
class Source:
    """One decoded input file."""

    path: str  # as the user named it (for messages and citations)
    name: str  # file name only
    text: str  # decoded text as printed (original script)
    encoding: str
    script: Literal["simplified", "traditional"]
    sha256: str
    # The role of each line of ``text`` where the file's layout tells it (PDF pages):
    # headline, kicker, subtitle, subhead, body, cont (goes on with the paragraph left
    # open before it), caption, furniture; "" for blank lines.  Empty: plain text.
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Line:
    """One source line in both forms, with its 1-based line number.  A page that
    keeps its items' HTML is read as the browser shows it: a line is then one block
    of it (several may share a source line), its seams are where markup was taken
    out of its text, and ``hint`` is what the markup made it (subhead, caption, link)."""

    no: int
    text: str
    orig: str
    mark: int = 0  # Markdown heading level (``#`` count) printed before the line, 0 if none
    bullet: bool = False  # printed as a list item (``- ``)
    markup: str = ""  # the heading marks and bullet taken off the line
    indent: bool = False  # printed with a leading indent (U+3000, spaces or a tab)
    role: str = ""  # what the file's layout says the line is (see Source.roles)
    gap: bool = False  # a blank line (or the end of another block) is printed before it
    seams: tuple[int, ...] = ()
    hint: str = ""
    joined: bool = False  # …but inside a paragraph that goes on (an extraction's break)
    parted: bool = False  # …and read as ending the paragraph before it, open as it is


@dataclass(frozen=True)
class Dropped:
    """Page furniture removed by the cleaner, kept so that nothing is lost silently."""

    line: int
    text: str
    reason: str


BlockKind = Literal["heading", "kicker", "label", "byline", "body", "caption", "credit", "names", "guest"]


@dataclass(frozen=True)
class Block:
    """A cleaned unit of a page: a paragraph of body text (broken lines rejoined) or a
    structural line (heading, kicker, byline, label, photo caption or credit)."""

    kind: BlockKind
    text: str
    orig: str
    lines: tuple[int, ...]
    mark: int = 0
    continues: int | None = None  # index of the earlier body block this one continues
    byline: str | None = None  # for a body block opened by 本报讯(…) or a caption with a credit
    ends_open: bool = False  # the paragraph stops mid-sentence
    seams: tuple[int, ...] = ()  # offsets where text printed elsewhere on the page was joined
    indent: bool = False  # its first line was printed indented
    opens: bool = False  # a headline the page's layout shows opening an article (an item's)
    closes: bool = False  # a signature that ends an item (a letter's writer, a brief's reporter)


PageLayout = Literal["print", "indented", "markdown"]


@dataclass(frozen=True)
class Page:
    source: Source
    blocks: tuple[Block, ...]
    dropped: tuple[Dropped, ...]
    # "indented": body paragraphs are indented and headlines are not (web text of most
    # Chinese news sites); "markdown": articles start at ``#``/``##`` headings;
    # "print": no such cue (text extracted from a printed page)
    layout: PageLayout = "print"
    # the lines were broken inside paragraphs (a PDF extraction's text), not one to a paragraph
    broken: bool = False


@dataclass(frozen=True)
class Para:
    """A paragraph of an article, in both forms."""

    text: str
    orig: str = field(metadata=PRINTED)
    lines: tuple[int, ...]
    role: ParaRole = "body"
    # Offsets where the paragraph was rebuilt across interleaved columns: the text on
    # either side is verbatim, but printed apart on the page.
    seams: tuple[int, ...] = ()


@dataclass(frozen=True)
class Article:
    id: str
    source: str  # file name
    kind: ArticleKind
    title: str | None = field(metadata=PRINTED)
    kicker: str | None = field(metadata=PRINTED)
    byline: str | None = field(metadata=PRINTED)
    paragraphs: tuple[Para, ...]
    # The kicker and headline in analysis form: what the writer says the article is about.
    topic: str = ""

    @property
    def body(self) -> tuple[Para, ...]:
        return tuple(p for p in self.paragraphs if p.role == "body")

    @property
    def lines(self) -> tuple[int, ...]:
        return tuple(n for p in self.paragraphs for n in p.lines)


@dataclass(frozen=True)
class Sentence:
    text: str  # analysis form
    orig: str = field(metadata=PRINTED)  # as printed
    para: int  # index into Article.paragraphs
    start: int  # offset in that paragraph


@dataclass(frozen=True)
class ThemeHit:
    theme: str
    terms: tuple[str, ...] = field(metadata=PRINTED)  # the matched terms: why the item sits under the theme
    score: float


@dataclass(frozen=True)
class Proposal:
    id: str
    article: str
    speaker: str | None = field(metadata=PRINTED)
    role: str | None = field(metadata=PRINTED)
    body: str | None = field(metadata=PRINTED)  # the institution, when no person speaks
    kind: ProposalKind
    text: str = field(metadata=PRINTED)  # verbatim, as printed
    para: int
    themes: tuple[ThemeHit, ...] = ()
    mandate: Literal["npc", "cppcc"] | None = None  # 人大代表 (建议) or 政协委员 (提案)
    # the place the body stands for when it is the paper's own 我市, 本市, 我省…,
    # where the page makes it knowable (重庆市 for 我市 in a Chongqing paper)
    place: str | None = field(default=None, metadata=PRINTED)
    # where the same proposer says it again in the week (article id, paragraph), listed once here
    also: tuple[tuple[str, int], ...] = ()

    @property
    def theme_keys(self) -> tuple[str, ...]:
        return tuple(h.theme for h in self.themes)

    @property
    def who(self) -> str | None:
        """The speaker, or the body; a resolved self-reference with the original
        beside it (重庆市（我市）)."""
        if self.speaker:
            return self.speaker
        if self.place and self.body:
            return f"{self.place}（{self.body}）"
        return self.body


@dataclass(frozen=True)
class Figure:
    """A statistic stated in an article, verbatim."""

    text: str = field(metadata=PRINTED)
    para: int


@dataclass(frozen=True)
class Analysis:
    """An article with everything the analysis stages found in it."""

    article: Article
    summary: tuple[Sentence, ...]
    keywords: tuple[str, ...] = field(metadata=PRINTED)
    proposals: tuple[Proposal, ...]
    themes: tuple[ThemeHit, ...]
    figures: tuple[Figure, ...] = ()
    # from the archive: briefed in an earlier run (then listed, not repeated), and
    # the copies of it merged into this one ("file, article id")
    seen_before: bool = False
    first_seen: str | None = None
    duplicates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Theme:
    key: str
    label_zh: str = field(metadata=PRINTED)
    label_en: str
    terms: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class ThemeGroup:
    theme: Theme
    proposals: tuple[Proposal, ...]


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass(frozen=True)
class SourceInfo:
    path: str
    name: str
    encoding: str
    script: str
    sha256: str
    articles: int
    dropped: int
    published: str | None = None  # ISO date the page was published
    date_source: str = "run date"  # where that date comes from: file name, masthead, dateline, run date
    outlet: str | None = field(default=None, metadata=PRINTED)  # the paper, as the page names itself
    page: str | None = None  # the page number the page prints or its file name gives


@dataclass(frozen=True)
class Translation:
    """How the English was made: named in the briefing's machine-translation label."""

    backend: str
    model: str
    segments: int
    translated: int
    reused: int  # from the translation memory
    flagged: int  # translations that failed the number or script check


@dataclass(frozen=True)
class Briefing:
    title: str = field(metadata=PRINTED)
    generated: str  # ISO 8601 timestamp
    period: str  # the ISO week the briefing covers, e.g. 2026-W47
    sources: tuple[SourceInfo, ...]
    analyses: tuple[Analysis, ...]
    themes: tuple[Theme, ...]  # the taxonomy, in its order (labels in the briefing's script)
    skipped: tuple[Skipped, ...] = ()
    settings: tuple[tuple[str, str], ...] = ()
    translation: Translation | None = None
    script: str = "simplified"  # the script the Chinese of the briefing is written in
    opencc: str = ""  # the OpenCC configuration of a Traditional briefing, for its labels too
    archive: str | None = None  # the archive this run was recorded in
    run: int | None = None  # its run number there
    trend: tuple[tuple[str, tuple[tuple[str, int], ...]], ...] = ()  # (run label, (theme, proposals)…), oldest first
    excluded: tuple[Skipped, ...] = ()  # pages left out by --since or --period (not errors)
    # English, when a translator ran, as (key, English): machine translation of each
    # proposal's text, role and body, each article's title and summary sentences, the
    # speakers' names in pinyin, and the checks' flags; keys from english_key().
    english: tuple[tuple[str, str], ...] = ()
    # how much each proposal briefed in full matters, with the reasons (analyse/salience.py)
    salience: tuple[Salience, ...] = ()

    @property
    def proposals(self) -> tuple[Proposal, ...]:
        """The proposals briefed in full (not those of articles covered in an earlier run)."""
        return tuple(p for a in self.analyses if not a.seen_before for p in a.proposals)

    @property
    def groups(self) -> tuple[ThemeGroup, ...]:
        """The proposals briefed in full under each theme of the taxonomy (a view:
        a proposal's themes are the one record of where it belongs)."""
        proposals = self.proposals
        return tuple(ThemeGroup(t, tuple(p for p in proposals if t.key in p.theme_keys)) for t in self.themes)

    @property
    def briefed(self) -> tuple[Analysis, ...]:
        """The articles briefed in full this time."""
        return tuple(a for a in self.analyses if not a.seen_before)

    @property
    def covered(self) -> tuple[Analysis, ...]:
        """The articles already briefed in an earlier period: listed, not repeated."""
        return tuple(a for a in self.analyses if a.seen_before)


def english_key(ident: str, field: str) -> str:
    """The key of one English string: a proposal's or an article's id and the field
    (text, role, speaker, body, flag; title, summary:N)."""
    return f"{ident}:{field}"
