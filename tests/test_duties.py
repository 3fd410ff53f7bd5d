"""Duty extraction, one table per layout: real snippets from sources/ and invented variants.

Each case is a list of blocks (kind, anchor, label, parent, text) and the
duties expected as (agency_text, role, block anchor).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from tracuu.model.records import Block, Citation, Document, Footnote, Span
from tracuu.resolve.duties import extract_duties, extract_memberships

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
        [  # C3: the item that begins "Chủ trì" is chủ trì; C2: its partner gets a phối hợp duty
            ("Sở Lao động - Thương binh và Xã hội", "thực hiện", "m1-b1"),
            ("Sở Lao động - Thương binh và Xã hội", "chủ trì", "m1-b2"),
            ("các đơn vị liên quan", "phối hợp", "m1-b2"),
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
    (  # real: a collective and a definite organ type: one entry each (C4)
        [("item", "m2", "2", "", "2. Các phòng, ban, ngành, đoàn thể thành phố, UBND các xã, phường: Căn cứ vào chức năng.")],
        [("Các phòng, ban, ngành, đoàn thể thành phố", "thực hiện", "m2"), ("UBND các xã, phường", "thực hiện", "m2")],
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
        [  # C2: the partner of the heading is a partner of every item under it
            ("Sở Giáo dục và Đào tạo", "chủ trì", "m2-b1"),
            ("các sở, ban, ngành, địa phương", "phối hợp", "m2-b1"),
            ("Sở Giáo dục và Đào tạo", "chủ trì", "m2-b2"),
            ("các sở, ban, ngành, địa phương", "phối hợp", "m2-b2"),
        ],
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
            ("Công an thành phố", "phối hợp", "m1-5-p1"),  # C3: the item begins "Phối hợp"
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
        [("Sở LĐTBXH", "chủ trì", "p1"), ("các sở, ngành, đoàn thể liên quan", "phối hợp", "p1")],
    ),
    (
        [("para", "p1", "", "", "Giao Sở Y tế chủ trì, phối hợp với Công an tỉnh hướng dẫn sơ cứu đuối nước.")],
        [("Sở Y tế", "chủ trì", "p1"), ("Công an tỉnh", "phối hợp", "p1")],
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
        [  # C2: the partners of the khoản's lead share each of its điểm
            ("Bộ Lao động - Thương binh và Xã hội", "chủ trì", "dieu-2-k1-a"),
            ("Bộ Kế hoạch và Đầu tư (Tổng cục Thống kê)", "phối hợp", "dieu-2-k1-a"),
            ("các bộ, ngành liên quan", "phối hợp", "dieu-2-k1-a"),
            ("Bộ Lao động - Thương binh và Xã hội", "chủ trì", "dieu-2-k1-d"),
            ("Bộ Kế hoạch và Đầu tư (Tổng cục Thống kê)", "phối hợp", "dieu-2-k1-d"),
            ("các bộ, ngành liên quan", "phối hợp", "dieu-2-k1-d"),
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
def test_news_prose_reads_like_any_document(blocks: list[B], expected: list[D]) -> None:
    """C1: once a news copy reports a directive ("… yêu cầu:"), its assignments are duties as in
    an official document."""
    intro = ("para", "p0", "", "", "Chủ tịch UBND tỉnh yêu cầu:")
    assert duties_of(doc([intro, *blocks], doc_type="Tin bài")) == expected


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
    duty, *partners = extract_duties(d)
    # C2: each named partner gets the duty as "phối hợp", with the lead as its partner
    assert [(p.agency_text, p.role, p.partners) for p in partners] == [
        ("các sở, ban, ngành", "phối hợp", ("so-lao-dong-thuong-binh-va-xa-hoi-tinh-thai-nguyen",)),
        ("Công an tỉnh", "phối hợp", ("so-lao-dong-thuong-binh-va-xa-hoi-tinh-thai-nguyen",)),
        ("Sở Giáo dục và Đào tạo", "phối hợp", ("so-lao-dong-thuong-binh-va-xa-hoi-tinh-thai-nguyen",)),
        ("Sở Y tế", "phối hợp", ("so-lao-dong-thuong-binh-va-xa-hoi-tinh-thai-nguyen",)),
    ]
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


# --- layouts of documents the project had not seen (invented variants) --------------
C = tuple[str, str, int]  # agency_text, role, number of duties


def counts_of(d: Document) -> list[C]:
    """Duties per (addressee as written, role), in order of first appearance."""
    out: dict[tuple[str, str], int] = {}
    for x in extract_duties(d):
        out[(x.agency_text, x.role)] = out.get((x.agency_text, x.role), 0) + 1
    return [(a, r, n) for (a, r), n in out.items()]


SEVERAL_IN_ONE_ADDRESSEE = [
    (  # inline bold label naming two bodies
        [("item", "m6", "6", "", "**6. Hội Nông dân tỉnh, Hội Cựu chiến binh tỉnh:** Vận động hội viên rào chắn ao, hồ.")],
        [("Hội Nông dân tỉnh", "thực hiện", 1), ("Hội Cựu chiến binh tỉnh", "thực hiện", 1)],
    ),
    (  # heading with a semicolon, bullets under it
        [
            ("item", "m2", "2", "", "2. Sở Tư pháp; Sở Nội vụ"),
            ("bullet", "m2-b1", "-", "m2", "- Phổ biến pháp luật về quyền trẻ em cho cán bộ, công chức."),
            ("bullet", "m2-b2", "-", "m2", "- Đưa nội dung bảo vệ trẻ em vào bồi dưỡng công chức cấp xã."),
        ],
        [("Sở Tư pháp", "thực hiện", 2), ("Sở Nội vụ", "thực hiện", 2)],
    ),
    (  # a known name not capitalised after its kind still starts a new name
        [("item", "m4", "4", "", "4. Công an tỉnh, Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh: Xử lý nghiêm các vụ án.")],
        [
            ("Công an tỉnh", "thực hiện", 1),
            ("Viện kiểm sát nhân dân tỉnh", "thực hiện", 1),
            ("Tòa án nhân dân tỉnh", "thực hiện", 1),
        ],
    ),
    (  # a list in running prose after "Đề nghị"
        [("para", "p1", "", "", "Đề nghị Tỉnh đoàn, Hội LHPN tỉnh chỉ đạo các cấp tổ chức sinh hoạt hè cho thiếu nhi.")],
        [("Tỉnh đoàn", "thực hiện", 1), ("Hội LHPN tỉnh", "thực hiện", 1)],
    ),
    (  # a group and a collective of districts in one numbered item
        [("item", "m1", "1", "", "1. Các sở, ban, ngành tỉnh, UBND các huyện, thị xã quán triệt nghiêm Chỉ thị.")],
        [("Các sở, ban, ngành tỉnh", "thực hiện", 1), ("UBND các huyện, thị xã", "thực hiện", 1)],
    ),
    (  # one name with commas and "và" is not split
        [("item", "m3", "3", "", "3. Sở Văn hóa, Thể thao và Du lịch: Kiểm tra các bể bơi.")],
        [("Sở Văn hóa, Thể thao và Du lịch", "thực hiện", 1)],
    ),
]

BULLET_ADDRESSEES = [
    (
        [
            ("heading", "muc-ii", "II", "", "II. TRÁCH NHIỆM CỦA CÁC CƠ QUAN"),
            ("bullet", "b1", "-", "muc-ii", "- Sở GD&ĐT: Chỉ đạo các trường thực hiện trường học an toàn."),
            ("bullet", "b2", "-", "muc-ii", "- Sở Tư pháp: Chủ trì phổ biến pháp luật về trẻ em."),
            ("bullet", "b3", "-", "muc-ii", "- Phòng Lao động - Thương binh và Xã hội các huyện, thành phố:"),
            ("bullet", "b3-b1", "+", "b3", "+ Tham mưu UBND cấp huyện xây dựng kế hoạch."),
            ("bullet", "b3-b2", "+", "b3", "+ Báo cáo kết quả về Sở trước ngày 10/12."),
        ],
        [
            ("Sở GD&ĐT", "thực hiện", 1),
            ("Sở Tư pháp", "chủ trì", 1),  # C3: "Chủ trì phổ biến …"
            ("Phòng Lao động - Thương binh và Xã hội các huyện, thành phố", "thực hiện", 2),
        ],
    ),
    (  # a bullet of results is a report, and a bullet without a colon is not an addressee
        [
            ("bullet", "b1", "-", "", "- Sở Y tế: đã khám sàng lọc cho 9.000 trẻ em."),
            ("bullet", "b2", "-", "", "- Tăng cường kiểm tra các khu vui chơi."),
        ],
        [],
    ),
]

REQUEST_HEADERS = [
    (  # "Đề nghị …" heading; the Mặt trận and its member organisations are one addressee
        [
            ("item", "m7", "7", "", "7. Đề nghị Ủy ban MTTQ tỉnh và các tổ chức thành viên"),
            ("bullet", "m7-b1", "-", "m7", "- Tuyên truyền, vận động hội viên tham gia bảo vệ trẻ em."),
            ("bullet", "m7-b2", "-", "m7", "- Giám sát việc thực hiện chính sách về trẻ em."),
        ],
        [("Ủy ban MTTQ tỉnh và các tổ chức thành viên", "thực hiện", 2)],
    ),
    (  # "Trách nhiệm của …" containers and items
        [
            ("item", "m2", "2", "", "2. Trách nhiệm của UBND các huyện, thành phố, thị xã"),
            ("item", "m2-a", "a", "m2", "a) Xây dựng kế hoạch công tác trẻ em của địa phương."),
            ("item", "m2-b", "b", "m2", "b) Bố trí cán bộ làm công tác trẻ em ở cấp xã."),
        ],
        [("UBND các huyện, thành phố, thị xã", "thực hiện", 2)],
    ),
    (  # an item that is a whole sentence is read as prose: its verb gives the role
        [("item", "m9", "9", "", "9. Đề nghị Ủy ban MTTQ Việt Nam huyện và các đoàn thể huyện phối hợp tuyên truyền.")],
        [("Ủy ban MTTQ Việt Nam huyện và các đoàn thể huyện", "phối hợp", 1)],
    ),
    (  # a role remark in parentheses is not part of the name
        [
            ("item", "m1", "1", "", "1. Sở Lao động - Thương binh và Xã hội (cơ quan thường trực)"),
            ("bullet", "m1-b1", "-", "m1", "- Hướng dẫn, kiểm tra việc thực hiện Kế hoạch."),
        ],
        [("Sở Lao động - Thương binh và Xã hội", "thực hiện", 1)],
    ),
    (
        [("item", "m3", "3", "", "3. Tỉnh đoàn (chủ trì): Tổ chức Diễn đàn trẻ em cấp tỉnh.")],
        [("Tỉnh đoàn", "chủ trì", 1)],
    ),
]

HEADER_THEN_OTHERS = [
    (  # paragraphs hung under the last item that address someone else are not its duties
        [
            ("item", "m8", "8", "", "8. Sở Tài chính: Tham mưu bố trí kinh phí thực hiện công tác trẻ em."),
            ("para", "m8-p1", "", "m8", "Đề nghị Hội Liên hiệp Phụ nữ tỉnh tuyên truyền kỹ năng làm cha mẹ."),
            ("para", "m8-p2", "", "m8", "Yêu cầu Giám đốc các sở, Thủ trưởng các ban, ngành nghiêm túc thực hiện Chỉ thị này."),
        ],
        [("Sở Tài chính", "thực hiện", 1), ("Hội Liên hiệp Phụ nữ tỉnh", "thực hiện", 1)],
    ),
]

TASK_TABLES = [
    (
        [
            (
                "table", "pl-i-bang1", "", "",
                "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |\n"
                "|---|---|---|---|---|\n"
                "| 1 | Tập huấn kỹ năng bảo vệ trẻ em | Sở Lao động - Thương binh và Xã hội | Sở Y tế; Tỉnh đoàn | Quý II |\n"
                "| 2 | Dạy bơi cho học sinh | Sở Giáo dục và Đào tạo | Sở Lao động - Thương binh và Xã hội | Hè |\n"
                "| 3 | Kiểm tra liên ngành | Sở Lao động - Thương binh và Xã hội | Công an tỉnh, Sở Y tế | Quý III |",
            )
        ],
        [
            ("Sở Lao động - Thương binh và Xã hội", "chủ trì", 2),
            ("Sở Y tế", "phối hợp", 2),
            ("Tỉnh đoàn", "phối hợp", 1),
            ("Sở Giáo dục và Đào tạo", "chủ trì", 1),
            ("Sở Lao động - Thương binh và Xã hội", "phối hợp", 1),
            ("Công an tỉnh", "phối hợp", 1),
        ],
    ),
    (  # a single "Đơn vị thực hiện" column; section rows without an agency are skipped
        [
            (
                "table", "bang1", "", "",
                "| STT | Hoạt động | Đơn vị thực hiện | Kinh phí |\n"
                "| --- | --- | --- | --- |\n"
                "| I | **Truyền thông** | | |\n"
                "| 1 | Phát sóng chuyên mục trẻ em | Đài Phát thanh và Truyền hình tỉnh | 50 triệu |\n"
                "| 2 | Hội thi tìm hiểu Luật Trẻ em | Hội LHPN tỉnh, Tỉnh đoàn | 30 triệu |",
            )
        ],
        [
            ("Đài Phát thanh và Truyền hình tỉnh", "thực hiện", 1),
            ("Hội LHPN tỉnh", "thực hiện", 1),
            ("Tỉnh đoàn", "thực hiện", 1),
        ],
    ),
    (  # a table of figures names no duties
        [("table", "bang1", "", "", "| Chỉ tiêu | 2023 | 2024 |\n|---|---|---|\n| Trẻ em được khám | 9.000 | 12.000 |")],
        [],
    ),
    (  # invented: vertically merged agency cells come out empty; the rows below share them
        [
            (
                "table", "bang-gop", "", "",
                "| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n"
                "|---|---|---|---|---|\n"
                "| I | **HOẠT ĐỘNG CẤP TỈNH** | | | |\n"
                "| 1 | Lễ phát động Tháng hành động | Sở Lao động - Thương binh và Xã hội | Tỉnh đoàn | Tháng 6 |\n"
                "| 2 | Thăm, tặng quà trẻ em | | | Tháng 6 |\n"
                "| 3 | Thi vẽ tranh về quyền trẻ em | Sở Giáo dục và Đào tạo | | Tháng 5 |\n"
                "| II | **HOẠT ĐỘNG CẤP HUYỆN** | | | |\n"
                "| 4 | Diễn đàn trẻ em | | | Tháng 7 |",
            )
        ],
        [
            ("Sở Lao động - Thương binh và Xã hội", "chủ trì", 2),
            ("Tỉnh đoàn", "phối hợp", 2),
            ("Sở Giáo dục và Đào tạo", "chủ trì", 1),
        ],
    ),
]

DECISION_ARTICLES = [
    (  # the assignment is a duty; the execution clause of office holders is not
        [
            ("heading", "dieu-2", "Điều 2", "", "Điều 2. Giao Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan tổ chức thực hiện Kế hoạch này."),
            (
                "heading", "dieu-3", "Điều 3", "",
                "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Y tế, Tài chính; Chủ tịch UBND các huyện, "
                "thành phố chịu trách nhiệm thi hành Quyết định này.",
            ),
        ],
        [("Sở Y tế", "chủ trì", 1), ("các sở, ngành liên quan", "phối hợp", 1)],  # C2
    ),
]

UNLISTED_VERBS = [
    (  # a verb the stop list does not know ends a known name
        [("para", "p1", "", "", "Sở Tài chính, Sở Kế hoạch và Đầu tư cân đối, bố trí kinh phí cho công tác trẻ em.")],
        [("Sở Tài chính", "thực hiện", 1), ("Sở Kế hoạch và Đầu tư", "thực hiện", 1)],
    ),
    (  # ... but words that continue a name do not cut it short
        [("para", "p1", "", "", "Phòng Y tế các huyện, thành phố tăng cường kiểm tra an toàn thực phẩm.")],
        [("Phòng Y tế các huyện, thành phố", "thực hiện", 1)],
    ),
    (  # collectives in another order, and the press
        [
            ("item", "m5", "5", "", "5. UBND các phường, xã: Thăm, tặng quà trẻ em có hoàn cảnh đặc biệt."),
            ("item", "m6", "6", "", "6. Các cơ quan báo chí của tỉnh: Tuyên truyền về dinh dưỡng hợp lý."),
        ],
        [("UBND các phường, xã", "thực hiện", 1), ("Các cơ quan báo chí của tỉnh", "thực hiện", 1)],
    ),
]

NOT_DUTIES = [
    ([("para", "p1", "", "", "Năm 2023, Sở Y tế đã tổ chức khám sàng lọc cho 12.000 trẻ em.")], []),
    ([("para", "p1", "", "", "Yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện./.")], []),
    ([("para", "p1", "", "", "Giao Tỉnh đoàn là cơ quan thường trực, tổng hợp kết quả báo cáo UBND tỉnh.")], [("Tỉnh đoàn", "thực hiện", 1)]),
]


@pytest.mark.parametrize(("blocks", "expected"), SEVERAL_IN_ONE_ADDRESSEE)
def test_several_agencies_in_one_addressee(blocks: list[B], expected: list[C]) -> None:
    assert counts_of(doc(blocks, province="Hà Tĩnh", doc_type="Kế hoạch")) == expected


@pytest.mark.parametrize(("blocks", "expected"), BULLET_ADDRESSEES)
def test_bullet_addressees(blocks: list[B], expected: list[C]) -> None:
    assert counts_of(doc(blocks, province="Yên Bái", doc_type="Hướng dẫn")) == expected


@pytest.mark.parametrize(("blocks", "expected"), REQUEST_HEADERS)
def test_request_headers(blocks: list[B], expected: list[C]) -> None:
    assert counts_of(doc(blocks, province="Hà Giang", doc_type="Kế hoạch")) == expected


@pytest.mark.parametrize(("blocks", "expected"), HEADER_THEN_OTHERS)
def test_paragraphs_addressing_others(blocks: list[B], expected: list[C]) -> None:
    assert counts_of(doc(blocks, province="Quảng Trị", doc_type="Chỉ thị")) == expected


@pytest.mark.parametrize(("blocks", "expected"), TASK_TABLES)
def test_task_tables(blocks: list[B], expected: list[C]) -> None:
    assert counts_of(doc(blocks, province="Lạng Sơn", doc_type="Kế hoạch")) == expected


@pytest.mark.parametrize(("blocks", "expected"), DECISION_ARTICLES)
def test_decision_articles(blocks: list[B], expected: list[C]) -> None:
    assert counts_of(doc(blocks, province="Trà Vinh", doc_type="Quyết định")) == expected


@pytest.mark.parametrize(("blocks", "expected"), UNLISTED_VERBS)
def test_unlisted_verbs_and_collectives(blocks: list[B], expected: list[C]) -> None:
    assert counts_of(doc(blocks, province="Thanh Hóa", doc_type="Công văn")) == expected


@pytest.mark.parametrize(("blocks", "expected"), NOT_DUTIES)
def test_reports_and_closing_formulas(blocks: list[B], expected: list[C]) -> None:
    assert counts_of(doc(blocks, province="Hà Nam", doc_type="Công văn")) == expected


def test_table_rows_keep_their_line_and_partners() -> None:
    d = doc([TASK_TABLES[0][0][0]], province="Lạng Sơn", doc_type="Kế hoạch")
    first = extract_duties(d)[0]
    assert (first.agency, first.role, first.text, first.line, first.block) == (
        "Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn", "chủ trì", "Tập huấn kỹ năng bảo vệ trẻ em", 3, "pl-i-bang1",
    )
    assert first.partners == ("so-y-te-tinh-lang-son", "doan-thanh-nien-cong-san-ho-chi-minh-tinh-lang-son")


def test_collective_of_front_and_member_organisations_is_a_group() -> None:
    d = doc([REQUEST_HEADERS[0][0][0], REQUEST_HEADERS[0][0][1]], province="Hà Giang")
    (duty,) = extract_duties(d)
    assert duty.is_group
    assert duty.agency == "Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội tỉnh Hà Giang"


@pytest.mark.parametrize(
    "text",
    ["| Cơ quan chủ trì |", "|", "| | |\n|", "| Nội dung | Cơ quan chủ trì |\n| x", "**:**", "- :", "Điều 2.", "1. Đề nghị"],
)
def test_odd_blocks_do_not_raise(text: str) -> None:
    for kind, label in (("table", ""), ("item", "1"), ("bullet", "-"), ("heading", "Điều 2"), ("para", "")):
        extract_duties(doc([(kind, "x", label, "", text)]))


def test_members_listed_in_a_sentence_stop_at_a_representative() -> None:
    """"…, Tỉnh đoàn Bắc Kạn, đại diện Tổ chức ChildFund …": the Đoàn is a member; the NGO's representative is not an agency."""
    d = doc(
        [("para", "p1", "", "", "Tham dự cuộc họp có các thành viên Ban Chỉ đạo là lãnh đạo các đơn vị: Sở Tư pháp, "
          "Công an tỉnh, Tỉnh đoàn Bắc Kạn, đại diện Tổ chức ChildFund Việt Nam tại Bắc Kạn và các thành viên Tổ giúp việc.")],
        province="Bắc Kạn",
    )
    (m,) = extract_memberships(d)
    assert [a.id for a in m.members] == [
        "so-tu-phap-tinh-bac-kan",
        "cong-an-tinh-bac-kan",
        "doan-thanh-nien-cong-san-ho-chi-minh-tinh-bac-kan",
    ]


