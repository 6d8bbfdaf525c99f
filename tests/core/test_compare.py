"""Two runs side by side: aligned steps, gaps, the first divergence, word diffs, and the
runs proposed for comparison."""

from __future__ import annotations

import random

import pytest

from tracedesk.core import candidates, compare
from tracedesk.core.compare import CHANGED, ONLY_A, ONLY_B, SAME, align_steps, word_diff
from tracedesk.core.ingest import import_paths
from tracedesk.core.traces import find_trace
from tracedesk.core.views import SpanNode

from ..conftest import write_jsonl
from ..gen.support_bot import write_bundle
from .sessions import Bundle, llm, retrieval, tool

DOCS = [{"id": "kb-1", "content": "Parcels arrive in 3 to 5 days.", "score": 0.8}]


def answer(text: str, **fields) -> dict:
    step = llm(name="answer", **fields)
    step["output"] = {"messages": [{"role": "assistant", "content": text}]}
    return step


def imported(store, tmp_path, bundle: Bundle):
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", bundle.records)])
    return store


def comparison(store, a: str, b: str) -> compare.Comparison:
    with store.read() as conn:
        return compare.compare_traces(conn, find_trace(conn, a).pk, find_trace(conn, b).pk)


def ids(result: compare.Comparison) -> list[tuple[str | None, str | None, str]]:
    return [(p.a.span_id if p.a else None, p.b.span_id if p.b else None, p.change) for p in result.pairs]


def test_a_step_one_run_skipped_shows_as_a_gap_and_marks_the_divergence(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "Where is order 12?", "It ships on Monday.", trace_id="full",
           steps=[retrieval("order 12", DOCS), tool("track_order", {"order": 12}, {"eta": "Monday"}),
                  answer("Order 12 ships on Monday.")])
    b.turn("s2", "Where is order 34?", "It ships soon.", trace_id="lazy",
           steps=[retrieval("order 34", DOCS), answer("Order 34 ships on Monday.")])
    result = comparison(imported(store, tmp_path, b), "full", "lazy")
    assert ids(result) == [("full.root", "lazy.root", SAME), ("full.0", "lazy.0", SAME),
                           ("full.1", None, ONLY_A), ("full.2", "lazy.1", SAME)]
    assert result.first_divergence == 2
    assert result.pairs[2].as_dict() == {"a": "full.1", "b": None, "same": False, "change": ONLY_A,
                                         "kind": "tool", "differs": []}
    reverse = comparison(store, "lazy", "full")
    assert [p.change for p in reverse.pairs] == [SAME, SAME, ONLY_B, SAME] and reverse.first_divergence == 2


def test_a_retried_tool_is_aligned_with_the_single_call_and_the_failed_try_is_the_gap(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "Refund order 7", "Done.", trace_id="retried",
           steps=[tool("refund", {"order": 7}, error="timeout"), tool("refund", {"order": 7}, {"ok": True}),
                  answer("Your refund for order 7 is on its way.")])
    b.turn("s2", "Refund order 9", "Done.", trace_id="once",
           steps=[tool("refund", {"order": 9}, {"ok": True}), answer("Your refund for order 9 is on its way.")])
    result = comparison(imported(store, tmp_path, b), "retried", "once")
    assert ids(result) == [("retried.root", "once.root", SAME), ("retried.0", None, ONLY_A),
                           ("retried.1", "once.0", SAME), ("retried.2", "once.1", SAME)]
    assert result.first_divergence == 1


def test_a_call_that_failed_in_one_run_is_aligned_with_its_success_as_changed(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "Cancel order 5", "Cancelled!", trace_id="failed",
           steps=[tool("cancel_order", {"order": 5}, error="503"), answer("Your order is cancelled.")])
    b.turn("s2", "Cancel order 6", "Cancelled!", trace_id="worked",
           steps=[tool("cancel_order", {"order": 6}, {"cancelled": True}), answer("Your order is cancelled.")])
    b.turn("s3", "Cancel order 8", "Cancelled!", trace_id="other_tool",
           steps=[tool("void_order", {"order": 8}, {"cancelled": True}), answer("Your order is cancelled.")])
    result = comparison(imported(store, tmp_path, b), "failed", "worked")
    assert [(p.change, p.differs) for p in result.pairs] == [(SAME, ()), (CHANGED, ("status",)), (SAME, ())]
    assert result.first_divergence == 1
    renamed = comparison(store, "worked", "other_tool")
    assert [(p.change, p.differs) for p in renamed.pairs][1] == (CHANGED, ("name",))


