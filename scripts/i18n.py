"""kpmonitor's translations: the desktop app's (Qt's machinery: lupdate, lrelease) and the core's (gettext, Babel).

    .venv/bin/python scripts/i18n.py update          # sources → kpmonitor/resources/i18n/kpmonitor_<lang>.ts
    .venv/bin/python scripts/i18n.py release         # .ts → .qm beside them (what the app loads)
    .venv/bin/python scripts/i18n.py check           # fails on an untranslated message or a stale .qm
    .venv/bin/python scripts/i18n.py todo fr         # the messages still to translate, as JSON to fill in
    .venv/bin/python scripts/i18n.py apply fr FILE   # write translations from such a JSON file into the .ts

    .venv/bin/python scripts/i18n.py core-update          # the core's sentences → kpmonitor.pot → <lang>/…/kpmonitor.po
    .venv/bin/python scripts/i18n.py core-todo fr         # the core's messages still to translate, as JSON
    .venv/bin/python scripts/i18n.py core-apply fr FILE   # write translations from such a JSON file into the .po
    .venv/bin/python scripts/i18n.py core-release         # .po → .mo beside them (what the core loads)

``check`` checks both: the .ts and .qm files, and the core's .po and .mo files (see the core's section below).

``update`` runs ``pyside6-lupdate`` over every ``kpmonitor/gui/**/*.py``: it reads ``self.tr("…")`` (the
context is the enclosing class) and ``QCoreApplication.translate("context", "…")`` itself, and keeps the
translations already made. Some calls it cannot read right: the module helpers that fix the context
(``def tr(text): return QCoreApplication.translate("app", text)``: lupdate files their calls under an
empty context), those that take it as their first argument (``tr("ListSection", "Remove")``: lupdate
takes the context for the text), and local aliases (``t = QApplication.translate``: not seen at all).
``update`` finds those calls in the syntax tree (``scan``) and hands them to lupdate as plain
``QCoreApplication.translate`` calls in a generated file, whose locations are then pointed back at the
real lines; what lupdate filed under the empty context (never a context at run time) is dropped.
``helpers`` lists those calls. See docs/translating.md.

The JSON of ``todo`` and ``apply``: ``{context: {source: translation}}``, a translation being a string,
or for a ``%n`` message the list of its plural forms (French and Portuguese: one, many).
"""

from __future__ import annotations

import argparse
import ast
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "kpmonitor" / "gui"
I18N = ROOT / "kpmonitor" / "resources" / "i18n"
LANGUAGES = ("fr", "pt")
# The language a .ts declares: Portuguese as written in Portugal and Angola (not Brazil's spelling).
TS_LANGUAGE = {"fr": "fr", "pt": "pt_PT"}
TRANSLATE = {"translate"}                      # QCoreApplication.translate / QApplication.translate
TRANSLATE_OWNERS = {"QCoreApplication", "QApplication", "QGuiApplication"}
SHIM_NAME = "lupdate_helpers.py"


def ts_path(language: str) -> Path:
    return I18N / f"kpmonitor_{language}.ts"


def qm_path(language: str) -> Path:
    return I18N / f"kpmonitor_{language}.qm"


def gui_files() -> list[Path]:
    return sorted(p for p in GUI.rglob("*.py") if "__pycache__" not in p.parts)


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease: beside this Python (the venv), else on PATH."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (it comes with it)")
    return found


# --- what the code asks to translate -------------------------------------------------------------------


@dataclass(frozen=True)
class Call:
    """One translation call in the GUI's code, with the context it has at run time."""

    file: Path
    line: int
    context: str
    source: str
    comment: str = ""
    numerus: bool = False
    helper: str = ""   # the helper lupdate cannot read ("" for a form it reads itself)


@dataclass
class Scan:
    calls: list[Call] = field(default_factory=list)
    dynamic: list[tuple[Path, int, str]] = field(default_factory=list)  # calls whose text is not a literal

    def messages(self) -> set[tuple[str, str, str]]:
        return {(c.context, c.source, c.comment) for c in self.calls}


