"""The batch on a Dask cluster: one task per file, each running the local batch's runner on that one file.

A task is `run_batch([job])` in a Dask worker: the same `convert_one` in a child process, the same
per-file timeout (the child is killed), typed errors (`crashed` when the child dies), atomic outputs and
temporary-file clean-up, so that the outputs are byte for byte those of the local batch. A Dask worker
that dies itself costs only the file it was running: the scheduler gives that task to another worker once
(`allowed-failures` 1 on a cluster started here), and a second death records the file as `crashed`.
The Parquet files of a file are written by the task that converts it, beside its output.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from ..batch import (
    CRASHED,
    FAILED,
    BatchOptions,
    BatchResult,
    Convert,
    Job,
    Record,
    convert_one,
    is_current,
    remove_stale_temp_files,
    run_batch,
)
from ..batch.records import Outcomes
from ..batch.workers import _error
from ..errors import Internal
from .parquet import TableFiles

LOCAL = "local:"
CONNECT_TIMEOUT = "20s"  # to reach a scheduler given by its address
# Tasks handed to the scheduler at a time, per worker: enough to keep every worker busy, few enough that
# a million-file batch does not sit in the scheduler's memory at once.
IN_FLIGHT_PER_WORKER = 4


class SchedulerUnreachable(ConnectionError):
    """The scheduler at the address given does not answer: one line for the user."""


@dataclass(frozen=True)
class Scheduler:
    """Where the tasks run: a scheduler's address, or a `LocalCluster` of `local` process workers."""

    address: str | None = None
    local: int | None = None

    @classmethod
    def parse(cls, text: str) -> Scheduler:
        if text.startswith(LOCAL):
            count = text[len(LOCAL):]
            if not count.isdigit() or int(count) < 1:
                raise ValueError(f"{text}: give the number of workers, as local:4")
            return cls(local=int(count))
        if "://" not in text and ":" not in text:
            raise ValueError(f"{text}: give a scheduler address (tcp://HOST:8786) or local:N")
        return cls(address=text)


def _cluster_config() -> dict[str, object]:
    # Workers must be allowed children (each file is converted in one, as in the local batch); a task
    # whose worker died is retried once; a worker holds only the task it runs (with one thread), so that
    # its death counts against that file alone.
    return {"distributed.worker.daemon": False, "distributed.scheduler.allowed-failures": 1,
            "distributed.scheduler.worker-saturation": 1.0}


def start_local_cluster(workers: int):
    """A `LocalCluster` of `workers` processes with one thread each, quiet on stderr."""
    import dask  # noqa: PLC0415 - the optional extra
    from distributed import LocalCluster  # noqa: PLC0415

    with dask.config.set(_cluster_config()):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                            scheduler_kwargs={"dashboard": False},
                            silence_logs=logging.ERROR)


@contextlib.contextmanager
def client_for(scheduler: Scheduler) -> Iterator:
    """A Dask client to the scheduler (a LocalCluster started, and closed afterwards, for `local:N`)."""
    from distributed import Client  # noqa: PLC0415

    if scheduler.local is not None:
        cluster = start_local_cluster(scheduler.local)
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
    else:
        try:
            client = Client(scheduler.address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as e:
            raise SchedulerUnreachable(f"cannot reach the Dask scheduler: {e}") from None
        with client:
            yield client


def convert_on_worker(job: Job, options: BatchOptions, convert: Convert, tables: TableFiles | None) -> Record:
    """The task of one file: the local runner on it, in this Dask worker; its Parquet files written here."""
    process = multiprocessing.current_process()
    if process.daemon:  # a worker started without `distributed.worker.daemon: False`; its children still
        process._config["daemon"] = False  # end with it (see `batch.workers._exit_with_parent`)

    def on_record(job: Job, record: Record, text: str | None) -> None:
        if tables is not None:
            tables.write(job.source, record, text)

    result = run_batch([job], replace(options, jobs=1, skip_existing=False), on_record=on_record, convert=convert)
    return result.records[0]


def _lost(job: Job, error: BaseException) -> Record:
    """The record of a task that did not return: its worker died twice, or the task itself failed."""
    from distributed import KilledWorker  # noqa: PLC0415

    output = str(job.output) if job.output is not None else None
    if isinstance(error, KilledWorker):
        detail = "the Dask worker died while converting the file, and again when it was retried"
        return Record(job.source, output, FAILED, error=_error(CRASHED, job.source, detail))
    detail = f"internal error ({type(error).__name__}: {error}); the task failed on the Dask worker"
    return Record(job.source, output, FAILED, error=_error(Internal.code, job.source, detail))


OnRecord = Callable[[Job, Record, "str | None"], None]


def run_dask_batch(jobs: Sequence[Job], options: BatchOptions, scheduler: Scheduler | str, *,
                   tables: Sequence[TableFiles] | None = None, on_record: OnRecord | None = None,
                   convert: Convert = convert_one, current: Callable[[Job], bool] = is_current) -> BatchResult:
    """`run_batch` on a Dask cluster: the records (in job order) and the summary, as the local batch gives.

    `tables[job.index]`: where the task writes the file's Parquet rows. `on_record(job, record, None)` is
    called here as each file ends (for progress). Ctrl-C cancels the tasks and returns the result so far
    with `summary.interrupted`; the temporary files of stopped tasks are removed at the next run's start.
    """
    from distributed import as_completed  # noqa: PLC0415

    if isinstance(scheduler, str):
        scheduler = Scheduler.parse(scheduler)
    started = time.monotonic()
    interrupted = False
    workers = 1
    outcomes = Outcomes(on_record, options.fail_fast)
    remove_stale_temp_files(jobs)
    pending = outcomes.skip_current(jobs, options.skip_existing, current)
    pending.reverse()  # pop() from the end: in job order
    if pending:
        with client_for(scheduler) as client:
            workers = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))
            by_key: dict[str, Job] = {}

            def submit() -> object:
                job = pending.pop()
                table = tables[job.index] if tables is not None else None
                future = client.submit(convert_on_worker, job, options, convert, table, pure=False, retries=0,
                                       key=f"resparse-{job.index}-{time.time_ns()}")
                by_key[future.key] = job
                return future

            running = as_completed([submit() for _ in range(min(len(pending), IN_FLIGHT_PER_WORKER * workers))])
            try:
                for future in running:
                    job = by_key.pop(future.key)
                    try:
                        record = future.result()
                    except Exception as e:  # noqa: BLE001 - a lost task is a record, never the batch's end
                        record = _lost(job, e)
                        if tables is not None:
                            tables[job.index].write(job.source, record, None)
                    outcomes.finish(job, record)
                    if outcomes.stopped_early:
                        break
                    if pending:
                        running.add(submit())
            except KeyboardInterrupt:
                interrupted = True
                for future in list(running.futures):  # done as the batch stopped: its outputs are complete
                    if future.status == "finished" and future.key in by_key:
                        with contextlib.suppress(Exception):
                            outcomes.finish(by_key[future.key], future.result(timeout=5))
            finally:
                with contextlib.suppress(Exception):
                    client.cancel([f for f in running.futures])

    return outcomes.result(jobs, time.monotonic() - started, workers, interrupted=interrupted)
