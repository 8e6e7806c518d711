"""Writers: the only code that writes output files.

Each writer takes the finished :class:`~briefing.model.Briefing` and returns the
bytes of one format; :func:`write_all` writes them atomically.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import EXIT_OUTPUT, BriefingError
from ..model import Briefing

if TYPE_CHECKING:
    from ..config import Settings

Writer = Callable[[Briefing, "RenderOptions"], bytes]


@dataclass(frozen=True)
class RenderOptions:
    """How the writers render: templates, house style, fonts, and where warnings go."""

    templates: Path | None = None
    reference_docx: Path | None = None
    font_cjk: str = "Noto Serif CJK SC"
    font_cjk_heading: str = "Noto Sans CJK SC"
    font_latin: str = "Calibri"
    mail_subject: str = "{title} · {period}"
    mail_from: str | None = None
    mail_to: tuple[str, ...] = ()
    mail_attach: tuple[str, ...] = ("docx",)
    length: str = "full"  # brief: the first page, the leading items per theme, an annex list
    warn: Callable[[str], None] = field(default=lambda message: None, compare=False)

    @classmethod
    def from_settings(cls, settings: Settings, warn: Callable[[str], None] | None = None) -> RenderOptions:
        return cls(
            templates=settings.templates,
            reference_docx=settings.reference_docx,
            font_cjk=settings.font_cjk,
            font_cjk_heading=settings.font_cjk_heading,
            font_latin=settings.font_latin,
            mail_subject=settings.mail_subject,
            mail_from=settings.mail_from,
            mail_to=settings.mail_to,
            mail_attach=settings.mail_attach,
            length=settings.length,
            warn=warn or (lambda message: None),
        )


def _writer(fmt: str) -> Writer:
    if fmt == "md":
        from .markdown import render_markdown

        return render_markdown
    if fmt == "json":
        from .jsonout import render_json

        return render_json
    if fmt == "html":
        from .html import render_html

        return render_html
    from .docx import render_docx

    return render_docx


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``: an
    interrupted run never leaves half a file, nor destroys the previous one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; give the file the usual mode
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def readable(briefing: Briefing) -> Briefing:
    """The briefing in the script it is read in: the Chinese as printed, or converted
    to Traditional (OpenCC) when the briefing asks for it."""
    if not briefing.opencc or briefing.script.startswith("traditional"):
        return briefing
    from ..translate.apply import to_traditional

    return to_traditional(briefing, briefing.opencc)


def render_all(briefing: Briefing, formats: tuple[str, ...], options: RenderOptions) -> dict[str, bytes]:
    """The bytes of every format.  The email comes last: it attaches the very bytes
    of the files written beside it (rendering what it attaches and is not asked for)."""
    briefing = readable(briefing)
    rendered = _render_formats(briefing, [fmt for fmt in formats if fmt != "eml"], options)
    if "eml" in formats:
        from .email import render_email

        files = {kind: rendered.get(kind) or _writer(kind)(briefing, options) for kind in options.mail_attach}
        rendered["eml"] = render_email(briefing, options, files)
    return {fmt: rendered[fmt] for fmt in formats}


# A week this big has its DOCX (the slowest format) written in a second process
# while the others are written here, where the machine has a second core.
MIN_PARALLEL_PROPOSALS = 1000
_FORKED: tuple[Briefing, RenderOptions] | None = None  # what a forked process renders from


def _render_forked(fmt: str) -> bytes:
    assert _FORKED is not None
    return _writer(fmt)(*_FORKED)


def _render_formats(briefing: Briefing, formats: list[str], options: RenderOptions) -> dict[str, bytes]:
    import multiprocessing

    parallel = (
        "docx" in formats
        and len(formats) > 1
        and len(briefing.proposals) >= MIN_PARALLEL_PROPOSALS
        and (os.cpu_count() or 1) > 1
        and "fork" in multiprocessing.get_all_start_methods()
    )
    if not parallel:
        return {fmt: _writer(fmt)(briefing, options) for fmt in formats}
    from concurrent.futures import ProcessPoolExecutor

    global _FORKED
    _FORKED = (briefing, options)
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
            docx = pool.submit(_render_forked, "docx")
            rendered = {fmt: _writer(fmt)(briefing, options) for fmt in formats if fmt != "docx"}
            try:
                rendered["docx"] = docx.result()
            except Exception:  # rendered again here, where its error is raised as it is
                rendered["docx"] = _writer("docx")(briefing, options)
    finally:
        _FORKED = None
    return {fmt: rendered[fmt] for fmt in formats}


def write_all(briefing: Briefing, out: Path, formats: tuple[str, ...], options: RenderOptions) -> list[Path]:
    """Render every format first, then write them; nothing is written if one fails."""
    rendered = [(out / f"briefing.{fmt}", data) for fmt, data in render_all(briefing, formats, options).items()]
    written = []
    for path, data in rendered:
        try:
            write_atomic(path, data)
        except OSError as exc:
            raise BriefingError(f"{path}: cannot write ({exc.strerror or exc})", EXIT_OUTPUT) from None
        written.append(path)
    return written