@dataclass(frozen=True)
class Helper:
    """A function that calls translate: with a fixed context (``context``), or taking it first (``None``)."""

    name: str
    context: str | None
    line: int = 0      # where its translate call is, in its own module (0: imported)


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _is_translate(func: ast.expr) -> bool:
    return (isinstance(func, ast.Attribute) and func.attr in TRANSLATE and isinstance(func.value, ast.Name)
            and func.value.id in TRANSLATE_OWNERS)


def module_helpers(tree: ast.Module) -> dict[str, Helper]:
    """The module's functions whose body is ``return QCoreApplication.translate(…, text)``."""
    helpers = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        body = [s for s in node.body if not (isinstance(s, ast.Expr) and _literal(s.value) is not None)]
        if len(body) != 1 or not isinstance(body[0], ast.Return) or not isinstance(body[0].value, ast.Call):
            continue
        call = body[0].value
        params = [a.arg for a in node.args.args]
        if not _is_translate(call.func) or len(call.args) < 2:
            continue
        context = _literal(call.args[0])
        if context is not None and len(params) == 1:
            helpers[node.name] = Helper(node.name, context, call.lineno)
        elif isinstance(call.args[0], ast.Name) and params[:1] == [call.args[0].id] and len(params) == 2:
            helpers[node.name] = Helper(node.name, None, call.lineno)
    return helpers


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def scan(files: Iterable[Path] | None = None) -> Scan:
    """Every translation call of the GUI, the forms lupdate reads and those it does not."""
    files = list(gui_files() if files is None else files)
    trees = {p: ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in files}
    by_module = {_module_name(p): module_helpers(t) for p, t in trees.items()}
    result = Scan()
    for path, tree in trees.items():
        helpers = dict(by_module[_module_name(path)])
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in by_module:
                for alias in node.names:
                    found = by_module[node.module].get(alias.name)
                    if found is not None:
                        helpers[alias.asname or alias.name] = Helper(found.name, found.context)
        _Visitor(path, helpers, result).visit(tree)
    return result


class _Visitor(ast.NodeVisitor):
    def __init__(self, path: Path, helpers: dict[str, Helper], result: Scan) -> None:
        self.path, self.helpers, self.result = path, helpers, result
        self.classes: list[str] = []
        self.helper_lines = {h.line for h in helpers.values() if h.line}
        self.aliases: list[set[str]] = [set()]   # names bound to QApplication.translate, per function

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.aliases.append({t.id for s in ast.walk(node) if isinstance(s, ast.Assign)
                             for t in s.targets if isinstance(t, ast.Name)
                             and isinstance(s.value, ast.Attribute) and _is_translate(s.value)})
        self.generic_visit(node)
        self.aliases.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def _add(self, node: ast.Call, context: str | None, args: list[ast.expr], helper: str) -> None:
        source = _literal(args[0]) if args else None
        if context is None or source is None:
            if not self._in_helper(node):
                self.result.dynamic.append((self.path, node.lineno, ast.unparse(node)[:100]))
            return
        comment = (_literal(args[1]) or "") if len(args) > 1 else ""
        numerus = len(args) > 2 or any(k.arg == "n" for k in node.keywords)
        self.result.calls.append(Call(self.path, node.lineno, context, source, comment, numerus, helper))

    def _in_helper(self, node: ast.Call) -> bool:
        """The body of a helper itself (its text is its parameter)."""
        return node.lineno in self.helper_lines

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "tr" and isinstance(func.value, ast.Name):
            if func.value.id == "self" and self.classes:
                self._add(node, self.classes[-1], node.args, "")
            else:  # another object's tr: its class gives the context, which nothing here can know
                self.result.dynamic.append((self.path, node.lineno, ast.unparse(node)[:100]))
        elif _is_translate(func):
            self._add(node, _literal(node.args[0]) if node.args else None, node.args[1:], "")
        elif isinstance(func, ast.Name) and func.id in self.aliases[-1]:
            self._add(node, _literal(node.args[0]) if node.args else None, node.args[1:], func.id)
        elif isinstance(func, ast.Name) and func.id in self.helpers:
            helper = self.helpers[func.id]
            if helper.context is None:
                self._add(node, _literal(node.args[0]) if node.args else None, node.args[1:2], func.id)
            else:
                self._add(node, helper.context, node.args[:1], func.id)
        self.generic_visit(node)


