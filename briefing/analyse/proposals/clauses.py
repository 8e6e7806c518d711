"""What is proposed: clause classification (suggestion / plan / none) with cue lexicons.

A clause states a measure when, after a short subject, it has a plan marker
(将, 力争, 计划…) or a modal (应, 要, 需要…), or when it follows a verb of suggesting
(建议, 呼吁); the subject and the speaker decide the kind: a body's own 将/要 is a
``plan``, a deputy's or expert's 应/要 a ``suggestion``.  What is not a measure:
将 as 把 (将A纳入B), completed actions (…了), 可以说-style idioms, questions,
statements about the past and quoted work reports.

The span is the shortest verbatim text that holds the measure: from the clause's
own subject or right after the verb of saying, split at ；, at enumerations
(一是/二是, 首先/其次) and at the items of a listed set (包括：A、B、C).
"""

from __future__ import annotations

import functools
import re

from ...model import ProposalKind
from ...text.tokenize import tagged, words
from .lexicon import (
    DISPOSAL_VERBS,
    FUTURE,
    FUTURE_VERBS,
    MODAL,
    NOT_FUTURE_HUI,
    NOT_MODAL_KE,
    NOT_MODAL_YAO,
    NOT_MODAL_YING,
    SUGGEST_VERBS,
    WEAK_FUTURE,
    WEAK_MODAL,
    alternation,
)
from .speakers import Mention, Speaker

_TASKS_RE = re.compile(
    r"(?:会议|大会)(?:部署|提出|明确)了?[\d一二三四五六七八九十]+(?:项|个|大)[\u4e00-\u9fff]{0,8}任务："
)


LEAD_CONNECTIVES = re.compile(
    r"^(?:[，、：\s]|同时|此外|另外|还要|并且|首先|其次|再次|最后|第[一二三四五六七八九十]|[一二三四五六七八九十]是|建议|"
    r"下一步|接下来|今后|未来|为此|对此|因此|具体来说|具体而言|具体包括|比如|例如|——|另一方面|一方面|如(?=：)|"
    # a frame naming the side or level the measure is for: 在需求侧，…  在资金投入层面，…
    r"在[^，。；：“”]{1,8}(?:侧|端|方面|层面|领域|环节)(?=，))+[，、：\s]*"
)


_ENUM_SPLIT = re.compile(
    r"[；;]|[，。](?=(?:同时|此外|另外)[，]?)|(?<=[，。：；])(?=[二三四五六七八九十]是|其次|最后|再次|第[二三四五六七八九十])"
    # 抓好三件事：一是…: the announcement stands apart from the first item
    r"|(?<=：)(?=一是|首先|第一)"
)


CONTINUES = re.compile(
    r"^(?:其次|再次|最后|此外|另外|同时|还要|还应|[二三四五六七八九十]是|第[二三四五六七八九十]|围绕|加快|实施|推动|推进|建立|"
    r"健全|完善|加强|出台|构建|深化|强化|支持|鼓励|聚焦|探索|打造|设立|制定|优化|提升|培育|发展|促进|壮大|引导|积极|"
    r"大力|持续|全力|着力|进一步|统筹|利用|升级|降低|争取|构筑|引进|开展|落实|做好|做强|做大|用好|坚持|突出|迭代|"
    r"按照|在[^，。]{2,20}基础上)"
)


_VERB_LED_RE = re.compile(r"(?:他|她|我|我们)?(?:还|也)?(建议|呼吁|希望|提出了?)[，：]?")


# A sentence of the current speaker that opens with the call itself: 建议相关部门…
_CALL_LEAD_RE = re.compile(
    r"^(?:因此|为此|对此|同时|此外|另外|最后|[，\s])*(?:我们?|他|她)?(?:还|也|并|同时|进一步)*"
    + alternation(SUGGEST_VERBS)
    + "[，：]?"
)
# 建立…体系是推进…的重要抓手: a judgement about a measure, not the measure itself
_JUDGEMENT_RE = re.compile(
    r"^[^，。；：]{2,40}?是[^，。；：]{0,30}(?:关键|抓手|途径|举措|前提|基础|保障|重点|核心|根本|必然|支撑|动力|引擎|保证|方向)"
)
# Where a measure is placed before its verb: 在某规划中，设置…  通过制定…，加大…
_FRAME_RE = re.compile(r"^(?:[，\s]|在[^，。；“”]{2,30}(?:中|上|里|内|方面|层面|领域)，)+")
# Verbs of action that open a measure in the speaker's own voice, besides those of CONTINUES.
_ACTION_RE = re.compile(
    r"^(?:通过|适度|适当|提高|增加|减免|减少|取消|放开|设置|扩大|缩小|延长|修订|修改|制定|简化|规范|"
    r"允许|将)"
)


