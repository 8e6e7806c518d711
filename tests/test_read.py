from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.read import expand_inputs, read_source
from briefing.read.encoding import DecodeError, decode

TEXT = "市人大代表建议，加快建设智能工厂。\n\n下一步，该区将推进数字化转型。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8 (BOM)"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),
        (("ABC news " + TEXT).encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_decode_detects_the_encoding(data: bytes, encoding: str):
    text, name = decode(data)
    assert text.strip().endswith("推进数字化转型。")
    assert name == encoding


def test_binary_data_is_refused():
    with pytest.raises(DecodeError, match="binary"):
        decode(bytes(range(256)) * 10)


def test_empty_file_names_the_file(tmp_path: Path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    with pytest.raises(InputError) as info:
        read_source(path)
    assert "empty.txt" in str(info.value) and "empty" in info.value.reason


def test_unsupported_extension_is_refused(tmp_path: Path):
    path = tmp_path / "page.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError, match="unsupported"):
        read_source(path)


def test_broken_docx_is_refused(tmp_path: Path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="docx"):
        read_source(path)


def test_docx_paragraphs_are_read(tmp_path: Path):
    import docx

    document = docx.Document()
    document.add_paragraph("重庆加快建设智能工厂")
    document.add_paragraph("该区将推进数字化转型。")
    path = tmp_path / "page.docx"
    document.save(str(path))
    source = read_source(path)
    assert "重庆加快建设智能工厂" in source.text and "该区将推进数字化转型。" in source.text


def test_traditional_script_is_detected(tmp_path: Path):
    path = tmp_path / "trad.txt"
    path.write_text("市政協委員建議，加快發展數字經濟，推動產業轉型升級。", "utf-8")
    assert read_source(path).script == "traditional"
    path.write_text("市政协委员建议，加快发展数字经济，推动产业转型升级。", "utf-8")
    assert read_source(path).script == "simplified"


def test_folders_are_searched_and_symlink_loops_reported(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(TEXT, "utf-8")
    (tmp_path / "a" / "notes.xlsx").write_text("x", "utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a", target_is_directory=True)
    files, skipped = expand_inputs([str(tmp_path), str(tmp_path / "missing.txt")])
    assert [f.name for f in files] == ["one.txt"]
    reasons = " ".join(s.reason for s in skipped)
    assert "no such file" in reasons and "symlink loop" in reasons


def _page(charset: str, body: str) -> str:
    return (
        f'<html><head><meta charset="{charset}"><title>新闻</title></head><body><article><h1>市政府部署稳就业工作</h1>'
        + "".join(f"<p>{body}</p>" for _ in range(4))
        + "</article></body></html>"
    )


BODY = "市人社局负责人表示，将开展职业技能培训一万人次，对取得证书的学员给予每人一千元补贴。"


def test_a_page_declaring_gb2312_that_is_utf8_is_read_as_utf8(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_bytes(_page("gb2312", BODY).encode("utf-8"))
    source = read_source(path)
    assert BODY in source.text
    assert "utf-8" in source.encoding and "gb2312" in source.encoding


def test_a_page_declaring_gb2312_with_gbk_characters_decodes_without_loss(tmp_path: Path):
    body = "朱镕基同志的讲话精神得到认真学习和贯彻落实，各部门将进一步抓好落实。"  # 镕 is GBK, not GB 2312
    path = tmp_path / "page.html"
    path.write_bytes(_page("gb2312", body).encode("gbk"))
    source = read_source(path)
    assert body in source.text and "\ufffd" not in source.text
    assert source.encoding.endswith("gb2312")


def test_a_page_declaring_utf8_that_is_gbk_is_read_by_its_bytes(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_bytes(_page("utf-8", BODY).encode("gbk"))
    source = read_source(path)
    assert BODY in source.text
