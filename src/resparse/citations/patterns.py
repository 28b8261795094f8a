"""The citation grammar as named data: regular expressions, word lists and body tables.

Everything `find.py` recognises is declared here, so that a rule can be read (and fixed) in one
place. Each pattern carries, in comments, strings it is meant to match and strings it must not.
The facts behind the forms (symbol grammar, numbering by organ, footnote citation forms) are in
`docs/un-conventions.md`, sections 2 and 4, of the shared material.

Text is matched as printed: whitespace between words may be a space or a line break, so
patterns use `\\s+` wherever a citation may wrap.
"""

from __future__ import annotations

import re

from ..languages import entries, language, languages, table, words_pattern

# ---------------------------------------------------------------------------------------------
# Document symbols
# ---------------------------------------------------------------------------------------------

# One slash-separated component after the first one.
#   numbered:     C.3  CN.15  AC.109  L.45  PV.70  Sub.2  SER.B  MP.PP  Add.1  ADD.43
#   session/year: 77  2022  S-13  ES-10  26695  247B
#   parenthesis:  WP(XXXV)  WGRPE(7)
#   word:         RES  PRST  INF  HRC  DEC  Agenda  NGO  Summary
_COMPONENT = r"""
    (?:[A-Z][A-Za-z]*\.(?:\d+[A-Z]?|[A-Z]{1,4})(?![a-z])
      |(?:S-|ES-)?\d{1,6}[A-H]?
      |[A-Z][A-Za-z]*\([A-Z0-9-]+\)
      |[A-Z][A-Za-z]{0,8})
"""

# A single symbol without its reissue star: first component, at least one more component, then
# (only kept for resolution symbols, see find.py) an SC year / old GA session in parentheses and
# a GA part letter.
#   A/RES/75/138   S/RES/2242 (2015)   S/RES/1373(2001)   A/RES/217 A (III)   A/RES/68/247 B
#   E/CN.4/Sub.2/1994/56   ST/LIB/SER.B/5/Rev.5   PCNICC/2000/WGRPE(7)/DP.1   A/HRC/59/42/Add.1
_SYMBOL_CORE = (
    r"[A-Z][A-Z0-9]*(?:/" + _COMPONENT + r")+"
    r"(?:\s?\((?:\d{4}|[IVXLC]{1,7}|(?:S|ES)-[IVXLC]{1,7}|ORG-\d{2})\))?"
    r"(?:\s[A-H](?:-[A-H])?(?![\w/]))?"  # a resolution part, or a range of parts ("A/RES/70/93 A-B")
)

# The grammar of one symbol, for the masthead reader too (`structure/patterns.py`): one grammar for both.
SYMBOL_CORE = _SYMBOL_CORE

# Symbols, joint symbols and the reissue star.
#   A/79/552-S/2024/767   CTOC/COP/WG.2/2022/4-CTOC/COP/WG.3/2022/4   A/77/L.26*
# Not matched: 2/10 (page counter), 18-16895 (E) (job number), V.22-21550 (Vienna job number),
# /ICEF/2025/L.13 (symbol with its first component lost), SLA/AW or ISIL/Da (no digit: rejected
# after matching, see `symbol_is_plausible`).
SYMBOL = re.compile(
    r"(?<![\w/.\-])(?P<sym>" + _SYMBOL_CORE + r"(?:-" + _SYMBOL_CORE + r")*)(?P<star>\*{1,2})?(?![\w/])",
    re.X,
)

# A symbol inside a citation that was already split out (no lookarounds for the context).
SYMBOL_EXACT = re.compile(r"(?:" + _SYMBOL_CORE + r")\Z", re.X)

# Where a joint symbol may be split: a hyphen followed by the first component of another symbol.
#   "A/79/552-S/2024/767" splits before "S/"; "A/RES/S-13/2" and "A/ES-10/273" do not split.
JOINT_SPLIT = re.compile(r"-(?=[A-Z][A-Z0-9]*/)")

# Abbreviated follow-ons after a symbol: only the final modifier is printed.
#   "A/61/L.45 and Add.1"   "LOS/PCN/130 and Add.1"   "A/59/668/Add.7 à Add.10"   "..., Add.2 and Add.3"
FOLLOW_ON = re.compile(
    r"(?P<sep>\s*,\s*|\s+(?:" + "|".join(entries("citations.follow_on_joiners")) + r")\s+|\s*[-–]\s*)"
    r"(?P<mod>(?:Add|ADD|Rev|REV|Corr|CORR|Amend|AMEND)\.\d+)(?![\w/])"
)
# A range ("Add.7 to Add.10") gives its two ends only; the numbers in between are not printed.