def helper_calls(found: Scan) -> list[Call]:
    return [c for c in found.calls if c.helper]


# --- the .ts files -------------------------------------------------------------------------------------


def read_ts(path: Path) -> ET.Element:
    return ET.parse(path).getroot()


def _escape(text: str, attribute: bool = False) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace('"', "&quot;").replace("'", "&apos;")
    return text.replace("\n", "&#10;") if attribute else text


def _attributes(element: ET.Element) -> str:
    return "".join(f' {k}="{_escape(v, True)}"' for k, v in element.attrib.items())


def write_ts(root: ET.Element, path: Path) -> None:
    """Write a .ts as lupdate does (indent, escapes), so that lupdate and this script rewrite it alike."""
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f"<TS{_attributes(root)}>"]
    for context in root.findall("context"):
        out.append("<context>")
        out.append(f"    <name>{_escape(context.findtext('name') or '')}</name>")
        for message in context.findall("message"):
            out.append(f"    <message{_attributes(message)}>")
            for child in message:
                if child.tag == "location":
                    out.append(f"        <location{_attributes(child)}/>")
                elif child.tag == "translation":
                    forms = child.findall("numerusform")
                    if forms:
                        out.append(f"        <translation{_attributes(child)}>")
                        out.extend(f"            <numerusform>{_escape(f.text or '')}</numerusform>" for f in forms)
                        out.append("        </translation>")
                    else:
                        out.append(f"        <translation{_attributes(child)}>{_escape(child.text or '')}"
                                   "</translation>")
                else:
                    out.append(f"        <{child.tag}{_attributes(child)}>{_escape(child.text or '')}</{child.tag}>")
            out.append("    </message>")
        out.append("</context>")
    out.append("</TS>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    forms: tuple[str, ...]     # the translation, or its plural forms
    kind: str                  # "" (finished), "unfinished", "vanished", "obsolete"
    locations: tuple[tuple[str, int], ...]

    @property
    def key(self) -> tuple[str, str, str]:
        return self.context, self.source, self.comment

    @property
    def active(self) -> bool:
        return self.kind not in ("vanished", "obsolete")


def messages(path: Path) -> list[Message]:
    found = []
    for context in read_ts(path).findall("context"):
        name = context.findtext("name") or ""
        for m in context.findall("message"):
            translation = m.find("translation")
            assert translation is not None, f"{path}: a message without a translation element"
            forms = [f.text or "" for f in translation.findall("numerusform")]
            found.append(Message(
                context=name, source=m.findtext("source") or "", comment=m.findtext("comment") or "",
                numerus=m.get("numerus") == "yes",
                forms=tuple(forms) if m.get("numerus") == "yes" else (translation.text or "",),
                kind=translation.get("type", ""),
                locations=tuple((loc.get("filename", ""), int(loc.get("line", "0")))
                                for loc in m.findall("location"))))
    return found


# --- update ------------------------------------------------------------------------------------------


def _shim(calls: list[Call]) -> tuple[str, dict[int, Call]]:
    """A Python file lupdate reads: one plain translate call per helper call, and which call each line is."""
    lines = ["from PySide6.QtCore import QCoreApplication", ""]
    where = {}
    for call in calls:
        args = [repr(call.context), repr(call.source)]
        if call.comment or call.numerus:
            args.append(repr(call.comment))
        if call.numerus:
            args.append("1")
        lines.append(f"QCoreApplication.translate({', '.join(args)})")
        where[len(lines)] = call
    return "\n".join(lines) + "\n", where


def _relative(path: Path, ts: Path) -> str:
    return Path(os.path.relpath(path, ts.parent)).as_posix()


def update(ts_files: Iterable[Path] | None = None, *, quiet: bool = False, drop_vanished: bool = False) -> Scan:
    """Bring the .ts files up to date with the code, keeping their translations.

    :param drop_vanished: drop the messages the code no longer has (kept by default, marked vanished, for a
        translator to copy from when a string was reworded).
    """
    found = scan()
    targets = list(ts_files) if ts_files is not None else [ts_path(lang) for lang in LANGUAGES]
    helpers = helper_calls(found)
    with tempfile.TemporaryDirectory() as tmp:
        shim = Path(tmp) / SHIM_NAME
        text, where = _shim(helpers)
        shim.write_text(text, encoding="utf-8")
        for ts in targets:
            language = TS_LANGUAGE[ts.stem.rsplit("_", 1)[1]]
            ts.parent.mkdir(parents=True, exist_ok=True)
            command = [tool("pyside6-lupdate"), *map(str, gui_files()), str(shim), "-locations", "absolute",
                       "-target-language", language, *(["-no-obsolete"] if drop_vanished else []), "-ts", str(ts)]
            run = subprocess.run(command, capture_output=True, text=True, check=False)
            if run.returncode != 0:
                raise SystemExit(f"lupdate failed:\n{run.stdout}{run.stderr}")
            if not quiet:
                print(run.stdout.strip())
            _point_back(ts, shim, where)
    return found


def _point_back(ts: Path, shim: Path, where: dict[int, Call]) -> None:
    """Drop what lupdate filed under the empty context, and point the generated file's locations at the code."""
    root = read_ts(ts)
    root.set("language", TS_LANGUAGE[ts.stem.rsplit("_", 1)[1]])
    shim_name = _relative(shim, ts)
    for context in root.findall("context"):
        if (context.findtext("name") or "") == "":
            root.remove(context)
            continue
        for message in context.findall("message"):
            children = list(message)
            locations = [c for c in children if c.tag == "location"]
            for loc in locations:
                if loc.get("filename") == shim_name:
                    call = where[int(loc.get("line", "0"))]
                    loc.set("filename", _relative(call.file, ts))
                    loc.set("line", str(call.line))
            # lupdate's order (files, then lines), the generated file's having come last.
            ordered = sorted(locations, key=lambda c: (c.get("filename", ""), int(c.get("line", "0"))))
            for loc in locations:
                message.remove(loc)
            for i, loc in enumerate(ordered):
                message.insert(i, loc)
    write_ts(root, ts)


# --- release and check ----------------------------------------------------------------------------------


def release(ts: Path, qm: Path) -> str:
    run = subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], capture_output=True, text=True,
                         check=False)
    if run.returncode != 0:
        raise SystemExit(f"lrelease failed:\n{run.stdout}{run.stderr}")
    return run.stdout.strip()


