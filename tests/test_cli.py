"""The `resparse` command: stdout carries data only, errors are one stderr line and a documented exit code."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest
import yaml
from click.testing import CliRunner

from conftest import one_error_line
from factories import install_fake_builder, minimal_document, sample_document, text_pdf
from resparse import SCHEMA_VERSION, __version__
from resparse.cli import main
from resparse.errors import EXIT_CODES, Internal
from resparse.schema import load_schema, validate
from resparse.writers import get_writer


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture
def pdf(tmp_path):
    path = tmp_path / "A_RES_99_1.pdf"
    path.write_bytes(text_pdf(pages=2, lines=3))
    return path


@pytest.fixture
def builder(monkeypatch):
    return install_fake_builder(monkeypatch)


# --- resparse schema / --version / --help -------------------------------------------------------------

def test_schema_prints_the_packaged_schema():
    result = run("schema")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert json.loads(result.stdout) == load_schema()


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.stdout


def test_help_lists_the_exit_codes():
    result = run("--help")
    assert result.exit_code == 0
    for name, code in EXIT_CODES.items():
        assert f"{code:<4} {name}" in result.stdout


def test_python_dash_m_runs_the_command():
    proc = subprocess.run([sys.executable, "-m", "resparse", "schema"], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0 and proc.stderr == ""
    assert json.loads(proc.stdout) == load_schema()


# --- resparse extract: success --------------------------------------------------------------------------

def test_extract_writes_valid_json_to_stdout(pdf, builder):
    result = run("extract", str(pdf))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert validate(data) == []
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert data["source"] == {"file": "A_RES_99_1.pdf", "sha256": digest, "pages": 2, "format": "pdf",
                              "engine": "pdfium"}
    assert data == sample_document(file="A_RES_99_1.pdf", sha256=data["source"]["sha256"], pages=2).to_dict()
    assert result.stdout == get_writer("json").dumps(data)
    pages, source = builder[0]
    assert len(pages) == 2 and source.pages == 2


def test_extract_yaml_is_the_same_tree(pdf, builder):
    as_json = json.loads(run("extract", str(pdf)).stdout)
    result = run("extract", str(pdf), "--format", "yaml")
    assert result.exit_code == 0
    assert yaml.safe_load(result.stdout) == as_json
    assert run("extract", str(pdf), "-f", "yaml").stdout == result.stdout


def test_extract_compact(pdf, builder):
    result = run("extract", str(pdf), "--compact")
    assert result.exit_code == 0
    assert result.stdout.count("\n") == 1
    assert json.loads(result.stdout) == json.loads(run("extract", str(pdf)).stdout)


def test_compact_yaml_is_a_usage_error(pdf, builder):
    result = run("extract", str(pdf), "--compact", "--format", "yaml")
    assert result.exit_code == EXIT_CODES["usage"]
    assert result.stdout == "" and "--compact" in result.stderr


def test_unknown_format_is_a_usage_error(pdf, builder):
    result = run("extract", str(pdf), "--format", "xml")
    assert result.exit_code == 2 and result.stdout == ""


def test_extract_reads_stdin(pdf, builder):
    result = run("extract", "-", input=pdf.read_bytes())
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["source"]["file"] == "<stdin>"
    assert data["source"]["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()


def test_extract_to_a_file(pdf, builder, tmp_path):
    out = tmp_path / "out.yaml"
    result = run("extract", str(pdf), "-f", "yaml", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["metadata"]["symbol"] == "A/RES/99/1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["A_RES_99_1.pdf", "out.yaml"]  # no temporaries


def test_extract_replaces_an_existing_output(pdf, builder, tmp_path):
    out = tmp_path / "out.json"
    out.write_text("old")
    assert run("extract", str(pdf), "--output", str(out)).exit_code == 0
    assert json.loads(out.read_text())["schema_version"] == SCHEMA_VERSION


def test_dash_output_is_stdout(pdf, builder):
    result = run("extract", str(pdf), "-o", "-")
    assert result.exit_code == 0 and json.loads(result.stdout)["schema_version"] == SCHEMA_VERSION


def test_an_unwritable_output_is_one_line(pdf, builder, tmp_path):
    out = tmp_path / "missing" / "out.json"
    result = run("extract", str(pdf), "-o", str(out))
    assert result.exit_code == EXIT_CODES["usage"]
    line = one_error_line(result, str(out))
    assert "cannot write" in line
    assert not (tmp_path / "missing").exists()


# --- resparse extract: input that cannot be read ----------------------------------------------------------

def test_a_missing_file_is_one_line(tmp_path):
    missing = tmp_path / "missing.pdf"
    result = run("extract", str(missing))
    assert result.exit_code == EXIT_CODES["usage"]
    assert "No such file" in one_error_line(result, str(missing))


def test_a_folder_is_one_line(tmp_path):
    result = run("extract", str(tmp_path))
    assert result.exit_code == EXIT_CODES["usage"]
    one_error_line(result, str(tmp_path))


# --- resparse extract: bugs in resparse are reported as such ----------------------------------------------

def test_a_document_that_breaks_the_schema_is_an_internal_error(pdf, monkeypatch):
    def broken(pages, source):
        doc = minimal_document()
        doc.operative = sample_document().operative
        doc.operative[0].number = "1."
        return doc

    install_fake_builder(monkeypatch, broken)
    result = run("extract", str(pdf))
    assert result.exit_code == Internal.exit_code == 70
    line = one_error_line(result, str(pdf))
    assert "internal error" in line and "operative[0].number" in line
    assert "this is a bug in resparse; please report it with the file" in line

    debug = run("extract", str(pdf), "--debug")
    assert debug.exit_code == 70 and debug.stdout == ""
    assert "  operative[0].number: '1.' does not match" in debug.stderr


def test_nothing_is_written_to_the_output_file_when_the_schema_is_broken(pdf, monkeypatch, tmp_path):
    def broken(pages, source):
        doc = minimal_document()
        doc.metadata.document_type = "report"
        return doc

    install_fake_builder(monkeypatch, broken)
    out = tmp_path / "out.json"
    assert run("extract", str(pdf), "-o", str(out)).exit_code == 70
    assert not out.exists()


def test_a_crash_is_one_line_without_traceback(pdf, monkeypatch):
    def crash(pages, source):
        raise ZeroDivisionError("division by zero\nsecond line")

    install_fake_builder(monkeypatch, crash)
    result = run("extract", str(pdf))
    assert result.exit_code == 70
    line = one_error_line(result, str(pdf))
    assert "ZeroDivisionError: division by zero second line" in line
    assert line.endswith("this is a bug in resparse; please report it with the file")

    debug = run("extract", str(pdf), "--debug")
    assert debug.exit_code == 70 and debug.stdout == ""
    assert debug.stderr.startswith(line + "\n")
    assert "Traceback (most recent call last)" in debug.stderr
    assert "ZeroDivisionError: division by zero" in debug.stderr


def test_an_oserror_inside_resparse_is_internal_not_unreadable_input(pdf, monkeypatch):
    def missing_data(pages, source):
        raise FileNotFoundError(2, "No such file or directory", "/site-packages/resparse/data/x.txt")

    install_fake_builder(monkeypatch, missing_data)
    result = run("extract", str(pdf))
    assert result.exit_code == 70
    assert "this is a bug" in one_error_line(result, str(pdf))


def test_interrupt_exits_130(pdf, monkeypatch):
    def interrupted(pages, source):
        raise KeyboardInterrupt

    install_fake_builder(monkeypatch, interrupted)
    result = run("extract", str(pdf))
    assert result.exit_code == EXIT_CODES["interrupted"] == 130
    assert result.stdout == ""


# --- resparse validate ----------------------------------------------------------------------------------

@pytest.fixture
def outputs(tmp_path):
    good = sample_document()
    bad = sample_document().to_dict()
    bad["operative"][1]["items"][0]["number"] = 1
    bad["footnotes"][0]["ref"] = "pp_9"
    files = {
        "good.json": get_writer("json").dumps(good),
        "good.yaml": get_writer("yaml").dumps(good),
        "compact.json": get_writer("json", compact=True).dumps(good),
        "bad.json": json.dumps(bad),
        "bad.yml": yaml.safe_dump(bad),
        "not_json.json": "{not json",
        "not_yaml.yaml": "a: [unclosed\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_validate_valid_files(outputs):
    result = run("validate", *(str(outputs / n) for n in ("good.json", "good.yaml", "compact.json")))
    assert result.exit_code == 0
    assert result.stdout == "" and result.stderr == ""


def test_validate_names_each_violation(outputs):
    bad = str(outputs / "bad.json")
    result = run("validate", str(outputs / "good.json"), bad)
    assert result.exit_code == EXIT_CODES["failed"] == 1
    assert result.stdout.splitlines() == [
        f"{bad}: operative[1].items[0].number: 1 is not of type 'string'",
    ]


def test_validate_checks_references_once_the_schema_holds(outputs):
    bad = outputs / "bad.yml"
    data = yaml.safe_load(bad.read_text())
    data["operative"][1]["items"][0]["number"] = "(a)"
    bad.write_text(yaml.safe_dump(data))
    result = run("validate", str(bad))
    assert result.exit_code == 1
    assert result.stdout == f"{bad}: footnotes[0].ref: 'pp_9' is not the id of any unit\n"


def test_validate_unparseable_and_missing_files(outputs):
    paths = [str(outputs / n) for n in ("not_json.json", "not_yaml.yaml", "missing.json", "bad.json")]
    result = run("validate", *paths)
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert len(errors) == 3
    assert errors[0].startswith(f"resparse: error: {paths[0]}: not valid JSON")
    assert errors[1].startswith(f"resparse: error: {paths[1]}: neither valid JSON nor valid YAML")
    assert errors[2].startswith(f"resparse: error: {paths[2]}: cannot read the file")
    assert result.stdout.startswith(f"{paths[3]}: ")  # the readable file is still checked


def test_validate_stdin(outputs):
    result = run("validate", "-", input=(outputs / "good.yaml").read_bytes())
    assert result.exit_code == 0
    result = run("validate", "-", input=(outputs / "bad.json").read_bytes())
    assert result.exit_code == 1 and result.stdout.startswith("<stdin>: operative[1].items[0].number: ")


def test_validate_a_yaml_date_that_lost_its_quotes(tmp_path):
    path = tmp_path / "hand_edited.yaml"
    text = get_writer("yaml").dumps(sample_document()).replace("date: '2044-10-12'", "date: 2044-10-12")
    path.write_text(text, encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{path}: metadata.date: datetime.date(2044, 10, 12) is not of type")


def test_validate_needs_a_file():
    assert run("validate").exit_code == 2


# --- end to end with the real parser, once it exists ------------------------------------------------------

def test_extract_end_to_end_with_the_real_parser(pdf):
    pytest.importorskip("resparse.structure.builder")
    result = run("extract", str(pdf))
    assert result.exit_code == 0, result.stderr
    assert validate(json.loads(result.stdout)) == []
