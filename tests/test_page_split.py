"""Page split (`layout.page.layout_pages`): which lines of a page are furniture, on synthetic glyphs."""

from __future__ import annotations

from resparse.layout.page import layout_pages
from resparse.model.text import Char, PageChars

A4 = (595.0, 842.0)


def glyphs(text: str, x: float, bottom: float, size: float) -> list[Char]:
    chars = []
    for ch in text:
        if ch != " ":
            chars.append(Char(ch, x, x + size * 0.5, bottom - size, bottom, size, "TimesNewRomanPSMT"))
        x += size * 0.5
    return chars


def lines_at(texts: list[str], top: float, size: float, pitch: float) -> list[Char]:
    return [c for i, t in enumerate(texts) for c in glyphs(t, 123.0, top + size + i * pitch, size)]


SPONSORS = ["Algeria, Bahrain, Comoros, Djibouti, Egypt, Iraq, Jordan, Kuwait, Lebanon, Libya,"] * 14


def test_text_at_the_top_of_a_later_page_is_body_when_a_sponsor_list_outweighs_the_text():
    # A short Security Council draft: page 1 is mostly its sponsor list in 12-point type, so more of the
    # document is set at 12 points than at the text's 10; the text carried over to the top of page 2 is
    # not furniture, the running symbol above it is.
    page1 = lines_at(SPONSORS, 150.0, 12.0, 13.5) + lines_at(["1. Demands a ceasefire;"], 400.0, 10.0, 12.0)
    page2 = glyphs("S/2030/970", 60.0, 59.0, 8.5)
    page2 += lines_at(["3. Demands the release of all hostages, as well", "as humanitarian access;",
                       "4. Requests the Secretary-General to report to the Council on an urgent and",
                       "continuing basis on the state of implementation of the present resolution;",
                       "5. Decides to remain seized of the matter."], 72.0, 10.0, 12.0)
    pages = layout_pages([PageChars(1, *A4, page1, []), PageChars(2, *A4, page2, [])])
    assert [ln.text for ln in pages[1].furniture] == ["S/2030/970"]
    assert [ln.text for ln in pages[1].body][:2] == ["3. Demands the release of all hostages, as well",
                                                      "as humanitarian access;"]
