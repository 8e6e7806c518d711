"""The SQLite archive: runs, source files, articles (with their MinHash bands for
near-duplicate lookup) and proposals.

Versioned migrations (``PRAGMA user_version``) let an archive survive upgrades;
WAL mode, a busy timeout and one ``BEGIN IMMEDIATE`` transaction per run let two
runs share it without corrupting it."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import BriefingError

BUSY_TIMEOUT_S = 60

# Each migration brings the schema from version i to i + 1; never edit one that shipped.
MIGRATIONS: tuple[str, ...] = (
    # 1: runs, sources, articles, proposals
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started TEXT NOT NULL,
        period TEXT NOT NULL,
        title TEXT NOT NULL,
        sources INTEGER NOT NULL DEFAULT 0,
        articles INTEGER NOT NULL DEFAULT 0,
        proposals INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE sources (
        sha256 TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        first_run INTEGER NOT NULL REFERENCES runs(id),
        first_seen TEXT NOT NULL
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        exact TEXT NOT NULL,
        signature TEXT NOT NULL,
        title TEXT,
        source TEXT NOT NULL,
        text TEXT NOT NULL,
        first_run INTEGER NOT NULL REFERENCES runs(id),
        first_seen TEXT NOT NULL,
        first_period TEXT NOT NULL
    );
    CREATE INDEX articles_exact ON articles(exact);
    CREATE TABLE proposals (
        id INTEGER PRIMARY KEY,
        article INTEGER NOT NULL REFERENCES articles(id),
        run INTEGER NOT NULL REFERENCES runs(id),
        speaker TEXT,
        role TEXT,
        body TEXT,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        themes TEXT NOT NULL
    );
    CREATE INDEX proposals_speaker ON proposals(speaker);
    """,
    # 2: locality-sensitive-hashing bands for near duplicates; publication dates;
    #    which run saw which article
    """
    CREATE TABLE bands (
        band INTEGER NOT NULL,
        key INTEGER NOT NULL,
        article INTEGER NOT NULL REFERENCES articles(id)
    );
    CREATE INDEX bands_lookup ON bands(band, key);
    ALTER TABLE articles ADD COLUMN published TEXT;
    CREATE TABLE sightings (
        article INTEGER NOT NULL REFERENCES articles(id),
        run INTEGER NOT NULL REFERENCES runs(id),
        PRIMARY KEY (article, run)
    );
    INSERT INTO sightings (article, run) SELECT id, first_run FROM articles;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class ArchiveError(BriefingError):
    """The archive cannot be opened or is newer than this version of briefing."""


@dataclass(frozen=True)
class Known:
    """An article the archive has seen."""

    id: int
    title: str | None
    first_seen: str
    first_period: str
    similarity: float


def default_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("briefing")) / "archive.sqlite"


def resolve_path(configured: Path | None) -> Path:
    """The archive a run uses: the one configured (``archive`` in briefing.toml or
    ``--archive``), else $BRIEFING_ARCHIVE, else the user data folder's."""
    import os

    env = os.environ.get("BRIEFING_ARCHIVE")
    return (configured or (Path(env) if env else default_path())).expanduser()


