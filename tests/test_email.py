"""The briefing as an HTML page and as an email: the .eml, and sending it over SMTP."""

from __future__ import annotations

import email
import re
import socket
from email import policy
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from briefing.cli import app

# The test server accepts a login without TLS, which aiosmtpd rightly warns about.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
runner = CliRunner()
PAGE = (
    "某区推进智能制造 打造产业新高地\n\n□本报记者 王小明\n\n"
    "市人大代表、某区区委书记孙大为表示，某区将加快建设智能工厂，设立人才发展专项资金。\n\n"
    "市政协委员李清建议，加快建设工业互联网平台，推动中小企业数字化转型。\n"
)


def _run_make(tmp_path: Path, *extra: str, config: str = "") -> Result:
    """``briefing make`` on the test page into tmp_path/out, with ``config`` as its briefing.toml."""
    page = tmp_path / "p.txt"
    page.write_text(PAGE, "utf-8")
    toml = tmp_path / "briefing.toml"
    toml.write_text(config, "utf-8")
    return runner.invoke(app, ["make", str(page), "--out", str(tmp_path / "out"), "--config", str(toml), *extra])


def _make(tmp_path: Path, *extra: str, config: str = "") -> Path:
    result = _run_make(tmp_path, *extra, config=config)
    assert result.exit_code == 0, result.output
    return tmp_path / "out"


def _message(path: Path) -> email.message.EmailMessage:
    return email.message_from_bytes(path.read_bytes(), policy=policy.default)  # type: ignore[return-value]


def test_html_briefing_is_one_self_contained_page(tmp_path: Path):
    out = _make(tmp_path, "--format", "html")
    html = (out / "briefing.html").read_text("utf-8")
    assert 'name="viewport"' in html and "prefers-color-scheme: dark" in html
    assert not re.search(r"<(?:link|script)\b", html)
    assert not re.search(r'(?:src|href)="(?:https?:)?//', html), "a request would leave the page"
    for section in ("Executive summary", "Proposals by theme", "Article summaries", "Proposers", "Sources"):
        assert section in html
    assert "加快建设工业互联网平台" in html
    refs = set(re.findall(r'href="#(src-\d+)"', html))
    assert refs and refs <= set(re.findall(r'id="(src-\d+)"', html))


def test_html_escapes_what_it_quotes(tmp_path: Path):
    page = tmp_path / "p.txt"
    text = "某区推进 <b>智能</b> 制造\n\n□本报记者 王小明\n\n孙大为表示，某区将加快建设<智能工厂>。\n"
    page.write_text(text, "utf-8")
    result = runner.invoke(app, ["make", str(page), "--out", str(tmp_path / "o"), "--format", "html"])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "o" / "briefing.html").read_text("utf-8")
    assert "<b>智能</b>" not in html and "&lt;b&gt;" in html


def test_eml_has_html_text_and_the_docx_written_beside_it(tmp_path: Path):
    config = 'title = "重庆政策周报"\nmail_subject = "{title}（{period}）"\nmail_from = "政策组 <desk@example.org>"\n'
    config += 'mail_to = ["a@example.org", "b@example.org"]\nmail_attach = ["docx", "md"]\n'
    out = _make(tmp_path, "--format", "docx,md,eml", config=config)
    raw = (out / "briefing.eml").read_bytes()
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert head.isascii() and b"=?utf-8?" in head  # Chinese in encoded words
    msg = _message(out / "briefing.eml")
    assert msg["Subject"].startswith("重庆政策周报（") and msg["From"].addresses[0].display_name == "政策组"
    assert [a.addr_spec for a in msg["To"].addresses] == ["a@example.org", "b@example.org"]
    body = msg.get_body(("plain",))
    html = msg.get_body(("html",))
    assert body is not None and html is not None
    assert "加快建设工业互联网平台" in body.get_content() and "加快建设工业互联网平台" in html.get_content()
    attached = {a.get_filename(): a.get_content() for a in msg.iter_attachments()}
    docx = [v for k, v in attached.items() if k.endswith(".docx")]
    md = [v for k, v in attached.items() if k.endswith(".md")]
    assert docx == [(out / "briefing.docx").read_bytes()]
    # text travels with CRLF line ends, as the standard has it
    assert md and md[0].replace("\r\n", "\n") == (out / "briefing.md").read_text("utf-8")


