"""Insights on a handful of traces whose figures are counted by hand, and the statistics
against textbook values."""

from __future__ import annotations

import csv
import json

import pytest

from tracedesk.cli import main
from tracedesk.core import insights, queue
from tracedesk.core.causes import default_cause_uuid
from tracedesk.core.ingest import import_paths
from tracedesk.core.insights import Cohort, Rate
from tracedesk.core.reviews import ReviewInput, save_review
from tracedesk.core.stats import compare_rates, fisher_exact, wilson, z_test
from tracedesk.core.traces import find_trace

from ..conftest import write_jsonl
from .sessions import Bundle, llm, retrieval, tool

DAY = 86_400


@pytest.fixture
def shop(store, tmp_path):
    """Seven traces, one session each. By hand:

    trace  version  model  tags            day    signals          review
    t1     v12      m1     refunds         20th   error_swallowed  failure, tool error, blames the tool step
    t2     v12      m1     refunds         20th   thumbs_down      failure, hallucination, blames the agent step
    t3     v12      m2     shipping        20th   -                ok
    t4     v13      m1     refunds         21st   -                failure, no cause, a missing step
    t5     v13      m2     -               21st   escalation       -
    t6     v13      -      shipping        21st   thumbs_down      unsure (decides nothing)
    t7     v13      m2     refunds, web    21st   empty_retrieval  -

    t2 and t6 ask the same question ("Where is my parcel N?"); t1 and t2 cost $0.002 and $0.004.
    """
    b = Bundle("shop")

    def meta(version, model=None):
        return {"metadata": {"prompt_version": version, **({"model": model} if model else {})}}

    b.turn("s1", "Refund order 88 please", "Done! I've processed your refund.", trace_id="t1",
           steps=[tool("refund_order", {"order": 88}, error="gateway timeout"), {**llm(), "cost_usd": 0.002}],
           tags=["refunds"], **meta("v12", "m1"))
    b.turn("s2", "Where is my parcel 12?", "It was delivered yesterday.", trace_id="t2",
           steps=[{**llm(), "cost_usd": 0.004}], tags=["refunds"], **meta("v12", "m1"))
    b.feedback("t2", "thumbs", -1)
    b.turn("s3", "How long does shipping to Norway take?", "Three to five working days.", trace_id="t3",
           tags=["shipping"], **meta("v12", "m2"))
    b.clock = DAY
    b.turn("s4", "Can I return worn boots?", "Yes, within 30 days.", trace_id="t4", tags=["refunds"],
           **meta("v13", "m1"))
    b.turn("s5", "My order never came", "Let me check that for you.", trace_id="t5", **meta("v13", "m2"))
    b.feedback("t5", "escalation", True)
    b.turn("s6", "Where is my parcel 13?", "It is on its way.", trace_id="t6", tags=["shipping"], **meta("v13"))
    b.feedback("t6", "thumbs", -1)
    b.turn("s7", "Do you sell titanium tent pegs?", "Yes, our titanium pegs cost 4 euros each.", trace_id="t7",
           steps=[retrieval("titanium tent pegs", [])], tags=["refunds", "web"], **meta("v13", "m2"))
    import_paths(store, [write_jsonl(tmp_path / "shop.jsonl", b.records)])
    with store.write() as conn:
        pk = {t: find_trace(conn, t).pk for t in ("t1", "t2", "t3", "t4", "t5", "t6", "t7")}
        save_review(conn, pk["t1"], "ann", ReviewInput("failure", cause="tool error", blamed_span_id="t1.0"))
        save_review(conn, pk["t2"], "ann", ReviewInput("failure", cause="hallucination", blamed_span_id="t2.root"))
        save_review(conn, pk["t3"], "ann", ReviewInput("ok"))
        save_review(conn, pk["t4"], "ann", ReviewInput("failure", missing_step=True))
        save_review(conn, pk["t6"], "bob", ReviewInput("unsure"))
    return store


def traces_of(store, f: queue.QueueFilter) -> set[str]:
    with store.read() as conn:
        return {r.trace_id for r in queue.page(conn, f, 0, 100)}


