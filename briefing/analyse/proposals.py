"""Who proposed what: policy proposals with their speaker, role and kind.

A proposal is a concrete measure attributed to an identifiable proposer:

* ``suggestion`` — a call on others: ``X建议…``, ``呼吁…``, ``希望…``,
  ``提出…的建议``, ``认为，应…``, and ``应/要/需要…`` in an expert's or a
  deputy's words;
* ``plan`` — a speaker, body or firm stating what its own side will do:
  ``沙坪坝将…``, ``下一步，…将…``, ``我们要…``, ``力争…``.

Speakers are found from the structure of the text, not from a tagger alone: a
title chain ending in an office (``…党组书记、总队队长``), a 2–3 character name
starting with a surname and a verb of saying; names from a roundtable's guest
list or a headline (``市政协委员吴海涛：``); and later references by name or by
他/她.  The span is the shortest verbatim text that holds the measure: from the
clause's own subject or right after the verb of saying to the end of the
sentence, split at ``；``, at enumerations (一是/二是, 首先/其次/最后) and where
同时/此外/另外 introduce a further measure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Article, Proposal, ProposalKind
from ..text.normalize import normalize_punctuation
from ..text.patterns import QUESTION_RE, SURNAMES, TITLE_WORDS
from ..text.sentences import split_spans

_NAME_LAZY = rf"[{SURNAMES}][\u4e00-\u9fff]{{1,2}}?"
SAY = r"(?:表示|说|介绍|认为|建议|呼吁|提出|强调|指出|透露|坦言|解读说|看来|建言|谈到|称|希望|提交了)"
_SAY_RE = re.compile(SAY)
# 市政协常委，国家统计局重庆调查总队党组书记、总队队长罗学文建议
_ROLE_NAME_RE = re.compile(
    rf"((?:{TITLE_WORDS}))\s?({_NAME_LAZY})(?=\s*(?:{SAY}|[，：]|则|还|也|强调|围绕|非常|结合|倍感|在))"
)
# A name followed by one of these is being introduced: it becomes the speaker.
_COMMON_WORD_FREQ = 50  # a jieba dictionary word this frequent is a word, not a name
_GUEST_RE = re.compile(rf"^(.+?)\s+({_NAME_LAZY})$")
_TITLE_SPEAKER_RE = re.compile(rf"^(.*?(?:{TITLE_WORDS}|委员|代表))[、，]?\s?([{SURNAMES}][\u4e00-\u9fff]{{1,2}})\s*：")
_QA_TURN_RE = re.compile(rf"^({_NAME_LAZY})：")
_PRONOUN_RE = re.compile(rf"(?:^|[，。；：])\s*(他|她)(?:还|也|则|进一步)?{SAY}")
_OFFICIAL_RE = re.compile(
    rf"([\u4e00-\u9fff]{{2,16}}?(?:局|委|部门|办|院|中心|监委|政府|集团|公司)?)(相关|有关)?负责人(?:还)?{SAY}"
)
_ROLE_STOP = re.compile(r"^(?:作为|针对|在|据|对|同样|还有|从|随着|其中|为)|的")
_LEAD_CONNECTIVES = re.compile(
    r"^(?:[，、：\s]|同时|此外|另外|还要|并且|首先|其次|再次|最后|第[一二三四五六七八九十]|[一二三四五六七八九十]是|"
    r"下一步|接下来|今后|未来|为此|对此|因此|具体来说|具体而言|比如|例如)+[，、：\s]*"
)
_ENUM_SPLIT = re.compile(
    r"[；;]|[，。](?=(?:同时|此外|另外)[，])|(?<=[，。：；])(?=[二三四五六七八九十]是|其次|最后|再次)"
)
_MODAL_RE = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,12}?)(?:还|也|更|都)?(?:应当|应该|应|要|需要|需|必须|可通过|可以通过|可)(?=[\u4e00-\u9fff“])"
)
_FUTURE_RE = re.compile(
    r"^((?:[\u4e00-\u9fffA-Za-z0-9“”（）()]{1,16}?))(?:还|也|都|仍|继续)?(?:将|计划|准备|力争|将要|会)(?=[\u4e00-\u9fff“])"
)
_PLAN_LEAD_RE = re.compile(r"^(?:下一步|接下来|今年|明年|未来\d*年?|今后)[，,]?")
_OWN_SUBJECT = re.compile(r"^(?:我们|我|本单位|公司|集团|企业|我市|全市|该区|该县|该市|两地)")
_INSTITUTION_RE = re.compile(
    r"(?:区|县|市|镇|街道|局|委|厅|部门|系统|集团|公司|新区|基地|政府|学校|医院|我们|我市|全市|重庆|两地|企业|汽车|中心)$"
)
_REPORT_RE = re.compile(r"(?:工作)?报告(?:提出|指出|明确|强调)|会议(?:提出|指出|强调)|规划纲要")
_SUGGEST_VERB = re.compile(r"(?:建议|呼吁|希望|提出)$")
MIN_PROPOSAL = 8  # characters: anything shorter is not a measure
MAX_SUBJECT = 16


@dataclass
class _Speaker:
    name: str | None  # as written
    role: str | None  # as written
    body: str | None
    own: bool  # speaks for a body (official, firm): "应/要" is still a plan
    role_text: str | None = None  # the role in the analysis form, for matching


def _mandate(role: str | None) -> str | None:
    if not role:
        return None
    if "人大代表" in role:
        return "npc"
    if "政协" in role:
        return "cppcc"
    return None


def _official_role(role: str) -> bool:
    """An office that speaks for its own body (district head, bureau, firm) rather than an adviser."""
    if re.search(r"教授|研究员|博士|专家|学者|院长|研究院", role) and not re.search(
        r"区委|县委|局|委主任|公司|集团", role
    ):
        return False
    return bool(re.search(r"书记|主任|局长|区长|县长|市长|董事长|总经理|总裁|负责人|主席|副总|厅长|处长|委员会", role))


def _role_before(text: str, end: int) -> str:
    """The title chain that ends at ``end``: comma/、-separated segments that each
    name an office, walked backwards until one does not."""
    cut = max(text.rfind(ch, 0, end) for ch in "。！？；：”“（）") + 1
    start = end
    segments = re.split(r"([，、])", text[cut:end])
    # walk back over segments
    pos = end
    for seg in reversed(segments):
        if seg in ("，", "、"):
            pos -= 1
            continue
        seg_start = pos - len(seg)
        candidate = seg.strip()
        if not candidate or _ROLE_STOP.search(candidate) or len(candidate) > 40:
            break
        if not re.search(rf"(?:{TITLE_WORDS}|委员|代表|常委)$", candidate) and start != end:
            break
        start = seg_start
        pos = seg_start
    return text[max(start, cut) : end].lstrip("，、 ")


def _is_common_word(token: str) -> bool:
    from .tokenize import _jieba

    return (_jieba().dt.FREQ.get(token) or 0) >= _COMMON_WORD_FREQ


class _Finder:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.known: dict[str, str] = {}  # name (analysis form) -> role as written
        self.spelled: dict[str, str] = {}  # name (analysis form) -> name as written
        self.role_text: dict[str, str] = {}  # name (analysis form) -> role, analysis form
        self.default: _Speaker | None = None
        self._collect()

    def _collect(self) -> None:
        art = self.article
        body_text = "".join(p.text for p in art.paragraphs)
        for p in art.paragraphs:
            if p.role == "guests":
                m = _GUEST_RE.match(p.text)
                if m:
                    self.known[m.group(2)] = p.orig[: m.end(1)].strip()
                    self.role_text[m.group(2)] = p.text[: m.end(1)].strip()
                    self.spelled[m.group(2)] = p.orig[m.start(2) : m.end(2)]
        if art.title:
            title = normalize_punctuation(art.title)
            m = _TITLE_SPEAKER_RE.match(title)
            if m and m.group(2) in body_text:
                role = art.title[: m.end(1)].strip()
                self.known.setdefault(m.group(2), role)
                self.role_text.setdefault(m.group(2), title[: m.end(1)].strip())
                self.spelled.setdefault(m.group(2), art.title[m.start(2) : m.end(2)])
                self.default = self.speaker(m.group(2))
        for p in art.paragraphs:
            if p.role != "body":
                continue
            for m in _ROLE_NAME_RE.finditer(p.text):
                name = m.group(2)
                if body_text.count(name) < 2 and _is_common_word(name):
                    continue
                role = _role_before(p.text, m.start(2))
                if role and name not in self.known:
                    self.known[name] = p.orig[m.start(2) - len(role) : m.start(2)].strip(" ，、")
                    self.role_text[name] = role.strip(" ，、")
                    self.spelled[name] = p.orig[m.start(2) : m.end(2)]

    def speaker(self, name: str) -> _Speaker:
        role_text = self.role_text.get(name, "")
        return _Speaker(self.spelled.get(name, name), self.known.get(name), None, _official_role(role_text), role_text)

    def mention(self, text: str, orig: str, current: _Speaker | None) -> tuple[_Speaker | None, int, str]:
        """The last speaker mentioned with a verb of saying in ``text``: the speaker,
        the offset just after the verb, and the verb."""
        best: tuple[int, _Speaker, int, str] | None = None
        for name in self.known:
            for m in re.finditer(re.escape(name) + rf"(?:则|还|也|进一步|同时)?\s*({SAY})", text):
                if best is None or m.start() >= best[0]:
                    best = (m.start(), self.speaker(name), m.end(), m.group(1))
        for name in self.known:
            # an introduction without a verb of saying: 党委副书记谭本宏倍感振奋
            for m in re.finditer(re.escape(name), text):
                introduced = m.start() >= 2 and re.search(rf"(?:{TITLE_WORDS})\s?$", text[: m.start()])
                if introduced and (best is None or m.start() > best[0]):
                    best = (m.start(), self.speaker(name), 0, "")
        for m in _PRONOUN_RE.finditer(text):
            if current is not None and (best is None or m.start() >= best[0]):
                verb = _SAY_RE.search(text, m.start()).group(0)  # type: ignore[union-attr]
                best = (m.start(), current, m.end(), verb)
        for m in _OFFICIAL_RE.finditer(text):
            if best is None or m.start() >= best[0]:
                role_text = re.sub(rf"{SAY}$", "", text[m.start(1) : m.end()].rstrip())
                role_end = m.start(1) + len(role_text)
                body = orig[m.start(1) : m.end(1)] if m.group(1) else None
                if body and body[0] in "该該":
                    body = body[1:]
                sp = _Speaker(None, orig[m.start(1) : role_end], body, True, role_text)
                verb = _SAY_RE.search(text, m.end() - 4).group(0)  # type: ignore[union-attr]
                best = (m.start(), sp, m.end(), verb)
        if best is None:
            return None, 0, ""
        return best[1], best[2], best[3]


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    seg = text[start:end]
    m = _LEAD_CONNECTIVES.match(seg)
    if m:
        start += m.end()
    while (
        end > start
        and text[end - 1] in "。！？；，、：…”’ \u3000"
        and not (
            text[end - 1] in "”’"
            and text[start:end].count("“") + text[start:end].count("‘")
            > text[start : end - 1].count("”") + text[start : end - 1].count("’")
        )
    ):
        end -= 1
    # a quotation that opens before the span and closes in it: drop the closing mark
    if end > start and text[end - 1] in "”’" and text[start:end].count("“") < text[start:end].count("”"):
        end -= 1
    return start, end


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a proposal span at enumerations and semicolons."""
    out = []
    pos = start
    for m in _ENUM_SPLIT.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    spans = []
    for s, e in out:
        s, e = _clean_span(text, s, e)
        if e - s >= MIN_PROPOSAL:
            spans.append((s, e))
    return spans


