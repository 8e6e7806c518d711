from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from goldscore import gold_dir, load_gold

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the user's archive or caches."""
    monkeypatch.setenv("BRIEFING_ARCHIVE", str(tmp_path / "archive.sqlite"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def gold() -> dict:
    directory = gold_dir()
    if directory is None:
        if os.environ.get("BRIEFING_REQUIRE_GOLD"):
            pytest.fail("the gold annotations (shared/gold/seeds or $BRIEFING_GOLD) are missing")
        pytest.skip("gold annotations not found: set BRIEFING_GOLD to shared/gold/seeds")
    return load_gold(directory)


@pytest.fixture(scope="session")
def seed_briefing():
    """The briefing of the five seed pages, built once for the whole session."""
    from briefing.config import Settings
    from briefing.pipeline import build, collect

    return build(collect([str(SEEDS)]), Settings())


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def line_roles(path: Path) -> dict[str, str]:
    """Each line of a page, read by its reader, with the role the reader gave it."""
    from briefing.read import read_source

    source = read_source(path)
    return dict(zip(source.text.split("\n"), source.roles, strict=True))
