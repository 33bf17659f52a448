"""Hostile inspection documents (``new``/``edit --from-json``): every bad value is refused with a sentence naming
its field, never "something unexpected went wrong"; every problem is listed at once."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from kpmonitor.cli.main import cli
from kpmonitor.domain import inspection
from kpmonitor.domain.inspection import (
    Inspection,
    Parcel,
    Seal,
    SealEvent,
    SealEventKind,
    from_document,
    parse_document,
    to_document,
)
from kpmonitor.errors import ParseError
from kpmonitor.paths import Paths

SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "inspection.schema.json"


def run(home: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)


@pytest.fixture
def home(field_paths: Paths) -> Path:
    return field_paths.data


def problems(text: str) -> dict[str, str]:
    """The parse problems of a document's JSON text, by field."""
    _insp, found = from_document(parse_document(text))
    return dict(found)


def changed(example_doc: dict[str, Any], change: Any) -> str:
    doc = copy.deepcopy(example_doc)
    change(doc)
    return json.dumps(doc)


def test_nan_and_infinite_coordinates_are_named(example_doc: dict[str, Any]) -> None:
    text = json.dumps(example_doc)[:-1] + ', "site_gps": {"lat": NaN, "lon": 1e999}}'
    found = problems(text)
    assert "NaN" in found["site_gps.lat"] and "infinity" in found["site_gps.lon"]
    found = problems(json.dumps(example_doc)[:-1] + ', "site_gps": {"lat": -Infinity, "lon": 200}}')
    assert "finite" in found["site_gps.lat"] and "-180 to 180" in found["site_gps.lon"]


def test_a_good_position_is_read(example_doc: dict[str, Any]) -> None:
    example_doc["site_gps"] = {"lat": -20.5, "lon": "32.25"}
    insp, found = from_document(parse_document(json.dumps(example_doc)))
    assert found == [] and (insp.site_lat, insp.site_lon) == (-20.5, 32.25)


@pytest.mark.parametrize(("stones", "phrase"), [
    (10**30, "cannot be more than 100,000,000"),
    (2**63, "cannot be more than"),
    ("²", "digits 0 to 9"),
    ("٣", "digits 0 to 9"),
    (-1, "negative"),
    (12.5, "whole number"),
    ([1], "whole number"),
    ("twelve", "whole number"),
])
def test_stones_out_of_range_or_not_written_in_ascii_digits_are_named(example_doc: dict[str, Any], stones: Any,
                                                                      phrase: str) -> None:
    found = problems(changed(example_doc, lambda d: d["parcels"][0].update(stones=stones)))
    assert list(found) == ["parcels[0].stones"] and phrase in found["parcels[0].stones"]


def test_amounts_past_their_maximum_are_named(example_doc: dict[str, Any]) -> None:
    def huge(d: dict[str, Any]) -> None:
        d["certificate"]["carats"] = 10**30
        d["parcels"][0]["declared_carats"] = "1" + "0" * 25
        d["parcels"][0]["declared_value_usd"] = "9" * 20
        d["certificate"]["parcel_count"] = 10**20

    found = problems(changed(example_doc, huge))
    assert "cannot be more than 100,000,000.00 ct" in found["certificate.carats"]
    assert "cannot be more than 100,000,000.00 ct" in found["parcels[0].declared_carats"]
    assert "cannot be more than 100,000,000,000.00 US$" in found["parcels[0].declared_value_usd"]
    assert "cannot be more than 100,000" in found["certificate.parcel_count"]


def test_a_number_too_long_for_any_field_is_refused_with_a_sentence(example_doc: dict[str, Any]) -> None:
    text = json.dumps(example_doc).replace('"stones": 1400', '"stones": 1' + "0" * 5000)
    with pytest.raises(ParseError, match="5,001 digits"):
        parse_document(text)


