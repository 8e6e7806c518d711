"""Translate Chinese segments with a backend: glossary and name hints in the
prompt, a translation memory, and a check that every number survives.

A segment is one whole unit — a headline, a sentence, a proposal, a title chain —
after line rejoining.  A translation that contains Chinese or lacks a number of
the source is retried once with the numbers spelled out; if it still fails, it
is kept and flagged."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .backends import Answer, Backend, BackendError, Request, chat_many
from .glossary import Glossary
from .memory import Memory
from .numbers import missing_numbers

PROMPT_VERSION = "4"  # 3: flags for length and renderings; 4: batched, budget, number words, renderings by words
SYSTEM = (
    "You are a professional translator of Chinese government and economic news for policy analysts. "
    "Translate the Chinese text into accurate, fluent English. Output only the English translation: "
    "no notes, no explanations, no Chinese. Keep every number, date and unit exactly. "
    "Use the renderings given for listed terms and names."
)
ASK = "Translate the following Chinese text into English."
KIND_HINT = {
    "title": "This is a newspaper headline; translate it as an English headline.",
    "role": "This is a person's title and office; translate it as an English job title.",
    "body": "This is the name of an organisation or a document.",
    "sentence": "",
}
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_LEAD_NOISE = re.compile(
    r"^(?:(?:here is |here's )?(?:the )?(?:english )?(?:translation|english|译文)(?: of the [a-z ]+)?"
    r"(?: is| as follows)?\s*[:：]\s*|the chinese text (?:translates to|has been translated into english"
    r"(?: as follows)?|means)\s*[:：]?\s*)",
    re.I,
)
_ECHO = re.compile(r"keep these numbers|use these renderings|translate the following|^chinese\s*:", re.I | re.M)
_LOOP = re.compile(r"(\b.{6,80}?)(?:\s*\1){3,}")


@dataclass(frozen=True)
class Result:
    english: str
    flagged: str = ""  # why the translation is not to be trusted, "" if it passed the checks
    cached: bool = False


def _tidy(text: str, source: str) -> str:
    text = text.strip()
    for _ in range(2):
        text = _LEAD_NOISE.sub("", text).strip()
    text = text.split("\n\n", 1)[0].strip()
    text = " ".join(text.split())
    if len(text) > 1 and text[0] in "\"'“" and text[-1] in "\"'”" and source[:1] not in "“\"'":
        text = text[1:-1].strip()
    return text


def token_budget(text: str) -> int:
    """The most tokens an English rendering of ``text`` may take: a margin and two
    tokens per Chinese character.  Human translations of the 400 dev news sentences
    take 0.8 tokens per character (median), 1.6 at most, and none exceeds this
    budget; an answer running past it is looping or inventing, and is cut there
    instead of running on."""
    return min(1024, 24 + 2 * len(text))


# English characters per Chinese character in human news translation: the 1st and
# 99th percentiles over the 400 WMT newstest2019 dev sentences (median 4.1).  A
# translation outside them has likely dropped or invented a part.
LENGTH_RATIO = (2.4, 6.8)
MIN_CHECKED_CJK = 8  # shorter texts vary too much to judge by length
# What a retry can be asked to fix, in the order of Engine._badness.
FAULTS = ("numbers, script, echo or loop", "length", "renderings")


def length_fault(source: str, english: str) -> str:
    """Why the English is too short or too long for the Chinese, or ""."""
    cjk = len(_CJK.findall(source))
    if cjk < MIN_CHECKED_CJK or not english:
        return ""
    ratio = len(english) / len(source)
    if ratio < LENGTH_RATIO[0]:
        return "shorter than the Chinese predicts (a part may be missing)"
    if ratio > LENGTH_RATIO[1]:
        return "longer than the Chinese predicts (a part may be invented)"
    return ""


def _words(value: str) -> list[str]:
    """Lower-case words without a plural ``s``: "New Energy Vehicles" = "new energy vehicle"."""
    return [w[:-1] if len(w) > 3 and w.endswith("s") else w for w in re.findall(r"[a-z0-9]+", value.lower())]


def _forms(rendering: str) -> list[str]:
    """The ways a rendering counts as used: "ultra-high-voltage (UHV)" by its words or by "UHV"."""
    spelled = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", rendering.strip())
    return [spelled.group(1), spelled.group(2)] if spelled else [rendering]


def dropped_terms(english: str, renderings: list[tuple[str, str]]) -> list[str]:
    """The fixed renderings (glossary terms, names) the English left out.  A rendering
    counts as used when its words all appear, in any order and number ("the CPPCC
    municipal committee" uses "municipal CPPCC committee"), or run together
    ("pumped-storage" uses "pumped storage"), or its abbreviation in brackets does."""
    words = set(_words(english))
    run_together = "".join(_words(english))

    def used(form: str) -> bool:
        wanted = _words(form)
        return bool(wanted) and (all(w in words for w in wanted) or "".join(wanted) in run_together)

    return [zh for zh, en in renderings if not any(used(form) for form in _forms(en))]


def _faults(source: str, english: str) -> int:
    """Serious faults and missing numbers; 0 passes.

    Serious: empty, Chinese left in, the prompt echoed, a phrase looping."""
    serious = (not english) + bool(_CJK.search(english)) + bool(_ECHO.search(english)) + bool(_LOOP.search(english))
    return serious + len(missing_numbers(source, english))


# Worked examples, given before every request (llama.cpp evaluates this shared
# prefix once and reuses it).  Policy news as the briefing quotes it: a speaker
# and title chain, a dateline, a target with its numbers.
EXAMPLES = [
    (
        "重庆市经济和信息化委员会主任周青在会上表示，今年全市将新培育专精特新企业500家以上。",
        "Zhou Qing, director of the Chongqing Municipal Commission of Economy and Information Technology, "
        "said at the meeting that the city would foster more than 500 new specialised, refined, distinctive "
        "and innovative enterprises this year.",
    ),
    (
        "据新华社北京3月5日电 国务院总理在政府工作报告中提出，2024年国内生产总值增长预期目标为5%左右。",
        "Beijing, March 5 (Xinhua) - The Premier of the State Council proposed in the government work report "
        "that the expected target for GDP growth in 2024 is around 5%.",
    ),
]


class Engine:
    def __init__(
        self,
        backend: Backend,
        glossary: Glossary,
        memory: Memory,
        names: dict[str, str] | None = None,
    ) -> None:
        self.backend = backend
        self.glossary = glossary
        self.memory = memory
        self.names = dict(names or {})
        self.translated = 0
        self.reused = 0
        # retries by the fault that asked for them, and how many the retry fixed
        self.retries: Counter[str] = Counter()
        self.fixed: Counter[str] = Counter()

    @property
    def label(self) -> str:
        return self.backend.label

    def renderings(self, text: str) -> list[tuple[str, str]]:
        """The fixed renderings that apply to ``text``: glossary terms and names."""
        return self.glossary.hints(text) + [(zh, en) for zh, en in self.names.items() if zh in text]

    def messages(
        self, text: str, kind: str, numbers: list[str] | None = None, whole: bool = False
    ) -> list[dict[str, str]]:
        """The chat: the system prompt, the worked examples, then the request —
        with the kind of text, the glossary and name renderings that apply, and on a
        retry the numbers the translation must keep."""
        ask = ASK
        if KIND_HINT.get(kind):
            ask += " " + KIND_HINT[kind]
        renderings = self.renderings(text)
        if renderings:
            ask += " Use these renderings: " + "; ".join(f"{zh} = {en}" for zh, en in renderings) + "."
        if numbers:
            ask += " Keep these numbers: " + ", ".join(numbers) + "."
        if whole:
            ask += " Translate every clause, leaving nothing out, and use the renderings given."
        chat = [{"role": "system", "content": SYSTEM}]
        for zh, en in EXAMPLES:
            chat += [{"role": "user", "content": f"{ASK}\n{zh}"}, {"role": "assistant", "content": en}]
        chat.append({"role": "user", "content": f"{ask}\n{text}"})
        return chat

    def _request(self, text: str, kind: str, numbers: list[str] | None = None, whole: bool = False) -> Request:
        return (self.messages(text, kind, numbers, whole), token_budget(text))

    def _badness(self, text: str, english: str) -> tuple[int, int, int]:  # counts of FAULTS
        """How bad a translation is, fewer first: serious faults and missing numbers,
        a length out of proportion, fixed renderings dropped."""
        return (
            _faults(text, english),
            bool(length_fault(text, english)),
            len(dropped_terms(english, self.renderings(text))),
        )

    def _final(self, text: str, kind: str, english: str) -> Result:
        """The translation as kept: repetition and Chinese removed, the faults that
        remain named in its flag, and stored in the memory."""
        flags = []
        if _LOOP.search(english):
            english = _LOOP.sub(r"\1", english)
            flags.append("repetition removed from the output")
        if _CJK.search(english):
            english = _CJK.sub("", english).strip()
            flags.append("Chinese removed from the output")
        missing = missing_numbers(text, english)
        if missing:
            flags.append("numbers not found in the English: " + ", ".join(missing))
        dropped = dropped_terms(english, self.renderings(text))
        if dropped:
            flags.append("renderings not used: " + ", ".join(dropped))
        if length := length_fault(text, english):
            flags.append(length)
        result = Result(english, "; ".join(flags))
        self.memory.put(self._memory_model(kind), PROMPT_VERSION, text, result.english, result.flagged)
        self.translated += 1
        return result

    def _memory_model(self, kind: str) -> str:
        """What the memory files a translation under besides its text: model and kind."""
        return f"{self.label}|{kind}"

    def translate(self, text: str, kind: str = "sentence") -> Result:
        return self.translate_all([(kind, text)]).get((kind, text), Result(""))

    def translate_all(
        self, items: Iterable[tuple[str, str]], progress: Callable[[str], None] | None = None
    ) -> dict[tuple[str, str], Result]:
        """Each distinct (kind, text) once, from the memory or the backend: every
        request first (the backend may answer several at once), then one retry,
        told what went wrong, for those whose answer failed a check.  ``progress``
        hears, after each segment is done, how many came from the memory and how
        many were flagged so far."""
        out: dict[tuple[str, str], Result] = {}
        flagged = 0

        def finish(key: tuple[str, str], result: Result) -> None:
            nonlocal flagged
            out[key] = result
            flagged += bool(result.flagged)
            if progress:
                progress(f"· {self.reused} from memory · {flagged} flagged")

        todo: list[tuple[tuple[str, str], str, str]] = []  # (key, kind, source)
        for kind, text in dict.fromkeys(items):
            source = text.strip()
            if not source:
                continue
            hit = self.memory.get(self._memory_model(kind), PROMPT_VERSION, source)
            if hit is not None:
                self.reused += 1
                finish((kind, text), Result(hit[0], hit[1], cached=True))
            else:
                todo.append(((kind, text), kind, source))
        self._translate_fresh(todo, finish)
        return out

    def _translate_fresh(
        self, todo: list[tuple[tuple[str, str], str, str]], finish: Callable[[tuple[str, str], Result], None]
    ) -> None:
        first: dict[int, tuple[str, tuple[int, int, int]]] = {}  # answers to retry, with their faults

        def heard(i: int, answer: Answer) -> None:
            key, kind, source = todo[i]
            if isinstance(answer, BackendError):
                finish(key, Result("", f"translation failed: {answer}"))
                return
            english = _tidy(answer, source)
            bad = self._badness(source, english)
            if any(bad):
                first[i] = (english, bad)
            else:
                finish(key, self._final(source, kind, english))

        chat_many(self.backend, [self._request(source, kind) for _, kind, source in todo], heard)
        retry = sorted(first)

        def heard_again(j: int, answer: Answer) -> None:
            key, kind, source = todo[retry[j]]
            english, bad = first[retry[j]]
            faults = [name for name, n in zip(FAULTS, bad, strict=True) if n]
            self.retries.update(faults)
            if not isinstance(answer, BackendError):
                second = _tidy(answer, source)
                bad_second = self._badness(source, second)
                if bad_second < bad:
                    english = second
                if not any(bad_second):
                    self.fixed.update(faults)
            finish(key, self._final(source, kind, english))

        requests = []
        for i in retry:
            _, kind, source = todo[i]
            english, bad = first[i]
            requests.append(self._request(source, kind, missing_numbers(source, english) or None, whole=any(bad[1:])))
        chat_many(self.backend, requests, heard_again)
