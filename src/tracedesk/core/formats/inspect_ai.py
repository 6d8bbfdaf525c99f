"""Inspect AI eval logs: ``.eval`` archives and ``.json`` logs.

A ``.eval`` file is a zip (entries deflated, or zstd-compressed by newer Inspect versions,
which Python's zipfile cannot read: those are read here with ``zstandard``) holding
``header.json`` (the log without its samples: ``eval``, ``plan``, ``results``, ``stats``),
``samples/<id>_epoch_<n>.json`` (one sample each) and summaries. A ``.json`` log is the
whole log with its ``samples`` inline (read whole); a lone sample file is read too.

Mapping: each sample (one epoch of it) is a trace: its id is the sample's ``uuid`` (else
``<eval id>/<sample id>/<epoch>``), its name ``<task> #<sample id>``, its input the
sample's input (text, or messages), its output the final answer
(``output.completion``), status error when the sample failed, and its metadata the model,
the task, the target, the sample's metadata, usage and timings, and the eval's spec
(``inspect.eval``). Its events are the span tree and its scores feedback
(:mod:`.inspect_events`). The bundle's source is ``inspect:<task>``.
"""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from ..containers import MAX_ZIP_RATIO, ZIP_MAGIC, ZIP_RATIO_FLOOR, reason_of
from ..errors import BundleError
from .base import Format, Item, Problem, Record
from .inspect_events import SampleSpans, messages, output_messages, resolve, score_feedback, usage_of
from .jsonsafe import MAX_DEPTH, TooDeep, clean, json_reason, listed

_LOG = (re.compile(rb'"eval"\s*:\s*\{'), re.compile(rb'"(task|eval_id|run_id)"\s*:'))
_SAMPLE = (re.compile(rb'"epoch"\s*:'), re.compile(rb'"(events|messages)"\s*:'), re.compile(rb'"target"\s*:'))
_SAMPLE_ENTRY = re.compile(r"^samples/(.+)_epoch_(\d+)\.json$")
_ZSTD = 93
MAX_ENTRY = 2 * 1024**3  # bytes one sample may expand to


def sniff(head: bytes, name: str) -> bool:
    """An eval log (an ``eval`` object naming its task) or one sample (``epoch``, ``target``
    and ``events`` or ``messages``)."""
    if head.lstrip()[:1] != b"{":
        return False
    if _LOG[0].search(head) and _LOG[1].search(head):
        return True
    return all(p.search(head) for p in _SAMPLE)


def sniff_path(path: Path) -> bool:
    """A zip holding ``header.json`` or Inspect's journal."""
    try:
        with path.open("rb") as fh:
            if fh.read(4) != ZIP_MAGIC:
                return False
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (OSError, zipfile.BadZipFile, EOFError, ValueError):
        return False
    return "header.json" in names or "_journal/start.json" in names


