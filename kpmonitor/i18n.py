"""Which language kpmonitor speaks: English, French or Portuguese.

``chosen_language`` decides, in this order:

1. ``KPMONITOR_LANG`` (``en``, ``fr`` or ``pt``), for scripts and tests;
2. the ``language`` setting of the home (``""``, the default, means automatic);
3. the system's language: the desktop's list of preferred languages when the
   GUI passes it (``system``, from Qt), then the environment as gettext reads
   it (``LANGUAGE``, then the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG``),
   then ``locale.getlocale()`` (Windows names it ``French_France``);
4. English.

A system locale kpmonitor has no translation for (``de_DE``) means English;
so do ``C`` and ``POSIX``. A language name is taken with its region or
encoding (``fr_CA.UTF-8``, ``pt-AO``, ``Portuguese_Brazil``): the region does
not matter, every French speaker gets the French catalogue and every
Portuguese speaker the Portuguese one (written as in Portugal and Angola).

An unknown ``KPMONITOR_LANG`` is refused with a sentence (``UnknownLanguage``):
whoever set it wants to know. An unknown setting (a hand-edited file, a newer
version's language) is said in the log and the language chosen automatically,
so that a settings file never stops a monitor from working.

No Qt here: the GUI installs its translators from what this says
(``kpmonitor.gui.translations``), and calls ``set_language`` with the same
language for the core's sentences (``_``, ``ngettext``: gettext catalogues,
compiled by Babel, under ``kpmonitor/resources/locale``). Without that call the
core speaks ``chosen_language()``, decided at its first sentence.

A report speaks the language chosen when it was signed, whatever the app speaks: ``translator(language)`` is one
language's catalogue, and ``speaking(language)`` makes ``_`` and ``ngettext`` speak it for the code run inside it
(in that thread or task only: a context variable, so the GUI's thread keeps its language while a worker renders a
report in another). ``babel_locale`` names the CLDR locale of a language, for numbers, dates and country names.
"""

from __future__ import annotations

import gettext
import hashlib
import locale
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from kpmonitor.errors import KPError

log = logging.getLogger(__name__)

LANGUAGES = ("en", "fr", "pt")
DEFAULT = "en"
ENV = "KPMONITOR_LANG"
SETTING = "language"
# Each language's own name, as a menu of languages shows it (never translated).
NAMES = {"en": "English", "fr": "Français", "pt": "Português"}
# Windows' locale names (locale.getlocale() there: "French_France", "Portuguese_Brazil").
_WINDOWS_NAMES = {"english": "en", "french": "fr", "portuguese": "pt"}
_NO_LOCALE = {"c", "posix"}


class UnknownLanguage(KPError):
    """A language kpmonitor does not speak was asked for."""


def _base(value: str) -> str:
    """``"fr_CA.UTF-8"`` → ``"fr"``; ``"French_France"`` → ``"french"``."""
    return re.split(r"[_\-.@]", value.strip().lower(), maxsplit=1)[0]


def _is_c(value: str) -> bool:
    return bool(value.strip()) and _base(value) in _NO_LOCALE


def language_of(value: str) -> str | None:
    """The kpmonitor language of a locale name, None if it has none.

    ``"fr"``, ``"fr_FR.UTF-8"``, ``"fr-CA"``, ``"French_France"`` → ``"fr"``; ``"C"`` → ``"en"``;
    ``"de_DE"`` → None.
    """
    base = _base(value)
    if not base:
        return None
    if base in _NO_LOCALE:
        return DEFAULT
    if base in LANGUAGES:
        return base
    return _WINDOWS_NAMES.get(base)


def _unknown(value: str, where: str) -> str:
    return (f"{where} is “{value}”, a language kpmonitor does not speak: it speaks "
            f"{', '.join(LANGUAGES[:-1])} or {LANGUAGES[-1]} ({', '.join(NAMES[k] for k in LANGUAGES)}); "
            "leave it empty to follow the system's language.")


def check_language(value: str, where: str = "The language") -> str:
    """``value`` as one of LANGUAGES (``"FR"``, ``"pt_PT"`` are taken too); ``UnknownLanguage`` otherwise."""
    found = None if _is_c(value) else language_of(value)
    if found is None:
        raise UnknownLanguage(_unknown(value, where))
    return found


