"""Translation memory in SQLite: a re-run translates nothing it has translated before.

Keyed by the backend's model, the prompt version and the Chinese text; WAL mode,
so that two runs can share it."""

from __future__ import annotations

import hashlib
import sqlite3
import time
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS memory (
    key TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    flagged TEXT NOT NULL DEFAULT '',
    created REAL NOT NULL
)
"""


def default_path() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("briefing")) / "translations.sqlite"


class Memory:
    def __init__(self, path: Path | None) -> None:
        """``path`` None keeps the memory for this run only."""
        self.path = path
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path) if path is not None else ":memory:", timeout=30)
        if path is not None:
            self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(SCHEMA)
        self._db.commit()

    @staticmethod
    def key(model: str, version: str, source: str) -> str:
        return hashlib.sha256(f"{model}\x00{version}\x00{source}".encode()).hexdigest()

    def get(self, model: str, version: str, source: str) -> tuple[str, str] | None:
        row = self._db.execute(
            "SELECT target, flagged FROM memory WHERE key = ?", (self.key(model, version, source),)
        ).fetchone()
        return (row[0], row[1]) if row else None

    def put(self, model: str, version: str, source: str, target: str, flagged: str = "") -> None:
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO memory (key, model, source, target, flagged, created)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (self.key(model, version, source), model, source, target, flagged, time.time()),
            )

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM memory").fetchone()[0])

    def close(self) -> None:
        self._db.close()
