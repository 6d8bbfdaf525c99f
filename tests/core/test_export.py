"""Eval cases exported from reviews, each format read back the way its consumer reads it."""

from __future__ import annotations

import csv
import json

import pytest
import yaml

from tracedesk.core import reviews
from tracedesk.core.errors import Cancelled
from tracedesk.core.export import EXPORT_FORMATS, ExportFilter, ExportOptions, export_cases
from tracedesk.core.ingest import import_paths
from tracedesk.core.redact import Redactor, luhn_ok
from tracedesk.core.reviews import ReviewInput
from tracedesk.core.store import now_ns
from tracedesk.core.traces import find_trace

from ..conftest import write_jsonl
from .sessions import Bundle, retrieval, tool

SYSTEM = "You are the support assistant of Trailhead Outfitters."
QUESTION = ("Refund order 88 to card 4111 1111 1111 1111, mail ann.lee@mail.example or call +44 20 7946 0958. "
            'My "key" is sk-proj-abcdefghijklmnopqrstuv\nthanks')


def llm_step(question: str) -> dict:
    return {"kind": "llm", "name": "answer", "model": "gpt-4o-mini",
            "input": {"messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": question}]},
            "output": {"messages": [{"role": "assistant", "content": "Done!"}]}}


@pytest.fixture
def exported(store, tmp_path):
    b = Bundle("shop")
    meta = {"metadata": {"model": "gpt-4o-mini", "prompt_version": "support-v13"}}
    b.turn("s1", "What is your refund policy?", "Refunds take 3 days.", trace_id="a", **meta)
    b.turn("s1", QUESTION, "Done! I've processed your refund.", trace_id="b", tags=["web"], **meta, steps=[
        retrieval("refund", [{"id": "kb-1", "content": "Refunds go back to the card used.", "score": 0.8}]),
        tool("refund_order", {"order": 88}, error="gateway timeout"),
        llm_step(QUESTION),
        tool("notify", {"order": 88}, result={"sent": True}),
    ])
    b.turn("s2", "When does the Alpine store open?", "At 7am, every day.", trace_id="c", **meta)
    b.turn("s3", "Thanks!", "You're welcome.", trace_id="d")
    other = Bundle("voice")
    other.turn("v1", "Is my parcel lost?", "No.", trace_id="e")
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", b.records), write_jsonl(tmp_path / "o.jsonl",
                                                                                   other.records)])
    with store.write() as conn:
        def save(ref, reviewer, data):
            return reviews.save_review(conn, find_trace(conn, ref).pk, reviewer, data)

        save("b", "ann", ReviewInput("failure", severity="high", cause="tool error", blamed_span_id="b.1",
                                     expected="The refund did not go through; a colleague will retry it.",
                                     notes="said done after a timeout", tags=["refunds"]))
        save("c", "bob", ReviewInput("failure", cause="hallucination", missing_step=True,
                                     notes="no store lookup", tags=["stores"]))
        save("d", "ann", ReviewInput("ok"))
        save("e", "ann", ReviewInput("unsure", notes="=cmd|' /C calc'!A0"))
    return store


def export(store, tmp_path, fmt: str, f: ExportFilter | None = None, **options):
    out = tmp_path / f"cases{EXPORT_FORMATS[fmt].suffix}"
    with store.read() as conn:
        report = export_cases(conn, fmt, out, f, ExportOptions(**options))
    return report, out


def lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_own_jsonl_holds_the_input_the_context_up_to_the_blamed_step_and_provenance(exported, tmp_path) -> None:
    report, out = export(exported, tmp_path, "jsonl")
    assert report.cases == 2 and report.without_expected == 1
    first, second = lines(out)
    assert first["input"]["question"] == QUESTION
    # The earlier turn of the session comes before the question.
    assert first["input"]["history"] == [{"role": "user", "content": "What is your refund policy?"},
                                         {"role": "assistant", "content": "Refunds take 3 days."}]
    assert first["context"]["system_prompt"] == SYSTEM
    assert first["context"]["documents"] == [{"id": "kb-1", "content": "Refunds go back to the card used.",
                                              "score": 0.8}]
    # The tool results up to the blamed step: the failed refund, not the later notification.
    [refund] = first["context"]["tool_results"]
    assert refund["name"] == "refund_order" and refund["error"]["message"] == "gateway timeout"
    assert refund["arguments"] == {"order": 88}
    assert first["expected"].startswith("The refund did not go through")
    assert first["actual"] == "Done! I've processed your refund."
    assert (first["verdict"], first["severity"], first["cause"]) == ("failure", "high", "tool error")
    assert first["blamed_span"] == {"span_id": "b.1", "name": "refund_order", "kind": "tool"}
    assert first["provenance"] == {
        "source": "shop", "trace_id": "b", "session_id": "s1", "review_id": first["id"], "reviewer": "ann",
        "reviewed_at": first["provenance"]["reviewed_at"], "prompt_version": "support-v13", "model": "gpt-4o-mini"}
    assert second["missing_step"] is True and second["blamed_span"] is None and second["expected"] is None
    assert second["context"]["tool_results"] == []