# Modifiers and numbered components written in canonical case.
#   ADD.43 -> Add.43   corr.1 -> Corr.1   l.5 -> L.5   pv.70 -> PV.70
MODIFIER = re.compile(r"(?i)^(add|rev|corr|amend)\.(\d+)$")
CANONICAL_MODIFIERS = {"add": "Add", "rev": "Rev", "corr": "Corr", "amend": "Amend"}
UPPER_NUMBERED = re.compile(r"(?i)^(l|pv|sr|crp|wp)\.(\d+[A-Z]?)$")

# First components of series that undocs.org resolves (UN organs, treaty bodies, UN
# conferences and programmes whose documents are in the Official Document System). A symbol of
# another series (WHO's WHA58/2005/REC/1, CBD/COP/15/17) is still a citation, but gets no link.
UNDOCS_SERIES = frozenset({
    "A", "S", "E", "ST", "T", "CRC", "CCPR", "CAT", "CEDAW", "CERD", "CMW", "CRPD", "CED", "DP",
    "TD", "UNEP", "FCCC", "CTOC", "HSP", "ECE", "PCNICC", "SPLOS", "TPNW", "LOS", "CD", "NPT",
    "CCW", "BWC", "APLC",
})

UNDOCS = "https://undocs.org/"

# Single-letter first components that exist (GA, SC, ECOSOC, Trusteeship Council); `G/36` in a
# flattened table is not a symbol.
SINGLE_LETTER_SERIES = frozenset({"A", "S", "E", "T"})

# ---------------------------------------------------------------------------------------------
# URLs
# ---------------------------------------------------------------------------------------------

# A URL runs to the next whitespace; trailing sentence punctuation is stripped afterwards.
#   "Available at https://www.un.org/ohrlls/sites/..."   "See www.ctbto.org/our-mission/..."
URL = re.compile(r"(?<![\w@/])(?:https?://|www\.)[^\s<>\"“”‘’]+", re.I)
URL_TRAILING = ".,;:!?'\"”’"
# A URL broken at the end of a line continues on the next one when the line ends inside it:
#   "https://www.un.org/.../ldcs_ministerial_declaration_" ⏎ "2024.pdf."
#   "www.un.org/en/observances/end-" ⏎ "nuclear-tests-day."
URL_CONTINUES_AFTER_NEWLINE = "-_/=&?#%"
URL_CONTINUES_AFTER_SPACE = "-_"  # lines already joined with a space by the caller
URL_CONTINUATION = re.compile(r"(?P<gap>[ \t]*\n[ \t]*|[ \t])(?P<more>[\w\-./?=&%#~+:()]+)")
URL_CONTINUATION_LOOKS_LIKE_URL = re.compile(r"[./\-_=&%#]|\d")
# After a hyphen or underscore the next word always continues the URL ("...-business-and-human-" ⏎
# "rights."); after "/", "=" and the like it must look like URL text itself.
URL_BROKEN_WORD = "-_"
# Links that name a document symbol.
#   https://undocs.org/A/RES/10/4   https://undocs.org/fr/S/RES/6(1946)   https://docs.un.org/en/A/RES/80/174
#   https://documents.un.org/api/symbol/access?s=A/HRC/RES/52/2&l=en&t=pdf   ...get?Open&DS=A/65/PV.22&Lang=E
URL_SYMBOL_PATH = re.compile(
    r"^https?://(?:www\.)?(?:undocs\.org|docs\.un\.org)/(?:(?:en|fr|es|ar|ru|zh)/)?(?P<sym>[^?#]+)$", re.I
)
URL_SYMBOL_QUERY = re.compile(r"[?&](?:s|DS|symbol)=(?P<sym>[^&#]+)", re.I)

# ---------------------------------------------------------------------------------------------
# Resolutions and decisions
# ---------------------------------------------------------------------------------------------

# The words that introduce resolution and decision numbers, English, Spanish and French.
#   resolution  resolutions  Resolution  resolución  resoluciones  résolution  decision  décisions
RESOLUTION_WORDS = "|".join(entries("citations.resolution_forms"))  # languages/data/<code>.toml
DECISION_WORDS = "|".join(entries("citations.decision_forms"))

