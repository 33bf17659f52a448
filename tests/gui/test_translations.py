"""The desktop app in French and Portuguese: complete catalogues, current .qm files, translated windows.

The catalogues are checked against the code itself (``scripts/i18n.py``'s scan of every translation
call, the helpers lupdate cannot read included): a string added to the GUI and not extracted, or
extracted and not translated, fails here. The windows are then built with each translator installed
and their words compared with the catalogue: a word still English means a missing translator, or a
string that does not go through ``tr``.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QLabel, QMenu, QTabWidget

from kpmonitor.domain.inspection import Inspection
from kpmonitor.gui.main_window import MainWindow
from kpmonitor.gui.translations import i18n_dir, install_translators, remove_translators
from kpmonitor.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = ("fr", "pt")


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kp_i18n_script", ROOT / "scripts" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


i18n_script = _load_script()


@pytest.fixture(scope="module")
def code_calls() -> list:
    return i18n_script.scan().calls


@pytest.fixture
def translated(qapp: QApplication) -> Iterator[Callable[[str], object]]:
    """Install a language's translators for one test; English again afterwards, for the tests that follow."""

    def install(language: str) -> object:
        installed = install_translators(qapp, language)
        assert installed.complete, f"catalogues missing for {language}: {installed.missing}"
        return installed

    yield install
    remove_translators(qapp)


# --- the catalogues -----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_of_the_gui_is_in_the_catalogue_translated_and_finished(language: str, code_calls: list) -> None:
    catalogue = {m.key: m for m in i18n_script.messages(i18n_script.ts_path(language)) if m.active}
    missing = sorted({f"[{c.context}] {c.source!r} ({c.file.name}:{c.line})" for c in code_calls
                      if (c.context, c.source, c.comment) not in catalogue})
    assert missing == [], "not extracted: run scripts/i18n.py update, then translate"
    unfinished = [f"[{m.context}] {m.source!r}" for m in catalogue.values()
                  if m.kind == "unfinished" or not all(form.strip() for form in m.forms)]
    assert unfinished == []
    # What the catalogue holds and the code no longer asks for is marked vanished by update, not left active.
    asked = {(c.context, c.source, c.comment) for c in code_calls}
    assert sorted(set(catalogue) - asked) == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_placeholders_plurals_and_accelerators(language: str) -> None:
    wrong = []
    for m in i18n_script.messages(i18n_script.ts_path(language)):
        if not m.active:
            continue
        if m.numerus and len(m.forms) != 2:  # French and Portuguese: one, many
            wrong.append(f"{m.source!r}: {len(m.forms)} plural forms")
        for form in m.forms:
            if i18n_script.placeholders(form) != i18n_script.placeholders(m.source):
                wrong.append(f"{m.source!r} → {form!r}: placeholders")
            if i18n_script.accelerator(m.source) and not i18n_script.accelerator(form):
                wrong.append(f"{m.source!r} → {form!r}: accelerator lost")
            for keys in re.findall(r"\b(?:Ctrl|Alt|Shift)\+\w+", m.source):
                if keys not in form:
                    wrong.append(f"{m.source!r} → {form!r}: {keys} changed")
    assert wrong == []


def test_plural_messages_are_extracted_as_plurals(code_calls: list) -> None:
    plurals = {(c.context, c.source) for c in code_calls if c.numerus}
    assert plurals, "the GUI has %n messages"
    for language in TRANSLATED:
        catalogue = {(m.context, m.source): m for m in i18n_script.messages(i18n_script.ts_path(language))}
        assert all(catalogue[key].numerus for key in plurals)


@pytest.mark.parametrize("language", TRANSLATED)
def test_each_qm_is_current_with_its_ts(language: str, tmp_path: Path) -> None:
    shipped = i18n_script.qm_path(language)
    assert shipped.is_file(), "run scripts/i18n.py release"
    fresh = tmp_path / shipped.name
    i18n_script.release(i18n_script.ts_path(language), fresh)
    assert fresh.read_bytes() == shipped.read_bytes(), "the .qm is older than its .ts: run scripts/i18n.py release"


def test_the_qm_files_are_where_the_app_loads_them_from() -> None:
    assert i18n_dir() == ROOT / "kpmonitor" / "resources" / "i18n"
    assert {p.name for p in i18n_dir().glob("*.qm")} >= {f"kpmonitor_{lang}.qm" for lang in TRANSLATED}


# --- the windows, in each language ---------------------------------------------------------------------

MENUS = {
    "en": ["&File", "&Edit", "&Inspection", "&Tools", "&Help"],
    "fr": ["&Fichier", "É&dition", "&Inspection", "&Outils", "&Aide"],
    "pt": ["&Ficheiro", "&Editar", "&Inspeção", "Ferra&mentas", "A&juda"],
}
TABS = {
    "en": ["C&ertificate", "&Parcels (2)", "&Seals (2)", "P&hotos (0)", "&Findings and verdict"],
    "fr": ["&Certificat", "C&olis (2)", "&Scellés (2)", "P&hotos (0)", "Cons&tats et verdict"],
    "pt": ["&Certificado", "&Lotes (2)", "&Selos (2)", "F&otos (0)", "Consta&tações e decisão"],
}
CANCEL = {"en": "Cancel", "fr": "Annuler", "pt": "Cancelar"}