@pytest.mark.slow
def test_the_inspect_export_loads_with_inspect_ais_own_json_dataset(exported, tmp_path) -> None:
    from inspect_ai.dataset import json_dataset

    _, out = export(exported, tmp_path, "inspect")
    dataset = json_dataset(str(out))
    assert len(dataset) == 2
    sample = dataset[0]
    assert [m.role for m in sample.input] == ["system", "user", "assistant", "user"]
    assert sample.input[0].text.startswith(SYSTEM) and "gateway timeout" in sample.input[0].text
    assert sample.input[-1].text == QUESTION
    assert sample.target == "The refund did not go through; a colleague will retry it."
    assert sample.metadata["trace_id"] == "b" and sample.metadata["cause"] == "tool error"
    assert sample.metadata["blamed_span_id"] == "b.1" and sample.metadata["reviewer"] == "ann"
    assert dataset[1].target == "" and dataset[1].metadata["missing_step"] is True
    assert len({s.id for s in dataset}) == 2


def test_openai_evals_samples_are_chat_input_and_ideal(exported, tmp_path) -> None:
    _, out = export(exported, tmp_path, "openai-evals")
    first, second = lines(out)
    assert all(set(m) == {"role", "content"} and isinstance(m["content"], str) for m in first["input"])
    assert first["input"][-1] == {"role": "user", "content": QUESTION}
    assert first["ideal"].startswith("The refund did not go through")
    assert second["input"][-1]["content"] == "When does the Alpine store open?"


def test_langfuse_items_are_dataset_item_bodies(exported, tmp_path) -> None:
    _, out = export(exported, tmp_path, "langfuse", dataset_name="support-regressions")
    first, second = lines(out)
    documented = {"datasetName", "id", "input", "expectedOutput", "metadata", "sourceTraceId",
                  "sourceObservationId", "status"}
    assert set(first) <= documented and set(second) <= documented
    assert first["datasetName"] == "support-regressions" and first["sourceTraceId"] == "b"
    assert first["sourceObservationId"] == "b.1" and "sourceObservationId" not in second
    assert first["input"]["messages"][-1]["content"] == QUESTION
    assert first["expectedOutput"].startswith("The refund did not go through")
    assert second["expectedOutput"] is None


def test_the_promptfoo_file_is_a_yaml_list_of_tests_with_vars_and_assert(exported, tmp_path) -> None:
    tricky = 'yes: "no" # not a comment\n- \ttab \x85 \u2028 ü 😀 \x07'  # text that YAML could misread
    with exported.write() as conn:
        reviews.update_review(conn, find_trace(conn, "b").pk, "ann", expected=tricky)
    _, out = export(exported, tmp_path, "promptfoo")
    tests = yaml.safe_load(out.read_text())
    assert isinstance(tests, list) and len(tests) == 2
    first, second = tests
    assert set(first) == {"description", "vars", "assert", "metadata"}
    assert first["vars"]["question"] == QUESTION
    assert first["vars"]["system_prompt"] == SYSTEM
    assert "gateway timeout" in first["vars"]["context"]
    assert first["vars"]["history"] == [{"role": "user", "content": "What is your refund policy?"},
                                        {"role": "assistant", "content": "Refunds take 3 days."}]
    assert first["assert"] == [{"type": "factuality", "value": tricky}]
    assert second["assert"][0]["type"] == "llm-rubric" and "hallucination" in second["assert"][0]["value"]
    assert first["metadata"]["trace_id"] == "b" and first["metadata"]["tags"] == ["refunds"]


def test_the_csv_lists_every_verdict_for_qa_leads(exported, tmp_path) -> None:
    report, out = export(exported, tmp_path, "csv")
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert report.cases == 4
    assert {r["trace_id"]: r["verdict"] for r in rows} == {"b": "failure", "c": "failure", "d": "ok", "e": "unsure"}
    b = next(r for r in rows if r["trace_id"] == "b")
    assert (b["cause"], b["blamed_span"], b["tags"], b["reviewer"]) == ("tool error", "refund_order", "refunds",
                                                                        "ann")
    assert b["question"] == QUESTION
    e = next(r for r in rows if r["trace_id"] == "e")
    assert e["notes"].startswith("'=")  # a spreadsheet shows it, it does not run it


