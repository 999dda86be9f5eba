"""Alerts when the quality gate blocks a publication or a run fails, sent where the operator says.

The annual refresh runs unattended, so a blocked publication must reach a person: by default it is
appended to a log file (nothing to configure, nothing lost), and a webhook (Slack, Teams, any JSON
receiver) or e-mail can be configured instead.  The sink is chosen by environment variables, so a
deployment changes where alerts go without changing code:

``WAREHOUSE_ALERT_SINK``
    ``logfile`` (default), ``webhook`` or ``email``.
``WAREHOUSE_ALERT_LOG``
    logfile: the JSON-lines file to append to; default ``<repository>/data/alerts.jsonl``.
``WAREHOUSE_ALERT_WEBHOOK_URL``
    webhook: the URL to POST to.  The body is JSON with a Slack-compatible ``text`` and the alert's
    fields (``kind``, ``title``, ``run_id``, ``fiscal_year``, ``summary``, ``counts``, ``failed_rules``,
    ``cleaning_log``, ``workbooks``, ``created_at``) beside it; any answer other than 2xx is an error.
``WAREHOUSE_ALERT_SMTP_HOST``, ``_PORT`` (default 25), ``_FROM``, ``_TO``
    email: plain text through a relay that accepts mail from this host without login or TLS; ``_TO``
    is a comma-separated list of addresses.
``WAREHOUSE_ALERT_TIMEOUT``
    webhook and email: seconds to wait for the server; default 10.

For example, in the environment of the Dagster daemon and webserver::

    WAREHOUSE_ALERT_SINK=webhook
    WAREHOUSE_ALERT_WEBHOOK_URL=https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX

    WAREHOUSE_ALERT_SINK=email
    WAREHOUSE_ALERT_SMTP_HOST=smtp.example.lg.jp
    WAREHOUSE_ALERT_SMTP_PORT=25
    WAREHOUSE_ALERT_SMTP_FROM=warehouse@example.lg.jp
    WAREHOUSE_ALERT_SMTP_TO=data-team@example.lg.jp, survey-lead@example.lg.jp

and from the pipeline::

    send(Alert(kind="gate_failed", title="令和5年度 municipality returns", run_id=run_id, fiscal_year=2023,
               counts={"hard": 12, "soft": 40},
               failed_rules=[("hard", "cross.identity", 3),
                             ("soft", "municipality.q11_2_support_expected__at_most_three", 7)],
               cleaning_log="data/cleaning_log/2023",
               workbooks=["data/cleaning_log/2023/2023_01_北海道_疑義照会.xlsx"]),
         sink_from_settings(settings.alerts, settings.published.parent))
"""

from __future__ import annotations

from warehouse.alerts.sinks import (
    Alert,
    AlertDeliveryError,
    EmailSink,
    LogFileSink,
    Sink,
    WebhookSink,
    format_text,
    send,
    sink_from_env,
    sink_from_settings,
)

__all__ = [
    "Alert",
    "AlertDeliveryError",
    "EmailSink",
    "LogFileSink",
    "Sink",
    "WebhookSink",
    "format_text",
    "send",
    "sink_from_env",
    "sink_from_settings",
]
