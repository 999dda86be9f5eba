"""Alerts, their human text, and the sinks that deliver them.

One message, several deliveries: :func:`format_text` writes what failed, how many findings of each
severity and where the cleaning log is, and every sink sends that same text (the webhook and the log
file add the structured fields for machines).  Standard library only, so alerting still works when the
run failed because a dependency is broken.
"""

from __future__ import annotations

import datetime as dt
import json
import smtplib
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path
from typing import Any, Literal, Protocol

from warehouse.paths import ALERT_LOG as DEFAULT_LOG
from warehouse.paths import japanese_fiscal_year
from warehouse.settings import AlertSettings

KINDS = ("gate_failed", "run_failed")
SEVERITY_ORDER = ("hard", "soft")
MAX_RULES_IN_TEXT = 15
TIMEOUT_SECONDS = 10.0

AlertKind = Literal["gate_failed", "run_failed"]


class AlertDeliveryError(RuntimeError):
    """A sink could not deliver the alert; the message says where it tried and what came back."""


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    title: str
    run_id: str | None = None
    fiscal_year: int | None = None
    summary: Sequence[str] = ()
    counts: Mapping[str, int] = field(default_factory=dict)  # severity -> findings
    # (severity, rule, findings): rules named as in gate.yaml and gate.findings, hard first, worst first
    failed_rules: Sequence[tuple[str, str, int]] = ()
    cleaning_log: str | None = None
    workbooks: Sequence[str] = ()  # the cleaning-log workbooks to act on (those listing hard findings)
    created_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"alert kind must be one of {', '.join(KINDS)}, not {self.kind!r}")

    @property
    def ordered_rules(self) -> list[tuple[str, str, int]]:
        """Hard rules first, then soft, then any other severity; the given order within each."""
        rank = {severity: i for i, severity in enumerate(SEVERITY_ORDER)}
        return sorted(self.failed_rules, key=lambda r: rank.get(r[0], len(rank)))

    def to_dict(self) -> dict[str, Any]:
        """The structured fields, JSON-ready (times as ISO 8601)."""
        return {
            "kind": self.kind,
            "title": self.title,
            "run_id": self.run_id,
            "fiscal_year": self.fiscal_year,
            "summary": list(self.summary),
            "counts": dict(self.counts),
            "failed_rules": [
                {"severity": severity, "rule": rule, "count": count} for severity, rule, count in self.ordered_rules
            ],
            "cleaning_log": self.cleaning_log,
            "workbooks": list(self.workbooks),
            "created_at": self.created_at.isoformat(),
        }


def format_text(alert: Alert) -> str:
    """The human message: what failed, findings by severity, the worst rules, where the cleaning log is."""
    what = {"gate_failed": "Quality gate failed", "run_failed": "Run failed"}[alert.kind]
    lines = [f"[warehouse] {what}: {alert.title}"]
    context = []
    if alert.fiscal_year is not None:
        reiwa = f" ({japanese_fiscal_year(alert.fiscal_year)})" if alert.fiscal_year >= 2019 else ""
        context.append(f"fiscal year {alert.fiscal_year}{reiwa}")
    if alert.run_id:
        context.append(f"run {alert.run_id}")
    if context:
        joined = ", ".join(context)
        lines.append(joined[0].upper() + joined[1:])
    if alert.counts:
        severities = [s for s in SEVERITY_ORDER if s in alert.counts] + sorted(set(alert.counts) - set(SEVERITY_ORDER))
        lines.append("Findings: " + ", ".join(f"{alert.counts[s]:,} {s}" for s in severities))
    shown = alert.ordered_rules[:MAX_RULES_IN_TEXT]
    for severity in dict.fromkeys(s for s, _, _ in shown):
        lines.append(f"Failed {severity} rules:")
        lines.extend(f"  - {rule}: {count:,}" for s, rule, count in shown if s == severity)
    if len(alert.failed_rules) > MAX_RULES_IN_TEXT:
        lines.append(f"  … and {len(alert.failed_rules) - MAX_RULES_IN_TEXT} more rules")
    lines.extend(alert.summary)
    if alert.workbooks:
        lines.append("Workbooks to act on:")
        lines.extend(f"  - {workbook}" for workbook in alert.workbooks)
    lines.append(f"Cleaning log: {alert.cleaning_log}" if alert.cleaning_log else "Cleaning log: none written")
    return "\n".join(lines)


class Sink(Protocol):
    def send(self, alert: Alert) -> None: ...


@dataclass(frozen=True)
class LogFileSink:
    """Appends one JSON object per line; the default, so an alert is never lost for want of configuration."""

    path: Path = DEFAULT_LOG

    def send(self, alert: Alert) -> None:
        line = json.dumps({**alert.to_dict(), "text": format_text(alert)}, ensure_ascii=False) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as log:
                log.write(line)
        except OSError as error:
            raise AlertDeliveryError(f"cannot append the alert to {self.path}: {error}") from error


