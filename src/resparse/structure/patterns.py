"""Patterns and word lists of UN resolution documents, as data (un-conventions §1–§4, §7).

Each pattern names what it recognises; the examples in comments are the forms it must accept.
"""

from __future__ import annotations

import re

from ..citations.patterns import DATE_JOINER, MONTH_ALTERNATION, SYMBOL_CORE, YEAR_SUFFIX
from ..citations.patterns import MONTHS as CITATION_MONTHS
from ..languages import entries, forms_pattern, languages, words_pattern
from ..model.text import UNMAPPED_GLYPH

# Month names of the official languages, and their numbers (languages/data/<code>.toml, `dates.months`).
MONTH_NUMBER = CITATION_MONTHS
# 19 September 2025 · 9 de enero de 2023 · 11 septembre 1998 · 8 июня 2022 года · 23 تموز/يوليه 2019
DATE = re.compile(
    rf"\b(\d{{1,2}})\s+{DATE_JOINER}({MONTH_ALTERNATION})\s+{DATE_JOINER}(\d{{4}})\b{YEAR_SUFFIX}", re.IGNORECASE
)
# 2023年1月9日: year, month, day (`dates.ymd_forms`).
DATE_YMD = [re.compile(f) for f in entries("dates.ymd_forms")]

# Document symbols (§2.5): A/RES/79/271 · S/RES/2786 (2025) · CTOC/COP/2022/L.5 · E/2025/L.16-E/HLPF/2025/L.1,
# in the citation grammar's terms (one grammar for the masthead and the citations), alone on a masthead line
# after an optional "United Nations", with the reissue star.
UNITED_NATIONS = words_pattern(entries("masthead.united_nations"))
SYMBOL_LINE = re.compile(
    r"^(?:(?:" + UNITED_NATIONS + r")\s+)?(" + SYMBOL_CORE
    + r"(?:\s?-\s?" + SYMBOL_CORE + r")*)\s*(\*{0,2})$",
    re.X,
)

# The masthead's lines of the Organization's name ("United Nations", "UNITED" / "NATIONS") and distribution.
ORGANIZATION_LINE = re.compile(
    "^(" + "|".join([UNITED_NATIONS, *entries("masthead.united_nations_parts"), "Distr"]) + ")"
)

# Issuing organs named in mastheads and enacting formulas (`organs.names`).
ORGANS = list(entries("organs.names"))

# The punctuation that closes an enacting formula: "," and the fullwidth and Arabic commas (`formula.commas`).
FORMULA_COMMAS = tuple(entries("formula.commas"))
_ARTICLES = "|".join(entries("formula.article_forms"))
# The enacting formula: "The General Assembly," · "The Conference of the Parties to ...," · "La Asamblea General,"
# and, in languages without an article, the organ's name and a comma: "Генеральная Ассамблея," · "大会，" ·
# "إن الجمعية العامة،".
FORMULA = re.compile(
    rf"^(?:(?:{_ARTICLES})[A-ZÉ][^.;:]{{2,240}}?(?:,|\b)"
    rf"|(?:{_ARTICLES})?(?:{words_pattern(ORGANS)})\s*(?:{'|'.join(map(re.escape, FORMULA_COMMAS))}))$"
)
FORMULA_HEADS = entries("formula.heads")


def unreadable_letters(form: str) -> str:
    """A regular expression (`form`) in which each letter outside the ASCII range (outside a character class,
    not escaped) may also be a glyph without character (`UNMAPPED_GLYPH`): a font embedded without a full
    character map leaves some letters of a line unreadable, and the line is still the phrase it prints."""
    out: list[str] = []
    escaped = False
    in_class = False
    for ch in form:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif in_class:
            out.append(ch)
            in_class = ch != "]"
        elif ch == "[":
            out.append(ch)
            in_class = True
        elif ch.isalpha() and not ch.isascii():
            out.append(f"[{ch}{UNMAPPED_GLYPH}]")
        else:
            out.append(ch)
    return "".join(out)


