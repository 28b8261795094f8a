"""The settings object (`resparse.settings`): checked when made, read from a mapping, and passed down to the
rules that use it (a changed value changes what the stage decides)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factories import A4_HEIGHT, A4_WIDTH, BODY_SIZE, RIGHT, laid_out_page, line, text_block
from resparse import Settings, SettingsError
from resparse.cli import main
from resparse.layout import blocks as layout_blocks
from resparse.layout import lines as layout_lines
from resparse.layout import page as layout_page
from resparse.layout.blocks import build_blocks, join_lines
from resparse.layout.lines import build_lines
from resparse.layout.page import layout_pages
from resparse.model.document import Heading
from resparse.model.text import Char, PageChars
from resparse.settings import LayoutSettings, StructureSettings
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
    ({"layout": {"word_gap": 0.2}}, "unknown layout setting 'word_gap'"),
    ({"layout": {"organ_min_size": 12.0}}, "unknown layout setting 'organ_min_size'"),  # a structure setting
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


def settings_file(folder: Path, name: str, text: str) -> Path:
    """A settings file `name` holding `text`, in `folder`."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def headings_of(document: dict) -> list[str]:
    return [b["text"] for b in document["operative"] if b["type"] == "heading"]


@pytest.mark.parametrize(("name", "text"), [
    ("one.toml", "[structure]\nplain_heading_max_words = 1\n"),
    ("one.json", '{"structure": {"plain_heading_max_words": 1}}'),
    ("one.yaml", "structure:\n  plain_heading_max_words: 1\n"),
])
def test_extract_reads_the_settings_from_a_file_for_one_input_and_for_a_batch(tmp_path, name, text):
    settings = settings_file(tmp_path, name, text)
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
    settings = settings_file(tmp_path, "bad.toml", text)
    result = CliRunner().invoke(main, ["extract", str(SANCTIONS), "--settings", str(settings)])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
    assert result.output.count("Error:") == 1


# --- the layout section -------------------------------------------------------------------------------


def test_the_layout_defaults_are_the_values_the_parser_is_measured_with():
    assert Settings().to_dict()["layout"] == {
        "baseline_tolerance_ratio": 0.5, "same_line_tolerance_ratio": 0.25, "baseline_lookback": 3,
        "fragment_gap_ratio": 4.5, "word_gap_ratio": 0.17, "cjk_tab_gap_ratio": 0.5, "marker_size_ratio": 0.82,
        "marker_rise_ratio": 0.12, "marker_max_chars": 7,
        "header_band_ratio": 0.115, "footer_band_ratio": 0.12, "dashed_page_number_min_top_ratio": 0.75,
        "furniture_size_ratio": 0.93,
        "recurring_min_pages": 2, "recurring_min_chars": 4, "default_body_size": 10.0,
        "separator_max_x0_ratio": 0.35, "separator_max_width_ratio": 0.5, "separator_min_width": 20.0,
        "separator_min_top_ratio": 0.25, "trailing_notes_min_top_ratio": 0.6, "notes_top_margin": 0.5,
        "hanging_marker_max_gap_ratio": 12.0, "hanging_marker_max_rise_ratio": 0.6,
        "block_gap_ratio": 0.3, "plain_leading_ratio": 0.2, "pitch_min_count": 3, "pitch_min_share": 0.05,
        "pitch_max_ratio": 3.0, "size_change": 0.6, "short_heading_line_ratio": 0.5, "right_edge_quantile": 0.8,
        "short_last_line_slack": 15.0, "indent_min": 6.0, "hyphenated_word_max": 80,
    }
    assert list(Settings().to_dict()) == ["layout", "structure"]


@pytest.mark.parametrize("module", [layout_lines, layout_page, layout_blocks])
def test_the_layout_modules_hold_no_numbers_of_their_own(module):
    """Every tolerance of the layout stage is a setting: what stays module data is patterns and characters."""
    numbers = [name for name, value in vars(module).items()
               if name.isupper() and isinstance(value, int | float) and not isinstance(value, bool)]
    assert numbers == []


