"""One Inspect sample as native records: the trace, its span tree, its scores.

The tree is built from the sample's events: ``span_begin`` / ``span_end`` (and the
``step`` events of older logs) open and close spans, every other event belongs to the span
its ``span_id`` names. A root span for the sample holds the top-level spans (init,
solvers, scorers). ``model`` events become llm spans (messages in and out, model, usage),
``tool`` events tool spans (the ``tool`` span Inspect opens to run the call is merged into
it, so the sandbox commands it ran are its children), ``sandbox`` events other spans,
``error`` events failed spans. ``state``, ``store``, ``sample_init``, ``info``, ``logger``,
``input`` and other events are kept, as they came, on the span that holds them
(``inspect.events``). ``attachment://`` references are resolved from the sample's
attachments everywhere.

Scores become feedback from an automated source on the scorer's span: ``value`` as the
scorer gave it, ``correct`` false for Inspect's INCORRECT (``I``) and NOANSWER (``N``)
and true for CORRECT (``C``); the answer, explanation, target and metadata are kept. A
score whose value is an object becomes one feedback record per key.
"""

from __future__ import annotations

import re
from typing import Any

from . import messages as m
from . import semconv_messages as sm
from .jsonsafe import listed
from .usage import read_usage

Message = dict[str, Any]
_ATTACHMENT = re.compile(r"attachment://([0-9a-f]{32})")
_SPAN_KINDS = {
    "solver": "chain",
    "solvers": "chain",
    "scorer": "other",
    "scorers": "chain",
    "init": "other",
    "agent": "agent",
    "handoff": "agent",
    "tool": "tool",
    "subtask": "chain",
}
_CORRECT = {"C": True, "I": False, "N": False}


def resolve(value: Any, attachments: dict[str, Any]) -> Any:
    """``value`` with every ``attachment://<hash>`` replaced by the attachment's text."""
    if not attachments:
        return value
    if isinstance(value, str):
        if "attachment://" not in value:
            return value
        if value.startswith("attachment://") and value[13:] in attachments:
            return attachments[value[13:]]
        return _ATTACHMENT.sub(lambda mt: str(attachments.get(mt.group(1), mt.group(0))), value)
    if isinstance(value, dict):
        return {k: resolve(v, attachments) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve(v, attachments) for v in value]
    return value


def _content(content: Any) -> tuple[str, list[str], list[Any]]:
    """Inspect content (a string or a list of content parts): text, reasoning, other parts."""
    if isinstance(content, str):
        return content, [], []
    texts, reasoning, others = [], [], []
    for part in content if isinstance(content, list) else []:
        kind = part.get("type") if isinstance(part, dict) else None
        if kind == "text":
            texts.append(str(part.get("text") or ""))
        elif kind == "reasoning":
            reasoning.append(str(part.get("reasoning") or part.get("summary") or ""))
        else:
            others.append(part)
    return "\n".join(texts), reasoning, others


def message(msg: Any) -> Message:
    """One Inspect ChatMessage as a native message."""
    if not isinstance(msg, dict):
        return m.message("user", sm.as_text(msg))
    text, reasoning, others = _content(msg.get("content"))
    calls = [
        sm.tool_call_of(c.get("id"), c.get("function"), c.get("arguments"))
        for c in listed(msg.get("tool_calls"))
        if isinstance(c, dict)
    ]
    extra: dict[str, Any] = {}
    if msg.get("role") == "tool" and msg.get("function"):
        extra["name"] = msg["function"]
    if msg.get("error"):
        extra["error"] = msg["error"]
    if reasoning:
        extra["reasoning"] = "\n".join(reasoning)
    if others:
        extra["parts"] = others
    return m.message(msg.get("role") or "user", text, calls or None, msg.get("tool_call_id"), **extra)


def messages(value: Any) -> list[Message]:
    if isinstance(value, str):
        return [m.message("user", value)]
    return [message(x) for x in value] if isinstance(value, list) else []


def output_messages(output: Any) -> list[Message]:
    """The assistant messages of a ModelOutput."""
    if not isinstance(output, dict):
        return []
    out = []
    for choice in listed(output.get("choices")):
        if isinstance(choice, dict) and isinstance(choice.get("message"), dict):
            msg = message(choice["message"])
            if choice.get("stop_reason"):
                msg["finish_reason"] = choice["stop_reason"]
            out.append(msg)
    if not out and isinstance(output.get("completion"), str):
        out.append(m.message("assistant", output["completion"]))
    return out


def usage_of(usage: Any) -> dict[str, int]:
    """A ModelUsage as native usage: Inspect counts cache reads and writes apart from
    ``input_tokens`` and reasoning tokens within ``output_tokens``."""
    return read_usage(usage, _USAGE_KEYS)


_USAGE_KEYS = {"input_tokens": ("input_tokens",), "output_tokens": ("output_tokens",),
               "cache_read_tokens": ("input_tokens_cache_read",), "cache_write_tokens": ("input_tokens_cache_write",),
               "reasoning_tokens": ("reasoning_tokens",)}