PLACEHOLDER = re.compile(r"%n|%L?\d+|\{[A-Za-z_][A-Za-z0-9_]*\}")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def accelerator(text: str) -> str | None:
    """The letter after a single ``&`` (``&&`` is a literal ampersand)."""
    match = re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))
    return match.group(1) if match else None


def problems(language: str) -> list[str]:
    """What is wrong with one catalogue: missing, unfinished or empty translations, lost placeholders or
    accelerators, a plural without its forms, a stale .qm."""
    ts, qm = ts_path(language), qm_path(language)
    if not ts.exists():
        return [f"{ts.name} is missing: run scripts/i18n.py update"]
    found = []
    catalogue = {m.key: m for m in messages(ts)}
    for call in scan().calls:
        if (call.context, call.source, call.comment) not in catalogue or not catalogue[
                (call.context, call.source, call.comment)].active:
            found.append(f"{ts.name}: not extracted: [{call.context}] {call.source!r} "
                         f"({call.file.relative_to(ROOT)}:{call.line}): run scripts/i18n.py update")
    for m in catalogue.values():
        if not m.active:
            continue
        where = f"{ts.name}: [{m.context}] {m.source!r}"
        if m.kind == "unfinished":
            found.append(f"{where}: unfinished")
        if any(not form.strip() for form in m.forms):
            found.append(f"{where}: not translated")
            continue
        if m.numerus and len(m.forms) != 2:
            found.append(f"{where}: {len(m.forms)} plural forms, not 2")
        for form in m.forms:
            if placeholders(form) != placeholders(m.source):
                found.append(f"{where}: placeholders {placeholders(m.source)} became {placeholders(form)}")
            if accelerator(m.source) and not accelerator(form):
                found.append(f"{where}: lost its accelerator (&)")
    if not qm.exists():
        found.append(f"{qm.name} is missing: run scripts/i18n.py release")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / qm.name
            release(ts, fresh)
            if fresh.read_bytes() != qm.read_bytes():
                found.append(f"{qm.name} is older than {ts.name}: run scripts/i18n.py release")
    return found


