"""Guidance pages: "Khi trẻ em gặp nguy hiểm", for teachers, for parents.

Every statement is a verbatim quotation (chosen in ``resolve.guidance``) with a
link to the clause it comes from; the pages add no advice of their own.
"""

from __future__ import annotations

from collections import defaultdict

from tracuu.model.corpus import Corpus
from tracuu.model.index import REPORTING_ID, CorpusIndex, Guidance, Quote
from tracuu.model.textutil import collation_key
from tracuu.model.topics import Audience
from tracuu.render import urls
from tracuu.render.mdsafe import escape_inline, link
from tracuu.render.portal.common import agency_href, front_matter, quote, source_link
from tracuu.render.portal.hotlines import hotline_box, national_line


def _duties_md(duties: tuple[Quote, ...]) -> list[str]:
    out: list[str] = []
    by_agency: dict[str, list[Quote]] = defaultdict(list)
    names: dict[str, str] = {}
    for q in duties:
        if q.duty is not None:  # always, for a duty quote
            by_agency[q.duty.agency_id].append(q)
            names[q.duty.agency_id] = q.duty.agency
    for aid in sorted(by_agency, key=lambda a: (not by_agency[a][0].whole, collation_key(names[a]))):
        head = link(escape_inline(names[aid]), agency_href(aid, urls.GUIDANCE))
        out.append(f"### {head} {{#{aid}}}\n")
        for q in by_agency[aid]:
            role = q.duty.role if q.duty else ""
            out.append(quote(q.text))
            out.append("")
            out.append(f"Nguồn: {source_link(q.doc, q.anchor)}" + (f" · vai trò: {escape_inline(role)}" if role else "") + "\n")
    return out


def guidance_page(audience: Audience, corpus: Corpus, index: CorpusIndex, title: str, intro: str) -> str:
    found = index.guidance.get(audience.id, Guidance())
    duties, paras = found.duties, found.paragraphs
    sources = sorted({q.doc.source for q in duties} | {q.doc.source for q in paras})
    tag_ids = {t for q in duties if q.duty for t in q.duty.topics}
    tags = [t.name for t in index.topics.topics if t.id in tag_ids]
    # Search boost like a topic page: "giáo viên cần làm gì" is this page.
    out = [front_matter(["data/topics.yml", *sources], tags, extra="search:\n  boost: 3"), f"# {title}\n", intro + "\n"]
    out.append(hotline_box(corpus, index))
    out.append(f"Xem thêm: [Khi trẻ em gặp nguy hiểm]({urls.href(urls.GUIDANCE, 'index', urls.GUIDANCE)}).\n")
    out.append("## Văn bản giao nhiệm vụ {#nhiem-vu}\n")
    if not duties:
        out.append("Chưa có văn bản nào trong kho giao nhiệm vụ cho đối tượng này.\n")
    out += _duties_md(duties)
    if paras:
        out.append("## Các đoạn văn khác nhắc tới {#doan-van}\n")
        for q in paras:
            out.append(quote(q.text))
            out.append("")
            out.append(f"Nguồn: {source_link(q.doc, q.anchor)}\n")
    out.append(
        "<small>Các đoạn trên được chọn tự động: nhiệm vụ của cơ quan thuộc ngành "
        f"({escape_inline(', '.join(audience.sectors) or 'không ngành nào')}) hoặc có từ: "
        f"{escape_inline(', '.join(audience.keywords))} (danh sách trong `data/topics.yml`). "
        "Phần trích giữ nguyên lời văn; “…” đánh dấu chỗ lược bớt.</small>\n"
    )
    return "\n".join(out).rstrip() + "\n"


def danger_page(corpus: Corpus, index: CorpusIndex) -> str:
    items = index.guidance.get(REPORTING_ID, Guidance()).paragraphs
    sources = sorted({q.doc.source for q in items})
    # Search boost like a topic page: "trẻ bị xâm hại phải làm gì" is this page.
    out = [front_matter(sources or "sources/", extra="search:\n  boost: 3"), "# Khi trẻ em gặp nguy hiểm\n"]
    out.append(
        "Trang này gom những gì các văn bản trong kho nói về việc phát hiện, thông báo, tố giác và hỗ trợ "
        "khi trẻ em bị xâm hại, bạo lực hoặc có nguy cơ. Mỗi đoạn trích giữ nguyên lời văn và dẫn về đúng "
        "khoản trong văn bản.\n"
    )
    out.append(hotline_box(corpus, index))
    if national_line(index):
        out.append(
            "Tất cả số điện thoại và đường dây mà văn bản nêu: "
            f"[Tổng đài, đường dây hỗ trợ]({urls.href(urls.GUIDANCE, 'tong-dai', urls.GUIDANCE)}).\n"
        )
    out.append("## Dành cho ai {#danh-cho-ai}\n")
    teachers, parents = (urls.href(urls.GUIDANCE, name, urls.GUIDANCE) for name in ("giao-vien", "phu-huynh"))
    out.append(f"- [Giáo viên, nhà trường]({teachers}): văn bản giao gì cho ngành giáo dục, nhà trường, giáo viên.")
    out.append(f"- [Cha mẹ, gia đình]({parents}): văn bản nói gì về trách nhiệm và hỗ trợ cho gia đình.")
    out.append(f"- [Cán bộ]({urls.agency('index', urls.GUIDANCE)}): nhiệm vụ của từng cơ quan.\n")
    out.append("## Văn bản nói gì về phát hiện, thông báo, hỗ trợ {#thong-bao}\n")
    for q in items:
        out.append(quote(q.text))
        out.append("")
        out.append(f"Nguồn: {source_link(q.doc, q.anchor)}\n")
    return "\n".join(out).rstrip() + "\n"
