"""Each speaker and clause convention, on sentences written for the test."""

from __future__ import annotations

import pytest

from briefing.analyse.proposals.clauses import marker
from briefing.analyse.proposals.walk import find_proposals  # the rules: the candidates the model weighs
from briefing.model import Article, Para
from briefing.text.normalize import normalize_punctuation


def article(*paragraphs: str, title: str | None = "某地推进产业发展", kicker: str | None = None) -> Article:
    paras = tuple(Para(normalize_punctuation(p), p, (i,)) for i, p in enumerate(paragraphs))
    return Article("t-01", "t.txt", "news", title, kicker, None, paras)


def test_mandate_after_the_name():
    art = article("某大学经济学院院长周明远委员认为，应加快建设区域性技术交易市场，完善科技成果评价机制。")
    (p,) = find_proposals(art)
    assert (p.speaker, p.kind, p.mandate) == ("周明远", "suggestion", "cppcc")
    assert p.role == "某大学经济学院院长"
    assert p.text.startswith("应加快建设区域性技术交易市场")


def test_bare_name_with_mandate_is_referred_to_later():
    art = article(
        "某县县长吴立平代表介绍了当地的做法。",
        "吴立平代表建议，设立县域数字经济发展专项资金，支持中小企业上云用数。",
    )
    (p,) = find_proposals(art)
    assert p.speaker == "吴立平"
    assert p.text == "设立县域数字经济发展专项资金，支持中小企业上云用数"


def test_topic_before_modal_after_a_verb_of_saying():
    art = article("某市市长孙海洋代表说，稳就业要扩大职业技能培训规模，促进高校毕业生多渠道就业。")
    (p,) = find_proposals(art)
    assert p.speaker == "孙海洋"
    assert p.text == "稳就业要扩大职业技能培训规模，促进高校毕业生多渠道就业"


def test_speaker_line_above_an_item_makes_the_body_theirs():
    art = article(
        "“新能源产业的竞争，说到底是技术的竞争。”钱立群代表说，要加大对储能技术研发的支持力度。",
        title="加快储能技术攻关",
        kicker="某能源集团董事长钱立群代表",
    )
    (p,) = find_proposals(art)
    assert p.speaker == "钱立群"
    assert p.role == "某能源集团董事长"


def test_quote_first_then_a_long_attribution():
    art = article(
        "“要把新建社区养老服务设施纳入城市更新规划，让老人就近享受服务。”某省民政厅厅长郑文涛代表认为。",
    )
    (p,) = find_proposals(art)
    assert p.speaker == "郑文涛"
    assert p.text.startswith("要把新建社区养老服务设施纳入城市更新规划")


def test_quote_credited_to_the_speaker_named_after_it_not_the_previous_one():
    art = article(
        "某区区长冯国栋表示，该区将新建两个产业园区。",
        "“公司将在三年内建成智能化生产线。”某电子公司总经理韩志明表示，公司还将扩大研发团队。",
    )
    props = find_proposals(art)
    assert {p.speaker for p in props if "生产线" in p.text or "研发团队" in p.text} == {"韩志明"}


def test_question_and_answer_turns():
    art = article(
        "某电视台记者：今年如何稳住外贸？",
        "陈立夫：我们将扩大出口信用保险覆盖面，支持企业开拓新兴市场。",
        "某通讯社记者：就业形势怎样？",
        "陈立夫：我们要把稳就业放在更加突出的位置，扩大失业保险保障范围。",
    )
    props = find_proposals(art)
    assert [p.speaker for p in props] == ["陈立夫", "陈立夫"]
    assert props[0].kind == "plan"


def test_corner_bracket_quotes():
    text = "某市工会理事长林志明表示，「政府应该尽快立法保障外送员的劳动权益。」"
    art = article(text)
    (p,) = find_proposals(art)
    assert p.speaker == "林志明"
    assert "立法保障外送员的劳动权益" in p.text


def test_listed_measures_are_split_at_the_enumeration_comma():
    art = article("某党派议员今日与官员会面，提出4项措施，包括：代缴廉租房租金、发放交通补贴、放宽基金门槛等。")
    texts = [p.text for p in find_proposals(art)]
    assert texts == ["代缴廉租房租金", "发放交通补贴", "放宽基金门槛"]