# --- todo and apply ------------------------------------------------------------------------------------


def todo(language: str, everything: bool = False) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for m in messages(ts_path(language)):
        if m.active and (everything or m.kind == "unfinished" or not all(f.strip() for f in m.forms)):
            key = m.source if not m.comment else f"{m.source}\x00{m.comment}"
            out.setdefault(m.context, {})[key] = list(m.forms) if m.numerus else m.forms[0]
    return out


def apply(language: str, data: dict[str, dict[str, str | list[str]]]) -> tuple[int, list[str]]:
    """Write translations into the .ts and mark them finished; returns how many, and the keys not found."""
    ts = ts_path(language)
    root = read_ts(ts)
    written, unknown = 0, []
    wanted = {(ctx, *(src.split("\x00", 1) if "\x00" in src else (src, ""))): value
              for ctx, entries in data.items() for src, value in entries.items()}
    seen = set()
    for context in root.findall("context"):
        name = context.findtext("name") or ""
        for m in context.findall("message"):
            key = (name, m.findtext("source") or "", m.findtext("comment") or "")
            if key not in wanted:
                continue
            seen.add(key)
            value = wanted[key]
            translation = m.find("translation")
            assert translation is not None
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            if m.get("numerus") == "yes":
                forms = [value] * 2 if isinstance(value, str) else list(value)
                for f in translation.findall("numerusform"):
                    translation.remove(f)
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
                translation.text = None
            else:
                assert isinstance(value, str), key
                translation.text = value
            translation.attrib.pop("type", None)
            written += 1
    unknown = [f"[{k[0]}] {k[1]!r}" for k in wanted if k not in seen]
    write_ts(root, ts)
    return written, unknown


# --- the core's sentences: gettext catalogues, with Babel ----------------------------------------------
#
# The core (everything but kpmonitor/gui) writes its sentences as ``_("… {name} …").format(name=…)`` and
# ``ngettext(…)`` (kpmonitor/i18n.py). ``core-update`` extracts them with Babel into
# kpmonitor/resources/locale/kpmonitor.pot and merges that into each <lang>/LC_MESSAGES/kpmonitor.po;
# ``core-release`` compiles the .mo files beside them (what the core loads); ``check`` fails on an untranslated
# or fuzzy entry, a placeholder lost, a message of the code missing from a catalogue, or a stale .mo.

LOCALE = ROOT / "kpmonitor" / "resources" / "locale"
POT = LOCALE / "kpmonitor.pot"
DOMAIN = "kpmonitor"
# The locale a catalogue declares (its plural forms come from it): Portuguese as written in Portugal.
PO_LOCALE = {"fr": "fr", "pt": "pt_PT"}
_BRACES = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
_HEADER = ("# The core's sentences (rules, document parser) of kpmonitor.\n"
           "# Made by scripts/i18n.py core-update from the code; translated as docs/translating.md says.")
_DATED = ('"POT-Creation-Date:', '"PO-Revision-Date:', "POT-Creation-Date:", "PO-Revision-Date:")


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


