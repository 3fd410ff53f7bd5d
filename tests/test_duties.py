"""Duty extraction, one table per layout: real snippets from sources/ and invented variants.

Each case is a list of blocks (kind, anchor, label, parent, text) and the
duties expected as (agency_text, role, block anchor).
"""

from __future__ import annotations

import pytest

from tracuu.duties import extract_duties, extract_memberships
from tracuu.records import Block, Citation, Document, Footnote, Span

B = tuple[str, str, str, str, str]  # kind, anchor, label, parent, text
D = tuple[str, str, str]  # agency_text, role, block


def doc(blocks: list[B], province: str = "Bắc Kạn", doc_type: str = "Thông báo", **kw: object) -> Document:
    body = tuple(
        Block(kind=k, text=t, line=n + 1, anchor=a, level=1 if p else 0, label=lab, parent=p)  # type: ignore[arg-type]
        for n, (k, a, lab, p, t) in enumerate(blocks)
    )
    return Document(source="t.txt", id="t", doc_type=doc_type, province=province, body=body, **kw)  # type: ignore[arg-type]


def duties_of(d: Document) -> list[D]:
    return [(x.agency_text, x.role, x.block) for x in extract_duties(d)]


HEADED_SECTIONS = [
    (  # real: 2024-01 thông báo kết luận BCĐ Bắc Kạn
        [
            ("heading", "m1", "1", "", "### **1. Sở Lao động - Thương binh và Xã hội**"),
            ("bullet", "m1-b1", "-", "m1", "- Tiếp tục thực hiện tốt vai trò quản lý nhà nước đối với lĩnh vực trẻ em."),
            ("bullet", "m1-b2", "-", "m1", "- Chủ trì, phối hợp với các đơn vị liên quan tổ chức Lễ phát động."),
            ("heading", "m3", "3", "", "### **3. Sở Y tế**"),
            ("bullet", "m3-b1", "-", "m3", "- Thực hiện tốt công tác chăm sóc sức khỏe cho trẻ em."),
        ],
        [
            ("Sở Lao động - Thương binh và Xã hội", "thực hiện", "m1-b1"),
            ("Sở Lao động - Thương binh và Xã hội", "thực hiện", "m1-b2"),
            ("Sở Y tế", "thực hiện", "m3-b1"),
        ],
    ),
    (  # invented: abbreviation in the heading, numbered items under it
        [
            ("heading", "m1", "1", "", "## 1. Sở LĐ-TB&XH"),
            ("item", "m1-a", "a", "m1", "a) Hướng dẫn các huyện rà soát trẻ em có hoàn cảnh đặc biệt."),
        ],
        [("Sở LĐ-TB&XH", "thực hiện", "m1-a")],
    ),
]

INLINE_LABELS = [
    (  # real
        [("item", "m5", "5", "", "**5. Sở Thông tin và Truyền thông:** Chỉ đạo, hướng dẫn các cơ quan báo chí.")],
        [("Sở Thông tin và Truyền thông", "thực hiện", "m5")],
    ),
    (  # real: jurisdiction written out
        [("item", "m8", "8", "", "**8. Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Bắc Kạn:** Chỉ đạo tổ chức Đoàn.")],
        [("Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Bắc Kạn", "thực hiện", "m8")],
    ),
    (  # real: a group
        [("item", "m2", "2", "", "2. Các phòng, ban, ngành, đoàn thể thành phố, UBND các xã, phường: Căn cứ vào chức năng.")],
        [("Các phòng, ban, ngành, đoàn thể thành phố, UBND các xã, phường", "thực hiện", "m2")],
    ),
    (  # invented: an agency not in the registry is still an agency
        [("item", "m4", "4", "", "4. Sở Xây dựng: Kiểm tra an toàn các khu vui chơi.")],
        [("Sở Xây dựng", "thực hiện", "m4")],
    ),
    (  # invented: a common noun after "Bộ" is not an agency
        [("item", "m2", "2", "", "2. Bộ chỉ tiêu thống kê gồm: các chỉ tiêu sau.")],
        [],
    ),
]