def test_events_that_are_not_a_list_are_named(example_doc: dict[str, Any]) -> None:
    def events(d: dict[str, Any]) -> None:
        d["seals"][0]["events"] = 5
        d["seals"][1]["events"] = [{"kind": "broken", "at": 7}, "x", {"by": "me"}]

    found = problems(changed(example_doc, events))
    assert found == {"seals[0].events": "must be a list.", "seals[1].events[0].at": "must be text (a JSON string).",
                     "seals[1].events[1]": "must be an object.",
                     "seals[1].events[2].kind": found["seals[1].events[2].kind"]}
    assert "verified_intact" in found["seals[1].events[2].kind"]


@pytest.mark.parametrize("depth", [9, 1000, 100_000])
def test_deep_nesting_is_refused_before_the_parser_recurses(depth: int) -> None:
    for text in ("[" * depth + "]" * depth, '{"site": ' * depth + "1" + "}" * depth):
        with pytest.raises(ParseError, match="nests more than 8 levels"):
            parse_document(text)


def test_brackets_inside_strings_are_no_nesting(example_doc: dict[str, Any]) -> None:
    example_doc["site"] = '[[[[[[[[[[ {{{{{{{{{{ \\" [[[[[[[[[['
    example_doc["findings"][0]["text"] = "a \\\" quote and [[[[[[[[[[[[[["
    insp, found = from_document(parse_document(json.dumps(example_doc)))
    assert found == [] and insp.site.startswith("[[[[")


def test_unknown_keys_are_refused_naming_them(example_doc: dict[str, Any]) -> None:
    def misspelt(d: dict[str, Any]) -> None:
        d["parcels"][1]["weighed_carat"] = d["parcels"][1].pop("weighed_carats")
        d["certificate"]["exporter"]["adress"] = "Harare"
        d["colour"] = "white"
        d["seals"][0]["events"] = [{"kind": "applied", "when": "now"}]

    found = problems(changed(example_doc, misspelt))
    assert found["parcels[1].weighed_carat"] == "is not a field of a parcel; did you mean weighed_carats?"
    assert "did you mean address?" in found["certificate.exporter.adress"]
    assert "is not a field of an inspection document" in found["colour"]
    assert "is not a field of a seal event" in found["seals[0].events[0].when"]


def test_wrong_types_are_named_and_every_problem_is_listed(example_doc: dict[str, Any]) -> None:
    def wrong(d: dict[str, Any]) -> None:
        d["certificate"]["exporter"] = ["Mbada"]           # a list where an object is expected
        d["certificate"]["number"] = 4217                  # a number where text is expected
        d["certificate"]["hs_codes"] = ["7102.31", 7102]
        d["site_gps"] = [1, 2]
        d["parcels"][0]["weighed_carats"] = 600.27        # a float where an exact amount is expected
        d["seals"][0]["number"] = {"n": 1}
        d["findings"] = {"text": "not a list"}
        d["verdict"] = True

    found = problems(changed(example_doc, wrong))
    assert set(found) == {"certificate.exporter", "certificate.number", "certificate.hs_codes[1]", "site_gps",
                          "parcels[0].weighed_carats", "seals[0].number", "findings", "verdict"}
    assert found["certificate.exporter"] == "must be an object with address and name."


def test_the_document_must_be_an_object_with_a_certificate() -> None:
    assert problems("[]") == {"document": "The document must be a JSON object."}
    assert problems('{"certificate": "ZW 1"}') == {"certificate": "must be an object."}
    assert problems("{}") == {"certificate": "The certificate section is missing."}


def test_what_show_json_prints_reads_back_without_a_problem() -> None:
    insp = Inspection(site="vault", site_lat=1.5, site_lon=2.5, parcels=[Parcel(number="1", stones=3)],
                      seals=[Seal(number="S1", events=[SealEvent(SealEventKind.BROKEN, at="2026-11-21T10:00:00")])])
    doc = to_document(insp, with_record=True)
    doc["problems"] = []
    back, found = from_document(parse_document(json.dumps(doc)))
    assert found == [] and back.parcels[0].stones == 3 and back.seals[0].events[0].kind is SealEventKind.BROKEN


