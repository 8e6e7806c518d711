"""The paragraph walk that ties speakers and clauses together.

Paragraph by paragraph, sentence by sentence: a question turn resets the speaker;
an answer turn, a speaker line or a naming in the sentence sets it; a quotation
followed by its attribution (“……。”X表示) is X's; the clauses of each sentence are
classified with the current speaker; a proposal's kind carries on to the
sentences that continue it (其次，…; 出台…政策).  With no person speaking, a body's
own plan (我市将…, 某集团还将…) is taken with the body as proposer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ...model import Article, Para, Proposal, ProposalKind
from ...text.normalize import normalize_punctuation
from ...text.patterns import QUESTION_RE
from ...text.sentences import split_spans
from .clauses import (
    ANNOUNCES_RE,
    CONTINUES,
    INCLUDES_RE,
    LEAD_CONNECTIVES,
    MIN_ITEM,
    MIN_PROPOSAL,
    PAST_RE,
    find_in_region,
    is_body,
    listed,
    marker,
    pieces,
    sentence_proposals,
    trim,
)
from .lexicon import DIPLOMATIC, OBJECTS, SHORT_MEASURE, alternation
from .speakers import QA_TURN_RE, Finder, Mention, Speaker, mandate_of


@dataclass
class _State:
    speaker: Speaker | None
    carry: ProposalKind | None = None  # the kind of the speaker's last proposal, while it goes on
    # The body is the speaker's own voice: a column item under a line naming them, where
    # a sentence that opens with a verb (适度提高…, 通过制定…) states their proposal.
    voice: bool = False


def _parallel(paragraphs: list[str], index: int) -> bool:
    """A paragraph that opens like its neighbour: one item of a parallel list."""
    head = paragraphs[index][:2]
    neighbours = paragraphs[index - 1 : index] + paragraphs[index + 1 : index + 2]
    return len(head) == 2 and any(n[:2] == head for n in neighbours)


def find_proposals(article: Article) -> tuple[Proposal, ...]:
    if article.kind not in ("news", "interview"):
        return ()
    return tuple(walk_article(article).out)


def walk_article(article: Article) -> _Walk:
    """The walk through an article: the proposals the rules find, and who speaks in
    each sentence."""
    walk = _Walk(article)
    bodies = [p.text for p in article.paragraphs if p.role == "body"]
    body_index = -1
    for pi, para in enumerate(article.paragraphs):
        if para.role == "heading":
            walk.heading(para)
        elif para.role == "body":
            body_index += 1
            walk.paragraph(pi, para, _parallel(bodies, body_index))
    return walk


@dataclass(frozen=True)
class Scope:
    """Who speaks in one sentence of the walk: the speaker current there (after any
    naming in it), the naming itself, and whether the sentence was reported speech."""

    para: int
    start: int
    end: int
    speaker: Speaker | None
    mention: Mention | None
    quoted: bool


class _Walk:
    """The walk through one article: who speaks now, and the proposals found so far."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.finder = Finder(article)
        self.out: list[Proposal] = []
        self.state = _State(self.finder.default, voice=self.finder.voice)
        self.scopes: list[Scope] = []
        self.asked = False  # the paragraph before was an interviewer's question
        self.person: Speaker | None = None  # the person named last: who 他/她 is

    def heading(self, para: Para) -> None:
        name = self.finder._head_speaker(para.text, para.orig)
        if name:
            self.state = _State(self.finder.speaker(name), voice=True)
            return
        mention = self.finder.mention(para.text, para.orig, self.person or self.state.speaker)
        if mention is not None and mention.speaker is not None and para.text.endswith("："):
            # 此外，某某计划多方面增加研发投资：  the points under it are that speaker's
            kind: ProposalKind = "plan" if mention.speaker.own or _PLANS_RE.search(para.text) else "suggestion"
            self.state = _State(mention.speaker, kind, voice=True)
            return
        self.state = replace(self.state, carry=None)

    def paragraph(self, pi: int, para: Para, whole_items: bool) -> None:
        text = para.text
        if QUESTION_RE.match(text):
            self.state = _State(self.finder.default, voice=self.finder.voice)
            self.asked = True
            return
        if text.startswith("——") and len(text) <= MAX_DASH_HEAD and not _CALL_MODAL_RE.match(text, 2):
            return  # ——促进生产，保障供应。 a dash-led subhead of the speaker's points, not a measure
        if self.state.speaker is not None and self.state.speaker.issuer:
            # a document or a meeting speaks in the sentence that cites it; the paragraph after
            # is the person's again
            self.state = _State(self.person or self.finder.default, voice=self.finder.voice)
        base = self._turn(text, para.orig)
        self.asked = False
        found = False
        reported = False  # a verb of saying in this paragraph: reported speech, not the speaker's own text
        owners: dict[int, Speaker] = {}  # sentences of a quotation, by the speaker it is attributed to
        spans = split_spans(text)
        for k, (s, e) in enumerate(spans):
            s = max(s, base)
            if e <= s:
                continue
            mention = self._mention(para, spans, k, s, e, owners)
            reported = reported or mention is not None
            quoted = text[:s].count("“") > text[:s].count("”") or k in owners
            self.scopes.append(Scope(pi, s, e, self.state.speaker, mention, quoted))
            props, speaker = self._sentence(para, s, e, mention, k in owners, reported)
            if speaker is not None:
                whole = whole_items and mention is None
                found = self._emit(pi, para, s, e, props, speaker, whole) or found
        if not found:
            self.state = replace(self.state, carry=None)

    def _turn(self, text: str, orig: str) -> int:
        """An answer turn (周某：…) or a speaker line (某党某某：…, 某学会：…) makes its
        speaker current; where the turn's text starts."""
        turn = QA_TURN_RE.match(text)
        if turn and turn.group(1) in self.finder.known:
            self.state = _State(self.finder.speaker(turn.group(1)))
        else:
            line = self.finder.colon_speaker(text, orig, after_question=self.asked)
            if line is None:
                return 0
            speaker, end = line
            self.state = _State(speaker, voice=True)  # what follows the colon is the speaker's own text
            return end
        if text.rstrip().endswith(("——", "：")):
            self.state.carry = "plan" if self.state.speaker and self.state.speaker.own else "suggestion"
        return turn.end()

    def _mention(
        self, para: Para, spans: list[tuple[int, int]], k: int, s: int, e: int, owners: dict[int, Speaker]
    ) -> Mention | None:
        """Who the sentence names as speaking, the speaker of the quotation it is part
        of, and the current speaker updated."""
        sentence = para.text[s:e]
        if self.state.speaker is not None and self.state.speaker.name:
            self.person = self.state.speaker
        # 他/她 is the person spoken of last, even after a document or a body had the floor
        mention = self.finder.mention(sentence, para.orig[s:e], self.person or self.state.speaker)
        if self.finder.named_last is not None:
            self.person = self.finder.named_last
        if mention is None and k not in owners and sentence[:1] in "“‘":
            owners.update(_quotation_owner(para.text, para.orig, spans, k, self.finder, self.state.speaker))
        owner = owners.get(k)
        if mention is None and owner is not None:
            # “……。”  X表示，…: the quotation is the words of the speaker named after it
            mention = Mention(owner, len(sentence), 0, "") if sentence[:1] in "“‘" else None
            if owner != self.state.speaker:
                self.state = _State(owner)
        if mention is not None and mention.speaker != self.state.speaker:
            self.state = _State(mention.speaker)
        elif mention is None and self._impersonal() and self.person and _FIRST_PERSON_RE.search(sentence):
            self.state = _State(self.person)  # 我们…: the person speaking, not the document spoken of
        return mention

    def _impersonal(self) -> bool:
        """The current speaker is a document, a meeting or a body, not a person."""
        speaker = self.state.speaker
        return speaker is not None and not speaker.name and (speaker.issuer or speaker.body is not None)

    def _sentence(
        self, para: Para, s: int, e: int, mention: Mention | None, in_quote: bool, reported: bool
    ) -> tuple[list[tuple[ProposalKind, int, int]], Speaker | None]:
        """The proposals of one sentence, and whose they are."""
        text, sentence, state = para.text, para.text[s:e], self.state
        if state.speaker is None or (
            state.speaker.name is None and not state.speaker.issuer and not state.speaker.role
        ):
            props, speaker = _institution_plans(sentence, para.orig[s:e], state, self.article)
            if speaker is not None:
                self.state = _State(speaker, "plan" if props else state.carry)
            return props, speaker
        quoted = text[:s].count("“") > text[:s].count("”") or in_quote
        voice = state.voice and not reported
        # after 某某表示，… the paragraph's next sentences go on with the speaker's words
        said = quoted or voice or (reported and mention is None and _CALL_MODAL_RE.search(sentence) is not None)
        props, state.carry = sentence_proposals(sentence, mention, state.speaker, state.carry, said, voice=voice)
        return props, state.speaker

    def _emit(
        self,
        pi: int,
        para: Para,
        s: int,
        e: int,
        props: list[tuple[ProposalKind, int, int]],
        speaker: Speaker,
        whole: bool,
    ) -> bool:
        """Record the sentence's proposals, split into items; whether any was kept."""
        text = para.text
        shortest = MIN_ITEM if INCLUDES_RE.search(text, s, e) else MIN_PROPOSAL
        kept = False
        for kind, cs, ce in props:
            items = [trim(text, s + cs, s + ce)] if whole else pieces(text, s + cs, s + ce, shortest)
            for ps, pe in (piece for item in items for piece in _within_seams(text, item, para.seams)):
                if not _keeps(text, ps, pe, shortest, speaker):
                    continue
                kept = True
                self.out.append(
                    Proposal(
                        id=f"{self.article.id}-p{len(self.out) + 1:02d}",
                        article=self.article.id,
                        speaker=speaker.name,
                        role=speaker.role,
                        body=speaker.body,
                        kind=kind,
                        text=para.orig[ps:pe],
                        para=pi,
                        mandate=mandate_of(speaker.role_text),  # type: ignore[arg-type]
                    )
                )
        return kept


