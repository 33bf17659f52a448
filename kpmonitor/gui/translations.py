"""The desktop app in the monitor's language: Qt's translators, and the language setting's menu.

``install_translators(app, language)`` loads kpmonitor's own catalogue
(``kpmonitor/resources/i18n/kpmonitor_<lang>.qm``, made by ``scripts/i18n.py
release``) and Qt's, so that Qt's own dialogs (the file dialog, the standard
buttons, the colour and font pickers) speak the same language. It must run
before any widget is made: a widget takes its words when it is built.

Qt ships ``qtbase_fr.qm``; for Portuguese it ships Brazil's ``qtbase_pt_BR``
(Qt 6's catalogue) and Portugal's ``qt_pt_PT`` (an older one, whose file
dialog says "ficheiro"): both are loaded, Portugal's searched first, so that
what it has reads as in Portugal and Angola and the rest falls back to Brazil's.

``install_for_home(app, settings_file)`` is what the application calls at start:
the language from ``KPMONITOR_LANG``, the home's ``language`` setting, or the
desktop's languages (``QLocale.system().uiLanguages()``), then the translators.

The language is chosen in a menu (``language_menu``, for the Tools menu); a new choice is
stored in the settings at once and takes effect when kpmonitor is next started
(the windows already open keep the words they were built with), and the menu
says so.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from kpmonitor.errors import KPError
from kpmonitor.i18n import DEFAULT, ENV, LANGUAGES, NAMES, SETTING, chosen_language, set_language, system_language

log = logging.getLogger(__name__)

CATALOGUE = "kpmonitor"
# Qt's own catalogues per language, the one searched first last (Qt searches the last installed first).
QT_CATALOGUES: dict[str, tuple[str, ...]] = {"fr": ("qtbase_fr",), "pt": ("qtbase_pt_BR", "qt_pt_PT")}


def i18n_dir() -> Path:
    """``kpmonitor/resources/i18n``: package data, beside the code in a checkout, a wheel and the frozen app."""
    return Path(__file__).resolve().parent.parent / "resources" / "i18n"


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


@dataclass
class Installed:
    """What ``install_translators`` put in place: the language, and each catalogue loaded."""

    language: str
    loaded: list[Path] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)   # catalogues looked for and not found
    translators: list[QTranslator] = field(default_factory=list, repr=False)
    problem: str | None = None  # a sentence for the monitor: an unknown KPMONITOR_LANG, a missing catalogue

    @property
    def complete(self) -> bool:
        return not self.missing


_installed: list[QTranslator] = []


def remove_translators(app: QCoreApplication) -> None:
    """Take back the translators this module installed (tests switch languages in one process); the core's
    sentences go back to the language ``chosen_language()`` decides."""
    set_language(None)
    while _installed:
        translator = _installed.pop()
        app.removeTranslator(translator)
        translator.deleteLater()


def install_translators(app: QCoreApplication, language: str) -> Installed:
    """Install the translators of ``language`` (one of ``i18n.LANGUAGES``), replacing any installed before.

    English needs none: the code's own words are English. A catalogue that is
    missing (a broken install) is logged and listed, and the words it would have
    translated stay English.
    """
    remove_translators(app)
    result = Installed(language)
    if language == DEFAULT:
        return result
    if language not in LANGUAGES:
        raise ValueError(f"not one of {LANGUAGES}: {language!r}")
    qt_dir = qt_translations_dir()
    wanted = [(qt_dir, name) for name in QT_CATALOGUES.get(language, ())]
    wanted.append((i18n_dir(), f"{CATALOGUE}_{language}"))
    for folder, name in wanted:
        path = folder / f"{name}.qm"
        translator = QTranslator(app)
        if path.is_file() and translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
            result.translators.append(translator)
            result.loaded.append(path)
        else:
            translator.deleteLater()
            result.missing.append(name)
            log.warning("translation %s not found in %s: those words stay English", name, folder)
    if f"{CATALOGUE}_{language}" in result.missing:
        result.problem = (f"kpmonitor's {NAMES[language]} translation ({CATALOGUE}_{language}.qm) is missing "
                          "from this installation: the screens are in English.")
    return result


def gui_language(setting: str | None = None) -> str:
    """``i18n.chosen_language`` with the desktop's own list of preferred languages."""
    return chosen_language(setting, system=QLocale.system().uiLanguages())


def read_setting(settings_file: Path) -> str:
    """The home's ``language`` setting, read before the home is opened ("" if none, or no home yet)."""
    from kpmonitor.settings import Settings

    if not settings_file.exists():
        return ""
    return str(Settings(settings_file).get(SETTING) or "")


def install_for_home(app: QCoreApplication, settings_file: Path) -> Installed:
    """At start, before any widget: the home's language (or the system's), and its translators.

    An unknown ``KPMONITOR_LANG`` is logged, and said in ``problem``, and the
    system's language is used instead: the application still starts.
    """
    setting = read_setting(settings_file)
    problem = None
    try:
        language = gui_language(setting)
    except KPError as exc:
        log.warning("%s", exc.message)
        problem = exc.message
        others = {k: v for k, v in os.environ.items() if k != ENV}
        language = chosen_language(setting, system=QLocale.system().uiLanguages(), environ=others)
    installed = install_translators(app, language)
    set_language(language)   # the core's sentences (rules, parser) in the same language as the screens
    installed.problem = installed.problem or problem
    log.info("speaking %s (%s)", language, ", ".join(p.name for p in installed.loaded) or "no translation needed")
    return installed


# --- the setting, in a menu --------------------------------------------------------------------------


def language_choices() -> list[tuple[str, str]]:
    """(setting value, label) for each choice: automatic first, then each language in its own name."""
    automatic = QCoreApplication.translate("LanguageMenu", "Automatic (the system's language: {language})").format(
        language=NAMES[automatic_language()])
    return [("", automatic), *((code, NAMES[code]) for code in LANGUAGES)]


def automatic_language() -> str:
    """The language "automatic" means here: the desktop's, whatever KPMONITOR_LANG and the setting say."""
    return system_language(QLocale.system().uiLanguages())


def restart_sentence(value: str) -> str:
    """What the menu says once a language is chosen: it applies at the next start."""
    language = NAMES[value] if value else NAMES[automatic_language()]
    sentence = QCoreApplication.translate(
        "LanguageMenu", "Language chosen: {language}. It takes effect when kpmonitor is next started.")
    return sentence.format(language=language)


def language_menu(parent: QWidget, current: str, store: Callable[[str], None],
                  said: Callable[[str], None] | None = None) -> QMenu:
    """A "Language" menu: automatic, English, Français, Português, the current one checked.

    :param current: the setting's value ("" automatic).
    :param store: stores a new value (``lambda v: ws.settings.set("language", v)``).
    :param said: shows a sentence (the status bar's ``showMessage``): the choice applies at the next start.
    """
    menu = QMenu(QCoreApplication.translate("LanguageMenu", "Lan&guage"), parent)
    menu.setToolTipsVisible(True)
    group = QActionGroup(menu)
    group.setExclusive(True)
    for value, label in language_choices():
        action = QAction(label, menu)
        action.setCheckable(True)
        action.setChecked(value == (current or ""))
        action.setData(value)
        action.setToolTip(QCoreApplication.translate("LanguageMenu", "Takes effect when kpmonitor is next started"))
        group.addAction(action)
        menu.addAction(action)

    def chosen(action: QAction) -> None:
        value = str(action.data() or "")
        store(value)
        if said is not None:
            said(restart_sentence(value))

    group.triggered.connect(chosen)
    return menu
