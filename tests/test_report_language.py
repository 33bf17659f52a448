"""Reports in the monitor's language: chosen at signing, recorded in the snapshot, drawn in it, verified alike.

A report signed in French or Portuguese has its labels, verdict, dates, amounts (``1 200,50``) and country names
(CLDR's, through Babel) in that language, as an officer's own tools read it (poppler's ``pdftotext``); it verifies
as an English one does, since the snapshot's facts and the QR seal are the same in every language. The app's own
language is left as it was.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kpmonitor import i18n
from kpmonitor.domain.inspection import from_document
from kpmonitor.domain.reference import Reference
from kpmonitor.paths import Paths
from kpmonitor.report.contents import seal_payload
from kpmonitor.report.pdf import render_report
from kpmonitor.report.sign import sign_inspection
from kpmonitor.report.snapshot import snapshot_language, snapshot_sha256
from kpmonitor.workspace import Workspace
from tests.conftest import TEST_PASSPHRASE
from tests.test_bundle import example, make_device, make_hq, run
from tests.test_hq import imp
from tests.test_insiders import exported
from tests.test_report_pdf import flat, page_texts, seal_text

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler's pdftotext is not installed (CI installs it)")

# What each language prints of the example shipment (docs/examples/inspection.json): its labels and verdict,
# its amounts (1200.50 ct, US$ 36015.00, 600.25 ct a parcel), its dates (issued 2026-11-20) and its countries
# (origin and provenance ZW, destination BE), as CLDR names them.
EXPECTED = {
    "fr": ["CERTIFIÉ POUR L'EXPORTATION", "Rapport de certification du contrôleur", "Certificat PK ZW 004217",
           "CONTENEUR MMCZ-BOX-0417", "N° de validation", "Point de sortie", "Pays d'origine",
           "Le certificat PK indique 1 200,50 36 015,00 30,00 2", "Zimbabwe (ZW)", "Belgique (BE)",
           "20 nov. 2026", "Page 1 sur"],
    "pt": ["CERTIFICADO PARA EXPORTAÇÃO", "Relatório de certificação do inspetor", "Certificado PK ZW 004217",
           "CONTENTOR MMCZ-BOX-0417", "N.º de validação", "Ponto de saída", "País de origem",
           "O certificado PK indica 1 200,50 36 015,00 30,00 2", "Zimbabué (ZW)", "Bélgica (BE)",
           "20/11/2026", "Página 1 de"],
}
# Further on: the HS code's description and the parcels' figures, in each language.
LATER = {
    "fr": ["7102.31 Diamants non industriels, bruts ou simplement sciés, clivés ou débrutis", "600,25",
           "Constats par section du rapport", "Numéros des scellés"],
    "pt": ["7102.31 Diamantes não industriais, em bruto ou simplesmente serrados, clivados ou desbastados",
           "600,25", "Constatações por secção do relatório", "Números dos selos"],
}


def spaced(text: str) -> str:
    """Text with CLDR's group separators (narrow and plain no-break spaces) and runs of spaces as one space."""
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


def pdftotext(pdf: Path, first: int = 1, last: int | None = None) -> str:
    args = ["pdftotext", "-f", str(first), *(["-l", str(last)] if last else []), str(pdf), "-"]
    return spaced(subprocess.run(args, capture_output=True, text=True, check=True, timeout=60).stdout)


def signed_in(field: Path, language: str | None, doc: dict[str, Any] | None = None) -> dict[str, Any]:
    """A shipment (the example's by default), its warnings acknowledged, signed in ``language``: the report's PDF
    and snapshot."""
    with Workspace(Paths.for_home(field)) as ws:
        insp, problems = from_document(doc or example())
        assert not problems, problems
        inspection_id = ws.store.create_inspection(insp)
        for p in ws.validate(ws.store.get(inspection_id)):
            if not p.is_error:
                ws.store.acknowledge(inspection_id, p.code, p.field, "Checked on site with the exporter.")
        report = sign_inspection(ws, inspection_id, TEST_PASSPHRASE, language=language)
        return {"pdf": report.pdf_path, "snapshot": report.snapshot, "qr": report.qr_text}


