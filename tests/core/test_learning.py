"""The queue learns from the reviewers: verdicts on flagged traces move how far each kind of
signal is trusted in this database, the unreviewed traces are ranked with it, the
reasons say so, and it can be forgotten."""

from __future__ import annotations

import json
import re

import pytest

from tracedesk.cli import main
from tracedesk.core import learning, queue, reviews, views
from tracedesk.core.ingest import import_paths

from ..conftest import write_jsonl
from .sessions import Bundle, llm, retrieval, tool


def _flagged_store(store, tmp_path):
    """Twenty runs flagged as rephrases, twenty as empty retrievals answered anyway."""
    b = Bundle()
    for i in range(20):
        b.turn(f"r{i}", f"How do I reset my password for account {i}?",
               "You can change your profile picture under Settings.", trace_id=f"rephrase{i}")
        b.turn(f"r{i}", "I forgot my password, what do I do?", "Click 'Forgot password'.", trace_id=f"then{i}")
        b.turn(f"e{i}", f"Do you sell filters for model Z{i}?", f"Yes, the Z{i} filter costs 12 euros.",
               trace_id=f"empty{i}", steps=[retrieval(f"Z{i} filters", []), llm()])
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", b.records)])
    return store


def _pk(conn, trace_id: str) -> int:
    return conn.exec_driver_sql("SELECT id FROM trace WHERE trace_id = ?", (trace_id,)).scalar_one()


def _entry(store, trace_id: str, kind: str | None = None) -> tuple[float, list[queue.Reason]]:
    """The trace's priority and its reasons (only those of ``kind`` when given)."""
    with store.read() as conn:
        [row] = queue.rows_for(conn, [_pk(conn, trace_id)])
    return row.priority, [r for r in row.reasons if kind is None or r.signal == kind]


def test_sure_flags_confirmed_lift_a_much_weaker_flag_of_their_kind_little(store, tmp_path) -> None:
    """Complaints of the next turn (0.8), confirmed twelve times of twelve, say little of a
    complaint read in a first message (0.2), which blames no answer: it is lifted by a
    quarter of their move, not to half their strength."""
    b = Bundle()
    for i in range(12):
        b.turn(f"c{i}", f"How do I change the delivery slot of order {i}?", "Our warehouse is in Leeds.",
               trace_id=f"missed{i}")
        b.turn(f"c{i}", "that's not what I asked", "Sorry about that.", trace_id=f"complaint{i}")
    b.turn("first", "Really frustrated with the app today. How do I stay signed in?",
           "Turn on 'Keep me signed in' on the login screen.", trace_id="first")
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", b.records)])
    _, [weak] = _entry(store, "first", "frustration")
    assert weak.confidence <= 0.2
    with store.write() as conn:
        for i in range(12):
            reviews.save_review(conn, _pk(conn, f"missed{i}"), "ann", reviews.ReviewInput(verdict="failure"))
    _, [weak] = _entry(store, "first", "frustration")
    assert weak.learned_from == "confirmed 12 of 12 times here"
    assert weak.confidence < weak.counted < 0.3


def test_verdicts_that_refute_a_kind_of_signal_lower_its_unreviewed_traces(store, tmp_path) -> None:
    _flagged_store(store, tmp_path)
    before_rephrase, [reason] = _entry(store, "rephrase15", "rephrase")
    assert reason.signal == "rephrase" and reason.learned_precision is None
    before_empty, _ = _entry(store, "empty15", "empty_retrieval")
    with store.write() as conn:
        for i in range(10):
            reviews.save_review(conn, _pk(conn, f"rephrase{i}"), "ann", reviews.ReviewInput(verdict="ok"))
        for i in range(5):
            reviews.save_review(conn, _pk(conn, f"empty{i}"), "ann", reviews.ReviewInput(verdict="failure"))
    after_rephrase, [reason] = _entry(store, "rephrase15", "rephrase")
    assert after_rephrase < before_rephrase - 0.1
    assert reason.learned_from == "confirmed 0 of 10 times here"
    # The table expected the ten flags reviewed to be right as often as their confidences
    # say; none was: the estimate is that expectation, worth ten verdicts, and ten misses.
    with store.read() as conn:
        expected = conn.exec_driver_sql("SELECT avg(confidence) FROM signal WHERE kind = 'rephrase' "
                                        "AND trace_pk IN (SELECT trace_pk FROM review)").scalar()
    assert expected > 0.8
    assert reason.learned_precision == pytest.approx(expected * learning.PRIOR_WEIGHT / (learning.PRIOR_WEIGHT + 10),
                                                     abs=0.001)
    assert reason.counted is not None and reason.counted < reason.confidence
    after_empty, [reason] = _entry(store, "empty15", "empty_retrieval")
    assert after_empty > before_empty
    assert reason.learned_from == "confirmed 5 of 5 times here"
    with store.read() as conn:
        counted = learning.count_verdicts(conn)
    assert (counted["rephrase"].confirmed, counted["rephrase"].reviewed) == (0, 10)
    assert (counted["empty_retrieval"].confirmed, counted["empty_retrieval"].reviewed) == (5, 5)
    assert counted["loop"].reviewed == 0 and counted["loop"].precision == counted["loop"].prior


