"""The shared corpus end to end, one test per file (skipped when `../shared` is absent).

- `corpus/pdf`: every annotated UN PDF parses and its output is valid against the schema. (How right the
  output is, is measured by `../shared/tools/score`, not here.)
- `corpus/extra`: every other file (reports, letters, scans without text, other languages, DOCX) is either
  parsed into a schema-valid document or refused with a typed `ResparseError` that is not `internal`;
  no other exception escapes `resparse.parse`. A DOCX is read as a Word file.

Each file is parsed once; the whole module takes a few minutes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import resparse
from resparse.errors import ResparseError
from resparse.schema import validate

SHARED = Path(__file__).resolve().parents[2] / "shared"
MAX_REPORTED_ISSUES = 20


def _file_names(subdir: str) -> list:
    """The names of the files in `../shared/corpus/<subdir>`, or one skipped case when it is absent."""
    directory = SHARED / "corpus" / subdir
    if not directory.is_dir():
        return [pytest.param("", id="absent", marks=pytest.mark.skip(reason=f"{directory} is absent"))]
    return sorted(p.name for p in directory.iterdir() if p.is_file() and not p.name.startswith("."))


def _assert_schema_valid(doc: resparse.Document, name: str) -> None:
    issues = validate(doc.to_dict())
    shown = "\n".join(f"  {issue}" for issue in issues[:MAX_REPORTED_ISSUES])
    hidden = len(issues) - MAX_REPORTED_ISSUES
    more = f"\n  ... and {hidden} more" if hidden > 0 else ""
    assert not issues, f"{name}: the output violates the schema ({len(issues)} issues):\n{shown}{more}"


@pytest.mark.parametrize("name", _file_names("pdf"))
def test_annotated_pdf_parses_to_a_schema_valid_document(name: str, corpus_pdf_dir: Path):
    path = corpus_pdf_dir / name
    doc = resparse.parse(path)
    assert doc.source.file == name
    _assert_schema_valid(doc, name)


@pytest.mark.parametrize("name", _file_names("extra"))
def test_extra_file_parses_or_gives_a_typed_error(name: str, corpus_extra_dir: Path):
    path = corpus_extra_dir / name
    try:
        doc = resparse.parse(path)
    except ResparseError as error:
        assert error.code != "internal", f"{name}: internal error: {error}"
        assert name in str(error), f"the error message does not name the file: {error}"
        if path.suffix.lower() == ".docx":
            # A Word file is read as one: refused only for what it holds, never as "not a PDF".
            assert error.code != "not_pdf", f"{name}: a Word file was taken for a PDF: {error}"
        return
    if path.suffix.lower() == ".docx":
        assert doc.source.format == "docx", f"{name}: a DOCX file was parsed as a PDF"
    _assert_schema_valid(doc, name)