def test_a_bad_mail_setting_is_a_usage_error(tmp_path: Path):
    result = _run_make(tmp_path, config='smtp_security = "tls"\n')
    assert result.exit_code == 2 and "smtp_security" in result.output


# --- sending, to an SMTP server started on 127.0.0.1 by the test -----------------------


class _Inbox:
    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's hook name
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp_server():
    controller_mod = pytest.importorskip("aiosmtpd.controller")
    smtp_mod = pytest.importorskip("aiosmtpd.smtp")

    def start(password: str | None = None):
        inbox = _Inbox()
        kwargs: dict = {}
        if password is not None:

            def authenticator(server, session, envelope, mechanism, auth_data):
                ok = getattr(auth_data, "password", b"") == password.encode()
                return smtp_mod.AuthResult(success=ok, handled=False)

            kwargs = {"authenticator": authenticator, "auth_require_tls": False, "auth_required": True}
        port = _free_port()
        controller = controller_mod.Controller(inbox, hostname="127.0.0.1", port=port, **kwargs)
        controller.start()
        servers.append(controller)
        return inbox, port

    servers: list = []
    yield start
    for controller in servers:
        controller.stop()


def _mail_config(port: int, user: bool = False) -> str:
    config = f'smtp_host = "127.0.0.1"\nsmtp_port = {port}\nsmtp_security = "none"\n'
    config += 'mail_from = "desk@example.org"\nmail_to = ["team@example.org"]\nmail_subject = "政策周报 {period}"\n'
    if user:
        config += 'smtp_user = "desk"\nsmtp_password_env = "TEST_SMTP_PASSWORD"\n'
    return config


def test_send_delivers_the_eml_as_it_is(tmp_path: Path, smtp_server):
    inbox, port = smtp_server()
    out = _make(tmp_path, "--format", "docx,eml", config=_mail_config(port))
    result = runner.invoke(app, ["send", str(out / "briefing.eml"), "--config", str(tmp_path / "briefing.toml")])
    assert result.exit_code == 0, result.output
    (sender, recipients, content) = inbox.received[0]
    assert (sender, recipients) == ("desk@example.org", ["team@example.org"])
    assert content.rstrip(b"\r\n") == (out / "briefing.eml").read_bytes().rstrip(b"\r\n")