def test_a_study_recommends():
    art = article("研究建议，政府应每两年检讨一次节水规划，并公开检讨结果。")
    (p,) = find_proposals(art)
    assert p.speaker is None and p.body == "研究"
    assert p.kind == "suggestion"


def test_disposal_jiang_and_completed_actions_are_not_plans():
    assert marker("将农产品直接送到社区") is None
    assert marker("将其纳入考核") is None
    assert marker("将继续加大研发投入") is not None
    art = article(
        "某协会会长赵一鸣说，协会将会员企业的茶叶运往省城，满足了市场需求。",
        "赵一鸣说，可以说这是一次成功的尝试。",
    )
    assert find_proposals(art) == ()


def test_a_quoted_slogan_is_not_a_question():
    art = article("林海峰代表认为，各地要采取“差什么补什么”的做法，健全防止返贫的长效办法。")
    (p,) = find_proposals(art)
    assert p.text.startswith("各地要采取")


def test_items_given_side_by_side_after_an_announcement():
    art = article(
        "某部部长赵国强说，下一步，将从生产端、流通端两方面发力。如：在生产端，扩大冷链仓储设施规模；"
        "在流通端，支持城乡菜市场改造升级等。",
        "钱卫东代表建议，稳就业需扩大技能培训。一方面，鼓励技工学校扩大招生；另一方面，支持企业开展学徒制培训。",
    )
    texts = [p.text for p in find_proposals(art)]
    assert "扩大冷链仓储设施规模" in texts
    assert any(t.startswith("支持城乡菜市场改造升级") for t in texts)
    assert not any("两方面发力" in t for t in texts)  # the announcement is no measure
    assert "鼓励技工学校扩大招生" in texts and "支持企业开展学徒制培训" in texts


def test_hui_is_a_plan_only_for_the_speakers_own_side_or_a_time():
    art = article(
        "某市市长高志远表示，本市亦会利用新建的物流园区，加强与邻近港口的合作。",
        "高志远还表示，价格会逐步回落。",
    )
    (p,) = find_proposals(art)
    assert p.kind == "plan" and p.text.startswith("本市亦会利用")


def test_a_sentence_opening_with_the_call_and_a_place_as_actor():
    art = article(
        "某公司董事长韩立新代表说，物流设施亟待升级。建议相关部门研究制定智能仓储设施标准。",
        "韩立新代表认为，江苏应加快建设多式联运枢纽。",
    )
    texts = [p.text for p in find_proposals(art)]
    assert texts == ["相关部门研究制定智能仓储设施标准", "江苏应加快建设多式联运枢纽"]


def test_a_column_in_the_speakers_own_voice():
    art = article(
        "某新能源集团董事长方明远代表",
        "加快光伏产业发展",
        "光伏发电零排放，成本优势明显。",
        "通过设定更有雄心的风电装机目标，加大对海上风电的扶持。",
        "适度降低储能项目并网门槛，加快储能产业成长。",
        "去年，通过技术改造，集团降低了三成能耗。",
        "（本报记者 李想整理）",
    )
    art = Article(
        art.id,
        art.source,
        art.kind,
        "发言席",
        None,
        None,
        tuple(Para(p.text, p.orig, p.lines, "heading" if i < 2 else "body") for i, p in enumerate(art.paragraphs)),
    )
    texts = [p.text for p in find_proposals(art)]
    assert texts == [
        "通过设定更有雄心的风电装机目标，加大对海上风电的扶持",
        "适度降低储能项目并网门槛，加快储能产业成长",
    ]
    assert {p.speaker for p in find_proposals(art)} == {"方明远"}


def test_what_a_measure_will_bring_is_no_plan():
    art = article("某市市长周立华表示，新政实施后，将有力带动本地客流回升，房租也将更趋合理。")
    assert find_proposals(art) == ()


def test_diplomatic_statements_are_not_proposals():
    art = article(
        "某国外长孙明远表示，两国应恢复对话，推动双边关系改善，尊重彼此核心利益。",
        "孙明远还表示，应加快建设跨境电商综合试验区，扩大农产品进口。",
    )
    (p,) = find_proposals(art)
    assert p.text.startswith("应加快建设跨境电商综合试验区")