def test_a_reports_requests_are_not_duties() -> None:
    """A Báo cáo's "III. ĐỀ XUẤT, KIẾN NGHỊ" asks its superiors; its "II. Phương hướng" assigns."""
    d = doc(
        [
            ("heading", "muc-ii", "II", "", "II. PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2024"),
            ("item", "muc-ii-m1", "1", "muc-ii", "1. Sở Giáo dục và Đào tạo chủ trì tổ chức giáo dục kỹ năng sống."),
            ("heading", "muc-iii", "III", "", "III. ĐỀ XUẤT, KIẾN NGHỊ"),
            ("item", "muc-iii-m1", "1", "muc-iii", "1. Đối với Bộ Lao động - Thương binh và Xã hội: Sớm ban hành hướng dẫn."),
            ("item", "muc-iii-m2", "2", "muc-iii", "2. Đối với UBND tỉnh: Quan tâm bố trí kinh phí."),
        ],
        doc_type="Báo cáo",
    )
    assert [(x.agency_text, x.role) for x in extract_duties(d)] == [("Sở Giáo dục và Đào tạo", "chủ trì")]
    # the same items in a plan are assignments
    plan = replace(d, doc_type="Kế hoạch")
    assert len(extract_duties(plan)) == 3


OFFICE_HOLDERS = [
    (  # invented: "Chủ tịch UBND tỉnh yêu cầu:" then office holders as headers
        [
            ("para", "p1", "", "", "Để tạo chuyển biến trong công tác trẻ em, Chủ tịch UBND tỉnh yêu cầu:"),
            ("heading", "m1", "1", "", "**1. Giám đốc Sở Y tế:**"),
            ("bullet", "m1-b1", "-", "m1", "- Nâng cao chất lượng khám sàng lọc sơ sinh."),
            ("bullet", "m1-b2", "-", "m1", "- Giảm suy dinh dưỡng thấp còi ở trẻ em."),
            ("item", "m2", "2", "", "**2. Giám đốc Công an tỉnh:** Điều tra, xử lý nghiêm các vụ xâm hại trẻ em."),
            ("item", "m3", "3", "", "3. Chủ tịch UBND các huyện, thị xã, thành phố:"),
            ("bullet", "m3-b1", "-", "m3", "- Bố trí kinh phí thực hiện công tác trẻ em."),
        ],
        [("Giám đốc Sở Y tế", "thực hiện", 2), ("Giám đốc Công an tỉnh", "thực hiện", 1),
         ("Chủ tịch UBND các huyện, thị xã, thành phố", "thực hiện", 1)],
    ),
]

