"""A news article copied from a portal: date line, headline, body, byline.

An article has no Số, no Quốc hiệu and no type line; what marks it is the
date the portal prints over it ("24/01/2024", "Thứ Năm, 16/05/2025 - 09:15").
"""

from __future__ import annotations

import re

from tracuu.model.records import Signer
from tracuu.model.textutil import plain
from tracuu.parse.clean import Line
from tracuu.parse.common import NAME, Layout, is_upper_line, iso_date

# The date a portal prints over an article: "24/01/2024", "Thứ Năm, 16/05/2025 - 09:15",
# "06/05/2021 - 05:44", "(06/05/2022)", "Cập nhật lúc: 09:31 31/05/2018".
NEWS_DATE = re.compile(
    r"^\(?(?:[^\d]{0,25})?(?:\d{1,2}:\d{2}(?::\d{2})?\s+)?(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\)?"
    r"(?:\s*[-|,]?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:AM|PM|GMT\+7))?)?\s*\)?\s*$",
    re.I,
)


def looks_like_news(lines: list[Line]) -> bool:
    """Whether one of the first four lines with text is a portal's date line."""
    content = [ln for ln in lines if plain(ln.text)]
    return any(NEWS_DATE.match(plain(ln.text)) for ln in content[:4])


# A byline: "Thu Trang", "PHƯƠNG LAN" (portals often print it in capitals),
# "Minh Châu (Sở LĐ-TB&XH)", "Bài, ảnh: Hoàng Anh".
_UPPER_NAME = re.compile(r"^(?:[A-ZÀ-ỸĐ]+\s+){1,4}[A-ZÀ-ỸĐ]+$")
_BYLINE = re.compile(
    r"^(?:(?:Bài\s+và\s+ảnh|Bài,\s*ảnh|Tin,\s*ảnh|Tin\s+và\s+ảnh|Bài|Tin|Tác\s+giả)\s*:\s*)?"
    r"(?P<name>[^()\d:;,.]{3,40}?)\s*(?:\([^()]{1,60}\))?$"
)


def _byline(text: str) -> str:
    """The author's name when ``text`` (an article's last line) is a byline, else ""."""
    m = _BYLINE.match(text)
    if not m:
        return ""
    name = m.group("name").strip()
    if NAME.match(name) or (_UPPER_NAME.match(name) and is_upper_line(name)):
        return name
    return ""


def read_news(lines: list[Line], lay: Layout) -> list[Line]:
    """Headline, date and byline of a news article; returns the body lines."""
    content = [ln for ln in lines if plain(ln.text)]
    body: list[Line] = list(content)
    for ln in content[:4]:
        if m := NEWS_DATE.match(plain(ln.text)):
            lay.date = iso_date(m.group("y"), m.group("m"), m.group("d"))
            lay.date_line = ln.no
            lay.date_text = plain(ln.text)
            body.remove(ln)
            break
    if body:
        head = body.pop(0)
        lay.subject = plain(head.text)
        lay.subject_line = head.no
    if body and (byline := _byline(plain(body[-1].text))):
        last = body.pop()
        lay.signer = Signer(name=byline, title="")
        lay.signer_line = last.no
        lay.closing = [last.text]
    lay.doc_type = "Tin bài"
    lay.is_news = True
    return body
