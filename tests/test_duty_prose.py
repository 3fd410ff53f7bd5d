"""Duties in running prose (conventions C1-C6): real snippets from tests/realdocs/dev and the
seeds, and invented variants. Each case: paragraphs, then (addressee as written, role, items)."""

from __future__ import annotations

import pytest

from tracuu.model.records import Block, Document
from tracuu.resolve.duties import extract_duties

C = tuple[str, str, int]


def counts(paras: list[str], province: str = "", doc_type: str = "Tin bài", kinds: list[str] | None = None) -> list[C]:
    body = tuple(
        Block(kind=(kinds[n] if kinds else "para"), text=t, line=n + 1, anchor=f"p{n}", level=0)  # type: ignore[arg-type]
        for n, t in enumerate(paras)
    )
    out: dict[tuple[str, str], int] = {}
    for d in extract_duties(Document(source="t.txt", id="t", doc_type=doc_type, province=province, body=body)):
        out[(d.agency_text, d.role)] = out.get((d.agency_text, d.role), 0) + 1
    return [(a, r, n) for (a, r), n in out.items()]


DIRECTIVE_ANYWHERE = [
    (  # real (daklak): "giao X chủ trì, phối hợp với Y; Z; W …" — C1 and C2, partners split at ";"
        ["Theo đó, UBND tỉnh giao Sở Lao động- Thương binh và Xã hội chủ trì, phối hợp với các Sở, ban, ngành; "
         "các hội, đoàn thể của tỉnh; UBND các huyện, thị xã, thành phố căn cứ chức năng, nhiệm vụ được phân công, "
         "tăng cường công tác bảo vệ trẻ em."],
        [("Sở Lao động- Thương binh và Xã hội", "chủ trì", 1), ("các Sở, ban, ngành", "phối hợp", 1),
         ("các hội, đoàn thể của tỉnh", "phối hợp", 1), ("UBND các huyện, thị xã, thành phố", "phối hợp", 1)],
    ),
    (  # real (khanhhoa): subject, "vừa yêu cầu", a list of a definite organ type and a collective (C4)
        ["Sở Giáo dục và Đào tạo Khánh Hòa vừa yêu cầu các phòng giáo dục và đào tạo, đơn vị trực thuộc tăng cường "
         "công tác bảo vệ và phòng, chống xâm hại tình dục trẻ em."],
        [("các phòng giáo dục và đào tạo", "thực hiện", 1), ("đơn vị trực thuộc", "thực hiện", 1)],
    ),
    (  # real (vov): the colon ends the addressee list
        ["Trước tình trạng này, Chủ tịch nước Trần Đại Quang đề nghị Ủy ban Quốc gia về trẻ em, Bộ Lao động Thương "
         "binh và Xã hội, Bộ Y tế, các Bộ, ngành liên quan và các tỉnh, thành phố trực thuộc Trung ương: Tăng cường "
         "kiểm tra, thanh tra; Có các giải pháp hiệu quả bảo đảm trẻ em được sống trong môi trường an toàn."],
        [("Ủy ban Quốc gia về trẻ em", "thực hiện", 1), ("Bộ Lao động Thương binh và Xã hội", "thực hiện", 1),
         ("Bộ Y tế", "thực hiện", 1), ("các Bộ, ngành liên quan", "thực hiện", 1),
         ("các tỉnh, thành phố trực thuộc Trung ương", "thực hiện", 1)],
    ),
    (  # real (htv): a reported request ("đã có công văn đề nghị …") is the duty it asks for
        ["Ngày 23/9, Bộ Lao động - Thương binh và Xã hội, cùng Ủy ban Quốc gia về trẻ em đã có công văn đề nghị "
         "63 tỉnh thành hỗ trợ kịp thời cho trẻ em thuộc diện có cha, mẹ mất do dịch COVID-19."],
        [("63 tỉnh thành", "thực hiện", 1)],
    ),
    (  # real (quangnam): the addressees of a dispatch, "gửi X đề nghị …"
        ["Ngày 17/8, Bộ Lao động - Thương binh và Xã hội có công điện số 03/CĐ-LĐTBXH gửi UBND các tỉnh, thành phố "
         "trực thuộc trung ương đề nghị tập trung chỉ đạo, triển khai thực hiện đồng bộ các nhiệm vụ."],
        [("UBND các tỉnh, thành phố trực thuộc trung ương", "thực hiện", 1)],
    ),
    (  # real (seeds 002): "lưu ý" + a collective, and a sentence that opens with a sector
        ["Phó Chủ tịch UBND tỉnh lưu ý các cấp, ngành làm tốt công tác vận động nguồn lực xã hội hóa. Ngành Giáo dục "
         "và Đào tạo quan tâm hơn nữa tới việc xây dựng quy chế phối hợp giữa gia đình và nhà trường."],
        [("các cấp, ngành", "thực hiện", 1), ("Ngành Giáo dục và Đào tạo", "thực hiện", 1)],
    ),
    (  # invented: a district chairman "giao", and an office holder written in lower case
        ["Chủ tịch UBND huyện giao Phòng Y tế chủ trì kiểm tra các bếp ăn bán trú.",
         "Bộ đề nghị giám đốc các sở GD&ĐT tăng cường quán triệt các văn bản chỉ đạo."],
        [("Phòng Y tế", "chủ trì", 1), ("giám đốc các sở GD&ĐT", "thực hiện", 1)],
    ),
]

