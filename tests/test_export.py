"""Open data files: schema, encoding and determinism."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

from tracuu.model.corpus import Corpus
from tracuu.model.records import Citation, Document, Duty, Span
from tracuu.render import export
from tracuu.render.export import CITATION_FIELDS, DOCUMENT_FIELDS, DUTY_FIELDS
from tracuu.resolve.index import build_index


def files(c: Corpus) -> dict[str, bytes]:
    return export.files(c, build_index(c))


def corpus() -> Corpus:
    duty = Duty(
        agency="Sở Y tế tỉnh Bắc Kạn", agency_id="so-y-te-tinh-bac-kan", agency_text="Sở Y tế", role="thực hiện",
        text='Triển khai "Tháng hành động", kiểm tra; báo cáo', line=47, block="m3-b1",
        partners=("cong-an-tinh-bac-kan", "so-tu-phap-tinh-bac-kan"), instruments=("chi-thi-28-ct-tw",),
    )
    cite = Citation("Chỉ thị số 28-CT/TW", "Chỉ thị", "28-CT/TW", "", "2023-12-25", "Bộ Chính trị",
                    "chi-thi-28-ct-tw", 47, Span("m3-b1", 10, 29))
    doc = Document(source="sources/a.txt", id="a", doc_type="Thông báo", date="2024-01", province="Bắc Kạn")
    return Corpus(documents=(replace(doc, duties=(duty,), citations=(cite,)),), root=Path("."))


def test_csv_opens_in_excel_and_round_trips() -> None:
    data = files(corpus())["du-lieu/duties.csv"]
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == [name for name, _ in DUTY_FIELDS]
    assert rows[0]["text"] == 'Triển khai "Tháng hành động", kiểm tra; báo cáo'
    assert rows[0]["partners"] == "cong-an-tinh-bac-kan; so-tu-phap-tinh-bac-kan"
    assert rows[0]["is_group"] == "false"
    assert rows[0]["url"] == "van-ban/a/#m3-b1"
    assert b"\r\n" in data


def test_json_schemas() -> None:
    out = files(corpus())
    duties = json.loads(out["du-lieu/duties.json"])
    assert list(duties[0]) == [name for name, _ in DUTY_FIELDS]
    assert duties[0]["partners"] == ["cong-an-tinh-bac-kan", "so-tu-phap-tinh-bac-kan"]
    documents = json.loads(out["du-lieu/documents.json"])
    assert list(documents[0]) == [name for name, _ in DOCUMENT_FIELDS]
    assert documents[0]["duty_count"] == 1
    citations = json.loads(out["du-lieu/citations.json"])
    assert list(citations[0]) == [name for name, _ in CITATION_FIELDS]
    assert citations[0]["clause"] == "m3-b1"


def test_schema_page_documents_every_field() -> None:
    page = files(corpus())["du-lieu/index.md"].decode("utf-8")
    assert page.count("\n# ") + page.startswith("# ") == 1
    for name, _ in (*DUTY_FIELDS, *DOCUMENT_FIELDS, *CITATION_FIELDS):
        assert f"`{name}`" in page


def test_deterministic() -> None:
    assert files(corpus()) == files(corpus())
