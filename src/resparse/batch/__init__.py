"""Batch conversion: many PDFs → one output file each (or one JSON line each), in worker processes.

The library behind `resparse extract` with several inputs; the CLI only parses options and shows progress.

    inputs = collect_inputs(["corpus/"], glob="*.pdf")
    jobs = plan_jobs(inputs, out_dir="out", fmt="json")
    result = run_batch(jobs, BatchOptions(jobs=2, timeout=300))
    result.summary.ok, result.records[0].to_dict()

Guarantees:

- Files are converted in worker processes (forked from a preloaded fork server), each converting files
  one after another and handing over to a fresh process after `BatchOptions.files_per_worker` files (200)
  or a file that took it past 1 GB of memory. A file's result depends on its bytes alone (`resparse.parse`
  keeps nothing between files), so the outputs are the same for any number of workers.
- A worker that runs past `timeout` is killed (SIGKILL) and its file is recorded as `timeout`. A worker
  that dies (a crash in a PDF library, the kernel's out-of-memory killer) costs only its file, recorded
  as `crashed`; a fresh worker takes the next file. A worker also exits by itself when the batch process disappears.
- Outputs are written atomically (`writers.write_atomic`: a temporary file in the same folder, then a
  rename), so an output is either complete or absent. Temporary files of killed workers, and those left
  by a batch that was itself killed, are removed (the latter at the start of the next run).
- Output names mirror the inputs' paths and never collide (see `plan_jobs`).

Failure causes in records are the `ResparseError` codes (`not_pdf`, `corrupt`, `encrypted`,
`no_text_layer`, `empty`, `too_large`, `timeout`, `internal`) plus two that only a batch has:
`crashed` (the worker process died) and `io_error` (the input could not be read or the output written).

Modules: `inputs` (files, folders, lists of paths), `naming` (output names, jobs), `records` (records,
summary, report), `resume` (current outputs, temporary files), `workers` (options, tasks, the conversion
of one file), `runner` (`run_batch`), `jsonl` (JSON lines).
"""

from __future__ import annotations

from .inputs import DEFAULT_GLOB, BatchUsageError, Input, collect_inputs, looks_like_path_list, read_path_list
from .jsonl import InOrder, jsonl_line
from .naming import Job, output_names, plan_jobs
from .records import (
    BATCH_CAUSES,
    CRASHED,
    EXISTS,
    FAILED,
    IO_ERROR,
    NOT_RUN,
    OK,
    SKIPPED,
    BatchResult,
    Record,
    Summary,
    summarize,
    write_report,
)
from .resume import is_current, output_schema_version, remove_stale_temp_files
from .runner import run_batch
from .workers import BUG_NOTE, DEFAULT_TIMEOUT, BatchOptions, Convert, Task, available_cpus, convert_one

__all__ = [
    "BATCH_CAUSES", "BUG_NOTE", "CRASHED", "DEFAULT_GLOB", "DEFAULT_TIMEOUT", "EXISTS", "FAILED", "IO_ERROR",
    "NOT_RUN", "OK", "SKIPPED", "BatchOptions", "BatchResult", "BatchUsageError", "Convert", "InOrder", "Input",
    "Job", "Record", "Summary", "Task", "available_cpus", "collect_inputs", "convert_one", "is_current",
    "jsonl_line", "looks_like_path_list", "output_names", "output_schema_version", "plan_jobs", "read_path_list",
    "remove_stale_temp_files", "run_batch", "summarize", "write_report",
]
