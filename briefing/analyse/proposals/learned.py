"""Which clauses are proposals: candidates found by the rules, decided by a learned model.

The rules of :mod:`.walk`, :mod:`.speakers` and :mod:`.clauses` know the conventions
of news writing: who speaks in each sentence, where a verb of saying ends, which
clause a cue word opens.  Here they become *candidate finders and features*:

* every sentence of the body is cut into its measures (at ；, at 一是/二是 and the
  items of a list) and each piece is a candidate, from right after the verb of
  saying that introduces it; where the rules took a proposal inside a piece, the
  rules' span is the candidate;
* each candidate is described by named features: whether the rules took it and as
  what, who speaks there (a named person, an official, a body, a document, a group,
  no one) and how (the verb of saying, before or after the clause, quoted), the cue
  words in it (a modal, a plan's future, a verb of suggesting, an action verb at its
  start, the past, a question, a forecast, an opinion, an actor, a target), its
  place (first sentence, a quotation, an interview), its length and figures;
* a logistic model trained on the annotated pages (``scripts/train.py``) weighs
  them: a candidate whose probability reaches the threshold is a proposal.

The proposer is the speaker the walk has in that sentence; the kind is the rules'
where they took the clause, else a plan when the speaker speaks for a body, a
suggestion otherwise.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib import resources

from ...learn import Features, Model, bucket
from ...learn import model as shipped_model
from ...model import Article, Para, Proposal, ProposalKind
from ...text.patterns import SURNAMES
from ..salience import _pairs  # the character pairs two texts of one measure share
from .clauses import MIN_ITEM, MIN_PROPOSAL, pieces, trim
from .speakers import Finder, Mention, Speaker, mandate_of
from .walk import Scope, _Walk, walk_article


@functools.cache
def _classes() -> dict[str, tuple[str, ...]]:
    data = tomllib.loads(resources.files("briefing.data").joinpath("cues.toml").read_text("utf-8"))
    return {name: tuple(sorted(words, key=len, reverse=True)) for name, words in data["features"].items()}


@functools.cache
def _class_re(name: str) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in _classes()[name]))


@dataclass(frozen=True)
class Candidate:
    """A clause that may state a proposal, with who speaks there and its features."""

    para: int
    start: int
    end: int
    speaker: Speaker | None
    kind: ProposalKind
    rule: Proposal | None  # the rules' proposal, where they took it
    features: dict[str, float]


# Where the words of the speaker begin after a naming: the verb of saying and what
# may follow it before the clause (，：, 说, a quotation mark).
_AFTER_SAYING = re.compile(r"^[，：:\s“‘「]*")


def _rule_spans(article: Article, found: list[Proposal]) -> dict[int, list[tuple[int, int, Proposal]]]:
    spans: dict[int, list[tuple[int, int, Proposal]]] = {}
    for p in found:
        orig = article.paragraphs[p.para].orig
        at = orig.find(p.text)
        if at >= 0:
            spans.setdefault(p.para, []).append((at, at + len(p.text), p))
    return spans


def candidates(article: Article) -> tuple[list[Candidate], list[Proposal]]:
    """The candidate clauses of an article with their features, and the proposals the
    rules found (whose spans are among the candidates)."""
    walk = walk_article(article)
    rules = _rule_spans(article, walk.out)
    topic = article.topic
    out: list[Candidate] = []
    first_body = next((i for i, p in enumerate(article.paragraphs) if p.role == "body"), 0)
    named_in_para: set[int] = set()
    for k, scope in enumerate(walk.scopes):
        para = article.paragraphs[scope.para]
        text = para.text
        if scope.mention is not None and scope.mention.speaker is not None:
            named_in_para.add(scope.para)
        sentence_index = sum(1 for s in walk.scopes[:k] if s.para == scope.para)
        taken = [(a, b, p) for a, b, p in rules.get(scope.para, []) if a < scope.end and b > scope.start]
        spans: list[tuple[int, int, Proposal | None]] = [(a, _reasoned(text, a, b), p) for a, b, p in taken]
        cuts: dict[int, Cut] = {}
        for ps, pe in _before_naming(pieces(text, scope.start, scope.end, MIN_ITEM), scope):
            if any(a < pe and b > ps for a, b, _ in taken):
                continue
            earlier = _earlier_speaker(para, ps, pe, scope, walk)
            cut = _cut(para.orig, text, ps, pe, earlier or scope, walk.finder)
            pe = _reasoned(text, cut.start, pe)
            for cs, ce in _within(text, (cut.start, pe), para.seams):
                if ce - cs >= MIN_ITEM:
                    spans.append((cs, ce, None))
                    cuts[cs] = cut
        for piece_no, (cs, ce, rule) in enumerate(sorted(spans, key=lambda x: x[0])):
            at = cuts.get(cs)
            speaker = at.speaker if at is not None else scope.speaker
            own = speaker is not None and speaker.own
            kind: ProposalKind = rule.kind if rule is not None else "plan" if own else "suggestion"
            features = clause_features(
                text[cs:ce],
                text[max(scope.start, cs - 12) : cs],
                scope,
                speaker if rule is None else _rule_speaker(rule, speaker),
                rule,
                piece_no=piece_no,
                sentence_no=sentence_index,
                lead=scope.para == first_body,
                named_here=scope.para in named_in_para,
                interview=article.kind == "interview",
                topic=topic,
            )
            if at is not None:
                features[f"cut:{at.how}"] = 1.0
                features[f"proposer:{at.proposer}"] = 1.0
                if at.verb:
                    features[f"cut_verb:{at.verb}"] = 1.0
            out.append(Candidate(scope.para, cs, ce, speaker, kind, rule, features))
    _context(out, walk, article)
    return out, walk.out


def _context(found: list[Candidate], walk: _Walk, article: Article) -> None:
    """What the candidates around a candidate say of it: measures come in runs (a
    speaker's points, a list, a letter), so the rules' proposals in the same paragraph,
    right before and after it, and across the article are features of each; and so is
    an article in a speaker's own voice (a column, a letter, a first-person speech)."""
    by_para: dict[int, int] = {}
    for c in found:
        if c.rule is not None:
            by_para[c.para] = by_para.get(c.para, 0) + 1
    share = sum(1 for c in found if c.rule is not None) / len(found) if found else 0.0
    voice = walk.finder.voice or (walk.finder.default is not None and walk.finder.default.name is not None)
    first_person = _FIRST_PERSON_RE.search("".join(p.text for p in article.body)) is not None
    for k, c in enumerate(found):
        others = by_para.get(c.para, 0) - (c.rule is not None)
        f = c.features
        f[bucket("para_rules", others, (0, 1, 2))] = 1.0
        prev = found[k - 1] if k else None
        nxt = found[k + 1] if k + 1 < len(found) else None
        f["prev_rule"] = float(prev is not None and prev.rule is not None)
        f["next_rule"] = float(nxt is not None and nxt.rule is not None)
        f[bucket("article_rules", share, (0.0, 0.1, 0.25, 0.5))] = 1.0
        f["voice"] = float(voice)
        f["first_person"] = float(first_person)


_FIRST_PERSON_RE = re.compile(r"(?:^|[，。；：“])(?:我们|我|笔者)(?:[还也要将会认建希]|$)")


def _before_naming(spans: list[tuple[int, int]], scope: Scope) -> list[tuple[int, int]]:
    """A piece in which a speaker is named after some text of its own (财政预算案提出…，
    某局局长某某表示，…) is two: what comes before the naming has a proposer of its own."""
    mention = scope.mention
    if mention is None or not mention.after or mention.at < MIN_PROPOSAL:
        return spans
    naming = scope.start + mention.at
    out: list[tuple[int, int]] = []
    for ps, pe in spans:
        if ps + MIN_PROPOSAL <= naming < pe:
            out += [(ps, naming), (naming, pe)]
        else:
            out.append((ps, pe))
    return out


def _earlier_speaker(para: Para, ps: int, pe: int, scope: Scope, walk: _Walk) -> Scope | None:
    """For the part of a sentence before its speaker is named: who speaks there (a
    document or a body it names, or whoever spoke before the sentence)."""
    mention = scope.mention
    if mention is None or not mention.after or pe > scope.start + mention.at:
        return None
    inner = walk.finder.mention(para.text[ps:pe], para.orig[ps:pe], None)
    if inner is not None and inner.speaker is not None:
        shifted = Mention(inner.speaker, ps - scope.start + inner.at, ps - scope.start + inner.after, inner.verb)
        return Scope(scope.para, scope.start, scope.end, inner.speaker, shifted, scope.quoted)
    before = [s.speaker for s in walk.scopes if (s.para, s.start) < (scope.para, scope.start)]
    return Scope(scope.para, scope.start, scope.end, before[-1] if before else None, None, scope.quoted)


def _reasoned(text: str, start: int, end: int) -> int:
    """Where a measure ends before the speaker's reasons for it (赞成派钱，认为…)."""
    reason = _REASONING_RE.search(text, start + MIN_ITEM, end)
    return reason.start() if reason is not None else end


@dataclass(frozen=True)
class Cut:
    """Where the proposed words of a piece start, what they were cut at (the naming of
    the speaker, a verb of suggesting or of saying, a colon after a speaker line, or
    nothing), and who proposes them."""

    start: int
    how: str
    verb: str
    speaker: Speaker | None
    proposer: str  # how the proposer was found: speaker, named, body, person, none


# Verbs after which the proposed words begin, and the subject before them is the
# proposer: 某学会建议…, 议员促请政府…, 某某认为，…  (analysis form)
_SUGGEST_VERBS = "建议|呼吁|促请|敦促|吁请|倡议|提议|倡|冀|盼|期望|期盼|希望|要求|主张|寄望"
_SAY_VERBS = "表示|认为|指出|强调|透露|介绍|坦言|直言|提到|补充|回应|解释|表明|称|指|说"
_CUT_RE = re.compile(rf"({_SUGGEST_VERBS}|{_SAY_VERBS})(?!书|案|人|信|者|权|箱|的)[，：:]?")
_SUGGEST_RE = re.compile(rf"^(?:{_SUGGEST_VERBS})")
MAX_SUBJECT_CHARS = 40  # a subject before the verb is no longer than this
# The speaker's reasons after the measure: ，认为…, ，形容…, ，相信…
_REASONING_RE = re.compile(r"，(?:并|又|亦|也|但)?(?:认为|形容|相信|指出|坦言|直言|强调|估计|预计|觉得)")
# A speaker line: the proposer and a colon at the start of the paragraph (民建联某某：…)
_COLON_LINE_RE = re.compile(r"^([^，。；：“”！？]{2,24})[：:]")
_PRONOUN_RE = re.compile(r"^(?:他|她|其|我|我们|他们|她们)(?:亦|也|还|又|则|更|同时|并|进一步)*$")
# 该局, 本会, 该公司: the body of the person speaking
_OWN_REF_RE = re.compile(r"^(?:该|本|其)[\u4e00-\u9fff]{0,3}(?:局|署|部|会|公司|集团|机构|中心|院|所|委员会|政府)$")
_ADVERBS_RE = re.compile(r"(?:亦|也|还|又|则|更|同时|并|进一步|均|都|再次|另|今日|今天|昨日|日前|早前|会后)+$")
_BODY_RE = re.compile(
    r"(?:部|局|署|委|会|院|所|厅|处|司|办|组|团|党|联|社|中心|公司|集团|政府|当局|学会|协会|联盟|工会|商会|团体|业界|议会|"
    r"委员会|基金会|研究院|智库|创研库|计划|大学)$"
)


def _cut(orig: str, text: str, ps: int, pe: int, scope: Scope, finder: Finder) -> Cut:
    mention = scope.mention
    if mention is not None and mention.after:
        after = scope.start + mention.after
        if ps <= after < pe - MIN_ITEM:
            start = _AFTER_SAYING.match(text, after)
            begin = trim(text, start.end() if start else after, pe)[0]
            return _then_suggest(text, Cut(begin, "naming", mention.verb, scope.speaker, "speaker"), pe)
    colon = _COLON_LINE_RE.match(text, ps) if ps == 0 else None
    if colon is not None and pe - colon.end() >= MIN_ITEM:
        who, how = _proposer(colon.group(1), orig[ps : colon.end(1)], scope, finder)
        return _then_suggest(text, Cut(trim(text, colon.end(), pe)[0], "colon", "", who, how), pe)
    for m in _CUT_RE.finditer(text, ps, min(pe, ps + MAX_SUBJECT_CHARS + 4)):
        subject = text[ps : m.start()]
        if m.start() - ps > MAX_SUBJECT_CHARS or "。" in subject or pe - m.end() < MIN_ITEM:
            break
        if "，" in subject and not _SUGGEST_RE.match(m.group(1)):
            continue  # a verb of saying after a clause is no naming of the speaker
        who, how = _proposer(subject, orig[ps : m.start()], scope, finder)
        begin = trim(text, m.end(), pe)[0]
        kind = "suggest" if _SUGGEST_RE.match(m.group(1)) else "say"
        return _then_suggest(text, Cut(begin, kind, m.group(1), who, how), pe)
    return Cut(ps, "none", "", scope.speaker, "speaker" if scope.speaker else "none")


def _then_suggest(text: str, cut: Cut, pe: int) -> Cut:
    """After a verb of saying, a verb of suggesting a clause later starts the words
    proposed: 某某认为，部分中小企经营困难，促请政府…"""
    if cut.how == "suggest":
        return cut
    m = re.compile(rf"[，](?:并|也|亦|还|更|又|故|因此|所以)?({_SUGGEST_VERBS})(?!书|案|人|的)[，：]?").search(
        text, cut.start, pe
    )
    if m is None or pe - m.end() < MIN_ITEM or m.start() - cut.start > MAX_SUBJECT_CHARS:
        return cut
    return Cut(m.end(), "suggest", m.group(1), cut.speaker, cut.proposer)


def _proposer(subject: str, orig: str, scope: Scope, finder: Finder) -> tuple[Speaker | None, str]:
    """Who the subject before a verb of saying is: the current speaker (他, or named
    in it), a speaker the article names, a body (某学会, 团体), a person the tokenizer
    reads as a name; else the current speaker."""
    from ...text.tokenize import tagged

    core = _ADVERBS_RE.sub("", subject.strip("，、 "))
    if not core or _PRONOUN_RE.match(core) or (_OWN_REF_RE.match(core) and scope.speaker is not None):
        return scope.speaker, "speaker"  # 他, 该局, 本会: the current speaker (or their body)
    current = scope.speaker
    if current is not None and (
        (current.name and current.name in orig) or (current.role and orig.endswith(current.role))
    ):
        return current, "speaker"
    for name in finder.known:
        if core.endswith(name):
            return finder.speaker(name), "named"
    end = len(core)
    body = re.sub(r"^(?:而|但|另外|此外|同时|对此)", "", core)
    if _BODY_RE.search(body) and len(body) <= 20:
        printed = orig[len(orig) - len(body) :] if len(orig) >= len(body) else orig
        return Speaker(None, printed, printed, _OWN_BODY_RE.search(body) is not None, body), "body"
    tags = tagged(core)
    if (
        tags
        and tags[-1][1] in ("nr", "nrt", "nrfg")
        and 2 <= len(tags[-1][0]) <= 4
        and not finder._doubtful(tags[-1][0])
    ):
        name = tags[-1][0]
        before = core[: len(core) - len(name)]
        if len(name) == 2 and before[-1:] and before[-1] in SURNAMES:
            name = before[-1] + name  # the tokenizer split a surname off: 田 | 北辰
        role = core[: end - len(name)]
        cut = len(orig) - len(name)
        return Speaker(orig[cut:], orig[:cut] or None, None, False, role), "person"
    return scope.speaker, "speaker" if scope.speaker else "none"


# A body that speaks for what it will do itself (a government, a bureau, a firm), not
# a group that calls on others.
_OWN_BODY_RE = re.compile(r"(?:部|局|署|厅|处|司|办|政府|当局|公司|集团|委员会|中心)$")


def _rule_speaker(rule: Proposal, current: Speaker | None) -> Speaker | None:
    if current is not None and (current.name, current.role, current.body) == (rule.speaker, rule.role, rule.body):
        return current
    return Speaker(rule.speaker, rule.role, rule.body, rule.kind == "plan", rule.role)


def _after_naming(text: str, ps: int, pe: int, scope: Scope) -> int:
    """Where the speaker's own words start in a piece that opens with its naming
    (某局局长X表示，…): right after the verb of saying."""
    mention = scope.mention
    if mention is None or not mention.after:
        return ps
    after = scope.start + mention.after
    if ps <= after < pe:
        m = _AFTER_SAYING.match(text, after)
        start = m.end() if m else after
        return trim(text, start, pe)[0] if pe - start >= MIN_ITEM else ps
    return ps


def _within(text: str, span: tuple[int, int], seams: tuple[int, ...]) -> list[tuple[int, int]]:
    start, end = span
    cuts = [c for c in seams if start < c < end]
    if not cuts:
        return [trim(text, start, end)]
    return [trim(text, a, b) for a, b in zip([start, *cuts], [*cuts, end], strict=True)]


def _speaker_kind(speaker: Speaker | None) -> str:
    if speaker is None:
        return "none"
    if speaker.issuer:
        return "document"
    if speaker.name:
        return "official" if speaker.own else "person"
    if speaker.body:
        return "body"
    return "group"


def clause_features(
    clause: str,
    before: str,
    scope: Scope,
    speaker: Speaker | None,
    rule: Proposal | None,
    *,
    piece_no: int,
    sentence_no: int,
    lead: bool,
    named_here: bool,
    interview: bool,
    topic: str,
) -> dict[str, float]:
    """The features of one candidate clause (see the module docstring)."""
    mention: Mention | None = scope.mention
    head = clause[:8]
    f: dict[str, float] = {
        "rule": float(rule is not None),
        f"rule:{rule.kind}" if rule is not None else "rule:none": 1.0,
        f"speaker:{_speaker_kind(speaker)}": 1.0,
        "mandate": float(speaker is not None and mandate_of(speaker.role_text or speaker.role) is not None),
        "named_here": float(mention is not None and mention.speaker is not None),
        "named_in_paragraph": float(named_here),
        "unidentified_group": float(mention is not None and mention.speaker is None),
        "quoted": float(scope.quoted),
        "lead": float(lead),
        "interview": float(interview),
        bucket("piece", piece_no, (0, 1)): 1.0,
        bucket("sentence", sentence_no, (0, 1, 3)): 1.0,
        bucket("chars", len(clause), (8, 14, 24, 40, 70, 110)): 1.0,
        "figure": float(
            bool(re.search(r"\d|[一二三四五六七八九十百千万亿两]+(?:[个项条家所名元户人年倍]|万|亿)", clause))
        ),
        "percent": float("%" in clause or "百分之" in clause),
        "money": float(bool(re.search(r"[\d.]+\s*(?:万|亿)?元", clause))),
        "named_programme": float(bool(re.search(r"[《“「]", clause))),
    }
    if mention is not None and mention.verb:
        f[f"verb:{mention.verb}"] = 1.0
    for name in _classes():
        pattern = _class_re(name)
        if pattern.search(clause):
            f[f"has:{name}"] = 1.0
        if pattern.match(head):
            f[f"opens:{name}"] = 1.0
        if pattern.search(before):
            f[f"before:{name}"] = 1.0
    if topic and _class_re("suggest").search(topic):
        f["topic:suggest"] = 1.0
    f.update(_clause_reading(clause, speaker, said=mention is not None or scope.quoted))
    f.update(_shape(clause))
    role = _role_class(speaker)
    f[f"role:{role}"] = 1.0
    for cue in ("modal", "future", "suggest", "action"):
        if f"has:{cue}" in f:
            f[f"role:{role}&{cue}"] = 1.0
    if _STATISTIC_RE.search(clause):
        f["statistic"] = 1.0
    if _DECIDED_RE.search(clause):
        f["decided"] = 1.0
    if _EVENT_RE.search(clause):
        f["event"] = 1.0
    objects = len(_objects_re().findall(clause))
    f[bucket("objects", objects, (0, 1, 3))] = 1.0
    if objects and "has:action" in f:
        f["action&object"] = 1.0
    # the people named are no evidence of a measure: the words learn the wording, not the names
    names = {s.name for s in (speaker, mention.speaker if mention is not None else None) if s and s.name}
    clause, before = _masked(clause, names), _masked(before, names)
    if LEXICAL:
        f.update(_words(clause, before))
    if GRAMS:
        f.update(_grams(clause, before, speaker))
    return f


def _masked(text: str, names: set[str]) -> str:
    """``text`` with each of the names written as 某 (someone)."""
    for name in sorted(names, key=len, reverse=True):
        if len(name) >= 2:
            text = text.replace(name, "某")
    return text


LEXICAL = True
GRAMS = True


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _grams(clause: str, before: str, speaker: Speaker | None) -> dict[str, float]:
    """Character pairs of the clause's opening and of the words before it, and of the
    speaker's office: what a bag of words can tell that the cue lists do not."""
    f: dict[str, float] = {}
    for name, text in (
        ("g", clause[:GRAM_CHARS]),
        ("b", before[-GRAM_BEFORE:]),
        ("r", (speaker.role_text or "")[-8:] if speaker else ""),
    ):
        for run in _CJK_RUN.findall(text):
            for i in range(len(run) - 1):
                f[f"{name}:{run[i : i + 2]}"] = 1.0
    return f


GRAM_CHARS = 16
GRAM_BEFORE = 8


def _clause_reading(clause: str, speaker: Speaker | None, said: bool) -> dict[str, float]:
    """How the rules' clause grammar reads the clause on its own: the marker after
    its subject (a plan's 将, a modal, a weak 会) and what the subject is, and the
    kind of measure it finds in it."""
    from .clauses import PAST_RE, find_in_region, is_body, marker

    f: dict[str, float] = {}
    first = re.split(r"[，；：]", clause, maxsplit=1)[0]
    mark = marker(first)
    if mark is not None:
        kind, subject_end, _ = mark
        subject = first[:subject_end]
        if not subject:
            who = "none"
        elif _class_re("own").match(subject):
            who = "own"
        elif _class_re("actor").search(subject):
            who = "actor"
        elif PAST_RE.search(subject):
            who = "past"
        elif is_body(subject):
            who = "body"
        else:
            who = "other"
        f[f"marker:{kind}"] = 1.0
        f[f"marker:{kind}&subject:{who}"] = 1.0
    found = find_in_region(clause, 0, speaker or Speaker(None, None, None, False), said=said)
    if found is not None:
        f[f"region:{found[0]}"] = 1.0
        f[bucket("region_at", found[1], (0, 6, 20))] = 1.0
    return f


# What the speaker's office makes of a clause: a legislator or deputy calls on others,
# an official or a firm states its own side's plans, an expert recommends.
_ROLE_CLASSES = (
    ("legislator", re.compile(r"议员|立委|代表|委员|议长|政协|人大")),
    (
        "official",
        re.compile(
            r"部长|局长|司长|署长|厅长|处长|主任|主席|书记|市长|县长|区长|省长|总理|总统|特首|发言人|次长|负责人"
        ),
    ),
    ("expert", re.compile(r"教授|研究员|专家|学者|博士|分析师|经济学家|研究院|研究所|大学|学院")),
    ("firm", re.compile(r"董事|总经理|总裁|经理|公司|集团|银行|企业|CEO")),
)
# Statistics, and measures already decided or an event reported, are not proposals.
_STATISTIC_RE = re.compile(r"同比|环比|增长\d|下降\d|增长了|下降了|占比|[\d.]+%|百分点|累计")
_DECIDED_RE = re.compile(r"已经|已于|出台了|印发了|通过了|实施了|发布了|推出了|决定|正式施行|起施行|获批|批准了")
_EVENT_RE = re.compile(r"举行|召开|出席|会见|举办了|签约|开幕|闭幕|揭牌|启用了")


def _role_class(speaker: Speaker | None) -> str:
    if speaker is None:
        return "none"
    if speaker.issuer:
        return "document"
    text = speaker.role_text or speaker.role or speaker.body or ""
    for name, pattern in _ROLE_CLASSES:
        if pattern.search(text):
            return name
    return "body" if speaker.body else "other"


@functools.cache
def _objects_re() -> re.Pattern[str]:
    from .lexicon import OBJECTS, alternation

    return re.compile(alternation(OBJECTS))


def _shape(clause: str) -> dict[str, float]:
    """The grammatical shape of the clause's opening, from jieba's part-of-speech tags:
    the classes of its first two words (a verb opens an imperative measure: 加强…,
    摸排…; a noun or a pronoun its subject), and how soon its first verb comes."""
    from ...text.tokenize import word_tags

    tags = [flag for word, flag in word_tags(clause[:14]) if word.strip() and flag != "x"]
    f: dict[str, float] = {}
    for n, flag in enumerate(tags[:2]):
        f[f"pos{n + 1}:{flag[:1]}"] = 1.0
    verb = next((i for i, flag in enumerate(tags) if flag.startswith("v")), None)
    f[bucket("first_verb", verb if verb is not None else 9, (0, 1, 2, 4))] = 1.0
    return f


def _words(clause: str, before: str) -> dict[str, float]:
    """The first words of the clause and the word just before it: the verb a measure
    opens with (加快, 设立), the modal, or the verb of saying it follows (建议, 表示)."""
    from ...text.tokenize import words

    f: dict[str, float] = {}
    tokens = [t for t in words(clause[:12]) if t.strip() and t not in "，、：“”‘’（）《》"]
    for n, token in enumerate(tokens[:2]):
        f[f"w{n + 1}:{token}"] = 1.0
    prev = [t for t in words(before[-8:]) if t.strip() and t not in "，、：“”‘’"] if before else []
    if prev:
        f[f"prev:{prev[-1]}"] = 1.0
    return f


ProposalModel = Model


# An article without a headline or a byline (its headline lost to the line breaks of
# an extraction) is still read for proposals when it is this long.
MIN_UNTITLED_CHARS = 200


def proposing(article: Article) -> bool:
    """Whether an article is read for proposals: news and interviews, and text of an
    article whose headline the page lost; not captions, ads and boxes."""
    if article.kind in ("news", "interview"):
        return True
    return article.kind == "other" and sum(len(p.text) for p in article.body) >= MIN_UNTITLED_CHARS


def decide(
    article: Article, model: Model | None = None, trace: Callable[[Candidate], None] | None = None
) -> tuple[Proposal, ...]:
    """The proposals of an article: the candidates the model takes (the shipped model
    unless given; without one, the rules' own proposals)."""
    if not proposing(article):
        return ()
    found, rules = candidates(article)
    if trace is not None:
        for c in found:
            trace(c)
    chosen = model if model is not None else shipped_model("proposal")
    if chosen is None:
        return tuple(rules)
    out: list[Proposal] = []
    kept: list[tuple[str | None, set[str]]] = []
    for c in found:
        if c.end - c.start < MIN_ITEM or not chosen.decide(c.features):
            continue
        if c.rule is None and c.end - c.start < MIN_PROPOSAL:
            continue
        if (
            c.speaker is None
            and c.rule is None
            and _QUESTION_RE.search(article.paragraphs[c.para].text, c.start, c.end + 1)
        ):
            continue  # a question the article asks itself (重庆如何…？) proposes nothing
        grams = _pairs(article.paragraphs[c.para].text[c.start : c.end])
        who = _who(c)
        if any(_restates(grams, other) and (who == them or None in (who, them)) for them, other in kept):
            continue  # the same measure said again by the same proposer (the lead and the body, a recap)
        kept.append((who, grams))
        ident = f"{article.id}-p{len(out) + 1:02d}"
        if c.rule is not None:
            out.append(replace(c.rule, id=ident, text=article.paragraphs[c.para].orig[c.start : c.end]))
            continue
        para = article.paragraphs[c.para]
        speaker = c.speaker
        out.append(
            Proposal(
                id=ident,
                article=article.id,
                speaker=speaker.name if speaker else None,
                role=speaker.role if speaker else None,
                body=speaker.body if speaker else None,
                kind=c.kind,
                text=para.orig[c.start : c.end],
                para=c.para,
                mandate=mandate_of(speaker.role_text if speaker else None),  # type: ignore[arg-type]
            )
        )
    return tuple(out)


_QUESTION_RE = re.compile(r"如何|哪些|什么|怎样|怎么|为何|为什么|吗|？")
# A clause whose character pairs are this much in an earlier proposal's restates it.
RESTATEMENT = 0.6


def _who(c: Candidate) -> str | None:
    if c.rule is not None:
        return c.rule.speaker or c.rule.body
    return (c.speaker.name or c.speaker.body) if c.speaker else None


def _restates(a: set[str], b: set[str]) -> bool:
    """Most of the shorter text is in the longer one, and they are of a length: a
    restatement, not a short phrase that a longer measure happens to contain."""
    if not (a and b) or min(len(a), len(b)) < RESTATED_LENGTH * max(len(a), len(b)):
        return False
    return len(a & b) / min(len(a), len(b)) >= RESTATEMENT


RESTATED_LENGTH = 0.3


__all__ = ["Candidate", "Features", "candidates", "clause_features", "decide"]