@pytest.mark.parametrize(("given", "message"), [
    ({"word_gap_ratio": -0.1}, "LayoutSettings.word_gap_ratio must be at least 0.0"),
    ({"header_band_ratio": 1.5}, "LayoutSettings.header_band_ratio must be between 0.0 and 1.0"),
    ({"right_edge_quantile": 1.01}, "LayoutSettings.right_edge_quantile must be between 0.0 and 1.0"),
    ({"marker_max_chars": 0}, "LayoutSettings.marker_max_chars must be at least 1"),
    ({"baseline_lookback": 2.5}, "LayoutSettings.baseline_lookback must be an integer"),
    ({"indent_min": "6"}, "LayoutSettings.indent_min must be a number"),
    ({"block_gap_ratio": float("inf")}, "LayoutSettings.block_gap_ratio must be at least 0.0"),
])
def test_a_layout_value_the_parser_cannot_use_is_refused(given, message):
    with pytest.raises(SettingsError, match=message.replace(".", r"\.")):
        LayoutSettings(**given)
    with pytest.raises(SettingsError, match=message.replace(".", r"\.")):
        Settings.from_dict({"layout": given})


def test_a_layout_section_is_read_from_a_mapping_and_written_back():
    s = Settings.from_dict({"layout": {"word_gap_ratio": 0.25, "marker_max_chars": 3},
                            "structure": {"organ_min_size": 12.0}})
    assert (s.layout.word_gap_ratio, s.layout.marker_max_chars, s.structure.organ_min_size) == (0.25, 3, 12.0)
    assert s.layout.block_gap_ratio == LayoutSettings().block_gap_ratio  # not named: the default
    data = s.to_dict()
    assert data["layout"]["word_gap_ratio"] == 0.25 and data["structure"]["organ_min_size"] == 12.0
    assert Settings.from_dict(data) == s
    assert Settings.from_dict(json.loads(json.dumps(data))) == s  # through a JSON file and back


def glyphs(text: str, x: float, bottom: float, size: float = BODY_SIZE, gap: float | None = None) -> list[Char]:
    """The glyphs of `text` from `x` on, each half an em wide; a space stands for a gap of `gap` points (an
    em's share of 0.2 unless given) with no glyph drawn in it, as PDF writers set words."""
    out = []
    for ch in text:
        if ch == " ":
            x += size * 0.2 if gap is None else gap
            continue
        out.append(Char(ch, x, x + size * 0.5, bottom - size, bottom, size, "TimesNewRomanPSMT"))
        x += size * 0.5
    return out


def test_the_word_gap_ratio_tells_a_word_space_from_the_gap_between_letters():
    page = PageChars(1, A4_WIDTH, A4_HEIGHT, glyphs("Decides to act", 72.0, 110.0), [])  # gaps of 0.2 em
    assert [ln.text for ln in build_lines(page)] == ["Decides to act"]
    assert [ln.text for ln in build_lines(page, LayoutSettings(word_gap_ratio=0.25))] == ["Decidestoact"]
    assert [ln.text for ln in build_lines(page, LayoutSettings(word_gap_ratio=0.15))] == ["Decides to act"]


def test_the_fragment_gap_ratio_tells_a_tab_from_two_halves_of_a_line():
    page = PageChars(1, A4_WIDTH, A4_HEIGHT, glyphs("1. Decides", 100.0, 110.0, gap=30.0), [])  # a 3-em tab
    assert [ln.text for ln in build_lines(page)] == ["1. Decides"]
    assert [ln.text for ln in build_lines(page, LayoutSettings(fragment_gap_ratio=2.0))] == ["1.", "Decides"]


def test_the_marker_ratios_tell_a_raised_footnote_marker():
    chars = glyphs("Recalling the Charter,", 72.0, 110.0) + [Char("1", 176.0, 179.5, 100.0, 106.5, 6.5, "T")]
    page = PageChars(1, A4_WIDTH, A4_HEIGHT, chars, [])
    [default] = build_lines(page)
    assert [(s.text, s.marker) for s in default.spans] == [("Recalling the Charter,", False), ("1", True)]
    raised_more = LayoutSettings(marker_rise_ratio=0.4)  # the "1" is raised 0.35 of the size: not enough
    [plain] = build_lines(page, raised_more)
    assert not any(s.marker for s in plain.spans) and plain.text == "Recalling the Charter,1"


PITCH = 12.0  # single spacing of 10-point text