def test_the_same_steps_with_another_answer_diverge_at_the_answer_but_numbers_do_not_count(store, tmp_path) -> None:
    b = Bundle()
    steps = lambda order, text: [retrieval(f"order {order}", DOCS), answer(text)]  # noqa: E731
    b.turn("s1", "Where is order 12?", "-", trace_id="good", steps=steps(12, "Order 12 arrives on Monday."))
    b.turn("s2", "Where is order 34?", "-", trace_id="alike", steps=steps(34, "Order 34 arrives on Monday."))
    b.turn("s3", "Where is order 56?", "-", trace_id="miss",
           steps=steps(56, "Our standard shipping takes 3 to 5 business days."))
    imported(store, tmp_path, b)
    assert comparison(store, "good", "alike").first_divergence is None
    result = comparison(store, "good", "miss")
    assert result.first_divergence == 2
    assert (result.pairs[2].change, result.pairs[2].differs) == (CHANGED, ("output",))
    assert result.pairs[0].same  # the agent around them: its output is its steps' work, not compared
    with store.read() as conn:
        diff = compare.pair_diff(conn, result.pairs[2])
    assert [(s.op, s.text) for s in diff] == [("delete", "Order 12 arrives on Monday"),
                                              ("insert", "Our standard shipping takes 3 to 5 business days"),
                                              ("equal", ".")]


def test_outputs_are_the_same_when_they_say_the_same() -> None:
    assert compare.same_output('{"order": 12, "eta": "Monday"}', '{"order": 345, "eta": "Monday"}')
    assert compare.same_output(None, None)
    assert compare.same_output('"Your parcel arrives on Monday, as planned."',
                               '"Your parcel arrives Monday as planned."')
    assert not compare.same_output(None, '{"cancelled": true}')
    assert not compare.same_output('{"cancelled": true}', '{"cancelled": false}')
    assert not compare.same_output('{"documents": []}', '{"documents": [{"content": "Parcels arrive in 3 days."}]}')
    assert not compare.same_output('"It arrives on Monday."', '"Our shipping takes 3 to 5 business days."')


def test_word_diff_gives_back_both_texts_and_groups_a_changed_phrase() -> None:
    a, b = "Your order 123 has shipped today.", "Your parcel 123 was lost today, sorry."
    diff = word_diff(a, b)
    assert "".join(s.text for s in diff if s.op != "insert") == a
    assert "".join(s.text for s in diff if s.op != "delete") == b
    assert [(s.op, s.text) for s in diff] == [
        ("equal", "Your "), ("delete", "order"), ("insert", "parcel"), ("equal", " 123 "),
        ("delete", "has shipped"), ("insert", "was lost"), ("equal", " today"), ("insert", ", sorry"),
        ("equal", ".")]
    assert word_diff("same words", "same words") == [compare.DiffSegment("equal", "same words")]
    assert word_diff("", "new") == [compare.DiffSegment("insert", "new")]
    assert word_diff("error: 503 Service Unavailable", '{"ok": true}') == [
        compare.DiffSegment("delete", "error: 503 Service Unavailable"), compare.DiffSegment("insert", '{"ok": true}')]


def node(pk: int, kind: str, name: str, status: str = "ok", depth: int = 1) -> SpanNode:
    return SpanNode(pk, f"s{pk}", None, name, kind, None, None, status, None, None, None, depth)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_step_appears_once_in_order_and_matches_are_of_one_kind(seed) -> None:
    rng = random.Random(seed)
    kinds = [("llm", "plan"), ("llm", "answer"), ("tool", "lookup"), ("tool", "refund"), ("retrieval", "search")]

    def run(n: int, offset: int) -> list[SpanNode]:
        return [node(offset + i, *rng.choice(kinds), status=rng.choice(["ok", "ok", "error"])) for i in range(n)]

    a, b = run(60, 0), run(50, 10_000)
    pairs = align_steps(a, b)
    assert [p.a for p in pairs if p.a] == a and [p.b for p in pairs if p.b] == b
    assert all(p.a.kind == p.b.kind for p in pairs if p.a and p.b)
    # As many steps as can be are paired with their exact likeness (a longest common subsequence).
    exact = lambda s: (s.kind, s.name, s.status)  # noqa: E731
    best = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            best[i + 1][j + 1] = best[i][j] + 1 if exact(x) == exact(y) else max(best[i][j + 1], best[i + 1][j])
    assert sum(p.same for p in pairs) == best[len(a)][len(b)]
    assert all(exact(p.a) == exact(p.b) for p in pairs if p.same)
    assert align_steps(a, a) == [compare.AlignedPair(x, x, SAME) for x in a]
    assert [p.change for p in align_steps(a[:3], [])] == [ONLY_A] * 3


