"""Translation benchmark: chrF2 and BLEU on Chinese news sentences with human references.

    python benchmarks/translation.py --model models/qwen2.5-coder-1.5b-q4_k_m.gguf [--limit 400]

Data: ``newstest2019_zh_en_dev400.jsonl`` (WMT newstest2019, source-original
Chinese news; ../shared/bench/translation beside the checkout, or --data).
Systems, on the same model in the same run:

* ``raw``: the model asked plainly ("Translate the following Chinese text into
  English."), greedy, with the same ban on Chinese tokens;
* ``briefing``: the product's translator: its prompt, the policy glossary as
  hints, and the checks with one retry.

Scores with sacrebleu (references passed in, nothing downloaded): corpus chrF2
and BLEU, seconds per segment, and the share of the source's numbers found in
the English; where the time goes (requests, prompt and generated tokens per
segment, tokens a second) for both systems; and whether the flags pick out the
worse English (chrF2 of the flagged and the unflagged translations).

Then the seed pages are briefed twice with one translation memory:
the second run's time and how many segments it had to translate (should be 0).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.translate.backends import Backend

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "bench" / "translation" / "newstest2019_zh_en_dev400.jsonl"
RAW_PROMPT = "Translate the following Chinese text into English."


def number_share(pairs: list[tuple[str, str]]) -> float:
    from briefing.translate.numbers import _ZH_NUMBER, missing_numbers

    total = kept = 0
    for zh, en in pairs:
        n = len(_ZH_NUMBER.findall(zh))
        total += n
        kept += n - len(missing_numbers(zh, en))
    return kept / total if total else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, required=True, help="GGUF model file")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=400, help="news sentences to score (0: seed pages only)")
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--parallel", type=int, default=4, help="segments decoded at once (the default setting)")
    parser.add_argument("--no-raw", action="store_true", help="skip the raw-model baseline")
    parser.add_argument("--no-seeds", action="store_true", help="skip the warm-cache run on the seed pages")
    parser.add_argument("--save", type=Path, help="write every system's output as JSON lines here")
    args = parser.parse_args()

    from briefing.translate.backends import LlamaBackend

    rows = [json.loads(line) for line in args.data.read_text("utf-8").splitlines() if line.strip()][: args.limit]
    backend = LlamaBackend(args.model, args.threads or None, args.parallel)
    print(f"model: {backend.label}; {len(rows)} segments from {args.data.name}")
    if rows:
        news_sentences(backend, rows, not args.no_raw, args.save)
    if not args.no_seeds:
        seed_pages(backend)


def news_sentences(backend: Backend, rows: list[dict[str, str]], raw: bool, save: Path | None) -> None:
    from sacrebleu.metrics import BLEU, CHRF

    from briefing.translate.backends import BackendError, chat_many
    from briefing.translate.engine import Engine, _tidy, token_budget
    from briefing.translate.glossary import load_glossary
    from briefing.translate.memory import Memory

    sources = [r["zh"] for r in rows]
    refs = [[r["en"] for r in rows]]
    outputs: dict[str, list[str]] = {}
    timing: dict[str, float] = {}
    runs = getattr(backend, "runs", None)
    if raw:
        answers = [""] * len(sources)

        def heard(i: int, answer: object) -> None:
            answers[i] = "" if isinstance(answer, BackendError) else _tidy(str(answer), sources[i])

        start = time.perf_counter()
        requests = [([{"role": "user", "content": f"{RAW_PROMPT}\n{zh}"}], token_budget(zh)) for zh in sources]
        chat_many(backend, requests, heard)
        timing["raw"] = time.perf_counter() - start
        outputs["raw"] = answers
    engine = Engine(backend, load_glossary(), Memory(None))
    before = len(runs) if runs is not None else 0
    start = time.perf_counter()
    found = engine.translate_all(("sentence", zh) for zh in sources)
    results = [found[("sentence", zh)] for zh in sources]
    outputs["briefing"] = [r.english for r in results]
    timing["briefing"] = time.perf_counter() - start
    if runs is not None:
        accounting(runs[:before], runs[before:], len(sources))
    flag_groups(results, refs[0])
    print(
        "retries by fault (fixed by the retry / asked):",
        ", ".join(f"{k} {engine.fixed[k]}/{v}" for k, v in engine.retries.items()) or "-",
    )

    print(f"\n{'system':<10} {'chrF2':>6} {'BLEU':>6} {'s/seg':>6} {'numbers kept':>13}")
    for name, hyps in outputs.items():
        chrf = CHRF().corpus_score(hyps, refs).score
        bleu = BLEU().corpus_score(hyps, refs).score
        share = number_share(list(zip(sources, hyps, strict=True)))
        print(f"{name:<10} {chrf:6.1f} {bleu:6.1f} {timing[name] / len(rows):6.2f} {share:13.1%}")
    if save:
        with save.open("w", encoding="utf-8") as fh:
            for i, r in enumerate(rows):
                fh.write(
                    json.dumps({"id": r["id"], **{k: v[i] for k, v in outputs.items()}}, ensure_ascii=False) + "\n"
                )


def flag_groups(results: list, refs: list[str]) -> None:
    """Do the flags pick out the worse English?  Corpus chrF2 of the flagged and the
    unflagged translations, and the reasons given."""
    from collections import Counter

    from sacrebleu.metrics import CHRF

    groups: dict[bool, list[tuple[str, str]]] = {True: [], False: []}
    reasons: Counter[str] = Counter()
    for result, ref in zip(results, refs, strict=True):
        groups[bool(result.flagged)].append((result.english, ref))
        reasons.update(f.split(":")[0].split(" (")[0] for f in result.flagged.split("; ") if f)

    def chrf(pairs: list[tuple[str, str]]) -> str:
        return f"{CHRF().corpus_score([h for h, _ in pairs], [[r for _, r in pairs]]).score:.1f}" if pairs else "-"

    print(f"\n{'flags':<12} {'sentences':>9} {'chrF2':>6}")
    for name, pairs in (("flagged", groups[True]), ("not flagged", groups[False])):
        print(f"{name:<12} {len(pairs):>9} {chrf(pairs):>6}")
    print("reasons:", ", ".join(f"{k} {v}" for k, v in reasons.most_common()) or "-")


def accounting(plain: list, briefing: list, segments: int) -> None:
    """Where the time goes, per segment: requests, prompt tokens (all, and evaluated
    after the kept prefix), tokens generated, seconds in all and evaluating prompts,
    and the generation speed (tokens a second in the steps that only generated), of
    the briefing's translator against the plain model in the same run."""
    from briefing.translate.batch import Run

    columns = ("requests", "prompt", "evaluated", "generated", "s/seg", "prompt s", "gen tok/s")
    widths = (8, 7, 9, 9, 6, 8, 9)

    def line(name: str, runs: list) -> str:
        if not runs:
            return f"{name:<10} -"
        total = {f: sum(getattr(r, f) for r in runs) for f in Run.__dataclass_fields__}
        generating = max(total["seconds"] - total["prompt_seconds"], 1e-9)
        cells = (
            total["requests"],
            f"{total['prompt_tokens'] / segments:.0f}",
            f"{total['evaluated_tokens'] / segments:.0f}",
            f"{total['generated_tokens'] / segments:.1f}",
            f"{total['seconds'] / segments:.2f}",
            f"{total['prompt_seconds'] / segments:.2f}",
            f"{total['generated_tokens'] / generating:.1f}",
        )
        return f"{name:<10} " + " ".join(f"{c:>{w}}" for c, w in zip(cells, widths, strict=True))

    print("\nper segment: prompt tokens, of them evaluated (the rest kept from the shared prefix), tokens generated")
    print(f"{'system':<10} " + " ".join(f"{c:>{w}}" for c, w in zip(columns, widths, strict=True)))
    print(line("raw", plain))
    print(line("briefing", briefing))


