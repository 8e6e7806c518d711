"""Who proposed what: policy proposals with their speaker, role and kind.

A proposal is a concrete measure attributed to an identifiable proposer:

* ``suggestion`` — a call on others: ``X建议…``, ``呼吁…``, ``希望…``,
  ``提出…的建议``, and ``应/要/需要…`` in a deputy's, member's or expert's words;
* ``plan`` — a speaker, body or firm stating what its own side will do:
  ``沙坪坝将…``, ``下一步，…将…``, ``我们要…``, ``力争…``; also the provisions
  of an issued document and the tasks a conference deploys.

Speakers are found from the structure of the text, never from a tagger alone:
a title chain ending in an office (``…党组书记、总队队长``), a 2–3 character name
starting with a surname, and a verb of saying; a roundtable's guest list; a
headline or section head (``市政协委员吴海涛：``); a Q&A turn (``蓝庆华：…``); later
references by name or by 他/她; unnamed officials (``市教委有关负责人表示``).  A
candidate name that is a common word (``解读``) must recur in the article.

The text is the shortest verbatim span that holds the measure: from the clause's
own subject (``沙坪坝将…``) or right after the verb of saying, to the end of the
sentence, split at ``；``, at enumerations (一是/二是, 首先/其次/最后) and where
同时/此外/另外 introduce a further measure.  Sentences that continue a speaker's
proposals (``其次，…``, ``出台…政策``) are taken with the same speaker and kind.
Unsigned commentary, statistics, achievements and quoted reports yield nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Article, Proposal, ProposalKind
from ..text.normalize import normalize_punctuation
from ..text.patterns import DOUBLE_SURNAMES, QUESTION_RE, SURNAMES, TITLE_WORDS
from ..text.sentences import split_spans
from .tokenize import tagged, words

_NAME_LAZY = rf"(?:{'|'.join(DOUBLE_SURNAMES)}|[{SURNAMES}])[\u4e00-\u9fff]{{1,2}}?"
SAY = r"(?:表示|说|介绍|认为|建议|呼吁|提出|强调|指出|透露|坦言|解读说|看来|建言|谈到|称|希望|补充说|告诉记者|直言)"
_SAY_RE = re.compile(SAY)
_TITLES = rf"(?:{TITLE_WORDS}|董事|理事|监事|主委|常委|律师|工程师|教授|研究员|成员)"
# The mandate printed after a name in the national convention: 王某代表说, 李某委员认为.
MANDATE = r"(?:代表|委员|议员)"
# 市政协常委，国家统计局重庆调查总队党组书记、总队队长罗学文建议; 某大学副校长李某委员说
_ROLE_NAME_RE = re.compile(
    rf"({_TITLES})\s?({_NAME_LAZY})(?={MANDATE}?\s*(?:{SAY}|[，：。]|则|还|也|强调|围绕|非常|结合|倍感|在|是|从|对|向))"
)
# 李某代表说, 在张某委员看来: a name with its mandate and no title chain before it
_MANDATE_NAME_RE = re.compile(
    rf"(?:^|(?<=[，。；：“”、\s在]))({_NAME_LAZY})({MANDATE})(?=[^\u4e00-\u9fff]|{SAY}|则|还|也|是|在|从|对|向)"
)
_GUEST_RE = re.compile(rf"^(.+?)\s+({_NAME_LAZY})$")
_TITLE_BEFORE_RE = re.compile(rf"{_TITLES}\s?$")
# A speaker line above an item: 市政协委员吴某：, 某局局长李某, 某大学校长钱某代表, 赵某代表
_HEAD_SPEAKER_RE = re.compile(
    rf"^(.*?(?:{_TITLES}|委员|代表))?[、，]?\s?((?:{'|'.join(DOUBLE_SURNAMES)}|[{SURNAMES}])[\u4e00-\u9fff]{{1,2}})"
    rf"({MANDATE})?\s*(?:：|$)"
)
_QA_TURN_RE = re.compile(rf"^({_NAME_LAZY})：")
_PRONOUN_RE = re.compile(rf"(?:^|[，。；：”])\s*(他|她)(?:还|也|则|进一步|同时)?\s*({SAY})")
_OFFICIAL_RE = re.compile(
    rf"([\u4e00-\u9fff]{{2,16}}?(?:局|委|部门|办|院|中心|监委|政府|集团|公司)?)(相关|有关)?负责人(?:还|也)?({SAY})"
)
# 研究建议, 调查认为: a study or survey speaking at the start of a clause
_STUDY_RE = re.compile(r"(?:^|(?<=[，。；]))(研究|调查|调研|报告书|倡议书|声明)(?:还|也|更|进一步)?(建议|认为|指出|呼吁)")
# 《指引》提出 / 《方案》明确: the provisions of an issued document
_DOCUMENT_RE = re.compile(r"(《[^》]{2,40}》)(?:还|也|则)?(?:提出|明确|要求|规定|指出|强调)")
# 会上发布了《…指引》(以下简称《指引》)，提出…
_ISSUED_RE = re.compile(
    r"(?:发布|印发|出台|公布|出炉)了?(《[^》]{2,60}》)(?:[（(][^）)]{0,30}[)）])?(?:[，]?(提出|明确|要求|规定))?"
)
# 重庆召开深入推动制造业高质量发展大会，提出… ; 会议部署了7项重大任务：
_CONFERENCE_RE = re.compile(r"召开([\u4e00-\u9fff“”]{4,30}?(?:大会|会议|座谈会|推进会))[，,]?(提出|部署|强调|要求)")
_TASKS_RE = re.compile(
    r"(?:会议|大会)(?:部署|提出|明确)了?[\d一二三四五六七八九十]+(?:项|个|大)[\u4e00-\u9fff]{0,8}任务："
)
_ROLE_STOP = re.compile(r"^(?:作为|针对|在|据|对|同样|还有|从|随着|其中|为)|的")
_LEAD_CONNECTIVES = re.compile(
    r"^(?:[，、：\s]|同时|此外|另外|还要|并且|首先|其次|再次|最后|第[一二三四五六七八九十]|[一二三四五六七八九十]是|建议|"
    r"下一步|接下来|今后|未来|为此|对此|因此|具体来说|具体而言|具体包括|比如|例如|——)+[，、：\s]*"
)
_ENUM_SPLIT = re.compile(
    r"[；;]|[，。](?=(?:同时|此外|另外)[，]?)|(?<=[，。：；])(?=[二三四五六七八九十]是|其次|最后|再次|第[二三四五六七八九十])"
)
_CONTINUES = re.compile(
    r"^(?:其次|再次|最后|此外|另外|同时|还要|还应|[二三四五六七八九十]是|第[二三四五六七八九十]|围绕|加快|实施|推动|推进|建立|"
    r"健全|完善|加强|出台|构建|深化|强化|支持|鼓励|聚焦|探索|打造|设立|制定|优化|提升|培育|发展|促进|壮大|引导|积极|"
    r"大力|持续|全力|着力|进一步|统筹|利用|升级|降低|争取|构筑|引进|开展|落实|做好|做强|做大|用好|坚持|突出|迭代|"
    r"按照|在[^，。]{2,20}基础上)"
)
_VERB_LED_RE = re.compile(r"(?:他|她|我|我们)?(?:还|也)?(建议|呼吁|希望|提出了?)[，：]?")
_ENUMERATOR_RE = re.compile(r"^(?:首先|一是|第一)[，、：]?")
# 两江新区除了…外，还将…
_BESIDES_RE = re.compile(r"^[^，。]{2,12}?除了[^。]{2,80}?外，还将")
_LIST_INTRO = re.compile(
    r"(?:提出|给出|提交|带来)了?[\d一二三四五六七八九十两]+(?:条|点|项|个方面)(?:建议|提案|意见|举措)："
)
_PLAN_LEAD_RE = re.compile(r"^(?:(?:下一步|接下来|今后)[，,]?|(?:今年|明年|未来\d*年)[，,])")
_OWN_SUBJECT = re.compile(r"^(?:我们|我|本单位|公司|集团|企业|本集团|本公司)")
_INSTITUTION_RE = re.compile(
    r"(?:区|县|市|镇|街道|局|委|厅|部门|系统|集团|公司|新区|基地|政府|学校|医院|我们|我市|全市|重庆|两地|汽车|中心|院|所|"
    r"协会|银行|机构|园区)$"
)
_PAST_RE = re.compile(r"\d{4}年|去年|此前|已经|曾经|近年来|过去|以来|始终|一直")
# 将 as 把 (将A作为B, 将A纳入B) and predictions (将成为, 将有效…) are not plans.
_NOT_FUTURE_RE = re.compile(
    r"^(?:[^，。；]{1,24}?(?:作为|视为|纳入|列入|扩大到|转为|变成|列为|当作|当成)|(?:成为|是|有效|大幅|进一步提振|实现从|带动))"
)
_QUESTION_WORDS = re.compile(r"如何|哪些|是否|什么|怎样|怎么|吗[？?]?$|？$")
# Who may carry a modal (应/要/可…) in a proposal: a body, a level of government, an actor.
_ACTOR_RE = re.compile(
    r"(?:区|县|市|镇|局|委|厅|部门|系统|集团|公司|新区|基地|政府|学校|高校|医院|机构|单位|组织|企业|我们|我市|全市|重庆|两地|"
    r"国家|地方|社会|各方|收费|教研机构|各区县|各地)$"
)
# Groups that speak without being identifiable: the previous speaker stops here.
_GROUP_SPEAKER_RE = re.compile(
    r"(?:委员们|代表们|专家们|与会人员|业内人士|有关人士|大家|群众|村民|市民|网友)(?:普遍|纷纷|一致)?(?:认为|表示|建议|指出)"
)
# A topic that points back (这/那/其/它…) is not the subject of a call.
_DEMONSTRATIVE = re.compile(r"^(?:这|那|其|它|此|该|他|她|谁|哪)")
_REPORT_RE = re.compile(r"(?:工作)?报告(?:提出|指出|明确|强调)")
_SUGGEST_VERBS = ("建议", "呼吁", "建言")
_FUTURE_VERBS = {"计划", "准备", "拟"}  # also nouns: only as a verb right after the subject
_FUTURE = {"将", "将要", "计划", "力争", "准备", "拟", "必将", "还将", "也将", "将会"}
_MODAL = {"应", "应该", "应当", "要", "需要", "需", "必须", "可", "可以", "还应", "还需", "还要", "亟需", "亟须"}
# Modals that state ability more often than a call: only with an actor as subject.
_WEAK_MODAL = {"可", "可以"}
_IDIOM_RE = re.compile(r"(?:可以|应该|可)(?:说|看成|看出|看到|见|能|以说)")
_SUBJECT_FILLER = {"还", "也", "都", "更", "仍", "继续", "则", "就", "进一步", "持续", "首先", "同时"}
MIN_PROPOSAL = 8  # characters: anything shorter is not a measure
MIN_ITEM = 4  # …unless it is an item of a listed set of measures (提供电费补贴)
# 提出4项措施，包括：A、B、C; 建议包括A、B
_INCLUDES_RE = re.compile(r"(?:提出|建议|倡议|要求|诉求)[^。；]{0,20}?(?:措施|建议|诉求|要求|举措|方案|意见)?[，]?包括[：]?")
MAX_SUBJECT = 16
_COMMON_WORD_FREQ = 50  # a jieba dictionary word this frequent is a word, not a name


@dataclass(frozen=True)
class _Speaker:
    name: str | None  # as written
    role: str | None  # as written
    body: str | None  # as written
    own: bool  # speaks for a body (official, firm, document): 应/要 is a plan
    role_text: str | None = None  # the role in the analysis form, for matching
    issuer: bool = False  # a document or a conference: what it 提出 is a plan


@dataclass(frozen=True)
class _Mention:
    speaker: _Speaker | None  # None: a group that cannot be identified (委员们认为)
    at: int  # where the naming starts in the sentence
    after: int  # just after the verb of saying; 0 when named without one
    verb: str


def _mandate(role: str | None) -> str | None:
    if not role:
        return None
    if "人大代表" in role or role.endswith("代表"):
        return "npc"
    if "政协" in role or role.endswith("委员"):
        return "cppcc"
    return None


def _official_role(role: str) -> bool:
    """An office that speaks for its own body (district, bureau, firm) rather than an adviser."""
    if not role:
        return False
    if re.search(r"教授|研究员|博士|专家|学者|研究院|研究所|大学|学院", role):
        return False
    return bool(
        re.search(r"书记|主任|局长|区长|县长|市长|董事长|总经理|总裁|负责人|副总|厅长|处长|委员会|集团|公司", role)
    )


def _is_common_word(token: str) -> bool:
    from .tokenize import _jieba

    return (_jieba().dt.FREQ.get(token) or 0) >= _COMMON_WORD_FREQ


def _role_before(text: str, end: int, orig: str | None = None) -> str:
    """The title chain that ends at ``end``: comma/、-separated segments that each
    name an office, walked backwards until one does not.  Found in ``text`` (the
    analysis form) and cut from ``orig`` (as printed) when given."""
    cut = max(text.rfind(ch, 0, end) for ch in "。！？；：”“") + 1
    start = end
    pos = end
    for seg in reversed(re.split(r"([，、])", text[cut:end])):
        if seg in ("，", "、"):
            pos -= 1
            continue
        seg_start = pos - len(seg)
        candidate = seg.strip()
        if not candidate or _ROLE_STOP.search(candidate) or len(candidate) > 40:
            break
        if start != end and not re.search(rf"(?:{_TITLES}|委员|代表)$", candidate):
            break
        start = seg_start
        pos = seg_start
    start = max(start, cut)
    source = orig if orig is not None else text
    # (以下简称…) is not part of a title
    pieces, pos = [], start
    for m in re.finditer(r"[（(]以下简称[^）)]*[）)]", text[start:end]):
        pieces.append(source[pos : start + m.start()])
        pos = start + m.end()
    pieces.append(source[pos:end])
    return "".join(pieces).lstrip("，、 ").strip(" ，、")


# The verbs that close a 把/将 disposal: 将A送到B, 将A纳入B, 将A交由B办理, 将A织在一起
_DISPOSAL_VERB_RE = re.compile(
    r"(?:送|运|销售|交|转|纳|列|填|归纳|改|变|放|摆|用|织|连|汇聚|集中)”?(?:到|入|由|给|为|成|在|于|至)"
)


def _disposal(rest: str) -> bool:
    """将 as 把 (将农资送到农户, 将其纳入…): 将 followed by its object and a verb that
    disposes of it, not by the verb of a plan (将充分发挥…, 将继续…)."""
    tags = tagged(rest[:12])
    if not tags:
        return False
    first = tags[0][1]
    if first.startswith("r"):
        return True
    clause = re.split(r"[，。；！？]", rest, maxsplit=1)[0]
    return first.startswith("n") and _DISPOSAL_VERB_RE.search(clause) is not None


def _completed(text: str) -> bool:
    """The first clause of ``text`` reports something done (…保障了…, 已…): not a measure."""
    clause = re.split(r"[，。；！？]", text, maxsplit=1)[0]
    return "了" in words(clause) or clause.startswith("已")


def _marker(clause: str) -> tuple[str, int, int] | None:
    """A future or modal marker after a short subject: (``future``|``modal``,
    subject end, marker end) in ``clause``."""
    pos = 0
    tokens = words(clause)
    for k, token in enumerate(tokens):
        end = pos + len(token)
        if pos > MAX_SUBJECT or token in "，。；：！？":
            return None
        quoted = clause[:pos].count("“") + clause[:pos].count("‘") > clause[:pos].count("”") + clause[:pos].count("’")
        if quoted:
            pos = end
            continue
        nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
        if token in _FUTURE_VERBS and (pos > 6 or nxt in ("的", "安排", "中", "，", "")):
            pos = end
            continue
        if token in _FUTURE or (len(token) >= 2 and token.endswith("将") and token not in ("即将", "将近")):
            start = pos if token in _FUTURE else end - 1
            if _NOT_FUTURE_RE.match(clause[end:]) or (token.endswith("将") and _disposal(clause[end:])):
                return None
            return "future", start, end
        if token in _MODAL:
            if token in _WEAK_MODAL and (pos == 0 or _IDIOM_RE.match(clause[pos:])):
                return None  # 可以说是…, 可提升…: ability or a manner of speaking, not a call
            return "modal", pos, end
        pos = end
    return None


@dataclass
class _State:
    speaker: _Speaker | None
    carry: ProposalKind | None = None  # the kind of the speaker's last proposal, while it goes on


class _Finder:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.known: dict[str, str] = {}  # name (analysis form) -> role as written
        self.spelled: dict[str, str] = {}  # name (analysis form) -> name as written
        self.role_text: dict[str, str] = {}  # name (analysis form) -> role, analysis form
        self.default: _Speaker | None = None
        self.body_text = "".join(p.text for p in article.paragraphs)
        self.body_orig = "".join(p.orig for p in article.paragraphs)
        self._collect()

    def _register(self, name: str, spelled: str, role: str, role_text: str) -> None:
        if name not in self.known:
            self.known[name] = role
            self.spelled[name] = spelled
            self.role_text[name] = role_text

    def _collect(self) -> None:
        art = self.article
        for p in art.paragraphs:
            if p.role == "guests":
                m = _GUEST_RE.match(p.text)
                if m:
                    self._register(m.group(2), p.orig[m.start(2) : m.end(2)], p.orig[: m.end(1)].strip(), m.group(1))
            elif p.role == "heading":
                self._head_speaker(p.text, p.orig)
        for line in (art.title, art.kicker):
            if line and self.default is None:
                name = self._head_speaker(normalize_punctuation(line), line)
                if name:
                    self.default = self.speaker(name)
        for p in art.paragraphs:
            if p.role != "body":
                continue
            for m in _ROLE_NAME_RE.finditer(p.text):
                name = m.group(2)
                if self.body_text.count(name) < 2 and _is_common_word(name):
                    continue
                role = _role_before(p.text, m.start(2))
                if role:
                    orig_role = _role_before(p.text, m.start(2), p.orig)
                    after = p.text[m.end(2) : m.end(2) + 2]
                    mandate = after if re.fullmatch(MANDATE, after) else ""
                    self._register(name, p.orig[m.start(2) : m.end(2)], orig_role, role + mandate)
        for p in art.paragraphs:
            if p.role != "body":
                continue
            for m in _MANDATE_NAME_RE.finditer(p.text):
                name = m.group(1)
                if name not in self.known and not (self.body_text.count(name) < 2 and _is_common_word(name)):
                    self._register(name, p.orig[m.start(1) : m.end(1)], "", m.group(2))
            turn = _QA_TURN_RE.match(p.text)
            if turn and not QUESTION_RE.match(p.text):
                name = turn.group(1)
                turns = sum(1 for q in art.paragraphs if q.text.startswith(name + "："))
                if name not in self.known and (turns >= 2 or self.body_text.count(name) >= 2):
                    self._register(name, p.orig[: len(name)], "", "")

    def _head_speaker(self, text: str, orig: str) -> str | None:
        m = _HEAD_SPEAKER_RE.match(text)
        if m is None or not (m.group(1) or m.group(3)) or self.body_text.count(m.group(2)) < 1:
            return None
        if not m.group(1) and not text.endswith("：") and self.body_text.count(m.group(2)) < 2:
            return None  # a bare name with a mandate, as a line of its own: it must recur
        role = orig[: m.end(1)].strip("、， ") if m.group(1) else ""
        role_text = (m.group(1) or "") + (m.group(3) or "")
        self._register(m.group(2), orig[m.start(2) : m.end(2)], role, role_text)
        return m.group(2)

    def speaker(self, name: str) -> _Speaker:
        role_text = self.role_text.get(name, "")
        return _Speaker(self.spelled.get(name, name), self.known.get(name), None, _official_role(role_text), role_text)

    def mention(self, text: str, orig: str, current: _Speaker | None) -> _Mention | None:
        """The last speaker named in ``text``, with where the naming starts and the
        offset just after its verb of saying (0 when named without one)."""
        best: _Mention | None = None

        def offer(at: int, speaker: _Speaker | None, after: int, verb: str, strict: bool = False) -> None:
            nonlocal best
            if best is None or at > best.at or (at == best.at and not strict):
                best = _Mention(speaker, at, after, verb)

        for name in self.known:
            for m in re.finditer(re.escape(name), text):
                # an introduction without a verb of saying: 党委副书记谭本宏倍感振奋
                if m.start() >= 2 and _TITLE_BEFORE_RE.search(text, max(0, m.start() - 8), m.start()):
                    offer(m.start(), self.speaker(name), 0, "", strict=True)
            pattern = re.escape(name) + rf"{MANDATE}?(?:则|还|也|进一步|同时|并)?\s*({SAY})"
            for m in re.finditer(pattern, text):
                offer(m.start(), self.speaker(name), m.end(), m.group(1))
        for m in _PRONOUN_RE.finditer(text):
            if current is not None and current.name:
                offer(m.start(1), current, m.end(), m.group(2))
        for m in _OFFICIAL_RE.finditer(text):
            role_end = text.index("负责人", m.end(2) if m.group(2) else m.end(1)) + 3
            body = orig[m.start(1) : m.end(1)] or None
            if body and body[0] in "该該":
                body = body[1:]
            official = _Speaker(None, orig[m.start(1) : role_end], body, True, text[m.start(1) : role_end])
            offer(m.start(), official, m.end(), m.group(3))
        for m in _STUDY_RE.finditer(text):
            offer(m.start(), _Speaker(None, None, orig[m.start(1) : m.end(1)], False), m.end(), m.group(2))
        for m in _DOCUMENT_RE.finditer(text):
            full = self._document_name(text[m.start(1) : m.end(1)])
            if full is not None:
                offer(m.start(), _Speaker(None, None, full, True, None, issuer=True), m.end(), "提出")
        for m in _ISSUED_RE.finditer(text):
            if m.group(2):
                doc = orig[m.start(1) : m.end(1)]
                offer(m.start(1), _Speaker(None, None, doc, True, None, issuer=True), m.end(), "提出")
        conference = _CONFERENCE_RE.search(text)
        if conference:
            name = orig[conference.start(1) : conference.end(1)]
            offer(conference.start(), _Speaker(None, None, name, True, None, issuer=True), conference.end(), "提出")
        for m in _GROUP_SPEAKER_RE.finditer(text):
            offer(m.start(), None, m.end(), "")
        return best

    def _document_name(self, name: str) -> str | None:
        """The full title, as printed, of a document the article reports as issued
        (发布/印发/出台), given its full or short name (``《指引》``); None otherwise."""
        for m in _ISSUED_RE.finditer(self.body_text):
            full = m.group(1)
            short = re.match(r"[（(]以下简称(《[^》]+》)", self.body_text[m.end(1) :])
            if name == full or (short and name == short.group(1)):
                return self.body_orig[m.start(1) : m.end(1)]
        return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    m = _LEAD_CONNECTIVES.match(text[start:end])
    if m:
        start += m.end()
    while end > start and text[end - 1] in "。！？；，、：… \u3000":
        end -= 1
    span = text[start:end]
    # a quotation that closes in the span but opened before it: drop the closing mark
    while (
        end > start and text[end - 1] in "”’" and span.count("“") + span.count("‘") < span.count("”") + span.count("’")
    ):
        end -= 1
        span = text[start:end]
        while end > start and text[end - 1] in "。！？；，、：…":
            end -= 1
            span = text[start:end]
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
        s, e = _trim(text, s, e)
        if e - s >= MIN_PROPOSAL:
            spans.append((s, e))
    return spans


def _clauses(text: str, start: int) -> list[int]:
    """Offsets where the clauses of ``text[start:]`` begin."""
    out = [start]
    for m in re.finditer(r"[，：；]", text[start:]):
        out.append(start + m.end())
    return out


def _find_in_region(
    sentence: str, start: int, speaker: _Speaker, said: bool = False
) -> tuple[ProposalKind, int] | None:
    """The first clause from ``start`` that states a measure: its kind and where it starts.
    ``said``: the clause is reported after a verb of saying, where a modal after any
    short topic (保供应要…, 新型城镇化建设要…) states the speaker's call."""
    for cs in _clauses(sentence, start):
        clause = sentence[cs:]
        offset = 1 if clause[:1] in "“‘" else 0
        lead = _PLAN_LEAD_RE.match(clause[offset:])
        if lead:
            offset += lead.end()
        body = clause[offset:]
        connective = _LEAD_CONNECTIVES.match(body)
        if connective:
            offset += connective.end()
            body = clause[offset:]
        if _BESIDES_RE.match(body):
            return "plan", cs + offset
        mark = _marker(body)
        if mark is not None:
            kind, subj_end, mark_end = mark
            subject = re.sub(r"(?:还|也|都|更|仍|继续|则|就|进一步)+$", "", body[:subj_end])
            if _PAST_RE.search(subject) or _QUESTION_WORDS.search(body) or _completed(body[mark_end:]):
                continue
            own_subject = _OWN_SUBJECT.match(subject) is not None
            if kind == "future":
                if not subject or own_subject or _INSTITUTION_RE.search(subject) or len(subject) <= 3:
                    return "plan", cs + offset
            elif not subject or own_subject or _ACTOR_RE.search(subject) or (said and not _DEMONSTRATIVE.match(subject)):
                own = speaker.own or own_subject
                return ("plan" if own else "suggestion"), cs + offset
        if lead and speaker.own and body:
            return "plan", cs + offset
    return None


