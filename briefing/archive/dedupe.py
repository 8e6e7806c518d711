"""Near-duplicate articles: the same text printed twice, re-flowed or slightly edited.

Texts are compared on their characters only (whitespace and punctuation dropped,
NFKC) as sets of character 4-grams.  A MinHash signature of 64 values, cut into
16 bands of 4, finds candidates (locality-sensitive hashing: two texts with a
Jaccard similarity of 0.7 share a band with probability 0.99), and the Jaccard
similarity estimated by the signatures decides."""

from __future__ import annotations

import functools
import hashlib
import unicodedata
from typing import Any

SHINGLE = 4
THRESHOLD = 0.7  # similarity at and above which two texts are one article
PERMUTATIONS, ROWS = 64, 4  # 16 bands of 4 rows
_PRIME = (1 << 61) - 1


def fingerprint_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if ch.isalnum())


def exact_key(text: str) -> str:
    return hashlib.sha256(fingerprint_text(text).encode("utf-8")).hexdigest()


@functools.cache
def _coefficients() -> tuple[Any, Any]:
    import numpy as np

    rng = np.random.default_rng(20250321)  # fixed: signatures must stay comparable across runs
    a = rng.integers(1, _PRIME, size=PERMUTATIONS, dtype=np.uint64)
    b = rng.integers(0, _PRIME, size=PERMUTATIONS, dtype=np.uint64)
    return a, b


def signature(text: str) -> tuple[int, ...]:
    """The MinHash signature of the text's character 4-grams."""
    import numpy as np

    t = fingerprint_text(text)
    grams = {t[i : i + SHINGLE] for i in range(max(1, len(t) - SHINGLE + 1))} if t else {""}
    hashes = np.array(
        [int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=4).digest(), "big") for g in grams],
        dtype=np.uint64,
    )
    a, b = _coefficients()
    # (a*h + b) mod 2^61-1 without overflow: h < 2^32, so split a into 29-bit halves
    lo, hi = a & np.uint64((1 << 29) - 1), a >> np.uint64(29)
    h = hashes[:, None]
    mixed = ((hi * h % _PRIME) * np.uint64(1 << 29) % _PRIME + lo * h + b) % _PRIME
    return tuple(int(v) for v in mixed.min(axis=0))


def band_keys(sig: tuple[int, ...]) -> list[int]:
    """One 63-bit key per band of the signature."""
    out = []
    for band in range(PERMUTATIONS // ROWS):
        chunk = ",".join(str(v) for v in sig[band * ROWS : (band + 1) * ROWS])
        out.append(int.from_bytes(hashlib.blake2b(chunk.encode(), digest_size=8).digest(), "big") >> 1)
    return out


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """The Jaccard similarity the two signatures estimate."""
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)