def test_a_dash_led_subhead_is_no_measure():
    art = article(
        "某协会会长郑宏图代表认为，保供稳价要多管齐下。",
        "——稳定产能，畅通渠道。",
        "郑宏图代表建议，建立蔬菜储备轮换制度，完善菜价异常波动预警办法。",
    )
    texts = [p.text for p in find_proposals(art)]
    assert "稳定产能，畅通渠道" not in texts
    assert any(t.startswith("建立蔬菜储备轮换制度") for t in texts)


def test_an_organisation_then_a_name_with_a_rare_surname():
    art = article("某市服务业总工会禹蘅认为，“加班费的计算标准，这部分都要统一立法，才能保障劳动者权益。”")
    (p,) = find_proposals(art)
    assert (p.speaker, p.role) == ("禹蘅", "某市服务业总工会")
    assert p.text.startswith("加班费的计算标准，这部分都要统一立法")


def test_a_call_after_jianyi_inside_a_quotation():
    art = article(
        "某快递行业协会会长戴晓峰提出，“目前只有部分城市出台了指引，建议可以制定全国统一的骑手权益保障办法。”"
    )
    (p,) = find_proposals(art)
    assert p.speaker == "戴晓峰" and p.text.startswith("可以制定全国统一的骑手权益保障办法")


def test_a_body_of_people_makes_its_call():
    art = article("劳动节前夕，多个工会团体也希望能延长带薪育儿假，增设按小时计算的照护假。")
    (p,) = find_proposals(art)
    assert p.speaker is None and p.body and p.body.endswith("团体")
    assert p.text.startswith("能延长带薪育儿假") or p.text.startswith("延长带薪育儿假")


def test_a_title_joined_by_de_and_the_pronoun_after_it():
    art = article(
        "某党议员何志明认为，政府应向长者发放交通补贴。",
        "刚当选某区议员的吕嘉言，今早也与局长会面，他表示向局长提出多项建议，包括增加社区诊所名额、延长图书馆开放时间等。",
    )
    props = find_proposals(art)
    assert [p.speaker for p in props] == ["何志明", "吕嘉言", "吕嘉言"]
    assert props[1].role == "某区议员"


def test_listed_items_set_off_by_semicolons_keep_their_pairs():
    art = article("某部部长严立新表示，今年会集中抓好三件事，包括稳面积、提单产；强监管、严执法；优服务、惠民生。")
    texts = [p.text for p in find_proposals(art)]
    assert texts == ["稳面积、提单产", "强监管、严执法", "优服务、惠民生"]


def test_the_place_a_speaker_governs_as_own_side():
    art = article("某市市长黄启明表示，人工智能是重点，本市亦会利用新建的科学城，加强与邻近城市的科研合作。")
    (p,) = find_proposals(art)
    assert p.kind == "plan" and p.text.startswith("本市亦会利用新建的科学城")


def test_a_column_in_a_deputys_voice_without_a_name():
    art = article(
        "乡村教育关系到千家万户的未来。",
        "乡村振兴要健全县域职业教育网络，增加优质课程的供给。",
        "健全乡村教师考核办法是留住教师的重要抓手。在经费保障方面，建议设立乡村教师安居专项补助。",
        title="教育扶贫要扶志更要扶智（代表之声）",
    )
    props = find_proposals(art)
    assert [p.text for p in props] == [
        "乡村振兴要健全县域职业教育网络，增加优质课程的供给",
        "设立乡村教师安居专项补助",
    ]
    assert all(p.speaker is None and p.role == "代表" for p in props)


def test_words_that_only_look_like_modals():
    assert marker("风电作为可再生能源的一部分") is None
    assert marker("商家要紧跟年轻顾客的口味变化") is not None  # 要 + 紧跟, whatever the tokenizer joins
    assert marker("这件事很要紧") is None
    assert (marker("市政府应为本地的海上风电项目提供用地保障") or ("",))[0] == "modal"


def test_a_quotation_of_several_sentences_is_the_speaker_named_after_it():
    art = article(
        "某区区长冯立言说，今年重点抓产业。",
        "“产业兴旺是根本。眼下，冷链物流仍是短板，应加快建设县域冷链物流中心。”某县县委书记严世明代表说，当地将新建冷库十座。",
    )
    props = find_proposals(art)
    assert [p.speaker for p in props] == ["严世明", "严世明"]
    assert props[0].text.endswith("应加快建设县域冷链物流中心")


