"""Langfuse exports: traces with their observations and scores.

File shapes: a trace as the API and UI export it (``{"trace": {...}, "observations":
[...]}``, or the trace object itself with ``observations`` and ``scores`` inside), a JSON
array of those, the API's ``{"data": [...]}`` pages, and the blob-storage export's JSON
Lines (``traces/``, ``observations/``, ``observations_v2/`` and ``scores/`` rows, in
snake_case). JSON Lines are read streaming; a document is read whole.

Mapping (observations: :mod:`.langfuse_obs`):

- trace: ``id``, ``name``, ``sessionId``, ``userId``, ``timestamp``, ``tags``; status error
  when an observation has level ERROR. ``input`` and ``output`` (JSON text decoded; messages
  when they are a chat) are the user's question and the final answer; a trace without them
  takes its root observation's, else the last user message of its first LLM step and the
  answer of its last one. The metadata holds the decoded trace metadata, ``environment``,
  ``app_version`` (the release, else the version), ``prompt_version`` (``name@version``
  of a prompt the steps used), and the other trace fields as ``langfuse.<field>``.
- score: a feedback record, ``kind`` the score name, ``value`` the number (true/false for
  BOOLEAN) or the string value, ``comment``, ``author``, ``time``; ``source`` ``reviewer``
  for ANNOTATION (human), ``automated`` for EVAL (LLM judge), ``user`` for API. Scores of
  judges where a high score is bad (hallucination, toxicity...) get ``correct``; the data
  type, config and the rest are kept.
- the bundle's source is ``langfuse:<projectId>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from . import chat_shapes as cs
from . import messages as m
from .base import Format, Item, Problem, Record
from .jsonsafe import MAX_DEPTH, TooDeep, clean, id_key, listed, read_values
from .langfuse_obs import TYPES, decode, span_record, time

_OBSERVATION_TYPES = frozenset(TYPES)
_SNIFF = (
    re.compile(rb'"parent_?[oO]bservation_?[iI]d"\s*:'),
    re.compile(rb'"observations"\s*:\s*\['),
    re.compile(rb'"trace"\s*:\s*\{'),
)
_SCORE_SNIFF = re.compile(rb'"(data_type|dataType)"\s*:\s*"(NUMERIC|BOOLEAN|CATEGORICAL|TEXT)"')
_TRACE_ID_SNIFF = re.compile(rb'"(traceId|trace_id)"\s*:')
_SOURCES = {"ANNOTATION": "reviewer", "EVAL": "automated", "API": "user"}
# LLM-judge scores where 1 means the problem was found (Langfuse's managed evaluators).
LOWER_IS_BETTER = frozenset(
    {
        "hallucination",
        "toxicity",
        "harmfulness",
        "maliciousness",
        "bias",
        "controversiality",
        "misogyny",
        "criminality",
        "insensitivity",
    }
)
_TRACE_KNOWN = frozenset(
    {
        "id",
        "name",
        "timestamp",
        "sessionId",
        "userId",
        "tags",
        "input",
        "output",
        "metadata",
        "observations",
        "scores",
        "release",
        "version",
        "environment",
    }
)
_SCORE_KNOWN = frozenset(
    {
        "traceId",
        "observationId",
        "name",
        "value",
        "stringValue",
        "dataType",
        "source",
        "comment",
        "authorUserId",
        "timestamp",
    }
)


def sniff(head: bytes, name: str) -> bool:
    """Observations (``parentObservationId`` in either spelling), a trace document with
    ``observations``, or score rows (a ``dataType`` with a trace id)."""
    if head.lstrip()[:1] not in (b"{", b"["):
        return False
    if _SNIFF[0].search(head):
        return True
    if _SNIFF[1].search(head) and (_SNIFF[2].search(head) or _TRACE_ID_SNIFF.search(head)):
        return True
    return _SCORE_SNIFF.search(head) is not None and _TRACE_ID_SNIFF.search(head) is not None


def camel(row: dict[str, Any]) -> dict[str, Any]:
    """A row with its snake_case keys (the blob export's) in camelCase."""
    out = {}
    for key, value in row.items():
        if "_" in key and not key.startswith("_"):
            head, *rest = key.split("_")
            key = head + "".join(w[:1].upper() + w[1:] for w in rest)
        out.setdefault(key, value)
    return out


def read(stream: BinaryIO, name: str) -> Iterator[Item]:
    reader = _Reader()
    for line, value, reason in read_values(stream, name):
        if reason is not None:
            yield Problem(reason, line)
            continue
        try:
            value = clean(value)
        except TooDeep:
            yield Problem(f"nested more than {MAX_DEPTH} levels deep; skipped", line)
            continue
        yield from reader.value(value, line, None if line is not None else "")
    yield from reader.finish()


class _Reader:
    def __init__(self) -> None:
        self.bundle_done = False
        self.traces: dict[str, dict[str, Any]] = {}  # trace fields seen on observation rows
        self.roots: dict[str, dict[str, Any]] = {}

    def _bundle(self, project: Any, line: int | None) -> Iterator[Item]:
        if not self.bundle_done:
            self.bundle_done = True
            source = f"langfuse:{project}" if project not in (None, "") else "langfuse"
            yield Record({"type": "bundle", "source": source}, line)

    def value(self, value: Any, line: int | None, where: str) -> Iterator[Item]:
        if isinstance(value, list):
            for i, item in enumerate(value):
                yield from self.value(item, line, f"{where or ''}[{i}]")
            return
        here = where or None
        if not isinstance(value, dict):
            yield Problem("not a Langfuse trace, observation or score (a JSON object)", line, here)
            return
        if isinstance(value.get("data"), list) and "id" not in value:
            yield from self.value(value["data"], line, f"{where}.data" if where else "data")
            return
        row = camel(value)
        if isinstance(row.get("trace"), dict):
            yield from self.document(row["trace"], row.get("observations"), row.get("scores"), line, where)
        elif isinstance(row.get("observations"), list) and "id" in row:
            yield from self.document(row, None, None, line, where)
        elif str(row.get("type") or "").upper() in _OBSERVATION_TYPES and "traceId" in row:
            yield from self.observation_row(row, line, here)
        elif "dataType" in row or (
            "traceId" in row and "name" in row and ("value" in row or "stringValue" in row)
        ):
            yield from self._bundle(row.get("projectId"), line)
            yield from _score(row, None, line, here)
        elif "id" in row and "timestamp" in row and "type" not in row:
            yield from self._bundle(row.get("projectId"), line)
            yield Record(trace_record(row, []), line, here)
        else:
            yield Problem(
                "not a Langfuse trace, observation or score: it has no 'trace', "
                "'observations', 'traceId' or 'type'",
                line,
                here,
            )

    def document(
        self, trace: dict[str, Any], observations: Any, scores: Any, line: int | None, where: str
    ) -> Iterator[Item]:
        trace = camel(trace)
        at = f"{where}.trace" if where else "trace"
        trace_id = trace.get("id")
        if trace_id in (None, ""):
            yield Problem("a Langfuse trace with no 'id'; skipped", line, at)
            return
        trace_id = str(trace_id)
        yield from self._bundle(trace.get("projectId"), line)
        obs_where = f"{where}.observations" if where else "observations"
        if not isinstance(observations, list):
            observations = trace.get("observations") if isinstance(trace.get("observations"), list) else []
            obs_where = f"{at}.observations"
        known = {id_key(o.get("id")) for o in observations if isinstance(o, dict)}
        for extra in listed(trace.get("observations")):  # the trace's own light copies add only new ones
            if isinstance(extra, dict) and id_key(extra.get("id")) not in known:
                observations = [*observations, extra]
        spans = []
        for i, obs in enumerate(observations):
            item = _observation(obs, trace_id, line, f"{obs_where}[{i}]")
            if isinstance(item, Record):
                spans.append(item.data)
            yield item
        yield Record(trace_record(trace, spans, observations), line, at)
        all_scores = [s for s in listed(trace.get("scores")) if isinstance(s, dict)]
        all_scores += [s for s in listed(scores) if isinstance(s, dict) and s not in all_scores]
        for i, score in enumerate(all_scores):
            yield from _score(camel(score), trace_id, line, f"{at}.scores[{i}]")

    def observation_row(self, row: dict[str, Any], line: int | None, where: str | None) -> Iterator[Item]:
        yield from self._bundle(row.get("projectId"), line)
        trace_id = str(row["traceId"])
        item = _observation(row, trace_id, line, where)
        yield item
        if not isinstance(item, Record):
            return
        fields = {
            k: row[k]
            for k in ("traceName", "userId", "sessionId", "tags", "release", "version", "environment")
            if row.get(k) not in (None, "", [])
        }
        if fields:
            self.traces.setdefault(trace_id, {}).update(fields)
        if item.data.get("parent_id") is None:
            self.roots.setdefault(trace_id, item.data)

    def finish(self) -> Iterator[Item]:
        """Trace records for traces whose observation rows named trace fields."""
        for trace_id, fields in self.traces.items():
            root = self.roots.get(trace_id)
            rec: dict[str, Any] = {"type": "trace", "trace_id": trace_id}
            name = fields.pop("traceName", None) or (root or {}).get("name")
            if name:
                rec["name"] = name
            if fields.get("sessionId"):
                rec["session_id"] = str(fields.pop("sessionId"))
            if fields.get("userId"):
                rec["user_id"] = str(fields.pop("userId"))
            tags = fields.pop("tags", None)
            if isinstance(tags, list):
                rec["tags"] = [str(t) for t in tags]
            if root is not None:
                for key in ("status", "input", "output", "start_time"):
                    if root.get(key) is not None:
                        rec[key] = root[key]
            metadata = _metadata_fields(fields)
            if metadata:
                rec["metadata"] = metadata
            yield Record(rec)


def _observation(obs: Any, trace_id: str, line: int | None, where: str | None) -> Item:
    if not isinstance(obs, dict):
        return Problem("an observation must be a JSON object", line, where)
    obs = camel(obs)
    if obs.get("id") in (None, ""):
        return Problem(f"observation '{obs.get('name', '')}' has no 'id'; skipped", line, where)
    own = obs.get("traceId")
    try:
        return Record(span_record(obs, str(own) if own not in (None, "") else trace_id), line, where)
    except (TypeError, ValueError, KeyError, AttributeError) as exc:  # a field of an unexpected type
        return Problem(
            f"observation '{obs.get('id')}' could not be read ({type(exc).__name__}: {exc}); skipped",
            line,
            where,
        )


def _metadata_fields(trace: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if trace.get("environment") not in (None, ""):
        out["environment"] = trace["environment"]
    version = trace.get("release") or trace.get("version")
    if version not in (None, ""):
        out["app_version"] = str(version)
    for key in ("release", "version"):
        if trace.get(key) not in (None, ""):
            out[f"langfuse.{key}"] = trace[key]
    return out


def trace_record(
    trace: dict[str, Any], spans: list[dict[str, Any]], observations: list[Any] = ()
) -> dict[str, Any]:
    """The native trace record of a Langfuse trace and the span records of its observations."""
    rec: dict[str, Any] = {"type": "trace", "trace_id": str(trace["id"])}
    for field, key in (("name", "name"), ("session_id", "sessionId"), ("user_id", "userId")):
        if trace.get(key) not in (None, ""):
            rec[field] = str(trace[key])
    if trace.get("timestamp"):
        rec["start_time"] = time(trace["timestamp"])
    tags = trace.get("tags")
    if isinstance(tags, list) and tags:
        rec["tags"] = [str(t) for t in tags]
    rec["status"] = "error" if any(s.get("status") == "error" for s in spans) else "ok"
    question, answer = (
        _question(decode(trace.get("input")), spans),
        _answer(decode(trace.get("output")), spans),
    )
    if question is not None:
        rec["input"] = question
    if answer is not None:
        rec["output"] = answer
    metadata: dict[str, Any] = {}
    raw_meta = decode(trace.get("metadata"))
    if isinstance(raw_meta, dict):
        metadata.update(raw_meta)
    elif raw_meta not in (None, ""):
        metadata["metadata"] = raw_meta
    metadata.update(_metadata_fields(trace))
    prompts = [
        f"{o.get('promptName')}@{o.get('promptVersion')}"
        for o in observations
        if isinstance(o, dict) and o.get("promptName") and o.get("promptVersion") is not None
    ]
    if prompts:
        metadata["prompt_version"] = prompts[0]
    for key, value in trace.items():
        if key not in _TRACE_KNOWN and value not in (None, "", {}, []):
            metadata[f"langfuse.{key}"] = value
    for key in ("input", "output"):
        raw = decode(trace.get(key))
        if raw is not None and raw != rec.get(key):
            metadata[f"langfuse.{key}"] = raw  # what the trace said, when the record shows less
    if metadata:
        rec["metadata"] = metadata
    return rec


def _roots(spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = {s["span_id"] for s in spans}
    return [s for s in spans if s.get("parent_id") is None or s["parent_id"] not in ids]


def _llm_steps(spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    steps = [s for s in spans if s.get("kind") == "llm"]
    return sorted(steps, key=lambda s: str(s.get("start_time") or ""))


_QUESTION_KEYS = ("question", "query", "input", "prompt", "message", "new_message", "user_input")
_SYSTEM_KEYS = ("system", "system_prompt", "systemPrompt", "instructions")
_ANSWER_KEYS = ("answer", "output", "content", "result", "text", "response")


def _question(value: Any, spans: list[dict[str, Any]]) -> Any:
    """The user's question: the trace input (as messages when it is a chat), else the root's,
    else the last user message of the first LLM step."""
    if value is None:
        roots = _roots(spans)
        value = roots[0].get("input") if roots else None
    if isinstance(value, dict) and not isinstance(value.get("messages"), list):
        key = next((k for k in _QUESTION_KEYS if value.get(k) not in (None, "")), None)
        args = value.get("args")
        # A system prompt beside the question (the Claude Agent SDK's ``system``) stays with it.
        system = next((value[k] for k in _SYSTEM_KEYS if isinstance(value.get(k), str) and value[k].strip()), None)
        if key is not None and system is not None and isinstance(value[key], str):
            return {"messages": [m.message("system", system), m.message("user", value[key])]}
        if key is not None:
            value = value[key]
        elif (
            isinstance(args, list) and len(args) == 1 and isinstance(args[0], str) and not value.get("kwargs")
        ):
            value = args[0]  # a decorated function called with the question
    if isinstance(value, dict | list):
        msgs = cs.messages_from(value)
        if msgs and any(msg["role"] == "user" for msg in msgs):
            return {"messages": msgs}
    if value is None or isinstance(value, dict | list):
        for step in _llm_steps(spans):
            given = step.get("input")
            text = cs.last_text(given.get("messages"), "user") if isinstance(given, dict) else None
            if text:
                return text
    return value


def _answer(value: Any, spans: list[dict[str, Any]]) -> Any:
    """The final answer: the trace output, else the root's, else the last LLM step's."""
    if value is None:
        roots = _roots(spans)
        value = roots[0].get("output") if roots else None
    if isinstance(value, dict) and not isinstance(value.get("messages"), list):
        key = next((k for k in _ANSWER_KEYS if isinstance(value.get(k), str) and value[k].strip()), None)
        if key is not None:
            return value[key]
    if isinstance(value, dict | list):
        text = cs.last_text(cs.output_messages(value), "assistant")
        if text:
            return text
    if value is None or isinstance(value, dict | list):
        for step in reversed(_llm_steps(spans)):
            output = step.get("output")
            text = cs.last_text(output.get("messages") if isinstance(output, dict) else None, "assistant")
            if text:
                return text
    return value


def _score(
    score: dict[str, Any], trace_id: str | None, line: int | None, where: str | None
) -> Iterator[Item]:
    tid = score.get("traceId") or trace_id
    if tid in (None, ""):
        yield Problem(f"score '{score.get('name', '')}' names no trace; skipped", line, where)
        return
    rec: dict[str, Any] = {
        "type": "feedback",
        "trace_id": str(tid),
        "kind": str(score.get("name") or "score"),
    }
    if score.get("observationId"):
        rec["span_id"] = str(score["observationId"])
    data_type = str(score.get("dataType") or "").upper()
    value = score.get("value")
    if data_type in ("CATEGORICAL", "TEXT") or value is None:
        value = score.get("stringValue") if score.get("stringValue") is not None else value
    elif data_type == "BOOLEAN" and value in (0, 1):
        value = bool(value)
    if value is not None:
        rec["value"] = value
    name = rec["kind"].lower()
    if name in LOWER_IS_BETTER and isinstance(value, int | float) and not isinstance(value, bool):
        rec["correct"] = value < 0.5
        rec["lower_is_better"] = True
    if score.get("comment"):
        rec["comment"] = str(score["comment"])
    source = str(score.get("source") or "").upper()
    if source in _SOURCES:
        rec["source"] = _SOURCES[source]
    elif source:
        rec["langfuse_source"] = score["source"]
    if score.get("authorUserId"):
        rec["author"] = str(score["authorUserId"])
    if score.get("timestamp"):
        rec["time"] = time(score["timestamp"])
    if data_type:
        rec["data_type"] = data_type
    for key, value in score.items():
        if key not in _SCORE_KNOWN and value not in (None, "", {}, []) and key not in rec:
            rec[key] = decode(value) if key == "metadata" else value
    yield Record(rec, line, where)


FORMAT = Format("langfuse", "Langfuse trace export", sniff=sniff, read=read)