def opens_with_action(sentence: str, lead: bool = False) -> bool:
    """The sentence states a measure by its verb, with no modal: 适度提高…, 通过制定…，
    在全国率先建设… (a column in the speaker's voice, an official's quoted words)."""
    if any(_completed(c) for c in re.split(r"(?<=[，；])", sentence)) or _JUDGEMENT_RE.match(sentence):
        return False
    frame = _FRAME_RE.match(sentence)
    rest = sentence[frame.end() if frame else 0 :]
    if lead:  # words quoted in a report: 通过…，… tells more often how something was done
        return bool(CONTINUES.match(rest) or _LEAD_ACTION_RE.match(rest))
    return bool(CONTINUES.match(rest) or _ACTION_RE.match(rest))


# 在全国率先建设…: where, then an adverb that leads an action
_LEAD_ACTION_RE = re.compile(r"^(?:在[^，。；“”]{1,6})?(?:率先|全面|大力|加快|积极|持续)")
# The measures a speaker announced, given one by one: 如：在供给侧，…；在需求侧，…
EXAMPLES_RE = re.compile(r"^(?:如|比如|例如|譬如)[：，]")
# A clause that only announces the measures to come: 将从三方面发力, 重点做好三件事
ANNOUNCES_RE = re.compile(
    r"[一二三四五六七八九十两几多]个?(?:方面|件事|项工作|个重点)[^，。；]{0,4}?(?:发力|入手|着手|下功夫|努力|推进|的工作)?$"
)
_ENUMERATOR_RE = re.compile(r"^(?:首先|一是|第一)[，、：]?")


# 两江新区除了…外，还将…
_BESIDES_RE = re.compile(r"^[^，。]{2,12}?除了[^。]{2,80}?外，还将")


_LIST_INTRO = re.compile(
    r"(?:提出|给出|提交|带来)了?[\d一二三四五六七八九十两]+(?:条|点|项|个方面)(?:建议|提案|意见|举措)："
)


_PLAN_LEAD_RE = re.compile(r"^(?:(?:下一步|接下来|今后)[，,]?|(?:今年|明年|未来\d*年)[，,])")


# A time as the whole subject of a plan: 今年会…, 明年将…
_TIME_RE = re.compile(r"(?:今年|明年|后年|今后|未来|近期|下一步|年内|[0-9０-９一二三四五六七八九十两]+年(?:内)?)+")
_TIME_TAIL_RE = re.compile(r"(?:今年|明年|今后|未来|近期|下一步|年内|[0-9一二三四五六七八九十两]+年内?)+$")
# How or how often a body does what it will do, between the subject and the verb
_MANNER_TAIL_RE = re.compile(r"(?:也|还|亦|则|都|正|会|一直|定期|仔细|积极|认真|继续|持续|进一步)+$")
_OWN_SUBJECT = re.compile(
    r"^(?:我们|我|本单位|公司|集团|企业|本集团|本公司|本[港市省区县州国镇]|我[国省区县镇]|全[港市省区县])"
)


INSTITUTION_RE = re.compile(
    r"(?:区|县|市|镇|街道|局|委|厅|部门|系统|集团|公司|新区|基地|政府|学校|医院|我们|我市|全市|省|州|国|两地|中心|院|所|当局|"
    # a company named for its trade: 某某汽车, 某某科技, 某某电力
    r"协会|银行|机构|园区|汽车|科技|股份|控股|电子|电力|能源|通信|航空|集团公司|项目|工程|论坛|联盟|办公室|学会|商会|工会|"
    r"委员会|理事会|基金会|研究会|小组|团体|部|署|处|司|办|当局|议会|国会|立法会)$"
)


def is_place(text: str) -> bool:
    """``text`` is a place name (重庆, 浦东新区): a place acts as its government."""
    tags = tagged(text)
    return bool(tags) and all(flag == "ns" for _, flag in tags)