# Possessives and adjectives that may stand between a body and the keyword.
#   "its resolution"  "its previous resolutions"  "their resolutions"  "su resolución"
POSSESSIVES = "|".join(entries("citations.possessives"))
ADJECTIVES = "|".join(entries("citations.adjectives"))

# Issuing bodies: canonical name -> the ways it is printed. Longer names are tried first so that
# "World Health Assembly" wins over "Assembly" and "Human Rights Council" over "Council".
GENERAL_ASSEMBLY = "General Assembly"
SECURITY_COUNCIL = "Security Council"
ECOSOC = "Economic and Social Council"
HUMAN_RIGHTS_COUNCIL = "Human Rights Council"
WORLD_HEALTH_ASSEMBLY = "World Health Assembly"

BODY_NAMES: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in table("citations.bodies").items()}

# Named bodies not listed above: a head noun followed by a capitalised name.
#   "Commission on Crime Prevention and Criminal Justice"   "Commission for Social Development"
#   "Conference of the Parties to the United Nations Convention against Transnational Organized Crime"
# The name is taken as printed (whitespace collapsed).
BODY_HEADS = ("Commission", "Committee", "Conference", "Board", "Council", "Assembly", "Forum")
_CAP = r"[A-Z][\w’'-]*"
_CONNECTOR = r"(?:on|for|of|the|and|to|against|in)"
GENERIC_BODY = (
    r"(?:" + "|".join(BODY_HEADS) + r")\s+" + _CONNECTOR + r"\s+(?:" + _CONNECTOR + r"\s+)*"
    + _CAP + r"(?:\s+(?:" + _CONNECTOR + r"\s+)*" + _CAP + r")*"
)

# The head noun alone refers to a body named elsewhere: "Assembly resolution 70/175" in a GA
# text, "Council resolution 2013/12" in an ECOSOC text, "Conference resolution 9/1" in a
# conference text. Resolved against the citing document's body in find.py.
# Bodies named by their head noun alone ("the Council", "el Consejo"; `citations.short_bodies`), and the English
# head noun each printed form stands for.
SHORT_BODY_OF: dict[str, str] = {
    printed: head for head, forms in table("citations.short_bodies").items() for printed in forms}
SHORT_BODY_NAMES = tuple(SHORT_BODY_OF)

# Bodies named by the number itself (UNFCCC-family decisions "1/CP.21", "1/CMA.6", "1/CMP.1").
UNFCCC_BODIES = {
    "CP": "Conference of the Parties to the United Nations Framework Convention on Climate Change",
    "CMA": "Conference of the Parties serving as the meeting of the Parties to the Paris Agreement",
    "CMP": "Conference of the Parties serving as the meeting of the Parties to the Kyoto Protocol",
}


def _alternation(names: list[str]) -> str:
    ordered = sorted(names, key=len, reverse=True)
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in ordered)


KNOWN_BODY_ALIASES: dict[str, str] = {
    alias.lower(): canonical for canonical, aliases in BODY_NAMES.items() for alias in aliases
}
# Abbreviations accepted for `context_body` only (never matched in text).
BODY_ABBREVIATIONS = {
    "ga": GENERAL_ASSEMBLY, "sc": SECURITY_COUNCIL, "hrc": HUMAN_RIGHTS_COUNCIL, "wha": WORLD_HEALTH_ASSEMBLY,
}
KNOWN_BODY = _alternation([a for aliases in BODY_NAMES.values() for a in aliases])
# A known body at the end of a name as a formula prints it ("إن المجلس الاقتصادي والاجتماعي،"), and the
# punctuation after it.
KNOWN_BODY_AT_END = re.compile(r"(?<!\w)(?P<body>" + KNOWN_BODY + r")\Z")
NAME_TRAILING = " ,،，:;"
BODY = r"(?:" + KNOWN_BODY + r"|" + GENERIC_BODY + r"|" + "|".join(SHORT_BODY_NAMES) + r")"

