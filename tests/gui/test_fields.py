"""Fields accept what people type, say what they understood, and refuse with the core's sentence."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kpmonitor.domain.inspection import parse_code
from kpmonitor.domain.quantities import format_carats, grouped, parse_carats
from kpmonitor.errors import ParseError
from kpmonitor.gui.common.fields import CodeField, TextField


def carats_field(qtbot: QtBot) -> tuple[TextField, list[object]]:
    field = TextField(parse_carats, to_text=grouped, understood=lambda v: "= " + format_carats(v), empty=None)
    qtbot.addWidget(field)
    committed: list[object] = []
    field.committed.connect(committed.append)
    return field, committed


def test_an_amount_is_shown_as_understood_and_committed_once(qtbot: QtBot) -> None:
    field, committed = carats_field(qtbot)
    qtbot.keyClicks(field.edit, "1 234,5")
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert committed == [123450]
    assert field.feedback.text() == "= 1,234.50 ct"
    field.commit()  # nothing new: no second write
    assert committed == [123450]


def test_an_ambiguous_amount_is_refused_with_the_sentence_and_not_committed(qtbot: QtBot) -> None:
    field, committed = carats_field(qtbot)
    qtbot.keyClicks(field.edit, "1,234")
    field.commit()
    assert committed == []
    assert field.feedback.is_error
    assert field.feedback.text().startswith("“1,234” is ambiguous")
    assert field.feedback.textFormat() == Qt.TextFormat.PlainText


def test_a_pause_in_typing_commits_without_leaving_the_field(qtbot: QtBot) -> None:
    field, committed = carats_field(qtbot)
    qtbot.keyClicks(field.edit, "600.25")
    assert committed == []
    qtbot.waitUntil(lambda: committed == [60025], timeout=2000)


def test_clearing_an_amount_commits_no_value(qtbot: QtBot) -> None:
    field, committed = carats_field(qtbot)
    field.set_value(60025)
    assert field.edit.text() == "600.25"
    field.edit.clear()
    field.commit()
    assert committed == [None]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet="0123456789 ,.'-$ctUSabc", min_size=1, max_size=12))
def test_whatever_is_typed_the_field_agrees_with_the_core(qtbot: QtBot, text: str) -> None:
    field, committed = carats_field(qtbot)
    field.edit.setText(text)
    field.commit()
    if not text.strip():
        assert committed == [] or committed == [None]
        return
    try:
        expected = parse_carats(text)
    except ParseError as exc:
        assert committed == [] and field.feedback.text() == exc.message
    else:
        assert committed == [expected] and field.feedback.text() == "= " + format_carats(expected)


def test_a_country_can_be_typed_as_code_name_or_start_of_name(qtbot: QtBot) -> None:
    items = [("BE", "Belgium"), ("BW", "Botswana"), ("ZW", "Zimbabwe"), ("ZA", "South Africa")]
    field = CodeField(items, lambda t: parse_code(t, "destination"))
    qtbot.addWidget(field)
    committed: list[object] = []
    field.committed.connect(committed.append)
    for typed, code in (("zw", "ZW"), ("Botswana", "BW"), ("Belg", "BE"), ("south africa", "ZA")):
        field.combo.setEditText(typed)
        field.commit()
        assert committed[-1] == code
        assert field.combo.currentText().startswith(code + " — ")
    field.combo.setEditText("Zimbabwi")
    field.commit()
    assert field.feedback.is_error
    assert field.feedback.text() == "“Zimbabwi” is not a two-letter country code for the destination."
    assert committed[-1] == "ZA"


def test_a_moment_is_described_with_its_zone_named_as_everywhere_else(qapp: object) -> None:
    from kpmonitor.domain.moments import show_moment
    from kpmonitor.gui.common.fields import describe_moment

    for text, zone in (("2026-11-21T09:30:00+00:00", "UTC"), ("2026-11-21T09:30:00-05:30", "UTC−05:30"),
                       ("2026-11-21T09:30:00+02:00", "UTC+02:00"), ("2026-11-21T09:30:00", "local time")):
        described = describe_moment(text)
        assert described.startswith("= ") and described.endswith(f", 09:30 ({zone})"), described
        assert show_moment(text).startswith("2026-11-21 09:30") and zone in show_moment(text)
    assert describe_moment("not a moment") == ""
