"""Salience: who proposes, how concrete, how many speakers, whether new; the week's
leading proposals."""

from __future__ import annotations

from briefing.analyse.salience import score, top, what_points, who_points
from briefing.model import Proposal


def _p(n: int, text: str, speaker: str | None = None, role: str | None = None, body: str | None = None) -> Proposal:
    return Proposal(f"a-{n}", "a", speaker, role, body, "plan", text, 0)


def test_who_weighs_mandate_and_seniority():
    assert who_points(_p(1, "x", "周明", "某省副省长"))[0] > who_points(_p(2, "x", "李华", "某区发改委主任"))[0]
    assert who_points(_p(3, "x", "王芳", "市人大代表"))[0] > who_points(_p(4, "x", "赵强", "某公司董事长"))[0]
    assert who_points(_p(5, "x", body="我市")) == (0.0, "speaker is the paper's own 我市")
    assert who_points(_p(6, "x", body="《关于加快发展的实施意见》"))[0] == 0.0


def test_what_counts_concrete_elements():
    points, reasons = what_points("到2027年新建“智慧园区”示范工程5个，设立20亿元产业基金")
    assert points == 3 and "what: an amount" in reasons and "what: a deadline" in reasons
    assert what_points("进一步加强统筹协调，不断提升服务水平")[0] == 0


def test_same_measure_by_several_speakers_and_novelty():
    a = _p(1, "加快建设公共算力平台，降低中小企业用算力的成本", "陈明", "某市科技局局长")
    b = _p(2, "建设公共算力平台，降低中小企业用算力成本", "刘洋", "某市政协委员")
    c = _p(3, "推进老旧小区电梯加装工作，年内完成300台", "孙丽", "某区住建委主任")
    ranked = {s.proposal: s for s in score([a, b, c], earlier=["推进老旧小区电梯加装工作，年内完成300台"])}
    assert ranked["a-1"].cluster == ("a-2",) and ranked["a-1"].repeat == 0.5
    assert ranked["a-1"].new == 1.0 and ranked["a-3"].new == 0.0
    assert any("also proposed by 刘洋" in r for r in ranked["a-1"].reasons)
    leading = top([a, b, c], list(ranked.values()))
    assert [p.id for p, _ in leading][:1] == ["a-1"] and "a-2" not in [p.id for p, _ in leading]


def test_weights_are_configurable():
    p = _p(1, "年内新建5个社区食堂", "陈明", "某区民政局局长")
    plain = score([p])[0]
    heavy = score([p], {"what": 3.0})[0]
    assert heavy.score > plain.score and "novelty: no archive to compare" in plain.reasons


def test_leading_proposals_of_the_seeds(seed_briefing):
    from briefing.analyse.places import self_reference
    from briefing.render.view import leading

    items = leading(seed_briefing)
    assert len(items) == 10
    for p, s in items:
        assert p.speaker or p.body
        assert not self_reference(p.speaker or p.body) and "《" not in (p.speaker or p.body or "")
        assert s.what > 0, p.text  # a concrete element
    places = [p for p in seed_briefing.proposals if p.body and self_reference(p.body)]
    assert places and all(p.place and p.place.endswith("市") for p in places)


def test_length_brief_from_the_command_line(tmp_path):
    from typer.testing import CliRunner

    from briefing.cli import app

    page = tmp_path / "p.txt"
    page.write_text(
        "某区推进智能制造 打造产业新高地\n\n□本报记者 王小明\n\n"
        "市人大代表、某区区委书记孙大为表示，某区将在年内建成10个智能工厂，设立5亿元转型基金。\n",
        "utf-8",
    )
    out = tmp_path / "o"
    result = CliRunner().invoke(app, ["make", str(page), "--out", str(out), "--length", "brief", "--no-archive"])
    assert result.exit_code == 0, result.output
    md = (out / "briefing.md").read_text("utf-8")
    assert "## Annex: every proposal" in md and "## Article summaries" not in md
    assert "Salience" in md and "孙大为" in md
    bad = CliRunner().invoke(app, ["make", str(page), "--out", str(out), "--length", "short", "--no-archive"])
    assert bad.exit_code == 2 and "length must be brief or full" in bad.output


def test_novelty_against_the_archives_earlier_weeks(tmp_path):
    from datetime import UTC, datetime

    from briefing.config import Settings
    from briefing.pipeline import build, collect, remember

    week1, week2 = tmp_path / "w1", tmp_path / "w2"
    week1.mkdir()
    week2.mkdir()
    (week1 / "a.txt").write_text(
        "算力平台建设提速\n\n□本报记者 王小明\n\n"
        "市科技局局长陈明表示，将建设公共算力平台，年内降低中小企业用算力成本三成。\n",
        "utf-8",
    )
    (week2 / "b.txt").write_text(
        "委员建言数字经济\n\n□本报记者 李青\n\n市政协委员刘洋建议，建设公共算力平台，年内降低中小企业用算力成本三成。"
        "市人大代表孙丽建议，年内新建5所托育中心。\n",
        "utf-8",
    )
    settings = Settings(archive=tmp_path / "archive.sqlite")
    first = remember(build(collect([str(week1)]), settings, now=datetime(2025, 3, 24, tzinfo=UTC)), settings)
    assert all(s.new == 1.0 for s in first.salience)
    second = remember(build(collect([str(week2)]), settings, now=datetime(2025, 4, 7, tzinfo=UTC)), settings)
    by_text = {p.text: s for p in second.proposals for s in second.salience if s.proposal == p.id}
    seen = next(s for t, s in by_text.items() if "算力" in t)
    fresh = next(s for t, s in by_text.items() if "托育" in t)
    assert seen.new == 0.0 and "seen in an earlier period" in seen.reasons
    assert fresh.new == 1.0


def test_salience_weights_in_the_config(tmp_path):
    import pytest

    from briefing.config import load_settings
    from briefing.errors import ConfigError

    config = tmp_path / "briefing.toml"
    config.write_text('length = "brief"\n[salience]\nwhat = 2.0\nnew = 1\n', "utf-8")
    settings = load_settings(config)
    assert dict(settings.salience) == {"what": 2.0, "new": 1.0} and settings.length == "brief"
    config.write_text("[salience]\nwho = -1\n", "utf-8")
    with pytest.raises(ConfigError, match="weights must be numbers"):
        load_settings(config)
    config.write_text("[salience]\nbeauty = 1\n", "utf-8")
    with pytest.raises(ConfigError, match="unknown weight"):
        load_settings(config)


def test_the_pair_index_finds_what_comparing_every_two_finds():
    import random

    from briefing.analyse.salience import SAME_MEASURE, _PairIndex, _pairs

    rng = random.Random(3)
    words = ["推进", "发展", "加快", "建设", "产业", "园区", "数字"]
    words += ["经济", "人才", "引进", "能源", "绿色", "创新", "平台"]
    texts = ["".join(rng.choice(words) for _ in range(rng.randint(1, 9))) for _ in range(300)]
    sets = [_pairs(t) for t in texts]
    index = _PairIndex(sets)

    def brute(query: set[str]) -> list[int]:
        return [
            k for k, s in enumerate(sets) if s and query and len(query & s) / min(len(query), len(s)) >= SAME_MEASURE
        ]

    for query in [*sets[:150], _pairs("加快推进数字经济产业园区建设"), set()]:
        assert index.same_measure(query) == brute(query)
        assert index.same_measure(query, shorter_only=True) == [k for k in brute(query) if len(sets[k]) <= len(query)]
