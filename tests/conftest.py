"""Shared fixtures: the read-only corpus at `../shared` beside the repository.

Tests that need it take one of the fixtures below and are skipped, with the missing path as the reason,
when the directory is absent (a clone without `../shared`).
"""

from __future__ import annotations

import json
import subprocess
import sys
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


@pytest.fixture(scope="session")
def ml_outputs(shared_dir: Path, tmp_path_factory) -> dict[str, dict[str, dict]]:
    """`../shared/corpus/ml/pdf` converted once (a batch, as a user runs it): the JSON of each resolution by
    its name and language code (`E_RES_2021_7` → `fr` → document)."""
    pdfs = _existing_dir(shared_dir / "corpus" / "ml" / "pdf")
    out = tmp_path_factory.mktemp("ml")
    subprocess.run([sys.executable, "-m", "resparse", "extract", str(pdfs), "--glob", "*.pdf", "--out-dir", str(out),
                    "-q", "-j", "2"], check=True)
    groups: dict[str, dict[str, dict]] = {}
    for path in sorted(out.rglob("*.json")):
        name, _, code = path.stem.rpartition("_")
        groups.setdefault(name, {})[code] = json.loads(path.read_text(encoding="utf-8"))
    return groups
