#!/usr/bin/env python3
"""Regenerate the fictional sample documents in `samples/` and their expected parser output.

    python scripts/make_samples.py [--out DIR]

Short documents written for this project (no UN text is reproduced) are set with reportlab the way a
UN PDF made from Word is set: US Letter, Times 10 pt on a 12 pt line, 6 pt between paragraphs,
justified text, masthead on page 1, running header and footer from page 2, footnotes at the page bottom under
a short rule. Every line is placed by this script (no reportlab flowables), so indents, page breaks and
footnote placement are exactly as described in the geometry constants below.

The content is Python data in this file. The same data gives `<name>.expected.json`, the output that
`resparse.parse(<name>.pdf).to_dict()` must produce: unit texts, footnote offsets and ids are computed from
the data (never read back from the PDF), so the PDF and its expectation cannot drift apart.

Markup in the content strings: `*...*` italic, `[^n]` a footnote reference marker (drawn as a superscript).
The output is deterministic (`invariant=1`): two runs give byte-identical files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from reportlab import Version as REPORTLAB_VERSION
from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from resparse.extract.pdf import DEFAULT_ENGINE_NAME
from resparse.model.document import SCHEMA_VERSION
from resparse.structure.ids import UniqueIds

ROOT = Path(__file__).resolve().parents[1]
SAMPLES_DIR = ROOT / "samples"
SAMPLE_NAMES = ("ga_resolution", "sc_resolution", "draft_decision", "hrc_draft_resolution",
                "sc_sanctions_resolution")
# The committed PDFs were made with this reportlab; another version may write other (equally valid) bytes.
GENERATED_WITH_REPORTLAB = "5.1.0"

# ---------------------------------------------------------------- geometry (points), as on UN New York PDFs
# x is measured from the left edge of the page, y ("baseline") from the TOP edge of the page.
PAGE_W, PAGE_H = letter  # 612 x 792
MARGIN = 60.0  # page furniture: masthead, running header and footer, session block, "Annex" label
HANG = 100.7  # hanging label of a lettered heading ("A.")
LEFT = 123.4  # body text: wrapped lines of every paragraph and item; headings; footnote text
INDENT = 147.1  # first line of an unnumbered paragraph; "1." of an operative paragraph; "(a)" of an item
TAB = 170.9  # text after "1." or "(a)"; the label "(i)" of a second-level item
TAB2 = 194.7  # text of a second-level item, first and wrapped lines (hanging indent)
RIGHT = 491.0  # right edge of the (justified) body text
RIGHT_EDGE = 552.0  # right end of masthead and header rules
BODY_SIZE, LEADING, PARA_SPACE = 10.0, 12.0, 6.0  # Times-Roman 10 pt on a 12 pt line
SUP_SIZE, SUP_RISE = 6.5, 3.5  # footnote reference marker in body text
FN_SIZE, FN_LEADING = 8.5, 10.0  # footnote text
FN_SUP_SIZE, FN_SUP_RISE = 5.5, 3.0  # footnote number in front of the note
FN_MARK_END = 121.4  # the note's number is right-aligned to end here
RULE_X, RULE_LEN, RULE_WIDTH = 99.4, 72.0, 0.5  # footnote separator: a drawn line, 72 pt long
RULE_GAP = 11.0  # separator sits this far above the first footnote baseline
BODY_RULE_GAP = 12.0  # last body baseline at least this far above the separator
TOP_BASELINE = 86.0  # first body line on pages 2+
MAX_BODY = {1: 690.0, 2: 700.0}  # lowest body baseline without footnotes (page 1; other pages)
FN_LAST = {1: 712.0, 2: 734.0}  # baseline of the last footnote line, notes are bottom-aligned
HEADER_BASELINE, FOOTER_BASELINE = 60.0, 756.0
HEADER_SIZE, HEADER_TITLE_WIDTH = 8.5, 245.0
CLOSING_CENTER = 440.0  # "80th plenary meeting" / date, centred here
SPACE_BEFORE_HEADING = 12.0

ROMAN, ITALIC, BOLD, BOLD_ITALIC = "Times-Roman", "Times-Italic", "Times-Bold", "Times-BoldItalic"
ITALIC_OF = {ROMAN: ITALIC, BOLD: BOLD_ITALIC, ITALIC: ROMAN, BOLD_ITALIC: BOLD}


# ---------------------------------------------------------------- content model


def P(*parts: str) -> str:
    """Join source lines of one paragraph with single spaces (keeps the content readable in this file)."""
    return " ".join(parts)


@dataclass
class Unit:
    """A paragraph or an item. `text` is markup; the lead is its leading italic run (paragraphs only)."""

    text: str
    number: str = ""
    items: list[Unit] = field(default_factory=list)
    wrap_up: str | None = None
    dot: bool = True  # a paragraph number is printed with its dot ("4."); False: "4" alone


@dataclass
class Heading:
    text: str
    label: str = ""  # hanging label ("A."), part of the heading's text in the output
    bold: bool = True  # False: set in the text's roman, on a line of its own


@dataclass
class Annex:
    label: str
    title: str
    content: list[Unit | Heading]


@dataclass
class AdoptedText:
    """A text adopted or recommended inline by the last operative paragraph ("...the following draft
    resolution:"): its own formula, preamble and paragraphs numbered from 1. Output: an annex without label
    or title whose content opens with the formula as an unnumbered paragraph."""

    formula: str
    preamble: list[Unit]
    operative: list[Unit]


@dataclass
class Sample:
    name: str
    kind: str  # "ga" | "sc" | "draft" | "hrc_draft": which masthead
    symbol: str
    organ: str
    distribution: str
    date: str  # as printed
    date_iso: str
    original_language: str | None
    job: str  # "25-99999"; page 1 adds " (E)"
    left_block: list[tuple[str, str]]  # (text, font) lines under the masthead rule, left column
    document_type: str
    session: str | None
    agenda_items: list[str]
    number: str | None
    title: str | None  # markup; a footnote marker in it gives a note linked to "title"
    running_title: str | None
    head_lines: list[tuple[str, str, float]]  # type-specific heading block: (text, font, size)
    bracket: str | None = None  # GA: "[without reference to a Main Committee (...)]"
    adoption: str | None = None
    sponsors: list[str] = field(default_factory=list)
    submitted_by: str | None = None
    formula: str | None = None
    formula_run_in: bool = False  # no space between the formula and the first preambular paragraph
    preamble: list[Unit | Heading] = field(default_factory=list)
    operative: list[Unit | Heading] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    adopted: AdoptedText | None = None
    footnotes: dict[str, str] = field(default_factory=dict)
    # How the footnote separator is printed: "line" (a stroked line, as Word prints it), "rect" (a thin
    # filled rectangle, as LibreOffice prints it) or "none" (no separator: the notes are told by their type
    # and their markers).
    separator: str = "line"


# ---------------------------------------------------------------- the documents (fictional)

GA_TITLE = (
    "International Decade for Coastal Libraries, 2027–2036: preserving the documentary heritage "
    "of coastal and island communities"
)

GA = Sample(
    name="ga_resolution",
    kind="ga",
    symbol="A/RES/80/999",
    organ="General Assembly",
    distribution="General",
    date="17 December 2025",
    date_iso="2025-12-17",
    original_language=None,
    job="25-99999",
    left_block=[
        ("Eightieth session", BOLD),
        ("Agenda item 21", ROMAN),
        ("Culture of knowledge for sustainable development", BOLD),
    ],
    document_type="resolution",
    session="Eightieth session",
    agenda_items=["21"],
    number="80/999",
    title=GA_TITLE,
    running_title=GA_TITLE,
    head_lines=[("Resolution adopted by the General Assembly", BOLD, 14.0),
                ("on 12 December 2025", BOLD, 14.0)],
    bracket="[*without reference to a Main Committee* (A/80/L.99)]",
    adoption="Resolution adopted by the General Assembly on 12 December 2025",
    formula="*The General Assembly*,",
    preamble=[
        Unit(P("*Recalling* its resolution 78/901 of 20 December 2023 on libraries, archives and coastal",
               "communities,[^1] and its resolution 79/904 of 18 December 2024 on the preservation of",
               "documentary heritage in low-lying areas,[^2]")),
        Unit(P("*Noting with appreciation* the report of the Secretary-General on the role of coastal",
               "libraries in lifelong learning[^3] and the work carried out by library associations,",
               "municipal authorities and volunteer networks in maintaining collections exposed to",
               "storms, flooding and salt damage, as well as the contribution of such libraries to",
               "research on the history and ecology of the coast,")),
        Unit(P("*Recognizing* that libraries located along coastlines and on small islands hold local",
               "records, maps, oral histories and scientific observations that are often unique and",
               "difficult to replace, and that the loss of such collections weakens the capacity of",
               "communities to plan for their future,")),
        Unit(P("*Convinced* that a decade of coordinated action would help to raise awareness of the value",
               "of coastal libraries, to mobilize voluntary resources and to share practical experience in",
               "digitization, conservation and community outreach,")),
        Unit(P("*Welcoming* the establishment of a voluntary network of coastal and island libraries, open",
               "to all interested institutions, for the exchange of information on good practices in",
               "preservation and access,[^4] and noting that the network has already facilitated the loan of",
               "equipment for the drying and cleaning of damaged books and the temporary storage of",
               "collections moved to safety before severe storms,")),
    ],
    operative=[
        Unit(P("*Proclaims* the period 2027–2036 the International Decade for Coastal Libraries, to be",
               "observed within existing resources and on the basis of voluntary contributions, with the aim",
               "of raising awareness of the value of libraries in coastal and island communities;"), "1"),
        Unit(P("*Invites* all Member States, the organizations of the United Nations system and other",
               "relevant stakeholders to observe the Decade in an appropriate manner, in particular through",
               "educational activities, exhibitions, reading campaigns and other public awareness",
               "activities, and to share information on those activities with the Secretary-General for",
               "inclusion in the report requested in paragraph 5 below;"), "2"),
        Unit(P("*Encourages* Member States, in accordance with their national priorities and",
               "capacities:"), "3", [
            Unit(P("To support the inventory, conservation and, where appropriate, digitization of",
                   "collections held by libraries in coastal and low-lying areas;[^5]"), "(a)"),
            Unit("To strengthen the capacity of library staff and volunteers, including through:", "(b)", [
                Unit(P("Training in emergency planning, in the safe handling of water-damaged materials",
                       "and in the recovery of collections after storms and floods;"), "(i)"),
                Unit(P("Exchanges of staff and experience between libraries in different regions, including",
                       "through twinning arrangements between libraries of similar size;"), "(ii)"),
            ]),
            Unit(P("To promote free and open access to the information held by such libraries, with due",
                   "regard for privacy and for the rights of local communities over their traditional",
                   "knowledge, and with attention to the needs of persons with disabilities;"), "(c)"),
        ]),
        Unit(P("*Invites* libraries, archives, universities and research institutions to cooperate in",
               "the compilation of a shared register of documentary collections at risk in coastal areas,",
               "to be made available free of charge to the public and to be updated at regular intervals,",
               "and encourages public authorities to take that register into account when they plan",
               "measures of adaptation to rising sea levels and when they decide on the location of new",
               "public buildings, including libraries, schools and community centres, so that the",
               "collections entrusted to them remain safe and accessible for future generations, and",
               "further encourages the sharing of such registers among neighbouring countries and regions",
               "that face similar coastal hazards;"), "4"),
        Unit(P("*Requests* the Secretary-General to submit to the General Assembly at its eighty-fourth",
               "session a report on the implementation of the present resolution, including on the",
               "activities referred to in paragraph 3 (a) and (b) above, on the recommendations contained in",
               "the annex",
               "to the present resolution and on the cooperation between libraries, archives and other",
               "institutions in the preparation of the register referred to in paragraph 4 above, and to",
               "include in that report information on the contributions received by the trust fund",
               "established in paragraph 6 below;"), "5"),
        Unit(P("*Decides* to establish a voluntary trust fund for the Decade, to be administered by the",
               "Secretary-General, and invites Member States, intergovernmental organizations and other",
               "donors to contribute to it;[^6]"), "6"),
        Unit(P("*Decides* to include in the provisional agenda of its eighty-fourth session, under the item",
               "entitled “Culture of knowledge for sustainable development”, a sub-item entitled",
               "“International Decade for Coastal Libraries, 2027–2036”."), "7"),
    ],
    closing=["80th plenary meeting", "12 December 2025"],
    annexes=[
        Annex("Annex", "Recommendations for the International Decade for Coastal Libraries", [
            Unit(P("The following recommendations are addressed to Member States, to libraries and to the",
                   "other participants in the Decade. They are intended as practical guidance and may be",
                   "adapted to national and local circumstances:")),
            Heading("Preservation of collections"),
            Unit(P("Libraries should prepare and regularly update an emergency plan that identifies the",
                   "most valuable and most vulnerable items in their collections;"), "(a)"),
            Unit(P("Collections of local records, maps and photographs should, where feasible, be stored",
                   "above the highest recorded flood level[^7] and in containers resistant to water and",
                   "salt;"), "(b)"),
            Unit(P("Digital copies of unique materials should be kept in at least two separate locations,",
                   "one of which should be outside the area exposed to coastal hazards;"), "(c)"),
            Heading("Access and community engagement"),
            Unit(P("Libraries should involve local residents, including young people and older persons, in",
                   "collecting and recording oral histories of the coast;"), "(d)"),
            Unit(P("Reading rooms should reopen to the public as soon as possible after a disaster, with",
                   "priority given to:"), "(e)", [
                Unit("Information on relief services, housing and compensation;", "(i)"),
                Unit("Quiet study space for students whose schools are closed;", "(ii)"),
            ]),
            Unit(P("Libraries participating in the Decade should share their experience through the",
                   "voluntary network welcomed in the preamble of the present resolution."), "(f)"),
        ]),
    ],
    footnotes={
        "1": "Resolution 78/901.",
        "2": "Resolution 79/904, annex.",
        "3": "A/80/9999.",
        "4": P("The network was launched at an informal meeting of library professionals held in 2025; it",
               "is open to public, academic and community libraries and to archives and museums that",
               "maintain reading rooms accessible to the public."),
        "5": P("See *Guidelines for the Care of Coastal Collections* (United Nations publication,",
               "Sales No. E.99.IV.99), chap. II."),
        "6": P("The trust fund will receive voluntary contributions from Member States, intergovernmental",
               "organizations, foundations and private donors. It will be used to support activities of",
               "the Decade in developing countries, in particular the least developed countries and small",
               "island developing States, including the conservation of collections, the training of staff",
               "and volunteers and the organization of regional meetings of the libraries participating in",
               "the Decade. The Secretary-General will report on the receipts and expenditures of the trust",
               "fund in the report requested in paragraph 5 of the present resolution, and will make the",
               "list of contributors available on the website of the Decade."),
        "7": P("Records of the highest flood levels are kept by national meteorological and hydrological",
               "services and by local authorities."),
    },
)

SC = Sample(
    name="sc_resolution",
    kind="sc",
    symbol="S/RES/9999 (2025)",
    organ="Security Council",
    distribution="General",
    date="4 March 2025",
    date_iso="2025-03-04",
    original_language=None,
    job="25-99998",
    left_block=[],
    document_type="resolution",
    session=None,
    agenda_items=[],
    number="9999 (2025)",
    title=None,
    running_title=None,
    head_lines=[
        ("Resolution 9999 (2025)", BOLD, 14.0),
        ("Adopted by the Security Council at its 9999th meeting, on", BOLD, 12.0),
        ("3 March 2025", BOLD, 12.0),
    ],
    adoption="Adopted by the Security Council at its 9999th meeting, on 3 March 2025",
    formula="*The Security Council*,",
    preamble=[
        Unit(P("*Recalling* its previous resolutions and the statements of its President concerning the",
               "Meridian Archipelago, in particular resolution 9990 (2024),")),
        Unit(P("*Reaffirming* its commitment to the peaceful settlement of disputes and to the full",
               "implementation of the Lighthouse Accord[^1] concluded by the parties on 14 May 2024,")),
        Unit(P("*Welcoming* the continued cooperation of the parties with the United Nations Observer",
               "Mission for the Lighthouse Accord (UNOMLA), and *noting* the progress made in the",
               "demarcation of the agreed maritime reference points,")),
        Unit(P("*Taking note* of the report of the Secretary-General of 20 February 2025,[^2]")),
    ],
    operative=[
        Heading("Mandate of the Observer Mission", "A."),
        Unit("*Decides* to extend the mandate of UNOMLA until 31 March 2026;", "1"),
        Unit("*Requests* UNOMLA, within its existing mandate and resources:", "2", [
            Unit("to monitor the observance of the maritime reference points agreed by the parties;", "(a)"),
            Unit(P("to facilitate the meetings of the joint technical commission established under the",
                   "Accord;"), "(b)"),
        ], wrap_up=P("and *encourages* the parties to make full use of the good offices of the Special",
                     "Representative of the Secretary-General;")),
        Unit(P("*Calls upon* the parties to ensure the safety, security and freedom of movement of the",
               "personnel of UNOMLA and to grant it access to all the areas covered by the Accord;"), "3"),
        Heading("Reporting", "B."),
        Unit(P("*Requests* the Secretary-General to report to the Council on the implementation of the",
               "present resolution every 90 days, and to include in those reports information on the",
               "progress made by the joint technical commission and on any obstacle to the work of",
               "UNOMLA;"), "4"),
        Unit(P("*Expresses its intention* to review the mandate of UNOMLA in the light of the reports of",
               "the Secretary-General and of the progress made in the implementation of the Accord;"), "5"),
        Unit("*Decides* to remain seized of the matter.", "6"),
    ],
    footnotes={
        "1": "S/2024/9999, annex.",
        "2": "S/2025/9999.",
    },
)

DRAFT = Sample(
    name="draft_decision",
    kind="draft",
    symbol="E/2025/L.99",
    organ="Economic and Social Council",
    distribution="Limited",
    date="10 July 2025",
    date_iso="2025-07-10",
    original_language="English",
    job="25-99997",
    left_block=[
        ("2025 session", BOLD),
        ("25 July 2024–30 July 2025", ROMAN),
        ("Agenda item 19", ROMAN),
        ("Knowledge, culture and sustainable development", BOLD),
    ],
    document_type="draft_decision",
    session="2025 session",
    agenda_items=["19"],
    number=None,
    title="Preparations for an International Decade for Coastal Libraries",
    running_title=None,
    head_lines=[
        ("Draft decision submitted by the Vice-President of the Council on the basis of informal "
         "consultations", BOLD, 10.0),
        ("Preparations for an International Decade for Coastal Libraries", BOLD, 10.0),
    ],
    submitted_by="Vice-President of the Council",
    operative=[
        Unit(P("The Economic and Social Council, taking note of the proposal to proclaim the period",
               "2027–2036 the International Decade for Coastal Libraries,[^1] decides:"), "", [
            Unit(P("To recommend to the General Assembly that it consider the proclamation of the",
                   "International Decade for Coastal Libraries at its eightieth session;"), "(a)"),
            Unit(P("To request the Secretary-General to consult Member States and other relevant",
                   "stakeholders on possible activities for the Decade and to report thereon to the",
                   "Council at its 2026 session;[^2]"), "(b)"),
            Unit(P("To consider the matter further at its 2026 session under the item entitled",
                   "“Knowledge, culture and sustainable development”."), "(c)"),
        ]),
    ],
    footnotes={
        "1": "See A/80/9999, para. 12.",
        "2": "The report will be issued as a document of the Council under the symbol E/2026/99.",
    },
)

HRC_TITLE = P(
    "Safeguarding the right of everyone to take part in cultural life: public libraries, community archives",
    "and reading rooms in coastal and island regions exposed to the effects of climate change[^1]")

HRC = Sample(
    name="hrc_draft_resolution",
    kind="hrc_draft",
    separator="rect",
    symbol="A/HRC/59/L.99",
    organ="General Assembly",
    distribution="Limited",
    date="3 July 2025",
    date_iso="2025-07-03",
    original_language="English",
    job="GE.25-99996",
    left_block=[
        ("Human Rights Council", BOLD),
        ("Fifty-ninth session", BOLD),
        ("16 June–9 July 2025", ROMAN),
        ("Agenda item 3", ROMAN),
        ("Promotion of cultural rights and of access to knowledge", BOLD),
    ],
    document_type="draft_resolution",
    session="Fifty-ninth session",
    agenda_items=["3"],
    number="59/…",
    title=HRC_TITLE,
    running_title=None,
    head_lines=[("Aldoria, Belmora, Corvania and Duvessa: draft resolution", BOLD, 10.0)],
    sponsors=["Aldoria", "Belmora", "Corvania", "Duvessa"],
    formula="*The Human Rights Council*,",
    preamble=[
        Unit(P("*Recalling* its resolution 56/999 of 10 July 2024 on cultural rights and access to knowledge",
               "in small island communities,")),
        Unit(P("*Noting* that libraries, archives and reading rooms in coastal and island regions keep records",
               "of local languages, customs and knowledge that are often held nowhere else,")),
        Unit(P("*Concerned* that storms, flooding and the rise in sea levels damage such collections and close",
               "the buildings that house them, sometimes for months, depriving communities of access to",
               "information when they need it most,[^2]")),
    ],
    operative=[
        Unit(P("*Calls upon* all States to include libraries, archives and reading rooms in their plans for",
               "the reduction of disaster risk and for adaptation to climate change;"), "1"),
        Unit(P("*Encourages* States to consult the communities concerned, including older persons and",
               "indigenous peoples, on the collections to be preserved first and on the ways in which they",
               "are to be made accessible;"), "2"),
        Unit(P("*Requests* the Office of the United Nations High Commissioner for Human Rights to prepare a",
               "report on good practices in protecting the right of everyone to take part in cultural life",
               "in regions exposed to the effects of climate change, and to present it to the Human Rights",
               "Council at its sixty-second session;"), "3"),
        Unit("*Recommends* to the General Assembly the adoption of the following draft resolution:", "4"),
    ],
    adopted=AdoptedText(
        formula="*The General Assembly*,",
        preamble=[
            Unit(P("*Welcoming* the attention given by the Human Rights Council to the right of everyone to",
                   "take part in cultural life in coastal and island regions,")),
            Unit(P("*Recognizing* the role of community reading rooms in keeping local knowledge alive and in",
                   "providing information during and after disasters,")),
        ],
        operative=[
            Unit(P("*Proclaims* 14 November the International Day of Community Reading Rooms, to be observed",
                   "every year within existing resources;"), "1"),
            Unit(P("*Invites* Member States, libraries and community organizations to mark the International",
                   "Day with readings, exhibitions and open days in their reading rooms;"), "2"),
            Unit(P("*Requests* the Secretary-General to bring the present resolution to the attention of",
                   "Member States and of the organizations of the United Nations system."), "3"),
        ],
    ),
    footnotes={
        "1": "The title follows that of Human Rights Council resolution 56/999.",
        "2": "See A/HRC/58/99, paras. 14–21.",
    },
)

SC_SANCTIONS = Sample(
    name="sc_sanctions_resolution",
    kind="sc",
    separator="none",
    symbol="S/RES/9998 (2025)",
    organ="Security Council",
    distribution="General",
    date="19 June 2025",
    date_iso="2025-06-19",
    original_language=None,
    job="25-99995",
    left_block=[],
    document_type="resolution",
    session=None,
    agenda_items=[],
    number="9998 (2025)",
    title=None,
    running_title=None,
    head_lines=[
        ("Resolution 9998 (2025)", BOLD, 14.0),
        ("Adopted by the Security Council at its 9998th meeting, on", BOLD, 12.0),
        ("18 June 2025", BOLD, 12.0),
    ],
    adoption="Adopted by the Security Council at its 9998th meeting, on 18 June 2025",
    formula="*The Security Council*,",
    formula_run_in=True,
    preamble=[
        Unit(P("*Recalling* its resolution 9980 (2024) on the safety of navigation in the Calvera Strait and",
               "the measures imposed by that resolution,[^1]")),
        Unit(P("*Expressing concern* at continued reports of the transfer of arms to armed groups on the",
               "islands of the Calvera Strait by vessels that switch off their identification systems,")),
        Unit(P("*Determining* that the situation in the Calvera Strait continues to threaten the peace and",
               "security of the region,")),
    ],
    operative=[
        Unit(P("*Decides* to renew until 30 June 2026 the measures imposed by paragraph 3 of resolution",
               "9980 (2024);"), "1"),
        Heading("Designation criteria", bold=False),
        Unit(P("*Decides* that the measures referred to in paragraph 1 above shall apply to individuals and",
               "entities designated by the Committee established pursuant to resolution 9980 (2024) as:"), "2", [
            Unit("engaging in or supporting the transfer of arms to armed groups in the Calvera Strait;", "(a)"),
            Unit(P("obstructing the delivery of humanitarian assistance to the islands of the Strait or the",
                   "work of the United Nations there;"), "(b)"),
        ]),
        Unit(P("*Decides* that the Committee shall keep its list of designated individuals and entities up",
               "to date and shall make the reasons for each designation public;"), "3"),
        Unit(P("*Condemns* every attack on vessels carrying humanitarian supplies to the islands of the",
               "Strait, and calls for those responsible to be held to account;"), "4", dot=False),
        Unit(P("*Calls upon* all States to inspect, in their ports and territorial waters, vessels bound to",
               "or from the Calvera Strait when they have reasonable grounds to believe that the cargo",
               "contains arms whose supply is prohibited by the present resolution;[^2]"), "5"),
        Heading("Reporting", bold=False),
        Unit(P("*Requests* the Committee to report to the Council within 120 days of the adoption of the",
               "present resolution, and every 180 days thereafter, on the implementation of the measures",
               "renewed in paragraph 1 above;"), "6"),
        Unit("*Decides* to remain seized of the matter.", "7"),
    ],
    footnotes={
        "1": "S/RES/9980 (2024).",
        "2": "See also S/2025/9998, annex.",
    },
)

SAMPLES = {s.name: s for s in (GA, SC, DRAFT, HRC, SC_SANCTIONS)}


# ---------------------------------------------------------------- markup → runs, plain text, footnote offsets

_MARKUP = re.compile(r"\*([^*]+)\*|\[\^([^\]\s]+)\]|((?:[^*\[]|\[(?!\^))+)")


def runs_of(markup: str, font: str) -> list[tuple[str, str | None]]:
    """Split markup into ("text", font) runs and ("marker", None) footnote references."""
    out: list[tuple[str, str | None]] = []
    pos = 0
    while pos < len(markup):
        m = _MARKUP.match(markup, pos)
        if not m:
            raise ValueError(f"bad markup at {pos}: {markup!r}")
        if m.group(1) is not None:
            out.append((m.group(1), ITALIC_OF[font]))
        elif m.group(2) is not None:
            out.append((m.group(2), None))
        else:
            out.append((m.group(3), font))
        pos = m.end()
    return out


def plain(markup: str) -> tuple[str, list[dict]]:
    """The unit's text as the parser must give it, and its footnote references with their offsets."""
    raw, markers = "", []
    for text, font in runs_of(markup, ROMAN):
        if font is None:
            markers.append(text)
            raw += "\x00"
        else:
            raw += text
    collapsed = re.sub(r"\s+", " ", raw).strip()
    refs, text = [], ""
    for ch in collapsed:
        if ch == "\x00":
            refs.append({"marker": markers[len(refs)], "offset": len(text)})
        else:
            text += ch
    return text, refs


def title_markers(s: Sample) -> list[str]:
    """Footnote markers in the title, for the mastheads that print `s.title` (their notes are on page 1)."""
    if s.kind not in ("ga", "hrc_draft") or not s.title:
        return []
    return [n["marker"] for n in plain(s.title)[1]]


def lead_of(markup: str) -> str | None:
    m = re.match(r"\*([^*]+)\*", markup)
    return m.group(1).strip() if m else None


# ---------------------------------------------------------------- words, wrapping, lines

Frag = tuple[str, str, float, float]  # text, font, size, rise


def frag_width(f: Frag) -> float:
    return stringWidth(f[0], f[1], f[2])


def word_width(word: list[Frag]) -> float:
    return sum(frag_width(f) for f in word)


Words = list[list[Frag]]


def words_of(markup: str, font: str = ROMAN, size: float = BODY_SIZE) -> tuple[Words, list[list[str]]]:
    """Words (lists of fragments) and, per word, the footnote markers it carries (drawn as superscripts
    glued to the word, SUP_SIZE pt raised by SUP_RISE pt, in the roman of the line's base font)."""
    words: list[list[Frag]] = []
    marks: list[list[str]] = []
    cur: list[Frag] = []
    cur_marks: list[str] = []
    for text, f in runs_of(markup, font):
        if f is None:
            cur.append((text, font, SUP_SIZE, SUP_RISE))
            cur_marks.append(text)
            continue
        for piece in re.split(r"(\s+)", text):
            if not piece:
                continue
            if piece.isspace():
                if cur:
                    words.append(cur)
                    marks.append(cur_marks)
                cur, cur_marks = [], []
            else:
                cur.append((piece, f, size, 0.0))
    if cur:
        words.append(cur)
        marks.append(cur_marks)
    return words, marks


def split_word(word: list[Frag], room: float) -> tuple[list[Frag], list[Frag]] | None:
    """Break a compound after one of its hyphens (as Word does: "Secretary-" / "General"), if it fits."""
    text = "".join(f[0] for f in word)
    best = None
    for m in re.finditer(r"(?<=\w)-(?=\w)", text):
        cut = m.end()
        head, tail, seen = [], [], 0
        for f in word:
            if seen + len(f[0]) <= cut:
                head.append(f)
            elif seen >= cut:
                tail.append(f)
            else:
                k = cut - seen
                head.append((f[0][:k], *f[1:]))
                tail.append((f[0][k:], *f[1:]))
            seen += len(f[0])
        if word_width(head) <= room:
            best = (head, tail)
    return best


def space_font(prev: list[Frag], nxt: list[Frag], base: str) -> str:
    a, b = prev[-1][1], nxt[0][1]
    return a if a == b else base


@dataclass
class Line:
    x: float
    words: list[list[Frag]]
    width: float = 0.0  # available width (justified lines are stretched to it)
    justify: bool = False
    base: str = ROMAN
    size: float = BODY_SIZE
    markers: list[str] = field(default_factory=list)
    unit: str | None = None  # id of the unit whose own text is on this line
    advance: float = LEADING  # baseline distance from the previous line of the same block
    align: str = "left"  # "left" | "right" | "center" (x is the right edge / the centre)
    annex: str | None = None  # id of the annex this line belongs to
    prefix: list[tuple[float, list[Frag]]] = field(default_factory=list)  # labels ("1.", "(a)") at their x


def wrap(words: list[list[Frag]], marks: list[list[str]], first_x: float, x: float, right: float,
         base: str, size: float, justify: bool = True) -> list[Line]:
    """Greedy line breaking (as Word does); every line but the last is justified when `justify`."""
    lines: list[Line] = []
    queue = [(w, m) for w, m in zip(words, marks, strict=True)]
    cur: list[list[Frag]] = []
    cur_marks: list[str] = []
    used = 0.0
    lx = first_x

    def flush(last: bool) -> None:
        nonlocal cur, cur_marks, used, lx
        lines.append(Line(lx, cur, right - lx, justify and not last, base, size, cur_marks))
        cur, cur_marks, used, lx = [], [], 0.0, x

    while queue:
        word, wm = queue.pop(0)
        avail = right - lx
        sp = stringWidth(" ", space_font(cur[-1], word, base), size) if cur else 0.0
        ww = word_width(word)
        if used + sp + ww <= avail + 0.01:
            cur.append(word)
            cur_marks += wm
            used += sp + ww
            continue
        parts = split_word(word, avail - used - sp)
        if parts and not wm:
            cur.append(parts[0])
            used += sp + word_width(parts[0])
            queue.insert(0, (parts[1], wm))
            flush(False)
            continue
        if not cur:
            raise ValueError(f"word wider than the line: {word}")
        flush(False)
        queue.insert(0, (word, wm))
    if cur:
        flush(True)
    return lines


def simple_line(x: float, markup: str, font: str, size: float, align: str = "left") -> Line:
    words, marks = words_of(markup, font, size)
    return Line(x, words, 0.0, False, font, size, [m for ms in marks for m in ms], align=align)


# ---------------------------------------------------------------- building the flow of blocks + expected tree


@dataclass
class Block:
    lines: list[Line]
    space_before: float = PARA_SPACE
    keep_with_next: bool = False
    splittable: bool = True
    page_break_before: bool = False


# Ids the output gives to places that are not units; a unit's id never takes one of them.
RESERVED_IDS = {"formula", "title", "head"}


def unit_blocks(u: Unit, uid: str, level: int, kind: str, expected: list, refs: dict,
                ids: UniqueIds) -> list[Block]:
    """Blocks of a paragraph (level 0) or item (level 1, 2) and its expected JSON."""
    text, notes = plain(u.text)
    for n in notes:
        refs[n["marker"]] = uid
    words, marks = words_of(u.text)
    label_x, text_x, wrap_x = {0: (INDENT, TAB, LEFT), 1: (INDENT, TAB, LEFT), 2: (TAB, TAB2, TAB2)}[level]
    if u.number:
        lines = wrap(words, marks, text_x, wrap_x, RIGHT, ROMAN, BODY_SIZE)
        label = u.number if kind == "item" or not u.dot else f"{u.number}."
        lines[0].prefix.append((label_x, words_of(label)[0][0]))
    else:
        lines = wrap(words, marks, label_x, wrap_x, RIGHT, ROMAN, BODY_SIZE)
    for ln in lines:
        ln.unit = uid
    entry: dict = {"id": uid, "type": kind, "number": u.number}
    if kind == "paragraph":
        entry["lead"] = lead_of(u.text)
    entry.update({"text": text, "footnotes": notes, "pages": [], "items": []})
    expected.append(entry)
    blocks = [Block(lines)]
    for item in u.items:
        blocks += unit_blocks(item, ids.take(f"{uid}__point_{item.number.strip('()')}"), level + 1, "item",
                              entry["items"], refs, ids)
    if u.wrap_up is not None:
        wid = ids.take(f"{uid}__wrapup")
        wtext, wnotes = plain(u.wrap_up)
        for n in wnotes:
            refs[n["marker"]] = wid
        ww, wm = words_of(u.wrap_up)
        wlines = wrap(ww, wm, LEFT, LEFT, RIGHT, ROMAN, BODY_SIZE)
        for ln in wlines:
            ln.unit = wid
        blocks.append(Block(wlines))
        entry["wrap_up"] = {"id": wid, "text": wtext, "footnotes": wnotes}
    return blocks


def heading_block(h: Heading, key: str, expected: list, headings: dict[str, dict]) -> Block:
    """A bold heading between paragraphs; `key` identifies its lines for page bookkeeping only."""
    font = BOLD if h.bold else ROMAN
    words, marks = words_of(h.text, font)
    lines = wrap(words, marks, LEFT, LEFT, RIGHT, font, BODY_SIZE, justify=False)
    if h.label:
        lines[0].prefix.append((HANG, words_of(h.label, font)[0][0]))
    for ln in lines:
        ln.unit = key
    entry = {"id": "", "type": "heading", "text": f"{h.label} {h.text}".strip(), "pages": []}
    expected.append(entry)
    headings[key] = entry
    return Block(lines, SPACE_BEFORE_HEADING, keep_with_next=True, splittable=False)


def build_flow(s: Sample) -> tuple[list[Block], dict, dict[str, str], dict[str, dict]]:
    """The body of a sample as blocks to paginate, the expected tree (pages still empty), footnote refs
    (marker -> id of the unit where it stands) and the expected heading entries by their line key."""
    refs: dict[str, str] = {m: "title" for m in title_markers(s)}
    headings: dict[str, dict] = {}
    ids = UniqueIds(RESERVED_IDS)  # a repeated id gets a numeric suffix ("annex_1__para_1_2")
    blocks: list[Block] = []
    exp: dict = {"preamble": {"formula": None, "paragraphs": []}, "operative": [], "annexes": []}
    if s.formula:
        ln = simple_line(INDENT, s.formula, ROMAN, BODY_SIZE)
        ln.unit = "formula"
        blocks.append(Block([ln], keep_with_next=True, splittable=False))
        exp["preamble"]["formula"] = {"id": "formula", "text": plain(s.formula)[0]}
    k = 0
    for u in s.preamble:
        if isinstance(u, Heading):
            key = f"heading_{len(headings)}"
            blocks.append(heading_block(u, key, exp["preamble"]["paragraphs"], headings))
            continue
        k += 1
        ub = unit_blocks(u, ids.take(f"pp_{k}"), 0, "paragraph", exp["preamble"]["paragraphs"], refs, ids)
        if k == 1 and s.formula_run_in:
            ub[0].space_before = 0.0
        blocks += ub
    order = 0
    for u in s.operative:
        if isinstance(u, Heading):
            blocks.append(heading_block(u, f"heading_{len(headings)}", exp["operative"], headings))
            continue
        order += 1
        blocks += unit_blocks(u, ids.take(f"para_{u.number or order}"), 0, "paragraph", exp["operative"], refs,
                              ids)
    if s.adopted:
        aid = ids.take(f"annex_{len(exp['annexes']) + 1}")
        entry = {"id": aid, "label": "", "title": "", "content": [], "pages": []}
        exp["annexes"].append(entry)
        adopted_blocks: list[Block] = []
        text = s.adopted
        for n, u in enumerate([Unit(text.formula), *text.preamble, *text.operative], 1):
            uid = ids.take(f"{aid}__para_{u.number or n}")
            adopted_blocks += unit_blocks(u, uid, 0, "paragraph", entry["content"], refs, ids)
        adopted_blocks[0].keep_with_next = True
        for b in adopted_blocks:
            for ln in b.lines:
                ln.annex = aid
        blocks += adopted_blocks
    if s.closing:
        lines = [simple_line(CLOSING_CENTER, f"*{t}*", ROMAN, BODY_SIZE, align="center") for t in s.closing]
        blocks.append(Block(lines, SPACE_BEFORE_HEADING, splittable=False))
    for annex in s.annexes:
        aid = ids.take(f"annex_{len(exp['annexes']) + 1}")
        entry = {"id": aid, "label": annex.label, "title": annex.title, "content": [], "pages": []}
        exp["annexes"].append(entry)
        label = simple_line(MARGIN, annex.label, BOLD, 14.0)
        tw, tm = words_of(annex.title, BOLD, 14.0)
        title = wrap(tw, tm, LEFT, LEFT, RIGHT, BOLD, 14.0, justify=False)
        title[0].advance = 21.0
        for ln in title[1:]:
            ln.advance = 16.0
        for ln in (label, *title):
            ln.unit = aid
        annex_blocks = [Block([label, *title], keep_with_next=True, splittable=False, page_break_before=True)]
        n_para = 0
        for i, u in enumerate(annex.content):
            if isinstance(u, Heading):
                annex_blocks.append(heading_block(u, f"heading_{len(headings)}", entry["content"], headings))
                continue
            if u.number.startswith("("):
                uid, kind, level = ids.take(f"{aid}__point_{u.number.strip('()')}"), "item", 1
            else:
                n_para += 1
                uid, kind, level = ids.take(f"{aid}__para_{u.number or n_para}"), "paragraph", 0
            ub = unit_blocks(u, uid, level, kind, entry["content"], refs, ids)
            if i == 0:
                ub[0].space_before = 12.0
            annex_blocks += ub
        for b in annex_blocks:
            for ln in b.lines:
                ln.annex = aid
        blocks += annex_blocks
    return blocks, exp, refs, headings


# ---------------------------------------------------------------- pagination (with footnotes)


@dataclass
class FnPart:
    marker: str
    lines: list[Line]
    first: bool  # carries the note's number (False for the continuation of a note on the next page)


@dataclass
class PageState:
    no: int
    start: float  # baseline of the first body line
    y: float | None = None  # baseline of the last body line placed
    fn: list[FnPart] = field(default_factory=list)
    body: list[tuple[float, Line]] = field(default_factory=list)

    def fn_count(self) -> int:
        return sum(len(p.lines) for p in self.fn)

    def limit(self, fn_lines: int) -> float:
        key = 1 if self.no == 1 else 2
        if fn_lines == 0:
            return MAX_BODY[key]
        first_fn = FN_LAST[key] - FN_LEADING * (fn_lines - 1)
        return min(MAX_BODY[key], first_fn - RULE_GAP - BODY_RULE_GAP)


def footnote_lines(markup: str) -> list[Line]:
    words, marks = words_of(markup, ROMAN, FN_SIZE)
    return wrap(words, marks, LEFT, LEFT, RIGHT, ROMAN, FN_SIZE)


class Paginator:
    def __init__(self, s: Sample, first_start: float):
        self.notes = {m: footnote_lines(t) for m, t in s.footnotes.items()}
        head_notes = title_markers(s)
        self.pages = [PageState(1, first_start, fn=[FnPart(m, self.notes[m], True) for m in head_notes])]
        self.carry: list[FnPart] = []
        self.note_page: dict[str, int] = dict.fromkeys(head_notes, 1)

    @property
    def page(self) -> PageState:
        return self.pages[-1]

    def new_page(self) -> None:
        p = PageState(len(self.pages) + 1, TOP_BASELINE, fn=self.carry)
        self.carry = []
        self.pages.append(p)

    def try_line(self, p: PageState, fn: list[FnPart], y: float | None, line: Line, block_start: bool,
                 space: float, force: bool = False):
        """Where `line` would go on page `p`: (baseline, footnote parts, carried parts), or None."""
        cand = p.start if y is None else y + line.advance + (space if block_start else 0.0)
        new = [FnPart(m, self.notes[m], True) for m in line.markers]
        count = sum(len(f.lines) for f in fn)
        total = count + sum(len(f.lines) for f in new)
        if cand <= p.limit(total) or force:
            return cand, fn + new, []
        if new and len(new[-1].lines) > 2:
            last = new[-1]
            before = total - len(last.lines)
            for keep in range(len(last.lines) - 1, 1, -1):
                if cand <= p.limit(before + keep):
                    head = FnPart(last.marker, last.lines[:keep], True)
                    tail = FnPart(last.marker, last.lines[keep:], False)
                    return cand, fn + new[:-1] + [head], [tail]
        return None

    def fit(self, lines: list[Line], space: float, nxt: Block | None = None) -> int:
        """How many of `lines` (then the first two lines of block `nxt`) fit on the current page."""
        p = self.page
        y, fn, n = p.y, list(p.fn), 0
        todo = [(ln, i == 0, space) for i, ln in enumerate(lines)]
        if nxt is not None:
            todo += [(ln, i == 0, nxt.space_before) for i, ln in enumerate(nxt.lines[:2])]
        for ln, block_start, sp in todo:
            r = self.try_line(p, fn, y, ln, block_start, sp)
            if r is None:
                break
            y, fn, _ = r
            n += 1
        return n

    def place(self, line: Line, block_start: bool, block: Block) -> None:
        p = self.page
        r = self.try_line(p, p.fn, p.y, line, block_start, block.space_before)
        if r is None:  # only when a line does not fit even on an empty page
            r = self.try_line(p, p.fn, p.y, line, block_start, block.space_before, force=True)
        y, fn, carry = r
        for part in fn[len(p.fn):]:
            if part.first:
                self.note_page[part.marker] = p.no
        p.y, p.fn = y, fn
        self.carry += carry
        p.body.append((y, line))

    def run(self, blocks: list[Block]) -> None:
        for bi, block in enumerate(blocks):
            if block.page_break_before and self.page.y is not None:
                self.new_page()
            lines = list(block.lines)
            first = True
            while lines:
                n = self.fit(lines, block.space_before)
                if n == len(lines) and block.keep_with_next and bi + 1 < len(blocks):
                    nxt = blocks[bi + 1]
                    wanted = len(lines) + min(2, len(nxt.lines))
                    if self.fit(lines, block.space_before, nxt) < wanted and self.page.y is not None:
                        n = 0  # keep a heading with the start of what follows it
                elif n < len(lines):
                    if not block.splittable:
                        n = 0
                    else:
                        if len(lines) >= 3 and len(lines) - n == 1:
                            n -= 1  # no widow
                        if n == 1:
                            n = 0  # no orphan
                if n == 0:
                    if self.page.y is None:  # does not fit even on an empty page: place what fits
                        n = max(1, self.fit(lines, block.space_before))
                    else:
                        self.new_page()
                        continue
                for i, ln in enumerate(lines[:n]):
                    self.place(ln, first and i == 0, block)
                first = False
                lines = lines[n:]
                if lines:  # the rest of the paragraph continues at the top of the next page
                    self.new_page()
        while self.carry:
            self.new_page()


# ---------------------------------------------------------------- masthead and page furniture


@dataclass
class TextOp:
    line: Line
    baseline: float


@dataclass
class RuleOp:
    x0: float
    x1: float
    y: float
    width: float
    filled: bool = False  # a filled rectangle `width` high instead of a stroked line


def masthead(s: Sample) -> tuple[list, float]:
    """Page-1 drawing operations above the body and the baseline of the first body line."""
    ops: list = []
    ops.append(TextOp(simple_line(LEFT, "United Nations", ROMAN, 14.0), 59.5))
    # the symbol's first letter is set large, as on UN mastheads
    big, rest = (s.symbol[0], ROMAN, 20.0, 0.0), (s.symbol[1:], ROMAN, 10.0, 0.0)
    sym = Line(RIGHT_EDGE, [[big, rest]], align="right")
    ops.append(TextOp(sym, 58.5))
    ops.append(RuleOp(MARGIN, RIGHT_EDGE, 65.5, 0.5))
    ops.append(TextOp(simple_line(LEFT, s.organ, BOLD, 20.0), 89.0))
    right_col = [f"Distr.: {s.distribution}", s.date]
    ops.append(TextOp(simple_line(397.0, right_col[0], ROMAN, 10.0), 88.0))
    ops.append(TextOp(simple_line(397.0, right_col[1], ROMAN, 10.0), 100.0))
    if s.original_language:
        ops.append(TextOp(simple_line(397.0, f"Original: {s.original_language}", ROMAN, 10.0), 124.0))
    ops.append(RuleOp(MARGIN, RIGHT_EDGE, 209.7, 1.4))
    y = 211.0
    for text, font in s.left_block:
        words, marks = words_of(text, font)
        for ln in wrap(words, marks, MARGIN, MARGIN, 320.0, font, 10.0, justify=False):
            y += 12.0
            ops.append(TextOp(ln, y))
    if s.kind == "ga":
        y += 34.0
        for i, (text, font, size) in enumerate(s.head_lines):
            y += 15.0 if i else 0.0
            ops.append(TextOp(simple_line(LEFT, text, font, size), y))
        y += 24.0
        ops.append(TextOp(simple_line(LEFT, s.bracket, ROMAN, 10.0), y))
        y += 26.0
        ops.append(TextOp(simple_line(MARGIN, f"{s.number}.", BOLD, 12.0), y))
        words, marks = words_of(s.title, BOLD, 12.0)
        for i, ln in enumerate(wrap(words, marks, LEFT, LEFT, RIGHT, BOLD, 12.0, justify=False)):
            y += 13.5 if i else 0.0
            ops.append(TextOp(ln, y))
        return ops, y + 25.0
    if s.kind == "sc":
        y = 225.5
        ops.append(TextOp(simple_line(LEFT, s.head_lines[0][0], BOLD, 14.0), y))
        y += 26.0
        for i, (text, font, size) in enumerate(s.head_lines[1:]):
            y += 13.0 if i else 0.0
            ops.append(TextOp(simple_line(LEFT, text, font, size), y))
        return ops, y + 26.0
    if s.kind == "hrc_draft":
        # sponsor line, then the number placeholder (no dot) and the title, wrapping under itself
        y += 30.0
        for text, font, size in s.head_lines:
            words, marks = words_of(text, font, size)
            for j, ln in enumerate(wrap(words, marks, LEFT, LEFT, RIGHT, font, size, justify=False)):
                y += 12.0 if j else 0.0
                ops.append(TextOp(ln, y))
        y += 24.0
        ops.append(TextOp(simple_line(MARGIN, s.number, BOLD, 12.0), y))
        words, marks = words_of(s.title, BOLD, 12.0)
        for i, ln in enumerate(wrap(words, marks, LEFT, LEFT, RIGHT, BOLD, 12.0, justify=False)):
            y += 13.5 if i else 0.0
            ops.append(TextOp(ln, y))
        return ops, y + 25.0
    # draft: sponsor / "submitted by" line, then the title
    y += 30.0
    for i, (text, font, size) in enumerate(s.head_lines):
        words, marks = words_of(text, font, size)
        y += 24.0 if i else 0.0
        for j, ln in enumerate(wrap(words, marks, LEFT, LEFT, RIGHT, font, size, justify=False)):
            y += 12.0 if j else 0.0
            ops.append(TextOp(ln, y))
    return ops, y + 24.0


def furniture(s: Sample, page: int, total: int) -> list:
    """Running header and footer of page `page` (2+): even pages symbol left, odd pages symbol right."""
    ops: list = []
    even = page % 2 == 0
    hs = HEADER_SIZE
    ops.append(TextOp(simple_line(MARGIN if even else RIGHT_EDGE, s.symbol, BOLD, hs,
                                  align="left" if even else "right"), HEADER_BASELINE))
    if s.running_title:
        words, marks = words_of(s.running_title, BOLD, hs)
        tl = wrap(words, marks, 0.0, 0.0, HEADER_TITLE_WIDTH, BOLD, hs, justify=False)
        for i, ln in enumerate(tl):
            ln.align = "right" if even else "left"
            ln.x = RIGHT_EDGE if even else MARGIN
            ops.append(TextOp(ln, HEADER_BASELINE - 9.5 * (len(tl) - 1 - i)))
    ops.append(RuleOp(MARGIN, RIGHT_EDGE, 65.5, 0.2))
    counter = simple_line(MARGIN if even else RIGHT_EDGE, f"{page}/{total}", BOLD, hs,
                          align="left" if even else "right")
    job = simple_line(RIGHT_EDGE if even else MARGIN, s.job, ROMAN, 7.0, align="right" if even else "left")
    ops += [TextOp(job, FOOTER_BASELINE - 1.0), TextOp(counter, FOOTER_BASELINE)]
    return ops


def first_page_footer(s: Sample) -> list:
    barcode = "*" + re.sub(r"\D", "", s.job) + "*"  # digits only: "GE.25-99996" -> "*2599996*"
    return [TextOp(simple_line(MARGIN, f"{s.job} (E)", ROMAN, 10.0), 749.0),
            TextOp(Line(MARGIN, [[(barcode, "Helvetica", 12.0, 0.0)]], base="Helvetica", size=12.0), 762.0)]


def footnote_ops(p: PageState, separator: str = "line") -> list:
    if not p.fn:
        return []
    key = 1 if p.no == 1 else 2
    n = p.fn_count()
    y = FN_LAST[key] - FN_LEADING * (n - 1)
    ops: list = [] if separator == "none" else [
        RuleOp(RULE_X, RULE_X + RULE_LEN, y - RULE_GAP, RULE_WIDTH, filled=separator == "rect")]
    for part in p.fn:
        if part.first:
            mark = Line(FN_MARK_END, [[(part.marker, ROMAN, FN_SUP_SIZE, FN_SUP_RISE)]], align="right")
            ops.append(TextOp(mark, y))
        for ln in part.lines:
            ops.append(TextOp(ln, y))
            y += FN_LEADING
    return ops


# ---------------------------------------------------------------- drawing


def draw_line(c: canvas.Canvas, ln: Line, baseline: float) -> None:
    natural = 0.0
    spaces = 0
    for i, w in enumerate(ln.words):
        if i:
            natural += stringWidth(" ", space_font(ln.words[i - 1], w, ln.base), ln.size)
            spaces += 1
        natural += word_width(w)
    ws = (ln.width - natural) / spaces if ln.justify and spaces else 0.0
    x = ln.x
    if ln.align == "right":
        x -= natural
    elif ln.align == "center":
        x -= natural / 2
    for px, word in ln.prefix:
        t = c.beginText(px, PAGE_H - baseline)
        for text, font, size, _rise in word:
            t.setFont(font, size)
            t.textOut(text)
        c.drawText(t)
    t = c.beginText(x, PAGE_H - baseline)
    t.setWordSpace(round(ws, 4))
    for i, w in enumerate(ln.words):
        if i:
            t.setFont(space_font(ln.words[i - 1], w, ln.base), ln.size)
            t.textOut(" ")
        for text, font, size, rise in w:
            t.setFont(font, size)
            if rise:
                t.setRise(rise)
            t.textOut(text)
            if rise:
                t.setRise(0)
    c.drawText(t)


def render(s: Sample, path: Path, pag: Paginator, head_ops: list) -> None:
    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    c.setTitle(s.symbol)
    c.setAuthor("resparse sample (fictional document)")
    c.setCreator("resparse scripts/make_samples.py")
    total = len(pag.pages)
    for p in pag.pages:
        ops = head_ops if p.no == 1 else furniture(s, p.no, total)
        ops = [*ops, *(TextOp(ln, y) for y, ln in p.body), *footnote_ops(p, s.separator)]
        if p.no == 1:
            ops += first_page_footer(s)
        for op in ops:
            if isinstance(op, RuleOp) and op.filled:
                c.rect(op.x0, PAGE_H - op.y - op.width / 2, op.x1 - op.x0, op.width, stroke=0, fill=1)
            elif isinstance(op, RuleOp):
                c.setLineWidth(op.width)
                c.line(op.x0, PAGE_H - op.y, op.x1, PAGE_H - op.y)
            else:
                draw_line(c, op.line, op.baseline)
        c.showPage()
    c.save()


# ---------------------------------------------------------------- expected JSON


def fill_pages(entries: list, unit_pages: dict[str, list[int]]) -> None:
    """Pages of a unit = pages where its own lines (number, text) are printed, not those of its items."""
    for e in entries:
        if e["type"] != "heading":
            e["pages"] = unit_pages.get(e["id"], [])
            fill_pages(e["items"], unit_pages)


def expected_document(s: Sample, exp: dict, refs: dict, headings: dict[str, dict], pag: Paginator,
                      pdf: bytes) -> dict:
    unit_pages: dict[str, list[int]] = {}
    for p in pag.pages:
        for _, ln in p.body:
            for key in (ln.unit, ln.annex):
                if key and p.no not in unit_pages.setdefault(key, []):
                    unit_pages[key].append(p.no)
    fill_pages(exp["preamble"]["paragraphs"], unit_pages)
    fill_pages(exp["operative"], unit_pages)
    for annex in exp["annexes"]:
        annex["pages"] = unit_pages[annex["id"]]
        fill_pages(annex["content"], unit_pages)
    for key, entry in headings.items():
        entry["pages"] = unit_pages[key]
    footnotes = [{"marker": m, "text": plain(t)[0], "ref": refs.get(m), "page": pag.note_page[m]}
                 for m, t in s.footnotes.items()]
    return {
        "schema_version": SCHEMA_VERSION,
        "source": {"file": f"{s.name}.pdf", "sha256": hashlib.sha256(pdf).hexdigest(),
                   "pages": len(pag.pages), "format": "pdf", "engine": DEFAULT_ENGINE_NAME},
        "metadata": {
            "symbol": s.symbol, "symbols": [s.symbol], "symbol_printed": s.symbol, "document_type": s.document_type,
            "body": s.organ,
            "distribution": s.distribution, "date": s.date_iso, "language": "en",
            "original_language": s.original_language, "session": s.session,
            "agenda_items": list(s.agenda_items), "job_number": s.job, "number": s.number,
            "title": plain(s.title)[0] if s.title else None,
            "sponsors": list(s.sponsors), "submitted_by": s.submitted_by, "adoption": s.adoption,
        },
        "preamble": exp["preamble"],
        "operative": exp["operative"],
        "annexes": exp["annexes"],
        "footnotes": footnotes,
        "warnings": [],
    }


# ---------------------------------------------------------------- main


def build_sample(s: Sample, out_dir: Path) -> tuple[Path, Path]:
    blocks, exp, refs, headings = build_flow(s)
    head_ops, start = masthead(s)
    pag = Paginator(s, start)
    pag.run(blocks)
    pdf_path = out_dir / f"{s.name}.pdf"
    render(s, pdf_path, pag, head_ops)
    doc = expected_document(s, exp, refs, headings, pag, pdf_path.read_bytes())
    json_path = out_dir / f"{s.name}.expected.json"
    json_path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return pdf_path, json_path


def build(out_dir: Path = SAMPLES_DIR) -> list[Path]:
    """Write every sample PDF and its expected JSON into `out_dir`; returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name in SAMPLE_NAMES:
        written += build_sample(replace(SAMPLES[name]), out_dir)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=SAMPLES_DIR, help="output directory (default: samples/)")
    args = ap.parse_args(argv)
    if REPORTLAB_VERSION != GENERATED_WITH_REPORTLAB:
        print(f"note: reportlab {REPORTLAB_VERSION} (samples were made with {GENERATED_WITH_REPORTLAB}); "
              "the bytes may differ from the committed files", file=sys.stderr)
    for path in build(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
