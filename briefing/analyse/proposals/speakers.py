"""Who speaks: speaker recognition as a small grammar over the text of an article.

The conventions of Chinese news writing it states, each a pattern below:

* a title chain ending in an office, then a name: ``某市经信委主任张某表示``; a chain
  of offices joined by 、 or ，: ``市政协常委，某局党组书记、局长李某建议``;
* a mandate marker after the name (the national convention): ``某大学副校长王某委员说``,
  ``李某代表建议``, ``在赵某代表看来``;
* a speaker line above an item or as its headline: ``市政协委员吴某：``, ``某部部长钱某``,
  ``某集团董事长孙某代表`` (then the body is the speaker's);
* Q&A turns: ``某报记者：…`` asks, ``周某：…`` answers (a name that takes turns);
* a roundtable's guest list (``某局局长 钱某``);
* later references: by name, by 他/她, by an unnamed official of a named body
  (``某局有关负责人表示``), a study or survey (``研究建议``), an issued document
  (``《方案》提出``) or a conference (``召开…大会，提出``);
* groups that cannot be identified (``委员们认为``) end the previous speaker's turn.

A candidate name that is a common word must recur in the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Article, Para
from ...text.normalize import normalize_punctuation
from ...text.patterns import DOUBLE_SURNAMES, QUESTION_RE, SURNAMES, TITLE_WORDS
from .lexicon import DOCUMENTS, MANDATE_WORDS, SAY_WORDS, alternation

_NAME_LAZY = rf"(?:{'|'.join(DOUBLE_SURNAMES)}|[{SURNAMES}])[\u4e00-\u9fff]{{1,2}}?"


SAY = alternation(list(SAY_WORDS))


_TITLES = rf"(?:{TITLE_WORDS}|董事|理事|监事|主委|常委|律师|工程师|教授|研究员|成员)"


# The mandate printed after a name in the national convention: 王某代表说, 李某委员认为.
MANDATE = alternation(list(MANDATE_WORDS))


# 市政协常委，国家统计局重庆调查总队党组书记、总队队长罗学文建议; 某大学副校长李某委员说
# What may follow a speaker's name: a mandate or an honorific, then a verb of saying,
# a break, or the start of the sentence's predicate.
_AFTER_NAME = (
    rf"(?:{MANDATE}|医生|博士|先生|女士|教授|律师)?\s*(?:(?:会后|会上|席间|随后|致辞时|发言时|回应时)?(?:{SAY})|指(?=[，：])|"
    r"[，：。（、]|则|还|也|强调|围绕|非常|结合|倍感|在|是|从|对|向|[今昨][日天早（(]|日前|近日|早前|出席|接受|答复|回答|回应|"
    r"以书面|致辞|发言|讲话|根据|通过|就|与|同|等|计划|认为|透露|以)"
)
_ROLE_NAME_RE = re.compile(rf"({_TITLES})\s?({_NAME_LAZY})(?={_AFTER_NAME})")
# …and where the name is of no common surname (普杰立, 拉哈尤, 英兰妮): any two to four
# characters between the title chain and what follows a name, confirmed as a name
# by the tokenizer or by recurring in the article.
_ROLE_ANY_NAME_RE = re.compile(rf"({_TITLES})\s?([\u4e00-\u9fff]{{2,4}}?)(?={_AFTER_NAME})")
# …and a longer transliterated name (德拉埃斯普列亚), where a date or the verb follows it
_ROLE_LONG_NAME_RE = re.compile(
    rf"({_TITLES})\s?([\u4e00-\u9fff]{{5,8}}?)(?=\d{{1,2}}月\d{{1,2}}日|{_AFTER_NAME}|宣布)"
)
# A name before the office (陳駿季部長表示, 普杰立医生说): the Taiwan and overseas order.
_NAME_OFFICE = (
    r"部长|局长|司长|署长|厅长|处长|次长|主任|主席|议员|立委|委员|代表|教授|医生|博士|总裁|董事长|总经理|市长|县长|区长|"
    r"院长|校长|会长|理事长|秘书长|发言人|总统|总理|议长|主委"
)
# A name with no title before it, where a verb of saying follows (林某某在《报告》提到): a
# speaker the tokenizer or the article confirms as a person
_BARE_NAME_RE = re.compile(
    rf"(?:^|(?<=[，。；：”\s]))([\u4e00-\u9fff]{{2,4}}?)(?=(?:{MANDATE})?(?:在[^，。；]{{1,24}}?)?(?:{SAY}))"
)
# …and after a quotation it is attributed to: “……”某某说
_AFTER_QUOTE_NAME_RE = re.compile(rf"[”’]([\u4e00-\u9fff]{{2,4}}?)(?=(?:{MANDATE})?(?:{SAY}))")
_NAME_TITLE_RE = re.compile(
    rf"(?:^|(?<=[，。；：“”、\s]))([\u4e00-\u9fff]{{2,4}}?)({_NAME_OFFICE})(?=(?:则|还|也|进一步|同时|并)?\s*(?:{SAY}))"
)


# 李某代表说, 在张某委员看来: a name with its mandate and no title chain before it
_MANDATE_NAME_RE = re.compile(
    rf"(?:^|(?<=[，。；：“”、\s在]))({_NAME_LAZY})({MANDATE})(?=[^\u4e00-\u9fff]|{SAY}|则|还|也|是|在|从|对|向)"
)


# 某市产业总工会王某认为: an organisation and then the name of its spokesperson, no title
# between (any surname, even a rare one, since the organisation and the verb frame it)
# 曾公开表示: said so before
_BEFORE = r"曾经?(?:公开|多次|一再)?"
_ORG_NAME_RE = re.compile(
    r"(?:^|(?<=[，。；：“”、\s]))([\u4e00-\u9fff]{2,20}?(?:工会|协会|基金会|商会|学会|联合会|总会|联盟|公司|集团|大学|学院|"
    rf"医院|银行|研究院|研究所|中心|党|联))([\u4e00-\u9fff]{{2,3}}?)(?={MANDATE}?(?:{_BEFORE}|也|亦|还|则)?(?:{SAY}))"
)


# Where a body is named as the one speaking: at the start of a clause.
_CLAUSE_START = r"(?:^|(?<=[，。；：“”\s]))"


# 工会团体也希望…, 某商会呼吁…: a body of people making its call, no person named
_BODY_CALL_RE = re.compile(
    _CLAUSE_START + r"([\u4e00-\u9fff]{1,12}?(?:团|团体|工会|协会|商会|联盟|组织|政党|党|界|学会|联会|检察院|法院|"
    r"研究院|智库|创研库|委员会|代表团|小组))"
    r"(?:也|还|则|亦|均|都|今日|日前|早前)?(?:向[\u4e00-\u9fff]{1,12}?)?"
    r"(希望|呼吁|建议|要求|促请|敦促|主张|倡议|倡|促|提出|发出|提交|赞成|反对|批评)"
)


# A letter's signature: the writer's place, then the name spaced out (陕西咸阳市 姚 平)
_SIGNED_RE = re.compile(
    r"^([\u4e00-\u9fff]{2,12}(?:省|市|县|区|州|旗|镇|乡|村))[\s\u00a0]+([\u4e00-\u9fff](?:[\s\u00a0]*[\u4e00-\u9fff]){1,3})[\s\u00a0]*$"
)


# A column in the voice of a deputy, member or expert: （委员之声）, 代表建言, 专家手记
_VOICE_COLUMN_RE = re.compile(r"(代表|委员|专家|学者)(?:之声|建言|手记|心声|来信|论坛|观点)")


# 某公司也表示，…; 某某局指出，…: a body speaking for itself, no person named
_BODY_SAYS_RE = re.compile(
    _CLAUSE_START + r"([\u4e00-\u9fff]{2,16}?(?:公司|集团|银行|协会|商会|联合会|研究院|政府|委员会|办公室|部|局|署))"
    rf"(?:也|还|则|亦|均|都|同时)?({SAY})"
)


_GUEST_RE = re.compile(rf"^(.+?)\s+({_NAME_LAZY})$")


# A person named as the one met, written to or spoken of: 与某某会面, 向某局局长某某
_MET_RE = re.compile(r"(?:与|和|同|跟|向|会见|拜会|会晤|约见|致函|去信)[^，。；：“”]{0,16}$")
_TITLE_BEFORE_RE = re.compile(rf"{_TITLES}的?\s?$")


# 刚当选某区议员的王某，…: a title chain joined to the name by 的, the name then set off
_NEWLY_RE = re.compile(r"^(?:刚刚|刚|新|甫|同样新)?(?:当选|获选|上任|就任)(?:为)?")
_ROLE_DE_NAME_RE = re.compile(rf"({_TITLES})的({_NAME_LAZY})(?=[，、]|今|也|在|于|昨|日前)")


# A speaker line above an item: 市政协委员吴某：, 某局局长李某, 某大学校长钱某代表, 赵某代表
_HEAD_SPEAKER_RE = re.compile(
    rf"^(.*?(?:{_TITLES}|委员|代表))?[、，]?\s?((?:{'|'.join(DOUBLE_SURNAMES)}|[{SURNAMES}])[\u4e00-\u9fff]{{1,2}})"
    rf"({MANDATE})?\s*(?:：|$)"
)


QA_TURN_RE = re.compile(rf"^({_NAME_LAZY})：")
# A speaker line: who speaks, then a colon, at the start of a paragraph
_COLON_SPEAKER_RE = re.compile(r"^([^，。；：“”！？、（）()《》\s]{2,20}?)：")
MIN_TURN_TEXT = 4
# What stands before a colon but speaks for no one: labels, times, places, notes
_LABEL_RE = re.compile(
    r"时间|日期|地点|地址|电话|邮箱|网址|来源|编者|编辑|记者|主持|嘉宾|链接|附件|注|阅读|导读|核心|提示|图|摄|"
    r"问$|答$|背景|简介|说明|原文|标题|关键词|小贴士"
)
# A body that can speak for itself on a speaker line: a party, a group, a scheme, a body
_BODY_LINE_RE = re.compile(
    r"(?:党|联|会|团|团体|联盟|计划|议政|组织|学会|协会|公会|商会|工会|智库|研究院|政府|当局|部|局|署|委员会|中心)$"
)


_PRONOUN_RE = re.compile(rf"(?:^|[，。；：”])\s*(他|她)(?:还|也|亦|又|则|进一步|同时)?\s*({SAY}|指(?=[，：出]))")


_OFFICIAL_RE = re.compile(
    rf"([\u4e00-\u9fff]{{2,16}}?(?:局|委|部门|办|院|中心|监委|政府|集团|公司)?)(相关|有关)?负责人(?:还|也)?({SAY})"
)


# 研究建议, 调查认为: a study or survey speaking at the start of a clause
_STUDY_RE = re.compile(
    r"(?:^|(?<=[，。；]))(研究|调查|调研|报告书|倡议书|声明)(?:还|也|更|进一步)?(建议|认为|指出|呼吁)"
)


# 《指引》提出 / 《方案》明确: the provisions of an issued document
_DOCUMENT_RE = re.compile(r"(《[^》]{2,40}》)(?:还|也|则)?(?:提出|明确|要求|规定|指出|强调)")
# 财政预算案建议下调…, 施政报告提出…: a government's document named without brackets
_BARE_DOCUMENT_RE = re.compile(
    rf"(?:^|(?<=[，。；：“”、\s]))((?:本年度|新一份|今年的?|政府的?|特区政府的?|[\d至-]{{4,11}}年度的?)?(?:{alternation(DOCUMENTS)}))"
    r"(?:还|也|又|则|中)?"
    r"(建议|提出|提到|表明|明确|宣布|计划|预留|要求|规定|指出|强调)(?!的)"
)
# 会议强调，要…; 常务会议指出…: a meeting's own conclusions
_MEETING_RE = re.compile(
    r"(?:^|(?<=[，。；：“”\s]))((?:[^\s，。；：“”将按据在的照遵]{0,16}?)(?:会议|大会|全会|常务会|座谈会|推进会|工作会))"
    r"(?:还|也|并|进一步)?(强调|指出|要求|提出|部署|明确|决定)"
    r"(?=[，：:]|了?[\d一二三四五六七八九十]+(?:项|个|大|条|方面))"  # 会议部署了7项重大任务：
)


# 向某某提出 / 对某某表示: the person after these is the one spoken to
_TO = "向跟對对"

# a meeting not named: the one named before it
_GENERIC_MEETING_RE = re.compile(r"(?:该|此次|本次|这次|此|这)?(?:会议|大会|全会|会上)")


# 会上发布了《…指引》(以下简称《指引》)，提出…
_ISSUED_RE = re.compile(
    r"(?:发布|印发|出台|公布|出炉)了?(《[^》]{2,60}》)(?:[（(][^）)]{0,30}[)）])?(?:[，]?(提出|明确|要求|规定))?"
)


# 重庆召开深入推动制造业高质量发展大会，提出… ; 会议部署了7项重大任务：
_CONFERENCE_RE = re.compile(r"召开([\u4e00-\u9fff“”]{4,30}?(?:大会|会议|座谈会|推进会))[，,]?(提出|部署|强调|要求)")


_ROLE_STOP = re.compile(r"^(?:作为|针对|在|据|对|同样|还有|从|随着|其中|为)")


def _particle_end(segment: str) -> int:
    """Where the segment's last particle 的 ends (0 if it has none): 的 as a word of its
    own (…的代表), not the character inside a name (美的, 目的地)."""
    if "的" not in segment:
        return 0
    from ...text.tokenize import word_tags

    pos = end = 0
    for word, _ in word_tags(segment):
        pos += len(word)
        if word == "的":
            end = pos
    return end


# Groups that speak without being identifiable: the previous speaker stops here.
_GROUP_SPEAKER_RE = re.compile(
    r"(?:委员们|代表们|专家们|与会人员|业内人士|有关人士|大家|群众|村民|市民|网友)(?:普遍|纷纷|一致)?(?:认为|表示|建议|指出)"
)


# Deputies, members or experts speaking together (代表委员表示, 一些委员认为): a
# collective proposer, named by the group.
_COLLECTIVE_RE = re.compile(
    r"(?:^|(?<=[，。；：”\s]))(?:有|一些|部分|多位|不少|与会|多名|业内|相关|有关)*(代表委员|人大代表|政协委员|专家学者|专家|学者)"
    r"(?:普遍|纷纷|一致|也|还|都)?(认为|表示|建议|指出|呼吁|强调)"
)


_COMMON_WORD_FREQ = 50  # a jieba dictionary word this frequent is a word, not a name
# Characters of function words that a person's name does not hold: 对此有何, 关于你
_FUNCTION_CHARS_RE = re.compile(
    r"[此你您他她们的了是与及或吗呢吧啊这那哪]|有何|如何|为何|请问|关于|对于|时间|方面|我们"
)
# The end of a body's name, which no person's name has: 农业部, 卫生局, 立法会
_BODY_END_RE = re.compile(r"[部局委会院所厅处司署办组团党社台报网馆站]$|中心$|公司$|集团$|政府$|当局$")


@dataclass(frozen=True)
class Speaker:
    name: str | None  # as written
    role: str | None  # as written
    body: str | None  # as written
    own: bool  # speaks for a body (official, firm, document): 应/要 is a plan
    role_text: str | None = None  # the role in the analysis form, for matching
    issuer: bool = False  # a document or a conference: what it 提出 is a plan


@dataclass(frozen=True)
class Mention:
    speaker: Speaker | None  # None: a group that cannot be identified (委员们认为)
    at: int  # where the naming starts in the sentence
    after: int  # just after the verb of saying; 0 when named without one
    verb: str


class _Offers:
    """The namings found in a sentence: the last one (the sentence's speaker) and the
    person named last (whom a later 他/她 or 我们 is)."""

    def __init__(self) -> None:
        self.best: Mention | None = None
        self.person: tuple[int, Speaker] | None = None

    def offer(self, at: int, speaker: Speaker | None, after: int, verb: str, strict: bool = False) -> None:
        best = self.best
        if best is None or at > best.at or (at == best.at and not strict):
            self.best = Mention(speaker, at, after, verb)
        if speaker is not None and speaker.name and (self.person is None or at >= self.person[0]):
            self.person = (at, speaker)


def mandate_of(role: str | None) -> str | None:
    if not role:
        return None
    if "人大代表" in role or role.endswith("代表"):
        return "npc"
    if "政协" in role or role.endswith("委员"):
        return "cppcc"
    return None


def _surname_led(name: str) -> bool:
    """A name of a common surname and one or two given characters, a double surname,
    or two surnames and two given characters (林郑月娥, 叶刘淑仪: a married name)."""
    if name[:2] in DOUBLE_SURNAMES or (len(name) == 4 and name[0] in SURNAMES and name[1] in SURNAMES):
        return True
    return name[0] in SURNAMES and len(name) <= 3


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
    from ...text.tokenize import _jieba

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
        if seg.startswith("在") and start == end and len(seg) > 3:
            seg, seg_start = seg[1:], seg_start + 1  # 在某大学教授某某看来: the title after 在
        candidate = seg.strip()
        if not candidate or len(candidate) > 40 or _ROLE_STOP.search(candidate):
            break
        particle = _particle_end(candidate)
        if particle:
            # 来自基层的代表李明, 一家做电子的公司总经理王某: the office after the particle
            rest = candidate[particle:]
            if start == end and rest and re.search(rf"(?:{_TITLES}|委员|代表)$", rest):
                start = seg_start + len(seg.rstrip()) - len(rest)
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


class Finder:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.known: dict[str, str] = {}  # name (analysis form) -> role as written
        self.spelled: dict[str, str] = {}  # name (analysis form) -> name as written
        self.role_text: dict[str, str] = {}  # name (analysis form) -> role, analysis form
        self.default: Speaker | None = None
        self.named_last: Speaker | None = None  # the person the last sentence read named last
        self.meeting: str | None = None  # the meeting the article last named in full
        self.voice = False  # the article is a column in the default speaker's own voice
        self.body_text = "".join(p.text for p in article.paragraphs)
        self.body_orig = "".join(p.orig for p in article.paragraphs)
        self._collect()

    def _register(self, name: str, spelled: str, role: str, role_text: str) -> None:
        trailing = len(name) - len(name.rstrip("也还则亦都均又"))
        if trailing and len(name) - trailing >= 2:
            name, spelled = name[: len(name) - trailing], spelled[: len(spelled) - trailing]  # 黄国光也说
        if name not in self.known:
            self.known[name] = role
            self.spelled[name] = spelled
            self.role_text[name] = role_text

    def _collect(self) -> None:
        """Every speaker the article names, before the walk: in guest lists and speaker
        lines, in the headline or kicker (the default speaker, or a column's voice),
        and in the body, in the order of the conventions' reliability."""
        art = self.article
        for p in art.paragraphs:
            if p.role == "guests":
                m = _GUEST_RE.match(p.text)
                if m:
                    self._register(m.group(2), p.orig[m.start(2) : m.end(2)], p.orig[: m.end(1)].strip(), m.group(1))
            elif p.role == "heading":
                self._head_speaker(p.text, p.orig)
        self._collect_default(art)
        bodies = [p for p in art.paragraphs if p.role == "body"]
        for p in bodies:
            self._collect_titled(p)
        for p in bodies:
            self._collect_other(p)
        for p in bodies:
            self._collect_positional(p)
        for p in bodies:
            self._collect_bare(p)
        self._aliases()

    def _collect_default(self, art: Article) -> None:
        for line in (art.title, art.kicker):
            # each line of a headline group by itself (a name line over the headline)
            for part in (line or "").split(" —— "):
                if part and self.default is None:
                    name = self._head_speaker(normalize_punctuation(part), part)
                    if name:
                        self.default = self.speaker(name)
        for line in (art.title, art.kicker):
            column = _VOICE_COLUMN_RE.search(normalize_punctuation(line or ""))
            if column and self.default is None:
                # 某某要瞄准…（委员之声）: the column speaks in a deputy's voice, unnamed
                self.default = Speaker(None, column.group(1), None, False, column.group(1))
                self.voice = True
        bodies = [p for p in art.paragraphs if p.role == "body"]
        signed = _SIGNED_RE.match(bodies[-1].text) if bodies and self.default is None else None
        if signed:
            # a reader's letter signed at its end (某省某市 张 明): its writer speaks throughout
            orig = bodies[-1].orig
            name = re.sub(r"[\s\u00a0]+", "", signed.group(2))
            place = orig[signed.start(1) : signed.end(1)]
            self._register(
                name, re.sub(r"[\s\u00a0]+", "", orig[signed.start(2) : signed.end(2)]), place, signed.group(1)
            )
            self.default = self.speaker(name)

    def _collect_titled(self, p: Para) -> None:
        """Title chain + name: 某局局长李某 (and its mandate, 某大学校长王某委员)."""
        for m in _ROLE_NAME_RE.finditer(p.text):
            name = m.group(2)
            if self._doubtful(name):
                continue
            role = _role_before(p.text, m.start(2))
            if role:
                orig_role = _role_before(p.text, m.start(2), p.orig)
                after = p.text[m.end(2) : m.end(2) + 2]
                mandate = after if re.fullmatch(MANDATE, after) else ""
                self._register(name, p.orig[m.start(2) : m.end(2)], orig_role, role + mandate)

    def _collect_positional(self, p: Para) -> None:
        """Names found by their place in the sentence, not by a surname list: between a
        title chain and what follows a name, or before an office and a verb of saying;
        each confirmed as a name by the tokenizer or by recurring in the article."""
        # any two to four characters the tokenizer or the article confirms, or a longer
        # transliterated name
        for pattern, confirmed in ((_ROLE_ANY_NAME_RE, self._confirmed), (_ROLE_LONG_NAME_RE, self._transliterated)):
            for m in pattern.finditer(p.text):
                name = m.group(2)
                if name in self.known or not confirmed(name):
                    continue
                role = _role_before(p.text, m.start(2))
                if role:
                    orig_role = _role_before(p.text, m.start(2), p.orig)
                    self._register(name, p.orig[m.start(2) : m.end(2)], orig_role, role)
        for m in _NAME_TITLE_RE.finditer(p.text):
            name, office = m.group(1), m.group(2)
            if name in self.known or not self._confirmed(name, surname_ok=True):
                continue
            orig_office = p.orig[m.start(2) : m.end(2)]
            self._register(name, p.orig[m.start(1) : m.end(1)], orig_office, office)

    def _collect_bare(self, p: Para) -> None:
        """A name with no title: at a clause's start before a verb of saying, or right
        after a quotation; only one the tokenizer reads as a name, or a surname-led one
        that the article names again."""
        for pattern in (_BARE_NAME_RE, _AFTER_QUOTE_NAME_RE):
            for m in pattern.finditer(p.text):
                name = m.group(1)
                if name in self.known or re.search(rf"(?:{_NAME_OFFICE})$", name):
                    continue  # 陈部长: a reference by surname and office, resolved as an alias
                if not self._confirmed(name, surname_ok=True, strict=True):
                    continue
                self._register(name, p.orig[m.start(1) : m.end(1)], "", "")

    def _confirmed(self, name: str, surname_ok: bool = False, strict: bool = False) -> bool:
        """A candidate name the tokenizer reads as a person's name, or that the article
        names again; never a common word nor a body's name (农业部, 该局)."""
        from ...text.tokenize import tagged

        if _BODY_END_RE.search(name) or name[0] in "该本我其此这" or _FUNCTION_CHARS_RE.search(name):
            return False
        tags = tagged(name)
        if len(tags) == 1 and tags[0][1] in ("nr", "nrt", "nrfg"):
            return True  # a person's name of the tokenizer's dictionary, however frequent
        if not surname_ok and len(tags) == 1 and tags[0][1] == "nz" and len(name) >= 3:
            return True  # a proper name right after a title chain: a transliterated name (英兰妮)
        if _is_common_word(name):
            return False
        if surname_ok and _surname_led(name):
            if not strict:
                return True
            # by position alone, a surname-led name must come back in the article: the
            # married name by its two surnames, any other whole
            again = name[:2] if len(name) == 4 else name
            if len(name) >= 3 and self.body_text.count(again) >= 2:
                return True
        if tags and tags[0][1] in ("nr", "nrt", "nrfg") and len(tags[0][0]) >= 2 and (len(tags) == 1 or not strict):
            return True
        return not strict and self.body_text.count(name) >= 2

    def _transliterated(self, name: str) -> bool:
        """A long name written in characters for their sound: the tokenizer reads each
        piece as a name or place, and the article names the person again."""
        from ...text.tokenize import tagged

        tags = tagged(name)
        if self.body_text.count(name) < 2 or len(tags) < 2:
            return False
        return all(flag in ("nr", "nrt", "nrfg", "ns", "nz") for _, flag in tags)

    def _aliases(self) -> None:
        """A person named again by surname and office (陳部長 for 陳駿季部長), or by the
        two surnames of a married name (林鄭 for 林鄭月娥)."""
        for name in list(self.known):
            married = len(name) == 4 and name[0] in SURNAMES and name[1] in SURNAMES
            if married and name[:2] in self.body_text:
                self.known.pop(name[:2], None)  # the alias is the full name's, however found before
                self._register(name[:2], self.spelled.get(name, name), self.known[name], self.role_text[name])
        for name, role_text in list(self.role_text.items()):
            office = re.search(rf"(?:{_NAME_OFFICE})$", role_text or "")
            if office and len(name) >= 2 and not self.spelled.get(name, name).startswith(tuple(DOUBLE_SURNAMES)):
                alias = name[0] + office.group()
                if alias not in self.known and alias in self.body_text:
                    self._register(alias, self.spelled.get(name, name), self.known[name], self.role_text[name])

    def _collect_other(self, p: Para) -> None:
        """Title joined by 的, organisation + name, name + mandate, and Q&A turns."""
        for m in _ROLE_DE_NAME_RE.finditer(p.text):
            name = m.group(2)
            if name in self.known or self._doubtful(name):
                continue
            role = _role_before(p.text, m.end(1))
            fresh = _NEWLY_RE.match(role)  # 刚当选…: how new the office is, not part of it
            cut = fresh.end() if fresh else 0
            if role[cut:]:
                orig_role = _role_before(p.text, m.end(1), p.orig)[cut:]
                self._register(name, p.orig[m.start(2) : m.end(2)], orig_role, role[cut:])
        for m in _ORG_NAME_RE.finditer(p.text):
            name = m.group(2)
            if (
                name in self.known
                or _is_common_word(name)
                or _is_common_word(name[:2])  # 工会团体: the organisation's word goes on
                or name[-1] in "也还则都亦均"
                or re.search(_TITLES, name)
            ):
                continue
            self._register(name, p.orig[m.start(2) : m.end(2)], p.orig[m.start(1) : m.end(1)], m.group(1))
        for m in _MANDATE_NAME_RE.finditer(p.text):
            name = m.group(1)
            if name not in self.known and not self._doubtful(name):
                self._register(name, p.orig[m.start(1) : m.end(1)], "", m.group(2))
        turn = QA_TURN_RE.match(p.text)
        if turn and not QUESTION_RE.match(p.text):
            name = turn.group(1)
            # a name that takes turns or is named again (every turn is in the body text)
            if name not in self.known and self.body_text.count(name) >= 2:
                self._register(name, p.orig[: len(name)], "", "")

    def _doubtful(self, name: str) -> bool:
        """A candidate name that is a common word (解读, 时间) or holds a function word
        (关于你), unless the tokenizer reads it as a person's name."""
        from ...text.tokenize import tagged

        if _FUNCTION_CHARS_RE.search(name):
            return True
        if not _is_common_word(name):
            return False
        tags = tagged(name)
        return not (len(tags) == 1 and tags[0][1] in ("nr", "nrt", "nrfg"))

    def _head_speaker(self, text: str, orig: str) -> str | None:
        m = _HEAD_SPEAKER_RE.match(text)
        if m is None or not (m.group(1) or m.group(3)):
            return None
        if self.body_text.count(m.group(2)) < 1 and not (m.group(1) and (text.endswith("：") or m.group(3))):
            # a name line over the item names someone the item names, or ends with ： or a mandate
            return None
        if not m.group(1) and not text.endswith("：") and self.body_text.count(m.group(2)) < 2:
            return None  # a bare name with a mandate, as a line of its own: it must recur
        role = orig[: m.end(1)].strip("、， ") if m.group(1) else ""
        role_text = (m.group(1) or "") + (m.group(3) or "")
        self._register(m.group(2), orig[m.start(2) : m.end(2)], role, role_text)
        return m.group(2)

    def colon_speaker(self, text: str, orig: str, after_question: bool = False) -> tuple[Speaker, int] | None:
        """A speaker line at a paragraph's start and where its text begins: a person
        (after an interviewer's question, or after the organisation they speak for:
        某党某某：), or a body (某学会：, 某计划：); never a question, a label or a time."""
        from ...text.tokenize import tagged

        m = _COLON_SPEAKER_RE.match(text)
        if m is None or QUESTION_RE.match(text) or len(text) - m.end() < MIN_TURN_TEXT or _LABEL_RE.search(m.group(1)):
            return None
        who = m.group(1)
        if who in self.known:
            return self.speaker(who), m.end()
        tags = tagged(who)
        last = tags[-1] if tags else ("", "")
        if last[1] in ("nr", "nrt", "nrfg") and 2 <= len(last[0]) <= 4:
            name = last[0]
            head = who[: len(who) - len(name)]
            if len(name) == 2 and head[-1:] and head[-1] in SURNAMES:
                name, head = head[-1] + name, head[:-1]  # the tokenizer split a surname off: 田 | 北辰
            cut = len(who) - len(name)
            if head or after_question:
                spoken = Speaker(orig[cut : m.end(1)], orig[:cut] or None, None, _official_role(head), head)
                self._register(name, orig[cut : m.end(1)], orig[:cut], head)
                return spoken, m.end()
        if _BODY_LINE_RE.search(who) or (len(who) <= 8 and last[1] in ("nt", "nz")):
            body = orig[: m.end(1)]
            return Speaker(None, body, body, False, who), m.end()
        return None

    def speaker(self, name: str) -> Speaker:
        role_text = self.role_text.get(name, "")
        return Speaker(self.spelled.get(name, name), self.known.get(name), None, _official_role(role_text), role_text)

    def mention(self, text: str, orig: str, current: Speaker | None) -> Mention | None:
        """The last speaker named in ``text``, with where the naming starts and the
        offset just after its verb of saying (0 when named without one)."""
        offers = _Offers()
        self._named_people(text, offers, current)
        self._named_bodies(text, orig, offers)
        self.named_last = offers.person[1] if offers.person is not None else None
        return offers.best

    def _named_people(self, text: str, offers: _Offers, current: Speaker | None) -> None:
        """The people the article knows, named in ``text``, and 他/她."""
        for name in self.known:
            for m in re.finditer(re.escape(name), text):
                # an introduction without a verb of saying: 党委副书记谭本宏倍感振奋; not a
                # person met or addressed (与财政司司长某某会面)
                titled = m.start() >= 2 and _TITLE_BEFORE_RE.search(text, max(0, m.start() - 8), m.start())
                if titled and not _MET_RE.search(text, max(0, m.start() - 24), m.start()):
                    offers.offer(m.start(), self.speaker(name), 0, "", strict=True)
            # 李某代表说, 陈某部长表示 (the office after the name), 某某会后称, 某某在《报告》提到
            pattern = (
                re.escape(name)
                + rf"(?:{MANDATE}|{_NAME_OFFICE})?"
                + rf"(?:则|还|也|进一步|同时|并|会后|会上|{_BEFORE}|在[^，。；“”]{{1,24}}?)?\s*"
                + rf"({SAY}|指(?=[，：]))"
            )
            for m in re.finditer(pattern, text):
                if m.start() and text[m.start() - 1] in _TO:
                    continue  # 向某某提出…: the one proposed to, not the proposer
                offers.offer(m.start(), self.speaker(name), m.end(), m.group(1))
        for m in _PRONOUN_RE.finditer(text):
            # 他/她 is the person named last before it in the sentence, else the current speaker
            best = offers.best
            named = best if best is not None and best.at < m.start(1) and best.speaker else None
            ref = named.speaker if named is not None and named.speaker and named.speaker.name else current
            if ref is not None and ref.name:
                offers.offer(m.start(1), ref, m.end(), m.group(2))

    def _named_bodies(self, text: str, orig: str, offers: _Offers) -> None:
        """Officials of a body, studies, documents, meetings, bodies and groups named
        as speaking in ``text``."""
        offer = offers.offer
        for m in _OFFICIAL_RE.finditer(text):
            role_end = text.index("负责人", m.end(2) if m.group(2) else m.end(1)) + 3
            body = orig[m.start(1) : m.end(1)] or None
            if body and body[0] in "该該":
                body = body[1:]
            official = Speaker(None, orig[m.start(1) : role_end], body, True, text[m.start(1) : role_end])
            offer(m.start(), official, m.end(), m.group(3))
        for m in _STUDY_RE.finditer(text):
            study = orig[m.start(1) : m.end(1)]
            offer(m.start(), Speaker(None, study, study, False, text[m.start(1) : m.end(1)]), m.end(), m.group(2))
        for m in _DOCUMENT_RE.finditer(text):
            full = self._document_name(text[m.start(1) : m.end(1)])
            if full is not None:
                offer(m.start(), Speaker(None, None, full, True, None, issuer=True), m.end(), "提出")
        for m in _ISSUED_RE.finditer(text):
            if m.group(2):
                doc = orig[m.start(1) : m.end(1)]
                offer(m.start(1), Speaker(None, None, doc, True, None, issuer=True), m.end(), "提出")
        for m in _BARE_DOCUMENT_RE.finditer(text):
            doc = orig[m.start(1) : m.end(1)]
            offer(m.start(), Speaker(None, doc, doc, True, m.group(1), issuer=True), m.end(), "提出")
        for m in _MEETING_RE.finditer(text):
            meeting = orig[m.start(1) : m.end(1)]
            if _GENERIC_MEETING_RE.fullmatch(meeting) and self.meeting:
                meeting = self.meeting  # 会议 is the meeting named before it
            offer(m.start(), Speaker(None, None, meeting, True, None, issuer=True), m.end(), "提出")
        conference = _CONFERENCE_RE.search(text)
        if conference:
            name = orig[conference.start(1) : conference.end(1)]
            self.meeting = name
            offer(conference.start(), Speaker(None, None, name, True, None, issuer=True), conference.end(), "提出")
        for m in _BODY_SAYS_RE.finditer(text):
            start = m.start(1) + (1 if text[m.start(1)] in "该該" else 0)
            body = orig[start : m.end(1)]
            offer(m.start(), Speaker(None, body, body, True, text[start : m.end(1)]), m.end(), m.group(2))
        for m in _BODY_CALL_RE.finditer(text):
            group = orig[m.start(1) : m.end(1)]
            offer(m.start(), Speaker(None, group, group, False, m.group(1)), m.end(), m.group(2))
        for m in _COLLECTIVE_RE.finditer(text):
            group = orig[m.start(1) : m.end(1)]
            offer(m.start(), Speaker(None, group, None, False, m.group(1)), m.end(), m.group(2))
        for m in _GROUP_SPEAKER_RE.finditer(text):
            offer(m.start(), None, m.end(), "")

    def _document_name(self, name: str) -> str | None:
        """The full title, as printed, of a document the article reports as issued
        (发布/印发/出台), given its full or short name (``《指引》``); None otherwise."""
        for m in _ISSUED_RE.finditer(self.body_text):
            full = m.group(1)
            short = re.match(r"[（(]以下简称(《[^》]+》)", self.body_text[m.end(1) :])
            if name == full or (short and name == short.group(1)):
                return self.body_orig[m.start(1) : m.end(1)]
        return None