@pytest.fixture(scope="module")
def homes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("language")
    hq = make_hq(base / "hq")
    # One device a language: a seal number is never used twice in one home, and the three reports are of one
    # shipment, so that their facts can be compared.
    return {"hq": hq, **{language: make_device(base / language, "Amélie Ndlovu", hq)
                         for language in ("en", "fr", "pt")}}


@pytest.fixture(scope="module")
def reports(homes: dict[str, Path]) -> dict[str, dict[str, Any]]:
    return {language: signed_in(homes[language], language) for language in ("en", "fr", "pt")}


def another_shipment(n: int) -> dict[str, Any]:
    """The example shipment under another certificate number and other seal numbers (the n-th of a home's)."""
    doc = example()
    doc["certificate"]["number"] = f"ZW 0042{20 + n}"
    doc["seals"] = [dict(seal, number=f"{seal['number']}-{n}") for seal in doc["seals"]]
    return doc


@needs_poppler
@pytest.mark.parametrize("language", ["fr", "pt"])
def test_a_report_signed_in_french_or_portuguese_has_its_labels_amounts_and_country_names_in_it(
        reports: dict[str, dict[str, Any]], language: str) -> None:
    report = reports[language]
    assert report["snapshot"]["report"]["language"] == language
    page_one = pdftotext(report["pdf"], 1, 1)
    for text in EXPECTED[language]:
        assert text in page_one, (text, page_one)
    everything = pdftotext(report["pdf"])
    for text in LATER[language]:
        assert text in everything, (text, everything)
    for english in ("CERTIFIED FOR EXPORT", "Country of origin", "1,200.50", "Page 1 of"):
        assert english not in everything, english


@pytest.mark.parametrize("language", ["fr", "pt"])
def test_it_verifies_and_its_facts_and_seal_are_those_of_the_english_one(
        homes: dict[str, Path], reports: dict[str, dict[str, Any]], language: str) -> None:
    checked = run(homes["hq"], "verify", str(reports[language]["pdf"]))
    assert checked.exit_code == 0 and checked.output.startswith("GENUINE"), checked.output
    # The seal states the same facts in every language, and no word of any: only the report's own id, times and
    # hashes tell two signings apart.
    english, other = reports["en"]["snapshot"], reports[language]["snapshot"]
    payload = seal_payload(other, snapshot_sha256(other), kp2=True)
    expected = seal_payload(english, snapshot_sha256(english), kp2=True)
    assert set(payload) == set(expected)
    for key in ("cn", "ct", "usd", "np", "sl", "vd", "dt", "co", "vn"):
        assert payload[key] == expected[key], key
    own = ("id", "device_id", "created_at", "updated_at")  # the inspection's own record in its home
    assert ({k: v for k, v in other["inspection"].items() if k not in own}
            == {k: v for k, v in english["inspection"].items() if k not in own})
    assert other["totals"] == english["totals"]


@needs_poppler
def test_english_stays_as_it_was(reports: dict[str, dict[str, Any]]) -> None:
    report = reports["en"]
    assert report["snapshot"]["report"]["language"] == "en"
    page_one = pdftotext(report["pdf"], 1, 1)
    for text in ("CERTIFIED FOR EXPORT", "KP certificate ZW 004217", "Country of origin", "Zimbabwe (ZW)",
                 "Belgium (BE)", "KP certificate states 1,200.50 36,015.00 30.00 2", "2026-11-20", "Page 1 of"):
        assert text in page_one, (text, page_one)


def test_headquarters_imports_them_and_reads_the_same_facts(homes: dict[str, Path],
                                                            reports: dict[str, dict[str, Any]],
                                                            tmp_path: Path) -> None:
    shown = {}
    for language in ("en", "fr", "pt"):
        report_id = reports[language]["snapshot"]["report"]["id"]
        files = exported(homes[language], report_id, tmp_path / language)
        code, results = imp(homes["hq"], files["bundle"])
        assert code == 0 and results[0]["outcome"] == "imported", results
        detail = run(homes["hq"], "hq", "show", report_id[:8], "--json")
        assert detail.exit_code == 0, detail.output
        held = json.loads(detail.output)
        facts = ("cert_number", "carats", "value_usd", "verdict", "origin", "destination", "parcels")
        shown[language] = {k: held["report"][k] for k in facts}
    assert shown["fr"] == shown["pt"] == shown["en"], shown


