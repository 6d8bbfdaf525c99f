"""Redaction covers every text an export or a share holds: secrets planted in every field of
a bundle and of the reviewers' work are searched for in every table and every byte of what
is written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tracedesk.core import causes, reviews
from tracedesk.core.agreement import settle
from tracedesk.core.database import open_store
from tracedesk.core.export import EXPORT_FORMATS, ExportFilter, ExportOptions, export_cases
from tracedesk.core.ingest import import_paths
from tracedesk.core.search import search_trace_ids
from tracedesk.core.share import ShareOptions, share_database
from tracedesk.core.traces import find_trace

from ..conftest import write_jsonl
from .sessions import stamp

AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"  # an AWS secret access key, written alone
AWS_SECRET_2 = "Zq9mYbT2vL8kR4nW6xC1pF3hJ5sD7gA0eU2iO4yQ"  # one named by its JSON key
CARD = 4111111111111111  # a card number stored as a JSON number


def leak(where: str) -> str:
    """A secret of its own for each field: an e-mail address whose first word names it."""
    return f"zq{where}@leak.example"


def planted_bundle(tmp_path: Path) -> Path:
    t0, t1 = stamp(0), stamp(60)
    records = [
        {"type": "bundle", "version": 1, "source": "shop", "exported_by": leak("bundle")},
        {"type": "trace", "trace_id": "t0", "session_id": leak("session"), "user_id": leak("user"),
         "start_time": stamp(-60), "input": f"Earlier turn from {leak('history')}", "output": "Noted."},
        {"type": "trace", "trace_id": "t1", "session_id": leak("session"), "user_id": leak("user"),
         "name": leak("tracename"), "start_time": t0, "end_time": t1, "status": "error",
         "input": {"question": f"Refund me, {leak('input')}", leak("inputkey"): "yes"},
         "output": f"Done, {leak('output')}", "tags": [leak("tracetag")],
         "metadata": {"prompt_version": leak("promptversion"), "model": leak("tracemodel"),
                      "app_version": leak("appversion"), "environment": leak("environment"),
                      "note": leak("metadata"), leak("metadatakey"): 1, "card_on_file": CARD,
                      "aws_secret_access_key": AWS_SECRET_2},
         "unnamed_field": leak("traceextra")},
        {"type": "span", "trace_id": "t1", "span_id": "root", "kind": "agent", "name": leak("rootname"),
         "start_time": t0, "end_time": t1},
        {"type": "span", "trace_id": "t1", "span_id": "search", "parent_id": "root", "kind": "retrieval",
         "name": leak("retrievalname"), "start_time": stamp(1), "end_time": stamp(2),
         "input": {"query": leak("query")},
         "output": {"documents": [{"id": "kb-1", "content": f"Policy owner {leak('document')}"}]}},
        {"type": "span", "trace_id": "t1", "span_id": "refund", "parent_id": "root", "kind": "tool",
         "name": leak("toolname"), "start_time": stamp(3), "end_time": stamp(4), "status": "error",
         "error": {"type": leak("errortype"), "message": f"gateway refused {leak('errormessage')}"},
         "input": {"name": leak("toolname"), "arguments": {"email": leak("toolargs"), "card": CARD}},
         "output": {"creds": f"aws {AWS_SECRET}", leak("outputkey"): True},
         "attributes": {"owner": leak("attributes")}, "unnamed_field": leak("spanextra")},
        {"type": "span", "trace_id": "t1", "span_id": "answer", "parent_id": "root", "kind": "llm",
         "name": leak("llmname"), "model": leak("spanmodel"), "start_time": stamp(5), "end_time": stamp(6),
         "usage": {"input_tokens": 10, "output_tokens": 5, "billing": leak("usage")},
         "input": {"messages": [{"role": "system", "content": f"Support for {leak('systemprompt')}"},
                                {"role": "user", "content": f"Refund me, {leak('input')}"}]},
         "output": {"messages": [{"role": "assistant", "content": f"Done, {leak('llmoutput')}"}]}},
        {"type": "feedback", "trace_id": "t1", "kind": "thumbs", "value": -1, "comment": leak("comment"),
         "correction": f"Write to {leak('correction')}", "source": leak("feedbacksource"),
         "author": leak("feedbackauthor"), "time": t1, "unnamed_field": leak("feedbackextra")},
        {"type": "feedback", "trace_id": "t1", "span_id": "refund", "kind": leak("feedbackkind"),
         "value": leak("feedbackvalue")},
        {"type": "feedback", "trace_id": "t1", "kind": "escalation", "value": True,
         "comment": f"I want a human, {leak('escalation')}"},
    ]
    return write_jsonl(tmp_path / "planted.jsonl", records)


SECRETS = [*(leak(w) for w in (
    "bundle", "session", "user", "history", "tracename", "input", "inputkey", "output", "tracetag",
    "promptversion", "tracemodel", "appversion", "environment", "metadata", "metadatakey", "traceextra",
    "rootname", "retrievalname", "query", "document", "toolname", "errortype", "errormessage", "toolargs",
    "outputkey", "attributes", "spanextra", "llmname", "spanmodel", "usage", "systemprompt", "llmoutput",
    "comment", "correction", "feedbacksource", "feedbackauthor", "feedbackextra", "feedbackkind",
    "feedbackvalue", "escalation", "reviewer", "causename", "causedescription", "expected", "notes",
    "reviewtag", "settler", "settlement")), AWS_SECRET, AWS_SECRET_2, str(CARD)]


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    path = tmp_path / "planted.sqlite"
    with open_store(path) as store:
        import_paths(store, [planted_bundle(tmp_path)])
        with store.write() as conn:
            pk = find_trace(conn, "t1").pk
            causes.add_cause(conn, f"billing via {leak('causename')}", author=leak("reviewer"),
                             description=f"ask {leak('causedescription')}")
            reviews.save_review(conn, pk, leak("reviewer"), reviews.ReviewInput(
                "failure", severity="high", cause=f"billing via {leak('causename')}", blamed_span_id="refund",
                expected=f"Refund to {leak('expected')} failed", notes=f"call {leak('notes')}",
                tags=[leak("reviewtag")]))
            reviews.update_review(conn, pk, leak("reviewer"), notes=f"call {leak('notes')} again")
            settle(conn, pk, leak("settler"), "failure", blamed_span_id="refund",
                   notes=f"settled with {leak('settlement')}")
    return path


def leaks_in(text: str) -> list[str]:
    return [s for s in SECRETS if s in text or s.split("@")[0] in text]


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_a_redacted_export_holds_none_of_the_secrets_planted(planted: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"cases{EXPORT_FORMATS[fmt].suffix}"
    with open_store(planted) as store, store.read() as conn:
        # Unredacted, the export holds them: the test plants where an export reads.
        export_cases(conn, fmt, out, ExportFilter(verdicts=("failure",)))
        assert len(leaks_in(out.read_text())) > 10
        out.unlink()
        report = export_cases(conn, fmt, out, ExportFilter(verdicts=("failure",)), ExportOptions(redact=True))
    assert report.cases == 1
    text = out.read_text()
    assert leaks_in(text) == []
    assert "[EMAIL]" in text and report.redacted["email"] > 0 and report.redacted["secret"] > 0
    if fmt in ("jsonl", "inspect"):
        assert "[CARD]" in text and report.redacted["card"] > 0


def table_leaks(path: Path) -> dict[str, list[str]]:
    """What every table of a database file holds of the secrets planted."""
    conn = sqlite3.connect(path)
    try:
        found: dict[str, list[str]] = {}
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            text = " ".join(v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)
                            for row in conn.execute(f'SELECT * FROM "{table}"') for v in row)
            if leaks_in(text):
                found[table] = leaks_in(text)
        return found
    finally:
        conn.close()


def test_a_redacted_share_holds_none_of_the_secrets_planted_in_any_table(planted: Path, tmp_path: Path) -> None:
    assert len(table_leaks(planted)) > 8  # the source holds them in most tables
    copy = tmp_path / "copy.tracedesk"
    with open_store(planted) as store:
        report = share_database(store, copy, options=ShareOptions(redact=True))
    assert (report.traces, report.spans, report.feedback, report.reviews, report.settlements) == (2, 4, 3, 1, 1)
    assert table_leaks(copy) == {}
    data = copy.read_bytes()
    assert b"leak.example" not in data and AWS_SECRET.encode() not in data and str(CARD).encode() not in data
    with open_store(copy) as other, other.read() as conn:
        # The search index was built from the redacted text: no secret finds a trace.
        for secret in SECRETS:
            assert search_trace_ids(conn, secret.split("@")[0]) == [], secret
        assert search_trace_ids(conn, "gateway refused") == [find_trace(conn, "t1").pk]
        # What is kept: ids that name the rows, and what is not secret.
        [review] = reviews.reviews_of(conn, find_trace(conn, "t1").pk)
        assert (review.verdict, review.blamed_span_id, review.notes) == ("failure", "refund", "call [EMAIL] again")
        assert review.tags == ("[EMAIL]",) and review.reviewer == "[EMAIL]"
        metadata = conn.exec_driver_sql("SELECT metadata FROM trace WHERE trace_id = 't1'").scalar_one()
        assert '"card_on_file":"[CARD]"' in metadata and '"aws_secret_access_key":"[SECRET]"' in metadata