def paragraph(texts: list[str], top: float) -> list:
    """A paragraph's lines from `top` on at single spacing, each full but the last."""
    return [line(t, top=top + i * PITCH, x1=RIGHT if i < len(texts) - 1 else None) for i, t in enumerate(texts)]


def test_the_block_gap_ratio_tells_the_space_between_paragraphs_from_line_spacing():
    first = paragraph(["Recalling its resolution 70/1 of 25 September 2015, entitled “Transforming our world:",
                       "the 2030 Agenda for Sustainable Development”, in which it adopted a comprehensive",
                       "set of universal and transformative Goals and targets,"], 100.0)
    second = paragraph(["Noting with appreciation the work of the Commission on Crime Prevention and",
                        "Criminal Justice in support of Member States,"], first[-1].top + PITCH + 6.0)
    page = laid_out_page(1, first + second)  # 6 points of extra space: 0.6 of the size
    assert len(build_blocks([page])) == 2
    assert len(build_blocks([page], LayoutSettings(block_gap_ratio=0.5))) == 2
    [one] = build_blocks([page], LayoutSettings(block_gap_ratio=0.7))
    assert one.text.startswith("Recalling") and one.text.endswith("Member States,")


def test_the_size_change_tells_a_heading_set_larger():
    heading = line("Follow-up and review", top=100.0, size=10.5)
    text = paragraph(["Requests the Secretary-General to report on the implementation of the present",
                      "resolution at its next session;"], 112.0)
    page = laid_out_page(1, [heading, *text])
    assert len(build_blocks([page])) == 1  # half a point larger: the same size
    assert [b.text for b in build_blocks([page], LayoutSettings(size_change=0.4))][0] == "Follow-up and review"


def test_the_header_band_ratio_tells_a_running_header_from_text():
    page2 = glyphs("S/2030/970", 72.0, 59.0, 8.5)  # top at 50.5 points: within the top 0.115 of the page
    page2 += glyphs("3. Demands the release of all hostages;", 72.0, 120.0)
    pages = [PageChars(1, A4_WIDTH, A4_HEIGHT, glyphs("1. Demands a ceasefire;", 72.0, 120.0), []),
             PageChars(2, A4_WIDTH, A4_HEIGHT, page2, [])]
    assert [ln.text for ln in layout_pages(pages)[1].furniture] == ["S/2030/970"]
    narrow = layout_pages(pages, LayoutSettings(header_band_ratio=0.05))[1]  # the band ends at 42 points
    assert narrow.furniture == [] and narrow.body[0].text == "S/2030/970"


def test_the_hyphenated_word_max_bounds_the_word_looked_for_at_a_line_end():
    lines = [line("the sustainable devel-", top=100.0), line("opment of all countries;", top=112.0)]
    assert join_lines(lines, {"development"})[0] == "the sustainable development of all countries;"
    short = LayoutSettings(hyphenated_word_max=4)  # only "el-" is seen: not a word of the vocabulary
    assert join_lines(lines, {"development"}, short)[0] == "the sustainable devel-opment of all countries;"


SC = Path(__file__).resolve().parents[1] / "samples" / "sc_resolution.pdf"
WIDE_WORD_GAP = {"layout": {"word_gap_ratio": 3.0}}  # no gap between words is a word space any more


def test_parse_passes_its_layout_settings_down():
    import resparse

    default = [u.text for u in resparse.parse(SC).operative]
    assert "Decides to extend the mandate of UNOMLA until 31 March 2026;" in default
    glued = [u.text for u in resparse.parse(SC, settings=Settings.from_dict(WIDE_WORD_GAP)).operative]
    assert "DecidestoextendthemandateofUNOMLAuntil31March2026;" in glued


def test_parse_passes_the_layout_settings_to_the_word_reader():
    import resparse
    from docx_factory import line_break, para, run, un_resolution

    data = un_resolution([para(run("1.\t"), run("Decides", i=True), run(" to act."), ind=1267),
                          para(run("I", b=True), line_break(),
                               run("Follow-up and review of the implementation of the programme of work", b=True)),
                          para(run("2.\t"), run("Requests", i=True), run(" a report."), ind=1267)])

    def headings(settings: Settings) -> list[str]:
        return [b.text for b in resparse.parse(data, settings=settings).operative if isinstance(b, Heading)]

    title = "Follow-up and review of the implementation of the programme of work"
    assert headings(Settings()) == ["I", title]  # a short bold line before a break is a heading of its own
    assert headings(Settings.from_dict({"layout": {"short_heading_line_ratio": 0.0}})) == [f"I {title}"]