def _within_seams(text: str, span: tuple[int, int], seams: tuple[int, ...]) -> list[tuple[int, int]]:
    """A span cut where text printed apart was joined (a quote is verbatim only on
    either side of a seam): its pieces, trimmed."""
    start, end = span
    cuts = [c for c in seams if start < c < end]
    if not cuts:
        return [span]
    return [trim(text, a, b) for a, b in zip([start, *cuts], [*cuts, end], strict=True)]


def _keeps(text: str, ps: int, pe: int, shortest: int, speaker: Speaker) -> bool:
    """An item worth a place in the briefing: long enough, a measure rather than an
    announcement, a diplomatic statement, a drafter's restatement or an exhortation."""
    if pe - ps < shortest or ANNOUNCES_RE.search(text, ps, pe) or _DIPLOMATIC_RE.search(text, ps, pe):
        return False
    if _restates_a_document(speaker) and not _OWN_PLAN_RE.match(text, ps, pe):
        return False
    # (items of a list are short by nature: the list makes them measures)
    return shortest == MIN_ITEM or not exhortation(text[ps:pe])


_PLANS_RE = re.compile(r"计划|将|拟|措施|举措|安排")
# A sentence in the first person: the speaker's own words
_FIRST_PERSON_RE = re.compile(r"(?:^|[，。：“])(?:我们|我)(?![国省市区县镇])")


