"""Translator backends: a local GGUF model (llama-cpp-python), any OpenAI-compatible
chat endpoint, or none.  Each registers a factory in :data:`briefing.registry.translators`
that takes the settings and returns a :class:`Backend` (or None for ``none``)."""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import ConfigError
from ..registry import translators

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


# A segment's translation is one paragraph: a blank line starts what the reader
# would not see (a note, another attempt), so generation stops there.
STOP = ["\n\n"]


@dataclass(frozen=True)
class Call:
    """One request to the model: tokens in the prompt, tokens generated, seconds."""

    prompt_tokens: int
    generated_tokens: int
    seconds: float


class LlamaBackend:
    """A local GGUF model through llama-cpp-python: greedy decoding, and every
    token that carries a Chinese character banned from the output."""

    def __init__(self, model: Path, threads: int | None = None) -> None:
        try:
            from llama_cpp import Llama
        except ImportError:
            raise ConfigError(
                "the llama translator needs llama-cpp-python: pip install 'briefing[llm]' "
                "(it compiles for about 20 minutes on 2 cores the first time)"
            ) from None
        if not model.is_file():
            raise ConfigError(f"{model}: model file not found (give a GGUF file with --model)")
        try:
            self._llm = Llama(
                model_path=str(model), n_ctx=N_CTX, n_threads=threads or os.cpu_count() or 2, verbose=False
            )
        except (ValueError, RuntimeError) as exc:
            raise ConfigError(f"{model}: cannot load the model ({exc})") from None
        name = str(self._llm.metadata.get("general.name") or model.stem)
        self.label = f"{name} (local, llama.cpp)"
        self._ban = self._cjk_tokens()
        self.calls: list[Call] = []  # every request, for the benchmark's accounting

    def _cjk_tokens(self) -> Any:
        import numpy as np

        n = self._llm.n_vocab()
        mask = np.zeros(n, dtype=bool)
        for token in range(n):
            piece = self._llm.detokenize([token])
            if any(b in _CJK_LEAD for b in piece):
                mask[token] = True
        return mask

    def chat(self, messages: list[dict[str, str]], max_tokens: int) -> str:
        import numpy as np
        from llama_cpp import LogitsProcessorList

        ban = self._ban

        def no_chinese(_ids: Any, scores: Any) -> Any:
            scores[ban[: len(scores)]] = -np.inf
            return scores

        start = time.perf_counter()
        out = self._llm.create_chat_completion(
            messages=messages,
            temperature=0.0,
            top_k=1,
            max_tokens=max_tokens,
            stop=STOP,
            logits_processor=LogitsProcessorList([no_chinese]),
        )
        usage = out.get("usage") or {}
        tokens = int(usage.get("prompt_tokens", 0)), int(usage.get("completion_tokens", 0))
        self.calls.append(Call(*tokens, time.perf_counter() - start))
        return str(out["choices"][0]["message"]["content"] or "")


class OpenAIBackend:
    """Any OpenAI-compatible chat endpoint: a llama.cpp server, Ollama, vLLM or a cloud API."""

    def __init__(self, url: str, model: str, key_env: str) -> None:
        self.url = url.rstrip("/") + "/chat/completions"
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


@translators.register("llama")
def make_llama(settings: Settings) -> Backend:
    if settings.model is None:
        raise ConfigError("the llama translator needs a GGUF model: --model PATH (or model = ... in briefing.toml)")
    return LlamaBackend(settings.model, settings.threads or None)


@translators.register("openai")
def make_openai(settings: Settings) -> Backend:
    if not settings.openai_url or not settings.openai_model:
        raise ConfigError("the openai translator needs openai_url and openai_model in briefing.toml")
    return OpenAIBackend(settings.openai_url, settings.openai_model, settings.openai_key_env)


@translators.register("none")
def make_none(settings: Settings) -> None:
    return None
