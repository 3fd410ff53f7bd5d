"""The agency registry: every example resolves to its entry; jurisdictions keep agencies apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracuu.model.records import Document
from tracuu.registries.agencies import check, load_registry, problems
from tracuu.resolve.jurisdiction import jurisdiction

REG = load_registry()
EXAMPLES = [(e.id, ex) for e in REG.templates for ex in e.examples] + [(e.id, ex) for e in REG.groups for ex in e.examples]


@pytest.mark.parametrize(("entry", "example"), EXAMPLES)
def test_registry_examples_resolve(entry: str, example: str) -> None:
    found = REG.match(example, "Bắc Kạn", allow_unknown=False)
    assert found is not None and found.template == entry


def test_registry_check_is_clean() -> None:
    assert check() == []


@pytest.mark.parametrize(
    ("text", "province", "district", "agency_id", "name"),
    [
        ("Công an tỉnh", "Bắc Kạn", "", "cong-an-tinh-bac-kan", "Công an tỉnh Bắc Kạn"),
        ("Công an tỉnh", "Thái Nguyên", "", "cong-an-tinh-thai-nguyen", "Công an tỉnh Thái Nguyên"),
        ("Sở LĐ-TB&XH", "Kon Tum", "", "so-lao-dong-thuong-binh-va-xa-hoi-tinh-kon-tum",
         "Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum"),
        ("Sở LĐTBXH", "Kon Tum", "", "so-lao-dong-thuong-binh-va-xa-hoi-tinh-kon-tum",
         "Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum"),
        ("Tỉnh đoàn Bắc Kạn", "", "", "doan-thanh-nien-cong-san-ho-chi-minh-tinh-bac-kan",
         "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Bắc Kạn"),
        ("Ủy ban MTTQVN tỉnh", "Kon Tum", "", "uy-ban-mat-tran-to-quoc-viet-nam-tinh-kon-tum",
         "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Kon Tum"),
        ("Công an thành phố", "Bắc Kạn", "thành phố Bắc Kạn", "cong-an-thanh-pho-bac-kan", "Công an thành phố Bắc Kạn"),
        ("Bộ Kế hoạch và Đầu tư (Tổng cục Thống kê)", "", "", "bo-ke-hoach-va-dau-tu", "Bộ Kế hoạch và Đầu tư"),
        ("Sở Y tế", "Bắc Kạn", "", "so-y-te-tinh-bac-kan", "Sở Y tế tỉnh Bắc Kạn"),
    ],
)
def test_match(text: str, province: str, district: str, agency_id: str, name: str) -> None:
    found = REG.match(text, province, district)
    assert found is not None
    assert (found.id, found.name) == (agency_id, name)


@pytest.mark.parametrize(
    ("text", "province", "district", "agency_id", "name"),
    [
        # not in the registry: still placed in the document's province, so two provinces never share it
        ("Sở Văn hóa và Thể thao", "Bình Định", "", "so-van-hoa-va-the-thao-tinh-binh-dinh",
         "Sở Văn hóa và Thể thao tỉnh Bình Định"),
        ("Ban Quản lý các khu công nghiệp", "Bắc Ninh", "", "ban-quan-ly-cac-khu-cong-nghiep-tinh-bac-ninh",
         "Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh"),
        ("Hội Khuyến học tỉnh", "Phú Thọ", "", "hoi-khuyen-hoc-tinh-phu-tho", "Hội Khuyến học tỉnh Phú Thọ"),
        ("Báo Hà Tĩnh", "Hà Tĩnh", "", "bao-ha-tinh", "Báo Hà Tĩnh"),  # names its province already
        ("Trung tâm Văn hóa - Thể thao huyện", "Bắc Kạn", "huyện Chợ Đồn",
         "trung-tam-van-hoa-the-thao-huyen-cho-don", "Trung tâm Văn hóa - Thể thao huyện Chợ Đồn"),
        ("Bộ Xây dựng", "Hà Tĩnh", "", "bo-xay-dung", "Bộ Xây dựng"),  # central: no province
        # a bare level word means the document's own jurisdiction
        ("Phòng Giáo dục và Đào tạo huyện", "Bắc Kạn", "huyện Ba Bể", "phong-giao-duc-va-dao-tao-huyen-ba-be",
         "Phòng Giáo dục và Đào tạo huyện Ba Bể"),
        ("Trung tâm Y tế huyện", "Bắc Kạn", "huyện Ngân Sơn", "trung-tam-y-te-huyen-ngan-son",
         "Trung tâm Y tế huyện Ngân Sơn"),
        # abbreviations from the registry
        ("Sở GTVT", "Nghệ An", "", "so-giao-thong-van-tai-tinh-nghe-an", "Sở Giao thông vận tải tỉnh Nghệ An"),
        ("Đài PT-TH tỉnh", "Hà Giang", "", "dai-phat-thanh-va-truyen-hinh-tinh-ha-giang",
         "Đài Phát thanh và Truyền hình tỉnh Hà Giang"),
        ("Bộ CHQS tỉnh", "Cao Bằng", "", "bo-chi-huy-quan-su-tinh-cao-bang", "Bộ Chỉ huy Quân sự tỉnh Cao Bằng"),
        ("BHXH tỉnh", "Nghệ An", "", "bao-hiem-xa-hoi-tinh-nghe-an", "Bảo hiểm xã hội tỉnh Nghệ An"),
        ("Hội CCB tỉnh", "Lào Cai", "", "hoi-cuu-chien-binh-tinh-lao-cai", "Hội Cựu chiến binh tỉnh Lào Cai"),
        # collectives
        ("Ủy ban MTTQVN tỉnh và các tổ chức thành viên", "Hà Tĩnh", "",
         "uy-ban-mat-tran-to-quoc-viet-nam-va-cac-to-chuc-chinh-tri-xa-hoi-tinh-ha-tinh",
         "Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội tỉnh Hà Tĩnh"),
        ("UBND các huyện, thành phố, thị xã", "Nghệ An", "",
         "uy-ban-nhan-dan-cac-huyen-thanh-pho-tinh-nghe-an", "Ủy ban nhân dân các huyện, thành phố tỉnh Nghệ An"),
        ("Trạm Y tế các xã, thị trấn", "Bắc Kạn", "huyện Pác Nặm",
         "tram-y-te-cac-xa-phuong-thi-tran-huyen-pac-nam", "Trạm Y tế các xã, phường, thị trấn huyện Pác Nặm"),
    ],
)
def test_match_unlisted_and_abbreviated(text: str, province: str, district: str, agency_id: str, name: str) -> None:
    found = REG.match(text, province, district)
    assert found is not None
    assert (found.id, found.name) == (agency_id, name)


def test_unlisted_agency_of_two_provinces_is_two_agencies() -> None:
    a = REG.match("Sở Văn hóa và Thể thao", "Bình Định")
    b = REG.match("Sở Văn hóa và Thể thao", "Hà Nội")
    assert a is not None and b is not None and a.id != b.id


def test_same_name_in_two_provinces_is_two_agencies() -> None:
    a = REG.match("Công an tỉnh", "Bắc Kạn")
    b = REG.match("Công an tỉnh", "Thái Nguyên")
    assert a is not None and b is not None
    assert a.id != b.id and a.template == b.template == "cong-an-tinh"


@pytest.mark.parametrize("text", ["Đối với các đơn vị", "Trẻ em", "", "Bộ chỉ tiêu thống kê"])
def test_not_agencies(text: str) -> None:
    assert REG.match(text, "Bắc Kạn", allow_unknown=False) is None


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("UBND", "Ủy ban nhân dân"),
        ("SLĐTBXH", "Sở Lao động - Thương binh và Xã hội"),
        ("BCĐ", "Ban Chỉ đạo"),
        ("BCD", "Ban Chỉ đạo"),
        ("BTC", "Ban Tổ chức"),
        ("BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội"),
        ("PLĐTBXH", "Phòng Lao động - Thương binh và Xã hội"),
        ("KGVX", None),
    ],
)
def test_expand_code(code: str, expected: str | None) -> None:
    assert REG.expand_code(code) == expected


@pytest.mark.parametrize(
    ("place", "issuer", "expected"),
    [
        ("TP. Bắc Kạn", "", ("Bắc Kạn", "thành phố Bắc Kạn")),
        ("Bắc Kạn", "Ban Chỉ đạo thực hiện công tác trẻ em trên địa bàn tỉnh Bắc Kạn", ("Bắc Kạn", "")),
        ("", "Ủy ban nhân dân huyện Ba Bể", ("Bắc Kạn", "huyện Ba Bể")),
    ],
)
def test_jurisdiction(place: str, issuer: str, expected: tuple[str, str]) -> None:
    d = Document(source="t", id="t", doc_type="Báo cáo", place=place, issuer=issuer, province="Bắc Kạn")
    assert jurisdiction(d) == expected


@pytest.mark.parametrize(
    ("place", "issuer", "province", "expected"),
    [
        # a district's date line names the district, not a province
        ("Chợ Đồn", "Ủy ban nhân dân huyện Chợ Đồn", "Chợ Đồn", ("", "huyện Chợ Đồn")),
        ("Quảng Khê", "Ủy ban nhân dân xã Quảng Khê", "Quảng Khê", ("", "")),
        ("Lào Cai", "Ủy ban nhân dân tỉnh Lào Cai", "Lào Cai", ("Lào Cai", "")),
    ],
)
def test_jurisdiction_ignores_places_that_are_not_provinces(
    place: str, issuer: str, province: str, expected: tuple[str, str]
) -> None:
    d = Document(source="t", id="t", doc_type="Kế hoạch", place=place, issuer=issuer, province=province)
    assert jurisdiction(d) == expected


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("templates:\n  - id: a\n    name: A\n    kind: Sở\n    level: quận\n    sector: y-te\n",
         "t.yml:2: level 'quận' is not one of trung ương, tỉnh, huyện, xã"),
        ("sectors:\n  - {id: y-te, name: Y tế}\ntemplates:\n  - id: a\n    name: A\n    kind: Sở\n    level: tỉnh\n"
         "    sector: y-te\n  - id: a\n    name: B\n    kind: Sở\n    level: tỉnh\n    sector: y-te\n",
         "t.yml:9: id 'a' already used on line 4"),
        ("templates:\n  - id: a\n    kind: Sở\n", "t.yml:2: entry 'a' has no 'name'"),
        ("groups:\n  - id: g\n    name: G\n    level: tỉnh\n    patterns: ['(']\n",
         "t.yml:2: pattern '(' is not a valid regular expression"),
    ],
)
def test_loader_errors_name_file_and_line(tmp_path: Path, yaml_text: str, message: str) -> None:
    path = tmp_path / "t.yml"
    path.write_text(yaml_text, encoding="utf-8")
    (problem,) = problems(path)
    assert str(problem).replace(str(tmp_path) + "/", "").startswith(message)


@pytest.mark.parametrize(
    ("text", "province", "district", "agency_id"),
    [
        # an office holder named before the body: the duty is the body's
        ("Giám đốc Sở Tài chính", "Nam Định", "", "so-tai-chinh-tinh-nam-dinh"),
        ("Giám đốc Công an tỉnh", "Sơn La", "", "cong-an-tinh-son-la"),
        ("Chủ tịch UBND các huyện, thị xã, thành phố", "Long An", "", "uy-ban-nhan-dan-cac-huyen-thanh-pho-tinh-long-an"),
        ("Thủ trưởng các sở, ban, ngành", "Yên Bái", "", "cac-so-ban-nganh-dia-phuong-tinh-yen-bai"),
        ("Trưởng phòng Nội vụ", "Hòa Bình", "huyện Lạc Sơn", "phong-noi-vu-huyen-lac-son"),
        ("Chánh Văn phòng UBND tỉnh", "Trà Vinh", "", "van-phong-ubnd-tinh-tra-vinh"),
    ],
)
def test_office_holder_names_its_body(text: str, province: str, district: str, agency_id: str) -> None:
    found = REG.match(text, province, district)
    assert found is not None and found.id == agency_id


@pytest.mark.parametrize("text", ["Trưởng ban", "Chủ tịch", "Giám đốc"])
def test_a_title_alone_is_no_agency(text: str) -> None:
    assert REG.match(text, "Bắc Kạn", "") is None


@pytest.mark.parametrize(
    ("issuer", "date", "text", "name"),
    [
        # after 1 July 2025 a commune has no district: its bodies are the commune's
        ("Ủy ban nhân dân xã Tân Phong", "2025-09-02", "Trạm Y tế xã", "Trạm Y tế xã Tân Phong"),
        ("Ủy ban nhân dân phường Hòa Khánh", "2025-10", "Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội phường Hòa Khánh"),
        ("UBND xã Tân Phong", "2025-08-15", "Công an xã", "Công an xã Tân Phong"),
        # before it, a commune's document keeps no local unit of its own
        ("Ủy ban nhân dân xã Tân Phong", "2024-05-10", "Trạm Y tế xã", "Trạm Y tế xã (tỉnh Lai Châu)"),
    ],
)
def test_commune_after_2025_is_the_local_unit(issuer: str, date: str, text: str, name: str) -> None:
    from tracuu.model.records import Document

    d = Document(source="t.txt", id="t", doc_type="Kế hoạch", issuer=issuer, date=date, province="Lai Châu")
    province, district = jurisdiction(d, REG)
    found = REG.match(text, province, district)
    assert found is not None and found.name == name