VERB_IN_LABEL = [
    (  # real
        [("item", "m9", "9", "", "**9. Hội Liên hiệp Phụ nữ tỉnh chỉ đạo các cấp Hội phụ nữ:** Tăng cường tuyên truyền.")],
        [("Hội Liên hiệp Phụ nữ tỉnh", "thực hiện", "m9")],
    ),
    (  # real: "thực hiện" inside the name of the Ban Chỉ đạo is not a verb
        [
            (
                "item", "m10", "10", "",
                "**10. Các Sở, ngành thành viên Ban Chỉ đạo thực hiện công tác trẻ em trên địa bàn tỉnh Bắc Kạn:** "
                "Tiếp tục triển khai.",
            )
        ],
        [("Các Sở, ngành thành viên Ban Chỉ đạo thực hiện công tác trẻ em trên địa bàn tỉnh Bắc Kạn", "thực hiện", "m10")],
    ),
    (  # real: qualifier after the addressee
        [
            ("item", "m1", "1", "", "1. Các sở, ban, ngành, địa phương trên địa bàn tỉnh theo chức năng, nhiệm vụ:"),
            ("bullet", "m1-b1", "-", "m1", "- Tiếp tục thực hiện nghiêm Chỉ thị số 20-CT/TW."),
        ],
        [("Các sở, ban, ngành, địa phương trên địa bàn tỉnh", "thực hiện", "m1-b1")],
    ),
]

ROLE_IN_HEADING = [
    (  # real: 5310/UBND-KGVX
        [
            ("item", "m2", "2", "", "2. Sở Giáo dục và Đào tạo chủ trì, phối hợp với các sở, ban, ngành, địa phương:"),
            ("bullet", "m2-b1", "-", "m2", "- Triển khai các chính sách giảm thiểu tình trạng trẻ em bỏ học."),
            ("bullet", "m2-b2", "-", "m2", "- Phát hiện, xử lý kịp thời các vụ việc bạo lực."),
        ],
        [("Sở Giáo dục và Đào tạo", "chủ trì", "m2-b1"), ("Sở Giáo dục và Đào tạo", "chủ trì", "m2-b2")],
    ),
    (  # invented
        [
            ("item", "m3", "3", "", "3. Công an tỉnh phối hợp với Sở Lao động - Thương binh và Xã hội:"),
            ("bullet", "m3-b1", "-", "m3", "- Điều tra, xử lý nghiêm các vụ xâm hại trẻ em."),
        ],
        [("Công an tỉnh", "phối hợp", "m3-b1")],
    ),
]

SUB_SECTIONS = [
    (  # real: báo cáo diễn đàn trẻ em TP Bắc Kạn; the container item names no agency
        [
            ("item", "m1", "1", "", "1. Đối với các đơn vị được trẻ em trực tiếp đối thoại."),
            ("item", "m1-1", "1.1", "m1", "1.1. Phòng Lao động - Thương binh và Xã hội."),
            ("para", "m1-1-p1", "", "m1-1", "Tiếp tục tham mưu triển khai Kế hoạch số 159/KH-UBND."),
            ("item", "m1-3", "1.3", "m1", "1.3. Thành đoàn"),
            ("para", "m1-3-p1", "", "m1-3", "Tổ chức các diễn đàn lắng nghe ý kiến của trẻ em."),
            ("item", "m1-5", "1.5", "m1", "1.5. Công an thành phố"),
            ("para", "m1-5-p1", "", "m1-5", "Phối hợp với các đơn vị tuyên truyền."),
        ],
        [
            ("Phòng Lao động - Thương binh và Xã hội", "thực hiện", "m1-1-p1"),
            ("Thành đoàn", "thực hiện", "m1-3-p1"),
            ("Công an thành phố", "thực hiện", "m1-5-p1"),
        ],
    ),
]