class Archive:
    def __init__(self, path: Path, upto: int | None = None) -> None:
        """Open (or create) the archive and bring its schema up to date
        (``upto``: stop at that version; for tests of upgrades)."""
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate(SCHEMA_VERSION if upto is None else upto)
        except sqlite3.DatabaseError as exc:
            raise ArchiveError(f"{path}: cannot open the archive ({exc})") from None
        except OSError as exc:
            raise ArchiveError(f"{path}: cannot create the archive ({exc.strerror or exc})") from None

    def _migrate(self, target: int) -> None:
        version = self.version()
        if version > SCHEMA_VERSION:
            raise ArchiveError(
                f"{self.path}: archive schema version {version} is newer than this briefing "
                f"understands ({SCHEMA_VERSION}); upgrade briefing"
            )
        while version < target:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                if self.version() == version:  # another process may have migrated meanwhile
                    for statement in MIGRATIONS[version].split(";"):
                        if statement.strip():
                            self.db.execute(statement)
                    self.db.execute(f"PRAGMA user_version={version + 1}")
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            version = self.version()

    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self.db.close()

    # -- a run -----------------------------------------------------------------
    def begin(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.db.execute("COMMIT")

    def rollback(self) -> None:
        self.db.execute("ROLLBACK")

    def add_run(self, started: str, period: str, title: str) -> int:
        cur = self.db.execute("INSERT INTO runs (started, period, title) VALUES (?, ?, ?)", (started, period, title))
        return int(cur.lastrowid or 0)

    def finish_run(self, run: int, sources: int, articles: int, proposals: int) -> None:
        self.db.execute(
            "UPDATE runs SET sources = ?, articles = ?, proposals = ? WHERE id = ?", (sources, articles, proposals, run)
        )

    def add_source(self, sha256: str, name: str, run: int, seen: str) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO sources (sha256, name, first_run, first_seen) VALUES (?, ?, ?, ?)",
            (sha256, name, run, seen),
        )

    def find(self, exact: str, signature: tuple[int, ...], bands: Iterable[int], threshold: float) -> Known | None:
        """The archived article this text is, exactly or nearly; None if new."""
        row = self.db.execute(
            "SELECT id, title, first_seen, first_period FROM articles WHERE exact = ? ORDER BY id LIMIT 1", (exact,)
        ).fetchone()
        if row:
            return Known(row[0], row[1], row[2], row[3], 1.0)
        from .dedupe import similarity

        best: Known | None = None
        candidates = {
            r[0]
            for band, key in enumerate(bands)
            for r in self.db.execute("SELECT article FROM bands WHERE band = ? AND key = ?", (band, key))
        }
        for article in sorted(candidates):
            aid, title, seen, period, sig = self.db.execute(
                "SELECT id, title, first_seen, first_period, signature FROM articles WHERE id = ?", (article,)
            ).fetchone()
            score = similarity(signature, tuple(json.loads(sig)))
            if score >= threshold and (best is None or score > best.similarity):
                best = Known(aid, title, seen, period, score)
        return best

    def add_article(
        self,
        run: int,
        exact: str,
        signature: tuple[int, ...],
        bands: Iterable[int],
        title: str | None,
        source: str,
        text: str,
        seen: str,
        period: str,
        published: str | None,
    ) -> int:
        cur = self.db.execute(
            "INSERT INTO articles"
            " (exact, signature, title, source, text, first_run, first_seen, first_period, published)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (exact, json.dumps(signature), title, source, text, run, seen, period, published),
        )
        article = int(cur.lastrowid or 0)
        self.sighted(article, run)
        self.db.executemany(
            "INSERT INTO bands (band, key, article) VALUES (?, ?, ?)", [(b, k, article) for b, k in enumerate(bands)]
        )
        return article

    def sighted(self, article: int, run: int) -> None:
        self.db.execute("INSERT OR IGNORE INTO sightings (article, run) VALUES (?, ?)", (article, run))

    def add_proposal(
        self, article: int, run: int, speaker: str | None, role: str | None, body: str | None, kind: str, text: str,
        themes: Iterable[str],
    ) -> None:  # fmt: skip
        self.db.execute(
            "INSERT INTO proposals (article, run, speaker, role, body, kind, text, themes)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (article, run, speaker, role, body, kind, text, json.dumps(list(themes), ensure_ascii=False)),
        )

    # -- reading -----------------------------------------------------------------
    def earlier_proposals(self, period: str) -> list[str]:
        """The texts of the proposals recorded in runs of other periods (what a
        proposal of this period is new against)."""
        rows = self.db.execute(
            "SELECT p.text FROM proposals p JOIN runs r ON r.id = p.run WHERE r.period != ?", (period,)
        )
        return [text for (text,) in rows]

    def runs(self, limit: int = 20) -> list[tuple[int, str, str, str, int, int, int]]:
        return list(
            self.db.execute(
                "SELECT id, started, period, title, sources, articles, proposals FROM runs ORDER BY id DESC LIMIT ?",
                (limit,),
            )
        )

    def trend(self, last: int) -> list[tuple[str, dict[str, int]]]:
        """Proposals per theme in each of the last periods briefed, oldest first:
        (period, counts).  A proposal counts in the period its article was first
        seen in, so re-runs and articles seen again do not count twice."""
        periods = [
            row[0]
            for row in self.db.execute("SELECT period FROM runs GROUP BY period ORDER BY MAX(id) DESC LIMIT ?", (last,))
        ]
        out = []
        for period in reversed(periods):
            counts: dict[str, int] = {}
            rows = self.db.execute(
                "SELECT p.themes FROM proposals p JOIN articles a ON a.id = p.article WHERE a.first_period = ?",
                (period,),
            )
            for (themes,) in rows:
                for key in json.loads(themes):
                    counts[key] = counts.get(key, 0) + 1
            out.append((period, counts))
        return out

    def search(
        self, speaker: str | None = None, theme: str | None = None, text: str | None = None, limit: int = 200
    ) -> list[dict[str, object]]:
        where, args = [], []
        if speaker:
            where.append("(p.speaker LIKE ? OR p.role LIKE ? OR p.body LIKE ?)")
            args += [f"%{speaker}%"] * 3
        if theme:
            where.append("p.themes LIKE ?")
            args.append(f'%"{theme}"%')
        if text:
            where.append("p.text LIKE ?")
            args.append(f"%{text}%")
        sql = (
            "SELECT p.id, r.period, a.first_seen, a.source, a.title,"
            " p.speaker, p.role, p.body, p.kind, p.text, p.themes FROM proposals p"
            " JOIN articles a ON a.id = p.article JOIN runs r ON r.id = p.run"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY p.id LIMIT ?"
        )
        cols = ("id", "period", "first_seen", "source", "article", "speaker", "role", "body", "kind", "text", "themes")
        rows = []
        for row in self.db.execute(sql, (*args, limit)):
            item = dict(zip(cols, row, strict=True))
            item["themes"] = ",".join(json.loads(str(item["themes"])))
            rows.append(item)
        return rows

    def export_csv(self, out: IO[str]) -> int:
        rows = self.search(limit=10**9)
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["id"])
        writer.writeheader()
        writer.writerows(rows)
        return len(rows)
