"""The archive: dates, duplicates within and across runs, subcommands, migrations, concurrency."""

from __future__ import annotations

import json
import multiprocessing
import random
import sqlite3
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.archive.dates import page_year, parse_period, publication_date
from briefing.archive.dedupe import THRESHOLD, exact_key, signature, similarity
from briefing.archive.store import SCHEMA_VERSION, Archive, ArchiveError
from briefing.cli import app

runner = CliRunner()
RUN_DAY = date(2025, 3, 24)


def test_publication_date_from_file_name_masthead_or_dateline():
    assert publication_date("cqrb-2025-03-22-p3.txt", "", RUN_DAY).day == date(2025, 3, 22)
    assert publication_date("20250322.txt", "", RUN_DAY).source == "file name"
    masthead = "重庆日报\n2025年3月22日 星期六\n\n头条新闻"
    assert publication_date("p.txt", masthead, RUN_DAY).day == date(2025, 3, 22)
    dateline = "标题\n\n本报讯(记者 王一)3月21日,全市召开大会。另讯 3月20日消息。"
    found = publication_date("p.txt", dateline, RUN_DAY)
    assert (found.day, found.source) == (date(2025, 3, 21), "dateline")
    december = publication_date("p.txt", "本报讯(记者 王一)12月30日,会议举行。", date(2026, 1, 3))
    assert december.day == date(2025, 12, 30)
    assert publication_date("p.txt", "没有日期的页面。", RUN_DAY).source == "run date"


def test_a_pages_year_comes_from_the_years_it_speaks_of_as_past():
    run = date(2026, 11, 30)
    page = "本报讯(记者 李明)4月12日,记者获悉,截至2022年末,全市累计建成充电桩一万个。到2030年,将再建两万个。"
    assert page_year(page, run) == 2023  # 截至2022年末: the page is of 2023 or later; 2030 is a target
    assert publication_date("p.txt", page, run).day == date(2023, 4, 12)
    assert page_year("2024年以来,外贸进出口保持增长。力争2028年前实现翻番。", run) == 2024
    assert page_year("2025年1至8月,规模以上工业增加值增长6%。", run) == 2025
    assert page_year("到2035年基本实现现代化。", run) is None  # only a target
    assert page_year("没有年份。", run) is None


def test_a_page_is_never_dated_in_the_future():
    run = date(2026, 3, 1)
    page = "本报讯(记者 李明)11月20日,截至2025年末的数据显示……"  # 2026-11-20 would be after the run
    found = publication_date("p.txt", page, run)
    assert found.day == date(2025, 11, 20) and found.day <= run


def test_periods():
    assert parse_period("2025-W12") == (date(2025, 3, 17), date(2025, 3, 23))
    assert parse_period("2025-02") == (date(2025, 2, 1), date(2025, 2, 28))
    with pytest.raises(ValueError):
        parse_period("last week")


# -- duplicate detection, measured on a set built from the seed pages ----------------