def system_language(system: Iterable[str] | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The system's language, English when it is one kpmonitor does not speak (see the module's doc)."""
    env = os.environ if environ is None else environ
    for name in system or ():
        found = language_of(name)
        if found is not None:
            return found
    # As gettext: the first of LC_ALL, LC_MESSAGES, LANG decides; LANGUAGE, a list of preferences, comes
    # before it unless the locale is C.
    decided = next((env[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(k, "").strip()), "")
    if not _is_c(decided):
        for name in env.get("LANGUAGE", "").split(":"):
            found = language_of(name)
            if found is not None and not _is_c(name):
                return found
    if decided:
        return language_of(decided) or DEFAULT
    try:
        current = locale.getlocale()[0]
    except ValueError:  # a locale name Python cannot parse
        current = None
    return (language_of(current) if current else None) or DEFAULT


def chosen_language(setting: str | None = None, *, system: Iterable[str] | None = None,
                    environ: Mapping[str, str] | None = None) -> str:
    """The language to speak: ``KPMONITOR_LANG``, else the setting (``""``/None: automatic), else the system's.

    :param system: the desktop's preferred languages, best first (the GUI passes
        ``QLocale.system().uiLanguages()``); the environment and the C library's
        locale come after them.
    :raises UnknownLanguage: ``KPMONITOR_LANG`` names a language kpmonitor does not speak.
    """
    env = os.environ if environ is None else environ
    forced = env.get(ENV, "").strip()
    if forced:
        return check_language(forced, ENV)
    if setting and str(setting).strip():
        try:
            return check_language(str(setting), f"The setting {SETTING}")
        except UnknownLanguage as exc:
            log.warning("%s The system's language is used.", exc.message)
    return system_language(system, env)


# --- the core's sentences: gettext -------------------------------------------------------------------
#
# The core (rules, parser, checks, command line) writes its sentences as ``_("… {name} …").format(name=…)``;
# ``scripts/i18n.py core-update`` extracts them into kpmonitor/resources/locale/kpmonitor.pot and each
# <lang>/LC_MESSAGES/kpmonitor.po, ``core-release`` compiles the .mo files read here. English is the source
# text: it needs no catalogue.

DOMAIN = "kpmonitor"
_language: str | None = None     # set_language's, or the one decided at first use
_decided: str | None = None      # KPMONITOR_LANG when it was decided (None: set by set_language)
_catalogues: dict[str, gettext.NullTranslations] = {}
# ``speaking``'s language, for the code it runs (None: the process's, ``current_language``).
_speaking: ContextVar[str | None] = ContextVar("kpmonitor_speaking", default=None)
# The CLDR locale of each language (Babel's numbers, dates, territory names). Portuguese is Portugal's (and
# Angola's): ``pt`` alone is Brazil's in CLDR, which groups and words things otherwise.
BABEL_LOCALES = {"en": "en", "fr": "fr_FR", "pt": "pt_PT"}


def locale_dir() -> Path:
    """Where the core's compiled catalogues are: ``<lang>/LC_MESSAGES/kpmonitor.mo``."""
    return Path(__file__).resolve().parent / "resources" / "locale"


def set_language(language: str | None) -> None:
    """Speak ``language`` (one of LANGUAGES) from now on in this process; None: decide again at next use."""
    global _language, _decided
    _language = None if language is None else check_language(language)
    _decided = None


def current_language() -> str:
    """The language the core's sentences are in: ``speaking``'s inside it, else the one set, else
    ``chosen_language()`` decided at first use (again if ``KPMONITOR_LANG`` has changed since), English if that
    fails."""
    global _language, _decided
    spoken = _speaking.get()
    if spoken is not None:
        return spoken
    forced = os.environ.get(ENV, "")
    if _language is None or (_decided is not None and _decided != forced):
        try:
            _language = chosen_language()
        except UnknownLanguage as exc:
            log.warning("%s English is used.", exc.message)
            _language = DEFAULT
        _decided = forced
    return _language


def translator(language: str) -> gettext.NullTranslations:
    """The catalogue of ``language`` (one of LANGUAGES), loaded at first use and kept; English, or a missing
    catalogue: the source text. Whatever language the process speaks."""
    catalogue = _catalogues.get(language)  # a known language's, without checking it again (every sentence asks)
    if catalogue is None:
        language = check_language(language)
        catalogue = _catalogues.get(language)
    if catalogue is None:
        if language == DEFAULT:
            catalogue = gettext.NullTranslations()
        else:
            try:
                catalogue = gettext.translation(DOMAIN, str(locale_dir()), languages=[language])
            except OSError:
                log.warning("the %s catalogue of kpmonitor's sentences is missing: they stay English",
                            NAMES[language])
                catalogue = gettext.NullTranslations()
        _catalogues[language] = catalogue
    return catalogue


def in_every_language(make: Callable[[], str]) -> dict[str, str]:
    """``make()``'s sentence in each of LANGUAGES, ``{"en": …, "fr": …, "pt": …}`` (``speaking`` each: headquarters
    stores an anomaly so, and each analyst reads it in their own language)."""
    out = {}
    for language in LANGUAGES:
        with speaking(language):
            out[language] = make()
    return out


_fingerprints: dict[tuple[tuple[int, int], ...], str] = {}


def catalogues_fingerprint() -> str:
    """What changes when a translation does: the languages and their compiled catalogues' bytes (part of the rules'
    fingerprint: headquarters' anomalies, stored in every language, are judged again when it changes). Hashed once
    per state of the files (the rules ask at every import)."""
    paths = [locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.mo" for language in LANGUAGES]
    stats = tuple((st.st_mtime_ns, st.st_size) if (st := _stat(path)) is not None else (0, -1) for path in paths)
    found = _fingerprints.get(stats)
    if found is None:
        digest = hashlib.sha256(",".join(LANGUAGES).encode())
        for path in paths:
            digest.update(path.read_bytes() if path.is_file() else b"-")
        found = _fingerprints[stats] = digest.hexdigest()[:16]
    return found


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None


def translations() -> gettext.NullTranslations:
    """The catalogue of the current language (``translator(current_language())``)."""
    return translator(current_language())


@contextmanager
def speaking(language: str) -> Iterator[str]:
    """Speak ``language`` (checked: ``UnknownLanguage``) in the code run inside, in this thread or task only.

    The process's language (``set_language``) is left as it was: a report signed in French by an app that speaks
    Portuguese is drawn in French, and the app's next sentence is Portuguese again.
    """
    token = _speaking.set(check_language(language))
    try:
        yield _speaking.get() or DEFAULT
    finally:
        _speaking.reset(token)


def babel_locale(language: str | None = None) -> str:
    """The CLDR locale Babel formats ``language`` (default: the current one) with: ``"fr_FR"``, ``"pt_PT"``."""
    return BABEL_LOCALES[check_language(language) if language else current_language()]


def _(message: str) -> str:
    """``message`` in the current language (the English source when it has no translation)."""
    return translations().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of ``singular``/``plural`` that ``n`` takes, in the current language."""
    return translations().ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it (translated where it is used, with ``_``)."""
    return message
