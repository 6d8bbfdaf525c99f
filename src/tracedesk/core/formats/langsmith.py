"""LangSmith runs and feedback, as ``list_runs`` / ``read_run`` return them.

File shapes: a JSON array of runs, JSON Lines of runs (read streaming), runs with their
``child_runs`` nested, ``{"runs": [...]}``, and feedback records (``key``, ``score``,
``run_id``) in the same files or files of their own.

Run fields: ``id``, ``trace_id`` (the root run's id), ``parent_run_id``, ``dotted_order``
(``<time>Z<run id>`` segments joined by dots, root first), ``name``, ``run_type`` (llm,
chain, tool, retriever, embedding, prompt, parser), ``start_time``, ``end_time``,
``inputs``, ``outputs``, ``error``, ``status``, ``extra`` (``metadata``,
``invocation_params``), ``tags``, ``session_id`` / ``session_name`` (the project),
``prompt_tokens``, ``completion_tokens``, ``total_cost``, ``feedback_stats``.

Mapping: a run is a span (llm, chain, tool, retrieval for retriever, embedding; prompt and
parser runs are other); its parent is ``parent_run_id``, else the segment before its own
in ``dotted_order``; its trace ``trace_id``, else the first segment of ``dotted_order``,
else its root's. LLM inputs and outputs become messages (LangChain messages and
generations, OpenAI requests and responses: :mod:`.chat_shapes`); a tool's input
``{"name", "arguments"}`` and its ``output``; a retriever's ``query`` and ``documents``
(``page_content`` as ``content``). Model from ``extra.metadata.ls_model_name`` or the
invocation parameters; usage from the token counts, ``usage_metadata`` (with its cached and
reasoning tokens) or the LLM output's ``token_usage``. A root run makes the trace: its
question and answer, session
(``metadata.session_id`` / ``thread_id`` / ``conversation_id``), user
(``metadata.user_id``), tags and metadata. Feedback: ``key`` is the kind, ``score`` the
value (else ``value``), ``comment``, ``correction``; ``feedback_source.type`` model /
auto_eval is automated, app is a reviewer, api a user. ``feedback_stats`` of runs are
kept in their attributes. The bundle's source is ``langsmith:<project>``. Every other
field is kept in the attributes (``langsmith.<field>``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from . import chat_shapes as cs
from .base import Format, Item, Problem, Record
from .jsonsafe import MAX_DEPTH, TooDeep, clean, listed, loads_text, read_values
from .usage import read_usage

_RUN_TYPE = re.compile(rb'"run_type"\s*:')
_RUN_KEYS = re.compile(rb'"(dotted_order|parent_run_id|trace_id|child_runs)"\s*:')
_FEEDBACK = (re.compile(rb'"feedback_source"\s*:'), re.compile(rb'"run_id"\s*:'), re.compile(rb'"key"\s*:'))
_KINDS = {
    "llm": "llm",
    "chat_model": "llm",
    "chain": "chain",
    "tool": "tool",
    "retriever": "retrieval",
    "embedding": "embedding",
    "prompt": "other",
    "parser": "other",
}
_SOURCES = {"model": "automated", "auto_eval": "automated", "app": "reviewer", "api": "user"}
_UUID = re.compile(r"Z([0-9a-fA-F-]{36})$")
_SPAN_KNOWN = frozenset(
    {
        "id",
        "trace_id",
        "parent_run_id",
        "name",
        "run_type",
        "start_time",
        "end_time",
        "inputs",
        "outputs",
        "error",
        "status",
        "child_runs",
        "prompt_tokens",
        "completion_tokens",
        "total_cost",
        "tags",
        "extra",
    }
)
_FEEDBACK_KNOWN = frozenset(
    {"key", "score", "value", "comment", "correction", "run_id", "trace_id", "feedback_source", "created_at"}
)


def sniff(head: bytes, name: str) -> bool:
    """Runs (``run_type`` with a parent, trace or dotted order) or feedback records."""
    if head.lstrip()[:1] not in (b"{", b"["):
        return False
    if _RUN_TYPE.search(head) and _RUN_KEYS.search(head):
        return True
    return all(p.search(head) for p in _FEEDBACK)


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
        yield from reader.value(value, line, "" if line is None else None)
    yield from reader.finish()


def _segments(run: dict[str, Any]) -> list[str]:
    order = run.get("dotted_order")
    if not isinstance(order, str) or not order:
        return []
    out = []
    for segment in order.split("."):
        match = _UUID.search(segment)
        out.append(match.group(1).lower() if match else segment)
    return out


def _id(value: Any) -> str | None:
    return None if value in (None, "") else str(value).lower()


class _Reader:
    def __init__(self) -> None:
        self.bundle_done = False
        self.trace_of: dict[str, str] = {}  # run id -> trace id
        self.waiting: list[tuple[dict[str, Any], int | None, str | None]] = []  # runs with no known trace

    def value(self, value: Any, line: int | None, where: str | None) -> Iterator[Item]:
        if isinstance(value, list):
            for i, item in enumerate(value):
                yield from self.value(item, line, f"{where or ''}[{i}]")
            return
        if not isinstance(value, dict):
            yield Problem("not a LangSmith run or feedback record (a JSON object)", line, where)
            return
        if isinstance(value.get("runs"), list) and "run_type" not in value:
            yield from self.value(value["runs"], line, "runs")
            return
        if "run_type" in value or ("inputs" in value and "id" in value):
            yield from self.run(value, line, where)
        elif "key" in value and ("run_id" in value or "trace_id" in value):
            yield from self.feedback(value, line, where)
        else:
            yield Problem(
                "not a LangSmith run (no 'run_type') nor feedback (no 'key' and 'run_id')", line, where
            )

    def _bundle(self, run: dict[str, Any], line: int | None) -> Iterator[Item]:
        if not self.bundle_done:
            self.bundle_done = True
            project = run.get("session_name") or run.get("session_id")
            yield Record(
                {"type": "bundle", "source": f"langsmith:{project}" if project else "langsmith"}, line
            )

    def run(self, run: dict[str, Any], line: int | None, where: str | None) -> Iterator[Item]:
        run_id = _id(run.get("id"))
        if run_id is None:
            yield Problem(f"run '{run.get('name', '')}' has no 'id'; skipped", line, where)
            return
        yield from self._bundle(run, line)
        segments = _segments(run)
        parent = _id(run.get("parent_run_id")) or (segments[-2] if len(segments) > 1 else None)
        trace_id = _id(run.get("trace_id")) or (segments[0] if segments else None)
        if trace_id is None:
            trace_id = run_id if parent is None else self.trace_of.get(parent)
        if trace_id is None:
            self.waiting.append((run, line, where))
        else:
            self.trace_of[run_id] = trace_id
            yield from self._records(run, run_id, parent, trace_id, line, where)
        for i, child in enumerate(listed(run.get("child_runs"))):
            if isinstance(child, dict):
                child = {"parent_run_id": run_id, **child}
                if trace_id is not None:
                    child.setdefault("trace_id", trace_id)
                yield from self.run(child, line, f"{where or ''}.child_runs[{i}]")

    def _records(
        self,
        run: dict[str, Any],
        run_id: str,
        parent: str | None,
        trace_id: str,
        line: int | None,
        where: str | None,
    ) -> Iterator[Item]:
        try:
            span = span_record(run, run_id, parent, trace_id)
        except (TypeError, ValueError, AttributeError, KeyError) as exc:
            yield Problem(
                f"run {run_id} could not be read ({type(exc).__name__}: {exc}); skipped", line, where
            )
            return
        yield Record(span, line, where)
        if parent is None:
            yield Record(trace_record(run, span), line, where)

    def feedback(self, fb: dict[str, Any], line: int | None, where: str | None) -> Iterator[Item]:
        run_id = _id(fb.get("run_id"))
        trace_id = _id(fb.get("trace_id")) or (self.trace_of.get(run_id) if run_id else None) or run_id
        if trace_id is None or not fb.get("key"):
            yield Problem("feedback with no 'key' or no run; skipped", line, where)
            return
        rec: dict[str, Any] = {"type": "feedback", "trace_id": trace_id, "kind": str(fb["key"])}
        if run_id and run_id != trace_id:
            rec["span_id"] = run_id
        score, value = fb.get("score"), fb.get("value")
        if score is not None:
            rec["value"] = score
            if value not in (None, "", {}):
                rec["label"] = value
        elif isinstance(value, str | int | float | bool):
            rec["value"] = value
        elif value not in (None, {}):
            rec["values"] = value
        for key in ("comment", "correction"):
            if fb.get(key) not in (None, "", {}):
                rec[key] = fb[key]
        source = fb.get("feedback_source") if isinstance(fb.get("feedback_source"), dict) else {}
        kind = str(source.get("type") or "").lower()
        if kind in _SOURCES:
            rec["source"] = _SOURCES[kind]
        author = source.get("user_name") or source.get("user_id")
        if author:
            rec["author"] = str(author)
        if source:
            rec["feedback_source"] = source
        if fb.get("created_at"):
            rec["time"] = _time(fb["created_at"])
        for key, val in fb.items():
            if key not in _FEEDBACK_KNOWN and val not in (None, "", {}, []):
                rec.setdefault(key, val)
        yield Record(rec, line, where)

    def finish(self) -> Iterator[Item]:
        """Runs whose trace only their parents name: resolved through the runs seen since."""
        for run, line, where in self.waiting:
            run_id = _id(run["id"])
            segments = _segments(run)
            parent = _id(run.get("parent_run_id")) or (segments[-2] if len(segments) > 1 else None)
            trace_id = self.trace_of.get(parent) if parent else None
            if trace_id is None:
                trace_id = parent or run_id
                yield Problem(
                    f"run {run_id}: no trace id, and its parent {parent} is not in the file; "
                    f"filed under trace {trace_id}",
                    line,
                    where,
                )
            self.trace_of[run_id] = trace_id
            yield from self._records(run, run_id, parent, trace_id, line, where)


def _time(value: Any) -> Any:
    """LangSmith writes UTC times, sometimes without an offset."""
    if isinstance(value, str) and "T" in value and value[-1] not in "Zz" and value[-6:-5] not in ("+", "-"):
        return value + "Z"
    return value


def _metadata(run: dict[str, Any]) -> dict[str, Any]:
    extra = run.get("extra") if isinstance(run.get("extra"), dict) else {}
    meta = extra.get("metadata")
    return meta if isinstance(meta, dict) else {}


def _model(run: dict[str, Any]) -> str | None:
    extra = run.get("extra") if isinstance(run.get("extra"), dict) else {}
    params = extra.get("invocation_params") if isinstance(extra.get("invocation_params"), dict) else {}
    inputs = run.get("inputs") if isinstance(run.get("inputs"), dict) else {}
    outputs = run.get("outputs") if isinstance(run.get("outputs"), dict) else {}
    llm_output = outputs.get("llm_output") if isinstance(outputs.get("llm_output"), dict) else {}
    for value in (
        _metadata(run).get("ls_model_name"),
        params.get("model"),
        params.get("model_name"),
        llm_output.get("model_name"),
        outputs.get("model"),
        inputs.get("model"),
    ):
        if isinstance(value, str) and value:
            return value
    return None


def _usage(run: dict[str, Any]) -> dict[str, int]:
    usage: dict[str, int] = {}
    outputs = run.get("outputs") if isinstance(run.get("outputs"), dict) else {}
    sources: list[dict[str, Any]] = [
        {"input_tokens": run.get("prompt_tokens"), "output_tokens": run.get("completion_tokens")}
    ]
    llm_output = outputs.get("llm_output")
    if isinstance(llm_output, dict) and isinstance(llm_output.get("token_usage"), dict):
        tu = llm_output["token_usage"]
        sources.append(
            {"input_tokens": tu.get("prompt_tokens"), "output_tokens": tu.get("completion_tokens")}
        )
    if isinstance(outputs.get("usage_metadata"), dict):
        sources.append(outputs["usage_metadata"])
    if isinstance(outputs.get("usage"), dict):  # an OpenAI response
        u = outputs["usage"]
        sources.append(
            {
                "input_tokens": u.get("prompt_tokens", u.get("input_tokens")),
                "output_tokens": u.get("completion_tokens", u.get("output_tokens")),
            }
        )
    gens = outputs.get("generations")
    if (
        isinstance(gens, list)
        and gens
        and isinstance(gens[0], list)
        and gens[0]
        and isinstance(gens[0][0], dict)
    ):
        msg = gens[0][0].get("message")
        kwargs = msg.get("kwargs") if isinstance(msg, dict) and isinstance(msg.get("kwargs"), dict) else msg
        if isinstance(kwargs, dict) and isinstance(kwargs.get("usage_metadata"), dict):
            sources.append(kwargs["usage_metadata"])
    for key in ("input_tokens", "output_tokens"):
        for source in sources:
            value = source.get(key)
            if isinstance(value, int) and not isinstance(value, bool) and (value or key not in usage):
                usage[key] = value
                break
    # Cached and reasoning tokens: LangChain's usage_metadata details, else the provider's
    # own usage (an OpenAI or Anthropic response, or the token_usage LangChain passed on).
    providers = [outputs.get("usage"), llm_output.get("token_usage") if isinstance(llm_output, dict) else None]
    for source in [*sources[1:], *providers]:
        found = read_usage(source, _LANGCHAIN_DETAILS) or read_usage(source)
        for key in ("cache_read_tokens", "cache_write_tokens", "reasoning_tokens"):
            if key in found and key not in usage:
                usage[key] = found[key]
    return usage


_LANGCHAIN_DETAILS = {"cache_read_tokens": ("input_token_details.cache_read",),
                      "cache_write_tokens": ("input_token_details.cache_creation",),
                      "reasoning_tokens": ("output_token_details.reasoning",)}


def span_record(run: dict[str, Any], run_id: str, parent: str | None, trace_id: str) -> dict[str, Any]:
    kind = _KINDS.get(str(run.get("run_type") or "").lower(), "other")
    rec: dict[str, Any] = {
        "type": "span",
        "trace_id": trace_id,
        "span_id": run_id,
        "parent_id": parent,
        "name": run.get("name"),
        "kind": kind,
    }
    for field in ("start_time", "end_time"):
        if run.get(field):
            rec[field] = _time(run[field])
    inputs, outputs = run.get("inputs"), run.get("outputs")
    attrs: dict[str, Any] = {}
    if kind == "llm":
        msgs_in = cs.messages_from(inputs) if inputs is not None else None
        msgs_out = cs.output_messages(outputs) if outputs is not None else None
        for field, raw, msgs in (("input", inputs, msgs_in), ("output", outputs, msgs_out)):
            if msgs is not None:
                rec[field] = {"messages": msgs}
                rest = (
                    {
                        k: v
                        for k, v in raw.items()
                        if k not in ("messages", "generations", "choices", "prompts")
                    }
                    if isinstance(raw, dict)
                    else {}
                )
                if rest:
                    attrs[f"langsmith.{field}s"] = rest
            elif raw is not None:
                rec[field] = raw
        model = _model(run)
        if model:
            rec["model"] = model
    elif kind == "tool":
        args = inputs.get("input", inputs) if isinstance(inputs, dict) and len(inputs) == 1 else inputs
        rec["input"] = {
            "name": str(run.get("name") or ""),
            "arguments": {} if args is None else loads_text(args),
        }
        if outputs is not None:
            rec["output"] = (
                outputs.get("output", outputs) if isinstance(outputs, dict) and len(outputs) == 1 else outputs
            )
    elif kind == "retrieval":
        if isinstance(inputs, dict) and "query" in inputs:
            rec["input"] = {"query": inputs["query"], **{k: v for k, v in inputs.items() if k != "query"}}
        elif inputs is not None:
            rec["input"] = inputs
        docs = outputs.get("documents") if isinstance(outputs, dict) else None
        if isinstance(docs, list):
            rec["output"] = {"documents": [_document(d) for d in docs]}
        elif outputs is not None:
            rec["output"] = outputs
    else:
        if inputs is not None:
            rec["input"] = inputs
        if outputs is not None:
            rec["output"] = outputs
    usage = _usage(run)
    if usage:
        rec["usage"] = usage
    cost = run.get("total_cost")
    if isinstance(cost, str):
        try:
            cost = float(cost)
        except ValueError:
            attrs["langsmith.total_cost"] = cost
            cost = None
    if isinstance(cost, int | float) and not isinstance(cost, bool) and cost:
        rec["cost_usd"] = float(cost)
    error = run.get("error")
    if error or str(run.get("status") or "").lower() == "error":
        rec["status"] = "error"
        text = str(error or "the run failed")
        first = text.strip().splitlines()[-1] if text.strip() else text
        kind_name, _, message = first.partition(": ")
        rec["error"] = (
            {"message": message or first, "stacktrace": text}
            if message and " " not in kind_name
            else {"message": text}
        )
        if message and " " not in kind_name:
            rec["error"]["type"] = kind_name
    elif run.get("end_time") or run.get("status"):
        rec["status"] = "ok"
    if run.get("tags"):
        attrs["langsmith.tags"] = run["tags"]
    extra = run.get("extra")
    if isinstance(extra, dict) and extra:
        attrs["langsmith.extra"] = extra
    for key, value in run.items():
        if key not in _SPAN_KNOWN and value not in (None, "", {}, []):
            attrs.setdefault(f"langsmith.{key}", value)
    if attrs:
        rec["attributes"] = attrs
    return rec


def _document(doc: Any) -> Any:
    if not isinstance(doc, dict):
        return {"content": doc}
    out: dict[str, Any] = {}
    kwargs = doc.get("kwargs") if doc.get("lc") == 1 and isinstance(doc.get("kwargs"), dict) else doc
    content = kwargs.get("page_content", kwargs.get("content"))
    if content is not None:
        out["content"] = content
    meta = kwargs.get("metadata")
    if isinstance(meta, dict):
        for key in ("id", "source", "score"):
            if key in meta:
                out[key] = meta[key]
    if kwargs.get("id") is not None:
        out["id"] = kwargs["id"]
    out.update({k: v for k, v in kwargs.items() if k not in ("page_content", "content", "id", "type")})
    return out


_QUESTION_KEYS = ("question", "input", "query", "prompt", "message", "text")
_ANSWER_KEYS = ("answer", "output", "result", "response", "text", "content")


def trace_record(run: dict[str, Any], span: dict[str, Any]) -> dict[str, Any]:
    rec: dict[str, Any] = {"type": "trace", "trace_id": span["trace_id"], "name": span.get("name")}
    for field in ("start_time", "end_time", "status"):
        if span.get(field):
            rec[field] = span[field]
    meta = _metadata(run)
    for field, keys in (
        ("session_id", ("session_id", "thread_id", "conversation_id")),
        ("user_id", ("user_id", "user")),
    ):
        value = next((meta[k] for k in keys if meta.get(k) not in (None, "")), None)
        if value is not None:
            rec[field] = str(value)
    question = _pick(run.get("inputs"), _QUESTION_KEYS, "user")
    answer = _pick(run.get("outputs"), _ANSWER_KEYS, "assistant")
    if question is not None:
        rec["input"] = question
    if answer is not None:
        rec["output"] = answer
    metadata = dict(meta)
    model = _model(run)
    if model and "model" not in metadata:
        metadata["model"] = model
    for key in ("session_name", "session_id", "reference_example_id", "feedback_stats"):
        if run.get(key) not in (None, "", {}):
            metadata[f"langsmith.{key}"] = run[key]
    if metadata:
        rec["metadata"] = metadata
    tags = run.get("tags")
    if isinstance(tags, list) and tags:
        rec["tags"] = [str(t) for t in tags]
    return rec


def _pick(value: Any, keys: tuple[str, ...], role: str) -> Any:
    """The question (or the answer) in a root run's inputs (outputs): the text under a
    usual key, the last message of a chat, else the value as it came."""
    if isinstance(value, dict):
        if isinstance(value.get("messages"), list):
            msgs = cs.messages_from(value) if role == "user" else cs.output_messages(value["messages"])
            text = cs.last_text(msgs, role)
            if text:
                return text
        for key in keys:
            if isinstance(value.get(key), str) and value[key].strip():
                return value[key]
        if len(value) == 1:
            only = next(iter(value.values()))
            if isinstance(only, str):
                return only
        msgs = cs.output_messages(value) if role == "assistant" else None
        text = cs.last_text(msgs, role)
        if text:
            return text
    return value


FORMAT = Format("langsmith", "LangSmith runs", sniff=sniff, read=read)
