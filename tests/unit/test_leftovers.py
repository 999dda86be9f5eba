"""What a crashed run left is removed, and nothing the analysts or prefectures read is."""

from __future__ import annotations

import os
from pathlib import Path

from warehouse.pipeline.leftovers import remove_leftovers


def test_the_cleaning_log_set_a_year_folder_points_at_is_kept(tmp_path: Path) -> None:
    log = tmp_path / "cleaning_log"
    current, crashed = log / ".2023.current", log / ".2023.crashed"
    for folder in (current, crashed):
        folder.mkdir(parents=True)
        (folder / "2023_13_東京都_疑義照会.xlsx").write_bytes(b"workbook")
        os.utime(folder, (0, 0))  # both written long before the lock was taken
    (log / "2023").symlink_to(current.name, target_is_directory=True)
    published = tmp_path / "published.duckdb"
    temporary = tmp_path / f"published.duckdb.tmp-{'0' * 32}"
    temporary.write_bytes(b"half a publication")

    removed = remove_leftovers(published, log, tmp_path / "tmp")

    assert sorted(removed) == sorted([crashed, temporary])
    assert (log / "2023" / "2023_13_東京都_疑義照会.xlsx").read_bytes() == b"workbook"
    assert not crashed.exists() and not temporary.exists()


def test_a_run_removes_its_own_temporary_folder(tmp_path: Path) -> None:
    import tempfile

    from warehouse.pipeline.leftovers import run_temp

    with run_temp(tmp_path / "runs") as folder:
        assert tempfile.gettempdir() == str(folder) and folder.name == str(os.getpid())
        with tempfile.NamedTemporaryFile():
            pass
    assert not folder.exists() and list((tmp_path / "runs").iterdir()) == []
