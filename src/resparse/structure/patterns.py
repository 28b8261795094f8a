"""Patterns and word lists of UN resolution documents, as data (un-conventions §1–§4, §7).

Each pattern names what it recognises; the examples in comments are the forms it must accept.
"""

from __future__ import annotations

import re

from ..citations.patterns import MONTHS as CITATION_MONTHS
from ..citations.patterns import SYMBOL_CORE
from .wordlists import words

# Month names of the official languages written in Latin script, and their numbers.
MONTH_NUMBER = CITATION_MONTHS
_MONTH_ALT = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))
# 19 September 2025 · 9 de enero de 2023 · 11 septembre 1998
DATE = re.compile(rf"\b(\d{{1,2}})\s+(?:de\s+)?({_MONTH_ALT})\s+(?:de\s+)?(\d{{4}})\b", re.IGNORECASE)

# Document symbols (§2.5): A/RES/79/271 · S/RES/2786 (2025) · CTOC/COP/2022/L.5 · E/2025/L.16-E/HLPF/2025/L.1,
# in the citation grammar's terms (one grammar for the masthead and the citations), alone on a masthead line
# after an optional "United Nations", with the reissue star.
SYMBOL_LINE = re.compile(
    r"^(?:United\s+Nations\s+|Naciones\s+Unidas\s+|Nations\s+Unies\s+)?(" + SYMBOL_CORE
    + r"(?:\s?-\s?" + SYMBOL_CORE + r")*)\s*(\*{0,2})$",
    re.X,
)

# Issuing organs named in mastheads and enacting formulas (data/organs.txt).
ORGANS = list(words("organs"))

# The enacting formula: "The General Assembly," · "The Conference of the Parties to ...," · "La Asamblea General,"
FORMULA = re.compile(r"^(?:The|La|El|Le|L[’'])\s+[A-ZÉ][^.;:]{2,240}?(?:,|\b)$")
FORMULA_HEADS = words("formula_heads")  # data/formula_heads.txt

# Paragraph labels at the start of a block, by family (§3.4, §3.5).
NUMBER_LABEL = re.compile(r"^(\d{1,3})\.(?:\s+|(?=[A-Z“\"(]))")  # 1.  Decides
# (a) (ii) (aa), also "(b).", and "(xviii)To" where the tab after a long label left no visible gap
PAREN_LABEL = re.compile(r"^\(([a-z]{1,2}|[ivxlc]{1,7})\)(?:\s+|\.\s+|$|(?=[A-Z“\"]))")
CLOSE_LABEL = re.compile(r"^([a-z]{1,2}|[ivxlc]{1,7})\)\s+")  # a)  i)  (Spanish, French)
DOT_LETTER_LABEL = re.compile(r"^([a-z])\.\s+")  # a.  (third level)
BULLET_LABEL = re.compile(r"^([•●▪◦])\s*")  # •
ROMAN = re.compile(r"^[ivxlc]+$")

# Headings numbered with a Roman numeral or a capital letter: "I. Introduction", "A. Mandate", "II"
SECTION_LABEL = re.compile(r"^(?:[IVXLC]+|[A-Z])\.?(?:\s|$)")

# Lines that close a resolution and are not paragraphs (§3.7).
CLOSING = [
    re.compile(
        r"^\d+(?:st|nd|rd|th|ª|a|e|re)?\s+(?:plenary\s+)?(?:meeting|sesión plenaria|séance plénière)"
        r"(?:\s*\(.*\))?$",
        re.IGNORECASE,
    ),
    # Spanish spells the meeting's ordinal ("Octava sesión plenaria", "Cuadragésima quinta sesión plenaria");
    # Russian writes "8-е пленарное заседание".
    re.compile(r"^(?:[^\W\d_]{4,}a\s+){1,3}sesi[oó]n\s+plenaria$", re.IGNORECASE),
    re.compile(r"^\d+-[еяй]\s+пленарное\s+заседание$", re.IGNORECASE),
    re.compile(r"^\[(?:Adopted|Adoptad|Adoptée)[^\]]*\]?\.?$"),
]