_USAGE_NAMES = frozenset(name for names in _USAGE_KEYS.values() for name in names)


class SampleSpans:
    """Builds the span records of one sample from its events."""

    def __init__(self, trace_id: str, root_id: str) -> None:
        self.trace_id = trace_id
        self.root_id = root_id
        self.spans: dict[str, dict[str, Any]] = {}
        self.order: list[str] = []
        self.alias: dict[str, str] = {}  # an Inspect tool span -> the tool event's span
        # Tool events and the tool spans Inspect opens to run them, each waiting for the other:
        # (span id, function, parent span)
        self.pending_tools: list[tuple[str, str, str | None]] = []
        self.open_tools: list[tuple[str, str, str | None]] = []
        self.score_spans: dict[str, tuple[str | None, Any]] = {}  # scorer name -> (span, time)
        self.counter = 0

    def _new(self, span_id: str, parent: str | None, name: Any, kind: str, start: Any) -> dict[str, Any]:
        rec: dict[str, Any] = {
            "type": "span",
            "trace_id": self.trace_id,
            "span_id": span_id,
            "parent_id": parent or self.root_id,
            "name": None if name is None else str(name),
            "kind": kind,
            "status": "ok",
        }
        if start:
            rec["start_time"] = start
        if span_id not in self.spans:
            self.order.append(span_id)
        self.spans[span_id] = rec
        return rec

    def _id(self, event: dict[str, Any], prefix: str) -> str:
        self.counter += 1
        return str(event.get("uuid") or f"{self.trace_id}/{prefix}-{self.counter}")

    def _parent(self, event: dict[str, Any]) -> str | None:
        parent = event.get("span_id")
        if parent is None:
            return None
        parent = self.alias.get(str(parent), str(parent))
        return parent if parent in self.spans else None

    def event(self, event: dict[str, Any]) -> None:
        kind = event.get("event")
        at = event.get("timestamp")
        if kind == "span_begin":
            span_id = str(event.get("id") or self._id(event, "span"))
            parent = event.get("parent_id")
            parent = self.alias.get(str(parent), str(parent)) if parent else None
            if event.get("type") == "tool":
                tool = next(
                    (
                        t
                        for t in self.pending_tools
                        if t[1] == event.get("name") and (parent is None or t[2] == parent)
                    ),
                    None,
                )
                if tool is not None:
                    self.pending_tools.remove(tool)
                    self.alias[span_id] = tool[0]
                    return
                self.open_tools.append((span_id, str(event.get("name")), parent))
            self._new(
                span_id,
                parent if parent in self.spans else None,
                event.get("name"),
                _SPAN_KINDS.get(str(event.get("type")), "chain"),
                at,
            )
            extra = {
                k: v
                for k, v in event.items()
                if k
                not in ("event", "id", "parent_id", "name", "timestamp", "span_id", "uuid", "working_start")
            }
            if extra:
                self.spans[span_id]["attributes"] = {f"inspect.{k}": v for k, v in extra.items()}
        elif kind == "span_end":
            span_id = self.alias.get(str(event.get("id")), str(event.get("id")))
            if span_id in self.spans and at and "end_time" not in self.spans[span_id]:
                self.spans[span_id]["end_time"] = at
        elif kind == "step":
            self._step(event, at)
        elif kind == "model":
            self._model(event, at)
        elif kind == "tool":
            self._tool(event, at)
        elif kind == "sandbox":
            rec = self._new(
                self._id(event, "sandbox"),
                self._parent(event),
                f"sandbox {event.get('action', '')}: {str(event.get('cmd') or event.get('file') or '')}"[
                    :200
                ],
                "other",
                at,
            )
            rec["input"] = {k: event[k] for k in ("action", "cmd", "file", "input", "options") if k in event}
            rec["output"] = {k: event[k] for k in ("result", "output") if k in event}
            if event.get("completed"):
                rec["end_time"] = event["completed"]
        elif kind == "error":
            rec = self._new(self._id(event, "error"), self._parent(event), "error", "other", at)
            error = event.get("error") if isinstance(event.get("error"), dict) else {}
            rec["status"] = "error"
            rec["error"] = {
                "message": str(error.get("message") or "the sample failed"),
                **({"stacktrace": error["traceback"]} if error.get("traceback") else {}),
            }
        elif kind == "score":
            span = self._parent(event)
            if not event.get("intermediate"):
                name = self.spans.get(span or "", {}).get("name") or "*"
                self.score_spans.setdefault(name, (span, at))
            self._keep(event)
        else:
            self._keep(event)

    def _keep(self, event: dict[str, Any]) -> None:
        """An event that is not a step of its own, kept on the span that holds it."""
        target = self.spans.get(self._parent(event) or self.root_id)
        if target is None:
            return
        attrs = target.setdefault("attributes", {})
        attrs.setdefault("inspect.events", []).append(event)

    def _step(self, event: dict[str, Any], at: Any) -> None:
        key = f"{self.trace_id}/step:{event.get('type', '')}:{event.get('name', '')}"
        if event.get("action") == "begin":
            self.counter += 1
            span_id = f"{key}:{self.counter}"
            self.alias[key] = span_id
            self._new(span_id, None, event.get("name"), _SPAN_KINDS.get(str(event.get("type")), "chain"), at)
        elif key in self.alias and at:
            self.spans[self.alias[key]].setdefault("end_time", at)

    def _model(self, event: dict[str, Any], at: Any) -> None:
        rec = self._new(
            self._id(event, "model"), self._parent(event), event.get("model") or "model", "llm", at
        )
        rec["input"] = {"messages": messages(event.get("input"))}
        output = event.get("output") if isinstance(event.get("output"), dict) else {}
        rec["output"] = {"messages": output_messages(output)}
        rec["model"] = str(output.get("model") or event.get("model") or "") or None
        usage = usage_of(output.get("usage"))
        if usage:
            rec["usage"] = usage
        if event.get("completed"):
            rec["end_time"] = event["completed"]
        if event.get("error") or output.get("error"):
            rec["status"] = "error"
            rec["error"] = {"message": str(event.get("error") or output.get("error"))}
        attrs = {
            f"inspect.{k}": v
            for k, v in event.items()
            if k in ("tools", "tool_choice", "config", "call", "cache", "retries", "working_time", "role")
            and v not in (None, [], {})
        }
        rest = {k: v for k, v in output.items() if k not in ("choices", "model", "usage", "completion")}
        if rest:
            attrs["inspect.output"] = rest
        raw_usage = output.get("usage") if isinstance(output.get("usage"), dict) else {}
        left = {k: v for k, v in raw_usage.items() if k not in _USAGE_NAMES and v is not None}
        if left:
            attrs["usage"] = left  # total_tokens, say: what the usage columns do not hold
        if attrs:
            rec["attributes"] = attrs

    def _tool(self, event: dict[str, Any], at: Any) -> None:
        parent = self._parent(event)
        function = str(event.get("function"))
        opened = next((t for t in self.open_tools if t[1] == function and t[2] == parent), None)
        if opened is not None:  # its span came first: the event fills it in
            self.open_tools.remove(opened)
            span_id = opened[0]
            rec = self.spans[span_id]
            rec["kind"] = "tool"
            if at and str(at) < str(rec.get("start_time") or at):
                rec["start_time"] = at
        else:
            span_id = self._id(event, "tool")
            rec = self._new(span_id, parent, event.get("function") or "tool", "tool", at)
            self.pending_tools.append((span_id, function, parent))
        arguments = event.get("arguments")
        rec["input"] = {
            "name": str(event.get("function") or ""),
            "arguments": {} if arguments is None else arguments,
        }
        result = event.get("result")
        if isinstance(result, list):  # content parts
            text, _, others = _content(result)
            result = text if not others else result
        rec["output"] = result
        if event.get("completed"):
            rec["end_time"] = event["completed"]
        rec.pop("status", None)
        rec["status"] = "ok"
        error = event.get("error")
        if error:
            rec["status"] = "error"
            rec["error"] = {
                "type": str(error.get("type")) if isinstance(error, dict) else "error",
                "message": str(error.get("message") if isinstance(error, dict) else error),
            }
        attrs = {
            f"inspect.{k}": v
            for k, v in event.items()
            if k in ("id", "type", "view", "truncated", "agent", "failed", "working_time")
            and v not in (None, [], {})
        }
        if attrs:
            rec.setdefault("attributes", {}).update(attrs)
        for inner in listed(event.get("events")):  # events of the call, in logs that nest them
            if isinstance(inner, dict):
                self.event({**inner, "span_id": span_id} if inner.get("event") != "span_begin" else inner)

    def records(self) -> list[dict[str, Any]]:
        return [self.spans[i] for i in self.order]


