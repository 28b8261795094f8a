"""Batch conversion: many PDFs → one output file each (or one JSON line each), in worker processes.

The library behind `resparse extract` with several inputs; the CLI only parses options and shows progress.

    inputs = collect_inputs(["corpus/"], glob="*.pdf")
    jobs = plan_jobs(inputs, out_dir="out", fmt="json")
    result = run_batch(jobs, BatchOptions(jobs=2, timeout=300))
    result.summary.ok, result.records[0].to_dict()

Guarantees:

- Every file is converted in a fresh worker process (forked from a preloaded fork server, so the start
  costs milliseconds). Nothing carries over from one file to the next, so the outputs are the same for
  any number of workers.
- A worker that runs past `timeout` is killed (SIGKILL) and its file is recorded as `timeout`. A worker
  that dies (a crash in a PDF library, the kernel's out-of-memory killer) costs only its file, recorded
  as `crashed`. A worker also exits by itself when the batch process disappears.
- Outputs are written atomically (`writers.write_atomic`: a temporary file in the same folder, then a
  rename), so an output is either complete or absent. Temporary files of killed workers, and those left
  by a batch that was itself killed, are removed (the latter at the start of the next run).
- Output names mirror the inputs' paths and never collide (see `plan_jobs`).

Failure causes in records are the `ResparseError` codes (`not_pdf`, `corrupt`, `encrypted`,
`no_text_layer`, `empty`, `too_large`, `timeout`, `internal`) plus two that only a batch has:
`crashed` (the worker process died) and `io_error` (the input could not be read or the output written).
"""

from __future__ import annotations

import contextlib
import fnmatch
import hashlib
import json
import logging
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
import traceback
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import wait as wait_for
from pathlib import Path, PurePosixPath
from typing import Any

from . import __version__
from .api import DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES
from .errors import Internal, Timeout
from .extract.pdf import DEFAULT_ENGINE_NAME
from .failures import classify
from .model.document import SCHEMA_VERSION
from .writers import WRITERS, write_atomic

DEFAULT_GLOB = "*.pdf"
DEFAULT_TIMEOUT = 300.0  # seconds per file; None or 0 = no limit

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

BUG_NOTE = "this is a bug in resparse; please report it with the file"


# Modules the fork server imports once, so that each worker starts with them loaded.
_PRELOAD = ["resparse.batch", "resparse.api", "resparse.structure.builder", "resparse.writers",
            "resparse.schema", "resparse.extract.pdfium", "pypdfium2", "pikepdf", "resparse.extract.plumber",
            "pdfplumber", "resparse.warm"]
# How long a worker that has sent its result may take to exit before it is killed.
_EXIT_GRACE = 5.0


class BatchUsageError(ValueError):
    """The inputs or options cannot make a batch (a missing argument, no output place)."""


# --- inputs ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Input:
    """One file to convert: `source` is its path as the user gave or we found it (used in messages and
    records), `rel` the relative path its output mirrors."""

    source: str
    rel: PurePosixPath

    @property
    def path(self) -> Path:
        return Path(self.source)


def read_path_list(text: str) -> list[str]:
    """The paths in a list read from stdin: one a line, blank lines ignored, line ends stripped."""
    return [line.rstrip("\r") for line in text.split("\n") if line.strip()]


def looks_like_path_list(data: bytes, *, magic: bytes = b"%PDF-", window: int = 1024) -> bool:
    """Whether bytes read from stdin are a list of paths rather than one document.

    A list is UTF-8 text without NUL bytes and the PDF header, whose non-blank lines could be paths and
    at least one of which names an existing file or folder. Anything else (a PDF, an empty input, a
    text that is not a list of files) is one document, which the parser then accepts or refuses.
    """
    if magic in data[:window] or b"\0" in data or not data.strip():
        return False
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    paths = read_path_list(text)
    if not paths or any(len(p) > 4096 or not p.isprintable() for p in paths):
        return False
    return any(os.path.exists(p) for p in paths)


def _matches(name: str, pattern: str) -> bool:
    return fnmatch.fnmatchcase(name.casefold(), pattern.casefold())


def _walk(folder: Path, glob: str, exclude: Sequence[Path]) -> Iterator[Path]:
    """Files under `folder` whose name (or path inside `folder`, for a pattern with '/') matches `glob`,
    in sorted order; hidden files and folders, and the `exclude` folders, are left out."""
    excluded = {os.path.realpath(p) for p in exclude}
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and os.path.realpath(os.path.join(root, d)) not in excluded)
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root, name)
            target = path.relative_to(folder).as_posix() if "/" in glob else name
            if _matches(target, glob) and path.is_file():
                yield path


