"""Telephone lines the documents name: the national child-protection line and local hotlines.

Found once per build (``resolve.index``); the portal shows each with the
clause that names it.
"""

from __future__ import annotations

import re

from tracuu.model.corpus import Corpus
from tracuu.model.index import Hotline
from tracuu.model.textutil import plain

_NATIONAL = re.compile(
    r"(?P<name>Tổng đài(?:\s+điện thoại)?\s+quốc gia\s+(?:về\s+)?bảo vệ trẻ em)[\s“\"(]*(?:số\s*)?(?P<number>\d{3,5})\b"
)
_LOCAL = re.compile(
    r"(?P<name>[Đđ]ường dây\s+(?:nóng|tư vấn)[^();.]{0,80}?(?:tỉnh|thành phố|huyện)\s+"
    r"(?P<place>[A-ZĐÂĂÊÔƠƯ][^\W\d_]*(?:\s+[A-ZĐÂĂÊÔƠƯ][^\W\d_]*)*))\s*\(?\s*(?:số\s*)?(?P<number>\d[\d .]{2,14}\d)"
)


def _sentence_at(text: str, start: int, end: int) -> str:
    left = max(text.rfind(";", 0, start), text.rfind(". ", 0, start))
    right_candidates = [i for i in (text.find(";", end), text.find(". ", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return " ".join(text[left + 1 : right + 1].split()).strip()


def hotlines(corpus: Corpus) -> tuple[Hotline, ...]:
    out: list[Hotline] = []
    for doc in sorted(corpus.documents, key=lambda d: d.id):
        for b in doc.body:
            text = plain(b.text)
            for rx, national in ((_NATIONAL, True), (_LOCAL, False)):
                for m in rx.finditer(text):
                    out.append(
                        Hotline(
                            number=re.sub(r"[ .]", "", m.group("number")),
                            name=" ".join(m.group("name").split()),
                            place="" if national else m.group("place"),
                            doc_id=doc.id,
                            block=b.anchor,
                            sentence=_sentence_at(text, m.start(), m.end()),
                        )
                    )
    return tuple(out)