def test_amounts_needs_denials_and_confidence_are_not_calls():
    for sentence in (
        "钱立峰代表说，工程工期需5至7年，运输周期要20天左右。",
        "钱立峰代表说，这并不是说要放松监管。",
        "钱立峰代表说，我们一定可以顺利渡过难关。",
        "钱立峰代表说，改造后工期也可大幅缩短。",
    ):
        assert find_proposals(article(sentence)) == (), sentence


def test_the_sentences_after_a_verb_of_saying_go_on_with_the_speakers_words():
    art = article(
        "某局司长柳明哲表示，网约车平台是新事物。一定要以开放包容的眼光看待，实行分类监管。",
        "柳明哲还表示，许多真正需要培训的司机却没有被覆盖。",
    )
    (p,) = find_proposals(art)
    assert p.speaker == "柳明哲" and p.text.startswith("一定要以开放包容的眼光看待")


def test_a_body_speaking_for_itself():
    art = article("多家机构宣布愿提供帮助。某网络科技公司也表示将借助三维扫描建设云端展厅，让受损文物重新展出。")
    (p,) = find_proposals(art)
    assert (p.speaker, p.body, p.kind) == (None, "某网络科技公司", "plan")


def test_what_everyone_ought_to_do_is_an_exhortation():
    art = article("某市市长房志明说，不论大小企业，都要靠自己闯出路子。我们都要抓实、抓细。")
    assert find_proposals(art) == ()


def test_deputies_and_members_speaking_together():
    art = article("菜价关乎千家万户。代表委员表示，要加快完善蔬菜储备制度，保障低收入家庭的基本生活。")
    (p,) = find_proposals(art)
    assert (p.speaker, p.role) == (None, "代表委员")


def test_hui_joined_to_the_next_word_by_the_tokenizer():
    art = article("某省省长董立新表示，受洪灾影响，重建的担子更重了。我们会多措并举，尤其要把受灾群众的住房保障好。")
    (p,) = find_proposals(art)
    assert p.text.startswith("我们会多措并举")


def test_a_reported_belief_is_not_the_call():
    art = article(
        "某集团董事长聂志远委员说，不少家长认为要读本科才有出路，应引导家长正确看待技工教育。",
    )
    texts = [p.text for p in find_proposals(art)]
    assert texts == ["应引导家长正确看待技工教育"]


def test_weighing_two_aims_is_no_measure_unless_it_is_called_for():
    art = article(
        "某市市长邵国平说，我们既要把握节奏，还要把握分寸。",
        "邵国平建议，在上项目时，既要算眼前账，还要算长远账，把耕地保护纳入考核。",
    )
    (p,) = find_proposals(art)
    assert p.text.startswith("在上项目时，既要算眼前账")


def test_an_officials_quoted_action_is_the_bodys_plan_but_not_an_achievement():
    art = article(
        "“在全省率先建设数据要素交易中心，面向中小企业开放公共数据。”某市经信局副局长沈立波表示。",
        "“通过加快建设重大科技基础设施，本市现已形成国家重点实验室十个。”某市科委主任谷明华介绍。",
    )
    (p,) = find_proposals(art)
    assert (p.speaker, p.kind) == ("沈立波", "plan")
    assert p.text.startswith("在全省率先建设数据要素交易中心")


def test_what_a_thing_can_do_is_no_call():
    art = article(
        "某铁路公司总工程师彭立群说，新线路可以替代远距离卡车运输，减缓公路运输压力。",
        "彭立群还说，沿线政府可以设立专项资金，支持货运场站建设。",
    )
    (p,) = find_proposals(art)
    assert p.text.startswith("沿线政府可以设立专项资金")


def test_yuanyi_marks_a_plan_of_the_speakers_own_side():
    art = article("某省省长魏东明表示，我们愿意扩大邻省农产品的采购，共建区域大市场。他说，愿望总是好的。")
    (p,) = find_proposals(art)
    assert p.kind == "plan" and p.text.startswith("我们愿意扩大邻省农产品的采购")


