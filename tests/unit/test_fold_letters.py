"""Folding Latin letters that Unicode does not decompose: "Łódź" is typed "Lodz", "Søren" "Soren"."""

from __future__ import annotations

import pytest

from networkday.domain.companies import Companies, Company, company_key
from networkday.domain.search import NAME_EXACT, SearchIndex, fast_fold
from networkday.domain.summary import ContactSummary
from networkday.domain.text import fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Łódź", "lodz"),
        ("ŁUKASZ", "lukasz"),
        ("Søren Ø", "soren o"),
        ("Æsir æble", "aesir aeble"),
        ("Œuvre cœur", "oeuvre coeur"),
        ("Đoković đak", "dokovic dak"),
        ("Ðóra Þór", "dora thor"),
        ("Ħal Ŧ", "hal t"),
        ("Işık", "isik"),
        ("Straße ẞ", "strasse ss"),
    ],
)
def test_letters_nfkd_leaves_whole_fold_to_what_people_type(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert fast_fold(text) == folded


def test_a_company_written_with_or_without_its_letters_is_one_company() -> None:
    assert company_key("Łódź Software Sp.") == company_key("Lodz Software Sp.")
    assert company_key("Ørsted A/S") == company_key("orsted a/s")
    lodz = Company(id="lodz", name="Łódź Labs")
    assert Companies([lodz], targets=["LODZ LABS"]).is_target("Łódź Labs")
    assert Companies([lodz]).of_contact("Lodz Labs") is lodz


def test_search_finds_the_name_typed_without_its_letters_and_back() -> None:
    index = SearchIndex(
        [
            ContactSummary(id="lodz", name="Łódź"),
            ContactSummary(id="soren", name="Søren Kjær"),
            ContactSummary(id="plain", name="Lodz"),
        ]
    )
    assert [hit.id for hit in index.search("lodz") if hit.tier == NAME_EXACT] == ["lodz", "plain"]
    assert [hit.id for hit in index.search("Łódź") if hit.tier == NAME_EXACT] == ["lodz", "plain"]
    assert [hit.id for hit in index.search("soren kjaer")] == ["soren"]
