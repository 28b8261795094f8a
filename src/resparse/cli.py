"""The `resparse` command: a thin shell over the library.

`extract` = `resparse.parse` → `resparse.writers.render` (validates against the schema) → stdout or an
atomically written file. Errors become one line on stderr and an exit code from `resparse.errors.EXIT_CODES`;
stdout carries data only, and only once the whole document has been rendered.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import re
import signal
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import click

from . import __version__, api, batch
from . import refs as refs_mod
from .debug import STAGES as DEBUG_STAGES
from .debug import debug_records
from .errors import (
    EXIT_CODE_MEANINGS,
    EXIT_CODES,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    Internal,
    ResparseError,
    Timeout,
)
from .extract.pdf import DEFAULT_ENGINE_NAME, ENGINES
from .failures import classify
from .inspect import RENDER_SCALE, inspect_pdf
from .schema import SchemaViolation, UnreadableData, load_data, schema_text
from .schema import validate as validate_data
from .settings import DEFAULT_SETTINGS, Settings, SettingsError
from .writers import DEFAULT_FORMAT, WRITERS, render, write_atomic

PROG = "resparse"
STDIN = "-"
STDIN_NAME = "<stdin>"
BUG_NOTE = "this is a bug in resparse; please report it with the file"


def _exit_code_table() -> str:
    rows = [f"  {code:<4} {name:<14} {EXIT_CODE_MEANINGS[name]}" for name, code in EXIT_CODES.items()]
    return "\b\nExit codes:\n" + "\n".join(rows)


def _one_line(text: str) -> str:
    """`text` with line breaks, control characters and runs of spaces collapsed to single spaces."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def _error_line(name: str, cause: str) -> None:
    click.echo(f"{PROG}: error: {_one_line(name)}: {_one_line(cause)}", err=True)


def _exit(code: int) -> NoReturn:
    click.get_current_context().exit(code)


def _internal(name: str, cause: str, debug: bool, details: list[str] | None = None) -> NoReturn:
    """Report a bug in resparse (not a problem with the file): one line, more only with --debug."""
    _error_line(name, f"internal error ({cause}); {BUG_NOTE}")
    if debug:
        for line in details or []:
            click.echo(line.rstrip("\n"), err=True)
    _exit(Internal.exit_code)


@contextlib.contextmanager
def _quiet_libraries(debug: bool) -> Iterator[None]:
    """Keep the PDF libraries' log records and Python warnings off stderr, unless --debug.

    A NullHandler on the root logger stops Python's last-resort handler from printing pdfminer's
    warnings ("Data-loss while decompressing ..."); records still reach any handler the library adds.
    """
    if debug:
        logging.basicConfig(level=logging.WARNING, format="%(name)s: %(levelname)s: %(message)s")
        yield
        return
    root = logging.getLogger()
    handler = logging.NullHandler()
    root.addHandler(handler)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        root.removeHandler(handler)


def _write_stdout(data: bytes) -> None:
    stream = sys.stdout.buffer
    try:
        stream.write(data)
        stream.flush()
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly; point stdout at devnull so the exit flush is silent.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
            os.close(devnull)
        _exit(EXIT_FAILED)


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=_exit_code_table())
@click.version_option(__version__, prog_name=PROG)
def main() -> None:
    """Turn UN resolution PDFs and Word files into a schema-validated JSON or YAML document tree, or Akoma
    Ntoso XML."""


