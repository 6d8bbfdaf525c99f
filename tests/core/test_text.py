"""Reading imported JSON values as text: the documents of a retrieval, the user's question,
and the topic words two texts are compared on."""

from __future__ import annotations

import hashlib

import pytest

from tracedesk.core import queue
from tracedesk.core.text import as_said, kappa_text, percent_text, retrieved_documents, untokenized, user_question
from tracedesk.core.words import content_words, topic_words

DOCS = [{"id": "kb-1", "content": "Parcels arrive in 3 days."}, "a plain string"]


@pytest.mark.parametrize(("value", "expected"), [
    ({"documents": DOCS}, DOCS),
    ({"results": DOCS}, DOCS),
    ({"documents": None, "results": DOCS}, DOCS),
    ({"documents": []}, []),
    (DOCS, DOCS),
    ({"answer": "none"}, None),
    ({"documents": "kb-1"}, None),
    ("kb-1", None),
    (None, None),
])
def test_the_documents_of_a_retrieval_are_read_one_way(value, expected) -> None:
    assert retrieved_documents(value) == expected


def test_the_user_question_is_the_last_user_message_on_one_line() -> None:
    raw = ('{"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"},'
           ' {"role": "user", "content": "Where is\\n  order 12?"}]}')
    assert user_question(raw) == "Where is order 12?"
    assert user_question('"Where is order 12?"', 8) == "Where is"
    assert user_question(None) == ""


def test_topic_words_set_numbers_aside_and_question_keys_stay_as_stored() -> None:
    assert topic_words("Where is order 12 or 345?") == {"order", "#"}
    # Keys already stored in databases count each number: they must not change.
    words = sorted("#" if w.isdigit() else w for w in content_words("Where is order 12 or 345?"))
    assert queue.question_key("Where is order 12 or 345?") == hashlib.blake2b(
        " ".join(words).encode(), digest_size=8).hexdigest()
    assert queue.question_key("where is ORDER 99 or 1?") == queue.question_key("Where is order 12 or 345?")
    # ...nor those of questions in other scripts, which topic words now read whole ("cuánto").
    assert "cuánto" in content_words("¿Cuánto cuesta el roaming?")
    assert queue.question_key("¿Cuánto cuesta el roaming?") == "418953fc9e90ef8b"
    assert queue.question_key("Wo ist meine Bestellung für München?") == "363eadcddeb7075d"


@pytest.mark.parametrize("value", [0.0, 0.125, 1 / 3, 0.99949, 1.0, -0.0421])
@pytest.mark.parametrize("digits", [0, 1, 3])
def test_a_share_reads_as_its_percentage_rounded(value, digits) -> None:
    shown = percent_text(value, digits)
    assert shown.endswith("%")
    assert float(shown[:-1]) == pytest.approx(value * 100, abs=0.5 * 10**-digits + 1e-9)
    assert len(shown[:-1].partition(".")[2]) == digits
    signed = percent_text(value, digits, signed=True)
    assert signed[0] in "+-" and float(signed[:-1]) == float(shown[:-1])


def test_no_share_and_no_kappa_read_as_the_mark_asked_for() -> None:
    assert percent_text(None) == "-" and kappa_text(None) == "-"
    assert percent_text(None, 0, "—") == "—" and kappa_text(None, 2, "—") == "—"


@pytest.mark.parametrize("value", [-0.25, 0.0, 0.4444, 0.8, 1.0])
def test_a_kappa_reads_with_the_decimals_asked_for(value) -> None:
    for digits in (2, 3):
        shown = kappa_text(value, digits)
        assert float(shown) == pytest.approx(value, abs=0.5 * 10**-digits + 1e-9)
        assert len(shown.partition(".")[2]) == digits


@pytest.mark.parametrize(("stored", "written"), [
    # As the dialog corpora of the ParlAI family store a turn: word by word.
    ("i do n't know , sorry . what 's your name ?", "i don't know, sorry. what's your name?"),
    ("i 'm from ohio ! ! you ?", "i'm from ohio!! you?"),
    ("wait . . . you said you ca n't swim ?", "wait... you said you can't swim?"),
    ("i ' m not sure i ' ll go , it ' s far", "i'm not sure i'll go, it's far"),
    ("we 've got 3.5 days : friday to monday ( maybe )", "we've got 3.5 days: friday to monday (maybe)"),
    ("that costs 20 % more", "that costs 20% more"),
])
def test_a_turn_stored_word_by_word_reads_as_it_was_written(stored, written) -> None:
    assert untokenized(stored) == written


@pytest.mark.parametrize("text", [
    "I don't know, sorry. What's your name?",
    "ok :) see you at .NET conf, 'so' they said",
    "Rock 'n' roll, the '90s and 'm' for metres",
    "",
])
def test_text_written_as_people_write_is_read_as_it_is(text) -> None:
    assert untokenized(text) == text


@pytest.mark.parametrize(("stored", "said"), [
    ("<SILENCE>", ""), (" __SILENCE__ ", ""), ("[silence]", ""),
    ("Sure , prezzo is on prezzo_address", "Sure, prezzo is on prezzo address"),
    ("api_call R_cuisine west moderate", "api call R cuisine west moderate"),
    ("my name is _not_ bob", "my name is _not_ bob"),
    ("i said <silence> was golden", "i said <silence> was golden"),
    ("Your refill (RX_4471120) is ordered.", "Your refill (RX_4471120) is ordered."),
])
def test_what_a_dialog_corpus_writes_for_silence_and_its_placeholders_reads_as_said(stored, said) -> None:
    assert as_said(stored) == said