def _classify_clause(clause: str, speaker: _Speaker, verb: str) -> tuple[ProposalKind | None, int]:
    """The kind of proposal a clause states, and where its text starts in the clause."""
    lead = _PLAN_LEAD_RE.match(clause)
    offset = lead.end() if lead else 0
    rest = clause[offset:]
    if verb in ("建议", "呼吁") or (verb == "希望" and not speaker.own):
        return "suggestion", 0
    fut = _FUTURE_RE.match(rest)
    if fut:
        subject = fut.group(1)
        if subject and (_INSTITUTION_RE.search(subject) or _OWN_SUBJECT.match(subject) or len(subject) <= 4):
            return "plan", offset
        if not subject and lead:
            return "plan", offset
    if lead and speaker.own:
        return "plan", offset
    mod = _MODAL_RE.match(rest)
    if mod:
        own = _OWN_SUBJECT.match(rest) is not None and rest.startswith(("我们", "我", "公司", "集团"))
        return ("plan" if own or (False) else "suggestion"), offset
    return None, 0


def find_proposals(article: Article) -> tuple[Proposal, ...]:
    if article.kind not in ("news", "interview"):
        return ()
    finder = _Finder(article)
    out: list[Proposal] = []
    current: _Speaker | None = finder.default
    for pi, para in enumerate(article.paragraphs):
        if para.role != "body":
            continue
        text = para.text
        if QUESTION_RE.match(text):
            current = finder.default
            continue
        base = 0
        turn = _QA_TURN_RE.match(text)
        if turn and turn.group(1) in finder.known:
            current = finder.speaker(turn.group(1))
            base = turn.end()
        for s, e in split_spans(text):
            s = max(s, base)
            if e <= s:
                continue
            sentence = text[s:e]
            if _REPORT_RE.search(sentence) and "“" in sentence[:12]:
                continue
            speaker, after, verb = finder.mention(sentence, para.orig[s:e], current)
            if speaker is not None:
                current = speaker
            elif current is None:
                continue
            assert current is not None
            found = _clause_proposals(sentence, after, verb, current)
            for kind, cs, ce in found:
                for ps, pe in _pieces(text, s + cs, s + ce):
                    out.append(
                        Proposal(
                            id=f"{article.id}-p{len(out) + 1:02d}",
                            article=article.id,
                            speaker=current.name,
                            role=current.role,
                            body=current.body,
                            kind=kind,
                            text=para.orig[ps:pe],
                            para=pi,
                            mandate=_mandate(current.role_text),  # type: ignore[arg-type]
                        )
                    )
    return tuple(out)


