"""Every file under raw/<year>/ is accounted for, and a file removed from raw/ is withdrawn.

The returns are made the way respondents make them: the project's blank template, opened and edited
with openpyxl, saved under a name of the sender's choosing.  Each test asserts the exact reason or
issue with its file (sheet and cell where they apply), and that nothing is lost: every file under
the year's folder is a submission or a quarantine record, and every answer cell written is a row.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import openpyxl
import pytest

from tests.conftest import Ingested
from tests.current_returns import build_current_returns
from warehouse.codebook import Codebook, load_edition
from warehouse.gate.run import run_gate
from warehouse.ingest import store
from warehouse.ingest.folder import discover
from warehouse.ingest.returns import STRAY_SAMPLE, read_return
from warehouse.ingest.run import ingest
from warehouse.reference.local_governments import load as load_registry
from warehouse.transform.dbt import build, write_lookups
from warehouse.wording import findings as wording
from warehouse.workbook.cells import answers_to_cells
from warehouse.workbook.template import write_workbook

YEAR = 2023
BOOKS = load_edition(YEAR)
REGISTRY = load_registry()
SAPPORO = REGISTRY.municipalities["01100"]
OTARU = REGISTRY.municipalities["01203"]
PROJECT = Path(__file__).resolve().parents[2]


def _code_item(cb: Codebook, kind: str = "municipality") -> Any:
    return next(i for i in cb.items if i.type == "code" and i.code_kind == kind)


def _answers(cb: Codebook, choice: int = 0) -> dict[str, Any]:
    """A few answers a respondent gives: the first single-choice questions without a condition."""
    singles = [i for i in cb.items if i.type == "single" and i.relevant is None][:3]
    return {i.key: i.options[choice % len(i.options)].code for i in singles}


def hand_made(
    path: Path, form: str, codes: dict[str, Any], answers: dict[str, Any], extra: dict[str, Any] | None = None
) -> int:
    """A return edited in Excel (here openpyxl) from the blank template; the answer cells written."""
    cb = BOOKS[form]
    write_workbook(cb, path)
    wb = openpyxl.load_workbook(path)
    ws = wb[cb.sheet]
    cells = answers_to_cells(cb, answers)
    for kind, code in codes.items():
        cells[_code_item(cb, kind).cell] = code
    for cell, value in {**cells, **(extra or {})}.items():
        ws[cell] = value
    wb.save(path)
    return len(cells)


def _aged(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


def _rows(db: Path, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def _every_file_placed(raw: Path, db: Path) -> None:
    """Nothing lost: each file (hidden, linked or not) under raw/<year>/ is a submission or refused."""
    on_disk = set()
    for folder, dirs, names in os.walk(raw / str(YEAR)):
        on_disk |= {str(Path(folder) / n) for n in names}
        on_disk |= {str(Path(folder) / d) for d in dirs if (Path(folder) / d).is_symlink()}
    placed = {
        p for (p,) in _rows(db, "select file_path from raw.submissions union select file_path from raw.quarantine")
    }
    assert on_disk <= placed, on_disk - placed
    assert {f.path for f in discover(raw, YEAR)} == on_disk


def _answer_rows(db: Path, path: Path) -> int:
    return _rows(db, "select count(*) from raw.answers where file_path = ?", [str(path)])[0][0]


def _quarantine(db: Path) -> dict[str, tuple[str, str, str | None, str | None]]:
    rows = _rows(db, "select file_path, reason_code, reason, sheet, cell from raw.quarantine")
    return {p: (code, reason, sheet, cell) for p, code, reason, sheet, cell in rows}


def _issues(db: Path, path: Path) -> list[tuple[str, str | None, str | None, dict[str, Any]]]:
    """(issue, cell, item_key, details) of one file's ingest issues."""
    rows = _rows(
        db,
        "select i.issue, i.cell, i.item_key, i.details from raw.ingest_issues as i "
        "join raw.submissions as s using (submission_id) where s.file_path = ? order by all",
        [str(path)],
    )
    return [(issue, cell, item_key, json.loads(details)) for issue, cell, item_key, details in rows]