def is_body(subject: str) -> bool:
    """A body that can have plans: an institution, a company, a place."""
    return INSTITUTION_RE.search(subject) is not None or is_place(subject)


PAST_RE = re.compile(r"\d{4}年|去年|此前|已经|曾经|近年来|过去|以来|始终|一直")


# 将 as 把 (将A作为B, 将A纳入B) and predictions (将成为, 将有效…) are not plans.
_NOT_FUTURE_RE = re.compile(
    r"^(?:[^，。；]{1,24}?(?:作为|视为|纳入|列入|扩大到|转为|变成|列为|当作|当成)|(?:成为|是|有效|大幅|进一步提振|实现从|带动))"
)


_QUESTION_WORDS = re.compile(r"如何|哪些|是否|什么|怎样|怎么|吗[？?]?$|？$")


# Who may carry a modal (应/要/可…) in a proposal: a body, a level of government, an actor.
_ACTOR_RE = re.compile(
    r"(?:区|县|市|镇|局|委|厅|部门|系统|集团|公司|新区|基地|政府|学校|高校|医院|机构|单位|组织|企业|我们|我市|全市|省|州|两地|当局|"
    r"国家|地方|社会|各方|收费|教研机构|各区县|各地)$"
)


# Modal characters the tokenizer may join with the next word, and their words that are no modal.
_JOINED_FUTURE = {"会": NOT_FUTURE_HUI, "愿": frozenset({"愿望", "愿景", "愿意"})}
_NOT_JOINED_MODAL = {"要": NOT_MODAL_YAO, "应": NOT_MODAL_YING}
# 周期也可大幅缩短: what can be achieved, not a call
_DEGREE_RE = re.compile(r"(?:大幅|明显|显著|有效|大大|极大|更好|更快|逐步)")
_RELATIVE_RE = re.compile(r"[^，。；]{0,12}的[^，。；]{1,8}?(?:却|没有|未|不|被)")
_EVERYONE_RE = re.compile(r"(?:我们|大家|人人|各方)?都")
_NOT_CALL_YAO = ("要想", "要是", "要么", "要不")
_BALANCE_RE = re.compile(r"既要[^。；！？]*?[，、]?(?:又要|还要|也要|更要|又得|也得)")
_QUANTITY_RE = re.compile(r"(?:约|大约|近|超过|至少|将近)?(?:\d|[一二三四五六七八九十两几半百千万]+[个天年月周元亿万])")
# A subject that denies the call (不是说要…) or reports a belief (认为要…, 认识到要…)
_NEGATED_RE = re.compile(r"(?:不是说|不是|并非|并不|不|没有|无须|无需|认为|觉得|以为|认识到|意识到|体会到|感到)$")
_CERTAINTY_RE = re.compile(r"(?:一定|肯定|完全|必然|当然|仍然|同样|照样)$")
# What a measure will bring, said after 将 with no subject of its own.
_EFFECT_RE = re.compile(r"(?:会)?(?:更|更加|更趋|有力|极大|大大|显著|明显|构筑|奠定|带来|增强|拉动|惠及|吸引)")
# A subject that takes up the topic of the clause before: 这部分, 这些, 此事
_RESUMPTIVE_RE = re.compile(r"(?:这|这些|这部分|这方面|这一块|此|此事|这个问题)")
# A topic that points back (这/那/其/它…) is not the subject of a call.
_DEMONSTRATIVE = re.compile(r"^(?:这|那|其|它|此|该|他|她|谁|哪)")


_REPORT_RE = re.compile(r"(?:工作)?报告(?:提出|指出|明确|强调)")


_IDIOM_RE = re.compile(r"(?:可以|应该|可)(?:说|看成|看出|看到|见|能|以说)")


MIN_PROPOSAL = 8  # characters: anything shorter is not a measure


MIN_ITEM = 4  # …unless it is an item of a listed set of measures (提供电费补贴)


# 提出4项措施，包括：A、B、C; 建议包括A、B
INCLUDES_RE = re.compile(
    r"(?:提出|建议|倡议|要求|诉求|做好|抓好|落实|推进)[^。；]{0,20}?(?:措施|建议|诉求|要求|举措|方案|意见|件事|项工作)?[，]?包括[：]?"
)


