"""Greedy decoding of several chat requests at once in one llama.cpp context.

The requests' shared prefix (the system prompt and the worked examples) is
evaluated once and shared by every sequence, and kept for the next call; each
sequence then gets its own tail and generates token by token, all sequences in
one batch a step.  A finished sequence's slot takes the next request at once
(continuous batching).  Every step's logits pass through a ban mask (tokens
that carry Chinese characters) before the greedy choice.

On two cores, four sequences at once give about 1.25 times the tokens a second
of one (benchmarks/batched_decoding.py; docs/translation.md).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

# A translation is one paragraph: a blank line starts what no reader would see.
STOP = b"\n\n"


@dataclass(frozen=True)
class Run:
    """One call's accounting: requests, prompt tokens (all, and evaluated after the
    kept prefix), tokens generated, seconds in all and in the steps that evaluated
    prompt tokens (the rest only generated)."""

    requests: int
    prompt_tokens: int
    evaluated_tokens: int
    generated_tokens: int
    seconds: float
    prompt_seconds: float


@dataclass
class _Sequence:
    request: int
    pos: int  # the next token's position
    row: int  # the batch row whose logits choose the next token
    limit: int
    out: bytearray
    tokens: int = 0


class DecodeError(Exception):
    """llama.cpp could not decode a batch."""


def _shared(prompts: Sequence[Sequence[int]]) -> int:
    """The length of the prefix every prompt shares, leaving each at least one token."""
    n = 0
    first = prompts[0]
    while all(len(p) > n + 1 and p[n] == first[n] for p in prompts):
        n += 1
    return n


class BatchDecoder:
    def __init__(self, llm: Any, slots: int, ban: Any, per_slot: int) -> None:
        import llama_cpp
        from llama_cpp import _internals

        self._api = llama_cpp
        self._llm = llm
        self._ban = ban
        self.slots = max(1, slots)
        params = llama_cpp.llama_context_params.from_buffer_copy(llm.context_params)
        params.n_seq_max = self.slots
        params.n_ctx = per_slot * (self.slots + 1)  # the shared prefix, then each slot's tail and answer
        params.n_batch = params.n_ctx
        params.kv_unified = True  # the shared prefix is stored once
        self._ctx = _internals.LlamaContext(model=llm._model, params=params, verbose=False)
        self._batch = _internals.LlamaBatch(n_tokens=params.n_ctx, embd=0, n_seq_max=self.slots, verbose=False)
        self._prefix: list[int] = []  # evaluated in sequence 0 and copied to the others
        self._prompt_seconds = 0.0  # spent in steps that evaluated prompt tokens
        self._n_vocab = llm.n_vocab()

    def _add(self, token: int, pos: int, seq: int, logits: bool) -> int:
        b = self._batch.batch
        i = b.n_tokens
        b.token[i], b.pos[i], b.n_seq_id[i], b.logits[i] = token, pos, 1, logits
        b.seq_id[i][0] = seq
        b.n_tokens += 1
        return i

    def _decode(self, prompt: bool = True) -> None:
        start = time.perf_counter()
        status = self._api.llama_decode(self._ctx.ctx, self._batch.batch)
        if prompt:
            self._prompt_seconds += time.perf_counter() - start
        self._batch.batch.n_tokens = 0
        if status != 0:
            self._api.llama_memory_clear(self._ctx.memory, True)
            self._prefix = []
            raise DecodeError(f"llama_decode returned {status}")

    def _keep_prefix(self, prefix: list[int]) -> int:
        """Make ``prefix`` the shared state of every slot, evaluating only what the
        kept one lacks; returns how many tokens were evaluated."""
        api, mem = self._api, self._ctx.memory
        keep = 0
        while keep < min(len(prefix), len(self._prefix)) and prefix[keep] == self._prefix[keep]:
            keep += 1
        api.llama_memory_seq_rm(mem, -1, keep, -1)
        for pos in range(keep, len(prefix)):
            self._add(prefix[pos], pos, 0, False)
        if len(prefix) > keep:
            self._decode()
        for seq in range(1, self.slots):
            api.llama_memory_seq_rm(mem, seq, -1, -1)
            api.llama_memory_seq_cp(mem, 0, seq, -1, -1)
        self._prefix = prefix
        return len(prefix) - keep

    def _next_token(self, row: int) -> int:
        import numpy as np

        logits = np.ctypeslib.as_array(self._api.llama_get_logits_ith(self._ctx.ctx, row), shape=(self._n_vocab,))
        return int(np.where(self._ban[: self._n_vocab], -np.inf, logits).argmax())

    def run(self, prompts: Sequence[list[int]], limits: Sequence[int], done: Callable[[int, str], None]) -> Run:
        """Decode every prompt greedily up to its token limit, an end-of-generation
        token or a blank line; ``done(i, text)`` hears each answer as it finishes."""
        start = time.perf_counter()
        self._prompt_seconds = 0.0
        shared = _shared(prompts)
        evaluated = self._keep_prefix(list(prompts[0][:shared]))
        queue = list(range(len(prompts)))
        live: dict[int, _Sequence] = {}
        generated = 0
        vocab = self._llm._model.vocab

        def begin(seq: int) -> None:
            nonlocal evaluated
            k = queue.pop(0)
            tail = prompts[k][shared:]
            for j, token in enumerate(tail):
                row = self._add(token, shared + j, seq, j == len(tail) - 1)
            evaluated += len(tail)
            live[seq] = _Sequence(k, len(prompts[k]), row, limits[k], bytearray())

        def finish(seq: int) -> None:
            s = live.pop(seq)
            self._api.llama_memory_seq_rm(self._ctx.memory, seq, shared, -1)
            done(s.request, bytes(s.out).split(STOP, 1)[0].decode("utf-8", "replace"))
            if queue:
                begin(seq)

        for seq in range(min(self.slots, len(queue))):
            begin(seq)
        while live:
            self._decode(prompt=self._batch.batch.n_tokens > len(live))
            for seq in list(live):
                s = live[seq]
                token = self._next_token(s.row)
                if self._api.llama_vocab_is_eog(vocab, token) or s.tokens >= s.limit or STOP in s.out:
                    finish(seq)
                    continue
                s.out += self._llm.detokenize([token])
                s.tokens += 1
                generated += 1
                s.row = self._add(token, s.pos, seq, True)
                s.pos += 1
        seconds = time.perf_counter() - start
        return Run(len(prompts), sum(map(len, prompts)), evaluated, generated, seconds, self._prompt_seconds)
