"""Which language kpmonitor speaks: KPMONITOR_LANG, then the setting, then the system's, then English."""

from __future__ import annotations

import locale

import pytest

from kpmonitor.i18n import (
    LANGUAGES,
    UnknownLanguage,
    check_language,
    chosen_language,
    language_of,
    system_language,
)
from kpmonitor.settings import SETTINGS


def test_the_languages_and_the_setting() -> None:
    assert LANGUAGES == ("en", "fr", "pt")
    assert SETTINGS["language"].default == ""  # automatic


def test_kpmonitor_lang_comes_before_the_setting_and_the_system() -> None:
    env = {"KPMONITOR_LANG": "pt", "LANG": "fr_FR.UTF-8"}
    assert chosen_language("fr", environ=env) == "pt"
    assert chosen_language("", system=["fr-FR"], environ=env) == "pt"
    assert chosen_language(None, environ={"KPMONITOR_LANG": " FR ", "LANG": "pt_PT.UTF-8"}) == "fr"


def test_the_setting_comes_before_the_system() -> None:
    assert chosen_language("fr", system=["pt-PT"], environ={"LANG": "pt_PT.UTF-8"}) == "fr"
    assert chosen_language("en", environ={"LANG": "fr_FR.UTF-8"}) == "en"


def test_an_empty_setting_is_automatic() -> None:
    assert chosen_language("", environ={"LANG": "fr_FR.UTF-8"}) == "fr"
    assert chosen_language(None, environ={"LANG": "pt_AO.UTF-8"}) == "pt"
    assert chosen_language("  ", environ={"LANG": "pt_BR.UTF-8"}) == "pt"


def test_the_desktops_languages_come_first_then_the_environment_as_gettext_reads_it() -> None:
    assert system_language(["de-DE", "fr-CA", "en-US"], {"LANG": "pt_PT.UTF-8"}) == "fr"
    # LC_ALL, then LC_MESSAGES, then LANG: the first set decides.
    assert system_language(None, {"LC_ALL": "pt_PT.UTF-8", "LC_MESSAGES": "fr_FR", "LANG": "en_GB"}) == "pt"
    assert system_language(None, {"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "pt_PT.UTF-8"}) == "fr"
    assert system_language(None, {"LC_ALL": "", "LANG": "fr_BE.UTF-8"}) == "fr"
    # LANGUAGE is a list of preferences, before them (unless the locale is C).
    assert system_language(None, {"LANGUAGE": "de:pt_PT:en", "LANG": "de_DE.UTF-8"}) == "pt"
    assert system_language(None, {"LANGUAGE": "fr", "LC_ALL": "C"}) == "en"


def test_a_system_language_kpmonitor_does_not_speak_is_english() -> None:
    assert system_language(None, {"LANG": "de_DE.UTF-8"}) == "en"
    assert system_language(None, {"LANG": "C.UTF-8"}) == "en"
    assert chosen_language("", environ={"LC_ALL": "POSIX", "LANG": "fr_FR"}) == "en"


def test_without_environment_the_c_librarys_locale_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(locale, "getlocale", lambda *args: ("fr_FR", "UTF-8"))
    assert system_language(None, {}) == "fr"
    monkeypatch.setattr(locale, "getlocale", lambda *args: ("Portuguese_Brazil", "1252"))  # Windows' names
    assert system_language(None, {}) == "pt"
    monkeypatch.setattr(locale, "getlocale", lambda *args: (None, None))
    assert system_language(None, {}) == "en"
    assert chosen_language(None, environ={}) == "en"


@pytest.mark.parametrize(("name", "language"), [
    ("fr", "fr"), ("FR", "fr"), ("fr_FR.UTF-8", "fr"), ("fr-CA", "fr"), ("fr_CD", "fr"), ("French_France", "fr"),
    ("pt", "pt"), ("pt_PT", "pt"), ("pt-AO", "pt"), ("pt_BR.utf8", "pt"), ("Portuguese_Portugal", "pt"),
    ("en_ZA", "en"), ("C", "en"), ("de_DE", None), ("", None), ("sr@latin", None),
])
def test_locale_names_are_read_with_their_region_and_encoding(name: str, language: str | None) -> None:
    assert language_of(name) == language


def test_an_unknown_kpmonitor_lang_is_refused_with_a_sentence() -> None:
    with pytest.raises(UnknownLanguage) as caught:
        chosen_language("fr", environ={"KPMONITOR_LANG": "de"})
    sentence = caught.value.message
    assert sentence.startswith("KPMONITOR_LANG is “de”, a language kpmonitor does not speak")
    assert "en, fr or pt" in sentence and "empty" in sentence
    with pytest.raises(UnknownLanguage):
        check_language("C", "KPMONITOR_LANG")  # the C locale is no language to ask for


def test_an_unknown_setting_is_logged_and_the_system_language_used(caplog: pytest.LogCaptureFixture) -> None:
    assert chosen_language("klingon", environ={"LANG": "pt_PT.UTF-8"}) == "pt"
    assert "The setting language is “klingon”, a language kpmonitor does not speak" in caplog.text
