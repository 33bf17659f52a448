"""The core's sentences beyond the rules, in French and Portuguese: a verification's checks and verdict, headquarters'
anomalies (stored in every language, read in the analyst's) and the command line's refusals and summaries; in
English, byte for byte as before."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kpmonitor import i18n
from kpmonitor.hq.anomalies import anomalies
from kpmonitor.hq.store import hq_store
from kpmonitor.paths import Paths
from kpmonitor.report.verification import CHECK_NAMES, Verification
from kpmonitor.workspace import Workspace
from tests.test_bundle import entries_of, example, export, make_device, make_hq, rezip, run, sign_doc

NBSP = "\u00a0"


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    """Each test leaves the core speaking as the rest of the run does (conftest: KPMONITOR_LANG=en)."""
    i18n.set_language(None)
    yield
    i18n.set_language(None)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Headquarters, and two devices that each signed a report of the same seals (two shipments)."""
    base = tmp_path_factory.mktemp("i18n-checks")
    hq = make_hq(base / "hq")
    a = make_device(base / "a", "Amélie Ndlovu", hq)
    b = make_device(base / "b", "Baraka Moyo", hq)
    bundles = {name: export(home, sign_doc(home, example()), base / "out" / name) for name, home in (("a", a),
                                                                                                     ("b", b))}
    return {"base": base, "hq": hq, "a": a, "bundles": bundles}


def _speak(monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    monkeypatch.setenv("KPMONITOR_LANG", language)
    i18n.set_language(None)  # decided again, from KPMONITOR_LANG, at the next sentence


def _plain(text: str) -> str:
    return text.replace(NBSP, " ")


def _tampered_pdf(world: dict[str, Any], tmp_path: Path) -> Path:
    """The signed PDF with bytes added after the signed part: intact, but no longer covered whole."""
    pdf = entries_of(world["bundles"]["a"])["report.pdf"]
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf + b"\n% a line added after signing\n")
    return path


# --- a verification's checks ------------------------------------------------------------------------------


def test_a_tampered_report_says_so_in_english_as_before(world: dict[str, Any], tmp_path: Path) -> None:
    result = run(world["hq"], "verify", str(_tampered_pdf(world, tmp_path)))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "NOT VALID: Bytes were added or changed outside what the signature covers."
    assert ("  [FAIL] covers the whole file: Bytes were added or changed outside what the signature covers."
            in lines)
    assert "  [ok] signature intact: The signed bytes are exactly those the monitor signed." in lines


@pytest.mark.parametrize(("language", "verdict", "check", "intact"), [
    ("fr", "NON VALIDE : Des octets ont été ajoutés ou modifiés hors de ce que couvre la signature.",
     "[FAIL] couvre tout le fichier : Des octets ont été ajoutés",
     "[ok] signature intacte : Les octets signés sont exactement ceux que le contrôleur a signés."),
    ("pt", "NÃO VÁLIDO: Foram acrescentados ou alterados bytes fora do que a assinatura abrange.",
     "[FAIL] abrange todo o ficheiro: Foram acrescentados",
     "[ok] assinatura intacta: Os bytes assinados são exatamente os que o inspetor assinou."),
])
def test_a_tampered_report_says_so_in_the_language(world: dict[str, Any], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch, language: str, verdict: str,
                                                   check: str, intact: str) -> None:
    _speak(monkeypatch, language)
    result = run(world["hq"], "verify", str(_tampered_pdf(world, tmp_path)))
    assert result.exit_code == 1
    output = _plain(result.output)
    assert output.splitlines()[0] == verdict
    assert check in output and intact in output
    # --json stays language-neutral in its keys and codes: the check's name is the English key.
    data = json.loads(run(world["hq"], "verify", "--json", str(_tampered_pdf(world, tmp_path))).output)
    assert [c["name"] for c in data["checks"]][:2] == ["signature intact", "covers the whole file"]
    assert data["ok"] is False