def test_the_planted_signals_are_there(shop) -> None:
    with shop.read() as conn:
        found = set(conn.exec_driver_sql(
            "SELECT t.trace_id, s.kind FROM signal s JOIN trace t ON t.id = s.trace_pk").fetchall())
    assert found == {("t1", "error_swallowed"), ("t2", "thumbs_down"), ("t5", "escalation"), ("t6", "thumbs_down"),
                     ("t7", "empty_retrieval")}


def test_failure_rates_by_prompt_version_show_signals_and_reviewed_failures_apart(shop) -> None:
    with shop.read() as conn:
        rows = {r.value: r for r in insights.failure_rates(conn, "prompt_version")}
    assert list(rows) == ["v13", "v12"]  # the most traces first
    v12, v13 = rows["v12"], rows["v13"]
    assert (v12.traces, v12.signals, v12.failures) == (3, Rate(2, 3), Rate(2, 3))
    assert (v13.traces, v13.signals, v13.failures) == (4, Rate(3, 4), Rate(1, 1))  # t6 is only "unsure"
    assert traces_of(shop, v12.filter) == {"t1", "t2", "t3"}
    assert traces_of(shop, v12.signals_filter) == {"t1", "t2"}
    assert traces_of(shop, v12.failures_filter) == {"t1", "t2"}
    assert traces_of(shop, v13.signals_filter) == {"t5", "t6", "t7"}
    assert traces_of(shop, v13.failures_filter) == {"t4"}
    assert v12.signals.value == pytest.approx(2 / 3)
    assert v12.signals.interval == pytest.approx(wilson(2, 3))


@pytest.mark.parametrize("by, expected", [
    # value: (traces, flagged, reviewed, reviewed failures, the traces its filter lists)
    ("model", {"m1": (3, 2, 3, 3, {"t1", "t2", "t4"}), "m2": (3, 2, 1, 0, {"t3", "t5", "t7"}),
               None: (1, 1, 0, 0, {"t6"})}),
    ("tag", {"refunds": (4, 3, 3, 3, {"t1", "t2", "t4", "t7"}), "shipping": (2, 1, 1, 0, {"t3", "t6"}),
             "web": (1, 1, 0, 0, {"t7"}), None: (1, 1, 0, 0, {"t5"})}),
    ("source", {"shop": (7, 5, 4, 3, {"t1", "t2", "t3", "t4", "t5", "t6", "t7"})}),
    ("day", {"2026-11-20": (3, 2, 3, 2, {"t1", "t2", "t3"}), "2026-11-21": (4, 3, 1, 1, {"t4", "t5", "t6", "t7"})}),
])
def test_failure_rates_by_each_field(shop, by, expected) -> None:
    with shop.read() as conn:
        rows = insights.failure_rates(conn, by)
    got = {r.value: (r.traces, r.signals.count, r.failures.total, r.failures.count, traces_of(shop, r.filter))
           for r in rows}
    assert got == expected
    if by == "day":
        assert [r.value for r in rows] == ["2026-11-20", "2026-11-21"]


def test_a_breakdown_within_a_cohort(shop) -> None:
    with shop.read() as conn:
        rows = insights.failure_rates(conn, "model", Cohort("prompt_version", "v13"))
    assert {r.value: (r.traces, r.signals.count) for r in rows} == {"m1": (1, 0), "m2": (2, 2), None: (1, 1)}
    assert traces_of(shop, next(r for r in rows if r.value == "m2").signals_filter) == {"t5", "t7"}


def test_reviewed_failures_by_cause_and_by_blamed_step(shop) -> None:
    with shop.read() as conn:
        by_cause = insights.causes(conn)
        by_step = insights.blamed_steps(conn)
    assert [(r.cause, r.failures) for r in by_cause] == [
        ("hallucination", Rate(1, 3)), ("tool error", Rate(1, 3)), ("(no cause given)", Rate(1, 3))]
    assert by_cause[1].cause_uuid == default_cause_uuid("tool error")
    assert [traces_of(shop, r.filter) for r in by_cause] == [{"t2"}, {"t1"}, {"t4"}]
    assert [(r.label, r.failures.count) for r in by_step] == [
        ("agent agent", 1), ("tool refund_order", 1), ("(a missing step)", 1)]
    assert [traces_of(shop, r.filter) for r in by_step] == [{"t2"}, {"t1"}, {"t4"}]