# The head of a resolution/decision citation: optional body or possessive, the keyword.
#   "General Assembly resolution"  "its resolution"  "Recalls its previous resolutions"
#   "قرار الجمعية العامة" (the body after the keyword)
#   "Human Rights\nCouncil resolution"  "Resolutions"  "decisions"
CITATION_HEAD = re.compile(
    r"(?<![\w-])"
    r"(?:(?P<body>" + BODY + r")\s+(?:(?:" + ADJECTIVES + r")\s+)?"
    r"|(?P<its>" + POSSESSIVES + r")\s+(?:(?:" + ADJECTIVES + r")\s+)?)?"
    r"(?P<kw>(?P<res>" + RESOLUTION_WORDS + r")|(?P<dec>" + DECISION_WORDS + r"))"
    # The body after the keyword: "قرار الجمعية العامة 70/1", "las resoluciones de la Asamblea General 1514 (XV)".
    r"(?:\s+(?:" + "|".join(entries("citations.body_after_forms")) + r")?(?P<body_after_kw>" + BODY + r"))?"
    r"(?=\s+(?:S-|ES-)?\d)"
)

# One resolution or decision number, in the forms each organ uses (conventions §2.3).
#   unfccc:  1/CP.21   1/CMA.6
#   session: 75/138   S-30/1   ES-10/23   2024/11 (ECOSOC, executive boards)   68/247 B   31/6 A and B
#   paren:   2242 (2015)   1514 (XV)   217 A (III)   3201 (S-VI)   1915 (ORG-75)
#   dotted:  69.2 (World Health Assembly)
#   bare:    2216 (a Security Council resolution cited without its year)
# Not matched: "paragraph 1 (a)", "Agenda item 25 (b)" (no keyword before them).
NUMBER = re.compile(
    r"(?P<unfccc>\d{1,2}/(?P<cop>CP|CMA|CMP)\.\d{1,2})(?![\w/])"
    r"|(?P<session>(?P<first>(?:S-|ES-)?\d{1,4})/\d{1,3}"
    r"(?:\s?[A-H](?![\w/])(?:(?:\s(?:and|to)\s|\s?-\s?)[A-H](?![\w/]))?)?)(?![\w/])"
    r"|(?P<paren>\d{1,4}(?:\s?[A-H])?\s?\((?:(?P<year>\d{4})|(?:S-|ES-)?[IVXLC]{1,7}|ORG-\d{2})\))"
    r"|(?P<dotted>\d{1,2}\.\d{1,3})(?![\d.]\d)"
    r"|(?P<bare>\d{1,4})(?![\w/.]|\.\d|\s?\()"
)

# Between two numbers of one list.
#   "70/1 and 70/299"   "2057 (2012), 2109 (2013)"   "2022/16, 2023/15 and 2024/11"   "75/239 y 77/248"
# A comma must be followed by a space: "14/1,3" is a number and a footnote marker.
AND = "|".join(entries("citations.and"))  # "and", "y", "et", "и"
LIST_SEPARATOR = re.compile(
    r"(?:\s*,\s+(?:(?:" + AND + r")\s+)?|\s+(?:" + "|".join([AND, *entries("citations.list_joiner_forms")])
    + r")\s+)(?=(?:S-|ES-)?\d)"
)

# Month names of every language and their numbers (`dates.months`); a name of two words joined by "/"
# (Arabic "تموز/يوليه") is one name.
MONTHS: dict[str, int] = {k.lower(): v for k, v in table("dates.months").items()}
# A line may break after the "/" ("تموز/ يوليه").
_MONTH = "|".join(
    re.escape(m).replace(r"\ ", r"\s+").replace("/", r"/\s*") for m in sorted(MONTHS, key=len, reverse=True)
)
MONTH_ALTERNATION = _MONTH
# The word between day, month and year ("9 de enero de 2023"), as an optional pattern with its space.
DATE_JOINER = rf"(?:(?:{words_pattern(entries('dates.joiners'))})\s+)?" if entries("dates.joiners") else ""
# The word after the year ("8 июня 2022 года").
YEAR_SUFFIX = rf"(?:\s+(?:{words_pattern(entries('dates.year_suffix'))})\b)?" if entries("dates.year_suffix") else ""
_DAY_SUFFIX = "|".join(entries("dates.day_suffix_forms"))
_DATE_OF = words_pattern(entries("citations.date_of"))