MAX_SUBJECT = 24  # characters of a clause's subject before its marker (a body's full name)
MARKER_LOOKAHEAD = 12  # …and of the marker and the word after it


# The verbs that close a 把/将 disposal: 将A送到B, 将A纳入B, 将A交由B办理, 将A织在一起
_DISPOSAL_VERB_RE = re.compile(rf"{alternation(list(DISPOSAL_VERBS))}”?(?:到|入|由|给|为|成|在|于|至)")


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
    nominal = first.startswith(("n", "s"))  # a noun or a place word opens the object
    if nominal and _DISPOSAL_VERB_RE.search(clause) is not None:
        return True
    # 将村里的农产品直送小区，…稳定了物价: what was done with it, told in the perfective
    sentence = re.split(r"[。！？]", rest, maxsplit=1)[0]
    return nominal and "了" in words(sentence)


def _asks(text: str) -> bool:
    """The clause asks a question: it ends with a question mark or 吗, or opens with a
    question word (如何提升…？); a quoted phrase (采取“差什么补什么”的办法) does not, nor
    an indirect question a measure acts on (列明哪些企业…, 研究如何…)."""
    plain = _QUOTED_RE.sub("", text).rstrip("。！；，")
    if plain.endswith(("？", "?", "吗")):
        return True
    return _OPENING_QUESTION_RE.match(plain) is not None


_OPENING_QUESTION_RE = re.compile(r"^(?:如何|怎样|怎么|为何|为什么|是否|哪些|什么)")


_QUOTED_RE = re.compile(r"“[^“”]*”|‘[^‘’]*’")


_DONE_WORDS = frozenset({"已经", "现已", "业已", "早已", "均已"})


def _first_clause(text: str) -> str:
    return re.split(r"[，。；！？]", text, maxsplit=1)[0]


def _completed(text: str) -> bool:
    """The first clause of ``text`` reports something done (…保障了…, 已…): not a measure."""
    clause = re.split(r"[，。；！？]", text, maxsplit=1)[0]
    tokens = words(clause)
    return "了" in tokens or clause.startswith("已") or any(t in _DONE_WORDS for t in tokens)


def _is_word(text: str) -> bool:
    """``text`` is a word of the tokenizer's dictionary (seen at least a few times)."""
    from ...text.tokenize import _jieba

    return len(text) >= 2 and (_jieba().dt.FREQ.get(text) or 0) >= _MIN_WORD_FREQ


_MIN_WORD_FREQ = 3


@functools.lru_cache(maxsize=65536)
def marker(clause: str) -> tuple[str, int, int] | None:
    """A future or modal marker after a short subject: (``future``|``modal``,
    subject end, marker end) in ``clause``."""
    pos = 0
    tokens = words(clause[: MAX_SUBJECT + MARKER_LOOKAHEAD])  # no marker is looked for further in
    for k, token in enumerate(tokens):
        end = pos + len(token)
        if pos > MAX_SUBJECT or token in "，。；：！？":
            return None
        quoted = clause[:pos].count("“") + clause[:pos].count("‘") > clause[:pos].count("”") + clause[:pos].count("’")
        if quoted:
            pos = end
            continue
        nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
        if token in FUTURE_VERBS and (
            (pos > 6 and INSTITUTION_RE.search(clause[:pos]) is None) or nxt in ("的", "安排", "中", "，", "")
        ):
            pos = end
            continue
        if token in FUTURE or (len(token) >= 2 and token.endswith("将") and token not in ("即将", "将近")):
            start = pos if token in FUTURE else end - 1
            if _NOT_FUTURE_RE.match(clause[end:]) or (token.endswith("将") and _disposal(clause[end:])):
                return None
            return "future", start, end
        if token in WEAK_FUTURE and not _NOT_FUTURE_RE.match(clause[end:]):
            return "weak_future", pos, end
        if (
            len(token) in (2, 3)
            and token[0] in _JOINED_FUTURE
            and token[:2] not in _JOINED_FUTURE[token[0]]
            and pos > 0
        ):
            return "weak_future", pos, pos + 1  # 会多策…: the tokenizer joined 会 with the word after it
        if len(token) == 2 and token not in MODAL and token not in _NOT_JOINED_MODAL.get(token[0], (token,)):
            return "modal", pos, pos + 1  # 要持…, 应为…: the tokenizer joined the modal with the word after it
        if len(token) == 2 and token[0] in _NOT_JOINED_MODAL and _is_word(token[1] + nxt):
            return "modal", pos, pos + 1  # 要紧跟…: 要 + 紧跟, split the other way by the tokenizer
        if token == "有" and nxt == "必要" and clause[end + 2 : end + 3] not in ("的", "性", "。", ""):
            return "modal", pos, end + 2  # 有必要把…: the tokenizer cuts 有 | 必要
        if token == "可" and clause.startswith(NOT_MODAL_KE, pos):
            pos = end
            continue
        if token in MODAL and (clause[end : end + 1] == "的" or clause.startswith(_NOT_CALL_YAO, pos)):
            return None  # 需要的投资…: what is needed; 要想…, 要是…: if
        if token in MODAL and _IDIOM_RE.match(clause, pos):
            return None  # 应该说…: a manner of speaking
        if token in MODAL and _QUANTITY_RE.match(clause, end):
            return None  # 周期要30天, 投资需约2亿元: an amount needed, not a call
        if token in ("需要", "需") and _RELATIVE_RE.match(clause, end):
            return None  # 真正需要培训的司机却没有…: those who need, not a call
        if token in MODAL:
            if token in WEAK_MODAL and (pos == 0 or _IDIOM_RE.match(clause[pos:]) or _DEGREE_RE.match(clause, end)):
                return None  # 可以说是…, 可提升…: ability or a manner of speaking, not a call
            return "modal", pos, end
        pos = end
    return None


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    m = LEAD_CONNECTIVES.match(text[start:end])
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


