"""Development plans for everyone in a unit: one file per person and, when
asked, one combined file with a bookmark per person.

The plans are drawn in worker processes, one per core, each with its own database connection
(a session is never shared between threads or processes), reading the export's snapshot where the
database allows (:meth:`competence.uow.UnitOfWork.export_snapshot`). The caller gets progress after each
small chunk. Cancelling is seen within :data:`CANCEL_POLL_S` and stops the worker processes at once
(they are terminated, not left to finish their chunk, which kept a cancelled batch running for
seconds); a small batch drawn in this process checks between chunks of :data:`IN_PROCESS_CHUNK`
plans. Files appear in the output folder only when the whole
batch succeeded (they are drawn into a hidden staging folder first), so a cancelled or failed
batch leaves nothing behind. The combined file is joined from the per-person files
(:mod:`competence.export.pdf.concat`), not drawn a second time.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import re
import shutil
import sys
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from multiprocessing.context import BaseContext
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import Any

from sqlalchemy.orm import sessionmaker

from competence.errors import ValidationError
from competence.export.pdf.concat import DocInfo, join_pdfs, split_pdf
from competence.export.pdf.plan import plan_info, render_plans
from competence.export.pdf.plan_data import load_plan
from competence.export.results import BatchResult
from competence.export.scope import Person, Scope, people_in, record_export, resolve_scope
from competence.files import write_private_bytes
from competence.language import pick
from competence.progress import CancelToken, Progress, no_progress
from competence.settings import RegisterSettings, get_settings
from competence.uow import UnitOfWork
from db.engine import ensure_private_dir, make_engine
from db.session import Database

#: below this many plans, starting processes costs more than it saves
IN_PROCESS_BELOW = 12
#: "spawn" or "fork": how worker processes start, when set. For tests: the app folder's smoke test
#: (scripts/smoke-bundle.sh) uses it to check that a frozen program starts spawned workers, as the
#: desktop app and every program on Windows do.
ENV_START_METHOD = "KOMPETANSE_WORKER_START"
#: plans drawn into one document (they share its embedded font) and reported as one step
CHUNK = 20
#: plans per step when drawn in this process: each step takes well under a second
IN_PROCESS_CHUNK = 4
#: how often the parallel batch looks for results and for the user's cancel (seconds)
CANCEL_POLL_S = 0.1
_UNSAFE = re.compile(r"[\x00-\x1f<>:\"/\\|?*]+")


@dataclass(frozen=True)
class _Job:
    url: str
    #: the action's snapshot, for the worker's transaction to read (PostgreSQL; None on SQLite)
    snapshot: str | None
    settings: dict[str, Any]
    talk_on: dt.date | None
    staging: str
    file: str
    people: tuple[tuple[int, str], ...]  # (employee id, file name)
    lang: str = "nb"


def file_name_for(employee_no: str, last_name: str, first_name: str, lang: str = "nb") -> str:
    """ "Utviklingsplan 1001 Ødegård Åse.pdf" ("Development plan …" in English), with characters
    file systems refuse taken out."""
    word = pick(lang, "Utviklingsplan", "Development plan")
    raw = f"{word} {employee_no} {last_name} {first_name}".strip()
    clean = re.sub(r"\s+", " ", _UNSAFE.sub(" ", raw)).strip(" .")
    return f"{clean[:150]}.pdf"


def export_plans(
    uow: UnitOfWork,
    unit_number: str,
    out_dir: Path,
    *,
    combined: Path | None = None,
    subunits: bool = False,
    talk_on: dt.date | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    workers: int | None = None,
    lang: str = "nb",
) -> BatchResult:
    """Plans for the people of a unit (and its sub-units with ``subunits``) into ``out_dir``."""
    with uow.snapshot():
        scope = resolve_scope(uow.session, unit_number, subunits=subunits, lang=lang)
        people = people_in(uow.session, scope)
        return export_plans_of(
            uow,
            people,
            out_dir,
            combined=combined,
            label=scope.label,
            scope=scope,
            talk_on=talk_on,
            progress=progress,
            cancel=cancel,
            workers=workers,
            lang=lang,
        )


def export_plans_of(
    uow: UnitOfWork,
    people: Sequence[Person],
    out_dir: Path,
    *,
    combined: Path | None = None,
    label: str = "",
    scope: Scope | None = None,
    talk_on: dt.date | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    workers: int | None = None,
    lang: str = "nb",
) -> BatchResult:
    """Plans for ``people`` (a selection from the employee list, or a unit's people), in their
    order, in ``lang``.

    One transaction: the plans are read from its snapshot (by the worker processes too, on
    PostgreSQL), and its audit event is written before a file appears in ``out_dir``, so a refused
    write (a SQLite file changed by another program during the batch) leaves nothing behind.
    """
    if not people:
        raise ValidationError(
            "Det er ingen ansatte å lage utviklingsplaner for (enheten har ingen aktive stillinger).",
            "There is nobody to make development plans for (the unit has no active positions).",
            field="unit",
        )
    names = [file_name_for(p.employee_no, p.last_name, p.first_name, lang) for p in people]
    ensure_private_dir(out_dir, enforce=False)  # a folder made for the plans is owner-only, like them
    with uow.snapshot():
        settings = get_settings(uow)
        staging = Path(tempfile.mkdtemp(prefix=".utviklingsplaner-", dir=out_dir))
        try:
            chunks = _draw_all(
                uow,
                settings,
                talk_on,
                staging,
                [(p.id, n) for p, n in zip(people, names, strict=True)],
                progress,
                cancel or CancelToken(),
                workers,
                lang,
            )
            if cancel is not None:
                cancel.raise_if_cancelled()
            pages = sum(chunk.pages for chunk in chunks)
            record_export(
                uow.session,
                uow.actor,
                "development_plans",
                scope,
                people=len(names),
                pages=pages,
                combined=combined is not None,
            )
            uow.flush()
            files = _move_into_place(staging, out_dir, names)
            if combined is not None:
                _combine(staging, chunks, people, combined, label, settings.municipality, lang)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        uow.commit()
    return BatchResult(out_dir, tuple(files), combined, pages)


def _move_into_place(staging: Path, out_dir: Path, names: Sequence[str]) -> list[Path]:
    files = []
    for name in names:
        target = out_dir / name
        os.replace(staging / name, target)
        files.append(target)
    return files


def _combine(
    staging: Path,
    chunks: Sequence[_Chunk],
    people: Sequence[Person],
    combined: Path,
    label: str,
    municipality: str,
    lang: str,
) -> None:
    """The combined file, joined from the chunks, with a bookmark per person."""
    full_names = {p.id: p.full_name for p in people}
    title = pick(lang, "Utviklingsplaner", "Development plans")
    join_pdfs(
        [
            (staging / chunk.file, [(full_names[emp_id], first) for emp_id, first in chunk.starts])
            for chunk in chunks
        ],
        combined,
        DocInfo(
            f"{title} – {label}" if label else title,
            municipality,
            pick(
                lang,
                "Individuelle utviklingsplaner, {count} ansatte",
                "Individual development plans, {count} employees",
            ).format(count=len(people)),
        ),
    )


@dataclass(frozen=True)
class _Chunk:
    """A chunk of plans drawn as one document: its file, its pages, where each person starts."""

    file: str
    pages: int
    starts: tuple[tuple[int, int], ...]  # (employee id, first page index)


def _draw_all(
    uow: UnitOfWork,
    settings: RegisterSettings,
    talk_on: dt.date | None,
    staging: Path,
    people: Sequence[tuple[int, str]],
    progress: Progress,
    cancel: CancelToken,
    workers: int | None,
    lang: str = "nb",
) -> list[_Chunk]:
    total = len(people)

    def counted(done: int) -> str:
        return pick(lang, "{done} av {total} planer", "{done} of {total} plans").format(
            done=done, total=total
        )

    progress(0, total, counted(0))
    count = workers or min(os.cpu_count() or 1, 8)
    in_process = count <= 1 or (workers is None and total < IN_PROCESS_BELOW)
    size = IN_PROCESS_CHUNK if in_process else CHUNK
    database = uow.database
    # the workers read the action's snapshot (PostgreSQL); drawn here, the plans join the action
    snapshot = None if in_process else uow.export_snapshot()
    jobs = [
        _Job(
            database.url,
            snapshot,
            asdict(settings),
            talk_on,
            str(staging),
            f"del-{i:05d}.pdf",
            tuple(people[i : i + size]),
            lang,
        )
        for i in range(0, total, size)
    ]
    chunks: list[_Chunk] = []
    done = 0
    if in_process:
        for job in jobs:
            cancel.raise_if_cancelled()
            chunks.append(_draw(uow, job))
            done += len(job.people)
            progress(done, total, counted(done))
        return chunks
    results: dict[str, _Chunk] = {}
    context = _process_context()
    forked = context.get_start_method() == "fork"
    arrived = threading.Event()  # a chunk finished (or failed) in a worker
    pool = context.Pool(
        processes=min(count, len(jobs)),
        initializer=_forget_parent_connections,
        initargs=(database.engine if forked else None,),
    )
    try:
        pending: list[AsyncResult[_Chunk]] = [
            pool.apply_async(
                _run_job, (job,), callback=lambda _r: arrived.set(), error_callback=lambda _e: arrived.set()
            )
            for job in jobs
        ]
        while pending:
            cancel.raise_if_cancelled()
            arrived.wait(CANCEL_POLL_S)
            arrived.clear()
            for result in [r for r in pending if r.ready()]:
                pending.remove(result)
                chunk = result.get()  # a worker's error is raised here
                results[chunk.file] = chunk
                done += len(chunk.starts)
                progress(done, total, counted(done))
        pool.close()
    except BaseException:
        pool.terminate()  # cancelled or failed: stop the workers now, mid-chunk
        raise
    finally:
        pool.join()
    return [results[job.file] for job in jobs]


def _process_context() -> BaseContext:
    """Fork (workers start at once, with the modules already loaded) where that is safe: on Linux
    from a program without other threads, like the command line. Otherwise, and always from the
    desktop app, whose threads a fork would copy in whatever state they are, spawn fresh processes.
    """
    forced = os.environ.get(ENV_START_METHOD)
    if forced in ("fork", "spawn"):
        return multiprocessing.get_context(forced)
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _draw(uow: UnitOfWork, job: _Job) -> _Chunk:
    """Draw one chunk of plans into one document, then split it into a file per person. In this
    process the reading joins the action's transaction; in a worker it is a transaction of its own
    on the action's snapshot (PostgreSQL) or on the newest state (SQLite, which cannot share one)."""
    settings = RegisterSettings(**job.settings)
    staging = Path(job.staging)
    with uow.reading(snapshot=job.snapshot):
        plans = [
            load_plan(uow, employee_id, settings, talk_on=job.talk_on, lang=job.lang)
            for employee_id, _ in job.people
        ]
    pdf, segments = render_plans(plans)
    write_private_bytes(staging / job.file, pdf)
    split_pdf(
        pdf,
        segments,
        [(staging / name, plan_info(plan)) for (_, name), plan in zip(job.people, plans, strict=True)],
    )
    return _Chunk(
        job.file,
        sum(count for _, count in segments),
        tuple(
            (employee_id, first) for (employee_id, _), (first, _) in zip(job.people, segments, strict=True)
        ),
    )


_worker_db: Database | None = None


def _forget_parent_connections(engine: Any) -> None:
    """In a forked worker: drop the parent's pooled connections without closing them (they are the
    parent's), as SQLAlchemy advises; the worker opens its own. (A spawned worker gets None.)"""
    if engine is not None:
        engine.dispose(close=False)


def _run_job(job: _Job) -> _Chunk:
    """In a worker process: draw one chunk, with this process's own database connection."""
    global _worker_db
    if _worker_db is None or _worker_db.url != job.url:
        engine = make_engine(job.url)
        _worker_db = Database(job.url, engine, sessionmaker(bind=engine, expire_on_commit=False))
    return _draw(UnitOfWork(_worker_db), job)