@pytest.fixture
def year(tmp_path: Path) -> tuple[Path, Path, Path]:
    """An empty raw folder of the year, its form folders, and a working file."""
    raw = tmp_path / "raw"
    for form in BOOKS:
        (raw / str(YEAR) / form).mkdir(parents=True)
    return raw, raw / str(YEAR) / "municipality", tmp_path / "warehouse.duckdb"


def test_hidden_files_are_listed_with_their_reason_and_not_read(year: tuple[Path, Path, Path]) -> None:
    raw, folder, db = year
    good = folder / f"{SAPPORO.code6}_{SAPPORO.name}.xlsx"
    written = hand_made(good, "municipality", {"municipality": SAPPORO.code5}, _answers(BOOKS["municipality"]))
    hidden_return = folder / ".012033_小樽市.xlsx"  # a valid return, hidden by a leading dot
    hand_made(hidden_return, "municipality", {"municipality": OTARU.code5}, _answers(BOOKS["municipality"]))
    finder = folder / ".DS_Store"
    finder.write_bytes(b"\x00\x00\x00\x01Bud1")
    in_hidden_folder = raw / str(YEAR) / ".Trash" / "old.xlsx"
    in_hidden_folder.parent.mkdir()
    shutil.copy(good, in_hidden_folder)

    report = ingest(db, raw, YEAR)

    quarantine = _quarantine(db)
    for path in (hidden_return, finder, in_hidden_folder):
        code, reason, sheet, cell = quarantine[str(path)]
        assert (code, sheet, cell) == ("hidden_file", None, None)
        assert str(path) in reason and "隠しファイル" in reason
    assert _rows(db, "select file_sha256 from raw.quarantine where reason_code = 'hidden_file'") == [(None,)] * 3
    assert _rows(db, "select file_path from raw.submissions") == [(str(good),)]
    assert (report.files_seen, report.submissions, report.quarantined) == (4, 1, 3)
    assert _answer_rows(db, good) == written
    _every_file_placed(raw, db)
    again = ingest(db, raw, YEAR)
    assert (again.files_read, again.quarantined) == (0, 0), "re-running adds nothing"


def test_a_symlink_is_refused_and_never_followed(year: tuple[Path, Path, Path], tmp_path: Path) -> None:
    raw, folder, db = year
    outside = tmp_path / "outside" / f"{OTARU.code6}_{OTARU.name}.xlsx"
    outside.parent.mkdir()
    hand_made(outside, "municipality", {"municipality": OTARU.code5}, _answers(BOOKS["municipality"]))
    to_file = folder / outside.name
    to_file.symlink_to(outside)
    inside = folder / f"{SAPPORO.code6}_{SAPPORO.name}.xlsx"
    written = hand_made(inside, "municipality", {"municipality": SAPPORO.code5}, _answers(BOOKS["municipality"]))
    to_inside = folder / "link_to_sapporo.xlsx"  # a link is refused even when it points inside raw/
    to_inside.symlink_to(inside.name)
    to_folder = raw / str(YEAR) / "coordinator" / "more"
    to_folder.symlink_to(outside.parent, target_is_directory=True)
    dangling = folder / "gone.xlsx"
    dangling.symlink_to(tmp_path / "nowhere.xlsx")

    report = ingest(db, raw, YEAR)

    quarantine = _quarantine(db)
    for link in (to_file, to_inside, to_folder, dangling):
        code, reason, sheet, cell = quarantine[str(link)]
        assert (code, sheet, cell) == ("symlink", None, None)
        assert str(link) in reason and os.readlink(link) in reason
    assert _rows(db, "select file_path from raw.submissions") == [(str(inside),)]
    assert _rows(db, "select count(*) from raw.quarantine where file_sha256 is not null") == [(0,)]
    assert (report.submissions, report.quarantined) == (1, 4)
    assert _answer_rows(db, inside) == written
    _every_file_placed(raw, db)


