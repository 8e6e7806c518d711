"""Do the translation flags pick out the worse English?  chrF2 of the flagged and the
unflagged translations of the dev news sentences, through the briefing's translator.

    python benchmarks/translation_flags.py --model models/qwen2.5-coder-1.5b-q4_k_m.gguf [--limit 200]

Needs llama-cpp-python (pip install ".[llm]") and sacrebleu.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from translation import DEFAULT_DATA  # the dev sentences benchmarks/translation.py scores


def main() -> None:
    import sacrebleu

    from briefing.translate.backends import LlamaBackend
    from briefing.translate.engine import Engine
    from briefing.translate.glossary import load_glossary
    from briefing.translate.memory import Memory

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, required=True, help="GGUF model file")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=200, help="dev sentences to translate")
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.data.read_text("utf-8").splitlines() if line.strip()][: args.limit]
    engine = Engine(LlamaBackend(args.model, args.threads or None), load_glossary(), Memory(None))
    groups: dict[bool, list[tuple[str, str]]] = {True: [], False: []}
    reasons: Counter[str] = Counter()
    start = time.perf_counter()
    for row in rows:
        result = engine.translate(row["zh"])
        groups[bool(result.flagged)].append((result.english, row["en"]))
        reasons.update(f.split(":")[0].split(" (")[0] for f in result.flagged.split("; ") if f)

    def chrf(pairs: list[tuple[str, str]]) -> str:
        if not pairs:
            return "-"
        return f"{sacrebleu.corpus_chrf([p[0] for p in pairs], [[p[1] for p in pairs]]).score:.1f}"

    print(f"{len(rows)} sentences in {time.perf_counter() - start:.0f} s with {engine.label}")
    print("| group | sentences | chrF2 |\n|---|---:|---:|")
    print(f"| flagged | {len(groups[True])} | {chrf(groups[True])} |")
    print(f"| not flagged | {len(groups[False])} | {chrf(groups[False])} |")
    print(f"| all | {len(rows)} | {chrf(groups[True] + groups[False])} |")
    print("reasons:", ", ".join(f"{k} {v}" for k, v in reasons.most_common()))


if __name__ == "__main__":
    main()