def test_a_drafter_explaining_a_report_restates_it():
    art = article(
        "规划纲要起草组负责人、某研究室主任龚德明说，各部门要紧扣稳就业来谋划，就是要稳住中小商户。",
        "龚德明表示，起草组将吸收各界意见完善纲要文本，再按程序报送。",
    )
    (p,) = find_proposals(art)
    assert p.text.startswith("起草组将吸收各界意见完善纲要文本")


def test_a_short_statement_naming_nothing_to_act_on_is_an_exhortation():
    art = article(
        "某市市长任国栋说，我们要让大家都有信心。要稳中求进、久久为功。",
        "任国栋说，要扩大失业保险覆盖范围。今年要新增城镇就业岗位2万个。",
    )
    texts = [p.text for p in find_proposals(art)]
    assert texts == ["要扩大失业保险覆盖范围", "今年要新增城镇就业岗位2万个"]


def test_jiang_as_ba_told_in_the_perfective_is_what_was_done():
    art = article("某村主任欧阳明代表说，县里开辟了专用车道，将山里的蔬菜直送城区超市，也稳定了菜价。")
    assert find_proposals(art) == ()


def test_a_call_too_short_to_stand_alone_takes_its_topic():
    art = article("“产业兴旺是根本。眼下，冷链物流仍是短板，应加快补齐。”某县县长贺立新代表说。")
    (p,) = find_proposals(art)
    assert p.text == "冷链物流仍是短板，应加快补齐"


def test_a_name_followed_by_when_and_where_before_the_verb():
    art = article(
        "运输局局长方敏仪今日（8日）出席电台节目时表示，政府会研究增设跨境巴士线，并会在年内公布细节。",
        "她指出，当局亦会加快新车站的建设进度。",
        "另外，有学者建议，当局应检讨公共交通票价政策。",
    )
    props = find_proposals(art)
    assert [(p.speaker, p.role or p.body) for p in props] == [
        ("方敏仪", "运输局局长"),
        ("方敏仪", "运输局局长"),
        (None, "学者"),
    ]
    assert props[1].text.startswith("当局亦会加快新车站的建设进度")


def test_a_short_call_on_a_named_actor_is_concrete():
    art = article("某党议员邝志坚则认为，政府应该放宽按揭成数，协助年轻人置业。")
    (p,) = find_proposals(art)
    assert p.text == "政府应该放宽按揭成数，协助年轻人置业"


def test_an_announcement_before_the_first_item_stands_apart():
    art = article(
        "某局局长魏思远：我们将重点抓好三件事：一是建设城市数据中心集群，二是培育本地软件龙头企业，"
        "三是引进高层次数字人才。"
    )
    texts = [p.text for p in find_proposals(art)]
    assert texts == ["建设城市数据中心集群", "培育本地软件龙头企业", "引进高层次数字人才"]


def test_experts_of_the_trade_are_a_collective_proposer():
    art = article("《规划》明确，本市将设立产业基金。业内专家认为，本市应进一步加强高端人才引进，完善数据要素市场。")
    props = find_proposals(art)
    assert (props[-1].speaker, props[-1].role) == (None, "专家")


def test_taiwan_and_hong_kong_conventions():
    from briefing.model import Source
    from briefing.text.clean import clean
    from briefing.text.segment import segment

    page = "\n\n".join(
        (
            "政院擴大托育津貼　明年起每月加發",
            "行政院長呂志明今（15）日在院會中表示，政府將自明年起把托育津貼每月提高至7000元。",
            "立法委員蘇慧君質詢時要求衛福部，應檢討托育人員薪資結構，改善人力短缺問題。",
            "衛福部回應，將研議提高托育人員補助，預計年底前提出方案。",
            "民團促請政府延長育嬰留職停薪期間，並放寬申請資格。",
            "經民聯立法會議員盧家明敦促政府加快推出土地共享計劃，增加房屋供應。",
        )
    )
    (art,) = segment(clean(Source("tw.txt", "tw.txt", page, "utf-8", "traditional", "0")))[0]
    props = find_proposals(art)
    assert [p.speaker or p.body for p in props] == ["呂志明", "蘇慧君", "衛福部", "民團", "盧家明"]
    assert props[1].text.startswith("應檢討托育人員薪資結構")
    assert props[4].kind == "suggestion"


