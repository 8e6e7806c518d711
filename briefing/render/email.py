"""briefing.eml: the weekly briefing as a standard MIME message, ready to send.

The body is the week at a glance (the leading proposals with speaker and theme,
proposals per theme, what is new against the archive) as HTML with a plain-text
alternative, through ``email.html.j2`` and ``email.txt.j2``; the DOCX (and the
Markdown or JSON if asked) are attached.  It opens as a message in any mail
client; ``briefing send`` delivers it over SMTP.
"""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid
from typing import Any

from ..model import Briefing
from . import RenderOptions
from .templating import render
from .view import common_context

ATTACHMENT_TYPES = {
    "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "md": ("text", "markdown"),
    "json": ("application", "json"),
}


def subject(briefing: Briefing, template: str) -> str:
    return template.format(title=briefing.title, period=briefing.period, proposals=len(briefing.proposals))


def context(b: Briefing) -> dict[str, Any]:
    return {**common_context(b), "new": len(b.briefed), "covered": len(b.covered), "archived": b.run is not None}


def render_email(briefing: Briefing, options: RenderOptions, files: dict[str, bytes]) -> bytes:
    """The message as bytes (CRLF line ends, non-ASCII headers as encoded words)."""
    ctx = context(briefing)
    msg = EmailMessage(policy=SMTP)
    msg["Subject"] = subject(briefing, options.mail_subject)
    if options.mail_from:
        msg["From"] = options.mail_from
    if options.mail_to:
        msg["To"] = ", ".join(options.mail_to)
    msg["Date"] = format_datetime(datetime.fromisoformat(briefing.generated))
    msg["Message-ID"] = make_msgid(domain="briefing.invalid")
    msg.set_content(render("email.txt.j2", options.templates, **ctx))
    msg.add_alternative(render("email.html.j2", options.templates, **ctx), subtype="html")
    for kind, data in files.items():
        maintype, subtype = ATTACHMENT_TYPES[kind]
        name = f"briefing-{briefing.period}.{kind}"
        if maintype == "text":  # UTF-8 text, declared so
            msg.add_attachment(data.decode("utf-8"), subtype=subtype, charset="utf-8", filename=name)
        else:
            msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()