EXECUTION_CLAUSES: list[tuple[list[B], list[C]]] = [
    # a decision's execution clause names office holders and gives no task
    ([("para", "p1", "", "", "Chánh Văn phòng UBND huyện, Trưởng phòng Tư pháp, Thủ trưởng các cơ quan có liên quan "
       "chịu trách nhiệm thi hành Quyết định này./.")], []),
    ([("heading", "dieu-4", "Điều 4", "", "Điều 4. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Y tế, Tư pháp; "
       "Chủ tịch UBND các huyện chịu trách nhiệm thi hành Nghị quyết này.")], []),
]


@pytest.mark.parametrize(("blocks", "expected"), OFFICE_HOLDERS)
def test_office_holders_as_addressees(blocks: list[B], expected: list[C]) -> None:
    assert counts_of(doc(blocks, province="Sơn La", doc_type="Chỉ thị")) == expected


@pytest.mark.parametrize(("blocks", "expected"), EXECUTION_CLAUSES)
def test_execution_clause_is_no_duty(blocks: list[B], expected: list[C]) -> None:
    assert counts_of(doc(blocks, province="Nam Định", doc_type="Quyết định")) == expected


NOTICE_CLOSINGS = [
    (  # invented: a notice's closing line under the last addressee is not one more duty
        [
            ("item", "m1", "a)", "", "a) UBND các xã, thị trấn:"),
            ("bullet", "m1-b1", "-", "m1", "- Rà soát trẻ em có hoàn cảnh đặc biệt."),
            ("para", "p9", "", "m1", "Văn phòng HĐND và UBND huyện thông báo để các cơ quan, đơn vị biết, thực hiện./."),
        ],
        [("UBND các xã, thị trấn", "thực hiện", 1)],
    ),
]