# The enacting formula of a treaty text: its parties, and a comma ("The Parties to this Agreement,", "Las
# Partes en el presente Acuerdo,", "The States Parties to the present Protocol,"; `formula.treaty_forms`).
TREATY_FORMULA = re.compile(
    rf"^(?:{'|'.join(unreadable_letters(f) for f in entries('formula.treaty_forms'))})\s*"
    rf"(?:{'|'.join(map(re.escape, FORMULA_COMMAS))})$"
)
# The phrase that closes a treaty's preamble before its articles ("Have agreed as follows:", "Han convenido
# en lo siguiente:"; `preamble.agreed_forms`).
AGREED = re.compile(rf"^(?:{'|'.join(unreadable_letters(f) for f in entries('preamble.agreed_forms'))})$")

# Paragraph labels at the start of a block, by family (§3.4, §3.5).
NUMBER_LABEL = re.compile(r"^(\d{1,3})\.(?:\s+|(?=[A-Z“\"(]))")  # 1.  Decides
# Other ways a language prints paragraph numbers (`labels.number_forms`): Arabic "1 - يقرر".
NUMBER_LABELS = [NUMBER_LABEL] + [re.compile(f"^(?:{f})") for f in entries("labels.number_forms")]
# The letters of lettered items beyond a-z (`labels.item_letters`): Arabic "(أ)", "(ب)".
_ITEM_LETTERS = "a-z" + "".join(entries("labels.item_letters"))
# (a) (ii) (aa), also "(b).", and "(xviii)To" where the tab after a long label left no visible gap
_GLUED_TEXT = forms_pattern("labels.glued_text_forms")
PAREN_LABEL = re.compile(rf"^\(([{_ITEM_LETTERS}]{{1,2}}|[ivxlc]{{1,7}})\)(?:\s+|\.\s+|$|(?={_GLUED_TEXT}))")
CLOSE_LABEL = re.compile(r"^([a-z]{1,2}|[ivxlc]{1,7})\)\s+")  # a)  i)  (Spanish, French)
DOT_LETTER_LABEL = re.compile(r"^([a-z])\.\s+")  # a.  (third level)
BULLET_LABEL = re.compile(r"^([•●▪◦])\s*")  # •
ROMAN = re.compile(r"^[ivxlc]+$")

# Headings numbered with a Roman numeral or a capital letter: "I. Introduction", "A. Mandate", "II"
SECTION_LABEL = re.compile(r"^(?:[IVXLC]+|[A-Z])\.?(?:\s|$)")

# Lines that close a resolution and are not paragraphs (§3.7).
# "58th plenary meeting", "Octava sesión plenaria", "8-е пленарное заседание" (`closing.meeting_forms`), and
# "[Adopted without a vote.]" (`closing.note_forms`).
CLOSING = [re.compile(f"^(?:{f})$", re.IGNORECASE) for f in entries("closing.meeting_forms")] + [
    re.compile(f"^(?:{f})$") for f in entries("closing.note_forms")
]

# Annex labels (§3.8): "Annex", "Annex I", "ANNEX", "Annex A – Items ...", "Appendix", "Anexo"
ANNEX_LABEL = re.compile(
    r"^(" + words_pattern(entries("annex.labels")) + r")"
    r"(?:\s+([IVXLC]+|[A-Z]|\d{1,2}))?\b\s*(?:[–—:-]\s*(.*))?$"
)

