"""The small "cùng ngành" block of an agency page: a province's Sở and the ministry of its sector.

``data/agencies.yml`` (``line_ministries``) pairs them by the sector name they share; no text
in the corpus states a line of authority, so the block says "cùng ngành" (same sector) and no
more. Both directions: the Sở links to its ministry, the ministry to that Sở of every province
the corpus names (``AgencyFacts.line_ministry`` / ``line_offices``, computed once in
``resolve.agency_index``).
"""

from __future__ import annotations

from tracuu.model.index import AgencyFacts
from tracuu.model.textutil import collation_key
from tracuu.render import urls
from tracuu.render.mdsafe import escape_inline, link

ANCHOR = "cung-nganh"


def line_md(v: AgencyFacts) -> list[str]:
    """Markdown lines of the block ("" when the agency has no pair)."""
    d = urls.AGENCIES
    if v.line_ministry is not None:
        m = v.line_ministry
        return [
            f"## Cơ quan trung ương cùng ngành {{#{ANCHOR}}}\n",
            f"- {link(escape_inline(m.name), urls.agency(m.id, d))}",
            "",
        ]
    if v.line_offices:
        out = [f"## Cơ quan cùng ngành ở các tỉnh {{#{ANCHOR}}}\n"]
        for o in sorted(v.line_offices, key=lambda a: (collation_key(a.province), collation_key(a.name))):
            where = "" if o.province else " (như văn bản trung ương gọi chung, không nêu tỉnh)"
            out.append(f"- {link(escape_inline(o.name), urls.agency(o.id, d))}{where}")
        out.append("")
        return out
    return []
