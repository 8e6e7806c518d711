"""The command line: thin commands that parse options, call the pipeline and map
errors to the documented exit codes.  Heavy modules are imported inside the
commands so that ``briefing --help`` stays fast."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import EXIT_NOTHING, EXIT_OK, EXIT_PARTIAL, BriefingError

EXIT_CODES_HELP = (
    "Exit codes: 0 every input was used; 1 a briefing was written but some inputs were skipped; "
    "2 bad command line or configuration; 3 no input could be used (nothing written); "
    "4 the briefing could not be written."
)

app = typer.Typer(
    name="briefing",
    help="Turn Chinese newspaper pages into a weekly policy briefing (Markdown, DOCX, JSON).\n\n" + EXIT_CODES_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefing {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        Optional[bool],  # noqa: UP045 - typer needs Optional for flags on Python < 3.12 annotations
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """briefing: weekly bilingual policy briefings from Chinese newspaper pages."""


def _err(message: str) -> None:
    typer.echo(f"briefing: {message}", err=True)


@app.command(help="Read newspaper pages and write the briefing.\n\n" + EXIT_CODES_HELP)
def make(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Page files (.txt, .md, .docx) or folders to search for them.", show_default=False),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write briefing.md/.docx/.json into.")] = Path(
        "out"
    ),
    formats: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--format", "-f", help="Comma-separated formats to write: md, docx, json [default: all]."),
    ] = None,
    title: Annotated[Optional[str], typer.Option(help="Title of the briefing.")] = None,  # noqa: UP045
    config: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(help="TOML settings file [default: ./briefing.toml if present]."),
    ] = None,
    themes: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(help="TOML theme taxonomy replacing the packaged one."),
    ] = None,
    summarizer: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Summary backend: textrank (default), lead or snownlp."),
    ] = None,
    summary_chars: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(help="Length budget of each article summary, in characters [default: 300]."),
    ] = None,
    templates: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(help="Folder with Jinja2 templates overriding the packaged ones."),
    ] = None,
    reference_docx: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(help="Build the DOCX on this .docx: its styles, header and footer (house style)."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
) -> None:
    try:
        code = _make(
            inputs, out, formats, title, config, themes, summarizer, summary_chars, templates, reference_docx, quiet
        )
    except BriefingError as exc:
        if debug:
            raise
        _err(str(exc))
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        _err("interrupted; no output was changed")
        raise typer.Exit(130) from None
    raise typer.Exit(code)


def _make(
    inputs: list[str],
    out: Path,
    formats: str | None,
    title: str | None,
    config: Path | None,
    themes: Path | None,
    summarizer: str | None,
    summary_chars: int | None,
    templates: Path | None,
    reference_docx: Path | None,
    quiet: bool,
) -> int:
    from .config import load_settings
    from .pipeline import build, collect
    from .progress import progress_bar
    from .render import RenderOptions, write_all

    settings = load_settings(config).merged(
        title=title,
        formats=tuple(f.strip() for f in formats.split(",") if f.strip()) if formats is not None else None,
        summarizer=summarizer,
        summary_chars=summary_chars,
        themes=themes,
        templates=templates,
        reference_docx=reference_docx,
    )
    show = not quiet and sys.stderr.isatty()
    with progress_bar(show) as progress:
        collected = collect(inputs, progress.step("Reading"))
        for skipped in collected.skipped:
            _err(f"skipped {skipped.path}: {skipped.reason}")
        if not collected.sources:
            _err("no usable input: nothing was written")
            return EXIT_NOTHING
        progress.reset("Analysing", len(collected.sources))
        briefing = build(collected, settings, progress.step("Analysing"))
    written = write_all(briefing, out, settings.formats, RenderOptions.from_settings(settings, warn=_err))
    if not quiet:
        n_props = len(briefing.proposals)
        typer.echo(
            f"{len(briefing.analyses)} articles, {n_props} proposals from {len(briefing.sources)} page(s) -> "
            + ", ".join(str(p) for p in written),
            err=True,
        )
    return EXIT_PARTIAL if collected.skipped else EXIT_OK


def run() -> None:
    app()


if __name__ == "__main__":  # pragma: no cover
    run()
