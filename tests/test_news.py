"""News copies (issue 11, point 1): datelines, headline or lead, byline or credit, photo captions.

Real snippets are from tests/realdocs/dev/ (named by file); the rest are invented variants.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracuu.parse.clean import clean
from tracuu.parse.layout import Layout, parse_layout
from tracuu.parse.news import Dateline, byline_name, is_caption, is_headline, read_dateline
from tracuu.registries.vocabulary import Word, vocabulary


def lay(raw: str) -> Layout:
    return parse_layout(clean(raw))


LEAD = ("Sở Giáo dục và Đào tạo vừa có văn bản yêu cầu các phòng giáo dục và đào tạo tăng cường công tác "
        "phòng, chống đuối nước cho học sinh trong dịp hè.")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Thứ Năm, 04/05/2017, 12:15 [GMT+7]", Dateline("2017-05-04", "")),  # khanhhoa
        ("Cập nhật, 06:00, Thứ Tư, 02/12/2020 (GMT+7)", Dateline("2020-12-02", "")),  # vinhlong
        ("Thứ 4, 07/06/2023 | 16:45:38", Dateline("2023-06-07", "")),  # thaibinh
        ("KHÁNH PHÚC 16:41, 25/06/2023", Dateline("2023-06-25", "KHÁNH PHÚC")),  # lamdong
        ("Vũ Em-Chủ nhật, ngày 11/12/2022 12:45 GMT+7", Dateline("2022-12-11", "Vũ Em")),  # hcm_hcdc
        ("Ngày đăng: 29/06/2018", Dateline("2018-06-29", "")),  # bacgiang
        ("Cập nhật lúc: 09:31 31/05/2018", Dateline("2018-05-31", "")),  # daklak
        ("Thứ hai, 08/05/2023 08:26", Dateline("2023-05-08", "")),  # danang
        ("01/06/2020 10:27", Dateline("2020-06-01", "")),  # hanoi_ldld
        ("(06/05/2022)", Dateline("2022-05-06", "")),
        ("Thứ Sáu, 07/06/2024 - 10:20", Dateline("2024-06-07", "")),
        ("Thu Trang - Thứ Bảy, 08/06/2024 - 7:05 AM", Dateline("2024-06-08", "Thu Trang")),
        ("Chủ Nhật, 9-6-2024, 21:00 (GMT+7)", Dateline("2024-06-09", "")),
        # not datelines
        ("Ngày 4/5, Bộ Giáo dục và Đào tạo có công điện gửi giám đốc các sở.", None),
        ("Sáng qua 27.5, tại xã Tam Hiệp, Phòng LĐ-TB&XH huyện", None),
        ("Từ 01/06/2020 đến 30/06/2020", None),
        ("Kế hoạch số 29/KH-LĐLĐ ngày 01/06/2020", None),
        ("Hà Nội, ngày 01 tháng 6 năm 2020", None),
        ("Lịch uống vitamin A đợt 2 năm 2020 được diễn ra vào sáng ngày 1/12/2020 tại các trạm y tế.", None),
    ],
)
def test_datelines(line: str, expected: Dateline | None) -> None:
    assert read_dateline(line) == expected


@pytest.mark.parametrize("word", vocabulary().words["dateline_words"], ids=lambda w: w.word)
def test_every_dateline_word_example_is_a_dateline(word: Word) -> None:
    assert read_dateline(word.example) is not None


@given(
    d=st.integers(1, 28), m=st.integers(1, 12), y=st.integers(1990, 2030),
    prefix=st.sampled_from(["", "Thứ Năm, ", "Cập nhật lúc: 09:31 ", "Ngày đăng: ", "KHÁNH PHÚC "]),
    suffix=st.sampled_from(["", ", 12:15 [GMT+7]", " | 16:45:38", " (GMT+7)", " - 10:20"]),
)
def test_any_dateline_gives_its_date(d: int, m: int, y: int, prefix: str, suffix: str) -> None:
    got = read_dateline(f"{prefix}{d:02d}/{m}/{y}{suffix}")
    assert got is not None and got.date == f"{y:04d}-{m:02d}-{d:02d}"


@given(st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), max_size=120))
def test_a_dateline_always_has_a_date_of_its_line(text: str) -> None:
    got = read_dateline(text)
    if got is not None:
        assert re.fullmatch(r"(?:19|20)\d\d-\d\d-\d\d", got.date)
        assert got.byline in text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Trung tâm Tin tức", ""),  # a desk: only as the copy's last line (see test_news_copies)
        ("VĂN PHIN - ÁI LY", "VĂN PHIN - ÁI LY"),  # quangnam_nui_thanh
        ("K.D", "K.D"),  # khanhhoa
        ("MCNT", "MCNT"),  # hcm_vpub
        ("HẢI BÌNH", "HẢI BÌNH"),
        ("Quang Long", "Quang Long"),
        ("Minh Châu (Sở LĐ-TB&XH)", "Minh Châu"),
        ("Bài, ảnh: Hoàng Anh", "Hoàng Anh"),
        ("Theo QĐND điện tử", ""),
        ("Gần đây, tại TP.HCM liên tiếp xảy ra các vụ hành hạ trẻ em.", ""),
    ],
)
def test_byline_names(text: str, name: str) -> None:
    assert byline_name(text) == name


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        ("Huấn luyện viên hướng dẫn học sinh kỹ năng cơ bản để học bơi. (Ảnh: Thanh Tùng/TTXVN)", True),  # thoidai
        ("Ảnh minh họa (baolangson.vn)", True),
        ("Ảnh: Hồng Duyên", True),
        ("Học sinh được trang bị kỹ năng phòng chống đuối nước trước khi nghỉ hè", False),
        ("Ảnh hưởng của dịch COVID-19 đến trẻ em", False),
    ],
)
def test_captions(text: str, caption: bool) -> None:
    assert is_caption(text) is caption


@pytest.mark.parametrize(
    ("text", "dated_next", "headline"),
    [
        ("Tăng cường phòng, chống đuối nước học sinh dịp hè", False, True),
        ("Đài truyền thanh của các xã, thị trấn phát 2 lần trên ngày về phòng chống tai nạn đuối nước trẻ em.", True, True),
        ("Đài truyền thanh của các xã, thị trấn phát 2 lần trên ngày về phòng chống tai nạn đuối nước trẻ em.", False, False),
        ("(Website Văn phòng) - UBND TP đã ban hành Kế hoạch tổ chức Tháng hành động vì trẻ em", False, False),
        (LEAD, False, False),
        ("x" * 201, False, False),
    ],
)
def test_headline_or_lead(text: str, dated_next: bool, headline: bool) -> None:
    assert is_headline(text, dated_next) is headline


@pytest.mark.parametrize(
    ("raw", "date", "subject", "signer", "closing"),
    [
        # headline, dateline, prose, credit (baohaiquan-like): no author
        ("Tăng cường phòng, chống đuối nước học sinh dịp hè\n\n" + LEAD + "\n\nTheo QĐND điện tử",
         "", "Tăng cường phòng, chống đuối nước học sinh dịp hè", ("", ""), ["Theo QĐND điện tử"]),
        # headless copy starting with the lead, byline last (baria, hanoi_sgddt)
        (LEAD + "\n\nTheo đó, các phòng cần tổ chức dạy bơi cho học sinh.\n\nHẢI BÌNH", "", "", ("HẢI BÌNH", ""), ["HẢI BÌNH"]),
        # headless copy with neither dateline nor byline (danviet, vov)
        (LEAD + "\nGần đây, tại tỉnh liên tiếp xảy ra các vụ đuối nước.", "", "", ("", ""), []),
        # a desk as byline (htv)
        ("Hỗ trợ trẻ mồ côi vì COVID-19\n\n" + LEAD + "\n\nTrung tâm Tin tức", "", "Hỗ trợ trẻ mồ côi vì COVID-19",
         ("Trung tâm Tin tức", ""), ["Trung tâm Tin tức"]),
        # name then affiliation on its own line (thaibinh)
        ("Thái Thụy tăng cường phòng, chống đuối nước cho trẻ\nThứ 4, 07/06/2023 | 16:45:38\n" + LEAD + "\nLê Lan\n"
         "(Đài TT-TH Thái Thụy)", "2023-06-07", "Thái Thụy tăng cường phòng, chống đuối nước cho trẻ",
         ("Lê Lan", "Đài TT-TH Thái Thụy"), ["Lê Lan", "(Đài TT-TH Thái Thụy)"]),
        # byline in the dateline (lamdong); no byline at the end
        ("Phê bình Chủ tịch UBND huyện để xảy ra đuối nước\n\nKHÁNH PHÚC 16:41, 25/06/2023\n\n" + LEAD,
         "2023-06-25", "Phê bình Chủ tịch UBND huyện để xảy ra đuối nước", ("KHÁNH PHÚC", ""), []),
        # a photo caption after the headline is neither subject nor byline (thoidai)
        ("Học sinh được trang bị kỹ năng phòng chống đuối nước\nHuấn luyện viên hướng dẫn học sinh. (Ảnh: Thanh Tùng/TTXVN)\n"
         + LEAD, "", "Học sinh được trang bị kỹ năng phòng chống đuối nước", ("", ""), []),
        # a caption first, then the headline
        ("Ảnh minh họa\nChỉ đạo tổ chức Tết Trung thu cho trẻ em\n" + LEAD + "\n\nThu Hà", "",
         "Chỉ đạo tổ chức Tết Trung thu cho trẻ em", ("Thu Hà", ""), ["Thu Hà"]),
        # headline ending with a full stop, then its dateline (bacgiang)
        ("Đài truyền thanh các xã phát tin về phòng chống đuối nước trẻ em.\nNgày đăng: 29/06/2018\n\n" + LEAD,
         "2018-06-29", "Đài truyền thanh các xã phát tin về phòng chống đuối nước trẻ em.", ("", ""), []),
    ],
)
def test_news_copies(raw: str, date: str, subject: str, signer: tuple[str, str], closing: list[str]) -> None:
    got = lay(raw)
    assert (got.doc_type, got.date, got.subject) == ("Tin bài", date, subject)
    assert (got.signer.name, got.signer.title) == signer
    assert got.closing == closing
    assert got.warnings == []
    body = " ".join(b.text for b in got.body)
    assert LEAD in body and all(c not in body for c in closing)


@pytest.mark.parametrize(
    "raw",
    [
        "Nội dung không có số, không có ngày, không có tên loại.\n\n1. Việc thứ nhất.",  # structure: no news
        "Điều 1. Phạm vi điều chỉnh\n\nThông tư này quy định chỉ tiêu thống kê về trẻ em.",
        "I. MỤC ĐÍCH\n\n" + LEAD,
    ],
)
def test_structured_text_without_header_is_no_news(raw: str) -> None:
    got = lay(raw)
    assert got.doc_type == "" and not got.is_news
    assert any("không nhận ra bố cục" in w for w in got.warnings)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # tuyengiao.vn (the copy of dev/hoabinh_ttg…): the minutes marked with an apostrophe
        ("Thứ Bảy, 23/3/2019 9:58'(GMT+7)", Dateline("2019-03-23", "")),
        ("12/06/2023 08:15 (GMT+07:00)", Dateline("2023-06-12", "")),
    ],
)
def test_more_datelines(line: str, expected: Dateline) -> None:
    assert read_dateline(line) == expected


@pytest.mark.parametrize(
    ("raw", "date", "subject"),
    [
        # tuyengiao.vn: the site's date and section over the article's dateline and headline
        ("Thứ Bảy, 23/11/2024\nXã hội\nThứ Bảy, 23/3/2019 9:58'(GMT+7)\n\nThủ tướng yêu cầu làm rõ nguyên nhân vụ "
         "đuối nước\n\n" + LEAD, "2019-03-23", "Thủ tướng yêu cầu làm rõ nguyên nhân vụ đuối nước"),
        # the site's date, the headline, then the article's dateline
        ("Thứ Bảy, 23/11/2024\nPhòng, chống đuối nước cho trẻ em trong dịp hè\nThứ Bảy, 23/3/2019 09:58\n\n" + LEAD,
         "2019-03-23", "Phòng, chống đuối nước cho trẻ em trong dịp hè"),
    ],
)
def test_the_sites_own_date_is_not_the_articles(raw: str, date: str, subject: str) -> None:
    got = lay(raw)
    assert (got.doc_type, got.date, got.subject) == ("Tin bài", date, subject)


def test_a_byline_run_into_the_last_paragraph() -> None:
    """thanhnien.vn (dev/hcm_sgddt…): a copy without its line breaks ends "… vi phạm. Bích Thanh"."""
    got = lay(LEAD + " Các trường học phải có hình thức kỷ luật nghiêm khắc học sinh vi phạm. Bích Thanh")
    assert (got.doc_type, got.signer.name, got.closing) == ("Tin bài", "Bích Thanh", ["Bích Thanh"])
    assert all("Bích Thanh" not in b.text for b in got.body)
    # an abbreviation's full stop is no sentence end: "… tại TP. Hồ Chí Minh" keeps its place
    assert lay(LEAD + " Hội nghị diễn ra tại TP. Hồ Chí Minh").signer.name == ""


def test_a_time_cell_after_the_dateline_is_no_headline() -> None:
    # real (binhduong_dau_tieng…): "| 15-05-2015 | 08:35:21" above the headline, split into cells
    got = lay("| 15-05-2015 | 08:35:21\n\nHuyện đoàn Dầu Tiếng: Triển khai hoạt động hè năm 2015\n\n"
              + LEAD + "\n\nNGUYỄN THỊ BÌNH\n")
    assert (got.date, got.subject) == ("2015-05-15", "Huyện đoàn Dầu Tiếng: Triển khai hoạt động hè năm 2015")


def test_a_letter_posted_under_its_title_line() -> None:
    # real (sonla_moc_chau_pgddt_cv160…): a school site's copy of a Phòng GD&ĐT letter, no header block
    got = lay("Công văn số 160/PGDĐT V/v tuyên truyền và phòng chống thiên tai, đuối nước\n\n"
              "  Kính gửi: Hiệu trưởng các đơn vị trường học trong toàn huyện\n\n" + LEAD + "\n")
    assert (got.doc_type, got.number, got.subject) == (
        "Công văn", "160/PGDĐT", "tuyên truyền và phòng chống thiên tai, đuối nước")
    assert got.kinh_gui == ["Hiệu trưởng các đơn vị trường học trong toàn huyện"]


def test_a_type_word_and_number_in_running_prose_is_no_title_line() -> None:
    got = lay("Công văn số 160/PGDĐT V/v tuyên truyền phòng chống đuối nước đã được gửi các trường.\n\n" + LEAD + "\n")
    assert got.doc_type != "Công văn"
