"""The learned decisions: the shipped model file, the model's arithmetic, the
candidate clauses and their features, and that the shipped weights are what the
training command gives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from briefing.analyse.proposals.learned import candidates, decide
from briefing.learn import MODELS_FILE, Model, bucket, model
from briefing.model import Article, Para
from briefing.text.normalize import normalize_punctuation

REPO = Path(__file__).resolve().parents[1]


def article(*paragraphs: str) -> Article:
    paras = tuple(Para(normalize_punctuation(p), p, (i,)) for i, p in enumerate(paragraphs))
    return Article("t-01", "t.txt", "news", "某地推进产业发展", None, None, paras, topic="某地推进产业发展")


def test_the_shipped_models_are_small_reviewable_files():
    path = resources.files("briefing.data").joinpath(MODELS_FILE)
    data = json.loads(path.read_text("utf-8"))
    assert set(data["models"]) == {"join", "boundary", "proposal"}
    assert len(path.read_bytes()) < 300_000  # a few hundred KB at most
    for spec in data["models"].values():
        assert 0.0 < spec["threshold"] < 1.0
        assert all(isinstance(k, str) and isinstance(v, float) for k, v in spec["weights"].items())


def test_a_model_weighs_named_features():
    m = Model("t", -1.0, {"cue": 2.0, "past": -3.0}, threshold=0.5)
    assert m.probability({}) < 0.5
    assert m.decide({"cue": 1.0})
    assert not m.decide({"cue": 1.0, "past": 1.0})
    assert m.probability({"unknown": 1.0}) == m.probability({})
    assert Model.from_json("t", m.as_json()).weights == m.weights
    assert bucket("len", 12, (6, 10, 16)) == "len<=16" and bucket("len", 40, (6, 10, 16)) == "len>16"


def test_candidates_are_the_measures_of_each_sentence_with_their_proposer():
    art = article(
        "某市交通局局长王强表示，该局将于明年开通两条快速公交线路。",
        "香港某学会建议，政府为旧楼加装电梯提供资助；同时简化审批程序，缩短工期。",
    )
    found, _rules = candidates(art)
    texts = [art.paragraphs[c.para].orig[c.start : c.end] for c in found]
    assert "该局将于明年开通两条快速公交线路" in texts
    assert any(t.startswith("政府为旧楼加装电梯提供资助") for t in texts)
    assert any(t.startswith("简化审批程序") for t in texts)
    first = found[texts.index("该局将于明年开通两条快速公交线路")]
    assert first.rule is not None and first.features["rule"] == 1.0
    assert (first.speaker.name if first.speaker else None) == "王强"
    society = found[next(i for i, t in enumerate(texts) if t.startswith("政府为旧楼"))]
    assert society.features.get("rule:suggestion") == 1.0  # a learned society's call, by the rules
    assert society.speaker is not None and society.speaker.body == "香港某学会"
    # a call the rules do not take is still a candidate, cut after its verb of suggesting
    art = article("某某关注组期望当局尽快检讨收费安排，减轻市民负担。")
    (c,) = candidates(art)[0]
    assert art.paragraphs[0].orig[c.start : c.end].startswith("当局尽快检讨收费安排")
    assert c.features.get("cut:suggest") == 1.0 or c.rule is not None


def test_the_shipped_model_takes_a_plain_proposal_and_leaves_a_statistic():
    if model("proposal") is None:
        pytest.skip("no model shipped")
    art = article(
        "市政协委员李红建议，设立人才发展专项资金，支持高校与企业联合培养技能人才。",
        "今年一季度，全市规模以上工业增加值同比增长8.5%。",
    )
    taken = [p.text for p in decide(art)]
    assert any(t.startswith("设立人才发展专项资金") for t in taken)
    assert not any("同比增长" in t for t in taken)


@pytest.mark.slow
def test_the_shipped_weights_are_what_training_gives():
    pytest.importorskip("sklearn")
    shared = Path(os.environ.get("BRIEFING_SHARED", REPO.parent / "shared"))
    if not (shared / "dev" / "gold").is_dir() or not (shared / "tools" / "reflow.py").is_file():
        if os.environ.get("BRIEFING_REQUIRE_GOLD"):
            pytest.fail("the annotated pages are missing")
        pytest.skip("the annotated pages are not beside the checkout")
    run = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "train.py"), "--check"], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
