"""Two runs side by side: their steps aligned, where they first diverge, and word diffs
of what differs (``candidates`` proposes which runs to compare a trace with).

Alignment
    Each trace is read as its outline (the tree, depth first, children in time order)
    and the two step lists are aligned as sequences, the order kept: a step one run made
    and the other did not is a gap on the other side. The score is lexicographic: first
    as many steps as possible that agree on kind, name, status and depth; then, between
    those, steps that differ only by status (a call that failed in one run); then steps
    of the same kind under another name (another tool called at the same point). Each
    level is a longest common subsequence computed with bit-parallel arithmetic on
    Python integers (Hyyrö's row recurrence), so two traces of 2,000 steps align in a
    few milliseconds, where a cell-by-cell dynamic programme would take seconds. Among
    equally good alignments the one that matches steps earliest is kept: a repeated
    tool call is aligned with the first call of the other run, and the repeats show as
    gaps after it.

Sameness
    Two aligned steps are the same when they agree on kind, name and status and, for a
    step without steps inside it, on what it produced: the outputs are equal once numbers
    are set aside, or share most of their words. A container's output is the sum of its
    steps' work, so it is not compared. The first divergence is the first pair that is
    not the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from .store import chunked, placeholders, select_rows
from .text import loads_or_none, retrieved_documents, text_of, text_of_json
from .views import SpanNode, TraceOutline, trace_outline
from .words import similarity, topic_words

SAME, CHANGED, ONLY_A, ONLY_B = "same", "changed", "only_a", "only_b"
OUTPUT_SIMILARITY = 0.8  # outputs sharing at least this much of their words are the same
TEXT_LIMIT = 4000  # characters of a step's output compared or diffed


# Alignment ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class AlignedPair:
    """One row of the side-by-side view: a step of run A, of run B, or of both."""

    a: SpanNode | None
    b: SpanNode | None
    change: str  # same, changed, only_a (B skipped it), only_b (A skipped it)
    differs: tuple[str, ...] = ()  # for "changed": what differs ("name", "status", "output")

    @property
    def same(self) -> bool:
        return self.change == SAME

    @property
    def kind(self) -> str:
        return (self.a or self.b).kind  # type: ignore[union-attr]

    def as_dict(self) -> dict[str, Any]:
        return {"a": self.a.span_id if self.a else None, "b": self.b.span_id if self.b else None,
                "same": self.same, "change": self.change, "kind": self.kind, "differs": list(self.differs)}


def _levels(step: SpanNode) -> tuple[Hashable, ...]:
    """The keys a step is matched on, strictest first."""
    return ((step.kind, step.name, step.status, step.depth), (step.kind, step.name, step.depth),
            (step.kind, step.depth))


def align_steps(a: Sequence[SpanNode], b: Sequence[SpanNode]) -> list[AlignedPair]:
    """The steps of two runs aligned in order (see the module's description), structure
    only: pairs that agree on kind, name and status are "same"; their outputs are
    compared by :func:`compare_traces`."""
    keys_a = list(zip(*map(_levels, a), strict=True)) if a else [(), (), ()]
    keys_b = list(zip(*map(_levels, b), strict=True)) if b else [(), (), ()]
    rows: list[tuple[int | None, int | None, int]] = []
    _align_region(keys_a, keys_b, 0, len(a), 0, len(b), 0, rows)
    pairs = []
    for i, j, level in rows:
        if j is None:
            pairs.append(AlignedPair(a[i], None, ONLY_A))  # type: ignore[index]
        elif i is None:
            pairs.append(AlignedPair(None, b[j], ONLY_B))
        elif level == 0:
            pairs.append(AlignedPair(a[i], b[j], SAME))
        else:
            x, y = a[i], b[j]
            differs = tuple(what for what, left, right in (("name", x.name, y.name), ("status", x.status, y.status))
                            if left != right)
            pairs.append(AlignedPair(x, y, CHANGED, differs))
    return pairs


def _align_region(keys_a: list, keys_b: list, i0: int, i1: int, j0: int, j1: int, level: int,
                  out: list[tuple[int | None, int | None, int]]) -> None:
    """Align a[i0:i1] with b[j0:j1] on the keys of ``level``; what stays unmatched
    between two matches is aligned on the next, looser level."""
    if i0 == i1 or j0 == j1 or level == len(keys_a):
        out.extend((i, None, -1) for i in range(i0, i1))
        out.extend((None, j, -1) for j in range(j0, j1))
        return
    next_i, next_j = i0, j0
    for x, y in lcs_pairs(keys_a[level][i0:i1], keys_b[level][j0:j1]):
        x += i0
        y += j0
        _align_region(keys_a, keys_b, next_i, x, next_j, y, level + 1, out)
        out.append((x, y, level))
        next_i, next_j = x + 1, y + 1
    _align_region(keys_a, keys_b, next_i, i1, next_j, j1, level + 1, out)


def lcs_pairs(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[int, int]]:
    """The index pairs of a longest common subsequence of ``a`` and ``b``, matched as
    early as possible. Bit-parallel: one big-integer row per item of ``a``."""
    head = 0
    limit = min(len(a), len(b))
    while head < limit and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < limit - head and a[len(a) - 1 - tail] == b[len(b) - 1 - tail]:
        tail += 1
    pairs = [(k, k) for k in range(head)]
    mid_a, mid_b = a[head:len(a) - tail], b[head:len(b) - tail]
    n, m = len(mid_a), len(mid_b)
    if n and m:
        masks: dict[Hashable, int] = {}
        for j, key in enumerate(mid_b):
            masks[key] = masks.get(key, 0) | (1 << j)
        full = (1 << m) - 1
        row = full
        rows = [row]  # bit j of row i is 0 where the LCS of a[:i], b[:j+1] is one longer than of a[:i], b[:j]
        for key in mid_a:
            u = row & masks.get(key, 0)
            row = ((row + u) | (row - u)) & full
            rows.append(row)
        ones = [r.bit_count() for r in rows]

        def length(i: int, j: int) -> int:  # LCS of a[:i] and b[:j]
            return j - (ones[i] - (rows[i] >> j).bit_count())

        middle = []
        i, j = n, m
        here = length(i, j)
        while here:
            if length(i - 1, j) == here:
                i -= 1
            elif length(i, j - 1) == here:
                j -= 1
            else:
                i -= 1
                j -= 1
                here -= 1
                middle.append((head + i, head + j))
        pairs += reversed(middle)
    pairs += [(len(a) - tail + k, len(b) - tail + k) for k in range(tail)]
    return pairs


# Comparing two traces ------------------------------------------------------------------------------

@dataclass
class Comparison:
    """Two traces aligned step by step."""

    a: TraceOutline
    b: TraceOutline
    pairs: list[AlignedPair]
    first_divergence: int | None  # index in ``pairs`` of the first pair that is not the same

    def as_dict(self) -> dict[str, Any]:
        """The shape ``tracedesk compare --json`` prints."""
        def side(t: TraceOutline) -> dict[str, Any]:
            return {"trace_id": t.trace_id, "source": t.source, "question": t.question, "status": t.status,
                    "model": t.model, "prompt_version": t.prompt_version, "steps": t.span_count}

        return {"a": side(self.a), "b": side(self.b), "first_divergence": self.first_divergence,
                "same_steps": sum(p.same for p in self.pairs), "pairs": [p.as_dict() for p in self.pairs]}


def compare_traces(conn: Connection, a_pk: int, b_pk: int, *, outputs: bool = True,
                   conn_b: Connection | None = None) -> Comparison:
    """Align two traces; with ``outputs``, steps that agree in structure but produced
    different things (another answer, an empty retrieval) are marked "changed".
    ``conn_b`` reads trace B from another database (A is read from ``conn``)."""
    conn_b = conn if conn_b is None else conn_b
    a, b = trace_outline(conn, a_pk), trace_outline(conn_b, b_pk)
    pairs = align_steps(a.in_order(), b.in_order())
    if outputs:
        pairs = _compare_outputs(conn, pairs, conn_b)
    first = next((i for i, p in enumerate(pairs) if not p.same), None)
    return Comparison(a, b, pairs, first)


def _compare_outputs(conn: Connection, pairs: list[AlignedPair], conn_b: Connection) -> list[AlignedPair]:
    leaves = [i for i, p in enumerate(pairs) if p.same and not p.a.children and not p.b.children]  # type: ignore[union-attr]
    raw_a = _outputs(conn, [pairs[i].a.pk for i in leaves])  # type: ignore[union-attr]
    raw_b = _outputs(conn_b, [pairs[i].b.pk for i in leaves])  # type: ignore[union-attr]
    out = list(pairs)
    for i in leaves:
        pair = pairs[i]
        if not same_output(raw_a.get(pair.a.pk), raw_b.get(pair.b.pk)):  # type: ignore[union-attr]
            out[i] = AlignedPair(pair.a, pair.b, CHANGED, ("output",))
    return out


def _outputs(conn: Connection, pks: list[int]) -> dict[int, str | None]:
    found: dict[int, str | None] = {}
    for chunk in chunked(pks):
        found.update(select_rows(conn, f"SELECT id, output FROM span WHERE id IN ({placeholders(chunk)})",
                                 tuple(chunk)))
    return found


_NUMBER = re.compile(r"\d+")


def same_output(raw_a: str | None, raw_b: str | None) -> bool:
    """Whether two stored outputs say the same: equal once numbers are set aside (ids,
    order numbers, timings), or sharing most of their words."""
    if raw_a == raw_b or _NUMBER.sub("#", raw_a or "") == _NUMBER.sub("#", raw_b or ""):
        return True
    words_a = topic_words(text_of_json(raw_a, TEXT_LIMIT))
    words_b = topic_words(text_of_json(raw_b, TEXT_LIMIT))
    if not words_a and not words_b:
        return False  # no words to weigh (flags, empty lists), and not equal
    return similarity(words_a, words_b) >= OUTPUT_SIMILARITY


# Texts and word diffs ----------------------------------------------------------------------------

@dataclass(frozen=True)
class DiffSegment:
    op: str  # equal, insert (only in b), delete (only in a)
    text: str


_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
_WORDY = re.compile(r"\w")
DIFF_CELLS = 40_000_000  # above this many token pairs, a cheaper diff


def word_diff(a: str, b: str) -> list[DiffSegment]:
    """The word-level differences of two texts: the equal and deleted segments put
    together give ``a``, the equal and inserted ones give ``b``. A change is one
    deletion followed by one insertion, so "the order shipped" against "the parcel was
    lost" reads as one replaced phrase rather than alternating words."""
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    if len(ta) * len(tb) <= DIFF_CELLS:
        matches = lcs_pairs(ta, tb)
    else:
        from difflib import SequenceMatcher

        matches = [(blk.a + k, blk.b + k) for blk in SequenceMatcher(None, ta, tb).get_matching_blocks()
                   for k in range(blk.size)]
    ops: list[tuple[str, str]] = []
    i = j = 0
    for x, y in [*matches, (len(ta), len(tb))]:
        if i < x:
            ops.append(("delete", "".join(ta[i:x])))
        if j < y:
            ops.append(("insert", "".join(tb[j:y])))
        if x < len(ta):
            ops.append(("equal", ta[x]))
        i, j = x + 1, y + 1
    return _tidy(ops)


def _tidy(ops: list[tuple[str, str]]) -> list[DiffSegment]:
    """Merge neighbouring segments; what stays equal between two changes without being a
    word (a space, a comma) joins them into one change."""
    merged: list[list[str]] = []
    for op, text in ops:
        if merged and merged[-1][0] == op:
            merged[-1][1] += text
        else:
            merged.append([op, text])
    for k in range(1, len(merged) - 1):
        if merged[k][0] == "equal" and not _WORDY.search(merged[k][1]) and len(merged[k][1]) <= 3 \
                and merged[k - 1][0] != "equal" and merged[k + 1][0] != "equal":
            merged[k][0] = "both"
    out: list[DiffSegment] = []
    k = 0
    while k < len(merged):
        if merged[k][0] == "equal":
            out.append(DiffSegment("equal", merged[k][1]))
            k += 1
            continue
        deleted, inserted = [], []
        while k < len(merged) and merged[k][0] != "equal":
            op, text = merged[k]
            if op in ("delete", "both"):
                deleted.append(text)
            if op in ("insert", "both"):
                inserted.append(text)
            k += 1
        if deleted:
            out.append(DiffSegment("delete", "".join(deleted)))
        if inserted:
            out.append(DiffSegment("insert", "".join(inserted)))
    return out


def step_text(conn: Connection, span_pk: int) -> str:
    """What a step produced, as text to compare: an LLM step's reply and the tools it
    called, a tool's result or error, a retrieval's documents."""
    step = conn.exec_driver_sql("SELECT kind, output, error FROM span WHERE id = ?", (span_pk,)).one()
    kind, value = step.kind, loads_or_none(step.output)
    parts: list[str] = []
    if kind == "llm" and isinstance(value, dict) and isinstance(value.get("messages"), list):
        for message in value["messages"]:
            if isinstance(message, dict):
                parts += _message_parts(message)
    elif kind == "retrieval" and (documents := retrieved_documents(value)) is not None:
        parts += [text_of(d.get("content") if isinstance(d, dict) else d, TEXT_LIMIT) for d in documents]
    elif value is not None:
        parts.append(value if isinstance(value, str) else _compact(value))
    if step.error:
        err = loads_or_none(step.error)
        parts.append(f"error: {err.get('message', '') if isinstance(err, dict) else err}")
    return "\n".join(p for p in parts if p)[:TEXT_LIMIT]


def _message_parts(message: dict[str, Any]) -> list[str]:
    """A message's text and the tools it called, as ``name(arguments)``."""
    return [text_of(message.get("content"), TEXT_LIMIT),
            *(f"{c.get('name')}({_compact(c.get('arguments'))})"
              for c in message.get("tool_calls") or [] if isinstance(c, dict))]


def _compact(value: Any) -> str:
    import orjson

    try:
        return orjson.dumps(value).decode()
    except TypeError:
        return str(value)


def pair_diff(conn: Connection, pair: AlignedPair, conn_b: Connection | None = None,
              read: Callable[[Connection, int], str] = step_text) -> list[DiffSegment]:
    """The word diff of what the two steps of a pair produced (one side empty for a gap),
    or of what else ``read`` reads of a step; ``conn_b`` reads step B from another database."""
    conn_b = conn if conn_b is None else conn_b
    return word_diff(read(conn, pair.a.pk) if pair.a else "", read(conn_b, pair.b.pk) if pair.b else "")


def step_input_text(conn: Connection, span_pk: int) -> str:
    """What a step was given, as text to compare: an LLM step's messages one per line with
    their role (the system prompt first, so another prompt shows as a changed first line),
    a tool's arguments, a retrieval's query."""
    (raw,) = conn.exec_driver_sql("SELECT input FROM span WHERE id = ?", (span_pk,)).one()
    value = loads_or_none(raw)
    if isinstance(value, dict) and isinstance(value.get("messages"), list):
        lines = []
        for message in value["messages"]:
            if isinstance(message, dict):
                lines.append(f"{message.get('role', '?')}: " + " ".join(p for p in _message_parts(message) if p))
        return "\n".join(lines)[:TEXT_LIMIT]
    if value is None:
        return ""
    return (value if isinstance(value, str) else _compact(value))[:TEXT_LIMIT]


def pair_input_diff(conn: Connection, pair: AlignedPair, conn_b: Connection | None = None) -> list[DiffSegment]:
    """The word diff of what the two steps of a pair were given (their prompts and
    messages, a tool's arguments); ``conn_b`` reads step B from another database."""
    return pair_diff(conn, pair, conn_b, read=step_input_text)


@dataclass(frozen=True)
class StepCost:
    """How long a step took and the tokens it used (None where the trace does not say)."""

    duration_ns: int | None
    tokens: int | None

    @classmethod
    def of(cls, node: SpanNode | None) -> StepCost:
        if node is None:
            return cls(None, None)
        counts = [n for n in (node.input_tokens, node.output_tokens) if n is not None]
        return cls(node.duration_ns, sum(counts) if counts else None)


def cost_change(a: SpanNode | None, b: SpanNode | None) -> str:
    """How run B's step compares with run A's in time and tokens, in words ("" when
    either side is missing or says nothing): "B took 3.1× as long and 420 more tokens"."""
    ca, cb = StepCost.of(a), StepCost.of(b)
    parts = []
    if ca.duration_ns and cb.duration_ns is not None:
        ratio = cb.duration_ns / ca.duration_ns
        if ratio >= 1.25 or ratio <= 0.8:
            parts.append(f"{ratio:.1f}× as long" if ratio >= 1 else f"{1 / ratio:.1f}× less time")
    if ca.tokens is not None and cb.tokens is not None and ca.tokens != cb.tokens:
        more = cb.tokens - ca.tokens
        parts.append(f"{abs(more)} {'more' if more > 0 else 'fewer'} tokens")
    return ("B took " + " and ".join(parts)) if parts else ""