NEW_GROUPS = [
    ([("para", "p1", "", "", "Giao Thường trực HĐND tỉnh, các Ban HĐND tỉnh, các Tổ đại biểu và đại biểu HĐND tỉnh "
       "giám sát việc thực hiện Nghị quyết.")],
     [("Thường trực HĐND tỉnh, các Ban HĐND tỉnh, các Tổ đại biểu và đại biểu HĐND tỉnh", "thực hiện", 1)]),
    ([("item", "m7", "7", "", "**7. UBND các huyện, thành, thị:** Bố trí kinh phí thực hiện.")],
     [("UBND các huyện, thành, thị", "thực hiện", 1)]),
    ([("item", "m2", "2", "", "**2. Đối với các trường THPT, trung tâm GDNN-GDTX:** Thành lập tổ tư vấn học đường.")],
     [("các trường THPT, trung tâm GDNN-GDTX", "thực hiện", 1)]),
    ([("item", "m3", "3", "", "**3. Các phòng chuyên môn thuộc Sở:** Theo dõi việc thực hiện.")],
     [("Các phòng chuyên môn thuộc Sở", "thực hiện", 1)]),
    ([("item", "m6", "6", "", "**6. Trưởng các thôn, tổ dân phố:** Nắm tình hình trẻ em trên địa bàn.")],
     [("Trưởng các thôn, tổ dân phố", "thực hiện", 1)]),
]