def seed_pages(backend: Backend) -> None:
    from briefing.config import Settings
    from briefing.pipeline import build, collect, localise
    from briefing.registry import translators
    from briefing.translate.engine import _CJK

    translators.register("benchmark")(lambda settings: backend)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(translator="benchmark", cache=Path(tmp) / "tm.sqlite")
        briefing = build(collect([str(REPO / "seeds")]), settings)
        model_runs = getattr(backend, "runs", None)
        before = len(model_runs) if model_runs is not None else 0
        runs = []
        for _ in range(2):
            start = time.perf_counter()
            done = localise(briefing, settings)
            runs.append((time.perf_counter() - start, done.translation))
    (cold, info_cold), (warm, info_warm) = runs
    assert info_cold is not None and info_warm is not None
    if model_runs is not None:
        accounting([], model_runs[before:], info_cold.segments)
    from briefing.render.view import english

    en = english(done)
    analyses = done.analyses
    groups = {
        "titles": [(a.article.title, en(a).title or "") for a in analyses if a.article.title],
        "summary sentences": [
            (x.orig, e)
            for a in analyses
            for x, e in zip(a.summary, en(a).summary or [""] * len(a.summary), strict=True)
        ],
        "proposals": [(p.text, en(p).text or "") for p in done.proposals],
        "roles": [(p.role, en(p).role or "") for p in done.proposals if p.role],
    }
    print(
        f"\nseed pages: {info_cold.segments} segments; cold run {cold:.0f} s ({info_cold.translated} translated, "
        f"{info_cold.flagged} flagged); warm run {warm:.2f} s ({info_warm.translated} translated, "
        f"{info_warm.reused} from memory); warm is {cold / max(warm, 1e-9):.0f}x faster"
    )
    pairs = [pair for group in groups.values() for pair in group]
    for name, group in groups.items():
        print(f"{name} with English: {sum(1 for _, e in group if e)}/{len(group)}")
    from collections import Counter

    reasons = Counter(
        f.split(":")[0].split(" (")[0] for p in done.proposals for f in (en(p).flag or "").split("; ") if f
    )
    print("flag reasons among proposals:", ", ".join(f"{k} {v}" for k, v in reasons.most_common()) or "-")
    fields = [e for _, e in pairs] + [en(p).speaker or "" for p in done.proposals]
    print(
        f"English fields with Chinese characters: {sum(1 for e in fields if _CJK.search(e))}; "
        f"numbers kept: {number_share(pairs):.1%}"
    )


if __name__ == "__main__":
    main()
