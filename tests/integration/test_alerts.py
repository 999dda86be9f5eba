"""Alerts delivered to real receivers on loopback: an HTTP server for the webhook, a minimal SMTP
server for e-mail, and a file for the log."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import json
import socket
import socketserver
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from warehouse.alerts import (
    Alert,
    AlertDeliveryError,
    EmailSink,
    LogFileSink,
    WebhookSink,
    format_text,
    send,
    sink_from_env,
)
from warehouse.alerts.sinks import DEFAULT_LOG, shown_url


@pytest.fixture
def gate_alert() -> Alert:
    return Alert(
        kind="gate_failed",
        title="市町村調査票 blocked",
        run_id="run-2023-0801",
        fiscal_year=2023,
        summary=["3 respondents with unknown codes"],
        counts={"soft": 40, "hard": 12},
        failed_rules=[
            ("soft", "municipality.q11_2_support_expected__at_most_three", 7),
            ("hard", "cross.identity", 3),
            ("soft", "municipality.q3_vision_four_scenes__all_scenes_set", 5),
        ],
        cleaning_log="/srv/warehouse/data/cleaning_log/2023",
        workbooks=["/srv/warehouse/data/cleaning_log/2023/2023_01_北海道_疑義照会.xlsx"],
        created_at=dt.datetime(2024, 1, 15, 9, 30, tzinfo=dt.UTC),
    )


class WebhookReceiver(ThreadingHTTPServer):
    status = 200
    received: list[dict[str, Any]]


class WebhookHandler(BaseHTTPRequestHandler):
    server: WebhookReceiver

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append(
            {"path": self.path, "content_type": self.headers["Content-Type"], "json": json.loads(body)}
        )
        self.send_response(self.server.status)
        self.end_headers()
        self.wfile.write(b"ok" if self.server.status < 300 else b"invalid_token")

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def webhook() -> Iterator[WebhookReceiver]:
    server = WebhookReceiver(("127.0.0.1", 0), WebhookHandler)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


class SMTPReceiver(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    messages: list[dict[str, Any]]


class SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for smtplib: greeting, EHLO/HELO, MAIL, RCPT, DATA with dot-unstuffing, QUIT."""

    server: SMTPReceiver

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode("ascii") + b"\r\n")

    def handle(self) -> None:
        self.reply("220 localhost ready")
        sender, recipients = "", []
        while line := self.rfile.readline():
            command = line.decode("ascii").rstrip("\r\n")
            verb = command.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 localhost")
            elif verb == "MAIL":
                sender = command.split(":", 1)[1].strip().strip("<>")
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 end with <CRLF>.<CRLF>")
                data = bytearray()
                while (chunk := self.rfile.readline()) != b".\r\n":
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                self.server.messages.append({"from": sender, "to": recipients, "data": bytes(data)})
                self.reply("250 queued")
            elif verb in ("RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")


@pytest.fixture
def smtp() -> Iterator[SMTPReceiver]:
    server = SMTPReceiver(("127.0.0.1", 0), SMTPHandler)
    server.messages = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_text_says_what_failed_how_much_and_where_the_log_is(gate_alert: Alert) -> None:
    text = format_text(gate_alert)
    assert text.splitlines()[0] == "[warehouse] Quality gate failed: 市町村調査票 blocked"
    assert "Fiscal year 2023 (令和5年度), run run-2023-0801" in text
    assert "Findings: 12 hard, 40 soft" in text  # hard first, whatever the order given
    lines = text.splitlines()
    rules = lines.index("Failed hard rules:")
    assert lines[rules : rules + 5] == [  # hard first whatever the order given, then soft in the given order
        "Failed hard rules:",
        "  - cross.identity: 3",
        "Failed soft rules:",
        "  - municipality.q11_2_support_expected__at_most_three: 7",
        "  - municipality.q3_vision_four_scenes__all_scenes_set: 5",
    ]
    assert "3 respondents with unknown codes" in text
    assert lines[-3:] == [
        "Workbooks to act on:",
        "  - /srv/warehouse/data/cleaning_log/2023/2023_01_北海道_疑義照会.xlsx",
        "Cleaning log: /srv/warehouse/data/cleaning_log/2023",
    ]

    failed_run = Alert(
        kind="run_failed", title="ingest 2023", failed_rules=[("soft", f"rule_{i}", 1) for i in range(20)]
    )
    text = format_text(failed_run)
    assert text.startswith("[warehouse] Run failed: ingest 2023")
    assert "rule_14: 1" in text and "rule_15" not in text
    assert "… and 5 more rules" in text
    assert text.endswith("Cleaning log: none written")

    with pytest.raises(ValueError, match="gate_failed, run_failed"):
        Alert(kind="gate_passed", title="x")  # type: ignore[arg-type]


def test_the_log_file_gets_one_json_line_per_alert(tmp_path: Path, gate_alert: Alert) -> None:
    log = tmp_path / "data" / "alerts.jsonl"
    sink = sink_from_env({"WAREHOUSE_ALERT_LOG": str(log)})
    assert sink == LogFileSink(log)

    send(gate_alert, sink)
    send(Alert(kind="run_failed", title="dbt build"), sink)

    raw = log.read_text(encoding="utf-8")
    assert "市町村調査票" in raw  # readable as written, not escaped
    first, second = (json.loads(line) for line in raw.splitlines())
    assert first["kind"] == "gate_failed"
    assert first["counts"] == {"soft": 40, "hard": 12}
    assert first["failed_rules"][0] == {"severity": "hard", "rule": "cross.identity", "count": 3}
    assert first["workbooks"] == ["/srv/warehouse/data/cleaning_log/2023/2023_01_北海道_疑義照会.xlsx"]
    assert first["created_at"] == "2024-01-15T09:30:00+00:00"
    assert first["text"] == format_text(gate_alert)
    assert second["kind"] == "run_failed"
    assert second["cleaning_log"] is None


