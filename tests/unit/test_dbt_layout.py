"""The dbt project's layers read as dbt's conventions say, checked on the files (no database): only staging
reads the sources, one folder per source, each staging model named for its source."""

from __future__ import annotations

import re

from warehouse.transform.dbt import PROJECT_DIR

MODELS = PROJECT_DIR / "models"
SOURCE_CALL = re.compile(r"\bsource\(\s*'([a-z_]+)'\s*,\s*'([a-z_]+)'\s*\)")


def test_only_staging_reads_the_sources() -> None:
    outside = [
        f"{path.relative_to(PROJECT_DIR)}: {match.group(0)}"
        for path in [*MODELS.rglob("*.sql"), *(PROJECT_DIR / "macros").rglob("*.sql")]
        if MODELS / "staging" not in path.parents
        for match in SOURCE_CALL.finditer(path.read_text(encoding="utf-8"))
    ]
    assert outside == []


def test_each_staging_model_sits_in_its_sources_folder_and_is_named_for_it() -> None:
    staged = sorted((MODELS / "staging").rglob("*.sql"))
    assert staged
    for path in staged:
        source = path.parent.name
        assert path.stem.startswith(f"stg_{source}__"), path.name
        read = {match.group(1) for match in SOURCE_CALL.finditer(path.read_text(encoding="utf-8"))}
        assert read <= {source}, f"{path.name} reads the sources {sorted(read)}"