def _variants(text: str, rng: random.Random) -> dict[str, str]:
    """Copies of an article as it reaches a second time: the same, re-flowed, edited."""
    cuts = sorted(rng.sample(range(1, len(text)), k=max(1, len(text) // 30)))
    reflowed = "\n\n".join(text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True))
    chars = list(text)
    for _ in range(max(1, len(chars) // 50)):  # about 2 % of the characters changed
        chars[rng.randrange(len(chars))] = rng.choice("的一是在不了有和人这中大为上个")
    sentences = [s for s in text.split("。") if s]
    cut = "。".join(s for k, s in enumerate(sentences) if k != len(sentences) // 2) + "。"  # one sentence less
    return {"copy": text, "reflowed": reflowed, "edited": "".join(chars), "shortened": cut}


def test_duplicate_detection_precision_and_recall(seed_briefing):
    rng = random.Random(11)
    bodies = [
        "".join(p.orig for p in a.article.body)
        for a in seed_briefing.analyses
        if len("".join(p.orig for p in a.article.body)) >= 150
    ]
    sigs = [signature(b) for b in bodies]
    tp = fn = 0
    for body, sig in zip(bodies, sigs, strict=True):
        for variant in _variants(body, rng).values():
            same = exact_key(variant) == exact_key(body) or similarity(signature(variant), sig) >= THRESHOLD
            tp += same
            fn += not same
    fp = sum(1 for a, b in combinations(range(len(bodies)), 2) if similarity(sigs[a], sigs[b]) >= THRESHOLD)
    negatives = len(bodies) * (len(bodies) - 1) // 2
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn)
    print(
        f"\nduplicates: precision {precision:.3f}, recall {recall:.3f} ({tp + fn} copies, {negatives} distinct pairs)"
    )
    assert precision >= 0.95
    assert recall >= 0.90


# -- runs ------------------------------------------------------------------------------


def _make(pages: Path, out: Path, archive: Path, *extra: str):
    args = ["make", str(pages), "-o", str(out), "-f", "json,md", "--archive", str(archive), "-q", *extra]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads((out / "briefing.json").read_text("utf-8")), (out / "briefing.md").read_text("utf-8")


def _week(folder: Path, pages: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in pages.items():
        (folder / name).write_text(text, "utf-8")
    return folder


def test_weekly_runs_mark_what_was_covered_and_merge_copies(seeds: Path, tmp_path: Path):
    archive = tmp_path / "archive.sqlite"
    texts = {p.name: p.read_text("utf-8") for p in sorted(seeds.glob("*.txt"))}
    names = list(texts)
    week1 = _week(tmp_path / "w1", {f"2025-03-18-{n}": texts[n] for n in names[:3]})
    first, _ = _make(week1, tmp_path / "o1", archive, "--period", "2025-W12")
    assert not any(a["seen_before"] for a in first["articles"])

    # week 2: page 2 again, re-flowed (another copy of the same print), and a new page twice
    reflowed = texts[names[1]].replace("\n\n", "\n")
    new_page = f"2025-03-25-{names[3]}"
    week2 = _week(
        tmp_path / "w2",
        {"2025-03-24-again.txt": reflowed, new_page: texts[names[3]], "2025-03-26-web-copy.txt": texts[names[3]]},
    )
    second, md = _make(week2, tmp_path / "o2", archive, "--period", "2025-W13")
    seen = [a for a in second["articles"] if a["seen_before"]]
    assert seen and all(a["source"] == "2025-03-24-again.txt" for a in seen)
    assert {a["first_seen"] for a in seen} == {first["generated"][:10]}
    assert "## Already covered" in md
    new = [a for a in second["articles"] if not a["seen_before"]]
    assert new and all(a["source"] == new_page for a in new)  # the web copy was merged into it
    assert all(any("web-copy.txt" in d for d in a["duplicates"]) for a in new)
    seen_ids = {a["id"] for a in seen}
    assert not any(p["article"] in seen_ids for p in second["proposals"])
    assert [t["run"] for t in second["trend"]] == ["2025-W12", "2025-W13"]
    assert "### Trend" in md

    # the same week again: the same briefing, nothing "seen before"
    again, _ = _make(week2, tmp_path / "o3", archive, "--period", "2025-W13")
    assert [a["seen_before"] for a in again["articles"]] == [a["seen_before"] for a in second["articles"]]
    assert [t["run"] for t in again["trend"]] == ["2025-W12", "2025-W13"]


def test_period_and_since_select_pages_by_their_date(tmp_path: Path):
    page = "重庆日报\n{masthead}\n\n某区推进智能制造\n\n本报讯(记者 王一)某区将加快建设智能工厂,推动园区扩能升级。\n"
    folder = _week(
        tmp_path / "pages",
        {
            "a.txt": page.format(masthead="2025年3月18日 星期二"),
            "b.txt": page.format(masthead="2025年3月28日 星期五"),
            "2025-03-19.txt": page.format(masthead=""),
        },
    )
    out = tmp_path / "out"
    result = runner.invoke(app, ["make", str(folder), "-o", str(out), "-f", "json", "--period", "2025-W12", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "briefing.json").read_text("utf-8"))
    assert data["period"] == "2025-W12"
    assert sorted(s["name"] for s in data["sources"]) == ["2025-03-19.txt", "a.txt"]
    assert {s["date_source"] for s in data["sources"]} == {"file name", "masthead"}
    assert "b.txt" in result.output and "outside the selected period" in result.output
    since = runner.invoke(app, ["make", str(folder), "-o", str(out), "-f", "json", "--since", "2025-03-25", "-q"])
    assert since.exit_code == 0
    assert [s["name"] for s in json.loads((out / "briefing.json").read_text("utf-8"))["sources"]] == ["b.txt"]


def test_no_archive_leaves_no_trace(seeds: Path, tmp_path: Path):
    archive = tmp_path / "none.sqlite"
    result = runner.invoke(
        app, ["make", str(seeds), "-o", str(tmp_path / "o"), "--archive", str(archive), "--no-archive", "-q"]
    )
    assert result.exit_code == 0
    assert not archive.exists()


def test_archive_subcommands(seeds: Path, tmp_path: Path):
    archive = tmp_path / "archive.sqlite"
    _make(seeds, tmp_path / "o", archive)
    runs = runner.invoke(app, ["archive", "runs", "--archive", str(archive)])
    assert runs.exit_code == 0 and runs.output.splitlines()[1].startswith("1\t")
    found = runner.invoke(app, ["archive", "search", "--archive", str(archive), "--speaker", "吴海涛"])
    assert found.exit_code == 0 and "抽水蓄能" in found.output
    energy = runner.invoke(app, ["archive", "search", "--archive", str(archive), "--theme", "energy", "--limit", "3"])
    assert len(energy.output.splitlines()) == 3
    csv_file = tmp_path / "proposals.csv"
    export = runner.invoke(app, ["archive", "export", "--archive", str(archive), "-o", str(csv_file)])
    assert export.exit_code == 0
    import csv

    rows = list(csv.DictReader(csv_file.read_text("utf-8-sig").splitlines()))
    assert len(rows) > 100 and {"speaker", "role", "kind", "text", "themes", "period"} <= set(rows[0])
    missing = runner.invoke(app, ["archive", "runs", "--archive", str(tmp_path / "nothing.sqlite")])
    assert missing.exit_code == 3 and "no archive yet" in missing.output


def test_an_old_archive_is_migrated_and_keeps_its_data(tmp_path: Path):
    path = tmp_path / "old.sqlite"
    old = Archive(path, upto=1)
    assert old.version() == 1
    old.db.execute("INSERT INTO runs (started, period, title) VALUES ('2025-03-01T00:00:00', '2025-W09', 'old')")
    old.db.execute(
        "INSERT INTO articles (exact, signature, title, source, text, first_run, first_seen, first_period)"
        " VALUES ('k', '[]', 't', 's.txt', 'text', 1, '2025-03-01', '2025-W09')"
    )
    old.close()
    new = Archive(path)
    assert new.version() == SCHEMA_VERSION
    assert new.runs()[0][3] == "old"
    assert new.db.execute("SELECT article, run FROM sightings").fetchall() == [(1, 1)]
    assert new.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    new.close()


def test_a_newer_archive_is_refused_clearly(tmp_path: Path):
    path = tmp_path / "future.sqlite"
    sqlite3.connect(path).execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(ArchiveError, match="newer"):
        Archive(path)


def _record(args: tuple[str, str, str]) -> int:
    from briefing.config import Settings
    from briefing.pipeline import build, collect, remember

    seeds, archive, period = args
    settings = Settings(archive=Path(archive), period=period, jobs=1)
    return remember(build(collect([seeds]), settings), settings).run or 0


@pytest.mark.slow
def test_two_runs_at_once_do_not_corrupt_the_archive(seeds: Path, tmp_path: Path):
    archive = tmp_path / "shared.sqlite"
    Archive(archive).close()
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        runs = pool.map(_record, [(str(seeds), str(archive), "2025-W12"), (str(seeds), str(archive), "2025-W13")])
    assert sorted(runs) == [1, 2]
    db = Archive(archive)
    assert db.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(db.runs()) == 2
    articles = db.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert articles == len({r[0] for r in db.db.execute("SELECT exact FROM articles")})  # each article once
    db.close()


def test_trend_counts_each_proposal_in_the_period_it_was_first_seen(seeds: Path, tmp_path: Path):
    archive = tmp_path / "archive.sqlite"
    texts = {p.name: p.read_text("utf-8") for p in sorted(seeds.glob("*.txt"))}
    names = list(texts)
    w1 = _week(tmp_path / "w1", {f"2025-03-18-{names[0]}": texts[names[0]]})
    first, _ = _make(w1, tmp_path / "o1", archive, "--period", "2025-W12")
    w2 = _week(tmp_path / "w2", {f"2025-03-25-{n}": texts[n] for n in names[:2]})
    second, _ = _make(w2, tmp_path / "o2", archive, "--period", "2025-W13")
    trend = {t["run"]: sum(t["proposals"].values()) for t in second["trend"]}
    week1 = sum(len(p["themes"]) for p in first["proposals"])
    week2_new = sum(len(p["themes"]) for p in second["proposals"])
    assert trend == {"2025-W12": week1, "2025-W13": week2_new}