def _parse_size(text: str) -> int | None:
    """`200M`, `1.5G`, `500k` or a number of bytes; 0 means no limit (None)."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*", text.lower())
    if not m:
        raise click.BadParameter(f"{text!r} is not a size (bytes, or a number with k, M, G)")
    size = int(float(m.group(1)) * 1024 ** " kmgt".index(m.group(2) or " "))
    return size or None


class _Alarm(BaseException):
    """Raised by SIGALRM; a BaseException so that no `except Exception` in a library swallows it."""


@contextlib.contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `_Alarm` after `seconds` (single-file mode; the batch kills its workers instead)."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum, frame):
        raise _Alarm()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# The PDF engine, chosen the same way by every command that reads a PDF.
_engine_option = click.option(
    "--engine", type=click.Choice(list(ENGINES)), default=DEFAULT_ENGINE_NAME, show_default=True,
    help="PDF engine: pdfium (fast) or pdfplumber (pdfminer.six); both give the same tree. A Word file is "
         "read from its Word structure whatever the engine.")
_settings_option = click.option(
    "--settings", "settings_file", metavar="FILE",
    help="The parser's tolerances and thresholds from a TOML, JSON or YAML file of sections ([layout], "
         "[structure]) and names (see resparse.Settings); what it leaves out keeps its default.")


def _read_settings(settings_file: str | None) -> Settings:
    """The settings a `--settings` file holds (the defaults without one); a usage error for a file the parser
    cannot use."""
    if not settings_file:
        return DEFAULT_SETTINGS
    try:
        return Settings.from_file(settings_file)
    except SettingsError as e:
        raise click.UsageError(str(e)) from None


@main.command(epilog=_exit_code_table())
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...", type=click.Path(allow_dash=True))
@click.option("-f", "--format", "fmt", type=click.Choice(list(WRITERS)), default=DEFAULT_FORMAT,
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="One input: write to this file (atomically) instead of stdout.")
@click.option("--compact", is_flag=True, help="One-line JSON.")
@click.option("-d", "--out-dir", type=click.Path(file_okay=False),
              help="Write one output per input under DIR, mirroring the inputs' paths.")
@click.option("--jsonl", is_flag=True,
              help="Write one JSON object per input and line to stdout: {source_path, document | error}.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes.  [default: the number of CPUs]")
@click.option("--glob", "pattern", default=batch.DEFAULT_GLOB, show_default=True,
              help="Files to take from folders: one pattern or several separated by commas (case-insensitive; "
                   "a pattern holding a '/' is matched against the path inside the folder).")
@click.option("--timeout", type=click.FloatRange(min=0), default=None,
              help=f"Seconds per file before it is stopped and reported as timeout; 0: no limit.  "
                   f"[default: {batch.DEFAULT_TIMEOUT:g} with several inputs, none for one]")
@click.option("--skip-existing", is_flag=True,
              help="Keep outputs that exist, are newer than their input and have the current schema version.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first file that fails.")
@click.option("--report", type=click.Path(dir_okay=False),
              help="Write every file's record and the summary to this JSON file.")
@click.option("--progress/--no-progress", default=None,
              help="Show progress on stderr.  [default: when stderr is a terminal]")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on stderr but errors.")
@click.option("--max-pages", type=click.IntRange(min=0), default=api.DEFAULT_MAX_PAGES, show_default=True,
              help="Refuse longer documents as too_large; 0: no limit.")
@click.option("--max-bytes", default=str(api.DEFAULT_MAX_BYTES), show_default=True, metavar="SIZE",
              help="Refuse bigger files as too_large (bytes, or 200M, 1G ...); 0: no limit.")
@_engine_option
@click.option("--scheduler", metavar="ADDRESS",
              help="Run the batch on a Dask cluster: a scheduler's address (tcp://HOST:8786) or local:N for a "
                   "local cluster of N worker processes (needs resparse[scale]).")
@click.option("--parquet", "parquet_dir", metavar="DIR",
              help="Also write the documents, units and citations as a Parquet dataset under DIR, one file per "
                   "input and table (needs resparse[scale]); query it with `resparse sql`.")
@_settings_option
@click.option("--debug", is_flag=True, help="Show library warnings and the traceback of internal errors.")
def extract(inputs: tuple[str, ...], fmt: str, output: str | None, compact: bool, out_dir: str | None,
            jsonl: bool, jobs: int | None, pattern: str, timeout: float | None, skip_existing: bool,
            fail_fast: bool, report: str | None, progress: bool | None, quiet: bool, max_pages: int,
            max_bytes: str, engine: str, scheduler: str | None, parquet_dir: str | None, settings_file: str | None,
            debug: bool) -> None:
    """Parse PDFs and Word (.docx) files and write their document trees.

    \b
    One INPUT (a PDF or .docx file, or '-' for one on stdin): its document on stdout, or in the file -o names.
    Several inputs, folders (searched recursively for --glob) or '-' with a list of paths on stdin (one a
    line, as `find` prints them): one output per file under --out-dir, or one JSON line per file with
    --jsonl; then failures do not stop the batch (each is one error line on stderr), and the exit code
    is 0 if every file was converted, 1 if some failed.

    Every document is validated against the schema (`resparse schema`) before it is written.
    """
    if compact and not WRITERS[fmt].supports_compact:
        raise click.UsageError(f"--compact is not available for --format {fmt}")
    inputs, out_dir, parquet_dir = _scale_locations(inputs, out_dir, parquet_dir, scheduler)
    settings = _read_settings(settings_file)
    limit_bytes = _parse_size(max_bytes)
    limit_pages = max_pages or None
    stdin_data: bytes | None = None
    listed: list[str] | None = None
    if STDIN in inputs and len(inputs) > 1:
        raise click.UsageError("'-' (stdin) must be the only input")
    if inputs == (STDIN,):
        stdin_data = sys.stdin.buffer.read()
        if batch.looks_like_path_list(stdin_data):
            listed = batch.read_path_list(stdin_data.decode("utf-8-sig"))
    several = len(inputs) > 1 or listed is not None or any(os.path.isdir(i) for i in inputs)

    if not several and not out_dir and not jsonl and not parquet_dir and not scheduler:
        for flag, given in (("--skip-existing", skip_existing), ("--report", report)):
            if given:
                raise click.UsageError(f"{flag} needs --out-dir (or --jsonl for --report)"
                                       if flag == "--report" else f"{flag} needs --out-dir")
        _extract_one(inputs[0], stdin_data, fmt, output, compact, debug, timeout, limit_pages, limit_bytes, engine,
                     settings)
        return

    if stdin_data is not None and listed is None:
        raise click.UsageError("a PDF on stdin is one document: write it to stdout or with -o, not with "
                               "--out-dir or --jsonl")
    if output:
        raise click.UsageError("-o/--output takes one input; with several, use --out-dir DIR or --jsonl")
    if scheduler and (jsonl or not (out_dir or parquet_dir)):
        raise click.UsageError("--scheduler writes files: give --out-dir DIR or --parquet DIR (not --jsonl)")
    if not out_dir and not jsonl and not parquet_dir:
        if len(inputs) == 1 and listed is None:  # one folder: one line naming it, as for any unusable input
            _error_line(inputs[0], "a folder holds many documents: give --out-dir DIR or --jsonl")
            _exit(EXIT_USAGE)
        raise click.UsageError("several inputs (or a list on stdin) need --out-dir DIR or --jsonl")
    if out_dir and jsonl:
        raise click.UsageError("choose one of --out-dir and --jsonl")
    if jsonl and fmt != "json":
        raise click.UsageError("--jsonl writes JSON; it cannot be combined with --format " + fmt)
    if skip_existing and not (out_dir or parquet_dir):
        raise click.UsageError("--skip-existing needs --out-dir (or --parquet)")
    options = batch.BatchOptions(
        fmt=fmt, compact=compact, jobs=jobs, timeout=batch.DEFAULT_TIMEOUT if timeout is None else timeout or None,
        max_pages=limit_pages, max_bytes=limit_bytes, skip_existing=skip_existing, fail_fast=fail_fast,
        debug=debug, return_text=jsonl or bool(parquet_dir and not out_dir),
        send_document=bool(parquet_dir and out_dir), engine=engine, settings=settings)
    try:
        _extract_many(listed if listed is not None else list(inputs), listed is not None, pattern, out_dir,
                      report, options, quiet=quiet, jsonl=jsonl, parquet_dir=parquet_dir, scheduler=scheduler,
                      show_progress=not quiet and (progress if progress is not None else sys.stderr.isatty()))
    except KeyboardInterrupt:  # before or after the workers ran (run_batch handles it while they run)
        click.echo(f"{PROG}: interrupted", err=True)
        _exit(EXIT_INTERRUPTED)


@contextlib.contextmanager
def _one_input(file: str, name: str, debug: bool) -> Iterator[None]:
    """Run the work on one input: any error becomes one stderr line and the exit code of its kind."""
    try:
        with _quiet_libraries(debug):
            yield
    except KeyboardInterrupt:
        click.echo(f"{PROG}: interrupted", err=True)
        _exit(EXIT_INTERRUPTED)
    except Exception as e:
        error = classify(e, name)
        if isinstance(error, Internal):
            details = ([traceback.format_exc()] if not isinstance(e, SchemaViolation)
                       else ["the output breaks the schema at:", *(f"  {issue}" for issue in e.issues)])
            _internal(error.source, error.detail, debug, details)
        _error_line(error.source, error.detail)
        _exit(error.exit_code)


def _extract_one(file: str, stdin_data: bytes | None, fmt: str, output: str | None, compact: bool, debug: bool,
                 timeout: float | None, max_pages: int | None, max_bytes: int | None,
                 engine: str = DEFAULT_ENGINE_NAME, settings: Settings = DEFAULT_SETTINGS) -> None:
    """One document, to stdout or -o: errors are one stderr line and the exit code of their kind."""
    name = STDIN_NAME if file == STDIN else file
    try:
        with _one_input(file, name, debug), _time_limit(timeout):
            doc = api.parse(stdin_data if file == STDIN else file, name=name, max_pages=max_pages,
                            max_bytes=max_bytes, engine=engine, settings=settings)
            text = render(doc, fmt, compact=compact)
    except _Alarm:
        _error_line(name, f"took longer than the limit of {timeout:g} s; stopped")
        _exit(Timeout.exit_code)

    data = text.encode("utf-8")
    if output and output != STDIN:
        try:
            write_atomic(output, data)
        except OSError as e:
            _error_line(output, f"cannot write the output: {e.strerror or e}")
            _exit(EXIT_USAGE)
    else:
        _write_stdout(data)


class _LineProgress:
    """Progress for logs (stderr not a terminal, --progress): one line every few seconds."""

    EVERY = 5.0

    def __init__(self, total: int):
        self.total, self.started, self.last = total, time.monotonic(), 0.0

    def __enter__(self) -> _LineProgress:
        return self

    def __exit__(self, *exc) -> None:
        return None

    def print(self, text: str) -> None:
        click.echo(text, err=True)

    def update(self, done: int, pages: int, failed: int, final: bool = False) -> None:
        now = time.monotonic()
        if not final and now - self.last < self.EVERY:
            return
        self.last = now
        elapsed = now - self.started
        eta = f", ETA {elapsed / done * (self.total - done):.0f} s" if 0 < done < self.total else ""
        rate = pages / elapsed if elapsed > 0 else 0.0
        click.echo(f"{PROG}: {done}/{self.total} files, {pages} pages, {rate:.1f} pages/s, "
                   f"{elapsed:.0f} s elapsed{eta}, {failed} failed", err=True)


class _RichProgress:
    """A rich progress bar on stderr: files, pages, pages/s, elapsed, ETA, failures."""

    def __init__(self, total: int):
        from rich.console import Console  # noqa: PLC0415 - only when a bar is shown
        from rich.progress import (  # noqa: PLC0415
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.console = Console(stderr=True, highlight=False)
        self.bar = Progress(
            TextColumn("[bold]files"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[pages]} pages"), TextColumn("{task.fields[rate]:.1f} pages/s"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            TextColumn("[red]{task.fields[failed]} failed"), console=self.console)
        self.task = self.bar.add_task("files", total=total, pages=0, rate=0.0, failed=0)
        self.started = time.monotonic()

    def __enter__(self) -> _RichProgress:
        self.bar.start()
        return self

    def __exit__(self, *exc) -> None:
        self.bar.stop()

    def print(self, text: str) -> None:
        self.console.print(text, markup=False, highlight=False, soft_wrap=True)

    def update(self, done: int, pages: int, failed: int, final: bool = False) -> None:
        elapsed = time.monotonic() - self.started
        self.bar.update(self.task, completed=done, pages=pages, failed=failed,
                        rate=pages / elapsed if elapsed > 0 else 0.0)


class _NoProgress(_LineProgress):
    def update(self, done: int, pages: int, failed: int, final: bool = False) -> None:
        return None


def _scale_locations(inputs: tuple[str, ...], out_dir: str | None, parquet_dir: str | None,
                     scheduler: str | None) -> tuple[tuple[str, ...], str | None, str | None]:
    """Check that the scale extra is there for --scheduler/--parquet, and read `file://` URLs as paths."""
    from . import scale  # noqa: PLC0415

    try:
        for option, given in (("--scheduler", scheduler), ("--parquet", parquet_dir)):
            if given:
                scale.require(option)
        if scheduler:
            from .scale.cluster import Scheduler  # noqa: PLC0415

            Scheduler.parse(scheduler)
        inputs = tuple(scale.local_path(i) for i in inputs)
        out_dir, parquet_dir = (scale.local_path(p) if p else None for p in (out_dir, parquet_dir))
    except scale.ScaleMissing as e:
        click.echo(f"{PROG}: error: {e}", err=True)
        _exit(EXIT_USAGE)
    except ValueError as e:
        raise click.UsageError(str(e)) from None
    return inputs, out_dir, parquet_dir


def _extract_many(arguments: list[str], listed: bool, pattern: str, out_dir: str | None, report: str | None,
                  options: batch.BatchOptions, *, show_progress: bool, quiet: bool, jsonl: bool = False,
                  parquet_dir: str | None = None, scheduler: str | None = None) -> NoReturn:
    """The batch: every input converted (or refused with its cause), a summary, exit 0, 1 or 130."""
    exclude = [Path(p) for p in (out_dir, parquet_dir) if p]
    try:
        inputs = batch.collect_inputs(arguments, glob=pattern, exclude=exclude, must_exist=not listed)
    except batch.BatchUsageError as e:
        raise click.UsageError(str(e)) from None
    if report:
        folder = os.path.dirname(os.path.abspath(report))
        if not os.path.isdir(folder) or not os.access(folder, os.W_OK):
            raise click.UsageError(f"--report {report}: cannot write in {folder}")
    for folder in (out_dir, parquet_dir):
        try:
            if folder:
                os.makedirs(folder, exist_ok=True)
        except OSError as e:
            _error_line(folder, f"cannot create the output folder: {e.strerror or e}")
            _exit(EXIT_USAGE)
    if not inputs and not quiet:
        click.echo(f"{PROG}: warning: no input files (folders are searched for --glob {pattern!r})", err=True)
    jobs = batch.plan_jobs(inputs, out_dir, options.fmt)

    broken_pipe = False

    def emit(line: str) -> None:
        nonlocal broken_pipe
        if broken_pipe:
            return
        try:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()
        except BrokenPipeError:
            broken_pipe = True
            with contextlib.suppress(OSError, ValueError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
                os.close(devnull)
            raise KeyboardInterrupt from None  # stop the batch: nobody reads its output any more

    in_order = batch.InOrder(emit)
    tables, current, write_tables = None, batch.is_current, None
    if parquet_dir:
        from .scale import parquet  # noqa: PLC0415

        tables = parquet.plan_tables(inputs, parquet_dir)
        parquet.remove_stale_table_temp_files(tables)
        current = parquet.current_check(tables)
        if not scheduler:  # on a cluster, the task that converts a file writes its rows
            write_tables = parquet.write_tables(tables)
    counts = {"done": 0, "pages": 0, "failed": 0}
    if show_progress:
        shown: _LineProgress | _RichProgress = (_RichProgress if sys.stderr.isatty() else _LineProgress)(len(jobs))
    else:
        shown = _NoProgress(len(jobs))

    def on_record(job: batch.Job, record: batch.Record, text: str | None) -> None:
        counts["done"] += 1
        counts["pages"] += record.pages or 0
        if record.status == batch.FAILED:
            counts["failed"] += 1
            shown.print(f"{PROG}: error: {record.error['message']}")
            if record.traceback:
                shown.print(record.traceback.rstrip("\n"))
        if jsonl:
            in_order.add(job.index, batch.jsonl_line(job.source, document_json=text, error=record.error))
        if write_tables is not None:
            write_tables(job, record, text)
        shown.update(counts["done"], counts["pages"], counts["failed"])

    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        with shown:
            result = _run(jobs, options, on_record, scheduler, tables, current)
            shown.update(counts["done"], counts["pages"], counts["failed"], final=True)
    finally:
        signal.signal(signal.SIGTERM, previous)
    if jsonl and not broken_pipe:
        with contextlib.suppress(KeyboardInterrupt):
            in_order.skip_to(len(jobs))
            if not result.summary.interrupted:
                for job, record in zip(jobs, result.records, strict=True):
                    if record.status == batch.SKIPPED:
                        emit(batch.jsonl_line(job.source, skipped=record.reason))
    if broken_pipe:
        _exit(EXIT_FAILED)
    if report:
        try:
            batch.write_report(report, result)
        except OSError as e:
            _error_line(report, f"cannot write the report: {e.strerror or e}")
            _exit(EXIT_USAGE)
    if not quiet:
        click.echo(f"{PROG}: {result.summary.line()}", err=True)
    if result.summary.interrupted:
        click.echo(f"{PROG}: interrupted", err=True)
        _exit(EXIT_INTERRUPTED)
    _exit(EXIT_OK if result.exit_ok else EXIT_FAILED)


def _run(jobs: list[batch.Job], options: batch.BatchOptions, on_record, scheduler: str | None, tables,
         current) -> batch.BatchResult:
    """The local batch, or the same on a Dask cluster with --scheduler."""
    if not scheduler:
        return batch.run_batch(jobs, options, on_record=on_record, current=current)
    from .scale import cluster  # noqa: PLC0415

    try:
        return cluster.run_dask_batch(jobs, options, scheduler, tables=tables, on_record=on_record, current=current)
    except cluster.SchedulerUnreachable as e:
        _error_line(scheduler, str(e))
        _exit(EXIT_USAGE)


def _raise_interrupt(signum, frame) -> NoReturn:
    raise KeyboardInterrupt


@main.command()
def schema() -> None:
    """Print the JSON Schema of the output."""
    text = schema_text()
    _write_stdout(text.encode("utf-8") if text.endswith("\n") else (text + "\n").encode("utf-8"))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
def validate(files: tuple[str, ...]) -> None:
    """Check JSON or YAML documents against the schema.

    Each violation is printed on stdout as FILE: PATH: MESSAGE. Exit code 0 if every file is valid,
    1 if any violates the schema, 2 if any cannot be read or is neither JSON nor YAML.
    """
    worst = EXIT_OK
    for file in files:
        name = STDIN_NAME if file == STDIN else file
        try:
            if file == STDIN:
                raw = sys.stdin.buffer.read()
            else:
                with open(file, "rb") as f:
                    raw = f.read()
            data = load_data(raw.decode("utf-8-sig"), name)
        except OSError as e:
            _error_line(name, f"cannot read the file: {e.strerror or e}")
            worst = EXIT_USAGE
            continue
        except UnicodeDecodeError:
            _error_line(name, "cannot read the file: not UTF-8 text")
            worst = EXIT_USAGE
            continue
        except UnreadableData as e:
            _error_line(name, str(e))
            worst = EXIT_USAGE
            continue
        issues = validate_data(data)
        for issue in issues:
            click.echo(f"{name}: {issue.path}: {_one_line(issue.message)}")
        if issues:
            worst = max(worst, EXIT_FAILED)
    _exit(worst)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(refs_mod.FORMATS), default="csv", show_default=True,
              help="csv (with a header), a json array, or jsonl (one object per line).")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def refs(files: tuple[str, ...], fmt: str, debug: bool) -> None:
    """Print one row per citation of each document: the edge list of a citation graph.

    FILES are PDFs, or outputs of `resparse extract` (JSON, YAML, or the JSON lines of --jsonl). Columns:
    source, citing_symbol, unit_id, kind, target, link. A file that cannot be read or parsed gives one
    line on stderr and exit code 1; the rows of the other files are still printed.
    """
    worst = EXIT_OK
    for file in files:
        buf = io.StringIO()
        try:
            with _quiet_libraries(debug):
                rows = list(refs_mod.citation_rows([file]))
        except ResparseError as e:
            _error_line(file, e.detail)
            worst = EXIT_FAILED
            continue
        except (OSError, UnicodeDecodeError, UnreadableData, ValueError) as e:
            _error_line(file, f"cannot read the file: {_one_line(str(e))}")
            worst = EXIT_FAILED
            continue
        refs_mod.write_rows(rows, fmt, buf)
        text = buf.getvalue()
        if fmt == "csv" and file != files[0]:
            text = text.split("\n", 1)[1]  # one header for the whole table
        _write_stdout(text.encode("utf-8"))
    _exit(worst)


@main.command("sql")
@click.argument("query")
@click.argument("dataset", type=click.Path(file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="An aligned text table, CSV with a header, or a JSON array of objects.")
@click.option("--width", type=click.IntRange(min=8), default=60, show_default=True,
              help="The table format: cut longer cells to this many characters.")
def sql_command(query: str, dataset: str, fmt: str, width: int) -> None:
    """Run a SQL QUERY (DuckDB) on the Parquet DATASET written by `extract --parquet DATASET`.

    The tables are the views `documents`, `units` and `citations` (columns in the README, "Parquet
    dataset"). A query that fails gives one line on stderr and exit code 2. Needs resparse[scale].
    """
    from . import scale  # noqa: PLC0415

    try:
        scale.require("sql")
        from .scale import sql as sql_mod  # noqa: PLC0415

        result = sql_mod.run_query(query, scale.local_path(dataset))
    except scale.ScaleMissing as e:
        click.echo(f"{PROG}: error: {e}", err=True)
        _exit(EXIT_USAGE)
    except ValueError as e:  # QueryError, a URL that is not a local path
        _error_line(dataset, str(e))
        _exit(EXIT_USAGE)
    _write_stdout(sql_mod.format_result(result, fmt, width=width).encode("utf-8"))


# Pages written by `inspect --all-pages`: DIR/page-001.png ... (more digits for longer documents).
PAGE_FILE = "page-{number:0{width}d}.png"
PAGE_FILE_MIN_DIGITS = 3


@main.command("debug", epilog=_exit_code_table(), short_help="Print what one stage of the parser produced.")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-s", "--stage", type=click.Choice(list(DEBUG_STAGES)), required=True,
              help="chars: the engine's glyph runs and rules; lines; page: lines with their area (body, notes, "
                   "furniture); blocks; tree: the document's units.")
@click.option("-p", "--page", type=int, metavar="N", help="Only page N (1 is the first).")
@_engine_option
@_settings_option
@click.option("--debug", is_flag=True, help="Show library warnings and the traceback of internal errors.")
def debug_command(file: str, stage: str, page: int | None, engine: str, settings_file: str | None,
                  debug: bool) -> None:
    """Print what one stage of the parser produced for the PDF FILE, as JSON lines on stdout.

    Each line is one glyph run, rule, line, block or unit, with its page, box (x0, top, x1, bottom in
    points from the page's top-left corner), font and size, so that a misparse can be traced to the stage
    that made it.
    """
    settings = _read_settings(settings_file)
    records, missing_page = [], None
    with _one_input(file, file, debug):
        try:
            records = list(debug_records(file, stage, page=page, engine=engine, settings=settings))
        except ValueError as e:  # a page that does not exist
            missing_page = str(e)
    if missing_page is not None:
        _error_line(file, missing_page)
        _exit(EXIT_USAGE)
    _write_stdout("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8"))


@main.command("inspect", epilog=_exit_code_table(), short_help="Draw what the parser detected over pages, as PNG.")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-p", "--page", type=int, metavar="N", help="The page to draw (1 is the first).")
@click.option("--all-pages", is_flag=True, help="Draw every page, as DIR/page-001.png ... in the folder -o names.")
@click.option("-o", "--output", type=click.Path(),
              help="The PNG (or a folder for it) for --page  [default: ./<stem>-page-N.png]; the folder "
                   "(created if need be) for --all-pages.")
@click.option("--scale", type=click.FloatRange(min=0.1, max=10), default=RENDER_SCALE, show_default=True,
              help="Pixels per PDF point (1 = 72 dpi).")
@_engine_option
@_settings_option
@click.option("--debug", is_flag=True, help="Show library warnings and the traceback of internal errors.")
def inspect_command(file: str, page: int | None, all_pages: bool, output: str | None, scale: float,
                    engine: str, settings_file: str | None, debug: bool) -> None:
    """Draw what the parser detected over pages of the PDF FILE, as PNG images.

    \b
    Boxes in one colour per kind (a legend is on each page): the heading block, running headers, footers
    and other furniture, body lines, each paragraph, item, heading and annex block labelled with its unit
    id (pp_3, para_2__point_a ...), text that became no unit, the footnote area and its separator, each
    footnote labelled with the unit it links to, and the footnote markers. The paths written go to stderr;
    nothing goes to stdout.
    """
    if (page is None) == (not all_pages):
        raise click.UsageError("give one of --page N and --all-pages")
    if all_pages and not output:
        raise click.UsageError("--all-pages needs -o DIR, the folder for the pages")
    settings = _read_settings(settings_file)
    if page is not None and page < 1:
        _error_line(file, f"no page {page}: pages are numbered from 1")
        _exit(EXIT_USAGE)
    with _one_input(file, file, debug):
        inspection = inspect_pdf(file, engine=engine, settings=settings)
    count = inspection.page_count
    if page is not None and page > count:
        _error_line(file, f"no page {page}: the document has {count} page{'s' if count != 1 else ''}")
        _exit(EXIT_USAGE)
    if page is None:  # --all-pages, into the folder -o names
        assert output is not None
        try:
            os.makedirs(output, exist_ok=True)
        except OSError as e:
            _error_line(output, f"cannot create the output folder: {e.strerror or e}")
            _exit(EXIT_USAGE)
        width = max(PAGE_FILE_MIN_DIGITS, len(str(count)))
        targets = [(n, os.path.join(output, PAGE_FILE.format(number=n, width=width))) for n in range(1, count + 1)]
    else:
        name = f"{Path(file).stem}-page-{page}.png"
        target = name if not output else os.path.join(output, name) if os.path.isdir(output) else output
        targets = [(page, target)]
    for number, target in targets:
        try:
            with _quiet_libraries(debug):
                png = inspection.png(number, scale)
        except KeyboardInterrupt:
            click.echo(f"{PROG}: interrupted", err=True)
            _exit(EXIT_INTERRUPTED)
        except Exception as e:
            _internal(file, f"{type(e).__name__}: {e}", debug, [traceback.format_exc()])
        try:
            write_atomic(target, png)
        except OSError as e:
            _error_line(target, f"cannot write the output: {e.strerror or e}")
            _exit(EXIT_USAGE)
        click.echo(target, err=True)