def test_debug_and_inspect_use_the_layout_settings_they_are_given():
    from resparse.debug import debug_records
    from resparse.inspect import inspect_pdf

    glued = Settings.from_dict(WIDE_WORD_GAP)
    texts = [r["text"] for r in debug_records(SC, "lines", page=1)]
    assert "Decides to extend the mandate of UNOMLA until 31 March 2026;" in " ".join(texts)
    glued_texts = [r["text"] for r in debug_records(SC, "lines", page=1, settings=glued)]
    assert "DecidestoextendthemandateofUNOMLA" in " ".join(glued_texts)
    blocks = [r["text"] for r in debug_records(SC, "blocks", settings=glued)]
    assert any("DecidestoextendthemandateofUNOMLA" in t for t in blocks)
    wide_gap = Settings.from_dict({"layout": {"block_gap_ratio": 100.0}})  # no space parts two blocks
    assert len(list(debug_records(SC, "blocks", settings=wide_gap))) < len(list(debug_records(SC, "blocks")))
    assert [b for b in inspect_pdf(SC).boxes if b.kind == "marker"]
    no_markers = Settings.from_dict({"layout": {"marker_size_ratio": 0.1}})  # no glyph is that small
    assert not [b for b in inspect_pdf(SC, settings=no_markers).boxes if b.kind == "marker"]


def test_the_overlay_tells_marker_glyphs_with_the_layout_settings_it_is_given():
    from resparse.inspect import inspect_pdf, overlay_boxes

    trace = inspect_pdf(SC).trace
    assert [b for b in overlay_boxes(trace) if b.kind == "marker"]
    smaller = LayoutSettings(marker_size_ratio=0.1)  # the markers the parse found are no glyphs that small
    assert not [b for b in overlay_boxes(trace, smaller) if b.kind == "marker"]


@pytest.mark.parametrize(("name", "text"), [
    ("glued.toml", "[layout]\nword_gap_ratio = 3.0\n\n[structure]\nplain_heading_max_words = 1\n"),
    ("glued.json", '{"layout": {"word_gap_ratio": 3.0}, "structure": {"plain_heading_max_words": 1}}'),
    ("glued.yaml", "layout:\n  word_gap_ratio: 3.0\nstructure:\n  plain_heading_max_words: 1\n"),
])
def test_extract_reads_a_layout_section_from_a_settings_file(tmp_path, name, text):
    settings = settings_file(tmp_path, name, text)
    default = CliRunner().invoke(main, ["extract", str(SC)])
    assert default.exit_code == 0
    assert "Decides to extend the mandate of UNOMLA until 31 March 2026;" in [
        u["text"] for u in json.loads(default.output)["operative"]]
    result = CliRunner().invoke(main, ["extract", str(SC), "--settings", str(settings)])
    assert result.exit_code == 0
    assert "DecidestoextendthemandateofUNOMLAuntil31March2026;" in [
        u["text"] for u in json.loads(result.output)["operative"]]


def test_debug_reads_a_settings_file_and_refuses_one_it_cannot_use(tmp_path):
    good, bad = tmp_path / "glued.toml", tmp_path / "bad.toml"
    good.write_text("[layout]\nword_gap_ratio = 3.0\n", encoding="utf-8")
    bad.write_text("[layout]\nheader_band_ratio = 2.0\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["debug", str(SC), "-s", "lines", "-p", "1", "--settings", str(good)])
    assert result.exit_code == 0
    assert "DecidestoextendthemandateofUNOMLA" in " ".join(json.loads(r)["text"] for r in result.output.splitlines())
    refused = CliRunner().invoke(main, ["debug", str(SC), "-s", "lines", "--settings", str(bad)])
    assert refused.exit_code == 2 and "header_band_ratio must be between 0.0 and 1.0" in refused.output
    assert "Traceback" not in refused.output
