"""The tables of a review database.

Imported content is kept as it came: the columns that queries filter or sort on are
normalized (ids, times, kinds, models, token counts), and the rest is JSON text
(``input``, ``output``, ``metadata``, ``attributes``), so nothing a source sent is lost.

Times are integers: nanoseconds since the Unix epoch, UTC (``*_ns`` columns).

Identity:
- a trace is its source and its trace id (``Trace.source_id`` + ``Trace.trace_id``);
- a span is its trace and its span id;
- feedback is its content (``Feedback.content_hash``);
- human work (reviews, causes, audit entries) carries a UUID, an author and timestamps,
  so that databases can be merged and every change traced to a person.

Bulk paths (import, export, merge) use these tables through SQLAlchemy Core
(``Model.__table__``); the ORM classes serve the small, interactive paths.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from .ids import new_uuid


class Source(SQLModel, table=True):
    """A system that produced traces (``bundle.source``); trace ids are unique within it."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(Text, unique=True, nullable=False))
    created_ns: int


class ImportRun(SQLModel, table=True):
    """One bundle imported: where it came from and what it added."""

    __tablename__ = "import_run"

    id: int | None = Field(default=None, primary_key=True)
    path: str
    format: str
    started_ns: int
    finished_ns: int | None = None
    traces_added: int = 0
    spans_added: int = 0
    feedback_added: int = 0
    problems: int = 0
    bundle: str | None = None  # the bundle record as it came (JSON), if there was one


# What insights read of every trace, in an index that holds it all, led by the trace's id:
# a figure scans this narrow index, or looks traces up in it, instead of the rows, whose
# inputs and outputs are large.
TRACE_FACTS_INDEX = Index("ix_trace_facts", "id", "source_id", "start_ns", "end_ns", "model", "prompt_version",
                          "cost_usd", "tags")
# Traces by their list of tags (with what runs are measured by): insights count each list once, then split it.
TRACE_TAGS_INDEX = Index("ix_trace_tags", "tags", "start_ns", "end_ns", "cost_usd")
# The traces that have a signal of a kind, without reading the signals' rows.
SIGNAL_KIND_INDEX = Index("ix_signal_kind", "kind", "trace_pk")


class Trace(SQLModel, table=True):
    """One agent run: one turn of a conversation, or one task."""

    __table_args__ = (
        UniqueConstraint("source_id", "trace_id"),
        Index("ix_trace_session", "session_id", "start_ns"),
        Index("ix_trace_start", "start_ns"),
        TRACE_FACTS_INDEX,
        TRACE_TAGS_INDEX,
    )

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id")
    trace_id: str
    # False while the trace is known only from its spans (or feedback): the fields below
    # are then derived from the root span, and a trace record arriving later fills them.
    has_record: bool = False
    session_id: str | None = None
    user_id: str | None = None
    name: str | None = None
    start_ns: int | None = None
    end_ns: int | None = None
    status: str | None = None
    input: str | None = None  # JSON
    output: str | None = None  # JSON
    metadata_json: str | None = Field(default=None, sa_column=Column("metadata", Text))
    tags: str | None = None  # JSON array
    # Well-known metadata keys, normalized so that filters and insights can use an index.
    model: str | None = None
    prompt_version: str | None = None
    app_version: str | None = None
    environment: str | None = None
    span_count: int = 0
    error_count: int = 0
    cost_usd: float | None = None  # the sum of its steps' costs
    import_id: int | None = Field(default=None, foreign_key="import_run.id")


# What signal detection reads of every step, in an index that holds it all: detection
# scans this narrow index instead of the rows, whose inputs and outputs are large.
SPAN_STEPS_INDEX = Index("ix_span_steps", "trace_pk", "kind", "status", "name", "start_ns", "end_ns",
                         "input_tokens", "output_tokens", "cost_usd")


class Span(SQLModel, table=True):
    """One step of a run."""

    __table_args__ = (UniqueConstraint("trace_pk", "span_id"), SPAN_STEPS_INDEX)

    id: int | None = Field(default=None, primary_key=True)
    trace_pk: int = Field(foreign_key="trace.id")
    span_id: str
    parent_id: str | None = None
    name: str | None = None
    kind: str = "other"
    start_ns: int | None = None
    end_ns: int | None = None
    status: str | None = None
    error: str | None = None  # JSON {"type", "message"}
    input: str | None = None  # JSON
    output: str | None = None  # JSON
    model: str | None = None
    input_tokens: int | None = None
    output_tokens: int | None = None
    # Tokens read from and written to the provider's prompt cache, and spent on reasoning,
    # as the source counted them (``records.USAGE_KEYS``).
    cache_read_tokens: int | None = None
    cache_write_tokens: int | None = None
    reasoning_tokens: int | None = None
    cost_usd: float | None = None
    attributes: str | None = None  # JSON
    origin: str | None = None  # "file:line" the span was read from