def test_several_reviewers_count_once_per_trace_by_their_majority(store, tmp_path) -> None:
    _flagged_store(store, tmp_path)
    with store.write() as conn:
        pk = _pk(conn, "rephrase0")
        reviews.save_review(conn, pk, "ann", reviews.ReviewInput(verdict="failure"))
        reviews.save_review(conn, pk, "bob", reviews.ReviewInput(verdict="failure"))
        reviews.save_review(conn, pk, "cy", reviews.ReviewInput(verdict="ok"))
        tie = _pk(conn, "rephrase1")
        reviews.save_review(conn, tie, "ann", reviews.ReviewInput(verdict="failure"))
        reviews.save_review(conn, tie, "bob", reviews.ReviewInput(verdict="ok"))
        unsure = _pk(conn, "rephrase2")
        reviews.save_review(conn, unsure, "ann", reviews.ReviewInput(verdict="unsure"))
        counted = learning.count_verdicts(conn)["rephrase"]
    assert (counted.confirmed, counted.reviewed) == (1, 1)


def test_forgetting_ranks_by_the_table_again_and_the_command_shows_it(store, tmp_path, capsys) -> None:
    _flagged_store(store, tmp_path)
    original, _ = _entry(store, "rephrase15", "rephrase")
    with store.write() as conn:
        for i in range(10):
            reviews.save_review(conn, _pk(conn, f"rephrase{i}"), "ann", reviews.ReviewInput(verdict="ok"))
    assert _entry(store, "rephrase15", "rephrase")[0] < original

    assert main(["--db", str(store.path), "signals", "--json"]) == 0
    shown = {row["signal"]: row for row in json.loads(capsys.readouterr().out)["signals"]}
    assert (shown["rephrase"]["confirmed"], shown["rephrase"]["reviewed"]) == (0, 10)
    assert shown["rephrase"]["precision"] < shown["rephrase"]["prior"]

    assert main(["--db", str(store.path), "queue", "--signal", "rephrase", "--limit", "1"]) == 0
    assert "rephrase flags confirmed 0 of 10 times here" in capsys.readouterr().out

    assert main(["--db", str(store.path), "signals", "--forget"]) == 0
    assert "forgot what the verdicts taught" in capsys.readouterr().out
    priority, [reason] = _entry(store, "rephrase15", "rephrase")
    assert priority == original and reason.learned_from is None
    assert main(["--db", str(store.path), "signals", "--json", "--cases"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {row["reviewed"] for row in out["signals"]} == {0}
    assert any(case["signal"] == "ungrounded" and case["why"] for case in out["cases"])
    # A verdict given after the reset teaches the queue anew.
    with store.write() as conn:
        reviews.save_review(conn, _pk(conn, "rephrase12"), "ann", reviews.ReviewInput(verdict="ok"))
        assert learning.count_verdicts(conn)["rephrase"].reviewed == 1


def test_every_priority_counts_the_precision_recorded_as_applied(store, tmp_path) -> None:
    """Small moves of one kind, made while another kind moved enough to be re-ranked, are
    not recorded as applied to traces that were not re-ranked."""
    _flagged_store(store, tmp_path)
    with store.write() as conn:
        for i in range(20):  # rephrase refuted often; empty retrievals confirmed now and then
            reviews.save_review(conn, _pk(conn, f"rephrase{i}"), "ann", reviews.ReviewInput(verdict="ok"))
            if i % 3 == 0:
                reviews.save_review(conn, _pk(conn, f"empty{i}"), "ann", reviews.ReviewInput(verdict="failure"))
        applied = learning.stored(conn)
        open_pks = [pk for (pk,) in conn.exec_driver_sql("SELECT trace_pk FROM queue_entry WHERE state = 'open'")]
        rows = queue.rows_for(conn, open_pks)
    checked = 0
    for row in rows:
        for reason in row.reasons:
            expected = learning.calibrated(reason.confidence, applied.get(reason.signal))
            assert (reason.counted if reason.counted is not None else reason.confidence) == expected, \
                (row.trace_id, reason)
            checked += 1
    assert checked > 10


def test_what_was_learned_follows_a_reviewed_trace_whose_signals_change(store, tmp_path) -> None:
    _flagged_store(store, tmp_path)
    with store.write() as conn:
        reviews.save_review(conn, _pk(conn, "rephrase3"), "ann", reviews.ReviewInput(verdict="failure"))
        assert learning.stored(conn, applied=False)["rephrase"].reviewed == 1
    later = Bundle()  # the user's thumbs-down arrives later: the trace's strongest signal changes
    later.feedback("rephrase3", "thumbs", -1)
    import_paths(store, [write_jsonl(tmp_path / "later.jsonl", later.records)])
    with store.read() as conn:
        shown = learning.stored(conn, applied=False)
    assert "rephrase" not in shown and shown["thumbs_down"].reviewed == 1


WRONG = "Refunds take 90 days and always come as a travel voucher, never as money."


def _echo_store(store, tmp_path):
    """Three customers given the same wrong answer (its figure aside), one given another."""
    b = Bundle()
    b.turn("s1", "Where is my refund? My flight was cancelled.", WRONG, trace_id="judged")
    b.turn("s2", "When do I get my money back for the cancelled flight?", WRONG.replace("90", "60"),
           trace_id="same_answer")
    b.turn("s3", "how long does a refund take", WRONG, trace_id="same_again")
    b.turn("s4", "Where is my refund?", "Refunds reach your card within 7 business days.", trace_id="other_answer")
    b.turn("s5", "Is my refund approved?", "Done.", trace_id="short")
    b.turn("s6", "And the baggage fee?", "Done.", trace_id="short_again")
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", b.records)])
    return store


def test_a_failure_judged_once_flags_the_traces_that_give_the_same_answer(store, tmp_path) -> None:
    _echo_store(store, tmp_path)
    assert _entry(store, "same_answer") == (0, [])
    with store.write() as conn:
        reviews.save_review(conn, _pk(conn, "judged"), "ann", reviews.ReviewInput(verdict="failure"))
        reviews.save_review(conn, _pk(conn, "short"), "ann", reviews.ReviewInput(verdict="failure"))
    for trace_id in ("same_answer", "same_again"):
        priority, [reason] = _entry(store, trace_id, "like_failure")
        assert priority == reason.confidence == learning.ECHO_CONFIDENCE
        assert re.fullmatch(r"gives the answer judged a failure on judged \(similarity (0\.99|1\.00)\)", reason.detail)
    # Another answer, and an answer too short to tell ("Done.") judged a failure, echo nothing.
    assert _entry(store, "other_answer") == (0, [])
    assert _entry(store, "short_again") == (0, [])
    with store.read() as conn:
        shown = queue.rows_for(conn, queue.ids(conn, queue.QueueFilter()))
    assert {"same_answer", "same_again"} <= {row.trace_id for row in shown}
    with store.read() as conn:
        filtered = queue.rows_for(conn, queue.ids(conn, queue.QueueFilter(kinds=("like_failure",))))
        either = queue.rows_for(conn, queue.ids(conn, queue.QueueFilter(kinds=("rephrase", "like_failure"))))
    assert {row.trace_id for row in filtered} == {"same_answer", "same_again"}
    assert {row.trace_id for row in filtered} <= {row.trace_id for row in either}

    # The verdict changed: the echo goes with it.
    with store.write() as conn:
        reviews.save_review(conn, _pk(conn, "judged"), "ann", reviews.ReviewInput(verdict="ok"))
    assert _entry(store, "same_answer") == (0, [])


def test_forgetting_drops_the_echoes_of_the_verdicts(store, tmp_path) -> None:
    _echo_store(store, tmp_path)
    with store.write() as conn:
        reviews.save_review(conn, _pk(conn, "judged"), "ann", reviews.ReviewInput(verdict="failure"))
    assert _entry(store, "same_again")[0] == learning.ECHO_CONFIDENCE
    with store.write() as conn:
        queue.forget_learning(conn)
    assert _entry(store, "same_again") == (0, [])
    with store.read() as conn:
        assert learning.echoes(conn) == {}


def test_a_failure_of_a_step_not_of_the_answer_echoes_nothing(store, tmp_path) -> None:
    """The answer is right elsewhere when what failed was a tool the reviewer blamed, a run
    that called its tool again and again, a run whose search found nothing (the answer came
    from nowhere there, from the documents elsewhere), or one whose own tool said otherwise."""
    done = "Done: your card ending 4410 is frozen, so no new payments will go through."
    freeze = tool("freeze_card", {"card": "4410"}, {"status": "frozen"})
    unfrozen = tool("freeze_card", {"card": "4410"}, {"status": "active"})
    b = Bundle()
    b.turn("s1", "freeze my card please", done, trace_id="tool_blamed", steps=[freeze, llm()])
    b.turn("s2", "please block my card", done, trace_id="looped", steps=[freeze, freeze, freeze, freeze, llm()])
    b.turn("s3", "can you freeze card 4410", done, trace_id="found_nothing",
           steps=[retrieval("freeze card", []), llm()])
    b.turn("s4", "freeze the card ending 4410", done, trace_id="tool_said_otherwise", steps=[unfrozen, llm()])
    b.turn("s5", "lost my card, freeze it", done, trace_id="fine", steps=[freeze, llm()])
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", b.records)])
    with store.read() as conn:
        strongest = {trace_id: queue.rows_for(conn, [_pk(conn, trace_id)])[0].reasons[0].signal
                     for trace_id in ("looped", "found_nothing", "tool_said_otherwise")}
    assert strongest == {"looped": "loop", "found_nothing": "empty_retrieval", "tool_said_otherwise": "ungrounded"}
    with store.write() as conn:
        reviews.save_review(conn, _pk(conn, "tool_blamed"), "ann",
                            reviews.ReviewInput(verdict="failure", blamed_span_id="tool_blamed.0"))
        for trace_id in strongest:
            reviews.save_review(conn, _pk(conn, trace_id), "ann", reviews.ReviewInput(verdict="failure"))
    assert _entry(store, "fine") == (0, [])
    with store.read() as conn:
        assert learning.echoes(conn) == {}


def test_a_trace_imported_after_the_verdict_echoes_it_too(store, tmp_path) -> None:
    _echo_store(store, tmp_path)
    with store.write() as conn:
        reviews.save_review(conn, _pk(conn, "judged"), "ann", reviews.ReviewInput(verdict="failure"))
    later = Bundle()
    later.turn("s7", "My flight was cancelled, when is my money back?", WRONG.replace("90", "60"), trace_id="later")
    later.turn("s8", "When is my refund due?", "Your refund reaches your card within 7 business days.",
               trace_id="later_right")
    import_paths(store, [write_jsonl(tmp_path / "later.jsonl", later.records)])
    priority, [reason] = _entry(store, "later", "like_failure")
    assert priority == learning.ECHO_CONFIDENCE and "judged" in reason.detail
    assert _entry(store, "later_right") == (0, [])


def test_a_reviewed_trace_has_its_own_verdict_and_echoes_nothing(store, tmp_path) -> None:
    _echo_store(store, tmp_path)
    with store.write() as conn:
        reviews.save_review(conn, _pk(conn, "judged"), "ann", reviews.ReviewInput(verdict="failure"))
        reviews.save_review(conn, _pk(conn, "same_again"), "bob", reviews.ReviewInput(verdict="ok"))
    with store.read() as conn:
        assert {conn.exec_driver_sql("SELECT trace_id FROM trace WHERE id = ?", (pk,)).scalar()
                for pk in learning.echoes(conn)} == {"same_answer"}


def test_an_undone_review_gives_the_trace_its_echo_back(store, tmp_path) -> None:
    """Reviewing an echoing trace sets its echo aside; undoing that review, or deleting it,
    brings the echo back, as if the trace had never been reviewed."""
    _echo_store(store, tmp_path)
    with store.write() as conn:
        reviews.save_review(conn, _pk(conn, "judged"), "ann", reviews.ReviewInput(verdict="failure"))
    assert _entry(store, "same_answer", "like_failure")[0] == learning.ECHO_CONFIDENCE
    with store.write() as conn:
        reviews.save_review(conn, _pk(conn, "same_answer"), "bob", reviews.ReviewInput(verdict="ok"))
    with store.read() as conn:
        assert _pk(conn, "same_answer") not in learning.echoes(conn)
    with store.write() as conn:
        reviews.undo(conn, "bob")
    priority, [reason] = _entry(store, "same_answer", "like_failure")
    assert priority == learning.ECHO_CONFIDENCE and "judged" in reason.detail

    # A trace reviewed before the failure was judged echoes it once its review is deleted.
    with store.write() as conn:
        review = reviews.save_review(conn, _pk(conn, "same_again"), "bob", reviews.ReviewInput(verdict="ok"))
        reviews.save_review(conn, _pk(conn, "judged"), "ann", reviews.ReviewInput(verdict="ok"))
        reviews.save_review(conn, _pk(conn, "judged"), "ann", reviews.ReviewInput(verdict="failure"))
    with store.read() as conn:
        assert _pk(conn, "same_again") not in learning.echoes(conn)
    with store.write() as conn:
        reviews.delete_review(conn, review.uuid, "bob")
    priority, [reason] = _entry(store, "same_again", "like_failure")
    assert priority == learning.ECHO_CONFIDENCE and "judged" in reason.detail


def test_a_damaged_echo_entry_stops_no_save_and_is_searched_again(store, tmp_path) -> None:
    _echo_store(store, tmp_path)
    with store.write() as conn:
        conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES ('learned_echoes', '{not json')")
        reviews.save_review(conn, _pk(conn, "other_answer"), "ann", reviews.ReviewInput(verdict="ok"))
        reviews.save_review(conn, _pk(conn, "judged"), "ann", reviews.ReviewInput(verdict="failure"))
    assert _entry(store, "same_again", "like_failure")[0] == learning.ECHO_CONFIDENCE


def test_reviewed_look_alikes_do_not_crowd_out_an_unreviewed_one(store, tmp_path, monkeypatch) -> None:
    """The full-text search hands the embedding a shortlist of candidates: those not yet
    reviewed come first, however many reviewed ones rank above them."""
    monkeypatch.setattr(learning, "ECHO_CANDIDATES", 3)
    b = Bundle()
    b.turn("s0", "refund?", WRONG, trace_id="judged")
    for i in range(3):
        b.turn(f"s{i + 1}", "refund?", WRONG, trace_id=f"seen{i}")
    b.turn("s9", "My flight was cancelled last week and I would like to know when the refund arrives", WRONG,
           trace_id="unreviewed")
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", b.records)])
    with store.write() as conn:
        for i in range(3):
            reviews.save_review(conn, _pk(conn, f"seen{i}"), "bob", reviews.ReviewInput(verdict="ok"))
        reviews.save_review(conn, _pk(conn, "judged"), "ann", reviews.ReviewInput(verdict="failure"))
    with store.read() as conn:
        assert set(learning.echoes(conn)) == {_pk(conn, "unreviewed")}


def test_a_canned_failure_judged_many_times_notes_a_few_of_them_a_trace(store, tmp_path) -> None:
    b = Bundle()
    for i in range(8):
        b.turn(f"s{i}", f"Where is my refund for booking {i}?", WRONG, trace_id=f"judged{i}")
    b.turn("s9", "Where is my refund?", WRONG, trace_id="unreviewed")
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", b.records)])
    with store.write() as conn:
        for i in range(8):
            reviews.save_review(conn, _pk(conn, f"judged{i}"), "ann", reviews.ReviewInput(verdict="failure"))
    with store.read() as conn:
        stored = json.loads(conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'learned_echoes'").scalar())
        [echo] = learning.echoes(conn).values()
    assert len(stored["sources"]) == 8
    # Each trace notes its closest few (the reviewed ones too, shown only if their review goes).
    assert {len(sources) for sources in stored["echoes"].values()} == {learning.ECHO_SOURCES_KEPT}
    assert echo.trace_pk == _pk_of(store, "unreviewed")
    # Each verdict after the first confirms an echo of a failure judged before it; the first
    # echoed nothing when it was judged.
    with store.read() as conn:
        counted = learning.count_verdicts(conn)["like_failure"]
    assert (counted.confirmed, counted.reviewed) == (7, 7)


def _pk_of(store, trace_id: str) -> int:
    with store.read() as conn:
        return _pk(conn, trace_id)


def test_an_answer_in_french_with_accents_echoes_too(store, tmp_path) -> None:
    answer = "Votre remboursement a été effectué immédiatement, et les frais de réservation sont annulés."
    b = Bundle()
    b.turn("s1", "Où est mon remboursement ?", answer, trace_id="jugee")
    b.turn("s2", "Mon remboursement est-il fait ?", answer, trace_id="pareille")
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", b.records)])
    with store.write() as conn:
        reviews.save_review(conn, _pk(conn, "jugee"), "ann", reviews.ReviewInput(verdict="failure"))
    priority, [reason] = _entry(store, "pareille", "like_failure")
    assert priority == learning.ECHO_CONFIDENCE and "jugee" in reason.detail


_WORDS = """
    refund parcel invoice voucher weeks branch courier warehouse address passport receipt battery charger screen
    laptop printer ticket luggage boarding seat window aisle meal allergy dose tablet pharmacy insurance premium
    deductible claim account balance transfer overdraft statement card limit interest mortgage savings pension
    salary payroll contract tenant landlord deposit meter
""".split()  # noqa: SIM905 (a word list reads best as words)


def reviewed_elsewhere(tmp_path, failures: int) -> tuple:
    """Two databases of the same runs: ours, not reviewed, and a colleague's, where
    ``failures`` runs, each with an answer of its own, were judged failures. The last one's
    answer was also given on a run nobody reviewed ("echo"); two more unreviewed runs give
    one wrong answer ("mine", "like_mine")."""
    import random

    from tracedesk.core.database import open_store
    from tracedesk.core.traces import find_trace

    b = Bundle()
    answers = [" ".join(random.Random(i).sample(_WORDS, 9)).capitalize() + "." for i in range(failures)]
    b.turn("s_echo", "what happens to my claim now", answers[-1], trace_id="echo")
    b.turn("t1", "Where is my refund? My flight was cancelled.", WRONG, trace_id="mine")
    b.turn("t2", "how long does a refund take", WRONG, trace_id="like_mine")
    for i, answer in enumerate(answers):
        b.turn(f"s{i}", f"question number {i} about my case", answer, trace_id=f"judged{i}")
    bundle = write_jsonl(tmp_path / "b.jsonl", b.records)
    ours, theirs = tmp_path / "main.sqlite", tmp_path / "theirs.sqlite"
    for path in (ours, theirs):
        with open_store(path) as store:
            import_paths(store, [bundle])
    with open_store(theirs) as store, store.write() as conn:
        for i in range(failures):
            reviews.save_review(conn, find_trace(conn, f"judged{i}").pk, "bob", reviews.ReviewInput(verdict="failure"))
    return ours, theirs


def merged_backlog(tmp_path, failures: int):
    """Our database (open) after the colleague's verdicts were merged in
    (:func:`reviewed_elsewhere`)."""
    from tracedesk.core.database import open_store
    from tracedesk.core.merge import merge_databases

    ours, theirs = reviewed_elsewhere(tmp_path, failures)
    store = open_store(ours)
    merge_databases(store, [theirs], author="lead")
    return store


def test_failures_merged_in_are_searched_in_batches_not_all_in_one_write(tmp_path) -> None:
    """A merge searches a batch of the failures it brings; the rest wait for
    queue.catch_up_echoes, a few a write, and only then do their echoes show."""
    with merged_backlog(tmp_path, learning.ECHO_SEARCHES_AT_ONCE + 3) as store:
        with store.read() as conn:
            assert learning.echo_backlog(conn) == 3
        assert _entry(store, "echo") == (0, [])
        with store.write() as conn:
            assert queue.catch_up_echoes(conn, 2)[1] == 1
        with store.write() as conn:
            echoed, left = queue.catch_up_echoes(conn, 2)
            assert left == 0 and echoed == {_pk(conn, "echo")}
        priority, [reason] = _entry(store, "echo", "like_failure")
        assert priority > 0 and f"judged{learning.ECHO_SEARCHES_AT_ONCE + 2}" in reason.detail


def test_a_save_searches_the_failure_it_records_and_leaves_the_backlog(tmp_path) -> None:
    with merged_backlog(tmp_path, learning.ECHO_SEARCHES_AT_ONCE + 3) as store:
        with store.write() as conn:
            reviews.save_review(conn, _pk(conn, "mine"), "ann", reviews.ReviewInput(verdict="failure"))
        assert _entry(store, "like_mine", "like_failure")[1]
        with store.write() as conn:  # a verdict that is no failure searches nothing
            reviews.save_review(conn, _pk(conn, "echo"), "ann", reviews.ReviewInput(verdict="ok"))
        with store.read() as conn:
            assert learning.echo_backlog(conn) == 3


def test_the_backlog_is_searched_a_few_failures_a_write_until_told_to_stop(tmp_path) -> None:
    with merged_backlog(tmp_path, learning.ECHO_SEARCHES_AT_ONCE + 3) as store:
        assert queue.search_echo_backlog(store, searches=1, stop=lambda: True) == set()
        writes = []
        queue.search_echo_backlog(store, searches=1, stop=lambda: len(writes) > 0 or writes.append(1))
        with store.read() as conn:
            assert learning.echo_backlog(conn) == 2  # one write of one search, then it stopped
        assert queue.search_echo_backlog(store, searches=1) == {_find(store, "echo")}
        with store.read() as conn:
            assert learning.echo_backlog(conn) == 0


def _find(store, trace_id: str) -> int:
    with store.read() as conn:
        return _pk(conn, trace_id)


def _a_failure_and_its_echoes(store, tmp_path, echoes: int) -> None:
    """A trace judged a failure ("judged") and ``echoes`` traces that give its answer
    ("echo0"...), not reviewed yet."""
    b = Bundle()
    b.turn("s0", "Where is my refund? My flight was cancelled.", WRONG, trace_id="judged")
    for i in range(echoes):
        b.turn(f"s{i + 1}", f"When is the refund for booking {i} due?", WRONG, trace_id=f"echo{i}")
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", b.records)])
    with store.write() as conn:
        reviews.save_review(conn, _pk(conn, "judged"), "ann", reviews.ReviewInput(verdict="failure"))


def test_echoes_the_reviewers_judge_ok_teach_the_queue_to_trust_the_others_less(store, tmp_path) -> None:
    """An answer judged a failure on one trace may be right on others (a request for more
    detail is right after a vague question): the verdicts on traces that echoed it count
    for ``like_failure`` as they count for any signal, and move the echoes not reviewed yet."""
    _a_failure_and_its_echoes(store, tmp_path, 8)
    before, [reason] = _entry(store, "echo7", "like_failure")
    assert before == reason.confidence == learning.ECHO_CONFIDENCE and reason.learned_precision is None
    with store.write() as conn:
        for i in range(6):
            reviews.save_review(conn, _pk(conn, f"echo{i}"), "bob", reviews.ReviewInput(verdict="ok"))
        counted = learning.count_verdicts(conn)["like_failure"]
    assert (counted.confirmed, counted.reviewed) == (0, 6)
    after, [reason] = _entry(store, "echo7", "like_failure")
    assert reason.learned_from == "confirmed 0 of 6 times here"
    assert reason.learned_precision is not None and reason.learned_precision < reason.confidence
    assert after == reason.counted and after < before - 0.1
    # What was learned is kept when a second reviewer agrees with the first failure later,
    # or when a note is added to an echo's review: the order is that of the first verdicts.
    with store.write() as conn:
        reviews.save_review(conn, _pk(conn, "judged"), "carol", reviews.ReviewInput(verdict="failure"))
        reviews.save_review(conn, _pk(conn, "echo0"), "bob", reviews.ReviewInput(verdict="ok", notes="checked again"))
        again = learning.count_verdicts(conn)["like_failure"]
    assert (again.confirmed, again.reviewed) == (0, 6)
    # The trace's panel says so too.
    with store.read() as conn:
        [signal] = [s for s in views.trace_signals(conn, _pk(conn, "echo7")) if s.kind == "like_failure"]
    assert signal.learned == "confirmed 0 of 6 times here: trusted at 47% (the table expected 75%)"


def test_verdicts_that_agree_with_the_table_leave_a_kinds_weaker_flags_where_they_were(store, tmp_path) -> None:
    """Reviewers settle the head of the queue first: a kind's surest flags. Confirmed as
    often as the table expects of those very flags, they teach nothing of the kind's weaker
    ones: a complaint in the user's first message (0.2) stays where it was, and is not lifted
    by verdicts on complaints about an answer (0.8)."""
    b = Bundle()
    for i in range(10):
        b.turn(f"s{i}", f"How do I return the kettle from order {i}?", "Our store hours are 9 to 5.",
               trace_id=f"missed{i}")
        b.turn(f"s{i}", "That's not what I asked.", "Returns are free within 30 days.", trace_id=f"then{i}")
    b.turn("f", "This is ridiculous, my card was declined again. why?", "Your bank declined the payment.",
           trace_id="first")
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", b.records)])
    before, [reason] = _entry(store, "first", "frustration")
    assert reason.confidence == 0.2
    assert {r.confidence for i in range(10) for r in _entry(store, f"missed{i}", "frustration")[1]} == {0.8}
    with store.write() as conn:
        for i in range(10):
            reviews.save_review(conn, _pk(conn, f"missed{i}"), "ann",
                                reviews.ReviewInput(verdict="failure" if i < 8 else "ok"))
    after, [reason] = _entry(store, "first", "frustration")
    assert reason.learned_from == "confirmed 8 of 10 times here"
    assert after == pytest.approx(before, abs=0.005)


def test_judging_ok_the_last_echo_of_a_failure_saves(store, tmp_path) -> None:
    """Once every trace that echoed a failure is reviewed, the kind's precision may move
    with no echo left to rank again: the review is saved all the same."""
    _a_failure_and_its_echoes(store, tmp_path, 3)
    for i in range(3):
        with store.write() as conn:
            reviews.save_review(conn, _pk(conn, f"echo{i}"), "bob", reviews.ReviewInput(verdict="ok"))
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM review WHERE verdict = 'ok'").scalar() == 3
        assert learning.echoes(conn) == {}
        counted = learning.count_verdicts(conn)["like_failure"]
    assert (counted.confirmed, counted.reviewed) == (0, 3)


def test_the_queue_ranks_again_when_what_a_signal_counts_moves_even_if_the_precision_does_not() -> None:
    """A signal counts as much more or less as its kind's precision lies from what the table
    expected of the flags reviewed. Verdicts that move both alike leave the precision where
    it was and change what every signal of the kind counts: the queue must follow."""
    before = learning.Learned("rephrase", 0.9, 5, 10)  # sure flags reviewed, half confirmed
    after = learning.Learned("rephrase", 0.7, 14, 20)  # weaker flags since, most confirmed
    assert round(before.precision, 3) == round(after.precision, 3) == 0.7
    assert learning.calibrated(0.7, before) < 0.45 and learning.calibrated(0.7, after) == 0.7
    assert learning.moved({"rephrase": before}, {"rephrase": after}) == {"rephrase"}
    assert learning.moved({"rephrase": after}, {"rephrase": after}) == set()


def test_damaged_learning_figures_in_meta_are_set_aside_not_a_crash(store, tmp_path) -> None:
    """A kind this version does not know, impossible counts or a time that is no number, as
    a damaged file or a newer Tracedesk may leave in ``meta``: the verdicts are counted
    again from the reviews, and a review saves."""
    _flagged_store(store, tmp_path)
    with store.write() as conn:
        conn.exec_driver_sql(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('learned_precision_applied', ?), "
            "('learned_precision', ?), ('learning_since_ns', 'yesterday')",
            ('{"not_a_kind": {"prior": 0.5, "confirmed": 1, "reviewed": 2}, '
             '"rephrase": {"prior": 0.7, "confirmed": 0, "reviewed": -10}}',
             '{"rephrase": {"prior": 1.5, "confirmed": 9, "reviewed": 3}}'))
    with store.write() as conn:
        reviews.save_review(conn, _pk(conn, "rephrase0"), "ann", reviews.ReviewInput(verdict="ok"))
    _, [reason] = _entry(store, "rephrase15", "rephrase")
    assert reason.learned_from == "confirmed 0 of 1 time here"