def test_escalation_latency_and_cost_per_run(shop) -> None:
    with shop.read() as conn:
        [everything] = insights.runs(conn)
        by_version = {r.value: r for r in insights.runs(conn, "prompt_version")}
    assert everything.traces == 7 and everything.escalations == Rate(1, 7)
    assert everything.mean_latency_ms == pytest.approx(5000)  # every turn of the bundle takes 5 s
    assert everything.mean_cost_usd == pytest.approx(0.003) and everything.total_cost_usd == pytest.approx(0.006)
    assert by_version["v12"].escalations == Rate(0, 3) and by_version["v13"].escalations == Rate(1, 4)
    assert by_version["v13"].mean_cost_usd is None
    assert traces_of(shop, by_version["v13"].escalations_filter) == {"t5"}


def test_the_questions_with_most_signals_and_the_knowledge_gaps(shop) -> None:
    with shop.read() as conn:
        top = insights.questions(conn)
        gaps = insights.questions(conn, "empty_retrieval")
    assert (top[0].traces, top[0].signals) == (2, 2)
    assert top[0].question in ("Where is my parcel 12?", "Where is my parcel 13?")
    assert traces_of(shop, top[0].filter) == {"t2", "t6"}
    assert len(top) == 4  # t1, the parcel, t5, t7
    [gap] = gaps
    assert (gap.question, gap.traces) == ("Do you sell titanium tent pegs?", 1)
    assert traces_of(shop, gap.filter) == {"t7"}


def test_before_and_after_two_versions(shop) -> None:
    with shop.read() as conn:
        result = insights.compare(conn, Cohort("prompt_version", "v12"), Cohort("prompt_version", "v13"))
    assert (result.a_traces, result.b_traces, result.a_reviewed, result.b_reviewed) == (3, 4, 3, 1)
    rows = {(r.measure, r.key): r for r in result.rows}
    signals = rows["overall", "signals"]
    assert (signals.a, signals.b) == (Rate(2, 3), Rate(3, 4))
    # Counts this small take Fisher's exact test: the margins (5 flagged of 7) allow tables
    # of probability 3/21, 12/21 and 6/21; the observed one (12/21) is the likeliest: p = 1.
    assert signals.test == "fisher" and signals.p_value == pytest.approx(1.0)
    assert signals.change == pytest.approx(3 / 4 - 2 / 3)
    thumbs = rows["signal", "thumbs_down"]
    assert (thumbs.a, thumbs.b) == (Rate(1, 3), Rate(1, 4))
    assert traces_of(shop, thumbs.a_filter) == {"t2"} and traces_of(shop, thumbs.b_filter) == {"t6"}
    assert rows["signal", "escalation"].a == Rate(0, 3) and rows["signal", "escalation"].b == Rate(1, 4)
    tool_error = rows["cause", default_cause_uuid("tool error")]
    assert (tool_error.a, tool_error.b) == (Rate(1, 3), Rate(0, 1))
    assert traces_of(shop, tool_error.a_filter) == {"t1"}
    assert rows["cause", ""].b == Rate(1, 1)
    assert ("signal", "loop") not in rows  # no trace of either has it


def test_before_and_after_two_date_ranges(shop) -> None:
    a, b = insights.parse_range("2026-11-20..2026-11-20"), insights.parse_range("2026-11-21..2026-11-21")
    with shop.read() as conn:
        result = insights.compare(conn, a, b)
    rows = {(r.measure, r.key): r for r in result.rows}
    assert (result.a_traces, result.b_traces) == (3, 4)
    assert rows["overall", "failures"].a == Rate(2, 3) and rows["overall", "failures"].b == Rate(1, 1)
    assert traces_of(shop, rows["overall", "failures"].b_filter) == {"t4"}
    assert a.label == "2026-11-20..2026-11-20"