def _read_entry(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    name = f"{path}!{info.filename}"
    ratio = info.file_size / max(info.compress_size, 1)
    if (ratio > MAX_ZIP_RATIO and info.file_size > ZIP_RATIO_FLOOR) or info.file_size > MAX_ENTRY:
        raise _EntryError(
            f"expands {ratio:,.0f}-fold ({info.compress_size:,} to {info.file_size:,} bytes): "
            "refused as a likely zip bomb",
            name,
        )
    if info.compress_type != _ZSTD:
        with archive.open(info) as fh:
            data = fh.read(info.file_size + 1)
    else:
        import zstandard

        with path.open("rb") as fh:
            fh.seek(info.header_offset)
            header = fh.read(30)
            if len(header) < 30 or header[:4] != b"PK\x03\x04":
                raise _EntryError("the zip entry's header is damaged", name)
            name_len, extra_len = struct.unpack("<HH", header[26:30])
            fh.seek(info.header_offset + 30 + name_len + extra_len)
            raw = fh.read(info.compress_size)
        try:
            data = zstandard.ZstdDecompressor().decompress(raw, max_output_size=info.file_size + 1)
        except zstandard.ZstdError as exc:
            raise _EntryError(f"not valid zstd data ({exc})", name) from exc
    if len(data) != info.file_size:
        raise _EntryError(f"holds {len(data):,} bytes, not the {info.file_size:,} its header says", name)
    return data


class _EntryError(Exception):
    def __init__(self, reason: str, name: str) -> None:
        super().__init__(reason)
        self.reason, self.name = reason, name


def _loads(data: bytes) -> tuple[Any, str | None]:
    try:
        return clean(orjson.loads(data)), None
    except TooDeep:
        return None, f"nested more than {MAX_DEPTH} levels deep"
    except (orjson.JSONDecodeError, RecursionError) as exc:
        return None, f"not valid JSON ({json_reason(exc)})"


def read_path(path: Path) -> Iterator[Item]:
    """The samples of a ``.eval`` archive, one at a time."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        raise BundleError(str(path), f"not a readable zip file ({reason_of(exc)})") from exc
    with archive:
        infos = {i.filename: i for i in archive.infolist()}
        header: dict[str, Any] = {}
        for entry in ("header.json", "_journal/start.json"):
            if entry in infos:
                try:
                    value, reason = _loads(_read_entry(path, archive, infos[entry]))
                except (_EntryError, OSError, EOFError, zipfile.BadZipFile) as exc:
                    value, reason = None, getattr(exc, "reason", None) or reason_of(exc)
                if isinstance(value, dict):
                    header = value
                    break
                yield Problem(f"{entry}: {reason or 'not a JSON object'}", where=entry)
        log = _Log(header)
        yield log.bundle()
        samples = sorted((i for i in infos if _SAMPLE_ENTRY.match(i)), key=_entry_order)
        if not samples:
            yield Problem("the log holds no samples (was it written with log_samples off?)")
        for entry in samples:
            try:
                value, reason = _loads(_read_entry(path, archive, infos[entry]))
            except _EntryError as exc:
                yield Problem(f"{entry}: {exc.reason}; skipped", where=entry)
                continue
            except (OSError, EOFError, zipfile.BadZipFile, NotImplementedError) as exc:
                yield Problem(f"{entry}: cannot be read ({reason_of(exc)}); skipped", where=entry)
                continue
            if reason is not None:
                yield Problem(f"{entry}: {reason}; skipped", where=entry)
                continue
            yield from log.sample(value, entry)


def _entry_order(name: str) -> tuple[int, Any, int]:
    match = _SAMPLE_ENTRY.match(name)
    assert match is not None
    sample, epoch = match.group(1), int(match.group(2))
    return (0, int(sample), epoch) if sample.isdigit() else (1, sample, epoch)


def read(stream: BinaryIO, name: str) -> Iterator[Item]:
    """A ``.json`` eval log (or one sample), read whole."""
    value, reason = _loads(stream.read())
    if reason is not None:
        raise BundleError(name, reason)
    if not isinstance(value, dict):
        raise BundleError(name, "not an Inspect eval log (a JSON object)")
    if "eval" not in value and ("events" in value or "messages" in value):
        log = _Log({})
        yield log.bundle()
        yield from log.sample(value, None)
        return
    log = _Log(value)
    yield log.bundle()
    samples = value.get("samples")
    if not isinstance(samples, list) or not samples:
        yield Problem("the log holds no samples (was it written with log_samples off?)", where="samples")
        return
    for i, sample in enumerate(samples):
        yield from log.sample(sample, f"samples[{i}]")


class _Log:
    """What every sample of one log shares: the eval spec, the task, the model."""

    def __init__(self, header: dict[str, Any]) -> None:
        spec = header.get("eval") if isinstance(header.get("eval"), dict) else {}
        self.spec = spec
        self.task = str(spec.get("task") or spec.get("task_registry_name") or "") or None
        self.model = spec.get("model")
        self.eval_id = spec.get("eval_id") or spec.get("run_id")
        self.header = {k: v for k, v in header.items() if k not in ("eval", "samples", "reductions")}

    def bundle(self) -> Record:
        rec: dict[str, Any] = {"type": "bundle", "source": f"inspect:{self.task}" if self.task else "inspect"}
        if self.spec.get("created"):
            rec["exported_at"] = self.spec["created"]
        return Record(rec)

    def sample(self, sample: Any, where: str | None) -> Iterator[Item]:
        if not isinstance(sample, dict):
            yield Problem("a sample must be a JSON object", where=where)
            return
        if sample.get("id") is None and not sample.get("uuid"):
            yield Problem("a sample with no 'id' or 'uuid'; skipped", where=where)
            return
        try:
            records = self._records(sample)
        except (TypeError, ValueError, AttributeError, KeyError) as exc:  # a field of an unexpected type
            yield Problem(
                f"sample {sample.get('id')} could not be read ({type(exc).__name__}: {exc}); skipped",
                where=where,
            )
            return
        for rec in records:
            yield Record(rec, where=where)

    def _records(self, sample: dict[str, Any]) -> list[dict[str, Any]]:
        attachments = sample.get("attachments") if isinstance(sample.get("attachments"), dict) else {}
        sample = resolve({k: v for k, v in sample.items() if k != "attachments"}, attachments)
        sid, epoch = sample.get("id"), sample.get("epoch", 1)
        trace_id = str(sample.get("uuid") or f"{self.eval_id or 'inspect'}/{sid}/{epoch}")
        root_id = f"{trace_id}/sample"
        name = f"{self.task or 'sample'} #{sid}" + (f" (epoch {epoch})" if epoch not in (None, 1) else "")
        events = [e for e in listed(sample.get("events")) if isinstance(e, dict)]
        start = sample.get("started_at") or (events[0].get("timestamp") if events else None)
        end = sample.get("completed_at") or (events[-1].get("timestamp") if events else None)
        question = self._question(sample.get("input"))
        output = sample.get("output") if isinstance(sample.get("output"), dict) else {}
        answer = output.get("completion")
        if not answer:
            final = [msg for msg in output_messages(output) if msg.get("content")]
            answer = final[-1]["content"] if final else None
        error = sample.get("error")
        root: dict[str, Any] = {
            "type": "span",
            "trace_id": trace_id,
            "span_id": root_id,
            "parent_id": None,
            "name": name,
            "kind": "agent",
            "status": "error" if error else "ok",
            "input": {"messages": messages(sample.get("input"))},
        }
        if answer is not None:
            root["output"] = answer
        for field, value in (("start_time", start), ("end_time", end)):
            if value:
                root[field] = value
        if error:
            root["error"] = {"message": str(error.get("message") if isinstance(error, dict) else error)}
            if isinstance(error, dict) and error.get("traceback"):
                root["error"]["stacktrace"] = error["traceback"]
        usage = self._usage(sample.get("model_usage"))
        if usage:
            root["usage"] = usage
        tree = SampleSpans(trace_id, root_id)
        tree.spans[root_id] = root
        tree.order.append(root_id)
        for event in events:
            tree.event(event)
        if not events and sample.get("messages"):  # a log without events: the conversation alone
            root["attributes"] = {"inspect.messages": sample["messages"]}
        trace = {
            "type": "trace",
            "trace_id": trace_id,
            "name": name,
            "status": root["status"],
            "metadata": self._metadata(sample),
        }
        for field, value in (
            ("start_time", start),
            ("end_time", end),
            ("input", question),
            ("output", answer),
        ):
            if value not in (None, ""):
                trace[field] = value
        tags = self.spec.get("tags")
        if isinstance(tags, list) and tags:
            trace["tags"] = [str(t) for t in tags]
        out = [trace, *tree.records()]
        scores = sample.get("scores") if isinstance(sample.get("scores"), dict) else {}
        for score_name, score in scores.items():
            where = tree.score_spans.get(score_name) or tree.score_spans.get("*")
            out.extend(score_feedback(trace_id, str(score_name), score, sample.get("target"), where))
        return out

    @staticmethod
    def _question(value: Any) -> Any:
        if isinstance(value, str):
            return value
        msgs = messages(value)
        return {"messages": msgs} if msgs else None

    @staticmethod
    def _usage(model_usage: Any) -> dict[str, int]:
        total: dict[str, int] = {}
        for usage in model_usage.values() if isinstance(model_usage, dict) else ():
            for key, count in usage_of(usage).items():
                total[key] = total.get(key, 0) + count
        return total

    def _metadata(self, sample: dict[str, Any]) -> dict[str, Any]:
        meta: dict[str, Any] = {}
        if self.model:
            meta["model"] = self.model
        if self.task:
            meta["task"] = self.task
        for key in (
            "id",
            "epoch",
            "target",
            "choices",
            "metadata",
            "store",
            "model_usage",
            "total_time",
            "working_time",
            "limit",
            "error",
            "error_retries",
            "sandbox",
            "files",
            "setup",
        ):
            if sample.get(key) not in (None, "", [], {}):
                meta["sample_id" if key == "id" else key] = sample[key]
        if self.spec:
            meta["inspect.eval"] = self.spec
        if self.header.get("status"):
            meta["inspect.status"] = self.header["status"]
        for key, value in sample.items():
            if key not in _SAMPLE_KNOWN and value not in (None, "", [], {}):
                meta[f"inspect.{key}"] = value
        return meta


_SAMPLE_KNOWN = frozenset(
    {
        "id",
        "epoch",
        "input",
        "target",
        "choices",
        "messages",
        "output",
        "scores",
        "metadata",
        "store",
        "events",
        "model_usage",
        "started_at",
        "completed_at",
        "total_time",
        "working_time",
        "uuid",
        "error",
        "error_retries",
        "limit",
        "attachments",
        "sandbox",
        "files",
        "setup",
    }
)

FORMAT = Format(
    "inspect", "Inspect AI eval log", sniff=sniff, read=read, sniff_path=sniff_path, read_path=read_path
)
