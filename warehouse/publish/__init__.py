"""Publishing the audited marts to the analysts' DuckDB file, replaced atomically (write-audit-publish),
and copying that file to PostgreSQL when a database is configured (``postgres``, with the reader roles
of ``pg_access`` and the catalog translation of ``pg_schema``).

The gate decides whether to publish; this package only makes each publication whole or not at all.
"""

from __future__ import annotations

from warehouse.publish.swap import PublishError, PublishResult, publish, read_publication

__all__ = ["PublishError", "PublishResult", "publish", "read_publication"]
