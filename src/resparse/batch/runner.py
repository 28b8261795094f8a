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
from .records import CRASHED, FAILED, OK, BatchResult, Outcomes, Record
from .resume import _remove, _temp_files, is_current, remove_stale_temp_files
from .workers import BatchOptions, Convert, Task, _context, _error, _worker_main, convert_one

# How long a worker that has sent its result may take to exit before it is killed.
_EXIT_GRACE = 5.0


@dataclass
class _Worker:
    """A worker process and the job it is converting (None: idle, waiting for one)."""

    process: Any
    conn: Any  # both ways: tasks to the worker, results back
    watch: Any  # its other end closes when this process goes away (see `workers._exit_with_parent`)
    job: Job | None = None
    started: float = 0.0
    deadline: float | None = None


def _signal_name(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-exitcode).name}"
    return f"exit status {exitcode}"


# --- the runner -----------------------------------------------------------------------------------------

OnRecord = Callable[[Job, Record, "str | None"], None]


def run_batch(jobs: Sequence[Job], options: BatchOptions = BatchOptions(), *,  # noqa: B008 - frozen
              on_start: Callable[[Job], None] | None = None, on_record: OnRecord | None = None,
              convert: Convert = convert_one, current: Callable[[Job], bool] = is_current) -> BatchResult:
    """Convert every job's file in worker processes and return the records (in job order) and summary.

    `on_start(job)` is called as a worker starts on a file; `on_record(job, record, text)` as each file
    ends (text: the compact JSON document with `options.return_text`, else None), in completion order.
    `convert` is what each worker runs on its `Task` (`convert_one`: parse, validate, write); another
    function, or a `functools.partial` of one, must be importable by its module and name.
    With `options.skip_existing`, the jobs for which `current(job)` holds are skipped (`is_current`: the
    output is there and current; a caller that writes more per file, as the Parquet tables, checks those too).
    Ctrl-C (KeyboardInterrupt) stops the workers, removes their temporary files and returns the result
    so far with `summary.interrupted` set; outputs already written are kept.
    """
    started = time.monotonic()
    wall_started = time.time()
    workers = options.worker_count(len(jobs))
    pool: list[_Worker] = []
    interrupted = False
    outcomes = Outcomes(on_record, options.fail_fast)
    finish = outcomes.finish

    def kill(worker: _Worker) -> None:
        with contextlib.suppress(Exception):
            worker.process.kill()
        worker.process.join(_EXIT_GRACE)
        _close(worker)
        if worker.job is not None and worker.job.output is not None:
            _remove(_temp_files(worker.job.output))

    def assign(worker: _Worker, job: Job) -> None:
        worker.job, worker.started = job, time.monotonic()
        worker.deadline = worker.started + options.timeout if options.timeout else None
        with contextlib.suppress(OSError):  # a worker that died: its sentinel tells, and the file is `crashed`
            worker.conn.send(Task(job.source, _out(job), options))
        if on_start is not None:
            on_start(job)

    try:
        remove_stale_temp_files(jobs)
        pending = outcomes.skip_current(jobs, options.skip_existing, current)
        # Longest first (by size) keeps every worker busy to the end; records keep the job order.
        pending.sort(key=lambda j: (-_size(j.path), j.index))
        pending.reverse()  # pop() from the end
        ctx = _context() if pending else None

        while (pending or any(w.job for w in pool)) and not outcomes.stopped_early:
            for worker in list(pool):
                if worker.job is None and not worker.process.is_alive():  # died between files
                    _close(worker)
                    pool.remove(worker)
                elif worker.job is None and pending and not outcomes.stopped_early:
                    assign(worker, pending.pop())
            while pending and len(pool) < workers and not outcomes.stopped_early:
                pool.append(_start(ctx, convert))
                assign(pool[-1], pending.pop())
            busy = [w for w in pool if w.job is not None]
            if not busy:
                break
            now = time.monotonic()
            deadlines = [w.deadline for w in busy if w.deadline is not None]
            wait_time = max(0.0, min(deadlines) - now) if deadlines else None
            ready = set(wait_for([w.conn for w in busy] + [w.process.sentinel for w in busy], wait_time))
            now = time.monotonic()
            for worker in busy:
                job = worker.job
                assert job is not None
                if worker.conn in ready or worker.process.sentinel in ready:
                    message = None
                    with contextlib.suppress(EOFError, OSError):
                        if worker.conn.poll():
                            message = worker.conn.recv()
                    ends = message is None or message.get("retire")
                    if ends:  # joined first, so that a crash is recorded with the signal that ended it
                        worker.process.join(_EXIT_GRACE)
                    record = _record(worker, message, now, options)
                    if ends:
                        if worker.process.is_alive():
                            kill(worker)
                        _close(worker)
                        pool.remove(worker)
                    worker.job = None
                    finish(job, record, (message or {}).get("text"))
                elif worker.deadline is not None and now >= worker.deadline:
                    kill(worker)
                    pool.remove(worker)
                    detail = f"took longer than the limit of {options.timeout:g} s; stopped"
                    finish(job, Record(job.source, _out(job), FAILED, error=_error(Timeout.code, job.source, detail),
                                       seconds=now - worker.started))
    except KeyboardInterrupt:
        interrupted = True
    finally:
        for worker in pool:
            # A worker may have finished its file just as the batch stopped: its output is complete
            # (written atomically), so it counts as converted, not as lost.
            message = None
            if worker.job is not None:
                with contextlib.suppress(EOFError, OSError):
                    if worker.conn.poll():
                        message = worker.conn.recv()
            else:
                with contextlib.suppress(Exception):
                    worker.conn.send(None)  # idle: told to stop
            job = worker.job
            # Read while the worker still names its file; the record is kept before the worker is let go.
            record = _record(worker, message, time.monotonic(), options) if message is not None else None
            if job is None:
                worker.process.join(_EXIT_GRACE)
            if worker.process.is_alive() or job is not None:
                if message is not None:
                    worker.job = None  # its output is complete: nothing to remove
                kill(worker)
            _close(worker)
            now = time.monotonic()
            if job is None:
                continue
            if record is not None:
                finish(job, record, message.get("text"))
            elif job.output is not None and _written_since(job.output, wall_started):
                finish(job, Record(job.source, _out(job), OK, seconds=now - worker.started), None)
        pool.clear()

    return outcomes.result(jobs, time.monotonic() - started, workers, interrupted=interrupted)


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


