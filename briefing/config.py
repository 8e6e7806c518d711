"""Settings: packaged defaults, then the user's TOML file, then command-line flags.

A misspelt key or a value of the wrong type is an error, never silently ignored.
The file is ``briefing.toml`` in the current folder, or the one named by
``--config``; every key is optional::

    title = "Chongqing policy briefing"
    formats = ["md", "docx", "json"]
    summarizer = "textrank"     # textrank, lead, snownlp
    summary_chars = 300         # budget of each article summary, in characters
    themes = "my-themes.toml"   # replaces the packaged taxonomy
    templates = "my-templates"  # folder overriding the packaged templates
    reference_docx = "house.docx"  # build the DOCX on this document's styles, header, footer
    font_cjk = "SimSun"         # East Asian font of body text, by its English name
    font_cjk_heading = "Microsoft YaHei"  # [defaults: Noto Serif CJK SC, Noto Sans CJK SC]
    font_latin = "Calibri"
    lang = ["zh", "en"]         # zh: Chinese only; zh, en: English beside it (needs a translator);
                                # default: English when a translator is set, else Chinese only
    translator = "llama"        # llama, openai or none
    model = "models/qwen2.5-7b-instruct-q4_k_m.gguf"   # for llama
    threads = 0                 # llama threads, 0: one per core
    parallel = 4                # segments translated at once (llama: sequences in one batch;
                                # openai: concurrent requests)
    openai_url = "http://localhost:8080/v1"             # for openai: any compatible server
    openai_model = "qwen2.5-7b-instruct"
    openai_key_env = "OPENAI_API_KEY"                   # the variable holding the key
    glossary = "my-glossary.toml"   # extends the packaged policy glossary
    cache = "~/.cache/briefing/translations.sqlite"     # translation memory
    script = "traditional"      # the Chinese of the briefing in Traditional script
    opencc = "s2t"              # s2t, s2tw, s2twp or s2hk
    jobs = 0                    # worker processes for many pages, 0: one per core
    archive = "~/briefings/archive.sqlite"   # default: $BRIEFING_ARCHIVE, else the user data folder
    use_archive = true
    trend_runs = 6              # runs in the trend table
    length = "brief"            # brief: the first page, the leading items per theme and an annex list;
                                # full (default): every section
    [salience]                  # weights of a proposal's salience (docs/salience.md)
    who = 1.0                   # mandate and seniority of the speaker
    what = 1.0                  # concrete elements: amount, number, deadline, programme, new rule
    repeat = 1.0                # other speakers on the same measure this week
    new = 0.5                   # not in the archive's earlier periods
    # The briefing as an email (--format eml, `briefing send`, `briefing make --send`):
    mail_from = "Policy desk <desk@example.org>"
    mail_to = ["team@example.org"]
    mail_subject = "{title} · {period}"   # {title}, {period}, {proposals} are filled in
    mail_attach = ["docx"]      # docx, md, json: files attached to the email
    smtp_host = "smtp.example.org"
    smtp_port = 587             # default: 587 for starttls, 465 for ssl, 25 for none
    smtp_security = "starttls"  # starttls, ssl, or none (only for a relay on localhost)
    smtp_user = "desk@example.org"
    smtp_password_env = "BRIEFING_SMTP_PASSWORD"   # the variable holding the password
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

FORMATS = ("md", "docx", "json", "html", "eml")
DEFAULT_FORMATS = ("md", "docx", "json")
ATTACHABLE = ("docx", "md", "json")
SMTP_SECURITY = ("starttls", "ssl", "none")
SUBJECT_FIELDS = ("title", "period", "proposals")
DEFAULT_CONFIG = "briefing.toml"


@dataclass(frozen=True)
class Settings:
    title: str = "Policy briefing"
    formats: tuple[str, ...] = DEFAULT_FORMATS
    summarizer: str = "textrank"
    summary_chars: int = 300
    themes: Path | None = None
    templates: Path | None = None
    reference_docx: Path | None = None
    font_cjk: str = "Noto Serif CJK SC"
    font_cjk_heading: str = "Noto Sans CJK SC"
    font_latin: str = "Calibri"
    lang: tuple[str, ...] | None = None  # None: zh,en when a translator is set, else zh
    translator: str = "none"
    model: Path | None = None
    threads: int = 0  # 0: one per core
    parallel: int = 4  # segments translated at once
    openai_url: str | None = None
    openai_model: str | None = None
    openai_key_env: str = "OPENAI_API_KEY"
    glossary: Path | None = None
    cache: Path | None = None  # translation memory; None: the user cache folder
    script: str = "simplified"
    opencc: str = "s2t"
    jobs: int = 0  # worker processes for many pages; 0: one per core
    archive: Path | None = None  # None: $BRIEFING_ARCHIVE, else the user data folder
    use_archive: bool = True
    since: str | None = None  # ISO date: only pages published on or after it
    period: str | None = None  # 2025-W12 or 2025-03: only pages published then
    trend_runs: int = 6
    salience: tuple[tuple[str, float], ...] = ()  # weights of who, what, repeat, new (docs/salience.md)
    length: str = "full"  # brief: executive summary, leading items per theme, annex list
    mail_from: str | None = None
    mail_to: tuple[str, ...] = ()
    mail_subject: str = "{title} · {period}"
    mail_attach: tuple[str, ...] = ("docx",)
    smtp_host: str | None = None
    smtp_port: int = 0  # 0: the usual port of smtp_security
    smtp_security: str = "starttls"
    smtp_user: str | None = None
    smtp_password_env: str = "BRIEFING_SMTP_PASSWORD"

    @property
    def english(self) -> bool:
        """English beside the Chinese: asked for, or by default when a translator is set."""
        return "en" in self.lang if self.lang is not None else self.translator != "none"

    def merged(self, **overrides: Any) -> Settings:
        """A copy with the overrides that are not None applied, validated."""
        given = {k: v for k, v in overrides.items() if v is not None}
        return validate(replace(self, **given))


def validate(s: Settings) -> Settings:
    bad = [f for f in s.formats if f not in FORMATS]
    if bad or not s.formats:
        raise ConfigError(f"unknown format(s) {', '.join(bad) or '(none)'}: choose from {', '.join(FORMATS)}")
    if s.summary_chars < 20:
        raise ConfigError(f"summary_chars must be at least 20 (got {s.summary_chars})")
    from .registry import summarizers, translators

    if s.summarizer not in summarizers.names():
        raise ConfigError(f"unknown summarizer {s.summarizer!r} (known: {', '.join(summarizers.names())})")
    if s.translator not in translators.names():
        raise ConfigError(f"unknown translator {s.translator!r} (known: {', '.join(translators.names())})")
    if s.lang is not None:
        bad_lang = [x for x in s.lang if x not in ("zh", "en")]
        if bad_lang or "zh" not in s.lang:
            raise ConfigError(f"lang must be zh or zh,en (got {','.join(s.lang)})")
    if s.model is not None and s.translator == "none":
        s = replace(s, translator="llama")  # a model file means the local llama translator
    if s.lang is not None and "en" in s.lang and s.translator == "none":
        raise ConfigError(
            "English was asked for (lang zh,en) but no translator is set: add --model FILE.gguf "
            "(a local model, with llama-cpp-python), or --translator openai with openai_url in briefing.toml "
            "(any OpenAI-compatible server), or ask for --lang zh"
        )
    if s.script not in ("simplified", "traditional"):
        raise ConfigError(f"script must be simplified or traditional (got {s.script!r})")
    if s.opencc not in ("s2t", "s2tw", "s2twp", "s2hk"):
        raise ConfigError(f"opencc must be one of s2t, s2tw, s2twp, s2hk (got {s.opencc!r})")
    if s.since is not None:
        from datetime import date

        try:
            date.fromisoformat(s.since)
        except ValueError:
            raise ConfigError(f"since must be a date like 2025-03-17 (got {s.since!r})") from None
    if s.period is not None:
        from .archive.dates import parse_period

        try:
            parse_period(s.period)
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
    if s.length not in ("brief", "full"):
        raise ConfigError(f"length must be brief or full (got {s.length})")
    if s.trend_runs < 1:
        raise ConfigError(f"trend_runs must be at least 1 (got {s.trend_runs})")
    if s.jobs < 0:
        raise ConfigError(f"jobs must be 0 (one per core) or more (got {s.jobs})")
    if s.parallel < 1:
        raise ConfigError(f"parallel must be 1 or more (got {s.parallel})")
    if s.threads < 0:
        raise ConfigError(f"threads must be 0 (one per core) or more (got {s.threads})")
    _validate_mail(s)
    return s


def _is_address(value: str) -> bool:
    """An address a mail server takes: local@domain, the domain in ASCII (punycode)."""
    import re
    from email.utils import parseaddr

    _, addr = parseaddr(value)
    return bool(re.fullmatch(r"[^@\s<>]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", addr))


def _validate_mail(s: Settings) -> None:
    bad = [a for a in s.mail_attach if a not in ATTACHABLE]
    if bad:
        raise ConfigError(f"mail_attach: unknown kind(s) {', '.join(bad)}: choose from {', '.join(ATTACHABLE)}")
    for name, value in [("mail_from", s.mail_from), *(("mail_to", a) for a in s.mail_to)]:
        if value is not None and not _is_address(value):
            example = "name@example.org or Name <name@example.org>"
            raise ConfigError(f"{name}: {value!r} is not an email address ({example})")
    if s.smtp_security not in SMTP_SECURITY:
        raise ConfigError(f"smtp_security must be one of {', '.join(SMTP_SECURITY)} (got {s.smtp_security!r})")
    if not 0 <= s.smtp_port <= 65535:
        raise ConfigError(f"smtp_port must be a port number (got {s.smtp_port})")
    import string

    try:
        names = {f for _, f, _, _ in string.Formatter().parse(s.mail_subject) if f is not None}
    except ValueError as exc:
        raise ConfigError(f"mail_subject: {exc}") from None
    unknown = sorted(names - set(SUBJECT_FIELDS))
    if unknown:
        raise ConfigError(f"mail_subject: unknown field(s) {', '.join(unknown)} (known: {', '.join(SUBJECT_FIELDS)})")


def _coerce(name: str, value: Any, origin: str, base: Path) -> Any:
    expected = {f.name: f.type for f in fields(Settings)}[name]
    if name in ("formats", "lang", "mail_to", "mail_attach"):
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",")]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{origin}: {name} must be a list of strings")
        return tuple(value)
    if name == "salience":
        return _weights(value, origin)
    if name == "use_archive":
        if not isinstance(value, bool):
            raise ConfigError(f"{origin}: use_archive must be true or false")
        return value
    if name in ("themes", "templates", "reference_docx", "model", "glossary", "cache", "archive"):
        if not isinstance(value, str):
            raise ConfigError(f"{origin}: {name} must be a path (string)")
        path = Path(value).expanduser()
        return path if path.is_absolute() else base / path
    if name in ("summary_chars", "threads", "parallel", "jobs", "trend_runs", "smtp_port"):
        if not isinstance(value, int) or isinstance(value, bool):
            raise ConfigError(f"{origin}: {name} must be an integer")
        return value
    if not isinstance(value, str):
        raise ConfigError(f"{origin}: {name} must be a string ({expected})")
    return value


def _weights(value: Any, origin: str) -> tuple[tuple[str, float], ...]:
    from .analyse.salience import WEIGHTS

    if not isinstance(value, dict):
        raise ConfigError(f"{origin}: [salience] must be a table of weights ({', '.join(WEIGHTS)})")
    unknown = sorted(set(value) - set(WEIGHTS))
    if unknown:
        raise ConfigError(f"{origin}: [salience] unknown weight(s) {', '.join(unknown)} (known: {', '.join(WEIGHTS)})")
    bad = [k for k, v in value.items() if isinstance(v, bool) or not isinstance(v, int | float) or v < 0]
    if bad:
        raise ConfigError(f"{origin}: [salience] weights must be numbers of 0 or more ({', '.join(bad)})")
    return tuple((k, float(v)) for k, v in value.items())


def load_settings(path: Path | None) -> Settings:
    """Defaults overridden by ``path`` (or ./briefing.toml when it exists)."""
    explicit = path is not None
    path = path or Path(DEFAULT_CONFIG)
    if not path.exists():
        if explicit:
            raise ConfigError(f"{path}: config file not found")
        return Settings()
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config file ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(unknown)} (known: {', '.join(sorted(known))})")
    values = {k: _coerce(k, v, str(path), path.parent) for k, v in data.items()}
    return validate(replace(Settings(), **values))