def _own_rel(path: str) -> PurePosixPath | None:
    """`path` as a relative path to mirror, if it is relative and stays inside the current folder."""
    norm = os.path.normpath(path)
    if os.path.isabs(norm) or norm == os.curdir or norm.split(os.sep)[0] == os.pardir:
        return None
    return PurePosixPath(Path(norm).as_posix())


def collect_inputs(arguments: Iterable[str], *, glob: str = DEFAULT_GLOB, exclude: Sequence[Path] = (),
                   must_exist: bool = True) -> list[Input]:
    """The files named by `arguments` (files, and folders searched recursively for `glob`), in order.

    A file named twice (by two arguments, or a link) is taken once. The relative path an output mirrors
    is the input's path when that is relative and inside the current folder (`docs/a.pdf`); otherwise
    the path inside the folder argument it was found in, under that folder's name (`../corpus` gives
    `corpus/pdf/a.pdf`), or the file name for a file named directly. With `must_exist`, an argument
    that does not exist raises `BatchUsageError`; without it (a list read from stdin) it stays an input
    and fails as `io_error` when its turn comes.
    """
    found: list[Input] = []
    seen: set[str] = set()

    def add(source: str, rel: PurePosixPath) -> None:
        key = os.path.realpath(source)
        if key not in seen:
            seen.add(key)
            found.append(Input(source=source, rel=rel))

    for argument in arguments:
        if os.path.isdir(argument):
            folder = Path(argument)
            name = Path(os.path.realpath(argument)).name
            for path in _walk(folder, glob, exclude):
                inside = PurePosixPath(path.relative_to(folder).as_posix())
                source = os.path.join(argument, *inside.parts)
                add(source, _own_rel(source) or (PurePosixPath(name) / inside if name else inside))
        elif must_exist and not os.path.exists(argument):
            raise BatchUsageError(f"{argument}: no such file or folder")
        else:
            add(argument, _own_rel(argument) or PurePosixPath(os.path.basename(argument) or "input"))
    return found


# --- jobs -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Job:
    """One file of the batch: where it is read from and where its output goes (None: no file written)."""

    index: int
    source: str
    output: Path | None

    @property
    def path(self) -> Path:
        return Path(self.source)


def _candidate(inp: Input, suffix: str, level: int) -> PurePosixPath:
    rel = inp.rel
    if level == 0:  # a.pdf → a.json
        stem = rel.name[: -len(rel.suffix)] if rel.suffix else rel.name
        return rel.with_name((stem or rel.name) + suffix)
    if level == 1:  # a.pdf → a.pdf.json
        return rel.with_name(rel.name + suffix)
    digest = hashlib.sha256(os.path.realpath(inp.source).encode("utf-8", "surrogateescape")).hexdigest()[:8]
    extra = "" if level == 2 else f"-{level - 2}"
    return rel.with_name(f"{rel.name}.{digest}{extra}{suffix}")  # a.pdf.1f2e3d4c.json


def output_names(inputs: Sequence[Input], suffix: str) -> list[PurePosixPath]:
    """Relative output paths for `inputs`, distinct even on a case-insensitive file system.

    Each input gets `<name without suffix><suffix>`; the inputs of a group that would share a name all
    keep their own suffix instead (`a.pdf.json`, `a.docx.json`), and then, if still shared, a short hash
    of their real path. Names depend only on the inputs, not on their order or on timing.
    """
    levels = [0] * len(inputs)
    for _ in range(len(inputs) + 3):
        names = [_candidate(inp, suffix, level) for inp, level in zip(inputs, levels, strict=True)]
        groups: dict[str, list[int]] = {}
        for i, name in enumerate(names):
            groups.setdefault(str(name).casefold(), []).append(i)
        clashes = [members for members in groups.values() if len(members) > 1]
        if not clashes:
            return names
        for members in clashes:
            for i in members:
                levels[i] += 1
    raise AssertionError("output names did not settle")  # pragma: no cover - each round adds a level


