"""What a citation found in a unit's text is: its kind, where it stands, and its normalised fields."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

KINDS = ("symbol", "resolution", "decision", "treaty", "official_records", "ibid", "url")


@dataclass(frozen=True)
class Citation:
    """One citation, as printed at `offset` in the text it was found in.

    `text` is exactly `source[offset:offset + len(text)]`. The other fields are normalised and
    set only when the kind has them and the text gives (or implies) them:

    - `symbol`: canonical UN document symbol (`S/RES/2242 (2015)`, `A/79/552-S/2024/767`);
      `symbols` lists the single symbols when the citation covers several (the parts of a joint
      symbol, the symbols in an Official Records parenthesis). `reissue` is a stripped `*`/`**`.
    - `url`: the link: the URL itself for kind `url`, else `https://undocs.org/<symbol>` with
      spaces removed, when the symbol belongs to a series undocs.org serves.
    - `body`: issuing body of a resolution or decision (`General Assembly`, `Security Council`,
      `Economic and Social Council`, `Human Rights Council`, `World Health Assembly`, or a name
      as printed); `number` as cited (`75/138`, `2242 (2015)`, `217 A (III)`, `69.2`, `1/CP.21`);
      `date`: adoption date, ISO `YYYY-MM-DD`.
    - `volume` / `volumes` / `treaty_number`: United Nations Treaty Series volume (the first, and
      all of them when several are printed) and registration number; `volume` is also an
      Official Records volume or the volume an `Ibid.` adds.
    - `organ`, `session`, `year`, `supplement`: Official Records (`General Assembly`, 71, —,
      `53A`; ECOSOC records are by `year`).
    - `pinpoint`: the part of the cited text printed after it (`annex II`, `para. 6`,
      `chap. IV, sect. A, para. 4`).
    - `repeats`: for kind `ibid`, the kind of the citation it repeats (its fields are copied).
    - `target`: the canonical string naming what is cited, the node of a citation graph: the
      symbol when there is one, else a readable key (`World Health Assembly resolution 69.2`,
      `UNTS No. 39574`, the URL).
    """

    kind: str
    text: str
    offset: int
    symbol: str | None = None
    symbols: tuple[str, ...] | None = None
    reissue: str | None = None
    url: str | None = None
    body: str | None = None
    number: str | None = None
    date: str | None = None
    volume: str | None = None
    volumes: tuple[str, ...] | None = None
    treaty_number: str | None = None
    organ: str | None = None
    session: int | None = None
    year: int | None = None
    supplement: str | None = None
    pinpoint: str | None = None
    repeats: str | None = None
    target: str | None = None

    @property
    def end(self) -> int:
        return self.offset + len(self.text)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: fields that are None are left out, tuples become lists."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None:
                continue
            out[f.name] = list(value) if isinstance(value, tuple) else value
        return out

    def normalised(self) -> dict[str, Any]:
        """The fields that describe what is cited (everything but kind, text and offset)."""
        return {k: v for k, v in self.to_dict().items() if k not in ("kind", "text", "offset")}