def core_files() -> list[Path]:
    """The core's modules: every kpmonitor/**/*.py but the GUI's."""
    return sorted(p for p in (ROOT / "kpmonitor").rglob("*.py")
                  if "__pycache__" not in p.parts and GUI not in p.parents)


def _catalog(language: str | None) -> Catalog:
    """An empty catalogue with kpmonitor's header (the template when ``language`` is None)."""
    return Catalog(locale=PO_LOCALE[language] if language else None, domain=DOMAIN, project="kpmonitor",
                   version="1", fuzzy=False, charset="utf-8", header_comment=_HEADER,
                   msgid_bugs_address="",
                   last_translator="kpmonitor's translators", language_team="kpmonitor's translators")


def core_extract() -> Catalog:
    """The core's messages, as a template (``_``, ``ngettext``, ``N_`` and gettext's other names)."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file

    template = _catalog(None)
    for path in core_files():
        where = path.relative_to(ROOT).as_posix()
        for line, message, comments, context in extract_from_file(
                "python", str(path), keywords=DEFAULT_KEYWORDS, comment_tags=("TRANSLATORS:",),
                strip_comment_tags=True):
            if message and (message if isinstance(message, str) else message[0]):
                template.add(message, None, [(where, line)], auto_comments=comments, context=context,
                             flags=("python-brace-format",) if _BRACES.search(str(message)) else ())
    for message, where, line, comment in table_messages():
        template.add(message, None, [(where, line)], auto_comments=[comment])
    return template


# The reference tables' texts that the core shows in the monitor's language (``Reference.hs_description``,
# ``Reference.band_source``): the English of the shipped table is the msgid. Country and participant names are
# CLDR's (Babel), by code, and need no entry.
TABLE_TEXTS = (("hs_codes.csv", "description", "An HS code's description (reference table hs_codes.csv)"),
               ("vpc_bands.csv", "source", "Where a value-per-carat band comes from (reference table vpc_bands.csv)"))


def table_messages() -> list[tuple[str, str, int, str]]:
    """``(text, file, line, comment)`` of each text of ``TABLE_TEXTS`` in the shipped tables, first line first."""
    import csv

    out: list[tuple[str, str, int, str]] = []
    for name, column, comment in TABLE_TEXTS:
        path = ROOT / "kpmonitor" / "resources" / name
        header: list[str] | None = None
        for number, row_text in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
            if not row_text.strip() or row_text.lstrip().startswith("#"):
                continue
            fields = [f.strip() for f in next(csv.reader([row_text]))]
            if header is None:
                header = fields
            elif fields[header.index(column)]:
                out.append((fields[header.index(column)], path.relative_to(ROOT).as_posix(), number, comment))
    return out


def _po_bytes(catalog: Catalog, *, keep_obsolete: bool = True) -> bytes:
    from babel.messages.pofile import write_po

    out = io.BytesIO()
    write_po(out, catalog, width=116, sort_output=False, ignore_obsolete=not keep_obsolete,
             include_previous=False)
    return out.getvalue()


def _undated(data: bytes) -> list[str]:
    return [line for line in data.decode("utf-8").splitlines() if not line.startswith(_DATED)]


def _write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` unless the file says the same but for its dates (so an update changes nothing needlessly)."""
    if path.exists() and _undated(path.read_bytes()) == _undated(data):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def read_catalog(language: str) -> Catalog:
    from babel.messages.pofile import read_po

    with po_path(language).open("rb") as f:
        return read_po(f, locale=PO_LOCALE[language], domain=DOMAIN)


def core_update(*, drop_vanished: bool = False) -> Catalog:
    """Extract the core's messages into the .pot and merge it into each .po, keeping their translations.

    A message that changed comes back fuzzy (Babel offers the nearest old translation), one no longer in the code is
    kept as obsolete (``#~``) unless ``drop_vanished``.
    """
    template = core_extract()
    _write_if_changed(POT, _po_bytes(template))
    for language in LANGUAGES:
        catalog = read_catalog(language) if po_path(language).exists() else _catalog(language)
        catalog.update(template, update_header_comment=False)
        catalog.fuzzy = False
        _write_if_changed(po_path(language), _po_bytes(catalog, keep_obsolete=not drop_vanished))
    return template


