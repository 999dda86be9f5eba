"""Passwords out of everything the warehouse says or writes: a PostgreSQL URL or connection string may carry
one (``postgresql://user:secret@host/db``, ``password=secret``), and whatever holds such a string (the
command line dbt records as its invocation, a refusal, a log line) must show it without.

Keep passwords out of URLs altogether: libpq reads ``PGPASSWORD`` or the pass file (``~/.pgpass``,
``PGPASSFILE``) when the URL has none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

HIDDEN = "********"
#: ``scheme://user:password@`` (the password is everything up to the last ``@`` of the authority).
_URL = re.compile(r"(?P<head>\b[a-z][a-z0-9+.-]*://[^/\s:@]*:)(?P<secret>[^\s/]*)(?P<tail>@)", re.IGNORECASE)
#: ``?password=…`` / ``&password=…`` in a URL's query, and ``password=…`` in a key/value connection string.
_QUERY = re.compile(r"(?P<head>[?&]password=)(?P<secret>[^&\s]*)", re.IGNORECASE)
_KEYWORD = re.compile(r"(?P<head>(?<![?&])\bpassword\s*=\s*)(?P<secret>'(?:[^'\\]|\\.)*'|[^\s']+)", re.IGNORECASE)


def redact(text: str) -> str:
    """``text`` with the password of every URL or connection string in it replaced by ``********``."""
    for pattern in (_URL, _QUERY, _KEYWORD):
        text = pattern.sub(lambda m: m["head"] + HIDDEN + m.groupdict().get("tail", "") if m["secret"] else m[0], text)
    return text


def has_password(text: str) -> bool:
    return redact(text) != text


def redact_argv(argv: Sequence[str]) -> list[str]:
    """The arguments of a command with every password hidden (dbt records its process's ``sys.argv``)."""
    return [redact(arg) for arg in argv]