# Annex labels (§3.8): "Annex", "Annex I", "ANNEX", "Annex A – Items ...", "Appendix", "Anexo"
ANNEX_LABEL = re.compile(
    r"^(Annex(?:e)?|ANNEX(?:E)?|Appendix|APPENDIX|Anexo|ANEXO|Attachment|Enclosure)"
    r"(?:\s+([IVXLC]+|[A-Z]|\d{1,2}))?\b\s*(?:[–—:-]\s*(.*))?$"
)

# Heading block of the document type (§3.1).
DRAFT_RESOLUTION = re.compile(
    r"\bdraft resolution\b|\bproyecto de resolución\b|\bprojet de résolution\b", re.IGNORECASE
)
DRAFT_DECISION = re.compile(r"\bdraft decision\b|\bproyecto de decisión\b|\bprojet de décision\b", re.IGNORECASE)
ADOPTED_RESOLUTION = re.compile(
    r"^(?:Resolution|RESOLUTION|Resolución|Résolution)\s+(?:adopted|ADOPTED|"
    r"aprobada|adoptée)\b"
)
ADOPTED_DECISION = re.compile(r"^(?:Decision|DECISION|Decisión|Décision)\s+(?:adopted|ADOPTED|aprobada|adoptée)\b")
SC_RESOLUTION_HEAD = re.compile(r"^(?:Resolution|Resolución|Résolution)\s+(\d{1,5}\s*\(\d{4}\))$")
SC_ADOPTION = re.compile(r"^(?:Adopted|Aprobada|Adoptée)\s+by\b|^Adopted by the Security Council")
# "79/271. Title" above an adopted text; a draft (Human Rights Council drafts) prints the number to come as a
# placeholder, "59/… Title", without the dot.
# The number line that heads a resolution or decision reproduced in an annex ("Resolution 74/5").
ANNEXED_TEXT_NUMBER = re.compile(r"(?:Resolution|Decision)\s+(?:S-|ES-)?\d{1,4}/\d{1,4}(?:\s?[A-H])?")
RESOLUTION_NUMBER_TITLE = re.compile(
    r"^((?:S-|ES-)?\d{1,4}/(?:\d{1,4}(?:\s?[A-H])?(?=\.)|…|\.{3}))\.?\s+(.+)$")
SUBMITTED_BY = re.compile(r"^Draft\b[^.;:]{0,300}?\bsubmitted (?:by|to) (.+)$", re.IGNORECASE)
SPONSOR_LINE = re.compile(r"^(.+?):[\s*,]*(?:revised\s+)?draft (?:resolution|decision)\b", re.IGNORECASE)
COMMITTEE_BRACKET = re.compile(
    r"^\[(?:on the report|without reference|sobre la base|sin remisión|sur la base|"
    r"sans renvoi)",
    re.IGNORECASE,
)

DISTRIBUTION = re.compile(
    r"^Distr\.?:?\s*(General|Limited|Restricted|general|limitada|limitée|restreinte|"
    r"reservada|générale|GENERAL|LIMITED|RESTRICTED)?\s*$"
)
ORIGINAL = re.compile(r"^Original\s*:\s*(\S.*)$")
SESSION = re.compile(r"^(.*\b(?:session|período de sesiones|periodo de sesiones)\b.*)$", re.IGNORECASE)
AGENDA = re.compile(
    r"^(?:Agenda items?|Item|Items|Tema|Temas|Point|Points)\s+(.+?)(?:\s+(?:of the provisional"
    r" agenda|del programa|de l[’']ordre du jour).*)?$"
)
JOB_NUMBER = re.compile(r"^((?:[A-Z]{1,2}\.)?\d{2}-\d{5})\**\s*(?:\(([A-Z])\))?")

# Frequent short words, to tell the language of a text (§7).
STOPWORDS = {
    "en": {"the", "of", "and", "to", "in", "its", "that", "for"},
    "es": {"de", "la", "el", "los", "las", "y", "en", "que", "del"},
    "fr": {"le", "la", "les", "des", "et", "du", "en", "que", "de"},
}
JOB_LANGUAGE = {"E": "en", "F": "fr", "S": "es", "R": "ru", "A": "ar", "C": "zh"}
