"""Publishing the audited marts to the analysts' DuckDB file, replaced atomically (write-audit-publish).

The gate decides whether to publish; this package only makes the publication whole or not at all.
"""

from __future__ import annotations

from warehouse.publish.swap import PublishError, PublishResult, publish, read_publication

__all__ = ["PublishError", "PublishResult", "publish", "read_publication"]