def test_a_special_file_is_refused_without_being_opened(year: tuple[Path, Path, Path]) -> None:
    """A FIFO named like a workbook would block any reader forever: it is refused from its type."""
    raw, folder, db = year
    fifo = folder / "012033_小樽市.xlsx"
    os.mkfifo(fifo)
    good = folder / f"{SAPPORO.code6}_{SAPPORO.name}.xlsx"
    written = hand_made(good, "municipality", {"municipality": SAPPORO.code5}, _answers(BOOKS["municipality"]))

    ingest(db, raw, YEAR)

    code, reason, sheet, cell = _quarantine(db)[str(fifo)]
    assert (code, sheet, cell) == ("unreadable_file", None, None)
    assert str(fifo) in reason and "FIFO" in reason
    assert _answer_rows(db, good) == written
    _every_file_placed(raw, db)


UNPRIVILEGED_INGEST = """
import sys
from pathlib import Path
from warehouse.ingest.run import ingest
report = ingest(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), workers=1)
print(report.submissions, report.quarantined)
"""


#: Root reads any file whatever its mode; without these two capabilities it obeys the mode like anyone.
WITHOUT_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


@pytest.mark.skipif(shutil.which("setpriv") is None, reason="needs setpriv (util-linux) to drop capabilities")
def test_a_file_the_system_will_not_let_us_read_is_quarantined_and_the_year_goes_on(
    year: tuple[Path, Path, Path],
) -> None:
    """Permission denied, for real: a file with no read permission, and the ingest run in a process
    that may not override file modes (as root may); it is quarantined with the system's reason and
    the other files of the year are read."""
    raw, folder, db = year
    locked = folder / f"{OTARU.code6}_{OTARU.name}.xlsx"
    hand_made(locked, "municipality", {"municipality": OTARU.code5}, _answers(BOOKS["municipality"]))
    locked.chmod(0o000)
    good = folder / f"{SAPPORO.code6}_{SAPPORO.name}.xlsx"
    written = hand_made(good, "municipality", {"municipality": SAPPORO.code5}, _answers(BOOKS["municipality"]))
    closed = folder / "受付分"  # a folder that cannot be listed: refused as such, not skipped
    inside = closed / "回答.xlsx"
    hand_made(inside, "municipality", {"municipality": "13213"}, _answers(BOOKS["municipality"]))
    closed.chmod(0o000)
    done = subprocess.run(
        [*WITHOUT_OVERRIDE, sys.executable, "-c", UNPRIVILEGED_INGEST, str(db), str(raw), str(YEAR)],
        cwd=PROJECT,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "2"]
    for path in (locked, closed):
        code, reason, sheet, cell = _quarantine(db)[str(path)]
        assert (code, sheet, cell) == ("unreadable_file", None, None)
        assert str(path) in reason and "Permission denied" in reason
    assert _answer_rows(db, good) == written

    locked.chmod(0o644)  # permissions fixed: the next run reads them
    closed.chmod(0o755)
    assert ingest(db, raw, YEAR).submissions == 2
    assert _answer_rows(db, locked) > 0 and _answer_rows(db, inside) > 0
    _every_file_placed(raw, db)


def test_a_file_name_naming_another_municipality_is_reported_with_both(year: tuple[Path, Path, Path]) -> None:
    raw, folder, db = year
    cb = BOOKS["municipality"]
    f1 = _code_item(cb)
    misnamed = folder / f"{SAPPORO.code6}_{SAPPORO.name}.xlsx"  # the generator's naming, Otaru's code in F1
    hand_made(misnamed, "municipality", {"municipality": OTARU.code5}, _answers(cb))
    by_name = folder / "回答_札幌市__訂正.xlsx"  # a name only, in a resubmission's file name
    hand_made(by_name, "municipality", {"municipality": OTARU.code5}, _answers(cb, 1))
    by_code5 = folder / f"{SAPPORO.code5}.xlsx"  # a 5-digit code only
    hand_made(by_code5, "municipality", {"municipality": OTARU.code5}, _answers(cb, 1))
    consistent = folder / f"{OTARU.code6}_{OTARU.name}.xlsx"
    hand_made(consistent, "municipality", {"municipality": OTARU.code5}, _answers(cb))
    namesake = folder / "東京都府中市.xlsx"  # 府中市 is also in 広島県: the prefecture named beside it decides
    fuchu = REGISTRY.municipalities["13206"]
    hand_made(namesake, "municipality", {"municipality": fuchu.code5}, _answers(cb))
    longer = folder / "東村山市.xlsx"  # 東村山市, not 村山市 (山形県)
    hand_made(longer, "municipality", {"municipality": "13213"}, _answers(cb))

    ingest(db, raw, YEAR)

    for path, text in ((misnamed, SAPPORO.code6), (by_name, SAPPORO.name), (by_code5, SAPPORO.code5)):
        [(_, cell, item_key, details)] = [i for i in _issues(db, path) if i[0] == "file_name_mismatch"]
        assert (cell, item_key) == (f1.cell, f1.key)
        message = wording.ingest_message("file_name_mismatch", f1, cell, details)
        assert path.name in message and f"「{text}」" in message
        assert f"北海道札幌市（{SAPPORO.code6}）" in message, message
        assert f"北海道小樽市（{OTARU.code6}）" in message, message
        assert f"（{f1.cell}）の回答者コード" in message, "the question and cell of the code, as the cleaning log says"
    for path in (consistent, namesake, longer):
        assert [i for i in _issues(db, path) if i[0] == "file_name_mismatch"] == []
    _every_file_placed(raw, db)