def test_make_send_writes_and_sends(tmp_path: Path, smtp_server, monkeypatch: pytest.MonkeyPatch):
    inbox, port = smtp_server(password="s3cret")
    monkeypatch.setenv("TEST_SMTP_PASSWORD", "s3cret")
    page = tmp_path / "p.txt"
    page.write_text(PAGE, "utf-8")
    (tmp_path / "briefing.toml").write_text(_mail_config(port, user=True), "utf-8")
    out = tmp_path / "out"
    args = ["make", str(page), "--out", str(out), "--config", str(tmp_path / "briefing.toml"), "--send"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert (out / "briefing.eml").is_file() and (out / "briefing.docx").is_file()
    assert inbox.received and inbox.received[0][1] == ["team@example.org"]


def test_a_wrong_password_keeps_the_eml_and_exits_4(tmp_path: Path, smtp_server, monkeypatch: pytest.MonkeyPatch):
    inbox, port = smtp_server(password="right")
    monkeypatch.setenv("TEST_SMTP_PASSWORD", "wrong")
    out = _make(tmp_path, "--format", "eml", config=_mail_config(port, user=True))
    result = runner.invoke(app, ["send", str(out / "briefing.eml"), "--config", str(tmp_path / "briefing.toml")])
    assert result.exit_code == 4
    assert "refused the login of desk" in result.output and "kept in" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert (out / "briefing.eml").is_file() and not inbox.received


def test_an_unreachable_server_keeps_the_eml_and_exits_4(tmp_path: Path):
    port = _free_port()  # nothing listens there
    out = _make(tmp_path, "--format", "eml", config=_mail_config(port))
    result = runner.invoke(app, ["send", str(out / "briefing.eml"), "--config", str(tmp_path / "briefing.toml")])
    assert result.exit_code == 4
    assert f"cannot reach 127.0.0.1:{port}" in result.output and (out / "briefing.eml").is_file()


def test_send_without_a_server_or_a_password_says_what_to_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    out = _make(tmp_path, "--format", "eml")
    result = runner.invoke(app, ["send", str(out / "briefing.eml"), "--config", str(tmp_path / "briefing.toml")])
    assert result.exit_code == 2 and "smtp_host" in result.output
    monkeypatch.delenv("TEST_SMTP_PASSWORD", raising=False)
    (tmp_path / "briefing.toml").write_text(_mail_config(25, user=True), "utf-8")
    result = runner.invoke(app, ["send", str(out / "briefing.eml"), "--config", str(tmp_path / "briefing.toml")])
    assert result.exit_code == 2 and "TEST_SMTP_PASSWORD" in result.output
    result = runner.invoke(app, ["send", str(tmp_path / "missing.eml")])
    assert result.exit_code == 2 and "no such file" in result.output


def test_make_send_that_fails_keeps_the_briefing_and_the_eml(tmp_path: Path):
    port = _free_port()  # nothing listens there
    page = tmp_path / "p.txt"
    page.write_text(PAGE, "utf-8")
    (tmp_path / "briefing.toml").write_text(_mail_config(port), "utf-8")
    out = tmp_path / "out"
    args = ["make", str(page), "--out", str(out), "--config", str(tmp_path / "briefing.toml"), "--send"]
    result = runner.invoke(app, args)
    assert result.exit_code == 4
    assert "not sent" in result.output and "kept in" in result.output
    assert {p.name for p in out.iterdir()} >= {"briefing.md", "briefing.docx", "briefing.json", "briefing.eml"}


def test_the_email_says_what_is_new_against_the_archive(tmp_path: Path):
    page = tmp_path / "p.txt"
    page.write_text(PAGE, "utf-8")
    out = tmp_path / "out"
    args = ["make", str(page), "--out", str(out), "--format", "eml", "--archive", str(tmp_path / "a.sqlite")]
    assert runner.invoke(app, args).exit_code == 0
    text = _message(out / "briefing.eml").get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "1 article(s) new, 0 already covered in earlier runs" in text


def test_the_email_templates_can_be_overridden(tmp_path: Path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "email.txt.j2").write_text("本周共 {{ proposals | length }} 条建议。\n", "utf-8")
    out = _make(tmp_path, "--format", "eml", "--templates", str(templates))
    text = _message(out / "briefing.eml").get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert text.strip() == "本周共 2 条建议。"


def test_a_malformed_address_is_a_usage_error(tmp_path: Path):
    result = _run_make(tmp_path, config='mail_to = ["not an address"]\n')
    assert result.exit_code == 2 and "not an email address" in result.output
    bad_to = runner.invoke(app, ["send", str(tmp_path / "p.txt"), "--to", "nobody"])
    assert bad_to.exit_code == 2 and "not an email address" in bad_to.output


def test_make_send_without_mail_settings_stops_before_the_work(tmp_path: Path):
    page = tmp_path / "p.txt"
    page.write_text(PAGE, "utf-8")
    (tmp_path / "briefing.toml").write_text("", "utf-8")
    out = tmp_path / "out"
    args = ["make", str(page), "--out", str(out), "--config", str(tmp_path / "briefing.toml"), "--send"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "smtp_host" in result.output and not out.exists()
