"""The shipped reference tables load, hang together, and can be replaced by headquarters."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from kpmonitor.domain.reference import (
    BANDS_FILE,
    HS_CODES_FILE,
    PARTICIPANTS_FILE,
    TABLE_FILES,
    Reference,
    resources_dir,
)
from kpmonitor.errors import KPError

EU_MEMBERS = {
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
}


@pytest.fixture(scope="module")
def ref() -> Reference:
    return Reference.load()


def test_tables_load_with_their_compiled_date(ref: Reference) -> None:
    assert set(ref.compiled_on) == set(TABLE_FILES)
    assert all(day == "2026-11-27" for day in ref.compiled_on.values())
    assert all(path.parent == resources_dir() for path in ref.paths.values())


def test_about_sixty_participants_cover_eighty_six_countries(ref: Reference) -> None:
    participants = [p for p in ref.participants.values() if p.status.startswith("participant")]
    assert len(participants) == 60
    # 86 countries, and Greenland, which the EU's regulation counts with the Community as one territory.
    assert sum(len(p.members) for p in participants) == 87


def test_eu_and_gb_are_separate_participants(ref: Reference) -> None:
    eu = ref.participants["EU"]
    assert set(eu.members) == EU_MEMBERS | {"GL"}
    assert "GB" in ref.participants
    assert "GB" not in eu.members
    assert ref.participant_for_country("GB") == ref.participants["GB"]


def test_every_eu_member_maps_to_the_eu(ref: Reference) -> None:
    for country in EU_MEMBERS:
        participant = ref.participant_for_country(country)
        assert participant is not None and participant.code == "EU", country
    assert ref.participant_for_country("be") == ref.participants["EU"]


def test_lookups_by_country(ref: Reference) -> None:
    assert ref.participant_for_country("ZW") == ref.participants["ZW"]
    assert ref.participant_for_country("EU") == ref.participants["EU"]
    assert ref.participant_for_country("KP") is None  # North Korea
    assert ref.is_participant("EU") and ref.is_participant("BE") and ref.is_participant("RU")
    assert not ref.is_participant("XX")
    assert ref.country_name("EU") == "European Union"
    assert ref.country_name("zw") == "Zimbabwe"
    assert ref.country_name("XX") is None


def test_codes_are_two_capital_letters(ref: Reference) -> None:
    assert len(ref.countries) == 249
    for code in [*ref.countries, *ref.participants]:
        assert re.fullmatch(r"[A-Z]{2}", code), code
    assert "EU" not in ref.countries


def test_every_participant_but_the_eu_is_a_country(ref: Reference) -> None:
    for code, participant in ref.participants.items():
        if code != "EU":
            assert code in ref.countries, code
            assert participant.members == (code,)


def test_hs_codes_in_and_out_of_scheme(ref: Reference) -> None:
    assert {c for c, hs in ref.hs_codes.items() if hs.in_scheme} == {"7102.10", "7102.21", "7102.31"}
    for refused in ("7102.29", "7102.39", "7105"):
        hs = ref.hs_codes[refused]
        assert not hs.in_scheme
        assert hs.reason.endswith(".")


def test_band_lookup_prefers_the_origin_then_the_wildcard(ref: Reference) -> None:
    exact = ref.band_for("ZW", "7102.10")
    assert exact is not None and exact.origin == "ZW"
    assert exact.low <= Decimal("27") <= exact.high  # the supervised Marange sales of 2010
    fallback = ref.band_for("GH", "7102.10")
    assert fallback is not None and fallback.origin == "*"
    mixed = ref.band_for("mixed", "7102.31")
    assert mixed is not None and mixed.origin == "mixed"
    assert ref.band_for("ZW", "7102.39") is None


def test_industrial_bands_sit_far_below_gem_bands(ref: Reference) -> None:
    for origin in ("*", "BW", "ZW", "CD"):
        industrial, gem = ref.band_for(origin, "7102.21"), ref.band_for(origin, "7102.31")
        assert industrial is not None and gem is not None
        assert industrial.high < gem.high


def test_bands_are_wide_and_ordered(ref: Reference) -> None:
    assert ref.bands
    for band in ref.bands:
        assert isinstance(band.low, Decimal)
        assert band.low < band.reference < band.high, band
        assert band.high / band.low >= 4, band  # a warning band, never a tight rule
    for hs in ("7102.10", "7102.21", "7102.31"):
        assert any(b.origin == "*" and b.hs_code == hs for b in ref.bands)
        assert any(b.origin == "mixed" and b.hs_code == hs for b in ref.bands)


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def test_an_override_dir_replaces_one_table(tmp_path: Path) -> None:
    shipped = resources_dir() / PARTICIPANTS_FILE
    updated = [line.replace("2026-11-27", "2027-03-01") for line in _lines(shipped)]
    updated.append("KE,Kenya,participant,,\n")
    (tmp_path / PARTICIPANTS_FILE).write_text("".join(updated), encoding="utf-8")
    ref = Reference.load(tmp_path)
    assert ref.is_participant("KE")
    assert ref.compiled_on[PARTICIPANTS_FILE] == "2027-03-01"
    assert ref.paths[PARTICIPANTS_FILE] == tmp_path / PARTICIPANTS_FILE
    assert ref.compiled_on[HS_CODES_FILE] == "2026-11-27"  # the others stay shipped


def test_a_suspended_participant_may_not_trade(tmp_path: Path) -> None:
    text = (resources_dir() / PARTICIPANTS_FILE).read_text(encoding="utf-8")
    (tmp_path / PARTICIPANTS_FILE).write_text(
        text.replace("VE,Venezuela,participant,", "VE,Venezuela,suspended,"), encoding="utf-8")
    ref = Reference.load(tmp_path)
    assert "VE" in ref.participants
    assert not ref.is_participant("VE")
    assert ref.participant_for_country("VE") is None


def test_a_malformed_row_names_the_file_and_line(tmp_path: Path) -> None:
    lines = _lines(resources_dir() / BANDS_FILE)
    bad_line = len(lines) + 1
    lines.append('ZM,7102.10,1,200,"1,200",2024,KP statistics\n')
    (tmp_path / BANDS_FILE).write_text("".join(lines), encoding="utf-8")
    with pytest.raises(KPError) as caught:
        Reference.load(tmp_path)
    message = str(caught.value)
    assert BANDS_FILE in message
    assert f"Line {bad_line} " in message


@pytest.mark.parametrize(
    ("table", "row", "complaint"),
    [
        (HS_CODES_FILE, "7106.10,no,Silver,\n", "needs a reason"),
        (HS_CODES_FILE, "71.02,yes,Diamonds,\n", "not written like"),
        (PARTICIPANTS_FILE, "XK,Kosovo,participant,,\n", "not in countries.csv"),
        (PARTICIPANTS_FILE, "ZM,Zambia,member,,\n", "status"),
        (PARTICIPANTS_FILE, "ZM,Zambia,participant,BE,\n", "already covered by EU"),
        (PARTICIPANTS_FILE, "ZM,Zambia,participant\n", "fields"),
        (BANDS_FILE, "ZM,7102.39,1,100,10,2024,x\n", "not one of the KPCS codes"),
        (BANDS_FILE, "ZM,7102.10,10,100,5,2024,x\n", "low < reference < high"),
    ],
)
def test_malformed_rows_are_refused(tmp_path: Path, table: str, row: str, complaint: str) -> None:
    shutil.copy(resources_dir() / table, tmp_path / table)
    with (tmp_path / table).open("a", encoding="utf-8") as f:
        f.write(row)
    with pytest.raises(KPError, match=re.escape(complaint)):
        Reference.load(tmp_path)


def test_a_table_without_a_compiled_date_is_refused(tmp_path: Path) -> None:
    text = (resources_dir() / HS_CODES_FILE).read_text(encoding="utf-8")
    (tmp_path / HS_CODES_FILE).write_text(text.replace("# compiled: 2026-11-27\n", ""), encoding="utf-8")
    with pytest.raises(KPError, match="compiled"):
        Reference.load(tmp_path)