# The modals of a call (not 需要, which is as often a verb of need): a sentence after
# 某某表示，… that has one goes on with the speaker's words.
_CALL_MODAL_RE = re.compile(r"应该|应当|必须|一定要|(?<![需只主重])要(?![求素点是么不])|应(?![用对急届聘邀变付答])")

# A drafter explaining the document they drafted (规划起草组负责人) restates it: only
# their own body's plans (起草组将…) are theirs.
_DRAFTER_RE = re.compile(r"起草")
_OWN_PLAN_RE = re.compile(r"[^，。；]{0,12}?(?:将|拟|计划)")


def _restates_a_document(speaker: Speaker) -> bool:
    return bool(speaker.role_text and _DRAFTER_RE.search(speaker.role_text))


_OBJECT_RE = re.compile(alternation(OBJECTS))
# A figure or a named programme makes a statement concrete: 2万户, 三个, “三横两纵”, 《规划》
_CONCRETE_RE = re.compile(
    r"\d|[一二三四五六七八九十百千万亿两]+(?:[个项条家所名元户人年座台辆亩吨批处场次倍万亿]|公里)|[《“「]"
)


def exhortation(text: str) -> bool:
    """A short statement that names nothing a measure acts on (no policy object, no
    figure, no named programme): 要稳中求进、久久为功; 我们要让大家都有信心."""
    return (
        len(text) < SHORT_MEASURE
        and not _OBJECT_RE.search(text)
        and not _CONCRETE_RE.search(text)
        and not _ACTOR_NAMED_RE.search(text)
    )