@dataclass(frozen=True)
class WebhookSink:
    """POSTs JSON with a Slack-compatible ``text`` plus the structured fields at the top level."""

    url: str
    timeout: float = TIMEOUT_SECONDS

    def send(self, alert: Alert) -> None:
        body = json.dumps({"text": format_text(alert), **alert.to_dict()}, ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(
            self.url, data=body, method="POST", headers={"Content-Type": "application/json; charset=utf-8"}
        )
        where = shown_url(self.url)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            detail = error.read(200).decode("utf-8", "replace").strip()
            raise AlertDeliveryError(f"webhook {where} answered HTTP {error.code}: {detail or error.reason}") from error
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise AlertDeliveryError(f"webhook {where} could not be reached: {reason}") from error
        if not 200 <= status < 300:
            raise AlertDeliveryError(f"webhook {where} answered HTTP {status}")


@dataclass(frozen=True)
class EmailSink:
    """Plain-text e-mail through an SMTP relay that accepts mail from this host without login."""

    host: str
    port: int
    sender: str
    recipients: tuple[str, ...]
    timeout: float = TIMEOUT_SECONDS

    def send(self, alert: Alert) -> None:
        message = EmailMessage()
        message["Subject"] = format_text(alert).splitlines()[0]
        message["From"] = self.sender
        message["To"] = ", ".join(self.recipients)
        message["Date"] = formatdate(localtime=False)
        message["Message-ID"] = make_msgid(domain=socket.getfqdn() or "localhost")
        message.set_content(format_text(alert) + "\n")
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                smtp.send_message(
                    message,
                    from_addr=parseaddr(self.sender)[1],
                    to_addrs=[parseaddr(recipient)[1] for recipient in self.recipients],
                )
        except (smtplib.SMTPException, OSError) as error:
            raise AlertDeliveryError(f"SMTP server {self.host}:{self.port} did not take the alert: {error}") from error


def sink_from_env(env: Mapping[str, str] | None = None) -> Sink:
    """The sink configured by ``WAREHOUSE_ALERT_*`` variables (see the package docstring)."""
    return sink_from_settings(AlertSettings.from_env(env))


def sink_from_settings(alerts: AlertSettings, folder: Path | None = None) -> Sink:
    """The sink of the alert settings (``warehouse.settings``); the log file defaults to ``alerts.jsonl`` in
    ``folder`` (the published file's), else in ``data/``."""
    kind = alerts.sink.strip().lower() or "logfile"
    if kind == "logfile":
        default = folder / DEFAULT_LOG.name if folder is not None else DEFAULT_LOG
        return LogFileSink(Path(alerts.log) if alerts.log.strip() else default)
    if kind == "webhook":
        return WebhookSink(_required(alerts, "webhook_url"), timeout=_timeout(alerts))
    if kind == "email":
        port = alerts.smtp_port.strip() or "25"
        if not port.isdigit():
            raise ValueError(f"WAREHOUSE_ALERT_SMTP_PORT must be a port number, not {port!r}")
        recipients = tuple(a.strip() for a in _required(alerts, "smtp_to").split(",") if a.strip())
        if not recipients:
            raise ValueError("WAREHOUSE_ALERT_SMTP_TO names no recipient")
        return EmailSink(
            host=_required(alerts, "smtp_host"),
            port=int(port),
            sender=_required(alerts, "smtp_from"),
            recipients=recipients,
            timeout=_timeout(alerts),
        )
    raise ValueError(f"WAREHOUSE_ALERT_SINK must be logfile, webhook or email, not {kind!r}")


def send(alert: Alert, sink: Sink) -> None:
    """Deliver ``alert`` to ``sink`` (built once from the run's settings by :func:`sink_from_settings`)."""
    sink.send(alert)


def shown_url(url: str) -> str:
    """The URL as error messages show it: without credentials or query, and with a long last path
    segment (the secret token of Slack-style webhooks) cut short, since errors end up in run logs."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host
    if parts.port:
        netloc += f":{parts.port}"
    head, _, last = parts.path.rpartition("/")
    path = f"{head}/{last[:4]}…" if len(last) >= 16 else parts.path
    return urllib.parse.urlunsplit((parts.scheme, netloc, path, "", ""))


def _required(alerts: AlertSettings, name: str) -> str:
    value = str(getattr(alerts, name)).strip()
    if not value:
        raise ValueError(f"WAREHOUSE_ALERT_{name.upper()} must be set for WAREHOUSE_ALERT_SINK={alerts.sink}")
    return value


def _timeout(alerts: AlertSettings) -> float:
    raw = alerts.timeout.strip()
    try:
        return float(raw) if raw else TIMEOUT_SECONDS
    except ValueError as error:
        raise ValueError(f"WAREHOUSE_ALERT_TIMEOUT must be a number of seconds, not {raw!r}") from error