@pytest.mark.slow
def test_a_return_with_an_unknown_code_is_filed_under_the_prefecture_its_evidence_indicates(
    year: tuple[Path, Path, Path],
) -> None:
    raw, folder, db = year
    named = folder / f"{SAPPORO.code6}_{SAPPORO.name}.xlsx"
    hand_made(named, "municipality", {"municipality": "99999"}, _answers(BOOKS["municipality"]))
    by_name = folder / "小樽市からの回答.xlsx"
    hand_made(by_name, "municipality", {"municipality": "99999"}, _answers(BOOKS["municipality"]))
    nothing = folder / "回答.xlsx"
    hand_made(nothing, "municipality", {"municipality": "99999"}, _answers(BOOKS["municipality"]))
    coordinator = raw / str(YEAR) / "coordinator" / "coordinator_a.xlsx"  # F1-1 unknown, F1-2 東京都
    hand_made(coordinator, "coordinator", {"municipality": "99999", "prefecture": "13"}, {})

    ingest(db, raw, YEAR)

    rows = dict(
        (p, (status, pref))
        for p, status, pref in _rows(db, "select file_path, identity_status, prefecture_code from raw.submissions")
    )
    assert rows[str(named)] == ("unknown_code", "01")
    assert rows[str(by_name)] == ("unknown_code", "01")
    assert rows[str(nothing)] == ("unknown_code", None)
    assert rows[str(coordinator)] == ("unknown_code", "13")
    for path in (named, by_name, nothing):
        assert [i[:2] for i in _issues(db, path)] == [("unknown_code", _code_item(BOOKS["municipality"]).cell)]
    build_current_returns(db)
    filed = dict(_rows(db, "select file_path, prefecture_name from staging.stg_raw__submissions"))
    assert (filed[str(named)], filed[str(coordinator)], filed[str(nothing)]) == ("北海道", "東京都", None)


@pytest.mark.slow
def test_stray_cells_are_one_issue_per_file_and_every_cell_is_kept(year: tuple[Path, Path, Path]) -> None:
    raw, folder, db = year
    cb = BOOKS["municipality"]
    path = folder / f"{SAPPORO.code6}_{SAPPORO.name}.xlsx"
    stray = {f"{column}{row}": f"メモ{row}" for row in range(200, 50_200) for column in "MNOP"}
    written = hand_made(path, "municipality", {"municipality": SAPPORO.code5}, _answers(cb), stray)

    ingest(db, raw, YEAR)

    [(issue, cell, item_key, details)] = [i for i in _issues(db, path) if i[0].startswith("stray")]
    sample = ["M200", "N200", "O200", "P200", "M201"][:STRAY_SAMPLE]
    assert (issue, cell, item_key) == ("stray_cells", ",".join(sample), None)
    assert details == {"count": 200_000, "sample": [[c, stray[c]] for c in sample]}
    kept = _rows(db, "select cell, raw_value from raw.stray_cells")
    assert len(kept) == 200_000 and dict(kept) == stray
    assert _answer_rows(db, path) == written
    _every_file_placed(raw, db)


