from __future__ import annotations

from pathlib import Path

from briefing.config import Settings
from briefing.pipeline import build, collect

TRAD = (
    "某區推進智能製造 打造產業新高地\n\n□本報記者 王小明\n\n"
    "市政協委員、某集團董事長錢海峰建議，加快建設工業互聯網平臺，設立人才發展專項資金。\n\n"
    "錢海峰表示，集團將加大研發投入。\n"
)


def test_traditional_page_is_analysed_and_quoted_in_its_own_script(tmp_path: Path):
    (tmp_path / "trad.txt").write_text(TRAD, "utf-8")
    briefing = build(collect([str(tmp_path)]), Settings())
    (source,) = briefing.sources
    assert source.script == "traditional"
    (analysis,) = briefing.analyses
    assert analysis.article.title == "某區推進智能製造 打造產業新高地"
    first = analysis.proposals[0]
    assert first.speaker == "錢海峰"
    assert first.role == "市政協委員、某集團董事長"
    assert first.mandate == "cppcc"
    assert first.text == "加快建設工業互聯網平臺，設立人才發展專項資金"
    assert {"digital", "talent", "finance"} <= set(first.theme_keys)
    assert all(s.orig in TRAD for s in analysis.summary)


def test_skipped_inputs_are_listed_and_the_rest_is_used(tmp_path: Path):
    (tmp_path / "good.txt").write_text(TRAD, "utf-8")
    (tmp_path / "empty.md").write_text("", "utf-8")
    briefing = build(collect([str(tmp_path)]), Settings())
    assert [s.name for s in briefing.sources] == ["good.txt"]
    assert [(Path(s.path).name, s.reason) for s in briefing.skipped] == [("empty.md", "empty file")]


def test_key_figures_are_statistics_quoted_verbatim():
    from briefing.analyse.figures import find_figures
    from briefing.model import Article, Para

    text = "截至2022年末，全市5G基站达2.1万个，同比增长7.09%。会议部署了7项重大任务。5月16日，代表们参观了园区。"
    art = Article("t-01", "t.txt", "news", "题", None, None, (Para(text, text, (1,)),))
    assert [f.text for f in find_figures(art)] == ["截至2022年末，全市5G基站达2.1万个，同比增长7.09%"]


def test_seed_pages_are_not_dated_in_the_future(seed_briefing, seeds):
    import re
    from datetime import date

    run_day = date.fromisoformat(seed_briefing.generated[:10])
    for info in seed_briefing.sources:
        published = date.fromisoformat(info.published)
        assert published <= run_day, info
        if info.date_source == "dateline":  # a month and day printed, the year inferred
            text = (seeds / info.name).read_text("utf-8")
            for year in re.findall(r"截至(20\d\d)年末", text):
                assert published.year >= int(year) + 1, info


def test_a_measure_printed_again_on_another_page_is_listed_once_with_its_places(tmp_path: Path):
    story = (
        "某市推进数字经济发展\n\n"
        "某市经济信息委主任王立新表示，某市将加快建设数字经济产业园区，力争明年引进一百家数字企业。\n\n"
        "某区区长李明说，某区将新建三所职业学校，培养更多技能人才。\n"
    )
    (tmp_path / "day1.txt").write_text(story, "utf-8")
    (tmp_path / "day2.txt").write_text("某市数字经济发展提速\n\n" + story.split("\n\n", 1)[1], "utf-8")
    briefing = build(collect([str(tmp_path)]), Settings())
    texts = [p.text for p in briefing.proposals]
    assert len(texts) == len(set(texts)) == 2
    first = next(p for p in briefing.proposals if p.speaker == "王立新")
    assert first.article.startswith("day1") and [a.split("-")[0] for a, _ in first.also] == ["day2"]
    from briefing.render import RenderOptions
    from briefing.render.markdown import render_markdown

    md = render_markdown(briefing, RenderOptions()).decode("utf-8")
    line = next(ln for ln in md.splitlines() if "加快建设数字经济产业园区" in ln and ln.startswith("|"))
    assert line.count("[^") == 2  # cited where it was read, and where it is said again


def test_the_same_measure_from_another_proposer_is_kept(tmp_path: Path):
    measure = "应加快建设数字经济产业园区，引进更多数字企业。\n"
    (tmp_path / "a.txt").write_text("某市推进数字经济发展\n\n某市经济信息委主任王立新表示，" + measure, "utf-8")
    (tmp_path / "b.txt").write_text("委员建言数字经济\n\n某大学教授赵一鸣委员建议，" + measure, "utf-8")
    briefing = build(collect([str(tmp_path)]), Settings())
    assert sorted(p.speaker or "" for p in briefing.proposals) == ["王立新", "赵一鸣"]


def test_the_growing_index_of_kept_measures_finds_what_comparing_every_two_finds():
    import random

    from briefing.analyse.salience import SAME_MEASURE, _PairIndex, _pairs

    rng = random.Random(5)
    words = ["推进", "发展", "加快", "建设", "产业", "园区", "数字", "经济", "人才", "能源"]
    sets = [_pairs("".join(rng.choice(words) for _ in range(rng.randint(1, 8)))) for _ in range(200)]
    kept = _PairIndex(sets, grow=True)
    for k, query in enumerate(sets):
        expected = [j for j in range(k) if len(query & sets[j]) / min(len(query), len(sets[j])) >= SAME_MEASURE]
        assert kept.same_measure(query) == expected
        kept.add(k)
