"""When two spellings are one phone number: ``+1 905-555-1234`` and ``(905) 555-1234`` in Canada.

A number written with ``+`` says its country, so the ``phonenumbers`` library reads it
anywhere. One without says nothing: it is read as a number of ``[import] region`` when
that is set, and otherwise compared by its digits alone, as a guessed country could join
two different people's numbers. The library is imported on the first number it must read,
never at start-up (it costs about 20 ms).
"""

from __future__ import annotations

from functools import lru_cache


def phone_key(phone: str, region: str = "") -> str:
    """Equal for two spellings of one number: country code, national number, then ``x`` and any extension.

    Without a ``+`` and a region the key is the digits (``+1 905 555 1234`` and ``1 905 555 1234``
    agree either way); text with no digits at all is its own key, case-blind.
    """
    return _key(phone.strip(), region.strip().upper())


@lru_cache(maxsize=4096)
def _key(phone: str, region: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit())
    if not digits:
        return phone.casefold()
    if not (phone.startswith("+") or region):
        return digits
    import phonenumbers

    try:
        number = phonenumbers.parse(phone, region or None)
    except phonenumbers.NumberParseException:  # not a number the library can read: its digits, as before
        return digits
    if not phonenumbers.is_possible_number(number):
        return digits
    extension = f"x{number.extension}" if number.extension else ""
    return f"{number.country_code}{phonenumbers.national_significant_number(number)}{extension}"