GUIDANCE_TO_ALL = [
    (  # real: hướng dẫn Kon Tum
        [
            (
                "para", "p3", "", "",
                "Sở Lao động - Thương binh và Xã hội hướng dẫn các ngành, địa phương triển khai tốt nội dung "
                "công tác trẻ em trên địa bàn tỉnh năm 2023, cụ thể như sau:",
            ),
            ("item", "m1", "1", "", "1. Triển khai tổ chức thực hiện Chương trình số 641/CTr-BCĐ."),
            ("item", "m2", "2", "", "2. Triển khai thực hiện Kế hoạch số 782/KH-UBND."),
            ("para", "p4", "", "", "Trên đây là hướng dẫn công tác trẻ em năm 2023; đề nghị các sở, ngành phối hợp./."),
        ],
        [("các ngành, địa phương", "thực hiện", "m1"), ("các ngành, địa phương", "thực hiện", "m2")],
    ),
    (  # invented: "đề nghị" + one agency
        [
            ("para", "p1", "", "", "Ủy ban nhân dân tỉnh đề nghị Sở Y tế thực hiện các nội dung sau:"),
            ("item", "m1", "1", "", "1. Tổ chức khám sàng lọc cho trẻ em."),
        ],
        [("Sở Y tế", "thực hiện", "m1")],
    ),
    (  # real: the intro is followed by agency headers, which win
        [
            ("para", "p5", "", "", "Đề nghị các cấp, các ngành hành động quyết liệt, trong đó các ngành cần tập trung:"),
            ("heading", "m3", "3", "", "### **3. Sở Y tế**"),
            ("bullet", "m3-b1", "-", "m3", "- Thực hiện tốt công tác chăm sóc sức khỏe."),
        ],
        [("Sở Y tế", "thực hiện", "m3-b1")],
    ),
]

RUNNING_PROSE = [
    (
        [("para", "p1", "", "", "Sở LĐTBXH chủ trì, hướng dẫn, đôn đốc và phối hợp với các sở, ngành, đoàn thể liên quan kiểm tra.")],
        [("Sở LĐTBXH", "chủ trì", "p1")],
    ),
    (
        [("para", "p1", "", "", "Giao Sở Y tế chủ trì, phối hợp với Công an tỉnh hướng dẫn sơ cứu đuối nước.")],
        [("Sở Y tế", "chủ trì", "p1")],
    ),
    (
        [("para", "p1", "", "", "UBND các huyện, thị xã, thành phố chỉ đạo UBND cấp xã rà soát trẻ em bỏ học.")],
        [("UBND các huyện, thị xã, thành phố", "thực hiện", "p1")],
    ),
    (  # a report of what was done is not a duty
        [("para", "p1", "", "", "Năm 2023, Sở Lao động - Thương binh và Xã hội đã tham mưu cho UBND tỉnh.")],
        [],
    ),
    (  # closing formula
        [("para", "p1", "", "", "Với nội dung trên, đề nghị các thành viên Ban Chỉ đạo nghiêm túc triển khai thực hiện./.")],
        [],
    ),
]

NORMATIVE = [
    (  # real: Thông tư 13/2021/TT-BLĐTBXH, Điều 2
        [
            ("heading", "dieu-2", "Điều 2", "", "Điều 2. Tổ chức thực hiện"),
            (
                "item", "dieu-2-k1", "1", "dieu-2",
                "1. Bộ Lao động - Thương binh và Xã hội chủ trì, phối hợp Bộ Kế hoạch và Đầu tư (Tổng cục Thống kê) "
                "và các bộ, ngành liên quan:",
            ),
            ("item", "dieu-2-k1-a", "a", "dieu-2-k1", "a) Tổng hợp thông tin thống kê."),
            ("item", "dieu-2-k1-d", "d", "dieu-2-k1", "d) Khai thác, phân tích số liệu."),
        ],
        [
            ("Bộ Lao động - Thương binh và Xã hội", "chủ trì", "dieu-2-k1-a"),
            ("Bộ Lao động - Thương binh và Xã hội", "chủ trì", "dieu-2-k1-d"),
        ],
    ),
]

