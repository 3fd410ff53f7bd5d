"""The search vocabulary generated from the registries (tracuu.resolve.search_vocab, tracuu.render.search_assets)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest
import yaml

from tracuu import paths
from tracuu.model.corpus import Corpus
from tracuu.model.glossary import Term
from tracuu.model.index import CorpusIndex
from tracuu.model.textutil import fold, slugify
from tracuu.model.topics import Audience, Topic, TopicRegistry
from tracuu.registries import agencies, glossary, topics
from tracuu.registries import search as search_words
from tracuu.registries.agencies import AgencyRegistry, Template
from tracuu.registries.search import SearchWords, Synonym
from tracuu.render import search_assets
from tracuu.resolve.search_vocab import phrase_key, phrase_table, stopword_table, synonym_table, vocabulary, word_counts


@pytest.mark.parametrize(("phrase", "key"), [
    ("Tỉnh  Đoàn,", "tỉnh đoàn"),
    ("bạo hành", "bạo hành"),
    ("LĐ-TB&XH", "lđ tb xh"),
    ("tho\u0302ng tu\u031b", "thông tư"),  # NFD input
])
def test_phrase_key_keeps_accents(phrase: str, key: str) -> None:
    assert phrase_key(phrase) == key


def _template(name: str, *aliases: str) -> Template:
    return Template(slugify(name), name, "", "tỉnh", "", aliases=aliases)


AGENCIES = AgencyRegistry(
    templates=(
        _template("Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh", "Tỉnh đoàn", "Đoàn TNCS HCM tỉnh"),
        _template("Đoàn Thanh niên Cộng sản Hồ Chí Minh cấp huyện", "Thành đoàn"),
        _template("Cục Thống kê tỉnh", "Cục Thống kê"),
        _template("Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH"),
    ),
    groups=(),
    sectors=(),
    kinds=(),
    codes={"TĐTN": "Tỉnh đoàn", "LĐTBXH": "Bộ Lao động - Thương binh và Xã hội", "TU": "Tỉnh ủy"},
    provinces=(),
)
TOPICS = TopicRegistry(
    "topics.yml",
    (Topic("hoan-canh-dac-biet", "Trẻ em có hoàn cảnh đặc biệt", ("mồ côi", "khuyết tật")),),
    (Audience("phu-huynh", "Cha mẹ, gia đình", (), ("phụ huynh",)),),
)
SEARCH = SearchWords(
    stopwords=("về", "các", "có"),
    synonyms=(Synonym(("đường dây nóng", "hotline"), ("Tổng đài điện thoại quốc gia bảo vệ trẻ em 111",)),),
)


@pytest.mark.parametrize(("phrase", "meaning"), [
    ("tỉnh đoàn", "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh"),
    ("thành đoàn", "Đoàn Thanh niên Cộng sản Hồ Chí Minh"),  # no "cấp huyện"
    ("đoàn tncs hcm tỉnh", "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh"),
    ("mồ côi", "Trẻ em có hoàn cảnh đặc biệt"),
    ("phụ huynh", "Cha mẹ, gia đình"),
    ("đường dây nóng", "Tổng đài điện thoại quốc gia bảo vệ trẻ em 111"),
    ("hotline", "Tổng đài điện thoại quốc gia bảo vệ trẻ em 111"),
])
def test_phrase_table(phrase: str, meaning: str) -> None:
    assert meaning in phrase_table(AGENCIES, TOPICS, SEARCH)[phrase]


@pytest.mark.parametrize("phrase", [
    "cục thống kê",  # the name less its level word: nothing to stand for
    "sở lđ tb xh",  # an abbreviation: the synonym table's job
])
def test_phrase_table_leaves_out(phrase: str) -> None:
    assert phrase not in phrase_table(AGENCIES, TOPICS, SEARCH)


def test_issuer_codes_are_abbreviations_unless_known() -> None:
    table = synonym_table([Term("LĐTBXH", "Lao động - Thương binh và Xã hội")], AGENCIES)
    assert table["tdtn"] == ["Tỉnh đoàn"]
    assert table["ldtbxh"] == ["Lao động - Thương binh và Xã hội"]  # the sector, not only the ministry
    assert "tu" not in table  # too short to expand


@pytest.mark.parametrize(("text", "exact", "folded"), [
    # "ve" is mostly "vệ" (bảo vệ): a bare "ve" is a content word
    ("bảo vệ trẻ em về các quyền, bảo vệ", ["có", "các", "về"], ["cac", "co"]),
    # "co" is mostly "cơ" (cơ quan): not a stop-word when typed bare
    ("các cơ quan có cơ sở cơ chế", ["có", "các", "về"], ["cac", "ve"]),
    ("", ["có", "các", "về"], ["cac", "co", "ve"]),
])
def test_stopwords_bare_only_when_unambiguous(text: str, exact: list[str], folded: list[str]) -> None:
    got = stopword_table(SEARCH, word_counts([text]))
    assert got == {"exact": sorted(exact), "folded": folded}


def test_word_counts_are_nfc_lower_case() -> None:
    assert word_counts(["Bảo VỆ", "ba\u0309o ve\u0302\u0323"]) == Counter({"bảo": 2, "vệ": 2})


def _tables(js: bytes) -> dict[str, Any]:
    out = {}
    for line in js.decode("utf-8").splitlines()[1:]:
        name, _, body = line.partition("=")
        out[name.removeprefix("self.")] = json.loads(body.rstrip(";"))
    return out


def test_generated_file_holds_the_project_vocabulary() -> None:
    vocab = vocabulary(glossary.load(), agencies.load_registry(), topics.load_registry(), search_words.load(), paths.project_root())
    index = CorpusIndex(search=vocab)
    got = _tables(search_assets.files(Corpus((), paths.project_root()), index)[search_assets.SYNONYMS_PATH])
    assert set(got) == {"TRACUU_SYNONYMS", "TRACUU_PHRASES", "TRACUU_STOPWORDS"}
    search = yaml.safe_load((paths.data_dir() / "search.yml").read_text(encoding="utf-8"))
    for entry in search["synonyms"]:
        for words in entry["words"]:
            assert phrase_key(words) in got["TRACUU_PHRASES"], words
    assert "tỉnh đoàn" in got["TRACUU_PHRASES"]
    assert "mồ côi" in got["TRACUU_PHRASES"]
    assert {fold(w) for w in got["TRACUU_STOPWORDS"]["folded"]} <= {fold(w) for w in search["stopwords"]}
    # single words that fold onto many others are no synonym keys ("bão" is also "bảo", "báo")
    assert not any(" " not in k and fold(k) in {"bao", "ban", "dan"} for k in got["TRACUU_PHRASES"])