def english_words(language: str) -> dict[str, str]:
    """Each English source whose translation differs from it (a word that, shown, means no translation)."""
    words = {}
    for m in i18n_script.messages(i18n_script.ts_path(language)):
        if m.active and not m.numerus and m.forms[0] != m.source and "{" not in m.source:
            words[m.source] = m.forms[0]
    return words


def shown_words(window: MainWindow) -> list[str]:
    """The words of the window's menus, buttons, labels and tabs."""
    words = [a.text() for a in window.menuBar().actions()]
    for menu in window.findChildren(QMenu):
        words += [a.text() for a in menu.actions() if a.text()]
    words += [b.text() for b in window.findChildren(QAbstractButton) if b.isVisible() and b.text()]
    words += [w.text() for w in window.findChildren(QLabel) if w.isVisible() and w.text()]
    for tabs in window.findChildren(QTabWidget):
        words += [tabs.tabText(i) for i in range(tabs.count())]
    return words


def accelerators_unique(menu: QMenu) -> list[str]:
    seen: dict[str, str] = {}
    clashes = []
    for action in menu.actions():
        letter = i18n_script.accelerator(action.text())
        if letter is None:
            continue
        if letter.lower() in seen:
            clashes.append(f"{menu.title()}: {seen[letter.lower()]!r} and {action.text()!r}")
        seen[letter.lower()] = action.text()
    return clashes


@pytest.mark.parametrize("language", ["en", *TRANSLATED])
def test_main_window_and_editor_speak_the_language(
        language: str, translated: Callable[[str], object], workspace: Workspace,
        make_window: Callable[[Workspace], MainWindow], clean: Callable[..., Inspection]) -> None:
    translated(language)  # before any widget is built, as the application does
    window = make_window(workspace)
    assert [a.text() for a in window.menuBar().actions()] == MENUS[language]
    if language != "en":
        menus = [window.menuBar(), *window.findChildren(QMenu)]
        assert [c for m in menus if isinstance(m, QMenu) for c in accelerators_unique(m)] == []
        left = english_words(language)
        still_english = sorted({w for w in shown_words(window) if w in left})
        assert still_english == [], "the list shows English words: a missing translator, or text without tr"

    assert window.open_inspection(workspace.store.create_inspection(clean()))
    editor = window.editor
    assert editor is not None
    titles = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    assert titles[:5] == TABS[language]
    if language != "en":
        left = english_words(language)
        still_english = sorted({w for w in shown_words(window) if w in left})
        assert still_english == [], "the editor shows English words: a missing translator, or text without tr"


@pytest.mark.parametrize("language", ["en", *TRANSLATED])
def test_qt_own_dialog_buttons_speak_the_language(language: str, translated: Callable[[str], object],
                                                  qapp: QApplication) -> None:
    installed = translated(language)
    if language != "en":
        assert any(p.name.startswith(("qtbase_", "qt_")) for p in installed.loaded)  # type: ignore[attr-defined]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    button = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert button is not None
    assert button.text().replace("&", "") == CANCEL[language]


def test_english_needs_no_translator_and_a_switch_takes_the_previous_one_back(
        translated: Callable[[str], object], qapp: QApplication) -> None:
    from PySide6.QtCore import QCoreApplication

    translated("fr")
    assert QCoreApplication.translate("MainWindow", "&File") == "&Fichier"
    translated("pt")
    assert QCoreApplication.translate("MainWindow", "&File") == "&Ficheiro"
    installed = translated("en")
    assert installed.loaded == []  # type: ignore[attr-defined]
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_the_language_menu_stores_the_choice_and_says_it_applies_at_the_next_start(
        translated: Callable[[str], object], qapp: QApplication) -> None:
    from PySide6.QtWidgets import QWidget

    from kpmonitor.gui.translations import language_menu

    translated("fr")
    parent = QWidget()
    stored: list[str] = []
    said: list[str] = []
    menu = language_menu(parent, "pt", stored.append, said.append)
    assert menu.title() == "&Langue"
    labels = [a.text() for a in menu.actions()]
    assert labels[0].startswith("Automatique (la langue du système\u00a0: ")
    assert labels[1:] == ["English", "Français", "Português"]
    assert [a.isChecked() for a in menu.actions()] == [False, False, False, True]
    menu.actions()[2].trigger()
    assert stored == ["fr"]
    assert said == ["Langue choisie\u00a0: Français. Elle prend effet au prochain démarrage de kpmonitor."]
    parent.deleteLater()


def test_the_home_setting_chooses_the_language_at_start(qapp: QApplication, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from kpmonitor.gui.translations import install_for_home
    from kpmonitor.settings import Settings

    monkeypatch.delenv("KPMONITOR_LANG", raising=False)
    settings_file = tmp_path / "settings.json"
    Settings(settings_file).set("language", "pt")
    try:
        installed = install_for_home(qapp, settings_file)
        assert installed.language == "pt" and installed.problem is None
        assert [p.name for p in installed.loaded][-1] == "kpmonitor_pt.qm"
        monkeypatch.setenv("KPMONITOR_LANG", "xx")  # refused in a sentence; the setting is used instead
        installed = install_for_home(qapp, settings_file)
        assert installed.language == "pt"
        assert installed.problem is not None and installed.problem.startswith("KPMONITOR_LANG is “xx”")
    finally:
        remove_translators(qapp)