INDICATORS = [
    (  # real: bullets with Chủ trì / Phối hợp
        [
            ("heading", "pl-iii-0102", "0102", "", "0102. Tỷ số giới tính khi sinh"),
            ("item", "pl-iii-0102-m5", "5", "pl-iii-0102", "5. Cơ quan chịu trách nhiệm thu thập, tổng hợp"),
            ("bullet", "pl-iii-0102-m5-b1", "-", "pl-iii-0102-m5", "- Chủ trì: Bộ Kế hoạch và Đầu tư (Tổng cục Thống kê);"),
            ("bullet", "pl-iii-0102-m5-b2", "-", "pl-iii-0102-m5", "- Phối hợp: Bộ Y tế; Bộ Văn hóa, Thể thao và Du lịch; bộ, ngành liên quan."),
        ],
        [
            ("Bộ Kế hoạch và Đầu tư (Tổng cục Thống kê)", "chủ trì", "pl-iii-0102"),
            ("Bộ Y tế", "phối hợp", "pl-iii-0102"),
            ("Bộ Văn hóa, Thể thao và Du lịch", "phối hợp", "pl-iii-0102"),
            ("bộ, ngành liên quan", "phối hợp", "pl-iii-0102"),
        ],
    ),
    (  # real: inline form; a bare sector name inherits "Bộ" from the list
        [
            ("heading", "pl-iii-0204", "0204", "", "0204. Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng"),
            ("item", "pl-iii-0204-m5", "5", "pl-iii-0204", "5. Cơ quan chịu trách nhiệm thu thập, tổng hợp: Bộ Y tế."),
            ("heading", "pl-iv-0102", "0102", "", "0102. Số lượng, tỷ lệ trẻ em bị bạo lực"),
            ("item", "pl-iv-0102-m5", "5", "pl-iv-0102", "5. Cơ quan chịu trách nhiệm thu thập, tổng hợp:"),
            ("bullet", "pl-iv-0102-m5-b1", "-", "pl-iv-0102-m5", "- Cơ quan chủ trì: Bộ Lao động - Thương binh và Xã hội;"),
            ("bullet", "pl-iv-0102-m5-b2", "-", "pl-iv-0102-m5", "- Cơ quan phối hợp: Bộ Công an; Giáo dục và Đào tạo, Bộ Y tế."),
        ],
        [
            ("Bộ Y tế", "chủ trì", "pl-iii-0204"),
            ("Bộ Lao động - Thương binh và Xã hội", "chủ trì", "pl-iv-0102"),
            ("Bộ Công an", "phối hợp", "pl-iv-0102"),
            ("Giáo dục và Đào tạo", "phối hợp", "pl-iv-0102"),
            ("Bộ Y tế", "phối hợp", "pl-iv-0102"),
        ],
    ),
]


def _annexed(d: Document) -> Document:
    from dataclasses import replace

    body = tuple(
        replace(b, annex=("Phụ lục IV" if b.anchor.startswith("pl-iv") else "Phụ lục III"))
        if b.anchor.startswith("pl-") else b
        for b in d.body
    )
    return replace(d, body=body)


@pytest.mark.parametrize(("blocks", "expected"), HEADED_SECTIONS)
def test_headed_sections(blocks: list[B], expected: list[D]) -> None:
    assert duties_of(doc(blocks)) == expected


@pytest.mark.parametrize(("blocks", "expected"), INLINE_LABELS)
def test_inline_labels(blocks: list[B], expected: list[D]) -> None:
    assert duties_of(doc(blocks)) == expected


@pytest.mark.parametrize(("blocks", "expected"), VERB_IN_LABEL)
def test_verb_in_label(blocks: list[B], expected: list[D]) -> None:
    assert duties_of(doc(blocks)) == expected


@pytest.mark.parametrize(("blocks", "expected"), ROLE_IN_HEADING)
def test_role_in_heading(blocks: list[B], expected: list[D]) -> None:
    assert duties_of(doc(blocks, province="Thái Nguyên")) == expected


