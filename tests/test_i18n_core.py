"""The core's sentences in French and Portuguese: gettext catalogues complete and compiled, and a refusal in each
language (the rules, the document parser, ``kpmonitor new --from-json``)."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner, Result

from kpmonitor import i18n
from kpmonitor.cli.main import cli
from kpmonitor.domain.inspection import from_document, parse_date
from kpmonitor.domain.quantities import parse_carats
from kpmonitor.errors import ParseError
from kpmonitor.rules import kp

ROOT = Path(__file__).resolve().parent.parent
BRACES = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
WRONG_HS_EN = "7103.10 is not one of the HS codes of the Kimberley Process"
EXPIRED_EN = "The certificate expired on 2026-11-01, before the inspection on 2026-11-21"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kpmonitor_i18n_script", ROOT / "scripts" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return _script()


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    """Each test leaves the core speaking as the rest of the run does (conftest: KPMONITOR_LANG=en)."""
    i18n.set_language(None)
    yield
    i18n.set_language(None)


# --- the catalogues ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "pt"])
def test_the_catalogue_is_complete_and_its_mo_current(script: ModuleType, language: str) -> None:
    assert script.core_problems(language) == []


@pytest.mark.parametrize("language", ["fr", "pt"])
def test_every_entry_translated_not_fuzzy_with_the_same_placeholders(script: ModuleType, language: str) -> None:
    catalog = script.read_catalog(language)
    assert not catalog.fuzzy
    entries = [m for m in catalog if m.id]
    assert len(entries) > 200
    for message in entries:
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        forms = [message.string] if isinstance(message.string, str) else list(message.string)
        assert all(forms), f"untranslated: {ids[0]!r}"
        assert not message.fuzzy, f"fuzzy: {ids[0]!r}"
        for i, form in enumerate(forms):
            source = ids[0] if i == 0 else ids[-1]
            assert set(BRACES.findall(form)) == set(BRACES.findall(source)), f"placeholders: {ids[0]!r} → {form!r}"


def test_every_sentence_of_the_code_is_in_the_catalogues(script: ModuleType) -> None:
    template = script.core_extract()
    ids = {m.id for m in template if m.id}
    assert "Enter the KP certificate number." in ids
    for language in ("fr", "pt"):
        catalog = script.read_catalog(language)
        assert not [i for i in ids if i not in catalog], language


def test_the_check_finds_an_untranslated_fuzzy_or_stale_catalogue(script: ModuleType, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from babel.messages.pofile import read_po, write_po

    source = script.po_path("fr")
    with source.open("rb") as f:
        catalog = read_po(f, locale="fr")
    target = tmp_path / "fr" / "LC_MESSAGES"
    target.mkdir(parents=True)
    catalog["Enter the seal number."].string = ""
    catalog["Choose the HS code."].flags.add("fuzzy")
    with (target / "kpmonitor.po").open("wb") as f:
        write_po(f, catalog)
    (target / "kpmonitor.mo").write_bytes(script.mo_path("fr").read_bytes())
    monkeypatch.setattr(script, "LOCALE", tmp_path)
    monkeypatch.setattr(script, "ROOT", tmp_path)
    found = "\n".join(script.core_problems("fr", script.Catalog()))
    assert "untranslated: 'Enter the seal number.'" in found
    assert "fuzzy: 'Choose the HS code.'" in found
    assert "kpmonitor.mo: not what core-release makes" in found


# --- the sentences in each language ---------------------------------------------------------------------


def _wrong_hs(example_doc: dict[str, Any]) -> dict[str, Any]:
    """The example document with an HS code the Kimberley Process does not know (the document is refused)."""
    doc = json.loads(json.dumps(example_doc))
    doc["certificate"]["hs_codes"] = ["7103.10"]
    return doc


def _expired(example_doc: dict[str, Any]) -> dict[str, Any]:
    """The example document with a certificate expired before the inspection (recorded, with the error)."""
    doc = json.loads(json.dumps(example_doc))
    doc["certificate"].update(issued_on="2026-09-01", expires_on="2026-11-01")
    return doc


def _refused(example_doc: dict[str, Any]) -> dict[str, Any]:
    """Both: a wrong HS code and an expired certificate."""
    doc = _expired(example_doc)
    doc["certificate"]["hs_codes"] = ["7103.10"]
    return doc


def _new(tmp_path: Path, doc: dict[str, Any]) -> str:
    """What ``kpmonitor new --from-json`` says of ``doc`` in a new home, on one line."""
    home = tmp_path / "home"
    runner = CliRunner()
    if not home.exists():
        assert runner.invoke(cli, ["--home", str(home), "init", "--role", "field", "--name", "Jane Monitor"]
                             ).exit_code == 0
    doc_file = tmp_path / "doc.json"
    doc_file.write_text(json.dumps(doc), encoding="utf-8")
    result: Result = runner.invoke(cli, ["--home", str(home), "new", "--from-json", str(doc_file)],
                                   catch_exceptions=False)
    return " ".join(result.output.split()).replace("\u00a0", " ")


@pytest.mark.parametrize(("language", "wrong_hs", "expired"), [
    ("fr", ["7103.10 n'est pas l'un des codes SH du Processus de Kimberley", "diamants bruts"],
     ["Le certificat a expiré le 2026-11-01, avant l'inspection du 2026-11-21", "consignez pourquoi"]),
    ("pt", ["7103.10 não é um dos códigos SH do Processo de Kimberley", "diamantes em bruto"],
     ["O certificado expirou em 2026-11-01, antes da inspeção de 2026-11-21", "registe porque é aceite"]),
])
def test_new_from_json_refuses_in_the_language(tmp_path: Path, example_doc: dict[str, Any],
                                               monkeypatch: pytest.MonkeyPatch, language: str,
                                               wrong_hs: list[str], expired: list[str]) -> None:
    monkeypatch.setenv("KPMONITOR_LANG", language)
    i18n.set_language(None)   # decided again, from KPMONITOR_LANG, at the first sentence
    refused = _new(tmp_path, _wrong_hs(example_doc))
    for words in wrong_hs:
        assert words in refused
    assert WRONG_HS_EN not in refused
    recorded = _new(tmp_path, _expired(example_doc))
    for words in expired:
        assert words in recorded
    assert EXPIRED_EN not in recorded


def test_new_from_json_refuses_in_english_unchanged(tmp_path: Path, example_doc: dict[str, Any]) -> None:
    assert ("7103.10 is not one of the HS codes of the Kimberley Process, which covers rough diamonds (unsorted, "
            "unworked or simply sawn, cleaved or bruted) under 7102.10, 7102.21 and 7102.31: write the "
            "certificate's code as one of them.") in _new(tmp_path, _wrong_hs(example_doc))
    assert ("The certificate expired on 2026-11-01, before the inspection on 2026-11-21: it cannot cover the "
            "shipment unless you record why it is accepted (acknowledge it with the reason).") in _new(
        tmp_path, _expired(example_doc))


def _problems(example_doc: dict[str, Any], ctx: kp.RuleContext) -> dict[str, str]:
    doc = _refused(example_doc)
    doc["parcels"][0]["weighed_carats"] = None
    doc["certificate"]["parcel_count"] = 3
    insp, parse_problems = from_document(doc)
    assert parse_problems == []
    return {p.code: p.message for p in kp.check(insp, ctx)}


@pytest.fixture
def ctx() -> kp.RuleContext:
    from kpmonitor.domain.reference import Reference

    return kp.RuleContext(reference=Reference.load())


def test_the_rules_in_each_language(example_doc: dict[str, Any], ctx: kp.RuleContext) -> None:
    english = _problems(json.loads(json.dumps(example_doc)), ctx)
    assert english["parcels.count"] == "The certificate declares 3 parcels; 2 are recorded."
    assert english["parcel.not_weighed"].endswith("has not been weighed.")
    i18n.set_language("fr")
    french = _problems(json.loads(json.dumps(example_doc)), ctx)
    assert french["parcels.count"] == "Le certificat déclare 3 colis\u00a0; 2 sont consignés."
    assert "n'a pas été pesé" in french["parcel.not_weighed"]
    assert french["cert.expired"].startswith("Le certificat a expiré le 2026-11-01")
    i18n.set_language("pt")
    portuguese = _problems(json.loads(json.dumps(example_doc)), ctx)
    assert portuguese["parcels.count"] == "O certificado declara 3 lotes; 2 estão registados."
    assert "não foi pesado" in portuguese["parcel.not_weighed"]
    assert portuguese["hs.unknown"].startswith("7103.10 não é um dos códigos SH")
    assert set(english) == set(french) == set(portuguese)


def test_plurals_follow_the_number(ctx: kp.RuleContext, example_doc: dict[str, Any]) -> None:
    i18n.set_language("fr")
    doc = json.loads(json.dumps(example_doc))
    doc["certificate"]["parcel_count"] = 1
    insp, _ = from_document(doc)
    found = {p.code: p.message for p in kp.check(insp, ctx)}
    assert found["parcels.count"] == "Le certificat déclare 1 colis\u00a0; 2 sont consignés."


def test_a_field_name_is_translated_with_its_sentence(ctx: kp.RuleContext, example_doc: dict[str, Any]) -> None:
    doc = json.loads(json.dumps(example_doc))
    doc["certificate"]["number"] = "ZW" + "1" * 60
    insp, _ = from_document(doc)
    assert "The certificate's number is 62 characters long; at most 50 are allowed." in [
        p.message for p in kp.check(insp, ctx)]
    i18n.set_language("fr")
    assert "Le numéro du certificat compte 62 caractères\u00a0; 50 au plus sont permis." in [
        p.message for p in kp.check(insp, ctx)]
    i18n.set_language("pt")
    assert "O número do certificado tem 62 caracteres; são permitidos no máximo 50." in [
        p.message for p in kp.check(insp, ctx)]


def test_the_parser_in_each_language() -> None:
    i18n.set_language("pt")
    with pytest.raises(ParseError) as raised:
        parse_carats("-3")
    assert raised.value.message == "Não é admitido um valor negativo para os quilates (-3)."
    with pytest.raises(ParseError) as raised:
        parse_date("21/11/2026", "issue date")
    assert raised.value.message == "“21/11/2026” não é uma data: escreva a data de emissão no formato AAAA-MM-DD."
    _, problems = from_document({"certificate": {"hs_codes": "7102.31"}, "parcels": {}})
    assert ("parcels", "tem de ser uma lista.") in problems
    i18n.set_language("fr")
    _, problems = from_document({"certificate": {}, "parcel": []})
    unknown = "n'est pas un champ prévu pour un document d'inspection\u00a0; vouliez-vous dire parcels\u00a0?"
    assert ("parcel", unknown) in problems
    i18n.set_language("en")
    with pytest.raises(ParseError) as raised:
        parse_carats("-3")
    assert raised.value.message == "The carats cannot be negative (-3)."


def test_an_unknown_language_is_refused_and_english_needs_no_catalogue() -> None:
    with pytest.raises(i18n.UnknownLanguage):
        i18n.set_language("de")
    i18n.set_language("en")
    assert i18n._("Enter the seal number.") == "Enter the seal number."
    assert i18n.ngettext("{count} hour", "{count} hours", 2) == "{count} hours"


def test_the_language_is_decided_at_first_use_and_again_when_kpmonitor_lang_changes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KPMONITOR_LANG", "pt")
    assert i18n.current_language() == "pt"
    assert i18n._("Enter the seal number.") == "Introduza o número do selo."
    monkeypatch.setenv("KPMONITOR_LANG", "en")
    assert i18n._("Enter the seal number.") == "Enter the seal number."
    i18n.set_language("fr")   # a language set for the process stays, whatever the environment says
    monkeypatch.setenv("KPMONITOR_LANG", "pt")
    assert i18n._("Enter the seal number.") == "Saisissez le numéro du scellé."