# A call on a named actor is concrete however short: 政府应放宽…, 当局应检讨…
_ACTOR_NAMED_RE = re.compile(r"政府|当局|部门|机构|企业|银行|学校|医院|法院|议会|国会")


MAX_DASH_HEAD = 24  # characters of a dash-led line that heads the points after it

_DIPLOMATIC_RE = re.compile(alternation(DIPLOMATIC))


def _quotation_owner(
    text: str, orig: str, spans: list[tuple[int, int]], k: int, finder: Finder, current: Speaker | None
) -> dict[int, Speaker]:
    """The speaker of a quotation that opens sentence ``k`` and is attributed right
    after it closes (“……。……。”某局局长X说), for each sentence it spans."""
    depth = 0
    for j in range(k, len(spans)):
        s, e = spans[j]
        for ch in text[s:e]:
            depth += 1 if ch in "“‘" else -1 if ch in "”’" else 0
        if depth > 0:
            continue
        if text[s:e].rstrip("。！？…")[-1:] not in "”’" or j + 1 >= len(spans):
            return {}
        ns, ne = spans[j + 1]
        following = finder.mention(text[ns:ne], orig[ns:ne], current)
        # the attribution opens the next sentence: X表示 / 某局局长X说
        if following is None or following.speaker is None or re.search(r"[，。；：“”]", text[ns : ns + following.at]):
            return {}
        return dict.fromkeys(range(k, j + 1), following.speaker)
    return {}


# The body that opens a sentence listing measures: 某党派议员今日与官员会面，提出…
_LIST_PROPOSER_RE = re.compile(r"^([\u4e00-\u9fff]{2,12}?)(?=今日|今天|昨日|昨天|日前|近日|与|在|向|于|，|提出)")


def _institution_plans(
    sentence: str, orig: str, state: _State, article: Article
) -> tuple[list[tuple[ProposalKind, int, int]], Speaker | None]:
    """Plans of a body when no person speaks (我市将…, 长安汽车还将…), and the body;
    or the measures a body lists (某党派提出4项措施，包括：A、B、C)."""
    items = listed(sentence, "suggestion")
    if items:
        lead = _LIST_PROPOSER_RE.match(sentence)
        if lead:
            return items, Speaker(None, orig[: lead.end(1)], orig[: lead.end(1)], False, lead.group(1))
    found = find_in_region(sentence, 0, Speaker(None, None, None, True))
    if found is None:
        if (
            state.speaker is not None
            and state.carry
            and CONTINUES.match(LEAD_CONNECTIVES.sub("", sentence) or sentence)
        ):
            return [("plan", 0, len(sentence))], state.speaker
        return [], None
    body = _institution(sentence, found[1], orig, article)
    if body is None:
        if state.speaker is not None and state.carry:
            return [("plan", found[1], len(sentence))], state.speaker
        return [], None
    return [("plan", found[1], len(sentence))], body


def _institution(sentence: str, start: int, orig: str, article: Article) -> Speaker | None:
    """The body whose plan a clause states, when no person speaks: 我市将…; a body
    the headline names counts too (长安还将…)."""
    mark = marker(sentence[start:])
    if mark is None or mark[0] not in ("future", "weak_future"):
        return None
    core = re.sub(r"(?:还|也|都|仍|继续|则|就|又)+$", "", sentence[start : start + mark[1]])
    if not core or PAST_RE.search(core):
        return None
    title = normalize_punctuation(article.title or "")
    if not is_body(core) and not (len(core) >= 2 and core in title):
        return None
    return Speaker(None, None, orig[start : start + len(core)], True, None)