# The adoption date printed after a number.
#   " of 16 October 2020"   " of\n20 December 2006"   ", de 10 de diciembre de 2020"   " du 1er août 2020"
# Not matched: "25 July 2024–30 July 2025" on its own (no number and keyword before it).
DATE_AFTER_NUMBER = re.compile(
    r"(?:,?\s+(?:" + _DATE_OF + r")\s+)(?P<day>\d{1,2})(?:" + _DAY_SUFFIX + r")?\s+" + DATE_JOINER
    + r"(?P<month>" + _MONTH + r")\s+" + DATE_JOINER + r"(?P<year>\d{4})(?!\d)" + YEAR_SUFFIX,
    re.I,
)

# A body printed after the number: "resolution 5/1 of the Human Rights Council",
# "la resolución S-30/1 del Consejo de Derechos Humanos".
BODY_AFTER_NUMBER = re.compile(
    r"\s+(?:" + "|".join(entries("citations.body_after_forms")) + r")(?P<body>" + KNOWN_BODY + r")"
)

# "its" refers to the body named just before it rather than to the citing document.
#   "the Economic and Social Council, in its resolution 2003/14"
#   "established by the General Assembly in its resolution 65/182"
#   "the adoption by the Working Group of its decision 14/1"
# Besides the bodies above, any capitalised name ending in a head noun counts here.
_NAMED_GROUP = (
    r"(?:" + _CAP + r"\s+(?:" + _CONNECTOR + r"\s+)*)*(?:Working\s+Group|" + "|".join(BODY_HEADS) + r")"
)
BODY_BEFORE_ITS = re.compile(
    r"(?P<body>" + KNOWN_BODY + r"|" + GENERIC_BODY + r"|" + _NAMED_GROUP + r")"
    r"\s*,?\s+(?:in|by|through|under|of)\s+\Z"
)
#   "By its resolution 79/38, the General Assembly confirmed"
BODY_AFTER_ITS = re.compile(r",\s+the\s+(?P<body>" + KNOWN_BODY + r")\b")
# How far back (characters) to look for that body.
ITS_LOOKBACK = 80

# A resolution citation with no body of its own takes the body of the one just before it when only
# a pinpoint and a connector separate them:
#   "General Assembly resolution S-23/2, annex, and resolution S-23/3, annex"
#   "Resolution 79/233, annex; see also resolution 79/279"
SAME_BODY_CONNECTOR = re.compile(
    r"\s*[,;]?\s*(?:(?:and|as\s+well\s+as|see\s+also|and\s+also)\s+)?(?:the\s+)?\Z"
)

# Languages that print the keyword after the numbers (`citations.number_prefix_forms`, `number_suffix_forms`):
#   "大会2015年9月25日第70/1号决议"   "其2019年7月23日第2019/26号、2020年7月22日第2020/21号决议"   "第2020/21号决定"
# Each number may have its date (`dates.ymd_forms`) before it; the body, and a date and title ("题为“…”的",
# "关于…的") for the first number, stand before the list (`KEYWORD_AFTER_GAP`).
_YMD = "|".join(f"(?:{f})" for f in entries("dates.ymd_forms")) or "(?!)"
_NUM_PREFIX = "|".join(entries("citations.number_prefix_forms")) or "(?!)"
_NUM_SUFFIX = "|".join(entries("citations.number_suffix_forms")) or "(?!)"
_KEYWORD_ITEM = (
    r"(?:(?P<date>" + _YMD + r")\s*)?(?:" + _NUM_PREFIX + r")\s*(?P<num>(?:S-|ES-)?\d[\w/.()\- ]*?)\s*(?:"
    + _NUM_SUFFIX + r")"
)
KEYWORD_AFTER_ITEM = re.compile(_KEYWORD_ITEM)
YMD_DATES = [re.compile(f) for f in entries("dates.ymd_forms")]
_KEYWORD_ITEM_PLAIN = re.sub(r"\(\?P<\w+>", "(?:", _KEYWORD_ITEM)
_ENUMERATION = "|".join([*entries("citations.enumeration_forms"), AND])
KEYWORD_AFTER_LIST = re.compile(
    _KEYWORD_ITEM_PLAIN + r"(?:\s*(?:" + _ENUMERATION + r")\s*" + _KEYWORD_ITEM_PLAIN + r")*"
    r"\s*(?P<kw>(?P<res>" + RESOLUTION_WORDS + r")|(?P<dec>" + DECISION_WORDS + r"))"
)
KEYWORD_AFTER_BODY = re.compile(r"(?P<body>" + KNOWN_BODY + r")|(?P<its>" + POSSESSIVES + r")")
KEYWORD_AFTER_GAP = re.compile(
    r"\s*(?:(?P<date>" + _YMD + r")\s*)?(?:(?:" + "|".join(entries("citations.title_forms") or ["(?!)"]) + r")\s*)?"
)
KEYWORD_AFTER_LOOKBACK = 400
# Where a clause ends: the body of a list is looked for after it.
CLAUSE_END = re.compile(r"[；;。]")