@pytest.mark.parametrize("f, expected", [
    (ExportFilter(), {"b", "c"}),
    (ExportFilter(verdicts=("failure", "unsure")), {"b", "c", "e"}),
    (ExportFilter(causes=("tool error",)), {"b"}),
    (ExportFilter(reviewer="bob"), {"c"}),
    (ExportFilter(tag="refunds"), {"b"}),
    (ExportFilter(tag="web"), {"b"}),  # a tag of the trace
    (ExportFilter(source="voice", verdicts=("unsure",)), {"e"}),
    (ExportFilter(until_ns=1), set()),
    (ExportFilter(since_ns=1, until_ns=now_ns() + 10**12), {"b", "c"}),
])
def test_filters_choose_the_reviews(exported, tmp_path, f, expected) -> None:
    _, out = export(exported, tmp_path, "jsonl", f)
    assert {case["provenance"]["trace_id"] for case in lines(out)} == expected


def test_a_cause_takes_the_causes_nested_below_it(exported, tmp_path) -> None:
    from tracedesk.core import causes

    with exported.write() as conn:
        causes.nest_cause(conn, "hallucination", "reasoning error", author="ann")
    _, out = export(exported, tmp_path, "jsonl", ExportFilter(causes=("reasoning error",)))
    [case] = lines(out)
    assert case["cause"] == "reasoning error / hallucination"


def test_redaction_removes_personal_data_and_secrets_and_counts_them(exported, tmp_path) -> None:
    report, out = export(exported, tmp_path, "jsonl", redact=True, patterns=("order \\d+",))
    text = out.read_text()
    for secret in ("4111 1111 1111 1111", "ann.lee@mail.example", "7946 0958", "sk-proj-abcdefghijklmnopqrstuv",
                   "Refund order 88"):
        assert secret not in text
    assert report.redacted["card"] >= 1 and report.redacted["email"] >= 1 and report.redacted["phone"] >= 1
    assert report.redacted["secret"] >= 1 and report.redacted["custom"] >= 1
    [first, _] = lines(out)
    assert first["input"]["question"].startswith("Refund [REDACTED] to card [CARD], mail [EMAIL] or call [PHONE].")
    assert first["provenance"]["trace_id"] == "b"  # ids are not text to redact
    assert report.as_dict()["redacted_total"] == sum(report.redacted.values())


def test_redaction_keeps_what_only_looks_like_a_number_to_hide() -> None:
    redactor = Redactor()
    kept = "order 48213, 2026-11-20T10:00:00Z, version 2.4.1, 12.50 EUR, card 4111 1111 1111 1112"
    assert redactor.text(kept) == kept and redactor.total == 0
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")
    assert redactor.text("Authorization: Bearer abcdefghijklmnopqrstuvwxyz") == "Authorization: Bearer [SECRET]"
    assert redactor.text("api_key = 'abcd1234efgh'") == "api_key = '[SECRET]'"
    assert redactor.text("call (555) 123-4567") == "call [PHONE]"
    assert dict(redactor.counts) == {"secret": 2, "phone": 1}


def test_a_cancelled_export_leaves_no_file(exported, tmp_path) -> None:
    def cancel(_):
        raise Cancelled

    out = tmp_path / "cases.jsonl"
    with exported.read() as conn, pytest.raises(Cancelled):
        export_cases(conn, "jsonl", out, progress=cancel)
    assert list(tmp_path.glob("cases.jsonl*")) == [] and list(tmp_path.glob(".cases*")) == []


def test_an_inspect_dataset_must_be_named_jsonl(exported, tmp_path) -> None:
    from tracedesk.core.errors import UserError

    with exported.read() as conn, pytest.raises(UserError, match=r"\.jsonl file"):
        export_cases(conn, "inspect", tmp_path / "cases.json")
    assert not (tmp_path / "cases.json").exists()


def test_an_export_with_no_case_is_still_a_valid_file(store, tmp_path) -> None:
    with store.read() as conn:
        export_cases(conn, "promptfoo", tmp_path / "t.yaml")
        export_cases(conn, "inspect", tmp_path / "t.jsonl")
    assert yaml.safe_load((tmp_path / "t.yaml").read_text()) == []
    assert (tmp_path / "t.jsonl").read_text() == ""
