"""Bad input never crashes a run and never loses a briefing."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app

PAGE = (
    "某区推进智能制造 打造产业新高地\n\n□本报记者 王小明\n\n"
    "市人大代表、某区区委书记孙大为表示，某区将加快建设智能工厂。\n"
)
runner = CliRunner()


def make(*args: str):
    return runner.invoke(app, ["make", "-q", *args])


def test_every_bad_file_gets_one_line_and_the_rest_goes_on(tmp_path: Path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "good.txt").write_text(PAGE, "utf-8")
    (pages / "gbk.txt").write_bytes(PAGE.encode("gbk"))
    (pages / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"))
    (pages / "controls.txt").write_text(PAGE.replace("智能", "智\x01能\x1b"), "utf-8")
    (pages / "empty.txt").write_bytes(b"")
    (pages / "binary.md").write_bytes(bytes(range(256)) * 8)
    (pages / "undecodable.txt").write_bytes(b"\x81\x20\xff\x30" * 50)
    (pages / "broken.docx").write_bytes(b"PK\x03\x04 this is no zip")
    (pages / "loop.txt").symlink_to(pages / "loop.txt")
    out = tmp_path / "out"
    result = make(str(pages), str(tmp_path / "missing.txt"), "-o", str(out))
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("briefing: skipped")]
    named = {Path(line.split()[2].rstrip(":")).name for line in lines}
    assert named == {"empty.txt", "binary.md", "undecodable.txt", "broken.docx", "missing.txt", "loop.txt"}
    assert len(lines) == len(named)  # one line each
    assert "Traceback" not in result.output
    import json

    data = json.loads((out / "briefing.json").read_text("utf-8"))
    assert sorted(s["name"] for s in data["sources"]) == ["controls.txt", "gbk.txt", "good.txt", "utf16.txt"]
    assert (out / "briefing.docx").stat().st_size > 0  # control characters did not reach python-docx


def test_symlink_loop_given_directly_is_named(tmp_path: Path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    result = make(str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 3
    assert "a.txt" in result.output and "symlink" in result.output


def test_unreadable_file_is_named(tmp_path: Path, monkeypatch):
    (tmp_path / "good.txt").write_text(PAGE, "utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text(PAGE, "utf-8")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = make(str(tmp_path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "secret.txt: permission denied" in result.output


@pytest.mark.slow
def test_one_line_of_300000_characters(tmp_path: Path):
    import random

    rng = random.Random(5)
    line = "".join(
        rng.choice("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下")
        for _ in range(300_000)
    )
    (tmp_path / "long.txt").write_text(line, "utf-8")
    result = make(str(tmp_path / "long.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "briefing.md").stat().st_size < 100_000  # no 300,000-character summary


@pytest.mark.slow
def test_a_folder_with_thousands_of_files(tmp_path: Path):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(2000):
        (folder / f"{n:04d}.txt").write_text(
            f"第{n}号简讯\n\n全市今年新建智能工厂{n}家，同比增长{n % 30}%。\n", "utf-8"
        )
    result = make(str(folder), "-o", str(tmp_path / "out"), "-f", "json")
    assert result.exit_code == 0, result.output
    import json

    assert len(json.loads((tmp_path / "out" / "briefing.json").read_text("utf-8"))["sources"]) == 2000


def test_a_failed_run_keeps_the_previous_briefing(tmp_path: Path, monkeypatch):
    (tmp_path / "p.txt").write_text(PAGE, "utf-8")
    out = tmp_path / "out"
    assert make(str(tmp_path / "p.txt"), "-o", str(out)).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("briefing.render.docx.render_docx", broken)
    result = make(str(tmp_path / "p.txt"), "-o", str(out), "--title", "Changed")
    assert result.exit_code == 70
    assert "internal error" in result.output and "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # nothing half-written, nothing lost


def test_an_interrupted_write_leaves_no_partial_file(tmp_path: Path, monkeypatch):
    from briefing.render import write_atomic

    target = tmp_path / "briefing.md"
    target.write_text("old briefing", "utf-8")

    def replace(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new briefing")
    assert target.read_text("utf-8") == "old briefing"
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.md"]


def test_an_unwritable_output_exits_4(tmp_path: Path):
    (tmp_path / "p.txt").write_text(PAGE, "utf-8")
    blocker = tmp_path / "out"
    blocker.write_text("a file where the output folder should be", "utf-8")
    result = make(str(tmp_path / "p.txt"), "-o", str(blocker / "sub"))
    assert result.exit_code == 4
    assert "cannot write" in result.output


def test_output_is_identical_whatever_the_job_count(tmp_path: Path, seeds: Path):
    import json

    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(10):  # enough pages for worker processes
        for seed in sorted(seeds.glob("*.txt")):
            (pages / f"{n}-{seed.name}").write_text(seed.read_text("utf-8"), "utf-8")
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        assert make(str(pages), "-o", str(out), "-f", "json", "--jobs", jobs, "--no-archive").exit_code == 0
        data = json.loads((out / "briefing.json").read_text("utf-8"))
        data.pop("generated")
        outputs.append(data)
    assert outputs[0] == outputs[1]
