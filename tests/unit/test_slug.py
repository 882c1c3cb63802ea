"""Ids for new contacts: readable where the name has Latin letters, stable and distinct where it has none."""

from __future__ import annotations

import pytest

from networkday.domain.text import slugify
from networkday.storage.layout import valid_id


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Zoë Lefèvre", "zoe-lefevre"),
        ("Søren Kjær", "soren-kjaer"),
        ("Łukasz Đoković", "lukasz-dokovic"),
        ("Işık Œuvre", "isik-oeuvre"),
        ("Straße", "strasse"),
        ("Ｊａｎｅ ﬁnn", "jane-finn"),
        ("Иван Smith", "smith"),
        ("a李b", "a-b"),
    ],
)
def test_latin_letters_are_spelled_in_ascii(name: str, slug: str) -> None:
    assert slugify(name) == slug


@pytest.mark.parametrize("name", ["王芳", "Иван Петров", "דוד כהן", "山田 太郎", "🙂🚀", "…"])
def test_a_name_with_no_latin_letter_gets_a_stable_id_of_its_own(name: str) -> None:
    slug = slugify(name)
    assert slug.startswith("contact-")
    assert len(slug) == len("contact-") + 8
    assert valid_id(slug)
    assert slugify(f"  {name}  ") == slug  # the same name, however it is spaced


def test_different_names_in_other_scripts_get_different_ids() -> None:
    names = ["王芳", "王伟", "李娜", "Иван Петров", "Пётр Иванов", "דוד כהן", "שרה לוי"]
    assert len({slugify(name) for name in names}) == len(names)


def test_ids_do_not_change_between_versions() -> None:
    assert slugify("王芳") == "contact-baf8a6bf"  # CRC-32 of the UTF-8 name: fixed by its standard
    assert slugify("Иван Петров") == "contact-50b62d95"


def test_a_blank_name_is_plain_contact() -> None:
    assert slugify("  ") == "contact"
