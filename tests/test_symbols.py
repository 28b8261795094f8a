"""One grammar for document symbols: the masthead reader and the citation finder agree on what a symbol is
and on its canonical form, so that `metadata.symbol` and a citation's `target` match for one document."""

from __future__ import annotations

import pytest

from resparse.citations.find import canonical_symbol, find_citations
from resparse.model.text import Line, Span
from resparse.structure.masthead import find_symbols

PAGE_HEIGHT = 842.0


def masthead(*texts: str) -> list[Line]:
    """Lines at the top right of page 1, one under the other, as a masthead prints the symbol."""
    return [Line([Span(t)], x0=420.0, x1=550.0, top=40.0 + 12 * i, bottom=50.0 + 12 * i, size=10.0, page=1)
            for i, t in enumerate(texts)]


@pytest.mark.parametrize(("printed", "symbol"), [
    ("S/RES/2786(2025)", "S/RES/2786 (2025)"),
    ("S/RES/2786 (2025)", "S/RES/2786 (2025)"),
    ("A/RES/68/247 B", "A/RES/68/247 B"),
    ("A/78/L.102*", "A/78/L.102"),
    ("A/54/L.74/ADD.1", "A/54/L.74/Add.1"),
    ("TD/B/WP(XXXV)/MISC.1/REV.1", "TD/B/WP(XXXV)/MISC.1/Rev.1"),  # a session in parentheses mid-symbol
    ("A/RES/70/93 A-B", "A/RES/70/93 A-B"),  # a range of parts
])
def test_the_masthead_symbol_is_the_canonical_one_and_the_printed_one_is_kept(printed: str, symbol: str):
    found = find_symbols(masthead("Distr.: General", printed), PAGE_HEIGHT)
    assert found.symbol == symbol
    assert found.printed == printed
    assert canonical_symbol(printed.rstrip("*")) == symbol


def test_a_joint_symbol_gives_each_of_its_symbols():
    assert find_symbols(masthead("E/2025/L.16-", "E/HLPF/2025/L.1"), PAGE_HEIGHT) == (
        "E/2025/L.16", ["E/2025/L.16", "E/HLPF/2025/L.1"], "E/2025/L.16-E/HLPF/2025/L.1")


def test_a_citation_of_the_document_names_the_same_symbol():
    symbol = find_symbols(masthead("S/RES/2786(2025)"), PAGE_HEIGHT).symbol
    cited = [c for c in find_citations("Recalling its resolution 2786 (2025),", context_body="Security Council")
             if c.kind == "resolution"]
    assert cited and cited[0].target == symbol


@pytest.mark.parametrize("text", ["18-16895 (E)", "2/10", "Distr.: General", "25-99999"])
def test_page_counters_and_job_numbers_are_not_symbols(text: str):
    assert find_symbols(masthead(text), PAGE_HEIGHT) == (None, [], None)
