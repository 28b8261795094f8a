"""The runner: workers started, watched, timed out and reaped; records in job order."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import wait as wait_for
from pathlib import Path
from typing import Any

from ..errors import Timeout
from .naming import Job
from .records import CRASHED, EXISTS, FAILED, NOT_RUN, OK, SKIPPED, BatchResult, Record, summarize
from .resume import _remove, _temp_files, is_current, remove_stale_temp_files
from .workers import BatchOptions, Convert, Task, _context, _error, _worker_main, convert_one

# How long a worker that has sent its result may take to exit before it is killed.
_EXIT_GRACE = 5.0


@dataclass
class _Running:
    job: Job
    process: Any
    conn: Any
    watch: Any
    started: float
    deadline: float | None


def _signal_name(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-exitcode).name}"
    return f"exit status {exitcode}"


# --- the runner -----------------------------------------------------------------------------------------

OnRecord = Callable[[Job, Record, "str | None"], None]


def run_batch(jobs: Sequence[Job], options: BatchOptions = BatchOptions(), *,  # noqa: B008 - frozen
              on_start: Callable[[Job], None] | None = None, on_record: OnRecord | None = None,
              convert: Convert = convert_one) -> BatchResult:
    """Convert every job's file in worker processes and return the records (in job order) and summary.

    `on_start(job)` is called as a worker starts on a file; `on_record(job, record, text)` as each file
    ends (text: the compact JSON document with `options.return_text`, else None), in completion order.
    `convert` is what each worker runs on its `Task` (`convert_one`: parse, validate, write); another
    function, or a `functools.partial` of one, must be importable by its module and name.
    Ctrl-C (KeyboardInterrupt) stops the workers, removes their temporary files and returns the result
    so far with `summary.interrupted` set; outputs already written are kept.
    """
    started = time.monotonic()
    wall_started = time.time()
    workers = options.worker_count(len(jobs))
    records: dict[int, Record] = {}
    running: list[_Running] = []
    stopped_early = interrupted = False

    def finish(job: Job, record: Record, text: str | None = None) -> None:
        nonlocal stopped_early
        records[job.index] = record
        if on_record is not None:
            on_record(job, record, text)
        if record.status == FAILED and options.fail_fast:
            stopped_early = True

    def kill(run: _Running) -> None:
        with contextlib.suppress(Exception):
            run.process.kill()
        run.process.join(_EXIT_GRACE)
        for c in (run.conn, run.watch):
            with contextlib.suppress(Exception):
                c.close()
        if run.job.output is not None:
            _remove(_temp_files(run.job.output))

    try:
        remove_stale_temp_files(jobs)
        pending: list[Job] = []
        for job in jobs:
            if options.skip_existing and is_current(job):
                finish(job, Record(job.source, str(job.output), SKIPPED, reason=EXISTS))
            else:
                pending.append(job)
        # Longest first (by size) keeps every worker busy to the end; records keep the job order.
        pending.sort(key=lambda j: (-_size(j.path), j.index))
        pending.reverse()  # pop() from the end
        ctx = _context() if pending else None

        while (pending or running) and not stopped_early:
            while pending and len(running) < workers and not stopped_early:
                job = pending.pop()
                running.append(_start(ctx, job, options, convert))
                if on_start is not None:
                    on_start(job)
            now = time.monotonic()
            deadlines = [r.deadline for r in running if r.deadline is not None]
            wait_time = max(0.0, min(deadlines) - now) if deadlines else None
            ready = set(wait_for([r.conn for r in running] + [r.process.sentinel for r in running], wait_time))
            now = time.monotonic()
            for run in list(running):
                if run.conn in ready or run.process.sentinel in ready:
                    message = None
                    with contextlib.suppress(EOFError, OSError):
                        if run.conn.poll():
                            message = run.conn.recv()
                    run.process.join(_EXIT_GRACE)
                    if run.process.is_alive():
                        kill(run)
                    running.remove(run)
                    for c in (run.conn, run.watch):
                        c.close()
                    finish(run.job, _record(run, message, now, options), (message or {}).get("text"))
                elif run.deadline is not None and now >= run.deadline:
                    kill(run)
                    running.remove(run)
                    detail = f"took longer than the limit of {options.timeout:g} s; stopped"
                    finish(run.job, Record(run.job.source, _out(run.job), FAILED,
                                           error=_error(Timeout.code, run.job.source, detail),
                                           seconds=now - run.started))
    except KeyboardInterrupt:
        interrupted = True
    finally:
        for run in running:
            # A worker may have finished its file just as the batch stopped: its output is complete
            # (written atomically), so it counts as converted, not as lost.
            message = None
            with contextlib.suppress(EOFError, OSError):
                if run.conn.poll():
                    message = run.conn.recv()
            kill(run)
            now = time.monotonic()
            if message is not None:
                finish(run.job, _record(run, message, now, options), message.get("text"))
            elif run.job.output is not None and _written_since(run.job.output, wall_started):
                finish(run.job, Record(run.job.source, _out(run.job), OK, seconds=now - run.started), None)
        running.clear()

    for job in jobs:
        if job.index not in records:
            records[job.index] = Record(job.source, _out(job), SKIPPED, reason=NOT_RUN)
    ordered = [records[job.index] for job in jobs]
    summary = summarize(ordered, time.monotonic() - started, workers, interrupted=interrupted,
                        stopped_early=stopped_early and not interrupted)
    return BatchResult(ordered, summary)


def _written_since(path: Path | str, since: float) -> bool:
    """Whether `path` exists and was written at or after the wall-clock time `since`."""
    try:
        return os.stat(path).st_mtime >= since
    except OSError:
        return False


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _out(job: Job) -> str | None:
    return str(job.output) if job.output is not None else None


def _start(ctx, job: Job, options: BatchOptions, convert: Convert) -> _Running:
    recv_end, send_end = ctx.Pipe(duplex=False)
    watch_r, watch_w = ctx.Pipe(duplex=False)
    task = Task(job.source, _out(job), options)
    process = ctx.Process(target=_worker_main, args=(send_end, watch_r, task, convert), daemon=True,
                          name=f"resparse-worker-{job.index}")
    process.start()
    send_end.close()
    watch_r.close()
    now = time.monotonic()
    deadline = now + options.timeout if options.timeout else None
    return _Running(job, process, recv_end, watch_w, now, deadline)


def _record(run: _Running, message: dict[str, Any] | None, now: float, options: BatchOptions) -> Record:
    job, seconds = run.job, now - run.started
    if message is None:
        detail = f"the worker process died ({_signal_name(run.process.exitcode)}; out of memory?)"
        if job.output is not None:
            _remove(_temp_files(job.output))
        return Record(job.source, _out(job), FAILED, error=_error(CRASHED, job.source, detail), seconds=seconds)
    rss = message.get("peak_rss_mb")
    if "error" in message:
        tb = message.get("traceback") if options.debug else None
        return Record(job.source, _out(job), FAILED, error=message["error"], seconds=seconds, peak_rss_mb=rss,
                      traceback=tb)
    return Record(job.source, _out(job), OK, pages=message.get("pages"), seconds=seconds, peak_rss_mb=rss)
