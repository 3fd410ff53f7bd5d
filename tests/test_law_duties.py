"""Issue 12: every article of Luật Trẻ em that is headed by the bodies it binds gives each khoản
to the right body with the right role, and a kind word alone ("Thanh tra, kiểm tra …") is no body.

Expectations are read off the Law's text in sources/ (Điều 79–93): who each khoản names, or the
heading's bodies when the khoản names none; the role from the khoản's first words.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tracuu.model.records import Block, Document, Duty
from tracuu.pipeline import parse_file
from tracuu.registries.agencies import load_registry
from tracuu.resolve.duties import extract_duties

LAW = Path(__file__).resolve().parents[1] / "sources" / "2016-04-05-luat-102-2016-qh13.txt"

CT = "chủ trì"
PH = "phối hợp"
TH = "thực hiện"


@cache
def law_duties() -> tuple[Duty, ...]:
    return extract_duties(parse_file(LAW), load_registry())


def _khoan(n: int, k: int) -> str:
    return f"dieu-{n}-khoan-{k}"


# (article, {block: {(agency id, role), ...}}): every duty of the article, nothing else.
CHAPTER_VI: list[tuple[int, dict[str, set[tuple[str, str]]]]] = [
    (79, {  # Quốc hội, Hội đồng nhân dân các cấp
        _khoan(79, 1): {("quoc-hoi", TH), ("hdnd-cac-cap", TH)},
        _khoan(79, 2): {("hoi-dong-dan-toc", PH), ("cac-uy-ban-cua-quoc-hoi", PH)},  # "… có trách nhiệm phối hợp với …"
        _khoan(79, 3): {("hdnd-cac-cap", TH)},
        _khoan(79, 4): {("quoc-hoi", TH), ("hdnd-cac-cap", TH)},  # their deputies: the heading's bodies
    }),
    (80, {_khoan(80, k): {("chinh-phu", TH)} for k in range(1, 6)}),  # Chính phủ
    (81, {  # Tòa án nhân dân, Viện kiểm sát nhân dân
        _khoan(81, 1): {("toa-an-nhan-dan-cac-cap", TH)},
        _khoan(81, 2): {("toa-an-nhan-dan-toi-cao", TH)},
        _khoan(81, 3): {("vien-kiem-sat-nhan-dan-cac-cap", TH)},
        _khoan(81, 4): {("vien-kiem-sat-nhan-dan-toi-cao", TH)},
        _khoan(81, 5): {("toa-an-nhan-dan-cac-cap", TH), ("vien-kiem-sat-nhan-dan-cac-cap", TH)},
    }),
    (82, {_khoan(82, k): {("bo-lao-dong-thuong-binh-va-xa-hoi", r)} for k, r in enumerate([TH, TH, CT, CT, CT, CT], 1)}),
    (83, {_khoan(83, k): {("bo-tu-phap", r)} for k, r in enumerate([CT, CT, CT, TH], 1)}),
    (84, {_khoan(84, k): {("bo-y-te", r)} for k, r in enumerate([TH, TH, CT, PH, CT], 1)}),
    (85, {_khoan(85, k): {("bo-giao-duc-va-dao-tao", r)} for k, r in enumerate([TH, CT, TH, TH, CT, CT, TH, CT, TH], 1)}),
    (86, {_khoan(86, k): {("bo-van-hoa-the-thao-va-du-lich", r)} for k, r in enumerate([TH, CT, CT, CT, CT], 1)}),
    (87, {_khoan(87, k): {("bo-thong-tin-va-truyen-thong", r)} for k, r in enumerate([TH, TH, TH, CT], 1)}),
    (88, {_khoan(88, k): {("bo-cong-an", r)} for k, r in enumerate([CT, TH, CT], 1)}),
    (89, {_khoan(89, k): {("cac-bo-co-quan-ngang-bo", TH)} for k in (1, 2)}),
    (90, {  # Ủy ban nhân dân các cấp; khoản 4 is the communes' own
        **{_khoan(90, k): {("ubnd-cac-cap", TH)} for k in (1, 2, 3)},
        _khoan(90, 4): {("ubnd-cac-xa", TH)},
    }),
    (91, {  # Mặt trận Tổ quốc Việt Nam và các tổ chức thành viên của Mặt trận
        **{_khoan(91, k): {("mat-tran-va-cac-to-chuc-thanh-vien", TH)} for k in (1, 2, 3)},
        "dieu-91-khoan-4-diem-a": {("trung-uong-doan-tncs-ho-chi-minh", CT)},  # one duty per điểm, role per điểm
        "dieu-91-khoan-4-diem-b": {("trung-uong-doan-tncs-ho-chi-minh", TH)},
        "dieu-91-khoan-4-diem-c": {("trung-uong-doan-tncs-ho-chi-minh", PH)},
        _khoan(91, 5): {("trung-uong-hoi-lien-hiep-phu-nu-viet-nam", PH)},
    }),
    (92, {  # Các tổ chức xã hội; khoản 4 is the Hội bảo vệ quyền trẻ em Việt Nam's
        **{_khoan(92, k): {("cac-to-chuc-xa-hoi", TH)} for k in (1, 2, 3)},
        _khoan(92, 4): {("hoi-bao-ve-quyen-tre-em-viet-nam", TH)},
    }),
    (93, {_khoan(93, k): {("cac-to-chuc-kinh-te", TH)} for k in range(1, 5)}),  # Tổ chức kinh tế
]


@pytest.mark.parametrize(("article", "expected"), CHAPTER_VI, ids=[f"dieu-{a}" for a, _ in CHAPTER_VI])
def test_each_khoan_of_the_chapter_goes_to_its_body(article: str, expected: dict[str, set[tuple[str, str]]]) -> None:
    prefix = f"dieu-{article}"
    got: dict[str, set[tuple[str, str]]] = {}
    for d in law_duties():
        if d.block == prefix or d.block.startswith(prefix + "-"):
            got.setdefault(d.block, set()).add((d.agency_id, d.role))
    assert got == expected


def test_the_khoan_text_is_the_duty_and_the_heading_no_duty() -> None:
    duties = {(d.block, d.agency_id): d for d in law_duties()}
    assert not any(d.block == "dieu-81" for d in law_duties())  # the heading "Tòa án nhân dân, Viện kiểm sát …"
    d = duties[("dieu-91-khoan-4-diem-a", "trung-uong-doan-tncs-ho-chi-minh")]
    assert d.text.startswith("Chủ trì, phối hợp với cơ quan, tổ chức có liên quan")
    assert d.agency_text == "Trung ương Đoàn thanh niên cộng sản Hồ Chí Minh"  # as the khoản writes it
    assert duties[("dieu-81-khoan-5", "toa-an-nhan-dan-cac-cap")].agency_text == "Tòa án nhân dân"  # the heading's words


def _doc(text: str, doc_type: str = "Luật", province: str = "") -> Document:
    body = (
        Block("heading", "Điều 8. Nội dung quản lý nhà nước về trẻ em", 1, "dieu-8", 0, "Điều 8"),
        Block("item", text, 2, "dieu-8-khoan-1", 1, "1", "dieu-8"),
    )
    return Document(source="t.txt", id="t", doc_type=doc_type, province=province, body=body)


@pytest.mark.parametrize(
    ("text", "province", "agencies"),
    [
        # real: Luật Trẻ em, Điều 8 khoản 6 and Điều 68 khoản 1 điểm c: "thanh tra" is the verb
        ("6. Thanh tra, kiểm tra việc thực hiện pháp luật về trẻ em; giải quyết khiếu nại, tố cáo.", "", []),
        ("c) Thanh tra, kiểm tra việc chăm sóc thay thế tại gia đình và cơ sở trợ giúp xã hội.", "", []),
        # real: Thông tư 29/2019/TT-BLĐTBXH, Điều 9: "Ban tổ chức" is a committee, not a body called "Ban"
        ("Ban tổ chức, người phụ trách trẻ em, tình nguyện viên cung cấp thông tin cho trẻ em.", "", []),
        # a kind word with its name is still a body, known or not
        ("Thanh tra tỉnh Bắc Kạn chủ trì kiểm tra việc thực hiện.", "Bắc Kạn", ["thanh-tra-tinh-bac-kan"]),
        # a kind word whose word holds its level stays a body (alone: true in data/agencies.yml)
        ("Tỉnh ủy chủ trì tổ chức diễn đàn trẻ em.", "Bắc Kạn", ["tinh-uy-tinh-bac-kan"]),
    ],
)
def test_a_kind_word_alone_is_no_body(text: str, province: str, agencies: list[str]) -> None:
    got = [d.agency_id for d in extract_duties(_doc(text, "Kế hoạch", province), load_registry())]
    assert got == agencies


@pytest.mark.parametrize(
    ("block", "agency"),
    [
        # real: Điều 94 khoản 1, Điều 57 khoản 3: a body, then a verb the stop list does not know ("thành lập")
        ("dieu-94-khoan-1", "thu-tuong-chinh-phu"),
        # real: Điều 94 khoản 2, after an opening phrase: "Căn cứ …, Chủ tịch Ủy ban nhân dân các cấp thành lập …"
        ("dieu-94-khoan-2", "ubnd-cac-cap"),
        ("dieu-57-khoan-3", "ubnd-huyen"),
    ],
)
def test_a_body_that_sets_something_up_has_the_duty(block: str, agency: str) -> None:
    assert (block, agency) in {(d.block, d.agency_id) for d in law_duties()}
