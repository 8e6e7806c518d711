from briefing.text.normalize import normalize_punctuation
from briefing.text.sentences import split_sentences


def test_sentence_ends_and_closing_quotes():
    text = "增长7.09%，达到1、2级标准。“我们将继续推进。”他说。好的……然后呢？最后一句没有标点"
    assert split_sentences(text) == [
        "增长7.09%，达到1、2级标准。",
        "“我们将继续推进。”他说。",
        "好的……",
        "然后呢？",
        "最后一句没有标点",
    ]


def test_full_stop_inside_quotation_does_not_end_the_sentence():
    text = "他表示：“一是要加强。二是要推进。”"
    assert split_sentences(text) == ["他表示：“一是要加强。二是要推进。”"]


def test_ascii_punctuation_decimals_and_enumerations():
    text = normalize_punctuation("Revenue rose 5.2% in 2024. Mr. Li said so? 1. 加强规划；2. 完善政策。Done...")
    assert split_sentences(text) == [
        "Revenue rose 5.2% in 2024.",
        "Mr. Li said so？",
        "1. 加强规划；2. 完善政策。",
        "Done...",
    ]


def test_a_subhead_printed_into_a_paragraph_is_not_part_of_the_sentence():
    text = "会议听取了汇报。聚焦短板弱项 梳理问题清单 经过调研，委员们提出了十条建议。"
    assert split_sentences(text) == ["会议听取了汇报。", "经过调研，委员们提出了十条建议。"]
    names = "本报记者 张三 李四 王五报道：会议召开。"  # short names set apart stay
    assert split_sentences(names) == [names]