def _closing_quote(sentence: str) -> int | None:
    """Where the quotation that opens ``sentence`` closes."""
    depth = 0
    for i, ch in enumerate(sentence):
        if ch in "“‘":
            depth += 1
        elif ch in "”’":
            depth -= 1
            if depth == 0:
                return i
    return None


def _after_verb(sentence: str, start: int, verb: str, speaker: _Speaker) -> tuple[ProposalKind, int, int] | None:
    """The measure stated after a verb of saying, from ``start`` to ``end``."""
    end = len(sentence)
    region = sentence[start:]
    intro = _LIST_INTRO.search(sentence, max(0, start - len(verb) - 2))
    if intro:
        return ("plan" if speaker.own else "suggestion"), intro.end(), end
    overall = re.match(r"了?[《“]?(.{4,80}?)[》”]?的(?:建议|提案)", region)
    if verb == "提出" and overall and not speaker.issuer:
        return "suggestion", start + overall.start(1), start + overall.end(1)
    if speaker.issuer:
        return "plan", start, end
    if verb in _SUGGEST_VERBS or (verb == "希望" and not speaker.own):
        return "suggestion", start, end
    led = _VERB_LED_RE.match(region)
    if led:
        kind: ProposalKind = "plan" if speaker.own and led.group(1) != "建议" else "suggestion"
        return kind, start + led.end(), end
    if _ENUMERATOR_RE.match(region):
        return ("plan" if speaker.own else "suggestion"), start, end
    found = _find_in_region(sentence, start, speaker, said=True)
    return (found[0], found[1], end) if found else None


