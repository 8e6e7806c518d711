"""Batched decoding: does translating several segments at once give more tokens a second?

    python benchmarks/batched_decoding.py --model MODEL.gguf [--limit 24] [--batches 1,2,4,8]

llama.cpp decodes several sequences in one batch.  When a model is bound by
memory bandwidth, a batch of n sequences costs little more than one, and
throughput rises with n; when it is bound by arithmetic, a batch costs n times
one.  This benchmark measures which holds on this machine: the first ``--limit``
dev sentences, each with the briefing's prompt (system prompt, worked examples,
request; the shared prefix evaluated once and shared by every sequence), decoded
greedily with Chinese tokens banned, at each batch size in turn, through the
llama backend's decoder (briefing/translate/batch.py: continuous batching, a
finished sequence's slot takes the next segment at once).  Each size starts with
a fresh decoder, so each evaluates the shared prefix once.

Prints, per batch size: seconds (in all, and in the steps that evaluated prompt
tokens), tokens generated, tokens a second (over all the time, and over the steps
that only generated), seconds a segment, and how many outputs equal the batch-1
output (a batch sums in another order, so near ties can fall the other way).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from translation import DEFAULT_DATA  # the dev sentences benchmarks/translation.py scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, required=True, help="GGUF model file")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=24, help="dev sentences to decode at each batch size")
    parser.add_argument("--batches", default="1,2,4,8", help="batch sizes, comma-separated")
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()

    from briefing.translate.backends import LlamaBackend
    from briefing.translate.engine import Engine, _tidy, token_budget
    from briefing.translate.glossary import load_glossary
    from briefing.translate.memory import Memory

    rows = [json.loads(line) for line in args.data.read_text("utf-8").splitlines() if line.strip()][: args.limit]
    backend = LlamaBackend(args.model, args.threads or None)
    engine = Engine(backend, load_glossary(), Memory(None))
    requests = [(engine.messages(r["zh"], "sentence"), token_budget(r["zh"])) for r in rows]
    print(f"model: {backend.label}; {len(rows)} dev sentences with the briefing's prompt")
    print(
        f"{'batch':>5} {'seconds':>8} {'prompt s':>8} {'generated':>9} {'tok/s':>7} {'gen tok/s':>9} "
        f"{'s/seg':>6} {'same as batch 1':>16}"
    )
    first: list[str] = []
    for size in (int(x) for x in args.batches.split(",")):
        backend.use_parallel(size)
        answers = [""] * len(rows)

        def heard(i: int, answer: object, answers: list[str] = answers) -> None:
            answers[i] = _tidy(str(answer), rows[i]["zh"])

        start = time.perf_counter()
        backend.chat_many(requests, heard)
        seconds = time.perf_counter() - start
        run = backend.runs[-1]
        first = first or answers
        same = sum(a == b for a, b in zip(first, answers, strict=True))
        generating = max(run.seconds - run.prompt_seconds, 1e-9)
        print(
            f"{size:>5} {seconds:8.1f} {run.prompt_seconds:8.1f} {run.generated_tokens:9d} "
            f"{run.generated_tokens / seconds:7.1f} {run.generated_tokens / generating:9.1f} "
            f"{seconds / len(rows):6.2f} {same:>10}/{len(rows)}"
        )


if __name__ == "__main__":
    main()
