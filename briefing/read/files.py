"""Find the input files and turn each into a :class:`Source`."""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from ..model import Skipped, Source
from ..registry import readers
from .encoding import Decoded, DecodeError

# Larger inputs are refused rather than read into memory: a newspaper page is ~20 kB.
MAX_BYTES = 50 * 1024 * 1024
SCRIPT_SAMPLE = 20_000  # characters looked at to tell the script


def _supported(path: Path) -> bool:
    return path.suffix.lower() in readers.names()


def expand_inputs(inputs: Iterable[str]) -> tuple[list[Path], list[Skipped]]:
    """Files named directly are taken whatever their extension (and refused later if
    unsupported); folders are searched recursively for supported files, in name order.
    Symlink loops and unreadable folders are reported, not followed."""
    files: list[Path] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()

    def add(path: Path) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            files.append(path)

    for raw in inputs:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
            exists = path.exists()
        except OSError as exc:  # e.g. a symlink loop: "Too many levels of symbolic links"
            skipped.append(Skipped(raw, f"cannot be opened ({exc.strerror or exc})"))
            continue
        if not exists:
            kind = "broken symlink" if path.is_symlink() else "no such file or folder"
            skipped.append(Skipped(raw, kind))
            continue
        if not is_dir:
            add(path)
            continue
        visited: set[str] = set()
        for root, dirs, names in os.walk(path, followlinks=True, onerror=None):
            real = os.path.realpath(root)
            if real in visited:
                skipped.append(Skipped(root, "symlink loop, not followed"))
                dirs[:] = []
                continue
            visited.add(real)
            dirs.sort()
            for name in sorted(names):
                child = Path(root) / name
                if not name.startswith(".") and _supported(child):
                    add(child)
    return files, skipped


@functools.cache
def _script_tables() -> tuple[frozenset[str], frozenset[str]]:
    """The characters that exist only in Traditional and only in Simplified script
    (OpenCC's single-character tables), built once."""
    import opencc  # imported here: loading its dictionaries is not free

    t2s, s2t = opencc.OpenCC("t2s").convert, opencc.OpenCC("s2t").convert
    common = [chr(c) for c in range(0x4E00, 0xA000)]
    traditional = frozenset(ch for ch in common if (conv := t2s(ch)) != ch and len(conv) == 1)
    simplified = frozenset(ch for ch in common if (conv := s2t(ch)) != ch and len(conv) == 1)
    return traditional, simplified


def _detect_script(text: str) -> str:
    """Traditional when clearly more characters are Traditional-only than Simplified-only."""
    traditional_only, simplified_only = _script_tables()
    sample = text[:SCRIPT_SAMPLE]
    traditional = sum(1 for ch in sample if ch in traditional_only)
    simplified = sum(1 for ch in sample if ch in simplified_only)
    cjk = sum(1 for ch in sample if "\u3400" <= ch <= "\u9fff") or 1
    if traditional > 2 * simplified and traditional >= 0.02 * cjk:
        return "traditional"
    return "simplified"


def read_source(path: Path, display: str | None = None) -> Source:
    """Read and decode one file, or raise :class:`InputError` naming it and the reason."""
    shown = display or str(path)
    suffix = path.suffix.lower()
    if suffix not in readers.names():
        known = ", ".join(readers.names())
        raise InputError(shown, f"unsupported file type {suffix or '(none)'!r} (use one of {known})")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(shown, f"too large ({size // 1_048_576} MiB; the limit is {MAX_BYTES // 1_048_576} MiB)")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(shown, "permission denied") from None
    except IsADirectoryError:
        raise InputError(shown, "is a folder") from None
    except OSError as exc:
        raise InputError(shown, f"cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise InputError(shown, "empty file")
    try:
        decoded = Decoded(*readers.get(suffix)(data))
    except DecodeError as exc:
        raise InputError(shown, str(exc)) from None
    text = decoded.text
    if not text.strip():
        raise InputError(shown, "no text in the file")
    return Source(
        path=shown,
        name=path.name,
        text=text,
        encoding=decoded.encoding,
        script="traditional" if _detect_script(text) == "traditional" else "simplified",
        sha256=hashlib.sha256(data).hexdigest(),
        roles=decoded.roles,
    )