def _simplified(text: str) -> str:
    """The analysis form of a Traditional-script sentence, as the cleaner makes it."""
    import opencc

    from briefing.text.normalize import char_converter

    convert = opencc.OpenCC("t2s").convert
    return normalize_punctuation(char_converter(convert, text)(text))


def traditional(*paragraphs: str, title: str = "某地推進產業發展") -> Article:
    paras = tuple(Para(_simplified(p), p, (i,)) for i, p in enumerate(paragraphs))
    return Article("t-01", "t.txt", "news", title, None, None, paras, topic=_simplified(title))


# The conventions of other outlets, each in a sentence written for the test: the rules
# that find the candidates the learned decision weighs.  (expected proposer, how the
# proposal starts)
CONVENTIONS = [
    (
        "a plan with 会 of the government",
        traditional("某局局長李大明表示，政府會在年內推出新一輪資助計劃，支援中小企業。"),
        "李大明",
        "政府會在年內",
    ),
    (
        "a budget named without brackets",
        traditional("財政預算案建議下調住宅印花稅，並向每名長者發放一筆過津貼。"),
        "財政預算案",
        "下調住宅印花稅",
    ),
    (
        "a call a clause after a critic's verb",
        traditional("議員陳大文批評，預算案提出的寬減措施不足，促請政府加大對基層的支援。"),
        "陳大文",
        "政府加大對基層",
    ),
    (
        "a meeting's conclusions",
        article("会议强调，要加快推进城市更新，完善老旧小区基础设施。"),
        "会议",
        "要加快推进城市更新",
    ),
    (
        "a delegation's recommendation",
        article("某省代表团提出关于加快建设国家级新能源基地的建议。"),
        "某省代表团",
        "加快建设国家级新能源基地",
    ),
    (
        "a body's colon line",
        traditional("某聯盟：贊成向每名市民派發五千元消費券，刺激本地消費。"),
        "某聯盟",
        "贊成向每名市民",
    ),
    (
        "a party and its member's colon line",
        traditional("某黨陳志明：建議政府先制訂派發機制，當盈餘達某水平便派發。"),
        "陳志明",
        "政府先制訂派發機制",
    ),
    (
        "a procuratorate's recommendation",
        article("某市检察院向有关部门发出检察建议，要求加强对校园周边食品安全的监管。"),
        "某市检察院",
        "加强对校园周边",
    ),
    (
        "a proposal handed in",
        article("今年两会上，李刚代表提交了《关于加快建设中西部算力枢纽的建议》。"),
        "李刚",
        "加快建设中西部算力枢纽",
    ),
    (
        "in someone's view",
        article("在某大学教授吴华看来，地方政府应当加大对基础研究的投入。"),
        "吴华",
        "地方政府应当加大",
    ),
    (
        "a name of no common surname",
        article("议员阿卜杜拉表示，政府应为低收入家庭提供更多住房补贴。"),
        "阿卜杜拉",
        "政府应为低收入家庭",
    ),
    (
        "the office after the name",
        traditional("陳駿季部長表示，農業部將建立農民數位服務管理系統。"),
        "陳駿季",
        "農業部將建立",
    ),
    (
        "a name line over the item",
        Article(
            "t-01",
            "t.txt",
            "news",
            "完善县域人才政策",
            "全国人大代表王小平：",
            None,
            (
                Para(
                    "建议设立县域人才发展基金，吸引高校毕业生返乡创业。",
                    "建议设立县域人才发展基金，吸引高校毕业生返乡创业。",
                    (0,),
                ),
            ),
        ),
        "王小平",
        "设立县域人才发展基金",
    ),
    (
        "an answer after the interviewer's question",
        article("记者：您对发展乡村旅游有什么建议？", "王丽：要因地制宜发展特色民宿，同时加强从业人员培训。"),
        "王丽",
        "要因地制宜",
    ),
]


@pytest.mark.parametrize(("name", "art", "who", "start"), CONVENTIONS, ids=[c[0] for c in CONVENTIONS])
def test_conventions_of_other_outlets(name: str, art: Article, who: str, start: str):
    props = find_proposals(art)
    assert props, name
    first = props[0]
    assert (first.speaker or first.body) == who, name
    assert first.text.startswith(start), (name, first.text)