@pytest.mark.parametrize(("blocks", "expected"), NOTICE_CLOSINGS)
def test_notice_closing_is_no_duty(blocks: list[B], expected: list[C]) -> None:
    assert counts_of(doc(blocks, province="Lào Cai", doc_type="Thông báo")) == expected


@pytest.mark.parametrize(("blocks", "expected"), NEW_GROUPS)
def test_collective_addressees(blocks: list[B], expected: list[C]) -> None:
    assert counts_of(doc(blocks, province="Điện Biên", doc_type="Kế hoạch")) == expected


def test_ban_chi_dao_alone_is_not_its_members() -> None:
    from tracuu.registries.agencies import load_registry

    found = load_registry().match("Ban Chỉ đạo", "Tuyên Quang", "", allow_unknown=False)
    assert found is None or found.template != "thanh-vien-ban-chi-dao"


INLINE_ROLE = [
    ([("item", "m1", "1", "", "**1. Phòng Tư pháp huyện:** Chủ trì, phối hợp với các cơ quan triển khai Kế hoạch.")],
     [("Phòng Tư pháp huyện", "chủ trì", 1), ("các cơ quan", "phối hợp", 1)]),
    ([("item", "m6", "6", "", "**6. Đề nghị Hội Nông dân tỉnh:** Phối hợp tuyên truyền đến hội viên.")],
     [("Hội Nông dân tỉnh", "phối hợp", 1)]),
    # C3: the item's first words say the role, whether or not it names a partner
    ([("item", "m3", "3", "", "3. Phòng Văn hóa và Thông tin: Phối hợp với Đài Truyền thanh huyện tuyên truyền.")],
     [("Phòng Văn hóa và Thông tin", "phối hợp", 1)]),
    ([("bullet", "b1", "-", "", "- Sở Nội vụ: Chủ trì thẩm định hồ sơ thi đua.")], [("Sở Nội vụ", "chủ trì", 1)]),
    # "Tiếp tục phối hợp với …" does not begin with "Phối hợp" (seeds 000, C3)
    ([("bullet", "b1", "-", "", "- Sở Y tế: Tiếp tục phối hợp với các tổ chức quốc tế hỗ trợ trẻ em.")],
     [("Sở Y tế", "thực hiện", 1)]),
]


@pytest.mark.parametrize(("blocks", "expected"), INLINE_ROLE)
def test_inline_duty_states_the_role(blocks: list[B], expected: list[C]) -> None:
    assert counts_of(doc(blocks, province="Thanh Hóa", doc_type="Kế hoạch")) == expected
