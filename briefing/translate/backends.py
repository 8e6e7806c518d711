"""Translator backends: a local GGUF model (llama-cpp-python), any OpenAI-compatible
chat endpoint, or none.  Each registers a factory in :data:`briefing.registry.translators`
that takes the settings and returns a :class:`Backend` (or None for ``none``)."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import ConfigError
from ..registry import translators
from .batch import Run

if TYPE_CHECKING:
    from ..config import Settings

# Token bytes that only occur in CJK text: UTF-8 lead bytes of U+3000–U+FFFF
# (CJK punctuation, kana, ideographs, Hangul, full-width forms).  English needs none.
_CJK_LEAD = range(0xE3, 0xF0)
N_CTX = 2048
TIMEOUT_S = 120


class Backend(Protocol):
    label: str  # the model, as named in the "machine translation" label

    def chat(self, messages: list[dict[str, str]], max_tokens: int) -> str: ...


class BackendError(Exception):
    """The backend failed on one request (network, server, model)."""


Answer = str | BackendError
Request = tuple[list[dict[str, str]], int]  # the chat, the most tokens to generate


def chat_many(backend: Backend, requests: Sequence[Request], done: Callable[[int, Answer], None]) -> None:
    """Every request answered, ``done(i, answer)`` hearing each as it finishes, in
    any order; a failed request's answer is its :class:`BackendError`.  Backends with
    their own ``chat_many`` (the llama one decodes several requests at once) run
    them their way; any other is asked one request at a time."""
    many = getattr(backend, "chat_many", None)
    if many is not None:
        many(requests, done)
        return
    for i, (messages, max_tokens) in enumerate(requests):
        try:
            answer: Answer = backend.chat(messages, max_tokens)
        except BackendError as exc:
            answer = exc
        done(i, answer)


class LlamaBackend:
    """A local GGUF model through llama-cpp-python: greedy decoding of ``parallel``
    requests at once, every token that carries a Chinese character banned from the
    output, generation ending at a blank line."""

    def __init__(self, model: Path, threads: int | None = None, parallel: int = 1) -> None:
        try:
            from llama_cpp import Llama
            from llama_cpp.llama_chat_format import Jinja2ChatFormatter
        except ImportError:
            raise ConfigError(
                "the llama translator needs llama-cpp-python: pip install 'briefing[llm]' "
                "(it compiles for about 20 minutes on 2 cores the first time)"
            ) from None
        if not model.is_file():
            raise ConfigError(f"{model}: model file not found (give a GGUF file with --model)")
        try:  # this context only carries the model; decoding has its own (BatchDecoder)
            self._llm = Llama(model_path=str(model), n_ctx=256, n_threads=threads or os.cpu_count() or 2, verbose=False)
        except (ValueError, RuntimeError) as exc:
            raise ConfigError(f"{model}: cannot load the model ({exc})") from None
        template = self._llm.metadata.get("tokenizer.chat_template")
        if not template:
            raise ConfigError(f"{model}: no chat template in the model file (use an instruct model)")
        text = self._llm._model.token_get_text
        eos, bos = text(self._llm.token_eos()), text(self._llm.token_bos())
        self._format = Jinja2ChatFormatter(template, eos_token=eos, bos_token=bos)
        name = str(self._llm.metadata.get("general.name") or model.stem)
        self.label = f"{name} (local, llama.cpp)"
        self._ban = self._cjk_tokens()
        self._decoder: Any = None
        self.use_parallel(parallel)
        self.runs: list[Run] = []  # every call's accounting, for the benchmark

    def use_parallel(self, parallel: int) -> None:
        """Decode up to ``parallel`` requests at once from now on."""
        self._parallel = max(1, parallel)
        self._decoder = None

    def _cjk_tokens(self) -> Any:
        import numpy as np

        n = self._llm.n_vocab()
        mask = np.zeros(n, dtype=bool)
        for token in range(n):
            piece = self._llm.detokenize([token])
            if any(b in _CJK_LEAD for b in piece):
                mask[token] = True
        return mask

    def _tokens(self, messages: list[dict[str, str]]) -> list[int]:
        prompt = self._format(messages=messages).prompt
        return list(self._llm.tokenize(prompt.encode("utf-8"), add_bos=False, special=True))

    def chat_many(self, requests: Sequence[Request], done: Callable[[int, Answer], None]) -> None:
        if not requests:
            return
        from .batch import BatchDecoder, DecodeError

        if self._decoder is None:
            self._decoder = BatchDecoder(self._llm, self._parallel, self._ban, N_CTX)
        answered: set[int] = set()

        def heard(i: int, text: str) -> None:
            answered.add(i)
            done(i, text)

        prompts = [self._tokens(messages) for messages, _ in requests]
        try:
            self.runs.append(self._decoder.run(prompts, [n for _, n in requests], heard))
        except DecodeError as exc:
            for i in range(len(requests)):
                if i not in answered:
                    done(i, BackendError(str(exc)))

    def chat(self, messages: list[dict[str, str]], max_tokens: int) -> str:
        answers: list[Answer] = []
        self.chat_many([(messages, max_tokens)], lambda _, answer: answers.append(answer))
        if isinstance(answers[0], BackendError):
            raise answers[0]
        return answers[0]


class OpenAIBackend:
    """Any OpenAI-compatible chat endpoint: a llama.cpp server, Ollama, vLLM or a cloud API."""

    def __init__(self, url: str, model: str, key_env: str, parallel: int = 1) -> None:
        self.url = url.rstrip("/") + "/chat/completions"
        self.parallel = max(1, parallel)
        self.model = model
        self.key = os.environ.get(key_env, "")
        host = url.split("//", 1)[-1].split("/", 1)[0]
        self.label = f"{model} (via {host})"

    def chat(self, messages: list[dict[str, str]], max_tokens: int) -> str:
        body = json.dumps(
            {"model": self.model, "messages": messages, "temperature": 0, "max_tokens": max_tokens}
        ).encode("utf-8")
        headers = {"Content-Type": "application/json"}
        if self.key:
            headers["Authorization"] = f"Bearer {self.key}"
        request = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:  # the user's own endpoint
                data = json.loads(response.read().decode("utf-8"))
        except (urllib.error.URLError, TimeoutError, json.JSONDecodeError, OSError) as exc:
            raise BackendError(f"{self.url}: {exc}") from None
        try:
            return str(data["choices"][0]["message"]["content"] or "")
        except (KeyError, IndexError, TypeError):
            raise BackendError(f"{self.url}: unexpected answer {str(data)[:200]}") from None

    def chat_many(self, requests: Sequence[Request], done: Callable[[int, Answer], None]) -> None:
        """``parallel`` requests in flight at once: a server batches them as llama.cpp does."""
        from concurrent.futures import ThreadPoolExecutor, as_completed

        def ask(request: Request) -> Answer:
            try:
                return self.chat(*request)
            except BackendError as exc:
                return exc

        with ThreadPoolExecutor(self.parallel) as pool:
            futures = {pool.submit(ask, request): i for i, request in enumerate(requests)}
            for future in as_completed(futures):
                done(futures[future], future.result())


@translators.register("llama")
def make_llama(settings: Settings) -> Backend:
    if settings.model is None:
        raise ConfigError("the llama translator needs a GGUF model: --model PATH (or model = ... in briefing.toml)")
    return LlamaBackend(settings.model, settings.threads or None, settings.parallel)


@translators.register("openai")
def make_openai(settings: Settings) -> Backend:
    if not settings.openai_url or not settings.openai_model:
        raise ConfigError("the openai translator needs openai_url and openai_model in briefing.toml")
    return OpenAIBackend(settings.openai_url, settings.openai_model, settings.openai_key_env, settings.parallel)


@translators.register("none")
def make_none(settings: Settings) -> None:
    return None