def plan_jobs(inputs: Sequence[Input], out_dir: str | os.PathLike | None, fmt: str = "json") -> list[Job]:
    """One job per input; with `out_dir`, each writes `out_dir/<mirrored path>.<json|yaml>`."""
    if out_dir is None:
        return [Job(i, inp.source, None) for i, inp in enumerate(inputs)]
    names = output_names(inputs, WRITERS[fmt].suffix)
    root = Path(out_dir)
    return [Job(i, inp.source, root.joinpath(*name.parts))
            for i, (inp, name) in enumerate(zip(inputs, names, strict=True))]


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


def write_report(path: str | os.PathLike, result: BatchResult) -> None:
    """The records and the summary as JSON, written atomically."""
    write_atomic(path, json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")


# --- resuming -------------------------------------------------------------------------------------------

_JSON_VERSION = re.compile(r'\s*\{\s*"schema_version"\s*:\s*"([^"\\]*)"')
_YAML_VERSION = re.compile(r"\s*schema_version:\s*(['\"]?)([^'\"\s]*)\1\s*$", re.MULTILINE)


def output_schema_version(path: str | os.PathLike) -> str | None:
    """The `schema_version` of an output file, read from its first bytes (it is the first key)."""
    try:
        with open(path, "rb") as f:
            head = f.read(256).decode("utf-8", "replace")
    except OSError:
        return None
    if m := _JSON_VERSION.match(head):
        return m.group(1)
    if m := _YAML_VERSION.match(head):
        return m.group(2)
    return None


def is_current(job: Job) -> bool:
    """Whether `job`'s output exists, is newer than its input and has the current schema version."""
    if job.output is None:
        return False
    try:
        if job.output.stat().st_mtime_ns <= job.path.stat().st_mtime_ns:
            return False
    except OSError:
        return False
    return output_schema_version(job.output) == SCHEMA_VERSION


def _temp_files(target: Path, names: Iterable[str] | None = None) -> list[Path]:
    """Temporary files `write_atomic` makes for `target` (`.<name>.<random>.tmp` beside it)."""
    prefix = f".{target.name}."
    if names is None:
        try:
            names = os.listdir(target.parent)
        except OSError:
            return []
    return [target.parent / n for n in names if n.startswith(prefix) and n.endswith(".tmp")
            and len(n) > len(prefix) + len(".tmp")]


def _remove(paths: Iterable[Path]) -> None:
    for p in paths:
        with contextlib.suppress(OSError):
            p.unlink()


def remove_stale_temp_files(jobs: Sequence[Job]) -> None:
    """Remove the temporary files a killed run left beside the outputs of `jobs`."""
    by_dir: dict[Path, list[Path]] = {}
    for job in jobs:
        if job.output is not None:
            by_dir.setdefault(job.output.parent, []).append(job.output)
    for folder, targets in by_dir.items():
        try:
            names = [n for n in os.listdir(folder) if n.startswith(".") and n.endswith(".tmp")]
        except OSError:
            continue
        for target in targets:
            _remove(_temp_files(target, names))


# --- workers --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BatchOptions:
    fmt: str = "json"
    compact: bool = False
    jobs: int | None = None  # None: the number of CPUs
    timeout: float | None = DEFAULT_TIMEOUT
    max_pages: int | None = DEFAULT_MAX_PAGES
    max_bytes: int | None = DEFAULT_MAX_BYTES
    skip_existing: bool = False
    fail_fast: bool = False
    debug: bool = False
    return_text: bool = False  # send the rendered document back (for --jsonl) instead of writing a file
    engine: str = DEFAULT_ENGINE_NAME  # the PDF engine (`pdfium` or `pdfplumber`)

    def worker_count(self, files: int) -> int:
        n = self.jobs or available_cpus()
        return max(1, min(n, files)) if files else 1


def available_cpus() -> int:
    with contextlib.suppress(AttributeError, OSError):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@dataclass(frozen=True)
class Task:
    """One file for a worker: where it is, where its output goes (None: sent back), and how."""

    source: str
    output: str | None
    options: BatchOptions


# What a worker runs on its task: a module-level function (workers are other processes, which find it by
# its name), returning {"pages": N} or {"error": {...}} and, with `options.return_text`, {"text": ...}.
Convert = Callable[[Task], dict[str, Any]]


def _peak_rss_mb() -> float | None:
    try:
        import resource  # noqa: PLC0415 - not on Windows
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024, 1)


def _one_line(text: str) -> str:
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def _error(kind: str, source: str, detail: str) -> dict[str, str]:
    return {"type": kind, "message": _one_line(f"{source}: {detail}")}


