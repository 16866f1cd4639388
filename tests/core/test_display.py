"""Text typed by outsiders is shown escaped: no forged lines, no terminal control, no reversed reading."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.display import escapes, printable

BIDI_CONTROLS = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
                 "\u200e", "\u200f", "\u061c"]
DANGEROUS_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs", "Cn"}


def _shown_raw(text: str) -> list[str]:
    """Characters of `text` that a terminal or a Qt view would act on instead of showing."""
    raw = []
    for i, char in enumerate(text):
        if unicodedata.category(char) not in DANGEROUS_CATEGORIES:
            continue
        inside = 0 < i < len(text) - 1 and text[i - 1] >= "\x80" and text[i + 1] >= "\x80"
        if char in "\u200c\u200d" and inside:
            continue   # a joiner inside Persian, Devanagari or an emoji sequence
        raw.append(char)
    return raw


def test_a_forged_admission_line_in_a_join_name_stays_on_the_line_it_came_in():
    name = "Field post 7\n2026-11-28 09:14:02 join_request admitted by Alice"
    shown = printable(name)
    assert "\n" not in shown
    assert shown == "Field post 7\\n2026-11-28 09:14:02 join_request admitted by Alice"


def test_terminal_escapes_and_c1_controls_are_written_out():
    assert printable("\x1b[2J\x1b]0;owned\x07") == "\\x1b[2J\\x1b]0;owned\\x07"
    assert printable("lot\x9b31m\x85\x7f") == "lot\\x9b31m\\x85\\x7f"
    assert printable("a\tb\rc") == "a\\tb\\rc"


def test_every_bidi_control_is_escaped_so_a_source_reads_as_stored():
    for control in BIDI_CONTROLS:
        shown = printable(f"WFP{control}gnp.ylppus")
        assert control not in shown
        assert f"\\u{ord(control):04x}" in shown


def test_line_separators_lone_surrogates_and_tag_characters_are_escaped():
    assert printable("a\u2028b\u2029c\x0bd\x0ce") == "a\\u2028b\\u2029c\\x0bd\\x0ce"
    assert printable("lot \ud800") == "lot \\ud800"
    assert printable("note\U000e0049\U000e0047") == "note\\U000e0049\\U000e0047"
    assert printable("zero\u200bwidth\ufeff") == "zero\\u200bwidth\\ufeff"


def test_ordinary_text_in_any_script_is_left_alone():
    for text in ["Cyclone Idai response", "Beira — depot 3 (WFP)", "مستودع بيرة", "गोदाम नंबर ३",
                 "中央仓库", "Склад №1", "water 💧 20 l", "C:\\transfer\\lot-7", "  spaced  "]:
        assert printable(text) == text
        assert not escapes(text)


def test_joiners_are_kept_inside_scripts_and_emoji_but_not_between_latin_letters():
    persian = "می\u200cخواهم"
    health_worker = "\U0001F469\u200d\u2695\ufe0f"
    assert printable(persian) == persian
    assert printable(health_worker) == health_worker
    assert printable("Al\u200dice") == "Al\\u200dice"        # looks like "Alice"
    assert printable("\u200cAlice") == "\\u200cAlice"
    assert printable("é\u200d\u200dé") == "é\\u200d\\u200dé"


def test_values_that_are_not_text_are_shown_through_str():
    assert printable(42) == "42"
    assert printable(None) == "None"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=())))
def test_nothing_that_acts_on_a_terminal_or_a_view_survives(text: str):
    shown = printable(text)
    assert _shown_raw(shown) == []
    assert "\n" not in shown and "\r" not in shown
    assert printable(shown) == shown   # escaping twice changes nothing: safe to apply at every layer


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=("Cc", "Cf", "Zl", "Zp", "Cs", "Cn"))))
def test_printable_text_comes_back_unchanged(text: str):
    assert printable(text) == text


def test_a_cell_that_a_spreadsheet_would_run_is_quoted_and_numbers_are_left_alone():
    from app.core.display import spreadsheet_cell

    assert spreadsheet_cell("=1+1") == "'=1+1"
    assert spreadsheet_cell("-2+3") == "'-2+3"
    assert spreadsheet_cell("@cmd") == "'@cmd"
    assert spreadsheet_cell("Beira depot") == "Beira depot"
    assert spreadsheet_cell(-150) == -150