@pytest.mark.slow
def test_a_removed_resubmission_is_withdrawn_and_the_previous_version_is_current_again(
    year: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    raw, folder, db = year
    cb = BOOKS["municipality"]
    first = folder / f"{SAPPORO.code6}_{SAPPORO.name}.xlsx"
    hand_made(first, "municipality", {"municipality": SAPPORO.code5}, _answers(cb))
    _aged(first, 7200)
    second = folder / f"{SAPPORO.code6}_{SAPPORO.name}__訂正.xlsx"
    hand_made(second, "municipality", {"municipality": SAPPORO.code5}, _answers(cb, 1))
    _aged(second, 3600)
    ingest(db, raw, YEAR)
    build_current_returns(db)
    current = "select file_path from staging.stg_raw__submissions"
    assert _rows(db, current) == [(str(second),)]

    kept = tmp_path / "kept.xlsx"
    shutil.move(second, kept)  # sent by mistake: removed from raw/
    withdrawn = ingest(db, raw, YEAR)
    assert (withdrawn.withdrawn, withdrawn.files_read) == (1, 0)
    [(path, sha, submission_id, at, run_id)] = _rows(db, "select * from raw.withdrawals")
    expected = _rows(db, "select file_sha256, submission_id from raw.submissions where file_path = ?", [str(second)])
    assert (path, run_id) == (str(second), withdrawn.run_id) and [(sha, submission_id)] == expected
    assert at == _rows(db, "select started_at from raw.ingest_runs where run_id = ?", [run_id])[0][0]
    build_current_returns(db)
    assert _rows(db, current) == [(str(first),)], "the previous version is current again"
    history = _rows(
        db,
        "select file_path, is_withdrawn, withdrawn_at, is_current from staging.stg_raw__submission_versions "
        "order by file_path",
    )
    assert history == [(str(first), False, None, True), (str(second), True, at, False)]
    assert _rows(db, "select count(*) from raw.answers where file_path = ?", [str(second)])[0][0] > 0

    shutil.move(kept, second)  # it comes back, same content and time
    back = ingest(db, raw, YEAR)
    assert (back.restored, back.withdrawn, back.files_read) == (1, 0, 0)
    assert _rows(db, "select count(*) from raw.withdrawals") == [(0,)]
    build_current_returns(db)
    assert _rows(db, current) == [(str(second),)]
    assert ingest(db, raw, YEAR).withdrawn == 0, "re-running changes nothing"


@pytest.mark.slow
def test_a_withdrawn_duplicate_unblocks_the_gate_without_a_rebuild(clean_year: Ingested, tmp_path: Path) -> None:
    """The real dbt build and the real gate: a duplicate blocks publication; removing its file from
    raw/ lets the next run publish, on the same working file."""
    raw, db = tmp_path / "raw", tmp_path / "warehouse.duckdb"
    shutil.copytree(clean_year.raw, raw)
    original = Path(sorted((raw / str(YEAR) / "municipality").glob("*.xlsx"))[0])
    duplicate = original.with_name("再送_" + original.name.split("_", 1)[0] + ".xlsx")  # another family
    shutil.copy(original, duplicate)
    ingest(db, raw, YEAR)
    write_lookups(db)
    assert build(db).success
    blocked = run_gate(db, YEAR)
    assert not blocked.passed
    [failed] = [r for r in blocked.rules if r.rule.endswith("duplicate_return")]
    assert not failed.success and failed.severity == "hard"
    assert {r.rule for r in blocked.rules if not r.success and r.severity == "hard"} == {failed.rule}
    found = _rows(
        db,
        "select distinct file_path from gate.findings where fiscal_year = ? and rule like '%duplicate_return'",
        [YEAR],
    )
    assert str(duplicate) in {p for (p,) in found}

    duplicate.unlink()
    assert ingest(db, raw, YEAR).withdrawn == 1
    rebuilt = build(db)
    assert rebuilt.success and not rebuilt.full_refresh
    passed = run_gate(db, YEAR)
    assert passed.passed, passed.hard_failures
    assert [r.success for r in passed.rules if r.rule.endswith("duplicate_return")] == [True]
    caused = "select count(*) from gate.findings where fiscal_year = ? and file_path = ?"
    assert _rows(db, caused, [YEAR, str(duplicate)]) == [(0,)]
    for table in ("staging.stg_raw__submissions", "marts.fct_scenario_status"):
        withdrawn_rows = _rows(
            db,
            f"select count(*) from {table} where submission_id in (select submission_id from raw.withdrawals)",
        )
        assert withdrawn_rows == [(0,)], table
    _every_file_placed(raw, db)


def test_the_data_and_the_run_record_are_written_together(year: tuple[Path, Path, Path]) -> None:
    """A run whose record cannot be written (its id is already taken) leaves none of its data."""
    raw, folder, db = year
    good = folder / f"{SAPPORO.code6}_{SAPPORO.name}.xlsx"
    hand_made(good, "municipality", {"municipality": SAPPORO.code5}, _answers(BOOKS["municipality"]))
    first = ingest(db, raw, YEAR)
    second = folder / f"{OTARU.code6}_{OTARU.name}.xlsx"
    hand_made(second, "municipality", {"municipality": OTARU.code5}, _answers(BOOKS["municipality"]))
    [file] = [f for f in discover(raw, YEAR) if f.path == str(second)]
    [(first_started,)] = _rows(db, "select started_at from raw.ingest_runs")
    outcome = read_return(file, first_started)
    assert outcome.submission is not None
    tables = ("submissions", "answers", "file_versions", "ingest_runs")
    before = {t: _rows(db, f"select count(*) from raw.{t}")[0][0] for t in tables}
    with duckdb.connect(str(db)) as con, pytest.raises(duckdb.ConstraintException):
        store.write(
            con,
            [outcome],
            store.Run(first.run_id, YEAR, first_started, files_seen=2, files_read=1),
            present={good.as_posix(), second.as_posix()},
            restored=[],
        )
    assert {t: _rows(db, f"select count(*) from raw.{t}")[0][0] for t in tables} == before
    assert ingest(db, raw, YEAR).submissions == 1


def test_a_missing_year_folder_withdraws_nothing(year: tuple[Path, Path, Path], tmp_path: Path) -> None:
    """A mistyped raw folder is an error, not a year whose every file was removed."""
    raw, folder, db = year
    good = folder / f"{SAPPORO.code6}_{SAPPORO.name}.xlsx"
    hand_made(good, "municipality", {"municipality": SAPPORO.code5}, _answers(BOOKS["municipality"]))
    ingest(db, raw, YEAR)
    with pytest.raises(FileNotFoundError, match="no such folder"):
        ingest(db, tmp_path / "mistyped", YEAR)
    assert _rows(db, "select count(*) from raw.withdrawals") == [(0,)]
    assert _rows(db, "select count(*) from raw.ingest_runs") == [(1,)]


@pytest.mark.slow
def test_a_return_that_becomes_unreadable_is_followed_up_with_its_prefecture(year: tuple[Path, Path, Path]) -> None:
    """A return read once, then replaced in raw/ by a file that cannot be read: the earlier version still counts,
    and the refused file is a finding of its respondent, so the prefecture's cleaning log asks about it."""
    from warehouse.gate.run import _ingest_findings

    raw, folder, db = year
    path = folder / "011002_札幌市.xlsx"
    hand_made(path, "municipality", {"municipality": "01100"}, _answers(BOOKS["municipality"]))
    assert ingest(db, raw, YEAR).submissions == 1
    path.write_bytes(b"PK\x03\x04 not a workbook any more")
    _aged(path, -5)  # written after the first read
    assert ingest(db, raw, YEAR).quarantined == 1
    build_current_returns(db)
    with duckdb.connect(str(db), read_only=True) as con:
        found = _ingest_findings(con, YEAR, BOOKS)
        current = con.execute("select count(*) from staging.stg_raw__submissions").fetchone()
    assert current == (1,), "the earlier version still counts"
    [refused] = found[found["rule"].str.startswith("file.")].to_dict("records")
    assert refused["rule"] == "file.corrupt" and refused["file_path"] == str(path)
    assert (refused["respondent_code"], refused["prefecture_code"]) == ("01100", "01")
    assert refused["message"].endswith("集計には前に受け付けた版を使っています")