def test_the_schema_lists_the_fields_the_parser_knows() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    props = schema["properties"]

    def fields(node: dict[str, Any]) -> frozenset[str]:
        assert node.get("additionalProperties") is False
        return frozenset(node["properties"])

    assert fields(schema) == inspection.DOCUMENT_FIELDS | inspection.RECORD_FIELDS
    assert fields(props["certificate"]) == inspection.CERTIFICATE_FIELDS
    assert fields(schema["$defs"]["party"]) == inspection.PARTY_FIELDS
    assert fields(props["site_gps"]) == inspection.GPS_FIELDS
    assert fields(props["parcels"]["items"]) == inspection.PARCEL_FIELDS
    assert fields(props["seals"]["items"]) == inspection.SEAL_FIELDS
    assert fields(props["seals"]["items"]["properties"]["events"]["items"]) == inspection.EVENT_FIELDS
    assert fields(props["findings"]["items"]) == inspection.FINDING_FIELDS
    assert fields(props["certificate"]["properties"]["lines"]["items"]) == inspection.LINE_FIELDS
    assert fields(props["validation"]) == inspection.VALIDATION_FIELDS
    assert fields(props["shipment"]) == inspection.SHIPMENT_FIELDS
    assert fields(props["production"]) == inspection.PRODUCTION_FIELDS
    assert fields(props["valuation"]) == inspection.VALUATION_FIELDS
    assert fields(props["valuation"]["properties"]["assortment"]["items"]) == inspection.LOT_FIELDS
    assert fields(props["present"]["items"]) == inspection.PERSON_FIELDS
    assert fields(props["documents"]["items"]) == inspection.RECEIVED_FIELDS


# --- through the command line: a sentence naming the field, exit 1, nothing stored --------------------------------

BAD_DOCUMENTS = {
    "NaN coordinates": lambda text: text[:-1] + ', "site_gps": {"lat": NaN, "lon": 1e999}}',
    "10^30 stones": lambda text: text.replace('"stones": 1400', '"stones": 1' + "0" * 30),
    "a non-ASCII digit": lambda text: text.replace('"stones": 1400', '"stones": "\u00b2"'),
    "events: 5": lambda text: text.replace('"parcel": "1"', '"parcel": "1", "events": 5'),
    "a misspelt key": lambda text: text.replace('"weighed_carats": "600.27"', '"weighed_carat": "600.27"'),
}
NAMED = {"NaN coordinates": "site_gps.lat", "10^30 stones": "parcels[0].stones",
         "a non-ASCII digit": "parcels[0].stones", "events: 5": "seals[0].events",
         "a misspelt key": "parcels[0].weighed_carat"}


@pytest.mark.parametrize("case", list(BAD_DOCUMENTS))
def test_new_and_edit_refuse_a_bad_document_naming_the_field(home: Path, tmp_path: Path,
                                                              example_doc: dict[str, Any], case: str) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(example_doc), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(BAD_DOCUMENTS[case](json.dumps(example_doc)), encoding="utf-8")
    refused = run(home, "new", "--from-json", str(bad))
    assert refused.exit_code == 1 and NAMED[case] in refused.output, refused.output
    assert "unexpected" not in refused.output
    assert json.loads(run(home, "list", "--json").output) == []
    draft = run(home, "new", "--from-json", str(good)).output.strip().splitlines()[-1]
    refused = run(home, "edit", draft, "--from-json", str(bad))
    assert refused.exit_code == 1 and NAMED[case] in refused.output and "unexpected" not in refused.output


def test_new_refuses_a_document_nested_100000_deep(home: Path, tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    refused = run(home, "new", "--from-json", str(deep))
    assert refused.exit_code == 1 and "nests more than 8 levels" in refused.output
