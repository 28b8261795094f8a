"""The one failure policy: the same failure gets the same type from `classify`, the CLI and the batch."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from resparse import api, batch
from resparse.cli import main
from resparse.errors import Corrupt, Internal, Unreadable, WorkerCrashed
from resparse.failures import classify
from resparse.schema import SchemaViolation

SOURCE = "docs/a.pdf"


def test_typed_errors_pass_through():
    error = Corrupt(SOURCE, "damaged PDF")
    assert classify(error, SOURCE) is error


def test_an_unreadable_input_is_io_error_but_another_file_is_a_bug():
    error = classify(PermissionError(13, "Permission denied", SOURCE), SOURCE)
    assert isinstance(error, Unreadable) and error.code == "io_error" and error.exit_code == 2
    assert "Permission denied" in error.detail
    other = classify(FileNotFoundError(2, "No such file", "/usr/share/resparse/table.txt"), SOURCE)
    assert isinstance(other, Internal)


def test_memory_and_schema_and_anything_else():
    assert isinstance(classify(MemoryError(), SOURCE), WorkerCrashed)
    schema = classify(SchemaViolation([]), SOURCE)
    assert isinstance(schema, Internal) and "breaks the schema" in schema.detail
    bug = classify(KeyError("x"), SOURCE)
    assert isinstance(bug, Internal) and bug.detail == "KeyError: 'x'"


@pytest.mark.parametrize(("raised", "kind", "exit_code"), [
    (MemoryError(), "crashed", 70),
    (ZeroDivisionError("division by zero"), "internal", 70),
    (Corrupt("x.pdf", "damaged PDF"), "corrupt", 4),
])
def test_the_cli_and_the_batch_report_a_failure_alike(monkeypatch, tmp_path, raised, kind, exit_code):
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.4\n")

    def failing_parse(*args, **kwargs):
        raise raised

    monkeypatch.setattr(api, "parse", failing_parse)
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == exit_code
    assert len(result.stderr.splitlines()) == 1
    record = batch.convert_one(batch.Task(str(path), str(tmp_path / "x.json"), batch.BatchOptions()))
    assert record["error"]["type"] == kind
