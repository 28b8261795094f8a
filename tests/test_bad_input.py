"""Bad input end to end: each kind gives its typed error, one stderr line naming the file, its exit code,
and nothing on stdout. All inputs are made here (tmp_path), from a small reportlab PDF.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

import resparse
from factories import (
    encrypted_pdf,
    flipped_content_stream,
    flipped_structure,
    garbled_middle,
    install_fake_builder,
    random_flips,
    rect_pdf,
    text_pdf,
    truncated,
)
from resparse.cli import main
from resparse.errors import (
    ERRORS,
    EXIT_CODES,
    Corrupt,
    Empty,
    Encrypted,
    NotAPdf,
    NoTextLayer,
    ResparseError,
    TooLarge,
)
from resparse.model.document import Document


def _aes(data: bytes) -> bytes:
    pytest.importorskip("cryptography")  # pypdf needs it for AES
    return encrypted_pdf(data, algorithm="AES-256")


# name → (make bytes, expected error)
CASES = {
    "empty": (lambda: b"", Empty),
    "blank": (lambda: b" \n\t\n", Empty),
    "text_named_pdf": (lambda: b"This is a plain text file, not a PDF.\n", NotAPdf),
    "html_named_pdf": (lambda: b"<!DOCTYPE html><html><body>404 Not Found</body></html>", NotAPdf),
    "truncated_quarter": (lambda: truncated(text_pdf(), 0.25), Corrupt),
    "truncated_half": (lambda: truncated(text_pdf(), 0.5), Corrupt),
    "truncated_three_quarters": (lambda: truncated(text_pdf(), 0.75), Corrupt),
    "truncated_before_trailer": (lambda: truncated(text_pdf(), 0.9), Corrupt),
    "header_only": (lambda: b"%PDF-1.4\n", Corrupt),
    "flipped_structure": (lambda: flipped_structure(text_pdf()), Corrupt),
    "flipped_content_stream": (lambda: flipped_content_stream(text_pdf()), Corrupt),
    "encrypted_rc4": (lambda: encrypted_pdf(text_pdf()), Encrypted),
    "encrypted_aes256": (lambda: _aes(text_pdf()), Encrypted),
    "no_text_layer": (rect_pdf, NoTextLayer),
}


@pytest.fixture(params=sorted(CASES))
def bad(request, tmp_path):
    make, error = CASES[request.param]
    path = tmp_path / f"{request.param}.pdf"
    path.write_bytes(make())
    return path, error


def test_documented_exit_codes():
    assert EXIT_CODES == {
        "ok": 0, "failed": 1, "usage": 2, "not_pdf": 3, "corrupt": 4, "encrypted": 5, "no_text_layer": 6,
        "empty": 7, "too_large": 8, "timeout": 9, "not_supported": 10, "internal": 70, "interrupted": 130,
    }
    assert len(set(EXIT_CODES.values())) == len(EXIT_CODES)
    for error in ERRORS:
        assert EXIT_CODES[error.code] == error.exit_code


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_parse_raises_the_typed_error(bad, engine):
    path, error = bad
    with pytest.raises(error) as caught:
        resparse.parse(path, engine=engine)
    assert type(caught.value) is error
    assert caught.value.source == str(path)
    assert "\n" not in str(caught.value)


def test_parse_of_bytes_raises_the_typed_error(bad):
    path, error = bad
    with pytest.raises(error) as caught:
        resparse.parse(path.read_bytes(), name="upload.pdf")
    assert caught.value.source == "upload.pdf"


def test_cli_prints_one_line_and_exits_with_the_code(bad):
    path, error = bad
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == error.exit_code, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"resparse: error: {path}: ")
    assert "Traceback" not in result.stderr


def test_cli_leaves_an_existing_output_file_alone(bad, tmp_path):
    path, error = bad
    out = tmp_path / "out.json"
    out.write_text("previous result\n")
    result = CliRunner().invoke(main, ["extract", str(path), "-o", str(out)])
    assert result.exit_code == error.exit_code
    assert out.read_text() == "previous result\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, "out.json"])


def test_cli_reads_bad_input_from_stdin(bad):
    path, error = bad
    result = CliRunner().invoke(main, ["extract", "-"], input=path.read_bytes())
    assert result.exit_code == error.exit_code
    assert result.stdout == ""
    assert result.stderr.startswith("resparse: error: <stdin>: ") and result.stderr.count("\n") == 1


def test_a_real_process_prints_exactly_one_line(bad):
    """In a real process nothing else reaches stderr: no pdfminer log records, no Python warnings."""
    path, error = bad
    proc = subprocess.run([sys.executable, "-m", "resparse", "extract", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == error.exit_code, proc.stderr
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith(f"resparse: error: {path}: "), proc.stderr


def test_messages_say_what_is_wrong(tmp_path):
    def message(data: bytes) -> str:
        with pytest.raises(ResparseError) as caught:
            resparse.parse(data, name="x.pdf")
        return str(caught.value)

    assert message(b"") == "x.pdf: the file is empty"
    assert "not a PDF" in message(b"hello")
    assert "damaged PDF" in message(truncated(text_pdf(), 0.5))
    assert "encrypted" in message(encrypted_pdf(text_pdf()))
    assert "OCR" in message(rect_pdf())


def test_flipped_bytes_never_escape_as_an_untyped_error(monkeypatch):
    """Random damage gives a typed error or a document, never another exception."""
    install_fake_builder(monkeypatch)
    good = text_pdf(pages=2, lines=3)
    seen = set()
    for seed in range(40):
        try:
            doc = resparse.parse(random_flips(good, seed), name=f"flip{seed}.pdf")
        except ResparseError as e:
            assert e.code in EXIT_CODES, e
            seen.add(e.code)
        else:
            assert isinstance(doc, Document)
            seen.add("ok")
    assert "corrupt" in seen


def test_a_pdf_with_only_an_owner_password_opens(monkeypatch):
    """Encryption with an empty user password (print/copy restrictions only) is readable: not an error."""
    calls = install_fake_builder(monkeypatch)
    data = encrypted_pdf(text_pdf(pages=1), user_password="", owner_password="owner")
    doc = resparse.parse(data, name="restricted.pdf")
    assert doc.source.pages == 1
    pages, _ = calls[0]
    assert "Noting with appreciation" in " ".join(ln.text for ln in pages[0].body)


def test_too_large_by_bytes_and_by_pages(tmp_path):
    path = tmp_path / "big.pdf"
    path.write_bytes(text_pdf(pages=3))
    with pytest.raises(TooLarge, match="bytes"):
        resparse.parse(path, max_bytes=100)
    with pytest.raises(TooLarge, match="bytes"):
        resparse.parse(path.read_bytes(), max_bytes=100)
    with pytest.raises(TooLarge, match="3 pages"):
        resparse.parse(path, max_pages=2)


def test_a_truncated_pdf_that_still_has_its_pages_is_read(monkeypatch):
    """Only the %%EOF line missing: pdfminer recovers, and the document is read (no false alarm)."""
    install_fake_builder(monkeypatch)
    data = text_pdf()
    doc = resparse.parse(data[: data.rindex(b"%%EOF")], name="no_eof.pdf")
    assert doc.source.pages == 2


def test_library_log_records_never_reach_stderr(tmp_path):
    """pdfminer logs warnings on this file; the user still sees one line (all of them with --debug)."""
    path = tmp_path / "garbled.pdf"
    path.write_bytes(garbled_middle(text_pdf()))
    command = [sys.executable, "-m", "resparse", "extract", "--engine", "pdfplumber", str(path)]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert proc.returncode in (Corrupt.exit_code, NoTextLayer.exit_code), proc.stderr
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith(f"resparse: error: {path}: "), proc.stderr
    debug = subprocess.run([*command, "--debug"], capture_output=True, text=True, timeout=120)
    assert debug.returncode == proc.returncode
    assert "pdfminer" in debug.stderr and debug.stderr.count("\n") > 1


def test_garbled_page_content_is_corrupt_not_a_scan():
    with pytest.raises(Corrupt):
        resparse.parse(garbled_middle(text_pdf()), name="garbled.pdf")
