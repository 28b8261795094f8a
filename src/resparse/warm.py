"""Imported by the batch's fork server, once: builds what every worker would otherwise build again for
each file (the schema validators, the PDFium call declarations). Workers are forked with it done."""

from __future__ import annotations

from .extract.pdfium import _per_glyph_calls
from .schema.validate import warm_up

warm_up()
_per_glyph_calls()