class Feedback(SQLModel, table=True):
    """A signal about a trace (or one of its spans) that came with the data.

    Feedback may arrive before the trace it is about: ``trace_pk`` stays empty until a
    trace with ``trace_id`` is imported, and is attached then.
    """

    __table_args__ = (Index("ix_feedback_trace", "trace_pk"),)

    id: int | None = Field(default=None, primary_key=True)
    content_hash: str = Field(sa_column=Column(Text, unique=True, nullable=False))
    source_id: int = Field(foreign_key="source.id")
    trace_id: str
    trace_pk: int | None = Field(default=None, foreign_key="trace.id")
    span_id: str | None = None
    kind: str
    value: str | None = None  # JSON: a number, string or bool
    scale_min: float | None = None
    scale_max: float | None = None
    comment: str | None = None
    correction: str | None = None  # JSON
    feedback_source: str | None = None  # user, reviewer, automated
    author: str | None = None
    time_ns: int | None = None
    extra: str | None = None  # JSON: fields the format does not name
    origin: str | None = None


class Signal(SQLModel, table=True):
    """Evidence that a trace may hold a defect: from feedback, or detected."""

    __table_args__ = (Index("ix_signal_trace", "trace_pk"), SIGNAL_KIND_INDEX)

    id: int | None = Field(default=None, primary_key=True)
    trace_pk: int = Field(foreign_key="trace.id")
    span_id: str | None = None
    kind: str
    confidence: float
    detail: str | None = None
    evidence: str | None = None  # JSON
    feedback_id: int | None = Field(default=None, foreign_key="feedback.id")
    detector: str | None = None  # what produced it, with its version


class Cause(SQLModel, table=True):
    """One entry of the failure-cause taxonomy (editable: add, rename, retire, nest)."""

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, sa_column=Column(Text, unique=True, nullable=False))
    name: str
    description: str | None = None
    parent_uuid: str | None = None
    retired: bool = False
    created_ns: int
    updated_ns: int
    author: str | None = None


class Review(SQLModel, table=True):
    """A reviewer's verdict on a trace: whether it failed, why, where, and what was expected."""

    __table_args__ = (Index("ix_review_trace", "trace_pk"),)

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, sa_column=Column(Text, unique=True, nullable=False))
    trace_pk: int = Field(foreign_key="trace.id")
    reviewer: str
    verdict: str  # failure, ok, unsure
    severity: str | None = None
    cause_uuid: str | None = None
    blamed_span_id: str | None = None
    missing_step: bool = False
    expected: str | None = None  # JSON
    notes: str | None = None
    tags: str | None = None  # JSON array
    created_ns: int
    updated_ns: int


class QueueEntry(SQLModel, table=True):
    """A trace's place in the failure queue: its priority from its signals, the reasons,
    and its group of near-duplicates (the same failure on the same question)."""

    __tablename__ = "queue_entry"
    __table_args__ = (
        Index("ix_queue_order", "is_head", "priority", "trace_pk"),
        Index("ix_queue_open", "state", "priority", "trace_pk"),
        Index("ix_queue_group", "group_key", "state", "priority", "trace_pk"),
    )

    trace_pk: int = Field(sa_column=Column(Integer, primary_key=True))
    priority: float
    reasons: str | None = None  # JSON list of {signal, confidence, detail, span_id}
    top_kind: str | None = None
    group_key: str | None = None
    group_size: int = 1
    is_head: bool = True  # the one open trace of its group that the queue shows
    state: str = "open"  # open, reviewed, snoozed, skipped


class Meta(SQLModel, table=True):
    """Facts about the database as a whole (e.g. the queue weights its priorities use)."""

    key: str = Field(primary_key=True)
    value: str | None = None


class QueueState(SQLModel, table=True):
    """A reviewer's snooze or skip of a trace in the queue."""

    __tablename__ = "queue_state"

    trace_pk: int = Field(sa_column=Column(Integer, primary_key=True))
    state: str  # snoozed, skipped
    until_ns: int | None = None
    author: str | None = None
    updated_ns: int


class AuditEntry(SQLModel, table=True):
    """Who changed what, when: the before and after of every change to human work."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_author", "author", "id"), Index("ix_audit_entity", "entity_uuid", "id"))

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, sa_column=Column(Text, unique=True, nullable=False))
    time_ns: int
    author: str | None = None
    action: str
    entity: str  # review, cause, ...
    entity_uuid: str | None = None
    before: str | None = None  # JSON
    after: str | None = None  # JSON
    undoes: str | None = None  # an undo: the uuid of the entry it reversed


class Settlement(SQLModel, table=True):
    """The settled answer on a trace its reviewers disagree about: what a QA lead decided
    (verdict, cause, the step to blame). One per trace; it stands beside the reviews, which
    are kept as they are, so agreement between reviewers can still be measured."""

    __tablename__ = "settlement"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, sa_column=Column(Text, unique=True, nullable=False))
    trace_pk: int = Field(sa_column=Column(Integer, ForeignKey("trace.id"), unique=True, nullable=False))
    author: str
    verdict: str  # failure, ok, unsure
    cause_uuid: str | None = None
    blamed_span_id: str | None = None
    missing_step: bool = False
    notes: str | None = None
    created_ns: int
    updated_ns: int


# A full-text index of what a reviewer searches for: one document per trace, holding its
# name, the user's input, the final output, and the names, errors and a short excerpt of
# the output of its spans. LLM inputs are left out: they repeat the whole conversation so
# far, and indexing them would store the same text many times over.
FTS_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS trace_fts USING fts5("
    "body, tokenize = 'unicode61 remove_diacritics 2')"
)