CHAINS_AND_OPENINGS = [
    (  # real (danang): semicolon chain; "UBND TP yêu cầu lồng ghép …" names no addressee
        ["Theo đó, UBND TP yêu cầu lồng ghép tổ chức lễ phát động; UBND các quận, huyện tổ chức lễ phát động "
         "vào cuối tháng 5; UBND các xã, phường xây dựng kế hoạch tổ chức các hoạt động tại địa phương. Cùng với "
         "việc tổ chức phát động, UBND TP đề nghị các địa phương và các cơ quan, đơn vị liên quan tổ chức các hoạt "
         "động truyền thông."],
        [("UBND các quận, huyện", "thực hiện", 1), ("UBND các xã, phường", "thực hiện", 1),
         ("các địa phương và các cơ quan, đơn vị liên quan", "thực hiện", 1)],
    ),
    (  # real (hanoi 111): "đề nghị A đôn đốc B" gives A the duty (C5); openings "Theo đó," / "Đặc biệt, nhằm …,"
        ["Sở Giáo dục và Đào tạo (GD&ĐT) Hà Nội vừa có văn bản đề nghị các Phòng GD&ĐT đôn đốc các cơ sở giáo dục "
         "tăng cường công tác tuyên truyền.",
         "Theo đó, các Phòng GD&ĐT thực hiện nghiêm túc các quy định về việc bảo đảm môi trường giáo dục an toàn.",
         "Đặc biệt, nhằm kịp thời phát hiện, hỗ trợ học sinh trong các tình huống nguy cấp, các Phòng GD&ĐT và các "
         "nhà trường cần tăng cường tuyên truyền."],
        [("các Phòng GD&ĐT", "thực hiện", 3), ("các nhà trường", "thực hiện", 1)],
    ),
    (  # invented: "Để …, X …"
        ["Để bảo đảm an toàn cho trẻ em trong dịp hè, Công an tỉnh tăng cường tuần tra các khu vực ao, hồ."],
        [("Công an tỉnh", "thực hiện", 1)],
    ),
]

CONTINUATIONS = [
    (  # real (khanhhoa): "các đơn vị cần …" refers back to every addressee just named
        ["Sở Giáo dục và Đào tạo Khánh Hòa vừa yêu cầu các phòng giáo dục và đào tạo, đơn vị trực thuộc tăng cường "
         "công tác bảo vệ trẻ em.",
         "Theo đó, các đơn vị cần quán triệt và triển khai thực hiện nghiêm túc các quy định về bảo vệ trẻ em."],
        [("các phòng giáo dục và đào tạo", "thực hiện", 2), ("đơn vị trực thuộc", "thực hiện", 2)],
    ),
    (  # real (thoidai): "các sở cần …" refers back to the sở just named, with its first wording
        ["Thực hiện theo công điện, Bộ Giáo dục và Đào tạo đề nghị giám đốc các sở giáo dục và đào tạo nhanh chóng "
         "quán triệt công tác chỉ đạo.",
         "Trước thời gian nghỉ hè, các sở cần mở đợt cao điểm để triển khai hướng dẫn việc phổ biến kiến thức."],
        [("giám đốc các sở giáo dục và đào tạo", "thực hiện", 2)],
    ),
    (  # real (baohaiquan): the next paragraph names the same agencies again: one entry
        ["Theo đó, bộ đề nghị giám đốc các sở GD&ĐT tăng cường quán triệt các văn bản chỉ đạo.",
         "Các sở GD&ĐT mở đợt cao điểm triển khai công tác tuyên truyền, giáo dục."],
        [("giám đốc các sở GD&ĐT", "thực hiện", 2)],
    ),
    (  # real (baria): "Đặc biệt, cần …" carries on the last paragraph's addressee
        ["Bên cạnh việc tuyên truyền về phòng, chống đuối nước, Sở GD-ĐT yêu cầu các cơ sở giáo dục tổ chức "
         "chương trình phát động phong trào tập bơi.",
         "Đặc biệt, cần tăng cường giáo dục, trang bị cho HS kiến thức, kỹ năng phòng tránh tai nạn thương tích."],
        [("các cơ sở giáo dục", "thực hiện", 2)],
    ),
    (  # real (bacgiang): an introduction ending "yêu cầu:" and its paragraphs
        ["Trước tình hình trên Chủ tịch UBND huyện yêu cầu:",
         "Các ngành liên quan và UBND các xã, thị trấn tiếp tục triển khai thực hiện Chỉ thị số 06.",
         "Tiến hành ngay việc rà soát lại các cánh đồng, ao, hồ để cắm biển cảnh báo."],
        [("Các ngành liên quan", "thực hiện", 2), ("UBND các xã, thị trấn", "thực hiện", 2)],
    ),
    (  # real (vpcp): "… có ý kiến như sau:", a glued name ("Xã hộicó"), the notice closing is no duty
        ["Xét đề nghị của Bộ Lao động –Thương binh và Xã hội, Phó Thủtướng Nguyễn Sinh Hùng có ý kiến như sau:",
         "Bộ Lao động – Thương binh và Xã hộicó văn bản đôn đốc các Bộ, ngành liên quan, địa phương chủ động, "
         "tích cực triểnkhai thực hiện Chỉ thị số 1408/CT-TTg.",
         "Văn phòng Chính phủ thông báo để BộLao động – Thương binh và Xã hội biết, thực hiện."],
        [("Bộ Lao động – Thương binh và Xã hội", "thực hiện", 1)],
    ),
    (  # real (danviet): no introduction, no reference back: the next paragraph is not counted
        ["Chủ tịch UBND TP.HCM vừa có chỉ thị yêu cầu UBND các quận huyện tăng cường trách nhiệm quản lý.",
         "Nhanh chóng xây dựng các trường mầm non trong các khu chế xuất, khu công nghiệp."],
        [("UBND các quận huyện", "thực hiện", 1)],
    ),
]

