"""Citations in UN resolution text: document symbols, resolutions and decisions, treaties,
Official Records, `Ibid.` and URLs, found, normalised and linked (`find_citations`), and a
document's citation edges (`edges`)."""

from .find import canonical_body, canonical_symbol, find_citations
from .graph import edges
from .model import KINDS, Citation

__all__ = ["Citation", "KINDS", "canonical_body", "canonical_symbol", "edges", "find_citations"]