def mo_bytes(catalog: Catalog) -> bytes:
    """What ``core-release`` makes of a catalogue (fuzzy entries left out: they are English at run time)."""
    from babel.messages.mofile import write_mo

    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def core_release() -> list[Path]:
    written = []
    for language in LANGUAGES:
        mo_path(language).write_bytes(mo_bytes(read_catalog(language)))
        written.append(mo_path(language))
    return written


def _forms(message: object) -> list[str]:
    string = getattr(message, "string", "")
    return list(string) if isinstance(string, (tuple, list)) else [string or ""]


def core_problems(language: str, template: Catalog | None = None) -> list[str]:
    """What is wrong with a core catalogue: untranslated, fuzzy, a placeholder lost or added, a message of the code
    missing, the .mo not what ``core-release`` makes of the .po now."""
    path = po_path(language)
    if not path.exists():
        return [f"{path.relative_to(ROOT)}: missing (run core-update)"]
    catalog = read_catalog(language)
    where = path.relative_to(ROOT)
    found = []
    if catalog.fuzzy:
        found.append(f"{where}: the header is marked fuzzy")
    for message in catalog:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        shown = ids[0][:70]
        forms = _forms(message)
        if not all(forms):
            found.append(f"{where}: untranslated: {shown!r}")
        elif message.fuzzy:
            found.append(f"{where}: fuzzy: {shown!r}")
        elif any(set(_BRACES.findall(form)) != set(_BRACES.findall(ids[-1 if i else 0]))
                 for i, form in enumerate(forms)):
            found.append(f"{where}: the placeholders differ: {shown!r}")
    template = core_extract() if template is None else template
    missing = [m.id for m in template if m.id and m.id not in catalog]
    found += [f"{where}: not in the catalogue (run core-update): {(i if isinstance(i, str) else i[0])[:70]!r}"
              for i in missing]
    mo = mo_path(language)
    if not mo.exists():
        found.append(f"{mo.relative_to(ROOT)}: missing (run core-release)")
    elif mo.read_bytes() != mo_bytes(catalog):
        found.append(f"{mo.relative_to(ROOT)}: not what core-release makes of the .po now (run core-release)")
    return found


def core_todo(language: str, everything: bool = False) -> dict[str, str | list[str]]:
    """``{msgid: translation}`` (a plural: ``[singular, plural]`` keyed by the singular) of what is left."""
    out: dict[str, str | list[str]] = {}
    for message in read_catalog(language):
        if not message.id:
            continue
        forms = _forms(message)
        if everything or message.fuzzy or not all(forms):
            key = message.id if isinstance(message.id, str) else message.id[0]
            out[key] = forms if message.pluralizable else forms[0]
    return out