NOT_DUTIES = [
    # real (lamdong): criticism
    ["Theo đó, UBND tỉnh Lâm Đồng phê bình Chủ tịch UBND huyện Cát Tiên và Chủ tịch UBND xã Đồng Nai Thượng."],
    # real (quangnam): a district's own plans
    ["Trong tháng hành động, huyện Núi Thành sẽ triển khai nhiều hoạt động thiết thực như tuyên truyền."],
    # real (hcdc): a programme description ("cũng tổ chức")
    ["Bên cạnh đó, các địa phương cũng tổ chức bổ sung vitamin A thường xuyên cho các bà mẹ sau sinh."],
    # real (baohaiquan): a dispatch sent, no request in the sentence
    ["Ngày 4/5, Bộ Giáo dục và Đào tạo có công điện gửi giám đốc các sở GD&ĐT về tăng cường phòng, chống đuối nước."],
    # real (daklak): the list of recipients "… về việc thực hiện Công văn …" is no assignment
    ["Đó chính là nội dung chỉ đạo của UBND tỉnh tại văn bản gửi các Sở, ban, ngành; UBND các huyện, thị xã, "
     "thành phố về việc thực hiện Công văn số 1848/LĐTBXH-TE."],
    # "Theo đề nghị của …", "đã …" reports, an execution formula (C6)
    ["Theo đề nghị của Sở Y tế, UBND tỉnh ban hành kế hoạch."],
    ["Năm 2023, các đơn vị, địa phương đã chủ động phối hợp triển khai công tác tuyên truyền."],
    ["Đề nghị các sở, ngành, địa phương nghiêm túc triển khai thực hiện./."],
    # a meeting chaired is no duty
    ["Phó Chủ tịch UBND tỉnh - Trưởng Ban Chỉ đạo chủ trì cuộc họp."],
]


@pytest.mark.parametrize(("paras", "expected"), DIRECTIVE_ANYWHERE)
def test_directive_verb_anywhere(paras: list[str], expected: list[C]) -> None:
    assert counts(paras, province="Đắk Lắk") == expected


@pytest.mark.parametrize(("paras", "expected"), CHAINS_AND_OPENINGS)
def test_chains_and_openings(paras: list[str], expected: list[C]) -> None:
    assert counts(paras, province="Đà Nẵng", doc_type="Kế hoạch") == expected


@pytest.mark.parametrize(("paras", "expected"), CONTINUATIONS)
def test_paragraphs_that_keep_addressing(paras: list[str], expected: list[C]) -> None:
    assert counts(paras) == expected


@pytest.mark.parametrize("paras", NOT_DUTIES)
def test_not_duties(paras: list[str]) -> None:
    assert counts(paras, province="Lâm Đồng") == []


