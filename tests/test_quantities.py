"""Carats and dollars: what people type is understood exactly, or refused with a sentence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpmonitor.domain.quantities import (
    MAX_CARATS,
    MAX_USD,
    format_carats,
    format_usd,
    grouped,
    parse_carats,
    parse_usd,
    plain,
    usd_per_carat,
)
from kpmonitor.errors import ParseError


@pytest.mark.parametrize(
    ("typed", "hundredths"),
    [
        ("1234.56", 123456),
        ("1 234.56", 123456),
        ("1,234.56", 123456),
        ("1.234,56", 123456),
        ("1 234,56", 123456),
        ("1\u202f234.56", 123456),
        ("1'234.56", 123456),
        ("US$ 1,234.56", 123456),
        ("$12", 1200),
        ("600.25 ct", 60025),
        ("0,5", 50),
        ("0.05", 5),
        ("12.", 1200),
        ("12", 1200),
        ("1,234,567", 123456700),
        ("1.234.567,8", 123456780),
        ("  42.1  ", 4210),
        ("1 234", 123400),
    ],
)
def test_accepts_what_people_type(typed: str, hundredths: int) -> None:
    assert parse_usd(typed) == hundredths


@pytest.mark.parametrize(
    ("typed", "phrase"),
    [
        ("1,234", "ambiguous"),
        ("1.234", "ambiguous"),
        ("1234.567", "0.01"),
        ("0.125", "0.01"),
        ("-3", "negative"),
        ("abc", "not a number"),
        ("", "Enter"),
        ("1,23,4", "grouped oddly"),
        ("1.2.3,4,5", "more than one decimal"),
        ("12 34.5", "grouped oddly"),
        ("1e3", "not a number"),
    ],
)
def test_refuses_with_a_sentence(typed: str, phrase: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_carats(typed)
    assert phrase in info.value.message
    assert info.value.message.endswith(".")


amounts = st.integers(min_value=0, max_value=MAX_USD)


@given(st.integers(min_value=0, max_value=MAX_CARATS))
def test_plain_form_round_trips(n: int) -> None:
    assert parse_carats(plain(n)) == n


@pytest.mark.parametrize("typed", [plain(MAX_CARATS + 1), "1" + "0" * 30, "9" * 5000])
def test_carats_past_the_maximum_are_refused_with_a_sentence(typed: str) -> None:
    with pytest.raises(ParseError, match=r"cannot be more than 100,000,000\.00 ct"):
        parse_carats(typed)
    with pytest.raises(ParseError, match=r"cannot be more than 100,000,000,000\.00 US\$"):
        parse_usd(typed if len(typed) > 20 else plain(MAX_USD + 1))


@given(amounts)
def test_grouped_form_round_trips(n: int) -> None:
    assert parse_usd(grouped(n)) == n


@given(amounts, st.sampled_from([" ", "\u00a0", "'"]))
def test_european_form_round_trips(n: int, group: str) -> None:
    text = grouped(n).replace(",", group).replace(".", ",")
    assert parse_usd(text) == n


@given(st.text(max_size=20))
def test_never_raises_anything_but_a_parse_error(text: str) -> None:
    try:
        value = parse_carats(text)
    except ParseError:
        return
    assert isinstance(value, int) and value >= 0


def test_formats_for_people() -> None:
    assert format_carats(120050) == "1,200.50 ct"
    assert format_usd(3601500) == "US$ 36,015.00"


def test_value_per_carat_is_exact() -> None:
    # US$ 36,015.00 for 1,200.50 ct = 30.0000 $/ct → 3000 cents per carat
    assert usd_per_carat(3601500, 120050) == 3000
    assert usd_per_carat(100, 0) is None


def test_one_formatter_shows_every_amount_the_same_way() -> None:
    from kpmonitor.domain.quantities import amount_text, signed

    assert amount_text(-150) == "-1.50"  # not "-2.50": the sign is taken before the division
    assert amount_text(123456, "ct") == "1,234.56 ct"
    assert amount_text("1200.50", "US$") == "1,200.50 US$"  # a snapshot's canonical text
    assert amount_text(None) == "" and amount_text("junk") == "junk"
    assert (signed(-150), signed(2), signed(0)) == ("−1.50", "+0.02", "0.00")
