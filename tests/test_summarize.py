from __future__ import annotations

from pathlib import Path

import pytest

from briefing import summarize
from briefing.errors import ConfigError

TEXT = (
    "重庆召开制造业高质量发展大会，部署7项重大任务。\n"
    "会议提出，加快打造国家重要先进制造业中心，推动制造强市建设取得突破性进展。\n"
    "天气晴好，会场外人来人往。\n"
    "与会代表表示，将抓实抓细各项任务，推动制造业高质量发展取得新成效。"
)


def test_summary_is_whole_verbatim_sentences_in_order_within_budget():
    out = summarize(TEXT, budget_chars=80, title="重庆推动制造业高质量发展")
    assert out
    assert sum(len(s) for s in out) <= 80
    positions = [TEXT.index(s) for s in out]
    assert positions == sorted(positions)
    assert all(s.endswith("。") for s in out)


def test_best_sentence_is_kept_even_over_budget():
    out = summarize(TEXT, budget_chars=20)
    assert len(out) == 1 and out[0] in TEXT


def test_lead_backend_takes_the_first_sentences():
    assert summarize(TEXT, 40, method="lead") == ["重庆召开制造业高质量发展大会，部署7项重大任务。"]


def test_unknown_backend_is_a_clear_error():
    with pytest.raises(ConfigError, match="unknown summarizer"):
        summarize(TEXT, 100, method="nope")


def test_ascii_punctuation_is_quoted_as_printed():
    text = "会议提出,要加快发展数字经济.代表们表示,将推动产业升级。"
    out = summarize(text, 200)
    assert all(s in text for s in out)


def test_lines_broken_mid_sentence_are_joined():
    text = "重庆召开制造业高质量发展大\n会，部署7项重大任务。\n会议提出，加快打造国家重要先进制造业中心。"
    out = summarize(text, 200, method="lead")
    assert out[0] == "重庆召开制造业高质量发展大会，部署7项重大任务。"


def test_small_budget_takes_the_lead_sentence():
    text = "互联网大战愈演愈烈，各方加快布局。其后的竞争集中在支付领域。分析人士认为格局仍将变化。"
    assert summarize(text, 12) == ["互联网大战愈演愈烈，各方加快布局。"]


@pytest.mark.slow
def test_snownlp_backend_returns_whole_verbatim_sentences():
    out = summarize(TEXT, 80, method="snownlp")
    assert out and all(s in TEXT for s in out)
    assert sum(len(s) for s in out) <= 80 or len(out) == 1


def _figures_of(folder: str):
    from briefing.config import Settings
    from briefing.pipeline import build, collect

    briefing = build(collect([folder]), Settings())
    return [(a.article.paragraphs[f.para].orig, f.text) for a in briefing.analyses for f in a.figures]


@pytest.mark.parametrize("where", ["seeds", "dev"])
def test_key_figures_are_whole_clauses_of_the_body(where: str, seeds: Path):
    import re

    folder = seeds if where == "seeds" else seeds.parents[1] / "shared" / "dev" / "texts"
    if not folder.is_dir():
        pytest.skip(f"{folder} not found")
    figures = _figures_of(str(folder))
    assert figures
    for para, text in figures:
        at = para.find(text)
        assert at >= 0, text
        before, after = para[at - 1 : at], para[at + len(text) : at + len(text) + 1]
        # …after a clause break, or after a sentence that ends inside a quotation (。」)
        closed = para[max(0, at - 2) : at - 1] in tuple("。！？") and before in "”’」』"
        assert closed or before in ("", *"，,；;。！？：:、“‘「（(　 "), (before, text)
        # a figure that ends a sentence (。, ……) may be followed by anything
        assert text[-1] in "。！？…" or after in ("", *"，,；;。.！？”’」）)…　 "), (text, after)
        assert not re.search(r"[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff“]", text), text  # no heading glued
        assert sum(text.count(c) for c in "”」）") <= sum(text.count(c) for c in "“「（"), text  # no dangling close