@pytest.mark.parametrize("doc_type", ["Tin bài", "Công văn", ""])
def test_any_document_type(doc_type: str) -> None:
    """C1: prose duties do not depend on the type the header parser found."""
    paras = ["UBND tỉnh yêu cầu Sở Y tế tăng cường kiểm tra an toàn thực phẩm tại các trường học."]
    assert counts(paras, province="Lâm Đồng", doc_type=doc_type) == [("Sở Y tế", "thực hiện", 1)]


def counts_of_blocks(blocks: list[tuple[str, str, str, str, str]], doc_type: str = "Luật") -> list[C]:
    body = tuple(
        Block(kind=k, text=t, line=n + 1, anchor=a, level=1 if p else 0, label=lab, parent=p)  # type: ignore[arg-type]
        for n, (k, a, lab, p, t) in enumerate(blocks)
    )
    out: dict[tuple[str, str], int] = {}
    for d in extract_duties(Document(source="t.txt", id="t", doc_type=doc_type, province="Hà Tĩnh", body=body)):
        out[(d.agency_text, d.role)] = out.get((d.agency_text, d.role), 0) + 1
    return [(a, r, n) for (a, r), n in out.items()]


NORMATIVE_TEXTS = [
    (  # invented after Luật Trẻ em: an article headed by a body; its khoản inherit it, C3 per khoản
        [("heading", "dieu-84", "Điều 84", "", "Điều 84. Bộ Y tế"),
         ("item", "dieu-84-k1", "1", "dieu-84", "1. Chủ trì xây dựng chính sách chăm sóc sức khỏe trẻ em."),
         ("item", "dieu-84-k2", "2", "dieu-84", "2. Hướng dẫn khám sàng lọc.")],
        [("Bộ Y tế", "chủ trì", 1), ("Bộ Y tế", "thực hiện", 1)],
    ),
    (  # "Quyền, trách nhiệm của X": the điểm go with their khoản
        [("heading", "dieu-5", "Điều 5", "", "Điều 5. Quyền, trách nhiệm của Ủy ban nhân dân các cấp"),
         ("item", "dieu-5-k1", "1", "dieu-5", "1. Bố trí kinh phí."),
         ("item", "dieu-5-k1-a", "a", "dieu-5-k1", "a) cấp tỉnh.")],
        [("Ủy ban nhân dân các cấp", "thực hiện", 1)],
    ),
    (  # a Thông tư's addressee: "tổ chức" is a noun after a comma, and the title's rest is the name
        [("heading", "dieu-6", "Điều 6", "", "Điều 6. Trách nhiệm của cơ quan, tổ chức, cá nhân tổ chức hoạt động cho trẻ em"),
         ("item", "dieu-6-k1", "1", "dieu-6", "1. Bảo đảm an toàn cho trẻ em.")],
        [("cơ quan, tổ chức, cá nhân tổ chức hoạt động cho trẻ em", "thực hiện", 1)],
    ),
    (  # "X có trách nhiệm sau:" and numbered items
        [("para", "p1", "", "", "Sở Y tế có trách nhiệm sau:"),
         ("item", "m1", "1", "", "1. Kiểm tra an toàn thực phẩm."),
         ("item", "m2", "2", "", "2. Tập huấn sơ cứu.")],
        [("Sở Y tế", "thực hiện", 2)],
    ),
    (  # a Party body
        [("item", "m1", "1", "", "1. Đảng ủy các cơ quan tỉnh có trách nhiệm:"),
         ("bullet", "m1-b1", "-", "m1", "- Lãnh đạo, chỉ đạo tổ chức đảng trực thuộc.")],
        [("Đảng ủy các cơ quan tỉnh", "thực hiện", 1)],
    ),
    (  # HĐND bodies, one collective
        [("para", "p1", "", "", "Giao Thường trực HĐND tỉnh, các Ban của HĐND tỉnh, các Tổ đại biểu giám sát việc thực hiện.")],
        [("Thường trực HĐND tỉnh, các Ban của HĐND tỉnh, các Tổ đại biểu", "thực hiện", 1)],
    ),
    (  # a Party office and "UBND các cấp" in one list: one entry each (C4)
        [("para", "p1", "", "", "Đề nghị Văn phòng Trung ương Đảng, UBND các cấp tăng cường kiểm tra việc thực hiện.")],
        [("Văn phòng Trung ương Đảng", "thực hiện", 1), ("UBND các cấp", "thực hiện", 1)],
    ),
]


@pytest.mark.parametrize(("blocks", "expected"), NORMATIVE_TEXTS)
def test_normative_addressees(blocks: list[tuple[str, str, str, str, str]], expected: list[C]) -> None:
    assert counts_of_blocks(blocks) == expected