def _listed(sentence: str, kind: ProposalKind) -> list[tuple[ProposalKind, int, int]]:
    """The items of a list of measures: 提出4项措施，包括：A、B、C等."""
    m = _INCLUDES_RE.search(sentence)
    if m is None:
        return []
    out: list[tuple[ProposalKind, int, int]] = []
    pos = m.end()
    stop = re.search(r"[。！？]|等(?:[。，；]|$)", sentence[pos:])
    end = pos + stop.start() if stop else len(sentence)
    for item in re.finditer(r"[^、；]+", sentence[pos:end]):
        out.append((kind, pos + item.start(), pos + item.end()))
    return out if len(out) >= 2 else []


def _sentence_proposals(
    sentence: str, mention: _Mention | None, speaker: _Speaker, carry: ProposalKind | None, quoted: bool = False
) -> tuple[list[tuple[ProposalKind, int, int]], ProposalKind | None]:
    """Proposals in one sentence as (kind, start, end), and the kind that carries on.
    ``quoted``: the sentence is inside the speaker's quotation."""
    end = len(sentence)
    listed = _listed(sentence, "plan" if speaker.own else "suggestion")
    if listed:
        return listed, listed[-1][0]
    out: list[tuple[ProposalKind, int, int]] = []
    if _REPORT_RE.search(sentence[: mention.after] if mention and mention.after else sentence[:12]):
        return [], None
    if mention is not None and mention.at > 0 and sentence[:1] in "“‘":
        close = _closing_quote(sentence)
        if close is not None and close < mention.at:
            # “……”X表示：the quotation is the speaker's words
            quote = sentence[:close]
            led = _VERB_LED_RE.match(quote, 1) or re.search(r"我(?:们)?(?:今年)?(?:提出了|建议)", quote)
            if led:
                out.append(("suggestion", led.end(), close))
            else:
                found = _find_in_region(quote, 0, speaker)
                if found:
                    out.append((found[0], found[1], close))
    if mention is not None and mention.after:
        rest = sentence[mention.after :]
        start = mention.after + len(rest) - len(rest.lstrip("，：: "))
        found_after = _after_verb(sentence, start, mention.verb, speaker)
        if found_after:
            out.append(found_after)
        kinds = [k for k, _, _ in out]
        return out, (kinds[-1] if kinds else carry)
    if out:
        return out, out[-1][0]
    tasks = _TASKS_RE.search(sentence)
    if tasks:
        return [("plan", tasks.end(), end)], "plan"
    found = _find_in_region(sentence, 0, speaker, said=quoted)
    if found is not None:
        return [(found[0], found[1], end)], found[0]
    if (
        carry
        and (_CONTINUES.match(sentence) or _CONTINUES.match(_LEAD_CONNECTIVES.sub("", sentence)))
        and not _completed(sentence)
    ):
        return [(carry, 0, end)], carry
    return [], carry