def pieces(text: str, start: int, end: int, shortest: int = MIN_PROPOSAL) -> list[tuple[int, int]]:
    """Split a proposal span at enumerations and semicolons."""
    out = []
    pos = start
    for m in _ENUM_SPLIT.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    spans = []
    for s, e in out:
        s, e = trim(text, s, e)
        if e - s >= shortest:
            spans.append((s, e))
    return spans


def _clauses(text: str, start: int) -> list[int]:
    """Offsets where the clauses of ``text[start:]`` begin."""
    out = [start]
    for m in re.finditer(r"[，：；]", text[start:]):
        out.append(start + m.end())
    return out


@functools.lru_cache(maxsize=65536)
def find_in_region(sentence: str, start: int, speaker: Speaker, said: bool = False) -> tuple[ProposalKind, int] | None:
    """The first clause from ``start`` that states a measure: its kind and where it starts.
    ``said``: the clause is reported after a verb of saying, where a modal after any
    short topic (稳就业要…, 城市更新要…) states the speaker's call."""
    if _BALANCE_RE.search(sentence, start):
        return None  # 既要…，又要…: weighing two aims against each other, not a measure
    previous: int | None = None  # the clause before, when it is a bare topic
    for cs in _clauses(sentence, start):
        clause = sentence[cs:]
        offset, lead, connective = _opening(clause)
        body, at = clause[offset:], cs + offset
        if _BESIDES_RE.match(body):
            return "plan", at
        if "建议" in connective and len(body) >= MIN_PROPOSAL:
            return "suggestion", at  # …，建议可以针对…: what follows 建议 is the call
        mark = marker(body)
        if mark is not None:
            found = _marked(body, mark, speaker, said, at, previous)
            if found is not None:
                return found
        previous = at if mark is None and not connective else None
        if lead and speaker.own and body:
            return "plan", at
    return None


def _opening(clause: str) -> tuple[int, bool, str]:
    """Where a clause's own words start, after an opening quote mark, a plan lead
    (下一步，) and connectives; whether it had the lead; the connectives."""
    offset = 1 if clause[:1] in "“‘" else 0
    lead = _PLAN_LEAD_RE.match(clause[offset:])
    if lead:
        offset += lead.end()
    connective = LEAD_CONNECTIVES.match(clause[offset:])
    if connective:
        offset += connective.end()
    return offset, lead is not None, connective.group() if connective else ""