LEADER_DIRECTS = [
    (  # invented: a chairman directing bodies gives them the work (C1)
        ["Chủ tịch UBND tỉnh chỉ đạo các sở, ban, ngành và UBND các huyện, thị xã, thành phố tăng cường phòng, "
         "chống bạo lực học đường."],
        [("các sở, ban, ngành", "thực hiện", 1), ("UBND các huyện, thị xã, thành phố", "thực hiện", 1)],
    ),
    (  # invented: the provincial UBND directing a Sở
        ["UBND tỉnh chỉ đạo Sở Giáo dục và Đào tạo rà soát các cơ sở mầm non tư thục."],
        [("Sở Giáo dục và Đào tạo", "thực hiện", 1)],
    ),
    (  # ... but a body told to direct another keeps the duty (C5)
        ["UBND các huyện, thị xã, thành phố chỉ đạo UBND cấp xã rà soát trẻ em bỏ học."],
        [("UBND các huyện, thị xã, thành phố", "thực hiện", 1)],
    ),
    (  # "chỉ đạo thực hiện": no addressee
        ["Phó Thủ tướng chỉ đạo thực hiện các giải pháp phòng, chống xâm hại trẻ em."],
        [],
    ),
]


@pytest.mark.parametrize(("paras", "expected"), LEADER_DIRECTS)
def test_leader_directs(paras: list[str], expected: list[C]) -> None:
    assert counts(paras, province="Hà Tĩnh") == expected


REPORTS_IN_NEWS = [
    # invented: a news report of what bodies do is no assignment until a directive is reported
    (["Sở Giáo dục và Đào tạo tổ chức tập huấn kỹ năng phòng, chống đuối nước cho 200 giáo viên."], []),
    (["Trong tháng 6, Sở Y tế tổ chức khám sàng lọc miễn phí cho trẻ em."], []),
    # ... after one, a sentence that opens with a body carries on the directive
    (["UBND tỉnh yêu cầu các sở, ngành tăng cường kiểm tra. Sở Y tế tổ chức khám sàng lọc cho trẻ em."],
     [("các sở, ngành", "thực hiện", 1), ("Sở Y tế", "thực hiện", 1)]),
]


@pytest.mark.parametrize(("paras", "expected"), REPORTS_IN_NEWS)
def test_news_reports_need_a_directive(paras: list[str], expected: list[C]) -> None:
    assert counts(paras, province="Hà Tĩnh") == expected
    if not expected:  # the same sentence in a Kế hoạch assigns
        assert counts(paras, province="Hà Tĩnh", doc_type="Kế hoạch") != []


LISTS_OF_TASKS = [
    (  # invented: "đề nghị A, B … như sau:" then "-" bullets: each bullet is a duty of each addressee
        [("para", "p1", "", "", "UBND tỉnh đề nghị Sở Y tế, Sở Giáo dục và Đào tạo thực hiện một số nội dung như sau:"),
         ("bullet", "b1", "-", "", "- Tăng cường kiểm tra an toàn thực phẩm."),
         ("bullet", "b2", "-", "", "- Tổ chức tập huấn sơ cứu.")],
        [("Sở Y tế", "thực hiện", 2), ("Sở Giáo dục và Đào tạo", "thực hiện", 2)],
    ),
    (  # invented: "yêu cầu:" then bullets that open with their addressees; C2 partner
        [("para", "p1", "", "", "Để tổ chức Tết Trung thu an toàn, Chủ tịch UBND tỉnh yêu cầu:"),
         ("bullet", "b1", "-", "", "- Các sở, ban, ngành, địa phương tổ chức các hoạt động vui Tết Trung thu phù hợp."),
         ("bullet", "b2", "-", "", "- Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Công an tỉnh kiểm tra đồ chơi."),
         ("bullet", "b3", "-", "", "- Công an tỉnh bảo đảm an ninh trật tự.")],
        [("Các sở, ban, ngành, địa phương", "thực hiện", 1), ("Sở Văn hóa, Thể thao và Du lịch", "chủ trì", 1),
         ("Công an tỉnh", "phối hợp", 1), ("Công an tỉnh", "thực hiện", 1)],
    ),
    (  # invented: several directives in one sentence; the lead's partner list ends at its verb
        [("para", "p1", "", "", "Chủ tịch UBND tỉnh giao Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với các cơ "
          "quan liên quan hướng dẫn tổ chức Tết Trung thu; giao Công an tỉnh bảo đảm an ninh trật tự; UBND các huyện, "
          "thị xã, thành phố chỉ đạo UBND cấp xã tổ chức vui Tết Trung thu cho trẻ em.")],
        [("Sở Lao động - Thương binh và Xã hội", "chủ trì", 1), ("các cơ quan liên quan", "phối hợp", 1),
         ("Công an tỉnh", "thực hiện", 1), ("UBND các huyện, thị xã, thành phố", "thực hiện", 1)],
    ),
]


