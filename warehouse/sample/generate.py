"""The sample national year: deterministic (seeded) returns of every respondent, written through
the template writer into ``raw/<fiscal_year>/<form>/``, with an optional defect mode and a manifest.

``scale`` < 1 writes a reduced sample (whole prefectures: the prefecture, its municipalities and
their coordinators) for fast tests; the answers are always dealt for the whole country, so the
full sample is the calibrated one.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warehouse.codebook import Codebook, load_edition
from warehouse.pipeline.workers import process_pool
from warehouse.report import presence_tests
from warehouse.report.charts import load_charts
from warehouse.sample import defects as d
from warehouse.sample import hub, legacy
from warehouse.sample.answers import Answers, Dealer
from warehouse.sample.population import MUNICIPAL, Respondent, national
from warehouse.sample.presence import Outcome
from warehouse.sample.presence import calibrate as calibrate_presence
from warehouse.sample.texts import free_text
from warehouse.workbook.cells import answers_to_cells
from warehouse.workbook.filled import write_filled
from warehouse.workbook.template import write_workbook

RETURNED_FROM = dt.datetime(2023, 8, 23, 9, 0)  # the survey period began 令和5年8月23日


@dataclass
class Sample:
    """Everything the generator decided, for tests: the clean answers and where each return went."""

    edition: int
    answers: dict[str, Answers]
    respondents: dict[str, Respondent]
    files: dict[str, str] = field(default_factory=dict)  # respondent id → path of its (first) return
    defects: list[d.Defect] = field(default_factory=list)
    presence: list[Outcome] = field(default_factory=list)  # the printed χ² tests and what the sample gives


def _question_item(cb: Codebook, question: str) -> str:
    """The single-choice item of a question (問11 and 問13 ask whether coordinators are present)."""
    found = [i.key for i in cb.items if i.question == question and i.type == "single"]
    if len(found) != 1:
        raise LookupError(f"{cb.path.name}: expected one single-choice item for {question}, found {found}")
    return found[0]


#: Forms whose sample has a module of its own: form → deal(edition, rng) → (answers, respondents).
OWN_SAMPLES: dict[str, Callable[[int, random.Random], tuple[dict[str, Answers], list[Respondent]]]] = {
    "hub": hub.deal,
}


def deal(edition: int, seed: int) -> Sample:
    """Respondents and their clean, calibrated answers; the legacy surveys' forms and those of
    ``OWN_SAMPLES`` come from their own modules."""
    books = load_edition(edition)
    own = [form for form in books if form in OWN_SAMPLES]
    older = [form for form, cb in books.items() if cb.survey in legacy.SURVEYS]
    national_forms = set(books) - set(own) - set(older)
    sample = _deal_national(edition, seed) if national_forms else Sample(edition, {}, {})
    if older:
        dealt = legacy.deal(edition, older, seed)
        sample.answers.update(dealt.answers)
        sample.respondents.update(dealt.respondents)
    rng = random.Random(seed)
    for form in own:
        answers, people = OWN_SAMPLES[form](edition, rng)
        sample.answers.update(answers)
        sample.respondents.update({r.id: r for r in people})
    return sample


def _deal_national(edition: int, seed: int) -> Sample:
    """The 令和 national survey: prefectures, municipalities and coordinators."""
    rng = random.Random(seed)
    books = {
        form: cb
        for form, cb in load_edition(edition).items()
        if cb.survey not in legacy.SURVEYS and form not in OWN_SAMPLES
    }
    muni_cb = books["municipality"]
    coordinator_munis = 986  # 問13 いる: municipalities that report a coordinator (56.6% of 1,741)
    people = national(edition, rng, coordinator_munis)
    answers: dict[str, Answers] = {}
    outcomes: list[Outcome] = []
    for form, cb in books.items():
        dealer = Dealer(cb, load_charts(edition, form), rng, free_text)
        if form == "municipality":
            with_coordinators = {f"municipality:{r.code}" for r in people["coordinator"] if r.population == MUNICIPAL}
            dealer.prefer[(_question_item(muni_cb, "問13"), 1)] = with_coordinators
        if form == "prefecture":
            pref_level = {f"prefecture:{r.code}" for r in people["coordinator"] if r.population != MUNICIPAL}
            dealer.prefer[(_question_item(cb, "問11"), 1)] = pref_level
        dealt = dealer.answer(people[form])
        if form == "municipality":
            outcomes = calibrate_presence(cb, dealt, presence_tests.load(edition))
        code_items = [i for i in cb.items if i.type == "code"]
        for r in people[form]:
            item = code_items[0] if (form != "coordinator" or r.population == MUNICIPAL) else code_items[-1]
            dealt[r.id][item.key] = r.code
        answers.update(dealt)
    respondents = {r.id: r for rs in people.values() for r in rs}
    return Sample(edition, answers, respondents, presence=outcomes)


def _one_of_each(chosen: list[Respondent], rates: dict[str, float], rng: random.Random) -> dict[str, str]:
    """Respondent id → a defect it gets for sure, one respondent per kind, so that every kind
    configured shows up at least once even in a small sample (tests rely on it)."""
    out: dict[str, str] = {}
    for kind in sorted(k for k, rate in rates.items() if rate > 0):
        fits = [
            r.id for r in chosen if r.id not in out and (kind != "duplicate_coordinator" or r.population == MUNICIPAL)
        ]
        if fits:
            out[rng.choice(fits)] = kind
    return out


def _defect_order(kind: str) -> int:
    """Defects that make a file unreadable come first and stop the others (they could not be seen)."""
    order = list(d.DEFAULT_RATES)
    return order.index(kind) if kind in order else len(order)


def _subset(sample: Sample, scale: float, rng: random.Random) -> list[Respondent]:
    if scale >= 1:
        return list(sample.respondents.values())
    prefs = sorted({r.prefecture_code for r in sample.respondents.values()})
    keep = set(rng.sample(prefs, max(1, round(len(prefs) * scale))))
    return [r for r in sample.respondents.values() if r.prefecture_code in keep]


def _write(job: tuple[int, str, str, dict[str, Any], str | None, str | None, float]) -> str:
    edition, form, path, cells, sheet, post, mtime = job
    cb = load_edition(edition)[form]
    if sheet is None:
        target = write_filled(cb, Path(path), cells)
    else:  # a renamed answer sheet: the whole workbook
        target = write_workbook(cb, Path(path), cells, sheet=sheet)
    if post == "xls":
        target = d.to_xls(target, sheet or cb.sheet)
    elif post == "xlsm":
        target = d.to_xlsm(target)
    elif post == "corrupt":
        d.corrupt(target)
    elif post == "empty":
        target.write_bytes(b"")
    os.utime(target, (mtime, mtime))
    return str(target)


def generate(
    raw_root: Path,
    edition: int = 2023,
    *,
    seed: int = 5,
    scale: float = 1.0,
    defect_rates: dict[str, float] | None = None,
    workers: int = 2,
    progress: Callable[[int, int], None] | None = None,
) -> Sample:
    """Write the sample year under ``raw_root/<edition>/`` and its manifest beside that folder."""
    sample = deal(edition, seed)
    rng = random.Random(seed + 1)
    books = load_edition(edition)
    chosen = _subset(sample, scale, rng)
    guaranteed = _one_of_each(chosen, defect_rates or {}, rng)
    jobs: list[tuple[int, str, str, dict[str, Any], str | None, str | None, float]] = []
    base = RETURNED_FROM.timestamp()
    for index, r in enumerate(chosen):
        cb = books[r.form]
        path = raw_root / str(edition) / r.form / f"{r.file_stem}.xlsx"
        cells = answers_to_cells(cb, sample.answers[r.id])
        sheet = post = None
        mtime = base + index * 60
        sample.files[r.id] = str(path)
        cell_defect_done = False
        for kind in sorted(defect_rates or {}, key=_defect_order):
            drawn = rng.random() < (defect_rates or {})[kind]
            wanted = guaranteed[r.id] == kind if r.id in guaranteed else drawn
            if not wanted or (kind in d.CELL_DEFECTS and cell_defect_done):
                continue
            if post in ("xls", "xlsm") and kind in ("xls", "xlsm"):
                continue
            found = _inject(kind, cb, r, sample, cells, rng, path, jobs, mtime)
            if found is None:
                continue
            defect, file_change = found
            sheet = sheet or file_change.get("sheet")
            post = post or file_change.get("post")
            defect.file = str(path.with_suffix({"xls": ".xls", "xlsm": ".xlsm"}.get(post or "", ".xlsx")))
            sample.defects.append(defect)
            cell_defect_done = cell_defect_done or kind in d.CELL_DEFECTS
            if kind in d.TERMINAL:
                break
        jobs.append((edition, r.form, str(path), cells, sheet, post, mtime))
    written = _run_jobs(jobs, workers, progress)
    sample.files.update({rid: written.get(p, p) for rid, p in sample.files.items()})
    manifest = {
        "edition": edition,
        "seed": seed,
        "scale": scale,
        "defect_rates": defect_rates or {},
        "files": len(jobs),
        "respondents": {form: sum(1 for r in chosen if r.form == form) for form in books},
        "defects": [x.as_dict() for x in sample.defects],
    }
    (raw_root / f"{edition}.sample-manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return sample


def _inject(kind, cb, r, sample, cells, rng, path, jobs, mtime):
    """One defect on one return: cell defects edit ``cells``; file defects say how to change the file."""
    answers = sample.answers[r.id]
    if kind in d.CELL_DEFECTS:
        defect = d.cell_defect(kind, cb, r, answers, cells, rng)
        return (defect, {}) if defect else None
    if kind == "renamed_sheet":
        return d.Defect(kind, r.id, "", "quarantine:sheet_missing", detail="answer sheet renamed to Sheet1"), {
            "sheet": "Sheet1"
        }
    if kind == "old_template":
        old = cb.template_id.rsplit("v", 1)[0] + "v0"
        cells["B2"] = old
        return d.Defect(kind, r.id, "", "quarantine:template_version", "B2", detail=f"template id {old}"), {}
    if kind in ("xls", "xlsm"):
        return d.Defect(kind, r.id, "", f"issue:format_{kind}", detail=f"saved as .{kind}"), {"post": kind}
    if kind == "corrupt":
        return d.Defect(kind, r.id, "", "quarantine:corrupt", detail="truncated file"), {"post": "corrupt"}
    if kind == "empty":
        return d.Defect(kind, r.id, "", "quarantine:empty_file", detail="0 bytes"), {"post": "empty"}
    if kind == "resubmission":
        second = path.with_name(f"{path.stem}__resubmitted{path.suffix}")
        changed = dict(answers_to_cells(cb, answers))
        jobs.append((cb.edition, r.form, str(second), changed, None, None, mtime + 30 * 86400))
        defect = d.Defect(kind, r.id, str(second), "history", detail="a corrected return sent a month later")
        sample.defects.append(defect)
        return None
    if kind == "duplicate_coordinator" and r.form == "coordinator" and r.population == MUNICIPAL:
        others = [
            x
            for x in sample.respondents.values()
            if x.population == MUNICIPAL and x.prefecture_code == r.prefecture_code and x.code != r.code
        ]
        if not others:
            return None
        other = rng.choice(others)
        twin = dict(cells)
        code_cell = next(i.cell for i in cb.items if i.type == "code")
        twin[code_cell] = other.code
        # two coordinators copied under the same municipality get two files (the later would overwrite the first)
        queued = {job[2] for job in jobs}
        copy = next(
            twin_path
            for n in range(r.sequence, r.sequence + len(jobs) + 1)
            if str(twin_path := path.with_name(f"{other.code6}_{other.name}_dup{n:02d}.xlsx")) not in queued
        )
        jobs.append((cb.edition, r.form, str(copy), twin, None, None, mtime + 3600))
        sample.defects.append(
            d.Defect(
                kind,
                r.id,
                str(copy),
                "rule:duplicate_coordinator",
                code_cell,
                detail=f"same answers also returned under {other.code}",
            )
        )
        return None
    return None


def _run_jobs(jobs: list[Any], workers: int, progress: Callable[[int, int], None] | None) -> dict[str, str]:
    written: dict[str, str] = {}
    if workers <= 1:
        results = map(_write, jobs)
        for done, (job, target) in enumerate(zip(jobs, results, strict=True), start=1):
            written[job[2]] = target
            if progress:
                progress(done, len(jobs))
        return written
    with process_pool(workers) as pool:
        for done, (job, target) in enumerate(zip(jobs, pool.map(_write, jobs, chunksize=16), strict=True), start=1):
            written[job[2]] = target
            if progress:
                progress(done, len(jobs))
    return written