@pytest.mark.parametrize(("language", "said"), [
    ("fr", "snapshot.json a été modifié : il ne correspond pas à son SHA-256 dans le manifeste signé."),
    ("pt", "snapshot.json foi alterado: não corresponde ao seu SHA-256 no manifesto assinado."),
    ("en", "snapshot.json was altered: it does not match its SHA-256 in the signed manifest."),
])
def test_an_altered_bundle_says_which_file_in_the_language(world: dict[str, Any], tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch, language: str,
                                                           said: str) -> None:
    entries = entries_of(world["bundles"]["a"])
    body = bytearray(entries["snapshot.json"])
    body[len(body) // 2] ^= 0x20
    entries["snapshot.json"] = bytes(body)
    path = tmp_path / "altered.kpbundle"
    path.write_bytes(rezip(entries))
    _speak(monkeypatch, language)
    result = run(world["hq"], "verify", str(path))
    assert result.exit_code == 1 and said in _plain(result.output), result.output


def test_the_verdict_state_reads_the_same_in_every_language() -> None:
    v = Verification("pdf")
    v.add("signature intact", True)
    v.add("issued by headquarters", False, "self-signed")
    for language in i18n.LANGUAGES:
        with i18n.speaking(language):
            assert v.state == "intact"
            assert v.verdict.split(":")[0].strip(NBSP + " ").startswith("INTACT")
    assert v.verdict.startswith("INTACT BUT NOT VOUCHED FOR: ")


def test_every_check_name_has_a_label_in_each_language() -> None:
    for language in ("fr", "pt"):
        with i18n.speaking(language):
            labels = [i18n._(name) for name in CHECK_NAMES]
        assert not set(labels) & set(CHECK_NAMES), language


# --- headquarters' anomalies ----------------------------------------------------------------------------


@pytest.fixture
def hq_with_reuse(world: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of headquarters that imported both reports, while speaking French (an analyst of one language
    imports; the others read)."""
    home = tmp_path / "hq"
    shutil.copytree(world["hq"], home)
    _speak(monkeypatch, "fr")
    result = run(home, "hq", "import", str(world["bundles"]["a"]), str(world["bundles"]["b"]))
    assert result.exit_code == 0, result.output
    _speak(monkeypatch, "en")
    return home


@pytest.mark.parametrize(("language", "start"), [
    ("en", "Seal ZW-C-000017 was used on 2 shipments: certificate ZW 004217 (report "),
    ("fr", "Le scellé ZW-C-000017 a été utilisé sur 2 expéditions : certificat ZW 004217 (rapport "),
    ("pt", "O selo ZW-C-000017 foi usado em 2 remessas: certificado ZW 004217 (relatório "),
])
def test_a_reused_seal_reads_in_each_analysts_language(hq_with_reuse: Path, monkeypatch: pytest.MonkeyPatch,
                                                       language: str, start: str) -> None:
    with Workspace(Paths.for_home(hq_with_reuse)) as ws:
        found = [a for a in anomalies(ws) if a.kind == "seal_reused"]
        assert found and all(a.sentence.startswith("Seal ") for a in found)  # stored in English
        with i18n.speaking(language):
            said = sorted(_plain(a.said()) for a in found)
        assert said[0].startswith(start), said
        # What is stored is read back whole: each language, from the row (not judged again for the reader).
        stored = [row.anomaly for row in hq_store(ws).stored_anomalies() if row.anomaly.kind == "seal_reused"]
        assert sorted(_plain(a.said(language)) for a in stored) == said
    _speak(monkeypatch, language)
    listed = _plain(run(hq_with_reuse, "hq", "anomalies").output)
    assert start in listed
    data = json.loads(run(hq_with_reuse, "hq", "anomalies", "--json").output)
    assert any(a["sentence"].startswith("Seal ZW-C-000017 was used on 2 shipments") for a in data)  # neutral


@pytest.mark.parametrize(("language", "summary"), [
    ("en", " open ("), ("fr", " ouverte(s) ("), ("pt", " em aberto ("),
])
def test_the_anomalies_summary_is_in_the_language(hq_with_reuse: Path, monkeypatch: pytest.MonkeyPatch,
                                                  language: str, summary: str) -> None:
    _speak(monkeypatch, language)
    last = run(hq_with_reuse, "hq", "anomalies").output.splitlines()[-1]
    assert summary in last, last


# --- the command line -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "refusal"), [
    ("en", "kpmonitor: This is a field home; the command needs a hq home."),
    ("fr", "kpmonitor : Ce dossier de travail est celui d'un poste « terrain » ; la commande demande celui d'un "
           "poste « siège »."),
    ("pt", "kpmonitor: Esta pasta de trabalho é de um posto «terreno»; o comando precisa de um posto «sede»."),
])
def test_a_refusal_of_the_command_line_is_in_the_language(world: dict[str, Any], monkeypatch: pytest.MonkeyPatch,
                                                          language: str, refusal: str) -> None:
    _speak(monkeypatch, language)
    result = run(world["a"], "hq", "anomalies")
    assert result.exit_code == 1 and _plain(result.output).strip() == refusal


# --- the import's own sentences ----------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "imported", "again"), [
    ("en", "Imported report ", "was already imported from this bundle; nothing changed."),
    ("fr", "importé : certificat ZW 004217, contrôleur Amélie Ndlovu.", "a déjà été importé de ce paquet ; rien n'a "
           "changé."),
    ("pt", "importado: certificado ZW 004217, inspetor Amélie Ndlovu.", "já foi importado deste pacote; nada mudou."),
])
def test_the_import_says_what_it_did_in_the_language(world: dict[str, Any], tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch, language: str, imported: str,
                                                     again: str) -> None:
    home = tmp_path / "hq"
    shutil.copytree(world["hq"], home)
    _speak(monkeypatch, language)
    first = _plain(run(home, "hq", "import", str(world["bundles"]["a"])).output)
    second = _plain(run(home, "hq", "import", str(world["bundles"]["a"])).output)
    assert imported in first and again in second, (first, second)


# --- the command line's listings and summaries ---------------------------------------------------------------


@pytest.mark.parametrize(("language", "labels", "declared"), [
    ("en", ["Certificate", "Origin", "Declared", "Verdict", "Monitor", "Signed", "Production", "Receipt", "PDF",
            "Photos"], "1,200.50 ct   US$ 36,015.00   2 parcels"),
    ("fr", ["Certificat", "Origine", "Déclaré", "Verdict", "Contrôleur", "Signé le", "Production", "Réception", "PDF",
            "Photos"], "1,200.50 ct   US$ 36,015.00   2 colis"),
    ("pt", ["Certificado", "Origem", "Declarado", "Decisão", "Inspetor", "Assinado em", "Produção", "Receção", "PDF",
            "Fotos"], "1,200.50 ct   US$ 36,015.00   2 lotes"),
])
def test_hq_show_labels_its_lines_in_the_language_in_one_column(world: dict[str, Any], tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch, language: str,
                                                                labels: list[str], declared: str) -> None:
    home = tmp_path / "hq"
    shutil.copytree(world["hq"], home)
    assert run(home, "hq", "import", str(world["bundles"]["a"])).exit_code == 0
    report = json.loads(run(home, "hq", "list", "--json").output)[0]["id"]
    _speak(monkeypatch, language)
    shown = run(home, "hq", "show", report[:8])
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    found = [next(line for line in lines if line.startswith(f"  {label} ")) for label in labels]
    # The values start in one column, after the longest label of the language (English's at 16; Portuguese's
    # "Substituído por", on a report that supersedes another, is 15 letters: at 18).
    starts = {len(line) - len(line[2 + len(label):].lstrip(" ")) for line, label in zip(found, labels, strict=True)}
    assert starts == {18 if language == "pt" else 16}, found
    if language == "en":
        assert found[0].startswith("  Certificate   ZW 004217   ") and found[2] == f"  Declared      {declared}"
    else:
        assert found[2].endswith(declared) and found[2].split(declared)[0].strip() == labels[2]
    assert "Checks at import" in shown.output if language == "en" else "Checks at import" not in shown.output


@pytest.mark.parametrize(("language", "deleted", "restored"), [
    ("en", "Deleted the inspection of certificate ZW 004217 ({id}); “kpmonitor restore {id}” undoes it.",
     "Restored the inspection of certificate ZW 004217 ({id})."),
    ("fr", "Inspection du certificat ZW 004217 ({id}) supprimée ; « kpmonitor restore {id} » l'annule.",
     "Inspection du certificat ZW 004217 ({id}) restaurée."),
    ("pt", "Eliminada a inspeção do certificado ZW 004217 ({id}); «kpmonitor restore {id}» anula-o.",
     "Restaurada a inspeção do certificado ZW 004217 ({id})."),
])
def test_a_field_commands_summary_is_in_the_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     example_doc: dict[str, Any], language: str, deleted: str,
                                                     restored: str) -> None:
    home = tmp_path / "field"
    assert run(home, "init", "--role", "field", "--name", "Jane Monitor").exit_code == 0
    document = tmp_path / "doc.json"
    document.write_text(json.dumps(example_doc), encoding="utf-8")
    draft = run(home, "new", "--from-json", str(document)).output.strip().splitlines()[-1][:8]
    _speak(monkeypatch, language)
    assert _plain(run(home, "delete", draft).output).strip() == deleted.format(id=draft)
    assert _plain(run(home, "restore", draft).output).strip() == restored.format(id=draft)
