"""Deliver a briefing email over SMTP: the only code that talks to a mail server.

The settings come from briefing.toml (``smtp_host``, ``smtp_port``,
``smtp_security``, ``smtp_user``, ``smtp_password_env``, ``mail_from``, ``mail_to``);
the password is read from the environment variable ``smtp_password_env`` names,
never from a file.  The message is sent byte for byte as it was written.
"""

from __future__ import annotations

import os
from email import message_from_bytes
from email.policy import default
from email.utils import getaddresses, parseaddr

from .config import Settings
from .errors import EXIT_OUTPUT, BriefingError, ConfigError

DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
TIMEOUT = 30  # seconds for the connection and each reply


class SendError(BriefingError):
    """The server could not be reached or refused the message; the .eml is kept."""

    exit_code = EXIT_OUTPUT


def envelope(eml: bytes, settings: Settings) -> tuple[str, list[str]]:
    """The sender and the recipients: from the settings, else from the message's headers."""
    msg = message_from_bytes(eml, policy=default)
    sender = settings.mail_from or str(msg.get("From", ""))
    recipients = list(settings.mail_to) or [
        addr for _, addr in getaddresses([str(v) for h in ("To", "Cc") for v in msg.get_all(h, [])]) if addr
    ]
    if not parseaddr(sender)[1]:
        raise ConfigError("no sender: set mail_from in briefing.toml")
    if not recipients:
        raise ConfigError("no recipient: set mail_to in briefing.toml, or give --to")
    return parseaddr(sender)[1], recipients


def _require_server(settings: Settings) -> str:
    if not settings.smtp_host:
        raise ConfigError("no mail server: set smtp_host in briefing.toml")
    return settings.smtp_host


def _login(settings: Settings) -> tuple[str, str] | None:
    """The user and the password, from the environment variable the settings name;
    None when the server takes no login."""
    if not settings.smtp_user:
        return None
    password = os.environ.get(settings.smtp_password_env)
    if password is None:
        raise ConfigError(f"no password: set the environment variable {settings.smtp_password_env}")
    return settings.smtp_user, password


def ready(settings: Settings) -> None:
    """Check, before a run that ends in sending, that the settings can send at all."""
    _require_server(settings)
    if not settings.mail_from:
        raise ConfigError("no sender: set mail_from in briefing.toml")
    if not settings.mail_to:
        raise ConfigError("no recipient: set mail_to in briefing.toml")
    _login(settings)


def send(eml: bytes, settings: Settings) -> list[str]:
    """Send ``eml`` as it is; return the recipients.  Every failure is one line."""
    import smtplib
    import ssl

    host = _require_server(settings)
    sender, recipients = envelope(eml, settings)
    login = _login(settings)
    port = settings.smtp_port or DEFAULT_PORTS[settings.smtp_security]
    where = f"{host}:{port}"
    try:
        context = ssl.create_default_context()
        server: smtplib.SMTP
        if settings.smtp_security == "ssl":
            server = smtplib.SMTP_SSL(host, port, timeout=TIMEOUT, context=context)
        else:
            server = smtplib.SMTP(host, port, timeout=TIMEOUT)
        with server:
            if settings.smtp_security == "starttls":
                server.starttls(context=context)
            if login is not None:
                server.login(*login, initial_response_ok=False)
            refused = server.sendmail(sender, recipients, eml)
    except smtplib.SMTPAuthenticationError as exc:
        raise SendError(f"{where} refused the login of {settings.smtp_user}: {_reply(exc)}") from None
    except smtplib.SMTPRecipientsRefused as exc:
        raise SendError(f"{where} refused every recipient: {', '.join(exc.recipients)}") from None
    except smtplib.SMTPNotSupportedError as exc:
        raise SendError(f"{where} does not support {settings.smtp_security}: {exc}") from None
    except smtplib.SMTPResponseException as exc:
        raise SendError(f"{where} refused the message: {_reply(exc)}") from None
    except (smtplib.SMTPException, ssl.SSLError) as exc:
        raise SendError(f"sending through {where} failed: {exc}") from None
    except TimeoutError:
        raise SendError(f"cannot reach {where}: no answer in {TIMEOUT} s") from None
    except OSError as exc:
        raise SendError(f"cannot reach {where}: {exc.strerror or exc}") from None
    return [r for r in recipients if r not in refused]


def _reply(exc: Exception) -> str:
    """The server's reply code and text, on one line."""
    code = getattr(exc, "smtp_code", "")
    text = getattr(exc, "smtp_error", b"")
    text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{code} {' '.join(text.split())}".strip()