def score_feedback(
    trace_id: str,
    name: str,
    score: Any,
    target: Any,
    where: tuple[str | None, Any] | None,
) -> list[dict[str, Any]]:
    """Feedback records for one entry of a sample's ``scores``."""
    if not isinstance(score, dict):
        score = {"value": score}
    value = score.get("value")
    values = value.items() if isinstance(value, dict) else [(None, value)]
    out = []
    for key, val in values:
        rec: dict[str, Any] = {
            "type": "feedback",
            "trace_id": trace_id,
            "kind": name if key is None else f"{name}.{key}",
            "source": "automated",
            "author": name,
        }
        if where is not None and where[0]:
            rec["span_id"] = where[0]
        if where is not None and where[1]:
            rec["time"] = where[1]
        if isinstance(val, str | int | float | bool):
            rec["value"] = val
            if isinstance(val, str) and val.upper() in _CORRECT:
                rec["correct"] = _CORRECT[val.upper()]
        elif val is not None:
            rec["values"] = val
        if score.get("explanation"):
            rec["comment"] = str(score["explanation"])
        for field in ("answer", "metadata", "history"):
            if score.get(field) not in (None, "", [], {}):
                rec[field] = score[field]
        if target not in (None, "", []):
            rec["target"] = target
        out.append(rec)
    return out
