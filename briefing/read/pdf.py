"""PDF pages (e-paper downloads) through pdfium, with our own layout analysis.

pdfium gives each character with its box, size and transformation, and each
picture and ruled line; :mod:`briefing.read.layout` turns them into paragraphs
in reading order with their roles (headline, kicker, byline, body, caption),
which the cleaner uses instead of guessing from the text.

A PDF without usable text is refused with the reason: no text layer (a scanned
page, which needs OCR first), fonts whose characters map to no Unicode text (the
same), a password, or a damaged file.
"""

from __future__ import annotations

import ctypes
import math
import unicodedata
from typing import Any

from ..registry import readers
from .encoding import Decoded, DecodeError
from .layout import Box, Glyph, Rule, paragraphs

# Fewer real characters than this on average per page: no text layer.
MIN_CHARS_PER_PAGE = 20
# Of the Chinese characters, at least this share must be common ones (GB 2312 level 1
# or Big5 frequent characters) for the text to be what the page shows.
MIN_COMMON_SHARE = 0.8
# Characters with no Unicode mapping (control, private-use, U+FFFD): at most this share.
MAX_UNMAPPED_SHARE = 0.1
# A ruled line is at most this thick and at least this long, in points.
RULE_THICKNESS, RULE_LENGTH = 3.0, 20.0
MIN_PICTURE = 20.0

OCR_HINT = "run OCR first (for example: ocrmypdf -l chi_sim+chi_tra in.pdf out.pdf)"


@readers.register(".pdf")
def read_pdf(data: bytes) -> Decoded:
    import pypdfium2 as pdfium  # heavy: imported only when a PDF is read

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise DecodeError(_open_error(str(exc))) from None
    try:
        pages = []
        before = ""  # the role of the last paragraph so far: text may go on onto the next page
        for i in range(len(document)):
            pages.append(_read_page(document[i], before))
            before = next((role for role, _ in reversed(pages[-1][0]) if role != "furniture"), before)
    finally:
        document.close()
    decoded = Decoded.from_lines((para for paras, _, _ in pages for para in paras), "pdf")
    _check_text(decoded.text, len(pages), sum(p[1] for p in pages), sum(p[2] for p in pages))
    return decoded


def _open_error(message: str) -> str:
    lower = message.lower()
    if "password" in lower or "security" in lower:
        return "the PDF is encrypted (it needs a password); save an unprotected copy and read that"
    return "not a readable PDF (damaged or not a PDF)"


def _check_text(text: str, pages: int, glyphs: int, unmapped: int) -> None:
    """Refuse text that is not what the page shows, saying why."""
    real = sum(1 for ch in text if not ch.isspace())
    if real < MIN_CHARS_PER_PAGE * max(pages, 1):
        raise DecodeError(f"the PDF has no text layer (a scanned page?): {OCR_HINT}")
    if unmapped > MAX_UNMAPPED_SHARE * max(glyphs, 1):
        raise DecodeError(f"the PDF's fonts do not map their characters to text: {OCR_HINT}")
    share = common_share(text)
    if share is not None and share < MIN_COMMON_SHARE:
        raise DecodeError(
            f"the PDF's text does not decode to readable Chinese (a font without a Unicode map): {OCR_HINT}"
        )


def _common(ch: str) -> bool:
    """One of the frequent characters of GB 2312 (level 1) or Big5."""
    try:
        gb = ch.encode("gb2312")
        if 0xB0 <= gb[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        big5 = ch.encode("big5")
        return 0xA440 <= int.from_bytes(big5, "big") <= 0xC67E
    except UnicodeEncodeError:
        return False


def common_share(text: str) -> float | None:
    """The share of common characters among the Chinese ones; None with too few to tell."""
    han = [ch for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"]
    if len(han) < 50:
        return None
    return sum(map(_common, han)) / len(han)


def _unmapped(ch: str) -> bool:
    if ch in "\r\n\t ":
        return False
    return ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn")


def _read_page(page: Any, before: str = "") -> tuple[list[tuple[str, str]], int, int]:
    """The page's paragraphs with their roles, how many glyphs it has, and how many
    characters pdfium could not map to Unicode."""
    import pypdfium2.raw as raw

    width, height = page.get_size()
    glyphs, unmapped = _glyphs(page, height)
    pictures: list[Box] = []
    rules: list[Rule] = []
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_PATH]):
        left, bottom, right, top = obj.get_bounds()
        box = Box(left, height - top, right, height - bottom)
        if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            if box.width >= MIN_PICTURE and box.height >= MIN_PICTURE:
                pictures.append(box)
        else:
            rules.extend(_rules(box))
    paras = paragraphs(glyphs, pictures, rules, Box(0, 0, width, height), before)
    return [(p.role, p.text) for p in paras], len(glyphs), unmapped


def _rules(box: Box) -> list[Rule]:
    """A thin path is a rule; a larger one (a frame) gives its four edges."""
    thin = min(box.width, box.height) <= RULE_THICKNESS
    if thin and max(box.width, box.height) >= RULE_LENGTH:
        return [Rule(box)]
    if box.width >= RULE_LENGTH and box.height >= RULE_LENGTH:
        x0, top, x1, bottom = box.x0, box.top, box.x1, box.bottom
        return [
            Rule(Box(x0, top, x1, top)),
            Rule(Box(x0, bottom, x1, bottom)),
            Rule(Box(x0, top, x0, bottom)),
            Rule(Box(x1, top, x1, bottom)),
        ]
    return []


def _glyphs(page: Any, height: float) -> tuple[list[Glyph], int]:
    """Every character pdfium found, with its box and real size (the font size
    times the scale of its text and page matrices: pdfium reports 1.0 for text
    scaled by its matrix)."""
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    tp = textpage.raw
    n = raw.FPDFText_CountChars(tp)
    codes = _codes(raw, tp, n)
    out: list[Glyph] = []
    unmapped = 0
    rect = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    for i in range(n):
        ch = chr(codes[i]) if codes[i] else "\ufffd"
        if ch in "\r\n" or (ch == " " and raw.FPDFText_IsGenerated(tp, i)):
            continue  # line ends and spaces pdfium added itself
        if _unmapped(ch):
            unmapped += 1
            continue
        size = raw.FPDFText_GetFontSize(tp, i)
        if raw.FPDFText_GetMatrix(tp, i, matrix):
            size *= math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c)) or 1.0
        raw.FPDFText_GetLooseCharBox(tp, i, rect)
        raw.FPDFText_GetCharOrigin(tp, i, ox, oy)
        x1 = rect.right if rect.right > rect.left else rect.left + size * (0.5 if ch.isascii() else 1.0)
        base = height - oy.value
        out.append(Glyph(ch, rect.left, x1, base - 0.88 * size, base + 0.12 * size, base, round(size, 2), len(out)))
    textpage.close()
    return out, unmapped


def _codes(raw: Any, tp: Any, n: int) -> list[int]:
    """The Unicode value of every character, in one call where the text has one
    UTF-16 unit per character (no characters outside the BMP)."""
    buffer = (ctypes.c_ushort * (n + 1))()
    written = raw.FPDFText_GetText(tp, 0, n, buffer)
    units = list(buffer[: max(written - 1, 0)])
    if len(units) == n and not any(0xD800 <= u <= 0xDFFF for u in units):
        return units
    return [raw.FPDFText_GetUnicode(tp, i) for i in range(n)]
