from __future__ import annotations

from pathlib import Path

import pytest

from briefing.analyse.themes import assign, load_taxonomy, proposal_themes
from briefing.errors import ConfigError


def test_packaged_taxonomy_has_the_core_themes():
    keys = [t.key for t in load_taxonomy().themes]
    for key in ("innovation", "digital", "energy", "talent", "industry", "finance", "green", "other"):
        assert key in keys


def test_assignment_is_multi_label_with_evidence():
    hits = assign("加快建设工业互联网平台，设立人才发展专项资金", load_taxonomy())
    by_key = {h.theme: h for h in hits}
    assert "digital" in by_key and "工业互联网" in by_key["digital"].terms
    assert "talent" in by_key and "finance" in by_key


def test_unmatched_text_falls_back_to_other():
    assert [h.theme for h in assign("天气晴好", load_taxonomy())] == ["other"]


def test_user_taxonomy_replaces_the_packaged_one(tmp_path: Path):
    path = tmp_path / "themes.toml"
    path.write_text(
        '[[theme]]\nkey = "water"\nlabel_zh = "水务"\nlabel_en = "Water"\nterms = { "水库" = 1.0 }\n', "utf-8"
    )
    tax = load_taxonomy(path)
    assert [t.key for t in tax.themes] == ["water", "other"]
    assert assign("新建大型水库", tax)[0].theme == "water"


def test_misspelt_taxonomy_key_is_an_error(tmp_path: Path):
    path = tmp_path / "themes.toml"
    path.write_text('[[theme]]\nkey = "x"\nlabel_zh = "x"\nlabel_en = "x"\nterm = {}\n', "utf-8")
    with pytest.raises(ConfigError, match="unknown key"):
        load_taxonomy(path)


def test_a_proposal_without_theme_words_takes_the_headline_topic_its_article_bears_out():
    taxonomy = load_taxonomy()
    heading = "推动新能源产业发展"
    texts = ["加快建设光伏电站", "扩大风电装机规模", "简化审批手续"]
    themes = proposal_themes(texts, heading, taxonomy)
    assert [h.theme for h in themes[2]] == ["energy"]


def test_a_headline_the_other_proposals_do_not_bear_out_gives_nothing():
    taxonomy = load_taxonomy()
    heading = "打造工业互联网平台 推动产业升级"
    texts = ["建设职业技能培训基地", "扩大高校招生规模", "简化审批手续"]
    themes = proposal_themes(texts, heading, taxonomy)
    assert [h.theme for h in themes[2]] == ["other"]


def test_new_energy_vehicles_alone_are_not_energy_policy():
    taxonomy = load_taxonomy()
    assert "energy" not in {h.theme for h in assign("扩大新能源汽车消费", taxonomy)}
    assert "energy" in {h.theme for h in assign("提高可再生能源发电比重", taxonomy)}