@pytest.mark.parametrize(("blocks", "expected"), LISTS_OF_TASKS)
def test_lists_of_tasks_in_news(blocks: list[tuple[str, str, str, str, str]], expected: list[C]) -> None:
    assert counts_of_blocks(blocks, doc_type="Tin bài") == expected


HEADED_LISTS = [
    (  # real (daknong, dev): the kind written once before the colon, then a name of its own kind
        ["Theo đó, UBND tỉnh yêu cầu các Sở: Lao động – Thương binh và Xã hội, Thông tin và Truyền thông, UBND các "
         "huyện, thành phố tùy vào chức năng, nhiệm vụ triển khai các biện pháp phòng, chống tai nạn đuối nước."],
        [("Sở Lao động – Thương binh và Xã hội", "thực hiện", 1), ("Sở Thông tin và Truyền thông", "thực hiện", 1),
         ("UBND các huyện, thành phố", "thực hiện", 1)],
    ),
    (  # invented: ";" between the names, "và" before the last, after a directive
        ["UBND tỉnh yêu cầu Các Bộ: Giáo dục và Đào tạo; Y tế và Công an tỉnh tăng cường kiểm tra."],
        [("Bộ Giáo dục và Đào tạo", "thực hiện", 1), ("Bộ Y tế", "thực hiện", 1), ("Công an tỉnh", "thực hiện", 1)],
    ),
    (  # the same list in a meeting's attendance is no assignment
        ["Cùng dự họp có Giám đốc các Sở: Giáo dục và Đào tạo, Nội vụ; Chủ tịch UBND quận Lê Chân."],
        [],
    ),
]


@pytest.mark.parametrize(("paras", "expected"), HEADED_LISTS)
def test_a_list_headed_by_its_kind(paras: list[str], expected: list[C]) -> None:
    assert counts(paras, province="Đắk Nông") == expected


REPEATS_AND_COLLECTIVES = [
    (  # real (hoabinh_ttg, dev): the lead prints the assignment the last paragraph reports: one duty
        ["(LĐTĐ) Thủ tướng Chính phủ vừa giao Bộ Công an chỉ đạo điều tra làm rõ nguyên nhân khiến 8 cháu bị đuối "
         "nước và báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 3 năm 2019.",
         "Thủ tướng Chính phủ giao Bộ Công an chỉ đạo điều tra làm rõ nguyên nhân khiến 8 cháu bé ở Hòa Bình bị đuối "
         "nước và báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 3 năm 2019."],
        [("Bộ Công an", "thực hiện", 1)],
    ),
    (  # ... two different tasks of one body stay two
        ["UBND tỉnh yêu cầu Sở Y tế tăng cường kiểm tra an toàn thực phẩm tại các trường mầm non.",
         "UBND tỉnh yêu cầu Sở Y tế tổ chức tập huấn sơ cứu đuối nước cho giáo viên và học sinh."],
        [("Sở Y tế", "thực hiện", 2)],
    ),
    (  # real (hoabinh_ttg, dev): "các cấp, các ngành" is one collective (C4), then a named organ type
        ["Thủ tướng Chính phủ yêu cầu các cấp, các ngành, Ủy ban nhân dân các tỉnh, thành phố thực hiện nghiêm văn "
         "bản chỉ đạo số 1123/UBQGTE."],
        [("các cấp, các ngành", "thực hiện", 1), ("Ủy ban nhân dân các tỉnh, thành phố", "thực hiện", 1)],
    ),
    (  # invented: the communes addressed by their names only, and an adverb the stop list knows ("sớm")
        ["Thời gian tới, UBND huyện yêu cầu các xã, thị trấn tiếp tục rà soát các ao, hồ nguy hiểm.",
         "Bộ trưởng cũng yêu cầu Cục Trẻ em sớm hoàn thiện dự thảo Chỉ thị."],
        [("các xã, thị trấn", "thực hiện", 1), ("Cục Trẻ em", "thực hiện", 1)],
    ),
]


@pytest.mark.parametrize(("paras", "expected"), REPEATS_AND_COLLECTIVES)
def test_repeats_and_collectives_in_news(paras: list[str], expected: list[C]) -> None:
    assert counts(paras, province="Hòa Bình") == expected