def _marked(
    body: str, mark: tuple[str, int, int], speaker: Speaker, said: bool, at: int, previous: int | None
) -> tuple[ProposalKind, int] | None:
    """The measure a clause states by its future or modal marker, if its subject lets it."""
    kind, subj_end, mark_end = mark
    if _EVERYONE_RE.fullmatch(body[:subj_end]):
        return None  # 都要…, 我们都要…: what everyone ought to do, an exhortation
    subject = re.sub(r"(?:还|也|亦|都|更|仍|继续|则|就|进一步)+$", "", body[:subj_end])
    weak = body[subj_end:mark_end] in WEAK_MODAL
    if _NEGATED_RE.search(subject) or (weak and _CERTAINTY_RE.search(subject)):
        return None  # 不是说要…: denied; 一定可以…: confidence, not a call
    if PAST_RE.search(subject) or _asks(body) or _completed(body[mark_end:]):
        return None
    own_subject = _OWN_SUBJECT.match(subject) is not None
    if weak and not (own_subject or _ACTOR_RE.search(subject) or is_body(subject) or is_place(subject)):
        return None  # 铁路可以替代…: what a thing can do; a call with 可以 has an actor
    if kind == "future":
        subject = _TIME_TAIL_RE.sub("", subject)  # 某集团未来将…, 某局下一步将…
        if _EFFECT_RE.match(body[mark_end:]) and not (own_subject or (subject and is_body(subject))):
            return None  # （此举）将更趋平稳, 将有力推动…: what a measure will bring, not a plan
        if not subject or own_subject or is_body(subject) or len(subject) <= 3:
            return "plan", at
        return None
    if kind == "weak_future":
        if body[mark_end : mark_end + 1] in "，。；！？":
            return None
        subject = _MANNER_TAIL_RE.sub("", subject)  # 当局也定期检讨, 政府正仔细探讨
        own_whole = _OWN_SUBJECT.fullmatch(subject) or (len(subject) <= 6 and is_body(subject))
        return ("plan", at) if own_whole or _TIME_RE.fullmatch(subject) else None
    own = speaker.own or own_subject
    if (
        not subject
        or own_subject
        or _ACTOR_RE.search(subject)
        or is_place(subject)
        or (said and not _DEMONSTRATIVE.match(subject))
    ):
        if not subject and said and previous is not None and len(_first_clause(body)) < MIN_PROPOSAL:
            # 冷链物流仍是短板，应加快补齐: a call too short to stand alone takes its topic
            return ("plan" if own else "suggestion"), previous
        return ("plan" if own else "suggestion"), at
    if said and _RESUMPTIVE_RE.fullmatch(subject) and previous is not None:
        # 职业别的薪资差异，这部分都要公告: the topic stated before, taken up by 这
        return ("plan" if speaker.own else "suggestion"), previous
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


# Verbs that hand in a proposal named after them: 提交了《关于…的建议》
_SUBMITTING = frozenset({"提出", "提交", "递交", "带来", "联名提出", "提"})
# A call a clause after the verb of saying: …，促请政府…
_LATER_CALL_RE = re.compile(
    r"[，；](?:并|也|亦|还|更|又|故|因此)?(?:建议|促请|呼吁|敦促|要求|吁请|倡议|促(?![进使成销动]))(?!的)[，：]?"
)
# 赞成X, 支持X in a speaker's own line: the position is the proposal, its verb with it
_ENDORSE_RE = re.compile(r"^(?:赞成|支持|主张|倡议)(?!率|度|者)")


def _after_verb(sentence: str, start: int, verb: str, speaker: Speaker) -> tuple[ProposalKind, int, int] | None:
    """The measure stated after a verb of saying, from ``start`` to ``end``."""
    end = len(sentence)
    region = sentence[start:]
    intro = _LIST_INTRO.search(sentence, max(0, start - len(verb) - 2))
    if intro:
        return ("plan" if speaker.own else "suggestion"), intro.end(), end
    overall = re.match(r"了?(?:一份|一项|多项)?[《“]?(?:关于)?(.{4,80}?)[》”]?的(?:建议|提案|议案)", region)
    if verb in _SUBMITTING and overall and not speaker.issuer:
        return "suggestion", start + overall.start(1), start + overall.end(1)
    if speaker.issuer:
        return "plan", start, end
    if verb in SUGGEST_VERBS or (verb == "希望" and not speaker.own):
        return "suggestion", start, end
    later = _LATER_CALL_RE.search(region)
    if later is not None and end - (start + later.end()) >= MIN_PROPOSAL:
        # 某议员批评，…不足，促请政府…: the call a clause later is the measure
        return "suggestion", start + later.end(), end
    led = _VERB_LED_RE.match(region)
    if led:
        kind: ProposalKind = "plan" if speaker.own and led.group(1) != "建议" else "suggestion"
        return kind, start + led.end(), end
    if _ENUMERATOR_RE.match(region):
        return ("plan" if speaker.own else "suggestion"), start, end
    found = find_in_region(sentence, start, speaker, said=True)
    return (found[0], found[1], end) if found else None


