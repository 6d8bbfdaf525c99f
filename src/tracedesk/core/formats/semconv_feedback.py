"""Feedback carried inside OTel-shaped spans, as native feedback records.

- OTel GenAI ``gen_ai.evaluation.result`` events (``gen_ai.evaluation.name``,
  ``score.value``, ``score.label``, ``explanation``): feedback on the span that holds the
  event, from an automated evaluator.
- OpenInference ``annotations.N.annotation.*`` and its synonym ``evaluations.N.evaluation.*``
  (``name``, ``score``, ``label``, ``explanation``, ``annotator_kind``, ``identifier``,
  ``metadata``): feedback on the span; the ``trace.`` forms are about the whole trace and
  the ``session.`` forms about the session (kept on this trace, marked with its scope). A
  carrier span with exactly one link is about the linked span (post-hoc feedback).

Mapping: ``kind`` is the evaluation name (else ``"score"``); ``value`` the score, else the
label (the label is kept as ``label`` when both are given); ``comment`` the explanation;
``source`` is ``"automated"`` for LLM and CODE annotators and ``"reviewer"`` for HUMAN ones;
the rest (identifier, metadata, a custom annotator kind, the scope) is kept alongside.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .jsonsafe import loads_text

EVALUATION_EVENT = "gen_ai.evaluation.result"
SOURCES = {"LLM": "automated", "CODE": "automated", "HUMAN": "reviewer"}
_FAMILY_ORDER = ("span.annotation", "span.evaluation", "trace.annotation", "trace.evaluation",
                 "session.annotation", "session.evaluation")


def _record(trace_id: str, span_id: str | None, name: Any, score: Any, label: Any,
            explanation: Any) -> dict[str, Any]:
    rec: dict[str, Any] = {"type": "feedback", "trace_id": trace_id}
    if span_id:
        rec["span_id"] = span_id
    rec["kind"] = str(name) if name not in (None, "") else "score"
    if score is not None:
        rec["value"] = score
        if label not in (None, ""):
            rec["label"] = label
    elif label not in (None, ""):
        rec["value"] = label
    if explanation not in (None, ""):
        rec["comment"] = str(explanation)
    return rec


def feedback(
    flat: dict[str, dict[int, dict[str, Any]]],
    events: Sequence[Any],
    *,
    trace_id: str,
    span_id: str,
    session_id: str | None,
    links: Sequence[tuple[str, str]],
) -> list[dict[str, Any]]:
    """Feedback records from evaluation events and the annotation families of ``flat``
    (which it takes out of ``flat``)."""
    out = []
    for event in events:
        a = event.attributes
        rec = _record(trace_id, span_id, a.get("gen_ai.evaluation.name"),
                      a.get("gen_ai.evaluation.score.value"), a.get("gen_ai.evaluation.score.label"),
                      a.get("gen_ai.evaluation.explanation"))
        rec["source"] = "automated"
        if event.time is not None:
            rec["time"] = event.time
        extra = {k: v for k, v in a.items() if k not in _EVENT_KEYS}
        if extra:
            rec["attributes"] = extra
        out.append(rec)
    target_trace, target_span = links[0] if len(links) == 1 else (trace_id, span_id)
    for family in _FAMILY_ORDER:
        groups = flat.pop(family, None)
        if not groups:
            continue
        scope, word = family.split(".")
        for index in sorted(groups):
            fields = {k.removeprefix(f"{word}."): v for k, v in groups[index].items()}
            rec = _record(target_trace, target_span if scope == "span" else None,
                          fields.pop("name", None), fields.pop("score", None), fields.pop("label", None),
                          fields.pop("explanation", None))
            annotator = fields.pop("annotator_kind", None)
            if annotator is not None:
                source = SOURCES.get(str(annotator).upper())
                if source:
                    rec["source"] = source
                else:
                    rec["annotator_kind"] = annotator
            if "metadata" in fields:
                fields["metadata"] = loads_text(fields["metadata"])
            for key, value in fields.items():
                rec.setdefault(key, value)
            if scope != "span":
                rec["scope"] = scope
            if scope == "session" and session_id:
                rec["session_id"] = session_id
            out.append(rec)
    return out


_EVENT_KEYS = frozenset({"gen_ai.evaluation.name", "gen_ai.evaluation.score.value",
                         "gen_ai.evaluation.score.label", "gen_ai.evaluation.explanation"})