PETITIONS_AND_LISTS_DIRECTED = [
    # invented: a petition or a proposal gives no work
    (["Nhiều phụ huynh đề nghị nhà trường tăng cường quản lý học sinh sau giờ học."], []),
    (["Tại buổi làm việc, Sở Giáo dục và Đào tạo đề xuất UBND tỉnh giao Sở Tài chính bố trí kinh phí dạy bơi."], []),
    (["Cử tri đề nghị Sở Giao thông vận tải sớm sửa chữa tuyến đường trước cổng trường."], []),
    # ... a body that asks after a comma still assigns
    (["Phụ huynh lo lắng, Sở Giáo dục và Đào tạo yêu cầu các trường tăng cường quản lý học sinh."],
     [("các trường", "thực hiện", 1)]),
    # invented (C5): "Giao A: Chỉ đạo B; C triển khai …": B and C are A's list, A has the duty
    (["Giao UBND các huyện, thành phố: Chỉ đạo UBND cấp xã; các cơ quan, đơn vị triển khai thực hiện các biện "
      "pháp bảo vệ trẻ em."],
     [("UBND các huyện, thành phố", "thực hiện", 1)]),
]


@pytest.mark.parametrize(("paras", "expected"), PETITIONS_AND_LISTS_DIRECTED)
def test_petitions_and_directed_lists(paras: list[str], expected: list[C]) -> None:
    assert counts(paras, province="Kon Tum") == expected


SEMICOLON_ITEMS_AND_LEVELS = [
    (  # real (quangnam_sxd, dev): items split by ";", one naming no body ("các chủ đầu tư, …")
        ["Sở Xây dựng vừa ban hành công văn đề nghị các Sở, Ban, ngành thuộc tỉnh; UBND các huyện, thị xã, thành "
         "phố; các chủ đầu tư, chủ thể tham gia hoạt động xây dựng trên địa bàn tỉnh tăng cường công tác phòng, "
         "chống tai nạn đuối nước cho trẻ em trên các công trường xây dựng."],
        [("các Sở, Ban, ngành thuộc tỉnh", "thực hiện", 1), ("UBND các huyện, thị xã, thành phố", "thực hiện", 1)],
    ),
    (  # real (backan, dev): a level word alone after the directive is that level's UBND
        ["Kết thúc buổi kiểm tra, BCĐ hoạt động hè tỉnh đề nghị huyện tiếp tục làm tốt công tác tuyên truyền."],
        [("huyện", "thực hiện", 1)],
    ),
    # ... "xã hội hóa" is no commune
    (["UBND huyện yêu cầu xã hội hóa công tác dạy bơi cho trẻ em trên địa bàn."], []),
]


@pytest.mark.parametrize(("paras", "expected"), SEMICOLON_ITEMS_AND_LEVELS)
def test_semicolon_items_and_level_words(paras: list[str], expected: list[C]) -> None:
    assert counts(paras, province="Quảng Nam") == expected


@pytest.mark.parametrize(
    "para",
    [
        # real (sources/2017-05-15-thong-tu-23-…, 2017-05-09-nghi-dinh-56-…): execution clauses (C6)
        "Các Vụ trưởng, Cục trưởng thuộc Bộ Y tế; Giám đốc Sở Y tế các tỉnh, thành phố trực thuộc trung ương và các "
        "cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Thông tư này.",
        "Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung "
        "ương chịu trách nhiệm thi hành Nghị định này.",
    ],
)
def test_execution_clauses_of_circulars_and_decrees_give_no_duty(para: str) -> None:
    assert counts([para], doc_type="Thông tư") == []


COLLECTIVES_AND_PRESS = [
    (  # real (phuyen, dev): "các tổ chức …" is a collective, not "các" and a verb; the press as one
        ["UBND tỉnh vừa có công văn yêu cầu các sở, ban, ngành, các tổ chức mặt trận, hội, đoàn thể tỉnh, UBND các "
         "huyện, thị xã, thành phố triển khai các hoạt động vui đón Tết Trung thu năm 2018.",
         "Sở Thông tin và Truyền thông, các cơ quan báo, đài phối hợp với Sở Lao động, Thương binh và Xã hội đẩy mạnh "
         "các hoạt động tuyên truyền."],
        [("các sở, ban, ngành", "thực hiện", 1), ("các tổ chức mặt trận, hội, đoàn thể tỉnh", "thực hiện", 1),
         ("UBND các huyện, thị xã, thành phố", "thực hiện", 1), ("Sở Thông tin và Truyền thông", "phối hợp", 1),
         ("các cơ quan báo, đài", "phối hợp", 1)],
    ),
]


@pytest.mark.parametrize(("paras", "expected"), COLLECTIVES_AND_PRESS)
def test_collectives_and_the_press(paras: list[str], expected: list[C]) -> None:
    assert counts(paras, province="Phú Yên") == expected


