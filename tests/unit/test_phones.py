"""Phone numbers as one: the key, the region from config, and merging and importing with it."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from networkday.domain.contact import Contact
from networkday.domain.dedupe import merge_record
from networkday.domain.errors import RecordError
from networkday.domain.incoming import Record
from networkday.domain.merge import merge_into
from networkday.domain.phones import phone_key
from networkday.domain.settings import Config


@pytest.mark.parametrize(
    ("first", "second", "region"),
    [
        ("+1 905-555-1234", "(905) 555-1234", "CA"),
        ("+1 905-555-1234", "905.555.1234", "us"),
        ("+44 20 7946 0018", "020 7946 0018", "GB"),
        ("+44 (0)20 7946 0018", "+442079460018", ""),
        ("+1 905 555 1234", "1 (905) 555-1234", ""),
        ("+1 905 555 1234 ext. 12", "(905) 555-1234 x12", "CA"),
    ],
)
def test_spellings_of_one_number_share_a_key(first: str, second: str, region: str) -> None:
    assert phone_key(first, region) == phone_key(second, region)


@pytest.mark.parametrize(
    ("first", "second", "region"),
    [
        ("+1 905-555-1234", "(905) 555-1234", ""),  # no region: the country of the second is unknown
        ("+1 905 555 1234 ext. 12", "+1 905 555 1234 ext. 13", ""),
        ("+1 905 555 1234", "+1 905 555 1234 ext. 12", "CA"),
        ("+44 20 7946 0018", "020 7946 0018", "CA"),  # a Canadian reading of a British number is not it
        ("skype:ann", "skype:bob", ""),
    ],
)
def test_different_numbers_keep_different_keys(first: str, second: str, region: str) -> None:
    assert phone_key(first, region) != phone_key(second, region)


def test_text_that_is_no_number_falls_back_to_digits_or_itself() -> None:
    assert phone_key("call 12", "CA") == "12"  # too short to be a number there: its digits, as before
    assert phone_key("Skype: Ann", "") == "skype: ann"


@given(st.text(max_size=30), st.sampled_from(["", "CA", "GB", "ZZ"]))
def test_any_text_gives_a_key_without_raising(text: str, region: str) -> None:
    assert isinstance(phone_key(text, region), str)


def test_region_in_config_is_two_letters_in_any_case() -> None:
    assert Config().phone_region == ""
    assert Config.from_dict({"import": {"region": "ca"}}).phone_region == "CA"
    with pytest.raises(RecordError) as raised:
        Config.from_dict({"import": {"region": "Canada"}})
    assert raised.value.key_path == ("import", "region")


def test_an_import_merges_a_national_spelling_once_a_region_is_set() -> None:
    def merged(region: str) -> list[str]:
        contact = Contact(id="ann", name="Ann", phone=["+1 905-555-1234"])
        merge_record(contact, Record(line=1, name="Ann", phone=["(905) 555-1234", "905-666-1234"]), region=region)
        return contact.phone

    assert merged("CA") == ["+1 905-555-1234", "905-666-1234"]
    assert merged("") == ["+1 905-555-1234", "(905) 555-1234", "905-666-1234"]


def test_merging_two_contacts_keeps_the_kept_ones_spelling_once() -> None:
    keep = Contact(id="ann", name="Ann", phone=["(905) 555-1234"])
    gone = Contact(id="ann-2", name="Ann", phone=["+1 905 555 1234", "+1 905 555 1234 ext. 9"])
    merge_into(keep, gone, "CA")
    assert keep.phone == ["(905) 555-1234", "+1 905 555 1234 ext. 9"]


def test_the_library_is_loaded_only_when_a_number_must_be_read() -> None:
    """phonenumbers costs about 20 ms: importing every module and a digits-only key leave it out."""
    probe = (
        "import sys, pkgutil, importlib, networkday.domain, networkday.storage, networkday.services\n"
        "for package in (networkday.domain, networkday.storage, networkday.services):\n"
        "    for module in pkgutil.iter_modules(package.__path__, package.__name__ + '.'):\n"
        "        importlib.import_module(module.name)\n"
        "from networkday.domain.phones import phone_key\n"
        "phone_key('(905) 555-1234')\n"
        "print('phonenumbers' in sys.modules, end=' ')\n"
        "phone_key('(905) 555-1234', 'CA')\n"
        "print('phonenumbers' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout == "False True\n"
