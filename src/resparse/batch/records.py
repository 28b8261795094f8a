"""What a batch says of each file and of the whole run: records, the summary, the report."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import __version__
from ..model.document import SCHEMA_VERSION
from ..writers import write_atomic

OK, FAILED, SKIPPED = "ok", "failed", "skipped"
CRASHED = "crashed"  # the worker process died (signal, out of memory, a crash in a C library)
IO_ERROR = "io_error"  # the input could not be read, or the output could not be written
BATCH_CAUSES = {
    CRASHED: "the worker process died while converting the file (killed by the system, e.g. out of "
             "memory, or a crash in a PDF library)",
    IO_ERROR: "the input could not be read or its output could not be written",
}
# Why a file was skipped.
EXISTS = "exists"  # --skip-existing: a current output is already there
NOT_RUN = "not_run"  # the batch stopped first (--fail-fast, interrupted)


# --- records --------------------------------------------------------------------------------------------

@dataclass
class Record:
    """The outcome of one file."""

    source: str
    output: str | None
    status: str  # ok | failed | skipped
    error: dict[str, str] | None = None  # {"type": ..., "message": ...} when failed
    pages: int | None = None
    seconds: float = 0.0
    peak_rss_mb: float | None = None  # the worker's peak resident memory
    reason: str | None = None  # why skipped: "exists" | "not_run"
    traceback: str | None = None  # internal errors, with debug only

    @property
    def cause(self) -> str | None:
        return self.error["type"] if self.error else None

    def to_dict(self) -> dict[str, Any]:
        data = {"source": self.source, "output": self.output, "status": self.status, "error": self.error,
                "pages": self.pages, "seconds": round(self.seconds, 3), "peak_rss_mb": self.peak_rss_mb}
        if self.reason is not None:
            data["reason"] = self.reason
        if self.traceback is not None:
            data["traceback"] = self.traceback
        return data


@dataclass
class Summary:
    files: int = 0
    ok: int = 0
    failed: int = 0
    failed_by_cause: dict[str, int] = field(default_factory=dict)
    skipped: int = 0
    pages: int = 0  # pages of the files converted in this run
    seconds: float = 0.0  # wall time of the batch
    jobs: int = 1
    interrupted: bool = False
    stopped_early: bool = False  # --fail-fast stopped the batch

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"files": self.files, "ok": self.ok, "failed": self.failed,
                "failed_by_cause": dict(self.failed_by_cause), "skipped": self.skipped, "pages": self.pages,
                "seconds": round(self.seconds, 3), "pages_per_second": round(self.pages_per_second, 2),
                "jobs": self.jobs, "interrupted": self.interrupted, "stopped_early": self.stopped_early}

    def line(self) -> str:
        """One line for stderr: `12 files in 3.4 s: 10 ok, 2 failed (corrupt 1, not_pdf 1), 0 skipped; ...`."""
        failed = f"{self.failed} failed"
        if self.failed_by_cause:
            failed += " (" + ", ".join(f"{c} {n}" for c, n in sorted(self.failed_by_cause.items())) + ")"
        text = (f"{self.files} files in {self.seconds:.1f} s: {self.ok} ok, {failed}, {self.skipped} skipped; "
                f"{self.pages} pages, {self.pages_per_second:.1f} pages/s")
        if self.interrupted:
            text += "; interrupted"
        elif self.stopped_early:
            text += "; stopped at the first failure"
        return text


@dataclass
class BatchResult:
    records: list[Record]  # in input order
    summary: Summary

    @property
    def exit_ok(self) -> bool:
        return self.summary.failed == 0 and not self.summary.interrupted

    def to_dict(self) -> dict[str, Any]:
        return {"resparse": __version__, "schema_version": SCHEMA_VERSION, "summary": self.summary.to_dict(),
                "files": [r.to_dict() for r in self.records]}


def summarize(records: Sequence[Record], seconds: float, jobs: int = 1, *, interrupted: bool = False,
              stopped_early: bool = False) -> Summary:
    causes = Counter(r.cause for r in records if r.status == FAILED)
    return Summary(
        files=len(records), ok=sum(r.status == OK for r in records), failed=sum(causes.values()),
        failed_by_cause=dict(sorted(causes.items())), skipped=sum(r.status == SKIPPED for r in records),
        pages=sum(r.pages or 0 for r in records if r.status == OK), seconds=seconds, jobs=jobs,
        interrupted=interrupted, stopped_early=stopped_early)


@dataclass
class Outcomes:
    """The records of a batch as its files end (by job index): each passed to `on_record`, and the first
    failure noted for --fail-fast. Shared by the local and the Dask runner."""

    on_record: Callable[[Any, Record, str | None], None] | None = None
    fail_fast: bool = False
    records: dict[int, Record] = field(default_factory=dict)
    stopped_early: bool = False

    def finish(self, job: Any, record: Record, text: str | None = None) -> None:
        self.records[job.index] = record
        if self.on_record is not None:
            self.on_record(job, record, text)
        if record.status == FAILED and self.fail_fast:
            self.stopped_early = True

    def skip_current(self, jobs: Sequence[Any], skip_existing: bool, current: Callable[[Any], bool]) -> list:
        """The jobs to run: with `skip_existing`, those for which `current(job)` holds are recorded as
        skipped (`exists`) instead."""
        pending = []
        for job in jobs:
            if skip_existing and current(job):
                self.finish(job, Record(job.source, _output(job), SKIPPED, reason=EXISTS))
            else:
                pending.append(job)
        return pending

    def result(self, jobs: Sequence[Any], seconds: float, workers: int, *, interrupted: bool = False) -> BatchResult:
        """The records in job order (a job that has none: skipped, `not_run`) and the summary."""
        for job in jobs:
            if job.index not in self.records:
                self.records[job.index] = Record(job.source, _output(job), SKIPPED, reason=NOT_RUN)
        ordered = [self.records[job.index] for job in jobs]
        summary = summarize(ordered, seconds, workers, interrupted=interrupted,
                            stopped_early=self.stopped_early and not interrupted)
        return BatchResult(ordered, summary)


def _output(job: Any) -> str | None:
    return str(job.output) if job.output is not None else None


def write_report(path: str | os.PathLike, result: BatchResult) -> None:
    """The records and the summary as JSON, written atomically."""
    write_atomic(path, json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