# Page furniture: a line holding only a page counter and a job number ("2/5 25-10706",
# "25-11473 5/21", "V.22-21550 4/5"). A number on such a line is not a citation, even right after
# "decisions" at the foot of a page.
PAGE_FURNITURE_LINE = re.compile(
    r"^[ \t]*(?:\d{1,3}/\d{1,3}[ \t]+(?:V\.|GE\.)?\d{2}-\d{5}"
    r"|(?:V\.|GE\.)?\d{2}-\d{5}[ \t]+\d{1,3}/\d{1,3})[ \t]*$",
    re.M,
)

# Years that make a "YYYY/n" number year-style (ECOSOC from 1978, executive boards).
YEAR_STYLE_MIN, YEAR_STYLE_MAX = 1946, 2100

# ---------------------------------------------------------------------------------------------
# Pinpoints: where in the cited text ("annex II", "para. 6", "chap. IV, sect. A, para. 4")
# ---------------------------------------------------------------------------------------------

_PIN_LABEL = r"(?:[IVXLC\d]+[A-Za-z]?|[A-Z](?![\w/]))(?:\.[A-Z\d]+)*"
_PIN_WORD_BARE = "|".join(entries("citations.pinpoint_bare_forms"))
_PIN_WORD_NUMBERED = "|".join(entries("citations.pinpoint_numbered_forms"))
# "(A/80/401, para. 6)"   "Resolution 69/313, annex."   "..., paras. 8 and 10"   ", anexo."
# Not matched: ", annexed to Conference resolution 9/1", ", particularly".
PINPOINT = re.compile(
    r"(?:,\s*(?:(?:" + _PIN_WORD_BARE + r")\b(?:\s+" + _PIN_LABEL + r")?"
    r"|(?:" + _PIN_WORD_NUMBERED + r")\s+" + _PIN_LABEL + r")"
    r"(?:(?:\s+(?:" + "|".join(entries("citations.follow_on_joiners")) + r")\s+|\s*[-–]\s*)" + _PIN_LABEL
    + r"(?![\w/]))?)+"
)

# ---------------------------------------------------------------------------------------------
# United Nations Treaty Series
# ---------------------------------------------------------------------------------------------

# "United Nations, Treaty Series, vol. 2187, No. 38544."
# "United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574."
# "Naciones Unidas, Treaty Series, vol. 1577, núm. 27531."
# "Nations Unies, Recueil des Traités, vol. 75, no 973"
TREATY = re.compile(
    r"(?:" + words_pattern(entries("masthead.united_nations")) + r"),\s+(?:"
    + "|".join(entries("citations.treaty_series_forms")) + r"),"
    r"\s+(?:" + "|".join(entries("citations.volume_forms")) + r")\s+(?P<vols>\d+(?:\s*,\s*\d+)*(?:,?\s+(?:"
    + AND + r")\s+\d+)?)"
    r"(?:,\s+(?:" + "|".join(entries("citations.number_forms")) + r")\s*(?P<no>\d+))?"
)
VOLUME_LIST_SPLIT = re.compile(r"\s*,\s*(?:(?:" + AND + r")\s+)?|\s+(?:" + AND + r")\s+")

# ---------------------------------------------------------------------------------------------
# Official Records
# ---------------------------------------------------------------------------------------------