def test_cooperation_as_a_noun_names_no_partners() -> None:
    """sources/2023-03-huong-dan-cong-tac-tre-em-kon-tum: "công tác phối hợp liên ngành giữa các cơ quan …"."""
    paras = ["Sở Lao động - Thương binh và Xã hội chủ trì rà soát, đánh giá kết quả công tác phối hợp liên ngành giữa "
             "các cơ quan, đơn vị quản lý nhà nước, các tổ chức chính trị - xã hội trong phòng ngừa xâm hại trẻ em."]
    assert counts(paras, province="Kon Tum", doc_type="Hướng dẫn") == [("Sở Lao động - Thương binh và Xã hội", "chủ trì", 1)]


NUMBERED_ITEMS_END = [
    (  # real (hanoi_sgddt_cv4411…): "(1)" … "(n)" items, then the page goes on with something else
        ["Sở Giáo dục và Đào tạo đề nghị các đơn vị thực hiện nghiêm túc một số nội dung như sau:",
         "(1) Thực hiện đầy đủ các biện pháp bảo đảm an ninh trật tự trường học.",
         "(2) Thiết lập, công khai đường dây nóng để tiếp nhận thông tin về bạo lực học đường.",
         "Xem chi tiết thêm tại Công văn năm 2025.",
         "Nhiệm vụ của học sinh tiểu học",
         "- Học tập, rèn luyện theo kế hoạch giáo dục, nội quy của nhà trường."],
        [("các đơn vị", "thực hiện", 2)],
    ),
    (  # invented: a list numbered another way ("1." then a bullet) ends the same
        ["Chủ tịch UBND huyện yêu cầu các xã, thị trấn thực hiện như sau:",
         "1. Tăng cường tuyên truyền phòng, chống đuối nước cho trẻ em.",
         "2. Tổ chức dạy bơi cho học sinh trong dịp hè.",
         "- Rèn luyện thân thể, giữ gìn vệ sinh cá nhân."],
        [("các xã, thị trấn", "thực hiện", 2)],
    ),
    (  # unnumbered paragraphs after the introduction keep being its items, as before
        ["Chủ tịch UBND huyện yêu cầu các xã, thị trấn thực hiện như sau:",
         "Tăng cường tuyên truyền phòng, chống đuối nước cho trẻ em.",
         "Tổ chức dạy bơi cho học sinh trong dịp hè."],
        [("các xã, thị trấn", "thực hiện", 2)],
    ),
]


@pytest.mark.parametrize(("paras", "expected"), NUMBERED_ITEMS_END)
def test_numbered_items_of_an_introduction_end_where_the_numbering_does(paras: list[str], expected: list[C]) -> None:
    assert counts(paras) == expected


def test_a_count_before_the_communes_names_their_committees() -> None:
    # real (phuyen_tuy_an…): "thủ trưởng các cơ quan, ban ngành và chủ tịch UBND 16 xã, thị trấn"
    paras = ["Chỉ thị yêu cầu thủ trưởng các cơ quan, ban ngành và chủ tịch UBND 16 xã, thị trấn tăng cường "
             "sự lãnh đạo, chỉ đạo đối với công tác trẻ em."]
    assert ("chủ tịch UBND 16 xã, thị trấn", "thực hiện", 1) in counts(paras, province="Phú Yên")


TASK_OPENINGS = [
    (  # real (phuyen_tuy_an…): the next paragraph opens with the task, no body named (C1 continuation)
        ["Chỉ thị yêu cầu thủ trưởng các cơ quan, ban ngành và chủ tịch UBND 16 xã, thị trấn tăng cường sự lãnh "
         "đạo, chỉ đạo đối với công tác trẻ em.",
         "Thực hiện tốt công tác tư vấn tâm lý cho trẻ em và người thân trẻ em trong trường hợp bị xâm hại."],
        [("thủ trưởng các cơ quan, ban ngành", "thực hiện", 2), ("chủ tịch UBND 16 xã, thị trấn", "thực hiện", 2)],
    ),
    (  # no assignment before it: a paragraph opening with a task verb gives nobody work
        ["Huyện có 16 xã, thị trấn với hơn 20.000 trẻ em.",
         "Tăng cường tuyên truyền về phòng, chống đuối nước là việc cần làm trong dịp hè."],
        [],
    ),
    (  # a report in between ends the thread
        ["UBND huyện yêu cầu các xã, thị trấn tăng cường kiểm tra các điểm có nguy cơ đuối nước.",
         "Năm qua, huyện đã tổ chức 20 lớp dạy bơi cho trẻ em.",
         "Tăng cường tuyên truyền về phòng, chống đuối nước là việc cần làm trong dịp hè."],
        [("các xã, thị trấn", "thực hiện", 1)],
    ),
]


@pytest.mark.parametrize(("paras", "expected"), TASK_OPENINGS)
def test_a_paragraph_opening_with_the_task_carries_on_the_last_assignment(paras: list[str], expected: list[C]) -> None:
    assert counts(paras, province="Phú Yên") == expected