def test_every_table_as_csv(shop, tmp_path) -> None:
    with shop.read() as conn:
        tables = insights.overview(conn)
    paths = insights.write_all_csv(tables, tmp_path / "out")
    names = {p.stem for p in paths}
    assert {"runs", "failures_by_prompt_version", "failures_by_day", "runs_by_tag", "causes", "blamed_steps",
            "questions", "knowledge_gaps"} <= names
    with (tmp_path / "out" / "failures_by_prompt_version.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["value"], r["traces"], r["signals_count"], r["failures_count"], r["failures_total"]) for r in rows] == [
        ("v13", "4", "3", "1", "1"), ("v12", "3", "2", "2", "3")]
    assert float(rows[1]["signals_low"]) == pytest.approx(wilson(2, 3)[0], abs=1e-6)


def test_the_insights_command(shop, db_path, capsys, tmp_path) -> None:
    assert main(["--db", str(db_path), "insights", "--json", "--by", "model"]) == 0
    out = json.loads(capsys.readouterr().out)
    tables = {t["name"]: t for t in out["tables"]}
    assert set(tables) == {"runs", "failures_by_model", "runs_by_model", "causes", "blamed_steps", "questions",
                           "knowledge_gaps"}
    m1 = next(r for r in tables["failures_by_model"]["rows"] if r["value"] == "m1")
    assert m1["traces"] == 3 and m1["signals"]["count"] == 2 and m1["failures"] == {
        "count": 3, "total": 3, "rate": 1.0, "low": pytest.approx(wilson(3, 3)[0], abs=1e-6), "high": 1.0}
    assert m1["failures_filter"] == {"model": "m1", "include_closed": True, "include_quiet": True,
                                     "verdict": "failure"}

    assert main(["insights", "--db", str(db_path), "--compare", "v12", "v13", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["a"]["value"] == "v12" and out["b"]["traces"] == 4
    first = out["rows"][0]
    assert set(first) == {"measure", "key", "label", "a", "b", "change", "test", "p_value", "a_filter", "b_filter"}

    assert main(["insights", "--db", str(db_path), "--compare", "2026-11-20..2026-11-20", "2026-11-21.."]) == 0
    text = capsys.readouterr().out
    assert "A: 2026-11-20..2026-11-20: 3 traces, 3 reviewed" in text and "reviewed failures" in text

    assert main(["insights", "--db", str(db_path), "--csv", str(tmp_path / "csv")]) == 0
    text = capsys.readouterr().out
    assert "Failure rate by prompt version" in text and "Questions where retrieval found nothing" in text
    assert (tmp_path / "csv" / "causes.csv").exists()


@pytest.mark.parametrize("argv, message", [
    (["--by", "colour"], "unknown field 'colour'"),
    (["--compare", "v12", "2026-11-01..2026-11-02"], "two values"),
    (["--compare", "2026-11-09..2026-11-01", "2026-11-01.."], "ends before it starts"),
    (["--compare", "2026-13-01..", "2026-11-01.."], "is not a date"),
])
def test_bad_insights_arguments_are_one_clear_message(shop, db_path, capsys, argv, message) -> None:
    assert main(["insights", "--db", str(db_path), *argv]) == 2
    assert message in capsys.readouterr().err


# The statistics, against textbook values. -----------------------------------------------------


@pytest.mark.parametrize("count, total, low, high", [
    # Newcombe (1998), "Two-sided confidence intervals for the single proportion", table I
    (81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0, 0.1611), (1, 29, 0.0061, 0.1718),
])
def test_wilson_intervals(count, total, low, high) -> None:
    assert wilson(count, total) == pytest.approx((low, high), abs=5e-5)
    assert wilson(0, 0) is None


def test_fishers_exact_test() -> None:
    # The lady tasting tea: 3 of 4 cups right, p = 34/70 two-sided.
    assert fisher_exact(3, 4, 1, 4) == pytest.approx(34 / 70)
    # SciPy's documented examples: [[8, 2], [1, 5]] and [[6, 2], [1, 4]].
    assert fisher_exact(8, 10, 1, 6) == pytest.approx(0.03496503496503495)
    assert fisher_exact(6, 8, 1, 5) == pytest.approx(0.10256410256410256)
    assert fisher_exact(0, 10, 0, 10) == pytest.approx(1.0)


def test_the_two_proportion_z_test() -> None:
    # 40/100 against 60/100: pooled p = 0.5, se = sqrt(0.25 * 0.02) = 0.0707, z = 2*sqrt(2).
    z, p = z_test(40, 100, 60, 100)
    assert z == pytest.approx(2 * 2 ** 0.5)
    assert p == pytest.approx(0.004677735, rel=1e-6)
    assert z_test(50, 100, 50, 100) == (0.0, 1.0)
    # Large counts take the z-test, small ones Fisher's exact test.
    assert compare_rates(40, 100, 60, 100).test == "z"
    assert compare_rates(3, 4, 1, 4).test == "fisher"
    assert compare_rates(3, 4, 1, 4).p_value == pytest.approx(34 / 70)


def test_before_and_after_counts_each_trace_once_per_signal_and_cohorts_may_overlap(shop) -> None:
    with shop.write() as conn:
        pk = find_trace(conn, "t2").pk
        conn.exec_driver_sql("INSERT INTO signal (trace_pk, kind, confidence) VALUES (?, 'thumbs_down', 0.5), "
                             "(?, 'rephrase', 0.5)", (pk, pk))
    with shop.read() as conn:
        result = insights.compare(conn, Cohort("prompt_version", "v12"), insights.parse_range("2026-11-20..2026-11-20"))
    rows = {(r.measure, r.key): r for r in result.rows}
    assert (result.a_traces, result.b_traces) == (3, 3)  # t1, t2 and t3 on both sides
    assert rows["overall", "signals"].a == rows["overall", "signals"].b == Rate(2, 3)
    assert rows["signal", "thumbs_down"].a == rows["signal", "thumbs_down"].b == Rate(1, 3)
    assert rows["signal", "rephrase"].a == Rate(1, 3)
    assert rows["overall", "failures"].a == rows["overall", "failures"].b == Rate(2, 3)


def test_before_and_after_two_tags(shop) -> None:
    with shop.read() as conn:
        result = insights.compare(conn, Cohort("tag", "refunds"), Cohort("tag", "shipping"))
    # refunds: t1, t2, t4, t7 (t7 with "web" too); shipping: t3, t6 (t6 only "unsure").
    assert (result.a_traces, result.b_traces, result.a_reviewed, result.b_reviewed) == (4, 2, 3, 1)
    rows = {(r.measure, r.key): r for r in result.rows}
    assert (rows["overall", "signals"].a, rows["overall", "signals"].b) == (Rate(3, 4), Rate(1, 2))
    assert (rows["overall", "failures"].a, rows["overall", "failures"].b) == (Rate(3, 3), Rate(0, 1))
    assert (rows["signal", "thumbs_down"].a, rows["signal", "thumbs_down"].b) == (Rate(1, 4), Rate(1, 2))
    assert (rows["signal", "empty_retrieval"].a, rows["signal", "empty_retrieval"].b) == (Rate(1, 4), Rate(0, 2))
    assert ("signal", "escalation") not in rows  # t5 has no tags
    assert rows["cause", default_cause_uuid("tool error")].a == Rate(1, 3)
    assert rows["cause", ""].a == Rate(1, 3) and rows["cause", ""].b == Rate(0, 1)
    assert traces_of(shop, rows["signal", "thumbs_down"].a_filter) == {"t2"}
    assert traces_of(shop, rows["signal", "thumbs_down"].b_filter) == {"t6"}


@pytest.mark.parametrize("a, b, expected", [
    # (traces, flagged) of each side
    (Cohort("tag", "web"), Cohort("tag"), ((1, 1), (1, 1))),  # t7 (among other tags) against t5 (no tags)
    (Cohort("tag", "fund"), Cohort("tag", "refunds"), ((0, 0), (4, 3))),  # a tag is matched whole
    (Cohort("tag", "refunds", since_ns=insights.parse_day("2026-11-21")),
     Cohort("tag", "shipping", until_ns=insights.parse_day("2026-11-21")), ((2, 1), (1, 0))),  # t4, t7 against t3
])
def test_before_and_after_tag_cohorts(shop, a, b, expected) -> None:
    with shop.read() as conn:
        result = insights.compare(conn, a, b)
    rows = {(r.measure, r.key): r for r in result.rows}
    signals = rows["overall", "signals"]
    assert ((result.a_traces, signals.a.count), (result.b_traces, signals.b.count)) == expected


def test_tag_cohorts_are_counted_the_same_when_traces_have_many_tag_lists(shop, monkeypatch) -> None:
    pair = Cohort("tag", "refunds"), Cohort("tag", "web")
    with shop.read() as conn:
        resolved = insights.compare(conn, *pair)
        monkeypatch.setattr(insights, "TAG_LISTS_LIMIT", 1)  # each trace's tags then checked one by one
        assert insights._tag_lists(conn, "refunds") is None
        checked = insights.compare(conn, *pair)
    assert resolved == checked and (resolved.a_traces, resolved.b_traces) == (4, 1)


def test_before_and_after_two_sources_and_two_models(shop, tmp_path) -> None:
    lab = Bundle("lab")
    lab.turn("l1", "Where is my parcel 14?", "No idea.", trace_id="l1", metadata={"model": "m1"})
    lab.feedback("l1", "thumbs", -1)
    lab.turn("l2", "What are your opening hours?", "Nine to five, Monday to Friday.", trace_id="l2",
             metadata={"model": "m2"})
    import_paths(shop, [write_jsonl(tmp_path / "lab.jsonl", lab.records)])
    with shop.write() as conn:
        save_review(conn, find_trace(conn, "l1").pk, "ann", ReviewInput("failure", cause="hallucination"))
    with shop.read() as conn:
        sources = insights.compare(conn, Cohort("source", "shop"), Cohort("source", "lab"))
        models = insights.compare(conn, Cohort("model", "m1"), Cohort("model", "m2"))
        nowhere = insights.compare(conn, Cohort("source", "lab"), Cohort("source", "nowhere"))
    rows = {(r.measure, r.key): r for r in sources.rows}
    assert (sources.a_traces, sources.b_traces, sources.a_reviewed, sources.b_reviewed) == (7, 2, 4, 1)
    assert (rows["overall", "signals"].a, rows["overall", "signals"].b) == (Rate(5, 7), Rate(1, 2))
    assert (rows["overall", "failures"].a, rows["overall", "failures"].b) == (Rate(3, 4), Rate(1, 1))
    assert (rows["signal", "thumbs_down"].a, rows["signal", "thumbs_down"].b) == (Rate(2, 7), Rate(1, 2))
    assert (rows["signal", "escalation"].a, rows["signal", "escalation"].b) == (Rate(1, 7), Rate(0, 2))
    hallucination = rows["cause", default_cause_uuid("hallucination")]
    assert (hallucination.a, hallucination.b) == (Rate(1, 4), Rate(1, 1))
    assert traces_of(shop, rows["signal", "thumbs_down"].b_filter) == {"l1"}
    # m1: t1, t2, t4, l1; m2: t3, t5, t7, l2.
    rows = {(r.measure, r.key): r for r in models.rows}
    assert (models.a_traces, models.b_traces, models.a_reviewed, models.b_reviewed) == (4, 4, 4, 1)
    assert (rows["overall", "signals"].a, rows["overall", "signals"].b) == (Rate(3, 4), Rate(2, 4))
    assert (rows["signal", "thumbs_down"].a, rows["signal", "thumbs_down"].b) == (Rate(2, 4), Rate(0, 4))
    assert (nowhere.a_traces, nowhere.b_traces, nowhere.b_reviewed) == (2, 0, 0)