def _start(ctx, convert: Convert) -> _Worker:
    ours, theirs = ctx.Pipe(duplex=True)
    watch_r, watch_w = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_worker_main, args=(theirs, watch_r, convert), daemon=True,
                          name="resparse-worker")
    process.start()
    theirs.close()
    watch_r.close()
    return _Worker(process, ours, watch_w)


def _close(worker: _Worker) -> None:
    for c in (worker.conn, worker.watch):
        with contextlib.suppress(Exception):
            c.close()


def _record(worker: _Worker, message: dict[str, Any] | None, now: float, options: BatchOptions) -> Record:
    job, seconds = worker.job, now - worker.started
    assert job is not None
    if message is None:
        detail = f"the worker process died ({_signal_name(worker.process.exitcode)}; out of memory?)"
        if job.output is not None:
            _remove(_temp_files(job.output))
        return Record(job.source, _out(job), FAILED, error=_error(CRASHED, job.source, detail), seconds=seconds)
    rss = message.get("peak_rss_mb")
    if "error" in message:
        tb = message.get("traceback") if options.debug else None
        return Record(job.source, _out(job), FAILED, error=message["error"], seconds=seconds, peak_rss_mb=rss,
                      traceback=tb)
    return Record(job.source, _out(job), OK, pages=message.get("pages"), seconds=seconds, peak_rss_mb=rss)