def _parallel(paragraphs: list[str], index: int) -> bool:
    """A paragraph that opens like its neighbour: one item of a parallel list."""
    head = paragraphs[index][:2]
    neighbours = paragraphs[index - 1 : index] + paragraphs[index + 1 : index + 2]
    return len(head) == 2 and any(n[:2] == head for n in neighbours)


def find_proposals(article: Article) -> tuple[Proposal, ...]:
    if article.kind not in ("news", "interview"):
        return ()
    finder = _Finder(article)
    out: list[Proposal] = []
    state = _State(finder.default)
    bodies = [p.text for p in article.paragraphs if p.role == "body"]
    body_index = -1
    for pi, para in enumerate(article.paragraphs):
        if para.role == "heading":
            name = finder._head_speaker(para.text, para.orig)
            state = _State(finder.speaker(name)) if name else replace(state, carry=None)
            continue
        if para.role != "body":
            continue
        body_index += 1
        text = para.text
        if QUESTION_RE.match(text):
            state = _State(finder.default)
            continue
        base = 0
        turn = _QA_TURN_RE.match(text)
        if turn and turn.group(1) in finder.known:
            state = _State(finder.speaker(turn.group(1)))
            base = turn.end()
            if text.rstrip().endswith(("——", "：")):
                state.carry = "plan" if state.speaker and state.speaker.own else "suggestion"
        whole_items = _parallel(bodies, body_index)
        para_found = False
        spans = split_spans(text)
        for k, (s, e) in enumerate(spans):
            s = max(s, base)
            if e <= s:
                continue
            sentence = text[s:e]
            mention = finder.mention(sentence, para.orig[s:e], state.speaker)
            if (
                mention is None
                and sentence[:1] in "“‘"
                and sentence.rstrip("。！？…")[-1:] in "”’"
                and k + 1 < len(spans)
            ):
                # “……。”  X表示，…: the quotation is the words of the speaker named next
                ns, ne = spans[k + 1]
                following = finder.mention(text[ns:ne], para.orig[ns:ne], state.speaker)
                # “……。”  X表示 / 某局局长X说 : the attribution opens the next sentence
                if (
                    following is not None
                    and following.speaker is not None
                    and not re.search(r"[，。；：“”]", text[ns : ns + following.at])
                ):
                    mention = _Mention(following.speaker, len(sentence), 0, "")
            if mention is not None and mention.speaker != state.speaker:
                state = _State(mention.speaker)
            if state.speaker is None or (
                state.speaker.name is None and not state.speaker.issuer and not state.speaker.role
            ):
                props, speaker_here = _institution_plans(sentence, para.orig[s:e], state, article)
                if speaker_here is not None:
                    state = _State(speaker_here, "plan" if props else state.carry)
            else:
                quoted = text[:s].count("“") > text[:s].count("”")
                props, state.carry = _sentence_proposals(sentence, mention, state.speaker, state.carry, quoted)
                speaker_here = state.speaker
            if speaker_here is None:
                continue
            for kind, cs, ce in props:
                items = (
                    [_trim(text, s + cs, s + ce)] if whole_items and mention is None else _pieces(text, s + cs, s + ce)
                )
                shortest = MIN_ITEM if _INCLUDES_RE.search(sentence) else MIN_PROPOSAL
                for ps, pe in items:
                    if pe - ps < shortest:
                        continue
                    para_found = True
                    out.append(
                        Proposal(
                            id=f"{article.id}-p{len(out) + 1:02d}",
                            article=article.id,
                            speaker=speaker_here.name,
                            role=speaker_here.role,
                            body=speaker_here.body,
                            kind=kind,
                            text=para.orig[ps:pe],
                            para=pi,
                            mandate=_mandate(speaker_here.role_text),  # type: ignore[arg-type]
                        )
                    )
        if not para_found:
            state = replace(state, carry=None)
    return tuple(out)


