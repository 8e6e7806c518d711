"""Summarization benchmark: character-level ROUGE against human references.

    python benchmarks/summarization.py [--data DIR] [--split test|dev|all] [--snownlp]

Reads ``cail2020_sfzy.jsonl`` (CAIL2020; ids name their split: tune on dev.json,
report on test.json), ``lcsts_clge.jsonl`` and ``clts_samples.jsonl`` from
``--data`` (default: ../shared/bench/summarization beside the checkout).

Scoring: NFKC, punctuation and whitespace removed, each system's output cut at
the reference's length in characters, then ROUGE-1/2/L F1 over characters.
Every system is given the reference's length as its budget.  ``lead`` is the
start of the text; ``oracle`` greedily adds the sentences that raise ROUGE-2
most (an upper bound for sentence extraction).  Prints one table per data set
with documents per second.
"""

from __future__ import annotations

import argparse
import json
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "bench" / "summarization"


def prepare(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if ch.isalnum())


def _ngrams(text: str, n: int) -> Counter[str]:
    return Counter(text[i : i + n] for i in range(len(text) - n + 1))


def _f1(overlap: int, cand: int, ref: int) -> float:
    if not overlap or not cand or not ref:
        return 0.0
    p, r = overlap / cand, overlap / ref
    return 2 * p * r / (p + r)


def _lcs(a: str, b: str) -> int:
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def rouge(candidate: str, reference: str) -> tuple[float, float, float]:
    """Character ROUGE-1, -2 and -L F1 (percent), the candidate cut at the reference's length."""
    ref = prepare(reference)
    cand = prepare(candidate)[: len(ref)]
    scores = []
    for n in (1, 2):
        c, r = _ngrams(cand, n), _ngrams(ref, n)
        scores.append(_f1(sum((c & r).values()), sum(c.values()), sum(r.values())))
    scores.append(_f1(_lcs(cand, ref), len(cand), len(ref)))
    return scores[0] * 100, scores[1] * 100, scores[2] * 100


def lead(text: str, budget: int) -> str:
    return text


def oracle(text: str, reference: str) -> str:
    from briefing.text.sentences import split_sentences

    sentences = split_sentences(text)
    chosen: list[int] = []
    best = 0.0
    while True:
        step = None
        for i in range(len(sentences)):
            if i in chosen:
                continue
            trial = "".join(sentences[j] for j in sorted([*chosen, i]))
            score = rouge(trial, reference)[1]
            if score > best:
                best, step = score, i
        if step is None:
            break
        chosen.append(step)
    return "".join(sentences[j] for j in sorted(chosen))


def load(path: Path, split: str) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    if split != "all" and "cail" in path.name:
        rows = [r for r in rows if f"/{split}.json" in r["id"]]
    return rows


def run(
    rows: list[dict], systems: dict[str, Callable[[str, int, str], str]]
) -> list[tuple[str, float, float, float, float]]:
    table = []
    for name, system in systems.items():
        totals = [0.0, 0.0, 0.0]
        start = time.perf_counter()
        outputs = [system(r["article"], len(r["summary"]), r["summary"]) for r in rows]
        elapsed = time.perf_counter() - start
        for out, r in zip(outputs, rows, strict=True):
            for k, v in enumerate(rouge(out, r["summary"])):
                totals[k] += v
        n = len(rows)
        table.append((name, totals[0] / n, totals[1] / n, totals[2] / n, n / elapsed if elapsed else 0.0))
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=("test", "dev", "all"), default="test", help="CAIL2020 half to score")
    parser.add_argument("--snownlp", action="store_true", help="also run the snownlp backend (slow)")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N documents of each set")
    args = parser.parse_args()

    from briefing import summarize
    from briefing.text.tokenize import words

    words("预热")  # load jieba before timing
    systems: dict[str, Callable[[str, int, str], str]] = {
        "lead": lambda text, budget, ref: lead(text, budget),
        "briefing (textrank)": lambda text, budget, ref: "".join(summarize(text, budget)),
    }
    if args.snownlp:
        systems["snownlp"] = lambda text, budget, ref: "".join(summarize(text, budget, method="snownlp"))
    systems["oracle (greedy)"] = lambda text, budget, ref: oracle(text, ref)

    for filename in ("cail2020_sfzy.jsonl", "lcsts_clge.jsonl", "clts_samples.jsonl"):
        path = args.data / filename
        if not path.exists():
            print(f"{path}: missing, skipped")
            continue
        rows = load(path, args.split)
        if args.limit:
            rows = rows[: args.limit]
        label = (
            f"{filename} ({args.split} half, {len(rows)} docs)"
            if "cail" in filename
            else f"{filename} ({len(rows)} docs)"
        )
        print(f"\n{label}")
        print(f"{'system':<22} {'R-1':>6} {'R-2':>6} {'R-L':>6} {'docs/s':>8}")
        for name, r1, r2, rl, speed in run(rows, systems):
            print(f"{name:<22} {r1:6.1f} {r2:6.1f} {rl:6.1f} {speed:8.1f}")


if __name__ == "__main__":
    main()
