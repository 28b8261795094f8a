"""The settings object (`resparse.settings`): checked when made, read from a mapping, and passed down to the
rules that use it (a changed value changes what the stage decides)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factories import A4_HEIGHT, BODY_SIZE, line, text_block
from resparse import Settings, SettingsError
from resparse.model.document import Heading
from resparse.settings import StructureSettings
from resparse.structure.body import build_body
from resparse.structure.masthead import read_masthead


def test_the_defaults_are_the_measured_values():
    s = Settings().structure
    assert (s.organ_min_size, s.formula_max_words, s.title_size_ratio, s.symbol_zone_ratio) == (13.0, 30, 1.08, 0.3)


@pytest.mark.parametrize(("given", "message"), [
    ({"organ_min_size": -1.0}, "StructureSettings.organ_min_size must be at least 0.0"),
    ({"symbol_zone_ratio": 1.5}, "StructureSettings.symbol_zone_ratio must be between 0.0 and 1.0"),
    ({"formula_max_words": 0}, "StructureSettings.formula_max_words must be at least 1"),
    ({"formula_max_words": 2.5}, "StructureSettings.formula_max_words must be an integer"),
    ({"organ_min_size": "13"}, "StructureSettings.organ_min_size must be a number"),
    ({"organ_min_size": True}, "StructureSettings.organ_min_size must be a number"),
    ({"title_min_top": float("nan")}, "StructureSettings.title_min_top must be at least 0.0"),
])
def test_a_value_the_parser_cannot_use_is_refused_when_the_settings_are_made(given, message):
    with pytest.raises(SettingsError, match=message.replace(".", r"\.")):
        StructureSettings(**given)


def test_from_dict_replaces_what_it_names_and_keeps_the_other_defaults():
    s = Settings.from_dict({"structure": {"organ_min_size": 12, "plain_heading_max_words": 2}})
    assert s.structure.organ_min_size == 12 and s.structure.plain_heading_max_words == 2
    assert s.structure.formula_max_words == Settings().structure.formula_max_words
    assert Settings.from_dict(Settings().to_dict()) == Settings()


@pytest.mark.parametrize(("data", "message"), [
    ({"layuot": {}}, "unknown settings section 'layuot'"),
    ({"structure": {"organ_size": 12.0}}, "unknown structure setting 'organ_size'"),
])
def test_from_dict_refuses_a_name_it_does_not_know(data, message):
    with pytest.raises(SettingsError, match=message):
        Settings.from_dict(data)


def test_the_body_rules_read_the_settings_they_are_given():
    blocks = [text_block("Recalling its resolutions,", lead="Recalling"), text_block("1. Decides to act;"),
              text_block("Reporting and follow-up"), text_block("2. Requests a report.")]
    default = build_body(blocks, set(), set(), True, BODY_SIZE)
    assert [b.text for b in default.operative if isinstance(b, Heading)] == ["Reporting and follow-up"]
    strict = StructureSettings(plain_heading_max_words=2)
    tight = build_body(blocks, set(), set(), True, BODY_SIZE, strict)
    assert not any(isinstance(b, Heading) for b in tight.operative)


def test_the_masthead_reader_reads_the_settings_it_is_given():
    head = [line("United Nations", top=48.0, x0=72.0, size=12.0, bold=True),
            line("A/RES/80/1", top=48.0, x0=400.0, size=12.0),
            line("Economic Commission for Africa", top=70.0, x0=72.0, size=14.0, bold=True)]
    assert read_masthead(head, [], A4_HEIGHT, "").body == "Economic Commission for Africa"
    larger = StructureSettings(organ_min_size=16.0)  # the organ's name is no longer large type
    assert read_masthead(head, [], A4_HEIGHT, "", larger).body is None


def test_parse_passes_its_settings_down_to_the_structure_stage():
    import resparse

    sample = Path(__file__).resolve().parents[1] / "samples" / "sc_sanctions_resolution.pdf"
    headings = [b.text for b in resparse.parse(sample).operative if isinstance(b, Heading)]
    assert headings == ["Designation criteria", "Reporting"]  # the sample's two unbolded headings
    one_word = Settings.from_dict({"structure": {"plain_heading_max_words": 1}})
    assert [b.text for b in resparse.parse(sample, settings=one_word).operative
            if isinstance(b, Heading)] == ["Reporting"]


SANCTIONS = Path(__file__).resolve().parents[1] / "samples" / "sc_sanctions_resolution.pdf"


def headings_of(document: dict) -> list[str]:
    return [b["text"] for b in document["operative"] if b["type"] == "heading"]


@pytest.mark.parametrize(("name", "text"), [
    ("one.toml", "[structure]\nplain_heading_max_words = 1\n"),
    ("one.json", '{"structure": {"plain_heading_max_words": 1}}'),
    ("one.yaml", "structure:\n  plain_heading_max_words: 1\n"),
])
def test_extract_reads_the_settings_from_a_file_for_one_input_and_for_a_batch(tmp_path, name, text):
    from click.testing import CliRunner

    from resparse.cli import main

    settings = tmp_path / name
    settings.write_text(text, encoding="utf-8")
    one = CliRunner().invoke(main, ["extract", str(SANCTIONS), "--settings", str(settings)])
    assert one.exit_code == 0 and headings_of(json.loads(one.output)) == ["Reporting"]
    many = CliRunner().invoke(main, ["extract", str(SANCTIONS), str(SANCTIONS.with_name("sc_resolution.pdf")),
                                     "--out-dir", str(tmp_path / "out"), "--settings", str(settings), "-q",
                                     "--jobs", "1"])
    assert many.exit_code == 0
    [written] = [p for p in (tmp_path / "out").rglob("sc_sanctions_resolution.json")]
    assert headings_of(json.loads(written.read_text(encoding="utf-8"))) == ["Reporting"]


@pytest.mark.parametrize(("text", "message"), [
    ("[structure]\nformula_max_words = 0\n", "formula_max_words must be at least 1"),
    ("[structure]\nformula_words = 3\n", "unknown structure setting 'formula_words'"),
    ("[structure\n", "bad.toml:"),
])
def test_a_settings_file_the_parser_cannot_use_is_a_usage_error_naming_it(tmp_path, text, message):
    from click.testing import CliRunner

    from resparse.cli import main

    settings = tmp_path / "bad.toml"
    settings.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(SANCTIONS), "--settings", str(settings)])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
    assert result.output.count("Error:") == 1