def test_the_command_line_signs_in_the_language_asked_for(homes: dict[str, Path], tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    field = homes["en"]
    doc = tmp_path / "inspection.json"
    doc.write_text(json.dumps(another_shipment(1)), encoding="utf-8")
    created = run(field, "new", "--from-json", str(doc))
    assert created.exit_code == 0, created.output
    inspection_id = created.output.strip().splitlines()[-1]
    with Workspace(Paths.for_home(field)) as ws:
        for p in ws.validate(ws.store.get(inspection_id)):
            if not p.is_error:
                ws.store.acknowledge(inspection_id, p.code, p.field, "Checked on site with the exporter.")
    monkeypatch.setenv("KPMONITOR_PASSPHRASE", TEST_PASSPHRASE)
    refused = run(field, "sign", inspection_id, "--language", "de")
    assert refused.exit_code == 2 and "de" in refused.output
    signed = run(field, "sign", inspection_id, "--language", "PT")
    assert signed.exit_code == 0, signed.output
    report_id = signed.output.strip().splitlines()[-1]
    with Workspace(Paths.for_home(field)) as ws:
        assert json.loads(ws.store.report(report_id)["snapshot"])["report"]["language"] == "pt"


def test_signing_defaults_to_the_apps_language_and_leaves_it_as_it_was(
        homes: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.ENV, "fr")
    before = i18n.current_language()
    report = signed_in(homes["en"], None, another_shipment(2))
    assert report["snapshot"]["report"]["language"] == "fr" == before == i18n.current_language()


def test_a_translator_speaks_its_language_whatever_the_process_speaks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.ENV, "pt")
    assert i18n.translator("fr").gettext("Seals") == "Scellés"
    assert i18n._("Seals") == "Selos"
    with i18n.speaking("fr") as language:
        assert language == "fr" and i18n._("Seals") == "Scellés" and i18n.babel_locale() == "fr_FR"
        with i18n.speaking("en"):
            assert i18n._("Seals") == "Seals"
    assert i18n._("Seals") == "Selos" and i18n.current_language() == "pt"
    with pytest.raises(i18n.UnknownLanguage):
        i18n.translator("de")


def test_reference_names_and_sources_follow_the_language() -> None:
    ref = Reference.load()
    assert ref.country_name("ZA") == "South Africa"
    assert ref.country_name("ZA", "fr") == "Afrique du Sud"
    assert ref.country_name("ZA", "pt") == "África do Sul"
    assert ref.country_name("EU", "fr") == "Union européenne"  # a participant that is not a country
    assert ref.country_name("XX", "fr") is None
    assert ref.hs_description("7102.10", "fr") == "Diamants, non triés"
    assert ref.hs_description("7102.10") == "Diamonds, unsorted"
    band = ref.band_for("ZW", "7102.31")
    assert band is not None and ref.band_source(band, "pt").startswith("Estatísticas do PK")


def test_an_older_snapshot_or_an_unknown_language_reads_as_english(reports: dict[str, dict[str, Any]]) -> None:
    snapshot = json.loads(json.dumps(reports["fr"]["snapshot"]))
    del snapshot["report"]["language"]
    assert snapshot_language(snapshot) == "en"
    snapshot["report"]["language"] = "tlh"
    assert snapshot_language(snapshot) == "en"
    text = flat(" ".join(page_texts(render_report(snapshot, qr_text=seal_text(500), photo_jpeg=lambda _sha: b""))))
    assert "CERTIFIED FOR EXPORT" in text and "Country of origin" in text


def test_a_report_names_its_language_in_the_pdf(reports: dict[str, dict[str, Any]]) -> None:
    """The catalogue's /Lang: what a screen reader speaks the report in."""
    for language in ("en", "fr", "pt"):
        assert f"/Lang ({language})".encode() in Path(reports[language]["pdf"]).read_bytes(), language