# One pattern a language, built from its `[citations]` data (`records_*_forms`; see en.toml):
# "Official Records of the General Assembly, Seventy-first Session, Supplement No. 53A (A/71/53/Add.1)"
# "Official Records of the Economic and Social Council, 1998, Supplement No. 21 (E/1998/41)"
# "Official Records of the Security Council, Sixty-eighth Year, Supplement for January, ..."
# "Official Records of the Third United Nations Conference on the Law of the Sea, vol. XVII"
# "Documents officiels de l’Assemblée générale, soixante-dixième session, Supplément no 16 (A/70/16)"
# "《大会正式记录，第七十届会议，补编第16号》(A/70/16)"
# "الوثائق الرسمية للجمعية العامة، الدورة السبعون، الملحق رقم 16 (A/70/16)"
# The symbols follow in parentheses, or in square brackets when they hold parentheses themselves
# ("[A/73/12 (Part I) et A/73/12 (Part II)]").
_RECORDS_INNER = r"(?:\s*\((?P<inner>[^()]*(?:\([^()]*\)[^()]*)*)\)|\s*\[(?P<inner_sq>[^\[\]]*)\])?"


def _ordinal_pattern(data: dict) -> str:
    c = data.get("citations", {})
    singles, tens = list(c.get("ordinals", {})), list(c.get("ordinal_tens", {}))
    units = [w for w, v in c.get("ordinals", {}).items() if v < 20]
    joiner = "|".join(c.get("ordinal_joiner_forms", ["(?!)"]))
    first, second = (units, tens) if c.get("ordinal_units_first") else (tens, units)
    compound = rf"(?:{words_pattern(first)})(?:{joiner})(?:{words_pattern(second)})" if tens else "(?!)"
    return rf"(?P<ordinal>(?i:{compound}|{words_pattern(singles)}))"


def _records_pattern(data: dict) -> re.Pattern[str] | None:
    c = data.get("citations", {})
    if not c.get("records_forms"):
        return None
    fill = {
        "body": KNOWN_BODY, "ordinal": _ordinal_pattern(data), "year": r"(?P<year>\d{4})(?!\d)",
        "supplement": r"(?P<supplement>\d+[A-Z]?)", "volume": r"(?P<volume>[IVXLC]+|\d+)",
    }

    def forms(key: str) -> str:
        alts = [re.sub(r"\{(\w+)\}", lambda m: fill[m[1]], f) for f in c.get(key, [])]
        return "|".join(f"(?:{a})" for a in alts) or "(?!)"

    comma = r"\s*(?:" + "|".join(re.escape(x) for x in c.get("commas", [","])) + r")\s*"
    return re.compile(
        r"(?:" + forms("records_forms") + r")" + comma
        + r"(?:" + "|".join(forms(k) for k in ("records_session_forms", "records_year_forms", "records_volume_forms"))
        + r")(?:" + comma + r"(?:" + forms("records_supplement_forms") + r"))?"
        + (r"\s*(?:" + forms("records_end_forms") + r")" if c.get("records_end_forms") else "")
        + _RECORDS_INNER
    )


# (language code, pattern) for every language that has Official Records forms.
OFFICIAL_RECORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (code, pattern) for code, data in languages().items() if (pattern := _records_pattern(data)) is not None
)


def ordinal_value(word: str, code: str = "en") -> int | None:
    """The number an ordinal word of language `code` names (its `citations.ordinals`, or tens and a unit):
    "Seventy-first" -> 71, "soixante-treizième" -> 73, "七十三" -> 73, "الثانية والخمسون" -> 52."""
    c = language(code).get("citations", {})
    singles = {k.lower(): v for k, v in c.get("ordinals", {}).items()}
    tens = {k.lower(): v for k, v in c.get("ordinal_tens", {}).items()}
    w = " ".join(word.lower().split())
    if w in singles:
        return singles[w]
    for j in re.finditer("|".join(c.get("ordinal_joiner_forms", ["(?!)"])), w):
        a, b = w[: j.start()], w[j.end():]
        ten, unit = (b, a) if c.get("ordinal_units_first") else (a, b)
        if ten in tens and singles.get(unit, 20) < 20:
            return tens[ten] + singles[unit]
    return None


# ---------------------------------------------------------------------------------------------
# Ibid.
# ---------------------------------------------------------------------------------------------

# "Ibid."   "Ibid., vol. 2225, No. 39574."   "Ibid., annex I."   "Ibíd., párr. 5"
IBID = re.compile(
    r"(?<!\w)(?:" + "|".join(entries("citations.ibid_forms")) + r")(?:,\s+(?:"
    + "|".join(entries("citations.volume_forms")) + r")\s+(?P<volume>[IVXLC]+|\d+)"
    r"(?:,\s+(?:" + "|".join(entries("citations.ibid_number_forms")) + r")\s*(?P<no>\d+))?)?"
)
