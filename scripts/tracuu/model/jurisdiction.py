"""Where a document's local names point: its province and, for a district's or commune's own document, that unit."""

from __future__ import annotations

from typing import NamedTuple


class Jurisdiction(NamedTuple):
    """("Bắc Kạn", "thành phố Bắc Kạn"); ("Bắc Kạn", "") for a provincial document; ("", "") when unknown."""

    province: str = ""
    district: str = ""  # "huyện Ba Bể", "thành phố Bắc Kạn", "xã Quảng Khê" (from July 2025)