# Which run to compare with -----------------------------------------------------------------

def candidate_bundle() -> Bundle:
    b = Bundle()
    v12 = {"metadata": {"prompt_version": "v12", "model": "m1"}}
    b.turn("s1", "Hi, I need help with an order", "Sure, which one?", trace_id="before", **v12)
    b.turn("s1", "Where is my parcel 101? It was due on Monday.", "Our shipping takes 3 days.", trace_id="failing",
           **v12)
    b.feedback("failing", "thumbs", -1)
    b.turn("s1", "That is not what I asked", "Sorry! It arrives tomorrow.", trace_id="after", **v12)
    b.turn("s2", "Where is my parcel 202? It was due on Monday.", "Our shipping takes 3 days.",
           trace_id="also_failing", **v12)
    b.feedback("also_failing", "thumbs", -1)
    b.turn("s3", "Where is my parcel 303? It was due on Monday.", "It arrives tomorrow.", trace_id="good", **v12)
    b.turn("s4", "Where is my parcel 404? It was due on Tuesday.", "It arrives today.", trace_id="new_prompt",
           metadata={"prompt_version": "v13", "model": "m1"})
    b.turn("s5", "How do I reset my password?", "Use the Forgot password link.", trace_id="unrelated", **v12)
    return b


def test_a_good_run_on_the_same_question_is_proposed_first(store, tmp_path) -> None:
    imported(store, tmp_path, candidate_bundle())
    with store.read() as conn:
        found = candidates.comparison_candidates(conn, find_trace(conn, "failing").pk)
    assert found[0].trace_id == "good" and not found[0].failed
    assert found[0].reasons[0].kind == "similar_ok" and found[0].similarity > 0.9
    reasons = {c.trace_id: [r.kind for r in c.reasons] for c in found}
    assert reasons["new_prompt"] == ["other_prompt_version"]
    assert "v13" in next(c for c in found if c.trace_id == "new_prompt").reasons[0].detail
    assert reasons["before"] == ["previous_turn"] and reasons["after"] == ["next_turn"]
    assert "also_failing" not in reasons and "unrelated" not in reasons and "failing" not in reasons
    assert found[0].as_dict()["reasons"][0]["kind"] == "similar_ok"


def test_a_reviewers_ok_counts_as_a_run_that_did_not_fail(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "Can I return the Summit tent?", "No.", trace_id="failing")
    b.feedback("failing", "thumbs", -1)
    b.turn("s2", "Can I return the Summit tent please?", "Yes, within 30 days.", trace_id="rated_down")
    b.feedback("rated_down", "thumbs", -1)
    imported(store, tmp_path, b)
    with store.read() as conn:
        assert candidates.comparison_candidates(conn, find_trace(conn, "failing").pk) == []
    with store.write() as conn:
        conn.exec_driver_sql(
            "INSERT INTO review (uuid, trace_pk, reviewer, verdict, missing_step, created_ns, updated_ns) "
            "VALUES ('r1', ?, 'ana', 'ok', 0, 1, 1)", (find_trace(conn, "rated_down").pk,))
    with store.read() as conn:
        [found] = candidates.comparison_candidates(conn, find_trace(conn, "failing").pk)
    assert found.trace_id == "rated_down" and not found.failed


def test_on_generated_runs_a_swallowed_error_is_compared_with_a_run_that_went_right(store, tmp_path) -> None:
    labels = write_bundle(tmp_path / "bot.jsonl", 300, seed=5)
    import_paths(store, [tmp_path / "bot.jsonl"])
    swallowed = sorted(t for t, kind in labels.failures.items() if kind == "error_swallowed")
    assert swallowed
    for trace_id in swallowed[:5]:
        with store.read() as conn:
            pk = find_trace(conn, trace_id).pk
            best = candidates.comparison_candidates(conn, pk)[0]
            assert not best.failed and best.trace_id not in labels.failures
            result = compare.compare_traces(conn, pk, best.trace_pk)
        diverging = result.pairs[result.first_divergence]
        assert diverging.kind == "tool" and diverging.a is not None and diverging.a.failed


