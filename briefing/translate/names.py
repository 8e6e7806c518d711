"""Person and place names in Hanyu Pinyin (pypinyin), the way English news writes
them: 白晓东 → Bai Xiaodong, 欧阳明 → Ouyang Ming, 沙坪坝区 → Shapingba District."""

from __future__ import annotations

from ..text.patterns import DOUBLE_SURNAMES

# Surnames read differently from the same character in ordinary words.
SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "查": "zha", "朴": "piao",
    "乐": "yue", "盖": "ge", "覃": "qin", "缪": "miao", "翟": "zhai", "召": "shao", "种": "chong",
    "秘": "bi", "員": "yun", "员": "yun", "尉": "yu", "长孙": "zhangsun", "万俟": "moqi", "尉迟": "yuchi",
    "折": "she", "繁": "po", "句": "gou", "隗": "wei", "阚": "kan", "重": "chong",
}  # fmt: skip
PLACE_SUFFIXES = (
    ("新区", "New Area"), ("街道", "Subdistrict"), ("区", "District"), ("县", "County"), ("市", "City"),
    ("镇", "Town"), ("乡", "Township"), ("村", "Village"), ("省", "Province"),
)  # fmt: skip


def _syllables(text: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    return list(lazy_pinyin(text, style=Style.NORMAL, v_to_u=True))


def person_name(name: str) -> str:
    """A personal name: surname, then the given name in one word."""
    name = name.strip()
    if not name:
        return name
    surname = name[:2] if name[:2] in DOUBLE_SURNAMES or name[:2] in SURNAME_READINGS else name[:1]
    given = name[len(surname) :]
    family = SURNAME_READINGS.get(surname) or "".join(_syllables(surname))
    out = family.capitalize()
    if given:
        out += " " + "".join(_syllables(given)).capitalize()
    return out.replace("ü", "u")


def place_name(name: str) -> str:
    """A place: its proper part in one word, then the English of its level."""
    for suffix, english in PLACE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return f"{''.join(_syllables(name[: -len(suffix)])).capitalize()} {english}"
    return "".join(_syllables(name)).capitalize()
