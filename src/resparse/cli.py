"""The `resparse` command: a thin shell over the library.

`extract` = `resparse.parse` → `resparse.writers.render` (validates against the schema) → stdout or an
atomically written file. Errors become one line on stderr and an exit code from `resparse.errors.EXIT_CODES`;
stdout carries data only, and only once the whole document has been rendered.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import traceback
import warnings
from collections.abc import Iterator
from typing import NoReturn

import click

from . import __version__, api
from .errors import (
    EXIT_CODE_MEANINGS,
    EXIT_CODES,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    Internal,
    ResparseError,
)
from .schema import SchemaViolation, UnreadableData, load_data, schema_text
from .schema import validate as validate_data
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


def _is_input_error(exc: OSError, file: str) -> bool:
    """An OSError about the input file itself (missing, a folder, unreadable), not one inside resparse."""
    return exc.filename is not None and os.fspath(exc.filename) == file


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
    """Turn UN resolution PDFs into a schema-validated JSON or YAML document tree."""


@main.command()
@click.argument("file", type=click.Path(dir_okay=True, allow_dash=True))
@click.option("-f", "--format", "fmt", type=click.Choice(list(WRITERS)), default=DEFAULT_FORMAT,
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write to this file (atomically) instead of stdout.")
@click.option("--compact", is_flag=True, help="One-line JSON.")
@click.option("--debug", is_flag=True, help="Show library warnings and the traceback of internal errors.")
def extract(file: str, fmt: str, output: str | None, compact: bool, debug: bool) -> None:
    """Parse the PDF FILE ('-' reads it from stdin) and write its document tree.

    The document is validated against the schema (`resparse schema`) before anything is written.
    """
    if compact and not WRITERS[fmt].supports_compact:
        raise click.UsageError(f"--compact is not available for --format {fmt}")
    name = STDIN_NAME if file == STDIN else file
    try:
        with _quiet_libraries(debug):
            doc = api.parse(sys.stdin.buffer.read() if file == STDIN else file, name=name)
            text = render(doc, fmt, compact=compact)
    except Internal as e:
        _internal(e.source, e.detail, debug, [traceback.format_exc()])
    except ResparseError as e:
        _error_line(e.source, e.detail)
        _exit(e.exit_code)
    except OSError as e:
        if not _is_input_error(e, file):
            _internal(name, f"{type(e).__name__}: {e}", debug, [traceback.format_exc()])
        _error_line(name, f"cannot read the file: {e.strerror or e}")
        _exit(EXIT_USAGE)
    except SchemaViolation as e:
        details = ["the output breaks the schema at:", *(f"  {issue}" for issue in e.issues)]
        _internal(name, f"the output breaks the schema at {e}", debug, details)
    except KeyboardInterrupt:
        click.echo(f"{PROG}: interrupted", err=True)
        _exit(EXIT_INTERRUPTED)
    except Exception as e:
        _internal(name, f"{type(e).__name__}: {e}", debug, [traceback.format_exc()])

    data = text.encode("utf-8")
    if output and output != STDIN:
        try:
            write_atomic(output, data)
        except OSError as e:
            _error_line(output, f"cannot write the output: {e.strerror or e}")
            _exit(EXIT_USAGE)
    else:
        _write_stdout(data)


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