def _clause_proposals(sentence: str, after: int, verb: str, speaker: _Speaker) -> list[tuple[ProposalKind, int, int]]:
    """Proposals stated in one sentence, as (kind, start, end) offsets in it."""
    end = len(sentence)
    if after:
        m = re.match(r"[，：:\s]*", sentence[after:])
        start = after + (m.end() if m else 0)
        if _SUGGEST_VERB.search(verb) and verb != "提出":
            return [("suggestion", start, end)]
        m2 = re.match(r"(?:了)?[“”]?(.{4,80}?)[”]?的建议", sentence[after:])
        if verb == "提出" and m2:
            return [("suggestion", after + m2.start(1), after + m2.end(1))]
        clause = sentence[start:]
    else:
        start = 0
        clause = sentence
        lead = _LEAD_CONNECTIVES.match(clause)
        if lead:
            start = lead.end()
            clause = sentence[start:]
    # a quotation opening the sentence: look inside it for the measure
    kind, off = _classify_clause(clause, speaker, verb)
    if kind is None and "，" in clause[:20]:
        # 下一步，市农投集团将… / 为此，…: try after the first comma
        k = clause.index("，") + 1
        kind, off = _classify_clause(clause[k:], speaker, verb)
        off += k
    if kind is None:
        return []
    return [(kind, start + off, end)]
