"""Open data: the corpus as CSV and JSON files, with a page that documents them.

``files(corpus, index)`` returns bytes for ``du-lieu/*``; the same corpus gives
byte-identical files (stable order, no timestamps).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from tracuu.model.corpus import Corpus
from tracuu.model.index import CorpusIndex
from tracuu.model.records import Document, Duty
from tracuu.render import urls

DIR = urls.EXPORTS
BOM = "\ufeff"

DUTY_FIELDS: tuple[tuple[str, str], ...] = (
    ("document_id", "Mã trang của văn bản (đường dẫn van-ban/<mã>/)"),
    ("document_number", "Số/ký hiệu văn bản; để trống khi văn bản không ghi số"),
    ("document_type", "Loại văn bản (Thông báo, Công văn, Thông tư …)"),
    ("document_date", "Ngày ban hành, ISO 8601, chính xác đến mức văn bản ghi"),
    ("agency_id", "Mã cơ quan (trang co-quan/<mã>/)"),
    ("agency", "Tên chuẩn của cơ quan, kèm địa bàn"),
    ("agency_text", "Tên cơ quan đúng như văn bản viết"),
    ("role", "Vai trò: chủ trì, phối hợp hoặc thực hiện"),
    ("is_group", "true nếu được giao cho một nhóm cơ quan (\"Các sở, ban, ngành\")"),
    ("partners", "Mã các cơ quan phối hợp được nêu trong nhiệm vụ, ngăn cách bằng \"; \""),
    ("instruments", "Mã các văn bản pháp lý được dẫn chiếu trong nhiệm vụ, ngăn cách bằng \"; \""),
    ("topics", "Mã chủ đề, ngăn cách bằng \"; \""),
    ("text", "Toàn văn nhiệm vụ"),
    ("line", "Số dòng trong tệp nguồn"),
    ("clause", "Mã neo của điều khoản trên trang văn bản"),
    ("url", "Đường dẫn tới điều khoản, tính từ gốc trang web"),
    (
        "deadlines",
        "Thời hạn đọc được từ câu chữ của nhiệm vụ: danh sách {kind, text, …}; kind là date (date ISO theo độ chính xác "
        "của văn bản: ngày, tháng, quý 2024-Q2, năm; precision; relation before/within; relative = năm lấy theo ngày văn bản), "
        "recurrence (freq YEARLY/MONTHLY/WEEKLY, interval, month, day — 0 khi văn bản không ghi), period (start, end), "
        "ongoing (thường xuyên) hoặc text (nhận ra nhưng không xác định được ngày). "
        "Trong CSV: các đoạn text, ngăn cách bằng \"; \"",
    ),
)

DOCUMENT_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "Mã trang của văn bản"),
    ("source", "Tệp nguồn"),
    ("doc_type", "Loại văn bản"),
    ("number", "Số/ký hiệu đầy đủ"),
    ("symbol", "Ký hiệu (phần sau dấu /)"),
    ("issuer", "Cơ quan ban hành"),
    ("place", "Địa danh ở dòng ngày tháng"),
    ("date", "Ngày ban hành, ISO 8601"),
    ("subject", "Trích yếu (tin bài: tiêu đề)"),
    ("signer", "Người ký: {name, title}"),
    ("recipients", "Nơi nhận / kính gửi"),
    ("province", "Tỉnh, thành phố của văn bản; trống với văn bản trung ương"),
    ("topics", "Mã chủ đề"),
    ("duty_count", "Số nhiệm vụ trong văn bản"),
    ("citation_count", "Số lần dẫn chiếu văn bản khác"),
    ("url", "Đường dẫn tới trang văn bản"),
)

CITATION_FIELDS: tuple[tuple[str, str], ...] = (
    ("document_id", "Văn bản chứa dẫn chiếu"),
    ("text", "Đoạn văn bản dẫn chiếu, đúng như văn bản viết"),
    ("type", "Loại văn bản được dẫn chiếu"),
    ("number", "Số/ký hiệu; trống khi văn bản được gọi bằng tên"),
    ("title", "Tên/trích yếu văn bản được dẫn chiếu"),
    ("date", "Ngày của văn bản được dẫn chiếu, ISO 8601"),
    ("issuer", "Cơ quan ban hành văn bản được dẫn chiếu"),
    ("instrument", "Mã văn bản pháp lý (trang phap-ly/<mã>/)"),
    ("pinpoint", "Điều, khoản, điểm được dẫn chiếu: {article, clause, point}, mỗi phần trống khi văn bản không nêu"),
    ("line", "Số dòng trong tệp nguồn"),
    ("clause", "Mã neo của đoạn chứa dẫn chiếu"),
)


def _url(doc: Document, anchor: str = "") -> str:
    return urls.site_document(doc.id, anchor)


def duty_row(doc: Document, d: Duty) -> dict[str, Any]:
    return {
        "document_id": doc.id,
        "document_number": doc.number,
        "document_type": doc.doc_type,
        "document_date": doc.date,
        "agency_id": d.agency_id,
        "agency": d.agency,
        "agency_text": d.agency_text,
        "role": d.role,
        "is_group": d.is_group,
        "partners": list(d.partners),
        "instruments": list(d.instruments),
        "topics": list(d.topics),
        "text": d.text,
        "line": d.line,
        "clause": d.block,
        "url": _url(doc, d.block),
        "deadlines": [x.contract() for x in d.deadlines],
    }


def document_row(doc: Document) -> dict[str, Any]:
    c = doc.contract()
    return {
        "id": doc.id,
        "source": doc.source,
        "doc_type": doc.doc_type,
        "number": doc.number,
        "symbol": doc.symbol,
        "issuer": doc.issuer,
        "place": doc.place,
        "date": doc.date,
        "subject": doc.subject,
        "signer": c["signer"],
        "recipients": c["recipients"],
        "province": doc.province,
        "topics": list(doc.topics),
        "duty_count": len(doc.duties),
        "citation_count": len(doc.citations),
        "url": _url(doc),
    }


def citation_rows(doc: Document) -> list[dict[str, Any]]:
    out = []
    for c in doc.citations:
        row: dict[str, Any] = {"document_id": doc.id, **c.contract()}
        row["clause"] = c.span.block if c.span else ""
        out.append(row)
    return out


def _json(rows: list[Any]) -> bytes:
    """A JSON array, one record per line: diffs stay readable, and the standard library's C
    encoder writes it (``indent`` falls back to its pure-Python encoder: 4 % of ``tracuu build``
    at N = 1,000 went to indenting these three files)."""
    if not rows:
        return b"[]\n"
    return ("[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n]\n").encode("utf-8")


def duties_csv(corpus: Corpus) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")  # CRLF + BOM: Excel opens UTF-8 correctly
    w.writerow([name for name, _ in DUTY_FIELDS])
    for doc in corpus.documents:
        for d in doc.duties:
            row = duty_row(doc, d)
            row["deadlines"] = [x["text"] for x in row["deadlines"]]
            w.writerow(
                [
                    "; ".join(v) if isinstance(v, list) else ("true" if v is True else "false" if v is False else v)
                    for v in (row[name] for name, _ in DUTY_FIELDS)
                ]
            )
    return (BOM + buf.getvalue()).encode("utf-8")


def _schema_table(fields: tuple[tuple[str, str], ...]) -> str:
    rows = ["| Trường | Ý nghĩa |", "|---|---|"]
    rows.extend(f"| `{name}` | {desc.replace('|', '/')} |" for name, desc in fields)
    return "\n".join(rows)


def index_page(corpus: Corpus) -> str:
    n_duties = sum(len(d.duties) for d in corpus.documents)
    n_cit = sum(len(d.citations) for d in corpus.documents)
    return "\n".join(
        [
            "---\nsearch:\n  boost: 1\n---\n",
            "# Dữ liệu mở\n",
            "Toàn bộ nhiệm vụ, văn bản và dẫn chiếu của cổng tra cứu, để tải về và dùng lại. "
            "Các tệp được tạo lại mỗi lần cập nhật trang, từ cùng dữ liệu với các trang web.\n",
            "| Tệp | Nội dung | Số bản ghi |",
            "|---|---|---|",
            f"| [duties.csv](duties.csv) | Nhiệm vụ theo cơ quan, mở được bằng Excel (UTF-8 có BOM) | {n_duties} |",
            f"| [duties.json](duties.json) | Nhiệm vụ theo cơ quan, JSON | {n_duties} |",
            f"| [documents.json](documents.json) | Văn bản | {len(corpus.documents)} |",
            f"| [citations.json](citations.json) | Dẫn chiếu tới văn bản pháp lý | {n_cit} |",
            "",
            "## Nhiệm vụ: duties.csv, duties.json {#nhiem-vu}\n",
            "Mỗi dòng (mỗi phần tử) là một nhiệm vụ được giao cho một cơ quan trong một văn bản. "
            "Trong CSV, các trường danh sách ghi bằng chuỗi ngăn cách \"; \"; trong JSON là mảng.\n",
            _schema_table(DUTY_FIELDS),
            "",
            "## Văn bản: documents.json {#van-ban}\n",
            _schema_table(DOCUMENT_FIELDS),
            "",
            "## Dẫn chiếu: citations.json {#dan-chieu}\n",
            _schema_table(CITATION_FIELDS),
            "",
            "Trường không xác định được để trống (`\"\"` hoặc `[]`), không suy đoán.\n",
        ]
    )


def files(corpus: Corpus, index: CorpusIndex) -> dict[str, bytes]:
    duties = [duty_row(doc, d) for doc in corpus.documents for d in doc.duties]
    return {
        f"{DIR}/duties.csv": duties_csv(corpus),
        f"{DIR}/duties.json": _json(duties),
        f"{DIR}/documents.json": _json([document_row(d) for d in corpus.documents]),
        f"{DIR}/citations.json": _json([r for d in corpus.documents for r in citation_rows(d)]),
        urls.page(DIR, "index"): index_page(corpus).encode("utf-8"),
    }
