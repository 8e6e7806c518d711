"""The blank line inside a paragraph: the features the join model weighs."""

from __future__ import annotations

from briefing.learn import Model
from briefing.model import Line
from briefing.text.clean import continues_word
from briefing.text.joins import candidate, features, rejoin


def line(no: int, text: str, gap: bool = False) -> Line:
    return Line(no, text, text, gap=gap)


def test_only_a_blank_line_after_an_unfinished_line_is_weighed():
    assert candidate(line(1, "政府将加快推进新的产业"), line(3, "园区建设。", gap=True))
    assert not candidate(line(1, "政府将加快推进新的产业园区建设。"), line(3, "下一段。", gap=True))


def test_a_word_a_number_or_a_quotation_running_across_the_blank_line():
    f = features(
        "会议提出要推进融资协调机", False, line(1, "会议提出要推进融资协调机"), line(3, "制建设"), continues_word
    )
    assert f["word"] == 1.0
    f = features("截至8月2", False, line(1, "截至8月2"), line(3, "0日，全市"), continues_word)
    assert f["pair=digit>digit"] == 1.0
    f = features("他说：“我们会加快", False, line(1, "他说：“我们会加快"), line(3, "建设。”"), continues_word)
    assert f["left_open"] == 1.0 and f["closes_first"] == 1.0


def test_a_line_standing_alone_after_a_finished_paragraph_is_described_so():
    f = features("某市发布新政", True, line(5, "某市发布新政"), line(7, "8月20日，某市发布"), continues_word)
    assert f["alone<=8"] == 1.0 and f["opening"] == 1.0


def test_rejoin_marks_the_lines_the_model_runs_on():
    lines = [line(1, "某市推进产业"), line(3, "园区建设", gap=True), line(5, "下一段说完了。", gap=True)]
    out = rejoin(lines, Model("join", 5.0, {}), continues_word)
    assert [x.joined for x in out] == [False, True, True]
    out = rejoin(lines, Model("join", -5.0, {}), continues_word)
    assert not any(x.joined for x in out)
    seen: list[str] = []
    rejoin(lines, None, continues_word, trace=lambda ln, f: seen.append(ln.text))
    assert seen == ["园区建设", "下一段说完了。"]
