"""The Jinja2 environment: packaged templates, overridable with ``--templates DIR``,
rendered in a sandbox (a user's template cannot reach Python internals)."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ConfigError

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def packaged_templates() -> Path:
    """``briefing/templates`` in an installed wheel, ``templates/`` in a checkout."""
    inside = Path(str(resources.files("briefing"))) / "templates"
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parents[2] / "templates"


def md_escape(value: Any) -> str:
    """Escape Markdown syntax in text quoted from a page, and keep it on one line."""
    text = "" if value is None else str(value)
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def environment(override: Path | None = None) -> Any:
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    loaders = []
    if override is not None:
        if not override.is_dir():
            raise ConfigError(f"{override}: templates folder not found")
        loaders.append(FileSystemLoader(str(override)))
    loaders.append(FileSystemLoader(str(packaged_templates())))
    env = SandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=lambda name: bool(name) and ".html" in name,  # HTML templates escape; Markdown does not
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    return env


def render(name: str, override: Path | None = None, **context: Any) -> str:
    from jinja2 import TemplateError

    try:
        return str(environment(override).get_template(name).render(**context))
    except TemplateError as exc:
        raise ConfigError(f"template {name}: {exc}") from None


SECTION_KEYS = ("executive", "themes", "figures", "summaries", "covered", "proposers", "annex")
# A brief briefing keeps these of the listed sections, and ends with the annex.
BRIEF_KEYS = ("executive", "themes")
ANNEX = ("annex", "Annex: every proposal", "全部建议与计划")


def sections(override: Path | None = None, length: str = "full") -> list[tuple[str, str, str]]:
    """The briefing's sections in order, as ``sections.j2`` lists them: (key,
    English heading, Chinese heading).  A user's copy may reorder, rename or drop.
    A brief briefing keeps the executive summary and the themes, and adds the annex."""
    from jinja2 import TemplateError

    try:
        listed = environment(override).get_template("sections.j2").module.sections
        out = [(str(key), str(en), str(zh)) for key, en, zh in listed]
    except (TemplateError, AttributeError, TypeError, ValueError) as exc:
        raise ConfigError(f"template sections.j2: {exc or 'no list of [key, English, Chinese] sections'}") from None
    unknown = [key for key, _, _ in out if key not in SECTION_KEYS]
    if unknown:
        known = ", ".join(SECTION_KEYS)
        raise ConfigError(f"template sections.j2: unknown section(s) {', '.join(unknown)} (known: {known})")
    if length == "brief":
        return [s for s in out if s[0] in BRIEF_KEYS] + [ANNEX]
    return out