def test_dash_led_points_of_a_speech_are_its_speakers_measures():
    art = article(
        "市长张华在讲话中提出三点要求：",
        "——要加快培育新兴产业，壮大数字经济规模。",
        "——要持续优化营商环境，降低企业制度性交易成本。",
    )
    assert [(p.speaker, p.text[:8]) for p in find_proposals(art)] == [
        ("张华", "要加快培育新兴产业"[:8]),
        ("张华", "要持续优化营商环境"[:8]),
    ]


def test_a_document_speaks_in_its_own_sentence_and_the_first_person_is_the_person():
    art = article(
        "财政司司长陈立表示，预算案提出多项支援中小企的措施。",
        "我们会延续中小企融资担保计划两年，并向品牌发展基金注资五亿元。",
    )
    props = find_proposals(art)
    assert props[-1].speaker == "陈立"


def test_the_one_a_proposal_is_put_to_is_not_its_proposer():
    art = article(
        "财政局局长王建华今天与几位代表会面。",
        "市人大代表李秀兰在会上发言，她特别向王建华提出数项建议，包括为困难家庭提供租金津贴、增加社区养老床位。",
    )
    props = find_proposals(art)
    assert props and all(p.speaker == "李秀兰" for p in props)


def test_a_long_transliterated_name_after_a_title():
    art = article(
        "某国总统德拉埃斯普列亚8月19日宣布，受灾省份即日起进入紧急状态。",
        "德拉埃斯普列亚说，政府将削减部分非优先项目的支出，以应对当前需求。",
    )
    assert any(p.speaker == "德拉埃斯普列亚" for p in find_proposals(art))


def test_a_party_member_who_has_said_so_before():
    art = article("某党还提出多项建议。市民联盟李国民曾公开表示，政府应向每名市民发放消费券。")
    assert [p.speaker for p in find_proposals(art)] == ["李国民"]


def test_a_body_that_is_reviewing_or_considering_a_measure_plans_it():
    art = article(
        "某部部长陈立明答复议员询问时说，当局也定期检讨罚款额和扣分制度是否适当。",
        "陈立明表示，政府正仔细探讨在办公楼增设更多哺乳室。",
    )
    found = find_proposals(art)
    assert [p.kind for p in found] == ["plan", "plan"]
    assert all(p.speaker == "陈立明" for p in found)
    # a thing that is considered is no plan of anyone's
    assert find_proposals(article("某部部长陈立明说，出于安全考虑，活动改期举行。")) == ()


def test_it_is_necessary_to_is_a_call_and_necessity_as_a_noun_is_not():
    # the tokenizer cuts 有必要 into 有 | 必要: read together, it is a modal of a call
    assert marker("有必要把该类风险纳入公共安全管理") == ("modal", 0, 3)
    assert marker("当局有必要尽快修订相关条例") == ("modal", 2, 5)
    assert marker("这些做法有必要的成分") is None
    assert marker("没有必要再讨论") is None


def test_a_company_manager_after_an_official_speaks_for_himself():
    art = article(
        "市经济信息委副主任卢建国表示，要加快建设工业互联网平台，推动中小企业数字化转型。",
        "“新政让我们很受鼓舞。”重庆好的电子总经理闵德文表示，公司将扩大研发投入，建设两座智能工厂。",
        "“我们将在明年建成储能电站。”欧阳明说。欧阳明是某能源集团董事长。",
    )
    by_text = {p.text: p.speaker for p in find_proposals(art)}
    assert by_text["要加快建设工业互联网平台，推动中小企业数字化转型"] == "卢建国"
    assert [s for t, s in by_text.items() if "研发投入" in t] == ["闵德文"]
    assert all(s != "卢建国" for t, s in by_text.items() if "储能电站" in t)


def test_a_particle_ends_a_title_chain_but_a_name_holding_it_does_not():
    art = article("作为最早入驻的企业，目的地旅游公司总经理蔡文华表示，公司将开通三条旅游专线。")
    (p,) = find_proposals(art)
    assert p.speaker == "蔡文华" and p.role == "目的地旅游公司总经理"
