"""Translation with fake backends (no model), and one real run on a small local model."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.config import Settings
from briefing.pipeline import build, collect, localise
from briefing.registry import translators
from briefing.render import RenderOptions
from briefing.translate.engine import Engine
from briefing.translate.glossary import load_glossary
from briefing.translate.memory import Memory
from briefing.translate.names import person_name, place_name
from briefing.translate.numbers import missing_numbers

PAGE = (
    "某区推进智能制造 打造产业新高地\n\n□本报记者 王小明\n\n"
    "市政协委员、某集团董事长钱海峰建议，培育专精特新企业，每万人拥有5G基站数达到19.04个。\n\n"
    "钱海峰表示，集团将投资2.1万元建设智能工厂。\n"
)


class FakeBackend:
    """Echoes the numbers and glossary renderings it is given; drops the numbers on
    the first try when ``forgetful``, to exercise the retry."""

    label = "fake-mt 1.0"

    def __init__(self, forgetful: bool = False, chinese: bool = False) -> None:
        self.calls: list[list[dict[str, str]]] = []
        self.forgetful = forgetful
        self.chinese = chinese

    def chat(self, messages: list[dict[str, str]], max_tokens: int) -> str:
        self.calls.append(messages)
        prompt = messages[-1]["content"]
        ask, source = prompt.split("\n", 1)
        listed = re.search(r"Use these renderings: (.+?)\.(?= Keep these numbers|$)", ask)
        renderings = [pair.split(" = ", 1)[1] for pair in listed.group(1).split("; ")] if listed else []
        numbers = re.findall(r"\d+(?:\.\d+)?", source)
        if self.forgetful and "Keep these numbers" not in ask:
            numbers = []
        text = "EN " + " ".join(renderings + numbers)
        return text + (" 中文" if self.chinese else "")


@pytest.fixture
def fake(monkeypatch):
    backend = FakeBackend()
    translators.register("fake")(lambda settings: backend)
    yield backend
    translators._items.pop("fake", None)


def engine(backend, tmp_path: Path | None = None) -> Engine:
    return Engine(backend, load_glossary(), Memory(tmp_path / "tm.sqlite" if tmp_path else None))


def test_numbers_are_checked_in_any_english_notation():
    assert missing_numbers("达19.04个，投资100亿元，2.1万人，5月16日", "19.04; 10 billion; 21,000; May 16") == []
    assert missing_numbers("增长7.09%，共38个", "grew 7.09%") == ["38"]


def test_names_in_pinyin():
    assert person_name("唐小平") == "Tang Xiaoping"
    assert person_name("曾乐") == "Zeng Le"
    assert person_name("欧阳明") == "Ouyang Ming"
    assert place_name("沙坪坝区") == "Shapingba District"


def test_glossary_terms_and_names_are_given_as_hints(tmp_path: Path):
    backend = FakeBackend()
    eng = engine(backend)
    eng.names["钱海峰"] = "Qian Haifeng"
    result = eng.translate("钱海峰建议培育专精特新企业，每万人拥有5G基站")
    prompt = backend.calls[0][-1]["content"]
    assert "专精特新 = specialised, refined, distinctive and innovative (SRDI)" in prompt
    assert "每万人 = per 10,000 people" in prompt
    assert "钱海峰 = Qian Haifeng" in prompt
    assert "SRDI" in result.english and not result.flagged


def test_user_glossary_extends_and_overrides(tmp_path: Path):
    path = tmp_path / "g.toml"
    path.write_text('[terms]\n"专精特新" = "SRDI"\n"码上办" = "Scan-to-Handle"\n', "utf-8")
    glossary = load_glossary(path)
    assert dict(glossary.hints("专精特新与码上办")) == {"专精特新": "SRDI", "码上办": "Scan-to-Handle"}


def test_missing_numbers_are_retried_then_flagged():
    backend = FakeBackend(forgetful=True)
    result = engine(backend).translate("全市5G基站达19.04个。")
    assert len(backend.calls) == 2
    assert "Keep these numbers: 5, 19.04." in backend.calls[1][-1]["content"]
    assert "19.04" in result.english and not result.flagged

    class Stubborn(FakeBackend):
        def chat(self, messages, max_tokens):
            return "no numbers here"

    flagged = engine(Stubborn()).translate("全市5G基站达19.04个。")
    assert "19.04" in flagged.flagged


def test_a_retry_is_kept_only_when_it_is_better():
    class Echo(FakeBackend):
        def chat(self, messages, max_tokens):
            self.calls.append(messages)
            if len(self.calls) == 1:
                return "Here is the English translation: 5G base stations reached 19 across the city."
            return "Keep these numbers: 5, 19. Translate the following Chinese text into English."

    backend = Echo()
    result = engine(backend).translate("全市5G基站达19个。")
    assert result.english == "5G base stations reached 19 across the city." and not result.flagged
    assert len(backend.calls) == 1  # the first answer passed every check once tidied

    class Looping(FakeBackend):
        def chat(self, messages, max_tokens):
            self.calls.append(messages)
            return "The 5G center of the center of the center of the center of the city has 19."

    backend = Looping()
    looped = engine(backend).translate("全市5G基站达19个。")
    assert len(backend.calls) == 2 and "repetition removed" in looped.flagged
    assert looped.english.count("center of the") == 1


def test_worked_examples_come_before_the_request():
    chat = engine(FakeBackend()).messages("全市5G基站达19个。", "sentence")
    assert chat[0]["role"] == "system" and chat[-1]["role"] == "user"
    assert [m["role"] for m in chat[1:-1]] == ["user", "assistant"] * (len(chat[1:-1]) // 2)
    assert chat[-1]["content"].endswith("\n全市5G基站达19个。")


def test_chinese_in_the_output_is_removed_and_flagged():
    result = engine(FakeBackend(chinese=True)).translate("全市5G基站达19个。")
    assert not re.search(r"[\u4e00-\u9fff]", result.english)
    assert "Chinese removed" in result.flagged


def test_translation_memory_translates_nothing_twice(tmp_path: Path):
    first = FakeBackend()
    engine(first, tmp_path).translate("全市5G基站达19个。")
    again = FakeBackend()
    eng = engine(again, tmp_path)
    result = eng.translate("全市5G基站达19个。")
    assert result.cached and again.calls == [] and eng.reused == 1


def _briefing(tmp_path: Path, **settings):
    (tmp_path / "p.txt").write_text(PAGE, "utf-8")
    s = Settings(translator="fake", cache=tmp_path / "tm.sqlite", **settings)
    return localise(build(collect([str(tmp_path / "p.txt")]), s), s)


def test_briefing_carries_english_beside_the_chinese(fake, tmp_path: Path):
    from briefing.render.jsonout import to_dict

    b = _briefing(tmp_path)
    assert b.translation is not None and b.translation.model == "fake-mt 1.0"
    data = to_dict(b)
    art = data["articles"][0]
    assert art["title_en"] and len(art["summary_en"]) == len(art["summary"])
    prop = data["proposals"][0]
    assert prop["speaker_en"] == "Qian Haifeng"
    assert prop["text_en"] and prop["role_en"]
    assert "machine translation by fake-mt 1.0" in data["translation"]["label"]


def test_markdown_and_docx_show_english_with_the_label(fake, tmp_path: Path):
    import docx

    from briefing.render.docx import render_docx
    from briefing.render.markdown import render_markdown

    b = _briefing(tmp_path)
    md = render_markdown(b, RenderOptions()).decode("utf-8")
    assert "machine translation by fake-mt 1.0" in md
    assert "| English (machine translation) |" in md
    document = docx.Document(io.BytesIO(render_docx(b, RenderOptions())))
    assert any("machine translation by fake-mt 1.0" in p.text for p in document.paragraphs)
    assert document.tables[0].rows[0].cells[2].text == "English (machine translation)"


def test_no_translator_means_chinese_only(tmp_path: Path):
    (tmp_path / "p.txt").write_text(PAGE, "utf-8")
    s = Settings()
    b = localise(build(collect([str(tmp_path / "p.txt")]), s), s)
    assert b.translation is None and b.english == ()


def test_traditional_script_on_request(tmp_path: Path):
    (tmp_path / "p.txt").write_text(PAGE, "utf-8")
    from briefing.render import readable

    s = Settings(script="traditional", opencc="s2tw")
    asked = localise(build(collect([str(tmp_path / "p.txt")]), s), s)
    assert asked.proposals[0].text.startswith("培育专精特新企业")  # the analysis keeps what was printed
    b = readable(asked)  # what the writers render
    assert b.script == "traditional (s2tw)"
    assert b.proposals[0].text.startswith("培育專精特新企業")
    assert b.proposals[0].speaker == "錢海峰"
    assert b.analyses[0].summary[0].orig in b.analyses[0].article.paragraphs[b.analyses[0].summary[0].para].orig


@pytest.mark.parametrize("config", ["s2t", "s2hk"])
def test_traditional_briefing_of_the_seeds_has_no_simplified_left(seed_briefing, config):
    """Every format, labels included: converting it again changes nothing."""
    import docx
    import opencc

    from briefing.render.docx import render_docx
    from briefing.render.jsonout import to_dict
    from briefing.render.markdown import render_markdown
    from briefing.translate.apply import to_traditional

    b = to_traditional(seed_briefing, config)
    document = docx.Document(io.BytesIO(render_docx(b, RenderOptions())))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    outputs = {
        "markdown": render_markdown(b, RenderOptions()).decode("utf-8"),
        "json": json.dumps(to_dict(b), ensure_ascii=False),
        "docx": "\n".join([p.text for p in document.paragraphs] + cells),
    }
    convert = opencc.OpenCC(config).convert
    for name, text in outputs.items():
        changed = [(a, b) for a, b in zip(text, convert(text), strict=True) if a != b]
        assert changed == [], (name, changed[:10])
    assert "本週要點" in outputs["markdown"]


def test_make_translates_with_a_registered_backend(fake, tmp_path: Path):
    (tmp_path / "p.txt").write_text(PAGE, "utf-8")
    out = tmp_path / "out"
    args = ["make", str(tmp_path / "p.txt"), "-o", str(out), "--translator", "fake", "--cache", str(tmp_path / "tm")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert json.loads((out / "briefing.json").read_text("utf-8"))["translation"]["model"] == "fake-mt 1.0"


def test_translate_command_plain_and_jsonl(fake, tmp_path: Path):
    runner = CliRunner()
    cache = str(tmp_path / "tm")
    plain = runner.invoke(app, ["translate", "-", "--translator", "fake", "--cache", cache], input="基站达19个。\n")
    assert plain.exit_code == 0 and plain.output.strip() == "EN 19"
    lines = '{"id": 1, "zh": "基站达19个。"}\n{"id": 2, "zh": "增长7.09%"}\n'
    result = runner.invoke(app, ["translate", "--jsonl", "--translator", "fake", "--cache", cache], input=lines)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["id"] for r in rows] == [1, 2] and rows[1]["en"] == "EN 7.09"
    bad = runner.invoke(app, ["translate", "--jsonl", "--translator", "fake", "--cache", cache], input="not json\n")
    assert bad.exit_code == 2 and "line 1" in bad.output


def test_llama_without_a_model_is_a_clear_error(tmp_path: Path):
    result = CliRunner().invoke(app, ["translate", "-", "--translator", "llama"], input="你好\n")
    assert result.exit_code == 2 and "--model" in result.output


def _small_model(tmp_path_factory) -> Path | None:
    from briefing.translate.models import PRESETS, ModelError, assemble

    try:
        import llama_cpp  # noqa: F401
    except ImportError:
        llama = None
    else:
        llama = True
    try:
        if llama is None:
            raise ModelError("llama-cpp-python is not installed")
        cache = Path(os.environ.get("BRIEFING_MODEL_CACHE", tmp_path_factory.getbasetemp() / "models"))
        return assemble(PRESETS["qwen2.5-coder-0.5b"], cache / "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf")
    except ModelError as exc:
        if os.environ.get("BRIEFING_REQUIRE_LLAMA"):
            pytest.fail(f"the real-model test cannot run here: {exc}")
        pytest.skip(f"no local model: {exc}")
    return None


@pytest.mark.slow
def test_llama_backend_translates_with_a_real_small_model(tmp_path_factory):
    from briefing.translate.backends import LlamaBackend

    model = _small_model(tmp_path_factory)
    assert model is not None
    backend = LlamaBackend(model, threads=2)
    eng = Engine(backend, load_glossary(), Memory(None))
    result = eng.translate("截至2022年末，重庆每万人拥有5G基站数达19.04个，位居西部第一。")
    assert result.english
    assert not re.search(r"[\u3000-\u9fff]", result.english)
    assert "19.04" in result.english or "19.04" in result.flagged
    assert "Qwen" in backend.label or "qwen" in backend.label.lower()


def test_a_bilingual_briefing_has_a_bilingual_email_body(fake, tmp_path: Path):
    import email
    from email import policy

    (tmp_path / "p.txt").write_text(PAGE, "utf-8")
    out = tmp_path / "out"
    args = ["make", str(tmp_path / "p.txt"), "-o", str(out), "--translator", "fake", "--cache", str(tmp_path / "tm")]
    result = CliRunner().invoke(app, [*args, "--format", "docx,eml"])
    assert result.exit_code == 0, result.output
    msg = email.message_from_bytes((out / "briefing.eml").read_bytes(), policy=policy.default)
    text = msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = msg.get_body(("html",)).get_content()  # type: ignore[union-attr]
    for body in (text, html):
        assert "machine translation" in body.lower() and "EN " in body


def test_english_asked_for_without_a_translator_is_a_usage_error(tmp_path: Path):
    (tmp_path / "p.txt").write_text(PAGE, "utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["make", str(tmp_path / "p.txt"), "-o", str(tmp_path / "o"), "--lang", "zh,en"])
    assert result.exit_code == 2
    assert "--model" in result.output and "openai" in result.output and "--lang zh" in result.output
    assert not (tmp_path / "o").exists()
    plain = runner.invoke(app, ["make", str(tmp_path / "p.txt"), "-o", str(tmp_path / "o")])
    assert plain.exit_code == 0  # by default: English only when a translator is set


def test_a_model_file_means_the_llama_translator(tmp_path: Path):
    assert Settings().merged(model=tmp_path / "m.gguf").translator == "llama"
    assert Settings().merged(model=tmp_path / "m.gguf").english
    assert not Settings().english and Settings().merged(translator="openai").english
    (tmp_path / "p.txt").write_text(PAGE, "utf-8")
    missing = str(tmp_path / "missing.gguf")
    for args in (["make", str(tmp_path / "p.txt"), "-o", str(tmp_path / "o")], ["translate", "-"]):
        result = CliRunner().invoke(app, [*args, "--model", missing], input="基站达19个。\n")
        assert result.exit_code == 2, result.output  # llama asked for: its package or the file is missing
        assert "llama" in result.output or "missing.gguf" in result.output


def test_the_translation_progress_counts_segments_memory_and_flags(fake, tmp_path: Path):
    from briefing.pipeline import to_translate
    from briefing.translate.apply import segments

    (tmp_path / "p.txt").write_text(PAGE, "utf-8")
    s = Settings(translator="fake", cache=tmp_path / "tm")
    b = build(collect([str(tmp_path / "p.txt")]), s)
    total = to_translate(b, s)
    assert total == len(set(segments(b)))
    heard: list[str] = []
    localise(b, s, heard.append)
    assert len(heard) == total and heard[-1].startswith("· 0 from memory · ")
    again: list[str] = []
    localise(b, s, again.append)  # a re-run: everything from the memory
    assert again[-1].startswith(f"· {total} from memory")


def test_a_translation_far_shorter_than_the_chinese_is_retried_then_flagged(tmp_path: Path):
    from briefing.translate.engine import length_fault

    zh = "改造现有的中小型水电站，增加抽水蓄能发电调峰能力"
    assert length_fault(zh, "Renewable energy storage = pumped storage.")
    full = "Transform existing small and medium-sized hydropower stations to add pumped-storage peak-shaving capacity."
    assert not length_fault(zh, full)

    class Terse:
        label = "terse 1.0"

        def __init__(self, better: bool) -> None:
            self.better, self.asked = better, []

        def chat(self, messages, max_tokens):
            ask = messages[-1]["content"].split("\n", 1)[0]
            self.asked.append(ask)
            whole = "Translate every clause" in ask
            return full if (whole and self.better) else "Renewable energy storage = pumped storage."

    fixed = Terse(better=True)
    result = engine(fixed, tmp_path).translate(zh)
    assert result.english == full and not result.flagged and len(fixed.asked) == 2
    stubborn = Terse(better=False)
    result = Engine(stubborn, load_glossary(), Memory(tmp_path / "tm2.sqlite")).translate(zh)
    assert "shorter than the Chinese predicts" in result.flagged


def test_a_dropped_glossary_rendering_is_flagged(tmp_path: Path):
    class Forgets:
        label = "forgets 1.0"

        def chat(self, messages, max_tokens):
            return "The city will cultivate more than 500 new small enterprises with special skills this year."

    result = engine(Forgets(), tmp_path).translate("今年全市将新培育专精特新企业500家以上，推动产业转型升级。")
    assert "renderings not used: 专精特新" in result.flagged


def test_every_request_is_sent_first_then_only_the_failed_ones_retried():
    backend = FakeBackend(forgetful=True)
    eng = engine(backend)
    items = [("sentence", "今年新建基站12个。"), ("title", "产业新高地"), ("sentence", "今年新建基站12个。")]
    found = eng.translate_all(items)
    asks = [call[-1]["content"].split("\n", 1) for call in backend.calls]
    # two distinct segments asked once each, then one retry for the one with a number
    assert [source for _, source in asks] == ["今年新建基站12个。", "产业新高地", "今年新建基站12个。"]
    assert "Keep these numbers: 12." in asks[2][0]
    assert "12" in found[("sentence", "今年新建基站12个。")].english
    assert len(found) == 2 and eng.translated == 2


def test_a_failed_request_fails_only_its_own_segment():
    from briefing.translate.backends import BackendError

    class Flaky(FakeBackend):
        def chat(self, messages, max_tokens):
            if "断网" in messages[-1]["content"]:
                raise BackendError("connection reset")
            return super().chat(messages, max_tokens)

    found = engine(Flaky()).translate_all([("sentence", "会议在断网时召开。"), ("sentence", "全市新建工厂8家。")])
    assert found[("sentence", "会议在断网时召开。")].flagged.startswith("translation failed: connection reset")
    assert found[("sentence", "全市新建工厂8家。")].english == "EN 8"


def test_an_openai_compatible_server_gets_requests_in_parallel():
    import threading
    import time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from briefing.translate.backends import OpenAIBackend, chat_many

    state = {"now": 0, "most": 0}
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            with lock:
                state["now"] += 1
                state["most"] = max(state["most"], state["now"])
            time.sleep(0.2)
            with lock:
                state["now"] -= 1
            answer = {"choices": [{"message": {"content": "EN " + body["messages"][-1]["content"][-3:]}}]}
            data = json.dumps(answer, ensure_ascii=False).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        backend = OpenAIBackend(f"http://127.0.0.1:{server.server_port}/v1", "m", "NO_SUCH_KEY_VAR", parallel=3)
        answers: dict[int, object] = {}
        requests = [([{"role": "user", "content": f"第{i}段"}], 32) for i in range(6)]
        chat_many(backend, requests, answers.__setitem__)
    finally:
        server.shutdown()
    assert answers == {i: f"EN 第{i}段" for i in range(6)}
    assert state["most"] == 3


@pytest.mark.slow
def test_the_llama_backend_decodes_several_segments_at_once(tmp_path_factory):
    from briefing.translate.backends import LlamaBackend

    model = _small_model(tmp_path_factory)
    assert model is not None
    backend = LlamaBackend(model, threads=2, parallel=3)
    eng = Engine(backend, load_glossary(), Memory(None))
    sources = ["该市今年新建学校17所。", "去年全省引进企业245家。", "明年将投资880亿元。", "公司有员工3600人。"]
    found = eng.translate_all(("sentence", zh) for zh in sources)
    numbers = ["17", "245", "880", "3,600|3600|3.6 thousand"]
    for zh, number in zip(sources, numbers, strict=True):
        english = found[("sentence", zh)].english
        assert english and not re.search(r"[\u3000-\u9fff]", english)
        others = [n for n in numbers if n != number]
        assert not any(re.search(rf"\b(?:{n})\b", english) for n in others), (zh, english)  # each its own answer
    assert backend.runs[0].requests == 4 and backend.runs[0].generated_tokens > 0
    assert 0 < backend.runs[0].prompt_seconds < backend.runs[0].seconds
    shared = backend.runs[0].prompt_tokens - backend.runs[0].evaluated_tokens
    assert shared > 3 * 200  # the system prompt and worked examples evaluated once, not per request


def test_a_rendering_counts_as_used_in_any_order_number_or_abbreviation():
    from briefing.translate.engine import dropped_terms

    given = [("甲", "new energy vehicles"), ("乙", "ultra-high-voltage (UHV)"), ("丙", "municipal CPPCC committee")]
    english = "The CPPCC municipal committee backed a new energy vehicle plant and two UHV lines."
    assert dropped_terms(english, given) == []
    assert dropped_terms("Ultra high voltage lines were built.", given[1:2]) == []
    assert dropped_terms("Pumped-storage plants", [("丁", "pumped storage")]) == []
    assert dropped_terms("The city's advisory body met.", given) == ["甲", "乙", "丙"]


def test_small_numbers_spelled_out_and_approximate_amounts_count_as_kept():
    assert missing_numbers("建设3个园区，引进12家企业，1年内完成", "three parks, twelve firms, within one year") == []
    assert missing_numbers("追回资金30余万元，投资5亿元", "over 300,000 yuan recovered; 500 million invested") == []
    assert missing_numbers("建设3个园区", "several parks") == ["3"]
    assert missing_numbers("增长7.09%，共38个", "grew 7.09%, thirty in all") == ["38"]