def test_the_default_sink_is_the_repository_log_file() -> None:
    assert sink_from_env({}) == LogFileSink(DEFAULT_LOG)
    assert DEFAULT_LOG.parts[-2:] == ("data", "alerts.jsonl")
    assert (DEFAULT_LOG.parent.parent / "pyproject.toml").is_file()


def test_the_webhook_receives_slack_text_and_the_fields(webhook: WebhookReceiver, gate_alert: Alert) -> None:
    url = f"http://127.0.0.1:{webhook.server_address[1]}/hooks/alerts"
    sink = sink_from_env({"WAREHOUSE_ALERT_SINK": "webhook", "WAREHOUSE_ALERT_WEBHOOK_URL": url})
    assert sink == WebhookSink(url)

    send(gate_alert, sink)

    (request,) = webhook.received
    assert request["path"] == "/hooks/alerts"
    assert request["content_type"] == "application/json; charset=utf-8"
    body = request["json"]
    assert body["text"] == format_text(gate_alert)
    assert body["run_id"] == "run-2023-0801"
    assert body["fiscal_year"] == 2023
    assert body["counts"] == {"soft": 40, "hard": 12}
    assert body["cleaning_log"] == "/srv/warehouse/data/cleaning_log/2023"


def test_a_webhook_answering_500_is_an_error_naming_url_and_status(webhook: WebhookReceiver, gate_alert: Alert) -> None:
    webhook.status = 500
    url = f"http://127.0.0.1:{webhook.server_address[1]}/hooks/alerts"
    with pytest.raises(AlertDeliveryError, match=rf"webhook {url} answered HTTP 500: invalid_token"):
        WebhookSink(url).send(gate_alert)
    assert len(webhook.received) == 1


def test_an_unreachable_webhook_is_an_error_naming_url(gate_alert: Alert) -> None:
    url = f"http://127.0.0.1:{closed_port()}/hooks/alerts"
    with pytest.raises(AlertDeliveryError, match=rf"webhook {url} could not be reached"):
        WebhookSink(url, timeout=5).send(gate_alert)


def test_errors_do_not_show_webhook_secrets() -> None:
    url = "https://user:secret@hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX?token=abc"
    assert shown_url(url) == "https://hooks.slack.com/services/T000/B000/XXXX…"


def test_email_goes_through_smtp_as_plain_text(smtp: SMTPReceiver, gate_alert: Alert) -> None:
    env = {
        "WAREHOUSE_ALERT_SINK": "email",
        "WAREHOUSE_ALERT_SMTP_HOST": "127.0.0.1",
        "WAREHOUSE_ALERT_SMTP_PORT": str(smtp.server_address[1]),
        "WAREHOUSE_ALERT_SMTP_FROM": "Survey warehouse <warehouse@example.lg.jp>",
        "WAREHOUSE_ALERT_SMTP_TO": "data-team@example.lg.jp, lead@example.lg.jp",
    }
    sink = sink_from_env(env)
    assert isinstance(sink, EmailSink)
    assert sink.recipients == ("data-team@example.lg.jp", "lead@example.lg.jp")

    send(gate_alert, sink)

    (received,) = smtp.messages
    assert received["from"] == "warehouse@example.lg.jp"
    assert received["to"] == ["data-team@example.lg.jp", "lead@example.lg.jp"]
    message = email.message_from_bytes(received["data"], policy=email.policy.default)
    assert message["Subject"] == "[warehouse] Quality gate failed: 市町村調査票 blocked"
    assert message["To"] == "data-team@example.lg.jp, lead@example.lg.jp"
    assert message.get_content_type() == "text/plain"
    assert message.get_content().replace("\r\n", "\n").rstrip("\n") == format_text(gate_alert)  # CRLF on the wire


def test_an_smtp_server_that_is_not_there_is_an_error_naming_it(gate_alert: Alert) -> None:
    port = closed_port()
    sink = EmailSink("127.0.0.1", port, "warehouse@example.lg.jp", ("data-team@example.lg.jp",), timeout=5)
    with pytest.raises(AlertDeliveryError, match=rf"SMTP server 127.0.0.1:{port}"):
        sink.send(gate_alert)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"WAREHOUSE_ALERT_SINK": "webhook"}, "WAREHOUSE_ALERT_WEBHOOK_URL must be set"),
        ({"WAREHOUSE_ALERT_SINK": "email", "WAREHOUSE_ALERT_SMTP_TO": "a@b"}, "WAREHOUSE_ALERT_SMTP_HOST must be set"),
        ({"WAREHOUSE_ALERT_SINK": "email", "WAREHOUSE_ALERT_SMTP_PORT": "smtp"}, "must be a port number"),
        ({"WAREHOUSE_ALERT_SINK": "pager"}, "logfile, webhook or email, not 'pager'"),
        (
            {"WAREHOUSE_ALERT_SINK": "webhook", "WAREHOUSE_ALERT_WEBHOOK_URL": "x", "WAREHOUSE_ALERT_TIMEOUT": "soon"},
            "TIMEOUT",
        ),
    ],
)
def test_a_bad_configuration_names_the_variable(env: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        sink_from_env(env)