@contextlib.contextmanager
def _quiet_libraries(debug: bool) -> Iterator[None]:
    """pdfminer's log records and Python warnings off stderr unless `debug` (as the single-file CLI)."""
    if debug:
        logging.basicConfig(level=logging.WARNING, format="%(name)s: %(levelname)s: %(message)s")
        yield
        return
    logging.getLogger().addHandler(logging.NullHandler())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def convert_one(task: Task) -> dict[str, Any]:
    """Convert one file (in the worker): parse, render (validated), write or return the text."""
    from . import api  # noqa: PLC0415
    from .writers import render  # noqa: PLC0415

    opts, source = task.options, task.source
    try:
        with _quiet_libraries(opts.debug):
            doc = api.parse(source, name=source, max_pages=opts.max_pages, max_bytes=opts.max_bytes,
                            engine=opts.engine)
            text = render(doc, "json" if opts.return_text else opts.fmt,
                          compact=opts.compact or opts.return_text)
    except Exception as e:
        error = classify(e, source)
        if isinstance(error, Internal):
            return {"error": _error(Internal.code, source, f"internal error ({error.detail}); {BUG_NOTE}"),
                    "traceback": traceback.format_exc()}
        return {"error": _error(error.code, error.source, error.detail)}
    if opts.return_text:
        return {"pages": doc.source.pages, "text": text}
    assert task.output is not None
    try:
        os.makedirs(os.path.dirname(task.output) or ".", exist_ok=True)
        with _WRITING:
            write_atomic(task.output, text)
    except OSError as e:
        return {"error": _error(IO_ERROR, source, f"cannot write the output {task.output}: {e.strerror or e}")}
    return {"pages": doc.source.pages}


# Held while a worker writes its output, so that a worker ending because its batch went away finishes a
# write it has begun (a complete output) rather than leave a temporary file.
_WRITING = threading.Lock()


def _exit_with_parent(watch) -> None:
    """End this worker when the batch process goes away: `watch` reaches EOF when its other end closes."""
    def run() -> None:
        with contextlib.suppress(Exception):
            watch.recv_bytes()
        _WRITING.acquire(timeout=10)
        os._exit(3)

    threading.Thread(target=run, daemon=True).start()


def _worker_main(conn, watch, task: Task, convert: Convert) -> None:
    """Entry point of a worker process: one file, one result message, exit."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the batch process's to handle
    _exit_with_parent(watch)
    try:
        result = convert(task)
    except BaseException as e:  # noqa: BLE001 - a worker must always answer
        result = {"error": _error(Internal.code, task.source, f"internal error ({type(e).__name__}: {e}); "
                                                              f"{BUG_NOTE}"),
                  "traceback": traceback.format_exc()}
    result["peak_rss_mb"] = _peak_rss_mb()
    with contextlib.suppress(OSError):
        conn.send(result)
    conn.close()


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


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


def run_batch(jobs: Sequence[Job], options: BatchOptions = BatchOptions(), *,
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


class InOrder:
    """Releases items in index order as they arrive out of order (for a deterministic --jsonl stream)."""

    def __init__(self, emit: Callable[[Any], None]):
        self._emit = emit
        self._next = 0
        self._waiting: dict[int, Any] = {}

    def add(self, index: int, item: Any) -> None:
        self._waiting[index] = item
        while self._next in self._waiting:
            self._emit(self._waiting.pop(self._next))
            self._next += 1

    def skip_to(self, index: int) -> None:
        """Give up on items before `index` that never came; emit the rest of those waiting in order."""
        for i in sorted(self._waiting):
            if i < index:
                self._emit(self._waiting.pop(i))
        self._next = max(self._next, index)


def jsonl_line(source: str, *, document_json: str | None = None, error: dict[str, str] | None = None,
               skipped: str | None = None) -> str:
    """One `--jsonl` line: `{"source_path": ..., "document": {...}}`, `... "error": {...}` or
    `... "skipped": {"reason": ...}`."""
    head = '{"source_path":' + json.dumps(source, ensure_ascii=False)
    if document_json is not None:
        return head + ',"document":' + document_json.rstrip("\n") + "}"
    if error is not None:
        return head + ',"error":' + json.dumps(error, ensure_ascii=False, separators=(",", ":")) + "}"
    return head + ',"skipped":' + json.dumps({"reason": skipped}) + "}"
