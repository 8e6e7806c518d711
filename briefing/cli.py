"""The command line: thin commands that parse options, call the pipeline and map
errors to the documented exit codes.  Heavy modules are imported inside the
commands so that ``briefing --help`` stays fast."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from . import __version__
from .errors import EXIT_INTERNAL, EXIT_NOTHING, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, BriefingError, ConfigError

EXIT_CODES_HELP = (
    "Exit codes: 0 every input was used; 1 a briefing was written but some inputs were skipped; "
    "2 bad command line or configuration; 3 no input could be used (nothing written); "
    "4 the briefing could not be written, or the email could not be sent; "
    "70 internal error (a bug: please report it)."
)

app = typer.Typer(
    name="briefing",
    help="Turn Chinese newspaper pages into a weekly policy briefing (Markdown, DOCX, JSON, HTML, email).\n\n"
    + EXIT_CODES_HELP,
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


@contextmanager
def handled(debug: bool = False) -> Iterator[None]:
    """Every command's errors to exit codes, in one place: a user's mistake is one
    line and its code; an interruption 130; a bug says so and exits 70 (with
    ``--debug``, the traceback instead)."""
    try:
        yield
    except typer.Exit:
        raise
    except BriefingError as exc:
        if debug:
            raise
        _err(str(exc))
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        _err("interrupted; no output was changed")
        raise typer.Exit(130) from None
    except Exception as exc:  # a bug, not the user's mistake: say so, keep the old output
        if debug:
            raise
        _err(f"internal error ({exc.__class__.__name__}: {exc}); no output was changed. Run with --debug for details")
        raise typer.Exit(EXIT_INTERNAL) from None


def _err(message: str) -> None:
    typer.echo(f"briefing: {message}", err=True)


_PATH = Optional[Path]  # noqa: UP045 - typer needs Optional on Python 3.11
_STR = Optional[str]  # noqa: UP045
_INT = Optional[int]  # noqa: UP045

ConfigOpt = Annotated[_PATH, typer.Option("--config", help="TOML settings file [default: ./briefing.toml if present].")]
TranslatorOpt = Annotated[
    _STR,
    typer.Option("--translator", help="English backend: llama (local GGUF), openai (any compatible server) or none."),
]
ModelOpt = Annotated[_PATH, typer.Option("--model", help="GGUF model file for the llama translator.")]
ThreadsOpt = Annotated[
    _INT, typer.Option("--threads", help="CPU threads for the llama translator [default: one per core].")
]
GlossaryOpt = Annotated[_PATH, typer.Option("--glossary", help="TOML glossary extending the packaged policy glossary.")]
ArchiveOpt = Annotated[
    _PATH,
    typer.Option("--archive", help="The archive (SQLite) [default: $BRIEFING_ARCHIVE, else in the user data folder]."),
]
CacheOpt = Annotated[
    _PATH, typer.Option("--cache", help="Translation memory (SQLite) [default: in the user cache folder].")
]


@app.command(help="Read newspaper pages and write the briefing.\n\n" + EXIT_CODES_HELP)
def make(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Page files (.pdf, .html, .htm, .mhtml, .mht, .txt, .md, .docx) or folders to search for them.",
            metavar="PAGES",
            show_default=False,
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write briefing.md/.docx/.json into.")] = Path(
        "out"
    ),
    formats: Annotated[
        _STR,
        typer.Option(
            "--format",
            "-f",
            help="Comma-separated formats to write: md, docx, json, html, eml [default: md,docx,json].",
        ),
    ] = None,
    title: Annotated[_STR, typer.Option(help="Title of the briefing.")] = None,
    length: Annotated[
        _STR,
        typer.Option(
            help="full (default): every section; brief: the executive summary with the leading proposals, "
            "the leading two of each theme and an annex listing every proposal."
        ),
    ] = None,
    config: ConfigOpt = None,
    themes: Annotated[_PATH, typer.Option(help="TOML theme taxonomy replacing the packaged one.")] = None,
    summarizer: Annotated[_STR, typer.Option(help="Summary backend: textrank (default), lead or snownlp.")] = None,
    summary_chars: Annotated[
        _INT, typer.Option(help="Length budget of each article summary, in characters [default: 300].")
    ] = None,
    templates: Annotated[_PATH, typer.Option(help="Folder with Jinja2 templates overriding the packaged ones.")] = None,
    reference_docx: Annotated[
        _PATH, typer.Option(help="Build the DOCX on this .docx: its styles, header and footer (house style).")
    ] = None,
    lang: Annotated[
        _STR,
        typer.Option(
            help="zh: Chinese only; zh,en: English beside it, from the translator "
            "[default: zh,en when a translator or a model is set, else zh]."
        ),
    ] = None,
    translator: TranslatorOpt = None,
    model: ModelOpt = None,
    threads: ThreadsOpt = None,
    glossary: GlossaryOpt = None,
    cache: CacheOpt = None,
    script: Annotated[
        _STR, typer.Option(help="Script of the briefing's Chinese: simplified (as printed) or traditional.")
    ] = None,
    opencc: Annotated[_STR, typer.Option(help="OpenCC conversion for traditional: s2t, s2tw, s2twp or s2hk.")] = None,
    jobs: Annotated[
        _INT, typer.Option("--jobs", "-j", help="Worker processes for many pages [default: one per core].")
    ] = None,
    archive: ArchiveOpt = None,
    no_archive: Annotated[
        bool, typer.Option("--no-archive", help="Do not use or update the archive of earlier runs.")
    ] = False,
    since: Annotated[_STR, typer.Option(help="Only pages published on or after this date (2025-03-17).")] = None,
    period: Annotated[
        _STR, typer.Option(help="Only pages published in this week or month (2025-W12, 2025-03); names the briefing.")
    ] = None,
    send: Annotated[
        bool,
        typer.Option("--send", help="Also write briefing.eml and send it over SMTP (settings in briefing.toml)."),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
) -> None:
    overrides = _overrides(locals())
    with handled(debug):
        code = _make(inputs, out, config, overrides, quiet, send)
    raise typer.Exit(code)


def _overrides(params: dict[str, Any]) -> dict[str, Any]:
    """The flags given to a command, as settings: each flag is named as its Settings
    field, so a new setting needs its field and its option, nothing in between."""
    from dataclasses import fields

    from .config import Settings

    names = {f.name for f in fields(Settings)}
    out = {name: value for name, value in params.items() if name in names}
    for name in ("formats", "lang"):  # given comma-separated
        if name in out:
            out[name] = _split(out[name])
    if params.get("no_archive"):
        out["use_archive"] = False
    return out


def _split(value: str | None) -> tuple[str, ...] | None:
    return tuple(v.strip() for v in value.split(",") if v.strip()) if value is not None else None


def _make(inputs: list[str], out: Path, config: Path | None, overrides: dict, quiet: bool, send: bool = False) -> int:
    from .config import load_settings
    from .pipeline import build, collect, localise, remember, to_translate
    from .progress import progress_bar
    from .render import RenderOptions, write_all

    settings = load_settings(config).merged(**overrides)
    if send:
        from .mail import ready

        ready(settings)  # before the work: a run that cannot be sent says so at once
        if "eml" not in settings.formats:
            settings = settings.merged(formats=(*settings.formats, "eml"))
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
        for excluded in briefing.excluded:
            _err(f"left out {excluded.path}: {excluded.reason}")
        if not briefing.sources:
            _err("no page in the selected period: nothing was written")
            return EXIT_NOTHING
        briefing = remember(briefing, settings)
        progress.reset("Translating", to_translate(briefing, settings))
        briefing = localise(briefing, settings, progress.step("Translating"))
    written = write_all(briefing, out, settings.formats, RenderOptions.from_settings(settings, warn=_err))
    if not quiet:
        n_props = len(briefing.proposals)
        typer.echo(
            f"{len(briefing.analyses)} articles, {n_props} proposals from {len(briefing.sources)} page(s) -> "
            + ", ".join(str(p) for p in written),
            err=True,
        )
        if briefing.translation and briefing.translation.flagged:
            _err(f"{briefing.translation.flagged} translation(s) failed the number check and are flagged")
    if send:
        eml = out / "briefing.eml"
        code = _send(eml, settings, quiet)
        if code != EXIT_OK:
            return code
    return EXIT_PARTIAL if collected.skipped else EXIT_OK


def _send(eml: Path, settings: Any, quiet: bool) -> int:
    """Send a written .eml; a failure says why in one line and keeps the file (exit 4)."""
    from .mail import SendError, send

    try:
        recipients = send(eml.read_bytes(), settings)
    except SendError as exc:
        _err(f"not sent: {exc}; the message is kept in {eml}")
        return exc.exit_code
    if not quiet:
        typer.echo(f"sent {eml} to {', '.join(recipients)}", err=True)
    return EXIT_OK


SEND_EXIT_CODES = (
    "Exit codes: 0 sent; 2 bad command line, configuration or file; "
    "4 the server could not be reached or refused the message (the .eml is kept)."
)


@app.command(
    help="Send a briefing email (briefing.eml from `briefing make --format eml`) over SMTP.\n\n"
    "The server, sender and recipients come from briefing.toml (smtp_host, smtp_port, smtp_security, smtp_user, "
    "smtp_password_env, mail_from, mail_to); the password from the environment variable smtp_password_env "
    "names.\n\n" + SEND_EXIT_CODES
)
def send(
    eml: Annotated[Path, typer.Argument(help="The .eml file to send.", show_default=False)],
    config: ConfigOpt = None,
    to: Annotated[
        list[str] | None,
        typer.Option("--to", metavar="ADDRESS", help="A recipient (repeat for more); replaces mail_to."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No line saying where it went.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
) -> None:
    from .config import load_settings

    with handled(debug):
        settings = load_settings(config).merged(mail_to=tuple(to) if to else None)
        if not eml.is_file():
            raise ConfigError(f"{eml}: no such file")
        code = _send(eml, settings, quiet)
    raise typer.Exit(code)


@app.command(
    help="Translate Chinese text to English with the briefing's backend, glossary and memory.\n\n"
    "Plain text in (a file, or - for standard input), English out, a line per paragraph. "
    'With --jsonl, lines of {"id", "zh"} in and {"id", "zh", "en"} out (plus "flag" when a check failed).'
)
def translate(
    source: Annotated[str, typer.Argument(help="A UTF-8 text file, or - for standard input.")] = "-",
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help='Read and write JSON lines: {"id", "zh"} -> {"id", "zh", "en"}.')
    ] = False,
    config: ConfigOpt = None,
    translator: TranslatorOpt = None,
    model: ModelOpt = None,
    threads: ThreadsOpt = None,
    glossary: GlossaryOpt = None,
    cache: CacheOpt = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
) -> None:
    with handled(debug):
        _translate(source, jsonl, config, translator, model, threads, glossary, cache)


def _translate(
    source: str,
    jsonl: bool,
    config: Path | None,
    translator: str | None,
    model: Path | None,
    threads: int | None,
    glossary: Path | None,
    cache: Path | None,
) -> None:
    from .config import load_settings
    from .errors import EXIT_NOTHING as NOTHING
    from .pipeline import translation_engine

    settings = load_settings(config).merged(
        translator=translator, model=model, threads=threads, glossary=glossary, cache=cache
    )
    with translation_engine(settings) as engine:
        if engine is None:
            raise BriefingError("no translator: choose one with --translator llama|openai (see --help)")
        try:
            text = sys.stdin.read() if source == "-" else Path(source).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise BriefingError(f"{source}: cannot read ({exc})", NOTHING) from None
        _write_translations(engine, text, source, jsonl)


def _write_translations(engine: Any, text: str, source: str, jsonl: bool) -> None:
    import json

    if not jsonl:
        for line in text.splitlines():
            typer.echo(engine.translate(line).english if line.strip() else "")
        return
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            zh = str(item["zh"])
        except (json.JSONDecodeError, KeyError, TypeError):
            raise BriefingError(f'{source}, line {n}: not a JSON object with a "zh" field') from None
        result = engine.translate(zh)
        row = {"id": item.get("id"), "zh": zh, "en": result.english}
        if result.flagged:
            row["flag"] = result.flagged
        typer.echo(json.dumps(row, ensure_ascii=False))


models_app = typer.Typer(
    help="Local translation models shipped on PyPI in chunk packages: list them, assemble one.",
    no_args_is_help=True,
)
app.add_typer(models_app, name="models")


@models_app.command("list", help="The known models, whether their packages are installed, and where the file is.")
def models_list() -> None:
    from .translate.models import PRESETS, default_path, installed, state

    typer.echo("key\tmodel\tsize\tpackages\tfile")
    for key, preset in PRESETS.items():
        present, where = state(default_path(key), preset)
        if installed(preset):
            packages = "installed"
        elif present:
            packages = "not needed (assembled)"
        else:
            packages = f"pip install {preset.pip_names}"
        typer.echo(f"{key}\t{preset.name}\t{preset.size / 1e9:.2f} GB\t{packages}\t{where}")


@models_app.command(
    "assemble",
    help="Join a model's chunk packages into one verified GGUF file and print its path, for --model.",
)
def models_assemble(
    key: Annotated[str, typer.Argument(help="The model's key (see `briefing models list`).", show_default=False)],
    out: Annotated[
        _PATH, typer.Option("--out", "-o", help="Where to write it [default: the user data folder].")
    ] = None,
) -> None:
    from .errors import EXIT_OUTPUT
    from .translate.models import PRESETS, ModelError, assemble, default_path

    with handled():
        if key not in PRESETS:
            raise ConfigError(f"unknown model {key!r} (known: {', '.join(PRESETS)})")
        try:
            path = assemble(PRESETS[key], out or default_path(key))
        except ModelError as exc:
            raise BriefingError(str(exc), EXIT_USAGE if "install" in str(exc) else EXIT_OUTPUT) from None
        except OSError as exc:
            raise BriefingError(f"cannot write the model ({exc.strerror or exc})", EXIT_OUTPUT) from None
        typer.echo(str(path))


archive_app = typer.Typer(
    help="Look into the archive of earlier runs: runs, proposals, CSV export.", no_args_is_help=True
)
app.add_typer(archive_app, name="archive")


def _open_archive(path: Path | None, config: Path | None) -> Any:
    """The archive `briefing make` would use with the same settings and flags."""
    from .archive.store import Archive, resolve_path
    from .config import load_settings

    where = resolve_path(load_settings(config).merged(archive=path).archive)
    if not where.exists():
        raise BriefingError(f"{where}: no archive yet (briefing make creates it)", EXIT_NOTHING)
    return Archive(where)


def _archive_command(action: Callable[[Any], None], path: Path | None, config: Path | None) -> None:
    with handled():
        archive = _open_archive(path, config)
        try:
            action(archive)
        finally:
            archive.close()


@archive_app.command("runs", help="List the runs, newest first.")
def archive_runs(
    archive: ArchiveOpt = None,
    config: ConfigOpt = None,
    limit: Annotated[int, typer.Option(help="How many.")] = 20,
) -> None:
    def show(store: Any) -> None:
        typer.echo("run\tstarted\tperiod\tsources\tarticles\tproposals\ttitle")
        for run, started, per, title, n_sources, n_articles, n_props in store.runs(limit):
            typer.echo(f"{run}\t{started}\t{per}\t{n_sources}\t{n_articles}\t{n_props}\t{title}")

    _archive_command(show, archive, config)


@archive_app.command("search", help="Proposals by speaker (name, role or body), theme key or text.")
def archive_search(
    archive: ArchiveOpt = None,
    config: ConfigOpt = None,
    speaker: Annotated[_STR, typer.Option(help="Part of the speaker's name, role or body.")] = None,
    theme: Annotated[_STR, typer.Option(help="A theme key: innovation, digital, energy, talent, ...")] = None,
    text: Annotated[_STR, typer.Option(help="Part of the proposal's text.")] = None,
    limit: Annotated[int, typer.Option(help="How many at most.")] = 50,
) -> None:
    def show(store: Any) -> None:
        rows = store.search(speaker, theme, text, limit)
        for row in rows:
            who = row["speaker"] or row["body"] or "—"
            typer.echo(f"[{row['period']}] {who} ({row['role'] or ''}) {row['kind']} [{row['themes']}]: {row['text']}")
        if not rows:
            _err("no proposal matches")

    _archive_command(show, archive, config)


@archive_app.command("export", help="All archived proposals as CSV (UTF-8), to a file or standard output.")
def archive_export(
    archive: ArchiveOpt = None,
    config: ConfigOpt = None,
    out: Annotated[_PATH, typer.Option("--out", "-o", help="CSV file to write [default: standard output].")] = None,
) -> None:
    def export(store: Any) -> None:
        if out is None:
            store.export_csv(sys.stdout)
            return
        import io

        from .render import write_atomic

        buf = io.StringIO()
        n = store.export_csv(buf)
        write_atomic(out, buf.getvalue().encode("utf-8-sig"))  # the BOM lets Excel read the Chinese
        _err(f"{n} proposals -> {out}")

    _archive_command(export, archive, config)


def run() -> None:
    app()


if __name__ == "__main__":  # pragma: no cover
    run()