@pytest.mark.parametrize(("blocks", "expected"), SUB_SECTIONS)
def test_sub_sections(blocks: list[B], expected: list[D]) -> None:
    assert duties_of(doc(blocks, place="TP. Bắc Kạn")) == expected


@pytest.mark.parametrize(("blocks", "expected"), GUIDANCE_TO_ALL)
def test_guidance_to_all(blocks: list[B], expected: list[D]) -> None:
    assert duties_of(doc(blocks, province="Kon Tum")) == expected


@pytest.mark.parametrize(("blocks", "expected"), RUNNING_PROSE)
def test_running_prose(blocks: list[B], expected: list[D]) -> None:
    assert duties_of(doc(blocks, doc_type="Công văn")) == expected


@pytest.mark.parametrize(("blocks", "expected"), RUNNING_PROSE)
def test_news_prose_gives_no_duties(blocks: list[B], expected: list[D]) -> None:
    assert duties_of(doc(blocks, doc_type="Tin bài")) == []


@pytest.mark.parametrize(("blocks", "expected"), NORMATIVE)
def test_normative_articles(blocks: list[B], expected: list[D]) -> None:
    assert duties_of(doc(blocks, province="", doc_type="Thông tư")) == expected


@pytest.mark.parametrize(("blocks", "expected"), INDICATORS)
def test_indicators(blocks: list[B], expected: list[D]) -> None:
    assert duties_of(_annexed(doc(blocks, province="", doc_type="Thông tư"))) == expected


def test_partners_role_and_canonical_ids() -> None:
    d = doc(
        [
            ("item", "m4", "4", "", "4. Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với các sở, ban, ngành:"),
            ("bullet", "m4-b2", "-", "m4", "- Chủ trì, phối hợp với Công an tỉnh, Sở Giáo dục và Đào tạo, Sở Y tế ban hành quy chế."),
        ],
        province="Thái Nguyên",
    )
    (duty,) = extract_duties(d)
    assert duty.agency == "Sở Lao động - Thương binh và Xã hội tỉnh Thái Nguyên"
    assert duty.role == "chủ trì"
    assert duty.partners == (
        "cac-so-ban-nganh-dia-phuong-tinh-thai-nguyen",
        "cong-an-tinh-thai-nguyen",
        "so-giao-duc-va-dao-tao-tinh-thai-nguyen",
        "so-y-te-tinh-thai-nguyen",
    )


def test_instruments_are_citations_inside_the_duty() -> None:
    cite = Citation("Chỉ thị số 28-CT/TW", "Chỉ thị", "28-CT/TW", "", "", "", "chi-thi-28-ct-tw", 2, Span("m1-b1", 0, 5))
    other = Citation("Luật Trẻ em", "Luật", "", "Luật Trẻ em", "", "", "luat-tre-em", 9, Span("p9", 0, 5))
    d = doc(
        [
            ("heading", "m1", "1", "", "### **1. Sở Tư pháp**"),
            ("bullet", "m1-b1", "-", "m1", "- Triển khai Chỉ thị số 28-CT/TW."),
        ],
        citations=(cite, other),
    )
    assert extract_duties(d)[0].instruments == ("chi-thi-28-ct-tw",)


def test_members_from_a_footnote() -> None:
    fn = Footnote("2", "²", "- Các Sở: Y tế; Giáo dục và Đào tạo; Công an tỉnh.\n- Hội Liên hiệp Phụ nữ tỉnh; Tỉnh Đoàn.", 9)
    d = doc([], province="Kon Tum", noi_nhan=("Các Sở, ngành, đoàn thể thành viên BCD²",), footnotes=(fn,))
    (m,) = extract_memberships(d)
    assert m.group.template == "thanh-vien-ban-chi-dao"
    assert [a.id for a in m.members] == [
        "so-y-te-tinh-kon-tum",
        "so-giao-duc-va-dao-tao-tinh-kon-tum",
        "cong-an-tinh-kon-tum",
        "hoi-lien-hiep-phu-nu-tinh-kon-tum",
        "doan-thanh-nien-cong-san-ho-chi-minh-tinh-kon-tum",
    ]
