"""Word documents: one paragraph of the document is one line of the page."""

from __future__ import annotations

import io
import zipfile

from ..registry import readers
from .encoding import DecodeError


@readers.register(".docx")
def read_docx(data: bytes) -> tuple[str, str]:
    import docx  # heavy: imported only when a .docx is read
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise DecodeError(f"not a valid .docx file ({exc.__class__.__name__})") from exc
    lines: list[str] = []
    for para in document.paragraphs:
        lines.append(para.text)
        lines.append("")
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
            lines.append("")
    return "\n".join(lines), "docx"