# Heading block of the document type (§3.1).
DRAFT_RESOLUTION = re.compile(forms_pattern("heading.draft_resolution_forms"), re.IGNORECASE)
DRAFT_DECISION = re.compile(forms_pattern("heading.draft_decision_forms"), re.IGNORECASE)
# "Resolution adopted by the General Assembly on …" · "Résolution adoptée par …" · "Резолюция, принятая …" ·
# "2022 年 6 月 8 日经济及社会理事会决议" · "قرار اتخذه …"
ADOPTED_RESOLUTION = re.compile(f"^(?:{forms_pattern('heading.adopted_resolution_forms')})")
ADOPTED_DECISION = re.compile(f"^(?:{forms_pattern('heading.adopted_decision_forms')})")
SC_RESOLUTION_HEAD = re.compile(
    r"^(?:" + words_pattern(entries("heading.resolution_word")) + r")\s+(\d{1,5}\s*\(\d{4}\))$"
)
SC_ADOPTION = re.compile(f"^(?:{forms_pattern('heading.sc_adoption_forms')})")
# "79/271. Title" above an adopted text; a draft (Human Rights Council drafts) prints the number to come as a
# placeholder, "59/… Title", without the dot.
# The number line that heads a resolution or decision reproduced in an annex ("Resolution 74/5").
ANNEXED_TEXT_NUMBER = re.compile(r"(?:Resolution|Decision)\s+(?:S-|ES-)?\d{1,4}/\d{1,4}(?:\s?[A-H])?")
_NUMBER_TITLE_SEPARATOR = forms_pattern("heading.number_title_separator_forms")
RESOLUTION_NUMBER_TITLE = re.compile(
    r"^((?:S-|ES-)?\d{1,4}/(?:\d{1,4}(?:\s?[A-H])?(?=" + _NUMBER_TITLE_SEPARATOR + r")|…|\.{3}))(?:"
    + _NUMBER_TITLE_SEPARATOR + r")?\s+(.+)$")
SUBMITTED_BY = re.compile(r"^Draft\b[^.;:]{0,300}?\bsubmitted (?:by|to) (.+)$", re.IGNORECASE)
SPONSOR_LINE = re.compile(r"^(.+?):[\s*,]*(?:revised\s+)?draft (?:resolution|decision)\b", re.IGNORECASE)
COMMITTEE_BRACKET = re.compile(r"^\[(?:" + forms_pattern("heading.committee_bracket_forms") + ")", re.IGNORECASE)

DISTRIBUTION = re.compile(r"^Distr\.?:?\s*(" + words_pattern(entries("masthead.distribution")) + r")?\s*$")
ORIGINAL = re.compile(r"^(?:" + words_pattern(entries("masthead.original")) + r")\s*:\s*(\S.*)$")
SESSION = re.compile(r"^(.*(?:" + forms_pattern("masthead.session_forms") + r").*)$", re.IGNORECASE)
AGENDA = re.compile(
    r"^(?:" + forms_pattern("masthead.agenda_forms") + r")(.+?)(?:\s+(?:"
    + forms_pattern("masthead.agenda_tail_forms") + r").*)?$"
)
JOB_NUMBER = re.compile(r"^((?:[A-Z]{1,2}\.)?\d{2}-\d{5})\**\s*(?:\(([A-Z])\))?")

# Frequent short words, to tell the language of a text in Latin script (§7; `detect.stopwords`) ...
STOPWORDS = {code: set(d["detect"]["stopwords"]) for code, d in languages().items() if d["detect"].get("stopwords")}
# ... and the letters of the other scripts (`detect.script_forms`).
SCRIPTS = [(code, re.compile("|".join(d["detect"]["script_forms"])))
           for code, d in languages().items() if d["detect"].get("script_forms")]
JOB_LANGUAGE = {d["detect"]["job_letter"]: code for code, d in languages().items()}

# Paragraph-ending punctuation of the languages beyond the Latin one (`paragraphs.endings`).
PARAGRAPH_ENDINGS = entries("paragraphs.endings")
# Lead phrases: the endings of the participles (`leads.endings`) and the words (`leads.adjectives`) that open
# preambular paragraphs.
LEAD_ENDINGS = entries("leads.endings")
LEAD_WORDS = entries("leads.adjectives")
NAMES_WITH_AND = entries("sponsors.names_with_and")