def core_apply(language: str, data: dict[str, str | list[str]]) -> tuple[int, list[str]]:
    """Write ``{msgid: translation}`` into the .po (a translation written is no longer fuzzy)."""
    catalog = read_catalog(language)
    by_key = {(m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog if m.id}
    written, unknown = 0, []
    for key, value in data.items():
        message = by_key.get(key)
        if message is None:
            unknown.append(key)
            continue
        if not value or (isinstance(value, list) and not all(value)):
            continue
        message.string = tuple(value) if message.pluralizable and isinstance(value, list) else str(value)
        message.flags.discard("fuzzy")
        written += 1
    _write_if_changed(po_path(language), _po_bytes(catalog))
    return written, unknown


def core_main(args: argparse.Namespace) -> int:
    if args.command == "core-update":
        template = core_update(drop_vanished=args.drop_vanished)
        print(f"{len([m for m in template if m.id])} messages of the core in {POT.relative_to(ROOT)}")
    elif args.command == "core-release":
        for path in core_release():
            print(path.relative_to(ROOT))
    elif args.command == "core-todo":
        json.dump(core_todo(args.language, args.all), sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif args.command == "core-apply":
        written, unknown = core_apply(args.language, json.loads(args.file.read_text(encoding="utf-8")))
        print(f"{written} translations written")
        for line in unknown:
            print(f"not in the catalogue: {line}")
    return 0


# --- the command line ----------------------------------------------------------------------------------


def _where(path: Path, line: int) -> str:
    return f"{path.relative_to(ROOT)}:{line}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("update", help="extract the GUI's messages into the .ts files, keeping translations")
    p.add_argument("--drop-vanished", action="store_true", help="drop the messages the code no longer has")
    sub.add_parser("release", help="make the .qm files from the .ts files")
    sub.add_parser("check", help="fail on an untranslated or unfinished message, or a stale .qm")
    sub.add_parser("helpers", help="list the calls lupdate cannot read by itself, and the dynamic ones")
    p = sub.add_parser("todo", help="the messages still to translate, as JSON")
    p.add_argument("language", choices=LANGUAGES)
    p.add_argument("--all", action="store_true", help="every message, translated or not")
    p = sub.add_parser("apply", help="write translations from a JSON file into the .ts")
    p.add_argument("language", choices=LANGUAGES)
    p.add_argument("file", type=Path)
    p = sub.add_parser("core-update", help="extract the core's sentences into the .pot and the .po files")
    p.add_argument("--drop-vanished", action="store_true", help="drop the messages the code no longer has")
    sub.add_parser("core-release", help="make the core's .mo files from the .po files")
    p = sub.add_parser("core-todo", help="the core's messages still to translate, as JSON")
    p.add_argument("language", choices=LANGUAGES)
    p.add_argument("--all", action="store_true", help="every message, translated or not")
    p = sub.add_parser("core-apply", help="write translations from a JSON file into the core's .po")
    p.add_argument("language", choices=LANGUAGES)
    p.add_argument("file", type=Path)
    args = parser.parse_args(argv)

    if args.command.startswith("core-"):
        return core_main(args)

    if args.command == "update":
        found = update(drop_vanished=args.drop_vanished)
        print(f"{len(found.calls)} calls to translate in the code ({len(found.messages())} messages); "
              f"{len(helper_calls(found))} through helpers lupdate cannot read, given to it in a generated file")
    elif args.command == "release":
        for language in LANGUAGES:
            print(release(ts_path(language), qm_path(language)))
    elif args.command == "check":
        failures = [p for language in LANGUAGES for p in problems(language)]
        template = core_extract()
        failures += [p for language in LANGUAGES for p in core_problems(language, template)]
        for line in failures:
            print(line)
        if failures:
            print(f"{len(failures)} problem(s)")
            return 1
        counts = {lang: [m for m in messages(ts_path(lang)) if m.active] for lang in LANGUAGES}
        print("; ".join(f"{lang}: {len(ms)} messages ({sum(m.numerus for m in ms)} plural), all translated"
                        for lang, ms in counts.items()) + "; the .qm files are current")
        core = {lang: [m for m in read_catalog(lang) if m.id] for lang in LANGUAGES}
        print("core: " + "; ".join(f"{lang}: {len(ms)} messages ({sum(m.pluralizable for m in ms)} plural), "
                                   "all translated" for lang, ms in core.items()) + "; the .mo files are current")
    elif args.command == "helpers":
        found = scan()
        for call in helper_calls(found):
            print(f"{_where(call.file, call.line)}: {call.helper}(…) → [{call.context}] {call.source[:60]!r}")
        for path, line, text in found.dynamic:
            print(f"{_where(path, line)}: not a literal, nothing to extract: {text}")
    elif args.command == "todo":
        json.dump(todo(args.language, args.all), sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif args.command == "apply":
        data = json.loads(args.file.read_text(encoding="utf-8"))
        written, unknown = apply(args.language, data)
        print(f"{written} translations written")
        for line in unknown:
            print(f"not in the catalogue: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
