"""What is printed on a news page but is no article: legal and court notices.

Newspapers sell space for notices — a court serving papers on a party it cannot
reach (公告送达), an arbitration commission's summons, a lost-certificate
declaration (遗失声明), a company's deregistration — set in small type in a block of
their own, often under a label (信息服务, 公告).  They are recognised by their form,
not by who published them: they address a party in the second person (诉你, 向你,
限你, 由你自行承担), serve or void documents (公告送达, 视为送达, 声明作废), and count
their own time limits (公告期满, 答辩期, 举证期限).  An item most of whose text is in
paragraphs with such formulas is a notice; its text is kept out of the articles (and
so out of the summaries and the proposals) and recorded as dropped, with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# The formulas of legal notices; each is a form of the genre, not the wording of one.
NOTICE_RE = re.compile(
    r"公告送达|视为送达|公告期满|公告之日起|发出公告|特此公告|本公告|声明作废|作废声明|予以作废|不慎遗失|"
    r"(?:诉|告知|通知|送达|限)你|向你|你(?:方|自行|应|须|逾期)|缺席(?:审理|判决|裁决)|答辩期|举证期限|"
    r"申请执行人|被执行人|注销登记|清算组"
)
# A notice's heading: what it is, after who issues it.
NOTICE_TITLE_RE = re.compile(r"(?:公告|通告|声明|启事|公示|通知书)$")
NOTICE_SHARE = 0.5  # of an item's characters in paragraphs with a notice formula


def is_notice(title: str | None, paragraphs: Sequence[str]) -> bool:
    """Whether an item (its title and its paragraphs' texts) is a legal notice: most of
    its text carries the genre's formulas, or it is headed as a notice and its text
    carries one."""
    total = sum(len(p) for p in paragraphs)
    if not total:
        return False
    formal = sum(len(p) for p in paragraphs if NOTICE_RE.search(p))
    if formal >= NOTICE_SHARE * total:
        return True
    return bool(title and NOTICE_TITLE_RE.search(title.strip())) and formal > 0
