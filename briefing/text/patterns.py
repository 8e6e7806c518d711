"""Shared patterns of Chinese newspaper text, written for the analysis form
(Simplified script, full-width punctuation; see :mod:`briefing.text.normalize`)."""

from __future__ import annotations

import re

# Common single-character surnames (the most frequent ~300 of the 百家姓) and the
# double surnames still in use.  Used to confirm that a 2–4 character token is a
# person's name, never on its own.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦"
    "戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻"
    "苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练"
    "廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿"
    "鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
DOUBLE_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
    "端木",
)

_SURNAME_SET = frozenset(SURNAMES)

# A person's name as printed: a surname and one or two given-name characters.
NAME = rf"(?:{'|'.join(DOUBLE_SURNAMES)}|[{SURNAMES}])[\u4e00-\u9fff]{{1,2}}"
NAME_RE = re.compile(NAME)

CJK = r"\u4e00-\u9fff"

# Characters that close a sentence, and closing marks that may follow them.
TERMINALS = "。！？…"
CLOSERS = "”’」』）》】"
# A line ending in one of these is complete: nothing of the paragraph follows.
COMPLETE_ENDINGS = TERMINALS + "；：—>"

# Words that end a title chain: the office a person holds.
TITLE_WORDS = (
    "委员|代表|书记|主任|局长|院长|校长|教授|主席|董事长|总经理|经理|总裁|部长|厅长|处长|科长|区长|县长|市长|镇长"
    "|主委|常委|会长|所长|研究员|博士|专家|负责人|总监|秘书长|行长|队长|CEO|总工程师|馆长|台长|社长|主编"
    "|议员|立委|司长|署长|执行长|省长|州长|总理|总统|外长|发言人|站长|理事长|总干事|次长"
)

# 记者 X 摄/视觉重庆, 通讯员 X 摄, X 摄 — a photo credit at the end of a line.
CREDIT_RE = re.compile(
    rf"(?:^|\s)(?:(?:首席|特约)?(?:记者|通讯员|摄影记者|摄影)\s*)?[{CJK}·]{{2,4}}"
    rf"(?:\s+(?:(?:首席|特约)?(?:记者|通讯员)\s*)?[{CJK}·]{{2,4}})*\s*摄(?:[/／][^\s]{{1,10}})?\s*$"
)
SUPPLIED_RE = re.compile(rf"[（(][{CJK}]{{1,12}}供图[)）]|图片由[{CJK}]{{2,20}}提供")
GROUP_PHOTO_RE = re.compile(rf"^[（(]?(?:本组|本版)?图片由[{CJK}]{{0,12}}(?:拍摄|提供)|^[（(]本组图片")

# □本报记者 X Y, ■新重庆-重庆日报首席记者 X, 重庆日报记者 X Y, 本报记者 X
BYLINE_RE = re.compile(
    rf"^(?:[□■●◆▲◇○]\s*)?(?:[{CJK}\-－]{{0,14}}?(?:报|社|台|网|新闻|中心|频道)[\-－]?)?(?:首席|特约)?(?:记者|通讯员|实习生|评论员|撰稿)"
    rf"(?:\s*[{CJK}·]{{2,4}})(?:[\s、，]+(?:(?:首席|特约)?(?:记者|通讯员|实习生)\s*)?[{CJK}·]{{2,4}})*\s*$"
)
BYLINE_MARK_RE = re.compile(rf"^[□■●◆▲]\s*[{CJK}\-－\s]{{2,40}}$")
# 本报讯(记者 X), 新华社北京3月21日电(记者 X) at the start of a body paragraph.
DATELINE_RE = re.compile(
    rf"^(?:本报讯|[{CJK}]{{2,10}}讯|新华社[{CJK}0-9]{{0,16}}电|[{CJK}]{{2,8}}网[{CJK}0-9]{{0,12}}电)\s*"
    rf"[（(][^（）()]{{2,60}}[)）]\s*"
)
# How a report opens, left in its first paragraph: 本报电, 本报北京5月27日电, 新华社…电,
# 本报讯, (澳门电台消息), （中央社记者某某台北24日电）, 【独媒报导】 (analysis form).
REPORT_OPENING_RE = re.compile(
    rf"^(?:本报(?:[{CJK}]{{0,8}}\d{{1,2}}月\d{{1,2}}日)?(?:电|讯)|新华社[{CJK}0-9]{{0,16}}电|[{CJK}]{{2,8}}社[{CJK}0-9]{{0,16}}电"
    rf"|[（(【][^（）()【】]{{2,30}}(?:消息|电|报导|报道|讯)[)）】])"
)
# How a news item's first sentence opens without a dateline: a date, a time, a source
# (据…), the reporter (记者…), a recent day (近日, 日前), a foreign place's clock.
NEWS_OPENING_RE = re.compile(
    r"^(?:\d{4}年|\d{1,2}月\d{1,2}日|\d{1,2}日|[今昨明]日|[今昨]天|据|记者|近日|日前|当地时间)"
)
# A report's first clause that names its source or its day: 某某App显示，…  某某8月20日表示，…
SOURCE_OPENING_RE = re.compile(r"^[^，。！？]{1,14}?(?:显示|表示|宣布|称|说|透露|介绍|指出|消息)[，：]")
DATED_OPENING_RE = re.compile(r"^[^，。！？]{0,10}?(?:\d{1,2}月\d{1,2}日|\d{1,2}日(?:[上下]午|晚)?[，电]|当地时间)")


def news_opening(text: str) -> bool:
    """The paragraph opens the way a news report does: a dateline, a date, a source."""
    return any(r.match(text) for r in (REPORT_OPENING_RE, NEWS_OPENING_RE, SOURCE_OPENING_RE, DATED_OPENING_RE))


# The signature that closes an item: a reader's letter (陕西咸阳市 姚 平, 读者 某某),
# or the reporter's name in brackets at the end of a brief (（曲哲涵）, （本报记者某某整理）).
SIGNATURE_RE = re.compile(
    rf"^(?:[{CJK}]{{2,12}}(?:省|市|县|区|州|旗|镇|乡|村)|读者)[\s\u00a0]+[{CJK}](?:[\s\u00a0]*[{CJK}]){{1,3}}$"
    rf"|^[（(](?:[^（）()。，；]{{0,30}}(?:记者|整理|供稿|撰稿|编辑|电|作者)[^（）()。，；]{{0,50}}|[{CJK}](?:[\s\u00a0、]*[{CJK}]){{1,3}})[)）]$"
)
# 重庆日报：…, 记者：…, 问：… — the interviewer's turn in a Q&A.
QUESTION_RE = re.compile(rf"^(?:[{CJK}]{{2,6}}报|[^：，。“”]{{0,16}}?记者|问|主持人|本报)\s*：")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
HOST_LABEL_RE = re.compile(r"^(?:主持人|主持)\s*：?$")
GUESTS_LABEL_RE = re.compile(r"^(?:访谈|对话|圆桌)?嘉宾\s*：?$")


def cjk_count(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


def is_name(token: str) -> bool:
    """A plausible personal name: 2–4 CJK characters starting with a surname."""
    if not 2 <= len(token) <= 4 or cjk_count(token) != len(token):
        return False
    if token[:2] in DOUBLE_SURNAMES:
        return len(token) >= 3
    return token[0] in _SURNAME_SET and len(token) <= 3


def names_only(text: str) -> list[str] | None:
    """The names when a line holds nothing but names separated by spaces."""
    tokens = text.split()
    if 1 <= len(tokens) <= 6 and all(is_name(t) for t in tokens):
        return tokens
    return None