def test_a_trace_of_another_database_is_compared_through_its_own_connection(tmp_path) -> None:
    from tracedesk.core.database import open_store

    stores = []
    for name, steps in (("a", [tool("track_order", {"order": 1}, error="timeout"), answer("I cannot tell.")]),
                        ("b", [tool("track_order", {"order": 2}, {"eta": "Monday"}), answer("It comes Monday.")])):
        b = Bundle()
        b.turn("s1", "Where is my order?", "…", trace_id="t1", steps=steps)
        store = open_store(tmp_path / f"{name}.sqlite")
        import_paths(store, [write_jsonl(tmp_path / f"{name}.jsonl", b.records)])
        stores.append(store)
    with stores[0].read() as conn_a, stores[1].read() as conn_b:
        pk_a, pk_b = find_trace(conn_a, "t1").pk, find_trace(conn_b, "t1").pk
        assert pk_a == pk_b  # the same key in both files: each must be read from its own
        result = compare.compare_traces(conn_a, pk_a, pk_b, conn_b=conn_b)
        assert [p.change for p in result.pairs] == [SAME, CHANGED, CHANGED] and result.first_divergence == 1
        diff = compare.pair_diff(conn_a, result.pairs[2], conn_b)
        assert ("delete", "I cannot tell") in [(s.op, s.text) for s in diff]
        assert compare.compare_traces(conn_a, pk_a, pk_a).first_divergence is None
    for store in stores:
        store.close()


def test_the_text_of_a_retrieval_reads_its_documents_under_any_of_their_names(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "Where is order 12?", "Monday.", trace_id="t1", steps=[
        retrieval("order 12", [{"content": "Parcels arrive in 3 days."}]),
        {"kind": "retrieval", "name": "search_web", "input": {"query": "order 12"},
         "output": {"results": [{"content": "Tracking is online."}, "Delays in winter."]}},
    ])
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", b.records)])
    with store.read() as conn:
        pks = dict(conn.exec_driver_sql("SELECT span_id, id FROM span WHERE kind = 'retrieval'").all())
        assert compare.step_text(conn, pks["t1.0"]) == "Parcels arrive in 3 days."
        assert compare.step_text(conn, pks["t1.1"]) == "Tracking is online.\nDelays in winter."


def test_a_run_on_another_question_is_not_called_the_same_question(store, tmp_path) -> None:
    """Sharing most topic words makes a question similar, not the same: a run under another
    prompt version on "Can I still cancel order 30291?" is a similar question to "I want to
    cancel my order 10642 for the Glacier gloves."; the same words with another order
    number are the same question."""
    b = Bundle()
    b.turn("s1", "I want to cancel my order 10642 for the Glacier gloves.", "No.", trace_id="failing",
           metadata={"prompt_version": "support-v12"})
    b.feedback("failing", "thumbs", -1)
    b.turn("s2", "Can I still cancel order 30291 for the Glacier gloves?", "Yes.", trace_id="other",
           metadata={"prompt_version": "support-v13"})
    b.turn("s3", "I want to cancel my order 555 for the Summit tent.", "No.", trace_id="tent",
           metadata={"prompt_version": "support-v12", "model": "m1"})
    b.turn("s4", "I want to CANCEL my order 777 for the Summit tent!", "Yes.", trace_id="tent_m2",
           metadata={"prompt_version": "support-v12", "model": "m2"})
    imported(store, tmp_path, b)
    with store.read() as conn:
        found = {c.trace_id: c for c in candidates.comparison_candidates(conn, find_trace(conn, "failing").pk)}
        tent = {c.trace_id: c for c in candidates.comparison_candidates(conn, find_trace(conn, "tent").pk)}
    other = next(r.detail for r in found["other"].reasons if r.kind == "other_prompt_version")
    assert other.startswith(f"a similar question ({found['other'].similarity:.0%}) under prompt version "
                            "support-v13 (yours: support-v12)")
    assert "the same question" not in other
    same = next(r.detail for r in tent["tent_m2"].reasons if r.kind == "other_model")
    assert same.startswith("the same question under model m2 (yours: m1)")
    assert candidates.same_question("Where is order 12?", "where is ORDER 4411")
    assert not candidates.same_question("Can I still cancel order 30291?", "I want to cancel my order 10642.")
