"""Shared fixtures: the read-only corpus at `../shared` beside the repository.

Tests that need it take one of the fixtures below and are skipped, with the missing path as the reason,
when the directory is absent (a clone without `../shared`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _existing_dir(path: Path) -> Path:
    if not path.is_dir():
        pytest.skip(f"{path} is absent (the shared corpus is not beside the repository)")
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """`<repo>/../shared`."""
    return _existing_dir(SHARED)


@pytest.fixture(scope="session")
def corpus_pdf_dir(shared_dir: Path) -> Path:
    """`../shared/corpus/pdf`: the annotated UN PDFs."""
    return _existing_dir(shared_dir / "corpus" / "pdf")


@pytest.fixture(scope="session")
def corpus_extra_dir(shared_dir: Path) -> Path:
    """`../shared/corpus/extra`: more UN files without annotations (PDF, DOCX, scans, other languages)."""
    return _existing_dir(shared_dir / "corpus" / "extra")


@pytest.fixture(scope="session")
def corpus_word_pdf_dir(shared_dir: Path) -> Path:
    """`../shared/corpus/word/pdf`: the UN's Word files printed to PDF by another program."""
    return _existing_dir(shared_dir / "corpus" / "word" / "pdf")


@pytest.fixture(scope="session")
def corpus_word_docx_dir(shared_dir: Path) -> Path:
    """`../shared/corpus/word/docx`: the UN's Word files themselves (the sources of `word/pdf`)."""
    return _existing_dir(shared_dir / "corpus" / "word" / "docx")


def one_error_line(result, name: str) -> str:
    """The single stderr line of a CLI result that failed on `name`, with nothing on stdout."""
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"resparse: error: {name}: "), lines[0]
    return lines[0]
