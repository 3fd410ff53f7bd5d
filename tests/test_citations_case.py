"""Laws cited as a legal basis in lower case, as real decisions print them.

"Căn cứ Bộ Luật lao động ngày 18 tháng 6 năm 2012" is from the hethongphapluat copy of
Quyết định 1269/QĐ-UBND TP.HCM 2017; "Căn cứ Luật tổ chức chính quyền địa phương …" is
how many provincial decisions write the organic law. A "Căn cứ" line names instruments, so
the lower-case name there is a citation; elsewhere "luật trẻ em" stays a common noun.
"""

from __future__ import annotations

import pytest

from tracuu.resolve.citations.find import find_citations


@pytest.mark.parametrize(
    ("text", "cited", "type_"),
    [
        ("Căn cứ Bộ Luật lao động ngày 18 tháng 6 năm 2012;", "Bộ Luật lao động", "Bộ luật"),
        ("Căn cứ Luật tổ chức chính quyền địa phương ngày 19/6/2015;", "Luật tổ chức chính quyền địa phương", "Luật"),
        ("Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;", "Bộ luật Lao động", "Bộ luật"),
        ("Căn cứ Điều 11 Luật trẻ em năm 2016,", "Luật trẻ em", "Luật"),
    ],
)
def test_a_law_named_in_a_legal_basis_is_cited_whatever_its_case(text: str, cited: str, type_: str) -> None:
    assert [(m.text, m.type) for m in find_citations(text)] == [(cited, type_)]


@pytest.mark.parametrize(
    "text",
    [
        "Tăng cường phổ biến luật trẻ em cho học sinh.",
        "Căn cứ luật pháp hiện hành và tình hình thực tế,",
    ],
)
def test_the_common_noun_is_no_citation(text: str) -> None:
    assert find_citations(text) == []