def _institution_plans(
    sentence: str, orig: str, state: _State, article: Article
) -> tuple[list[tuple[ProposalKind, int, int]], _Speaker | None]:
    """Plans of a body when no person speaks (我市将…, 长安汽车还将…), and the body."""
    found = _find_in_region(sentence, 0, _Speaker(None, None, None, True))
    if found is None:
        if (
            state.speaker is not None
            and state.carry
            and _CONTINUES.match(_LEAD_CONNECTIVES.sub("", sentence) or sentence)
        ):
            return [("plan", 0, len(sentence))], state.speaker
        return [], None
    body = _institution(sentence, found[1], orig, article)
    if body is None:
        if state.speaker is not None and state.carry:
            return [("plan", found[1], len(sentence))], state.speaker
        return [], None
    return [("plan", found[1], len(sentence))], body


def _institution(sentence: str, start: int, orig: str, article: Article) -> _Speaker | None:
    """The body whose plan a clause states, when no person speaks: 我市将…; a body
    the headline names counts too (长安还将…)."""
    mark = _marker(sentence[start:])
    if mark is None or mark[0] != "future":
        return None
    core = re.sub(r"(?:还|也|都|仍|继续|则|就|又)+$", "", sentence[start : start + mark[1]])
    if not core or _PAST_RE.search(core):
        return None
    title = normalize_punctuation(article.title or "")
    if not _INSTITUTION_RE.search(core) and not (len(core) >= 2 and core in title):
        return None
    return _Speaker(None, None, orig[start : start + len(core)], True, None)
