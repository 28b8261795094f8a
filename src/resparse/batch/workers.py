"""The worker side: options, the task of one file, the conversion a worker runs, its process."""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import sys
import threading
import traceback
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..api import DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES
from ..errors import Internal
from ..extract.pdf import DEFAULT_ENGINE_NAME
from ..failures import classify
from ..settings import DEFAULT_SETTINGS, Settings
from ..writers import write_atomic
from .records import IO_ERROR

DEFAULT_TIMEOUT = 300.0  # seconds per file; None or 0 = no limit
# A worker process converts files one after another, and hands over to a fresh one after
# `BatchOptions.files_per_worker` files, or after a file that took its peak memory above this (MB).
DEFAULT_FILES_PER_WORKER = 200
WORKER_MAX_RSS_MB = 1000.0

BUG_NOTE = "this is a bug in resparse; please report it with the file"

# Modules the fork server imports once, so that each worker starts with them loaded.
_PRELOAD = ["resparse.batch", "resparse.api", "resparse.structure.builder", "resparse.writers",
            "resparse.schema", "resparse.extract.pdfium", "pypdfium2", "pikepdf", "resparse.extract.plumber",
            "pdfplumber", "resparse.extract.docx", "docx", "resparse.warm"]

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
    files_per_worker: int = DEFAULT_FILES_PER_WORKER  # then a fresh worker process takes over
    send_document: bool = False  # also send the compact JSON document back while writing (for --parquet)
    settings: Settings = DEFAULT_SETTINGS  # the parser's tolerances and thresholds (`resparse.settings`)

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
    """Convert one file (in the worker): parse, render (validated), write or return the text (or both,
    with `options.send_document`: the file in its format, and the document as compact JSON for tables)."""
    from .. import api  # noqa: PLC0415
    from ..writers import render  # noqa: PLC0415

    opts, source = task.options, task.source
    try:
        with _quiet_libraries(opts.debug):
            doc = api.parse(source, name=source, max_pages=opts.max_pages, max_bytes=opts.max_bytes,
                            engine=opts.engine, settings=opts.settings)
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
    if opts.send_document:
        compact_json = text if opts.fmt == "json" and opts.compact else render(doc, "json", compact=True)
        return {"pages": doc.source.pages, "text": compact_json}
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


def _worker_main(conn, watch, convert: Convert) -> None:
    """Entry point of a worker process: tasks from `conn`, one result message each, until told to stop
    (None) or until it retires (`files_per_worker` files done, or a peak memory above `WORKER_MAX_RSS_MB`:
    a fresh worker then takes over, so that what a library leaks or fragments cannot add up)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the batch process's to handle
    _exit_with_parent(watch)
    done = 0
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            break
        if task is None:
            break
        try:
            result = convert(task)
        except BaseException as e:  # noqa: BLE001 - a worker must always answer
            result = {"error": _error(Internal.code, task.source, f"internal error ({type(e).__name__}: {e}); "
                                                                  f"{BUG_NOTE}"),
                      "traceback": traceback.format_exc()}
        done += 1
        rss = result["peak_rss_mb"] = _peak_rss_mb()
        result["retire"] = done >= task.options.files_per_worker or (rss is not None and rss > WORKER_MAX_RSS_MB)
        try:
            conn.send(result)
        except OSError:
            break
        if result["retire"]:
            break
    conn.close()


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")