def listed(sentence: str, kind: ProposalKind) -> list[tuple[ProposalKind, int, int]]:
    """The items of a list of measures: 提出4项措施，包括：A、B、C等."""
    m = INCLUDES_RE.search(sentence)
    if m is None:
        return []
    out: list[tuple[ProposalKind, int, int]] = []
    pos = m.end()
    stop = re.search(r"[。！？]|等(?:[。，；]|$)", sentence[pos:])
    end = pos + stop.start() if stop else len(sentence)
    # items set off by ； keep their 、 inside: 要稳数量、强监管；提质量、优布局
    separator = r"[^；]+" if "；" in sentence[pos:end] else r"[^、；]+"
    for item in re.finditer(separator, sentence[pos:end]):
        out.append((kind, pos + item.start(), pos + item.end()))
    return out if len(out) >= 2 else []


def sentence_proposals(
    sentence: str,
    mention: Mention | None,
    speaker: Speaker,
    carry: ProposalKind | None,
    quoted: bool = False,
    voice: bool = False,
) -> tuple[list[tuple[ProposalKind, int, int]], ProposalKind | None]:
    """Proposals in one sentence as (kind, start, end), and the kind that carries on.
    ``quoted``: the sentence is inside the speaker's quotation; ``voice``: the text is
    the speaker's own, so a sentence that opens with a verb of action is a measure."""
    end = len(sentence)
    listed_items = listed(sentence, "plan" if speaker.own else "suggestion")
    if listed_items:
        return listed_items, listed_items[-1][0]
    if _REPORT_RE.search(sentence[: mention.after] if mention and mention.after else sentence[:12]):
        return [], None
    out = _quote_first(sentence, mention, speaker)
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
    call = _CALL_LEAD_RE.match(sentence)
    if call:
        return [("suggestion", call.end(), end)], "suggestion"
    if voice and _ENDORSE_RE.match(sentence):
        return [("suggestion", 0, end)], "suggestion"
    tasks = _TASKS_RE.search(sentence)
    if tasks:
        return [("plan", tasks.end(), end)], "plan"
    found = find_in_region(sentence, 0, speaker, said=quoted)
    if found is not None:
        return [(found[0], found[1], end)], found[0]
    if voice and opens_with_action(sentence):
        kind: ProposalKind = "plan" if speaker.own else "suggestion"
        return [(kind, 0, end)], kind
    if carry and _goes_on(sentence):
        return [(carry, 0, end)], carry
    return [], carry


def _goes_on(sentence: str) -> bool:
    """The sentence carries on the measure before it: 其次，…; 出台…政策; 如：…"""
    opens = (
        CONTINUES.match(sentence) or CONTINUES.match(LEAD_CONNECTIVES.sub("", sentence)) or EXAMPLES_RE.match(sentence)
    )
    return bool(opens) and not _completed(sentence) and not _JUDGEMENT_RE.match(sentence)


def _quote_first(sentence: str, mention: Mention | None, speaker: Speaker) -> list[tuple[ProposalKind, int, int]]:
    """“……”X表示：the measure in a quotation that opens the sentence, before its attribution."""
    if mention is None or mention.at <= 0 or sentence[:1] not in "“‘":
        return []
    close = _closing_quote(sentence)
    if close is None or close >= mention.at:
        return []
    quote = sentence[:close]
    led = _VERB_LED_RE.match(quote, 1) or re.search(r"我(?:们)?(?:今年)?(?:提出了|建议)", quote)
    if led:
        return [("suggestion", led.end(), close)]
    found = find_in_region(quote, 0, speaker, said=True)
    if found:
        return [(found[0], found[1], close)]
    if speaker.own and opens_with_action(quote[1:], lead=True):
        # “在全国率先建设……。”某局副局长X表示: an official states the body's action
        return [("plan", 1, close)]
    return []
