"""The failure queue as a lazy table model.

The model holds the ordered trace ids of the queue (a list of ints: 1,000,000 of them take
a few tens of MB) and reads the rows a view paints in blocks through
:func:`tracedesk.core.queue.rows_for` (and their latency, cost, tokens and review through
:func:`tracedesk.core.run_columns.run_figures`), keeping the most recently used blocks in
a cache. Scrolling to any place in the queue costs one block read. The queue's filter
(:class:`~tracedesk.core.queue.QueueFilter`) chooses the rows, by latency, cost and metadata
too.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from sqlalchemy import Connection

from ..core import queue, run_columns, views
from ..core.queue import QueueFilter, QueueRow
from ..core.run_columns import RunFigures
from ..core.store import Store
from .background import LatestRunner
from .style import format_duration, signal_label
from .text import local_time, plain_tip, shown, usd_text

BLOCK = 200  # rows read at once
CACHED_BLOCKS = 64  # blocks kept (12,800 rows)

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the QueueRow
PK_ROLE = Qt.ItemDataRole.UserRole + 2  # the trace's row id

PRIORITY, REASONS, QUESTION, TIME, MODEL, GROUP, LATENCY, COST, TOKENS, REVIEW = range(10)
HEADERS = ("Priority", "Signals", "Question", "Time", "Model · version", "Alike", "Latency", "Cost", "Tokens",
           "Review")
TOOLTIPS = (
    "How likely the trace holds a defect, from its signals (0 to 1)",
    "The reasons the trace is in the queue, strongest first",
    "The user's message",
    "When the run started (local time)",
    "The model and prompt version of the run",
    "Near-duplicates grouped under this trace: the same failure on the same question",
    "How long the run took, from its start to its end",
    "What the run cost: the sum of its steps' costs (US dollars)",
    "The tokens its steps used, input and output",
    "Its latest review: the verdict and who gave it",
)
NUMERIC = (PRIORITY, GROUP, LATENCY, COST, TOKENS)  # right-aligned
# Which core sort key each column sorts by (None: the priority order, reversed or not).
SORT_KEYS = {PRIORITY: None, REASONS: "reason", QUESTION: "trace", TIME: "time", MODEL: "model",
             GROUP: "group", LATENCY: "latency", COST: "cost", TOKENS: "tokens", REVIEW: "review"}
FIGURE_COLUMNS = (LATENCY, COST, TOKENS, REVIEW)  # read through run_columns

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root: Qt's default parent
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class QueueModel(QAbstractTableModel):
    """Rows of the failure queue for the filter given, highest priority first unless
    sorted by another column.

    A queue of up to :attr:`SYNC_IDS` rows has its ids read at once. A bigger one shows
    at once too: its row count comes first (one index count), the rows on screen come by
    pages in priority order, and the ids are read in the background; ``ids_loaded`` says
    when they are there.

    On a database of more than :attr:`SYNC_IDS` traces, a search typed in the filter bar
    (``set_filter(f, background=True)`` with words to find) is read in the background: the
    rows shown stay until the ones found replace them (``searched``), ``searching`` says
    whether a search is under way, and a search overtaken by a newer filter is dropped.
    """

    refreshed = Signal()  # after the queue was read again (a new filter, an import)
    ids_loaded = Signal()  # every id of a big queue is known (sorting and finding by id work)
    searching_changed = Signal(bool)  # a search read in the background started, or ended
    searched = Signal()  # the rows of a search read in the background replaced the rows shown

    SYNC_IDS = 100_000

    def __init__(self, store: Store | None = None, parent=None) -> None:
        super().__init__(parent)
        self._store = store
        self._filter = QueueFilter()
        self._count = 0
        self._ids: list[int] | None = []
        self._blocks: OrderedDict[int, list[QueueRow | None]] = OrderedDict()
        self._figures: dict[int, dict[int, RunFigures]] = {}  # per block: the figures of its rows
        self._sort: tuple[int, Qt.SortOrder] = (PRIORITY, Qt.SortOrder.DescendingOrder)
        # The ids of a big queue, read in the background: a newer refresh or sort drops them.
        self._ids_reader = LatestRunner(self._ids_read, self)
        self._pending: QueueFilter | None = None  # the search being read in the background
        self._searcher = LatestRunner(self._search_read, self)  # a search overtaken by a newer filter is dropped
        self._highest_pk = 0  # of the queue, read with the queue: whether a search is read in the background
        self.block_reads = 0  # how many blocks were read (for tests and benchmarks)

    # -- what the window asks -------------------------------------------------------------

    @property
    def store(self) -> Store | None:
        return self._store

    @property
    def queue_filter(self) -> QueueFilter:
        return self._filter

    @property
    def ids_known(self) -> bool:
        return self._ids is not None

    @property
    def searching(self) -> bool:
        """A search is being read in the background (the rows shown are those of before)."""
        return self._pending is not None

    def set_store(self, store: Store | None, *, refresh: bool = True) -> None:
        self._store = store
        self._end_search()
        if refresh:
            self.refresh()
        else:
            self._highest_pk = self._read_highest_pk()

    def set_filter(self, f: QueueFilter, *, background: bool = False) -> None:
        """Show the queue of ``f``. With ``background``, a search on a big database is read
        in the background and its rows replace the ones shown when they are there."""
        if background and f.text and self._big():
            self._read_search(f)
            return
        self._end_search()  # a search still being read is overtaken by this filter
        self._filter = f
        self.refresh()

    def refresh(self) -> None:
        """Read the queue again (after an import, a new filter or another database)."""
        if self._pending is not None:  # the search typed last is the filter now
            self._filter = self._pending
            self._end_search()
        self.beginResetModel()
        self._ids_reader.cancel()
        self._blocks.clear()
        self._figures.clear()
        self._ids, self._count = [], 0
        self._highest_pk = 0
        if self._store is not None:
            with self._store.read() as conn:
                self._count = queue.count(conn, self._filter)
                self._highest_pk = queue.highest_pk(conn)
            if self._count <= self.SYNC_IDS or self._sort[0] != PRIORITY:
                self._ids = self._read_ids()
                self._count = len(self._ids)
            else:
                self._ids = None
                self._load_ids_in_background()
        self.endResetModel()
        self.refreshed.emit()

    def trace_pk(self, row: int) -> int | None:
        if not 0 <= row < self._count:
            return None
        if self._ids is not None:
            return self._ids[row]
        found = self.queue_row(row)
        return found.trace_pk if found is not None else None

    def row_of(self, trace_pk: int) -> int | None:
        if self._ids is not None:
            try:
                return self._ids.index(trace_pk)
            except ValueError:
                return None
        for block, rows in self._blocks.items():
            for offset, row in enumerate(rows):
                if row is not None and row.trace_pk == trace_pk:
                    return block * BLOCK + offset
        return None

    def queue_row(self, row: int) -> QueueRow | None:
        if not 0 <= row < self._count:
            return None
        block = row // BLOCK
        rows = self._blocks.get(block)
        if rows is None:
            rows = self._read_block(block)
        else:
            self._blocks.move_to_end(block)
        offset = row - block * BLOCK
        return rows[offset] if offset < len(rows) else None

    def rows_changed(self, trace_pks: frozenset[int] | None) -> None:
        """These traces' reviews or states changed (None: any trace's): their rows are read
        again as they are painted, in the same places (the queue's order is kept until it
        is read again)."""
        blocks = set(self._blocks) if trace_pks is None else {
            block for block, rows in self._blocks.items() if any(r is not None and r.trace_pk in trace_pks
                                                                  for r in rows)}
        for block in blocks:
            if self._ids is not None:  # rows read by id: read again, they stay in their places
                del self._blocks[block]
            # else a big queue's pages, read by place: those places moved, only the figures are read again
            self._figures.pop(block, None)
            first = block * BLOCK
            last = min(first + BLOCK, self._count) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(HEADERS) - 1))

    # -- reading ----------------------------------------------------------------------------

    def _read_ids(self) -> list[int]:
        if self._store is None:
            return []
        with self._store.read() as conn:
            return _sorted_ids(conn, self._filter, self._sort)

    def _read_highest_pk(self) -> int:
        if self._store is None:
            return 0
        with self._store.read() as conn:
            return queue.highest_pk(conn)

    def _big(self) -> bool:
        """Whether the database may hold more than :attr:`SYNC_IDS` traces in its queue
        (the highest row id, read with the queue)."""
        return self._store is not None and self._highest_pk > self.SYNC_IDS

    def _read_search(self, f: QueueFilter) -> None:
        """Read the ids of ``f`` and its first rows in the background; the rows shown stay."""
        store, sort = self._store, self._sort
        started = self._pending is None
        self._pending = f

        def read() -> tuple[QueueFilter, list[int], list[QueueRow]]:
            assert store is not None
            with store.read() as conn:
                ids = _sorted_ids(conn, f, sort)
                first = queue.rows_for(conn, ids[:BLOCK])
            return f, ids, first

        self._searcher.run(read)
        if started:
            self.searching_changed.emit(True)

    def _end_search(self) -> None:
        """Forget the search under way: what it finds is dropped."""
        self._searcher.cancel()
        if self._pending is not None:
            self._pending = None
            self.searching_changed.emit(False)

    def _search_read(self, result: tuple[QueueFilter, list[int], list[QueueRow]] | None,
                     error: Exception | None) -> None:
        if error is not None:  # the rows shown stay; the error goes where errors go
            self._end_search()
            raise error
        f, ids, first = result  # type: ignore[misc]
        self._pending = None
        self.beginResetModel()
        self._ids_reader.cancel()  # ids of the rows shown before, still being read: not wanted now
        self._filter = f
        self._blocks.clear()
        self._figures.clear()
        self._ids, self._count = ids, len(ids)
        found = {r.trace_pk: r for r in first}
        self._blocks[0] = [found.get(pk) for pk in ids[:BLOCK]]
        self.endResetModel()
        self.refreshed.emit()
        self.searched.emit()
        self.searching_changed.emit(False)

    def _load_ids_in_background(self) -> None:
        store, f = self._store, self._filter

        def read() -> list[int]:
            assert store is not None
            with store.read() as conn:
                return queue.ids(conn, f)

        self._ids_reader.run(read)

    def _ids_read(self, ids: list[int] | None, error: Exception | None) -> None:
        if error is not None:
            raise error
        assert ids is not None
        if self._ids is not None:
            return  # known already
        if len(ids) != self._count:  # the database changed in between: show what it holds now
            self.beginResetModel()
            self._blocks.clear()
            self._figures.clear()
            self._ids, self._count = ids, len(ids)
            self.endResetModel()
        else:
            self._ids = ids
        self.ids_loaded.emit()

    def _read_block(self, block: int) -> list[QueueRow | None]:
        rows: list[QueueRow | None] = []
        if self._store is not None:
            with self._store.read() as conn:
                if self._ids is not None:
                    pks = self._ids[block * BLOCK:(block + 1) * BLOCK]
                    found = {r.trace_pk: r for r in queue.rows_for(conn, pks)} if pks else {}
                    rows = [found.get(pk) for pk in pks]
                else:  # a big queue whose ids are still being read: its pages are in priority order
                    rows = list(queue.page(conn, self._filter, block * BLOCK, BLOCK))
            self.block_reads += 1
        self._blocks[block] = rows
        self._figures.pop(block, None)  # read with the rows' figures when a figure column is painted
        while len(self._blocks) > CACHED_BLOCKS:
            dropped, _ = self._blocks.popitem(last=False)
            self._figures.pop(dropped, None)
        return rows

    def run_figures(self, row: int) -> RunFigures | None:
        """The latency, cost, tokens and review of a row (read with those of its block)."""
        found = self.queue_row(row)
        if found is None:
            return None
        block = row // BLOCK
        figures = self._figures.get(block)
        if figures is None:
            pks = [r.trace_pk for r in self._blocks.get(block, []) if r is not None]
            figures = {}
            if self._store is not None and pks:
                with self._store.read() as conn:
                    figures = run_columns.run_figures(conn, pks)
            self._figures[block] = figures
        return figures.get(found.trace_pk)

    # -- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return TOOLTIPS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        if role == PK_ROLE:
            return self.trace_pk(index.row())
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ROW_ROLE,
                        Qt.ItemDataRole.TextAlignmentRole):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        row = self.queue_row(index.row())
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        if column in FIGURE_COLUMNS:
            figures = self.run_figures(index.row())
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tip(figures_tip(figures, column)) if figures is not None else None
            return figures_text(figures, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(self._tooltip(row, column))
        return self._display(row, column)

    @staticmethod
    def _display(row: QueueRow, column: int) -> str:
        if column == PRIORITY:
            return f"{row.priority:.2f}"
        if column == REASONS:
            signals = ", ".join(signal_label(r.signal) for r in row.reasons)
            state = row.out_state  # how a trace out of the queue is marked (in "All traces", a group)
            return f"[{state}] {signals}".strip() if state else signals
        if column == QUESTION:
            return shown(row.question) or f"({row.trace_id})"
        if column == TIME:
            return local_time(row.start_ns)
        if column == MODEL:
            return " · ".join(p for p in (row.model, row.prompt_version) if p)
        if column == GROUP:
            return f"+{row.group_size - 1}" if row.group_size > 1 else ""
        return ""

    @staticmethod
    def _tooltip(row: QueueRow, column: int) -> str:
        state = {"reviewed": "Reviewed: out of the queue.", "snoozed": "Snoozed: out of the queue for a while "
                 "(Shift+X reopens it).", "skipped": "Skipped: out of the queue until reopened (Shift+X)."
                 }.get(row.state, "")
        if column == REASONS and (row.reasons or state):
            lines = [f"{signal_label(r.signal)} ({r.confidence:.0%}): {r.detail}"
                     + (f"\n    {signal_label(r.signal)} flags {r.learned_from}" if r.learned_from else "")
                     for r in row.reasons]
            return "\n".join([state, *lines] if state else lines)
        if column == GROUP and row.group_size > 1:
            return (f"{row.group_size - 1} more traces fail the same way on the same question.\n"
                    "Click, or press G, to see them all.")
        if column == QUESTION:
            return f"{row.source}:{row.trace_id}\n{row.question}"
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in SORT_KEYS or (column, order) == self._sort:
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        pks = [self.trace_pk(index.row()) for index in persistent]
        self._ids_reader.cancel()  # ids still being read in the background are in the old order
        ids = self._read_ids()
        if len(ids) != self._count:  # the database changed meanwhile: start over
            self.layoutChanged.emit()
            self.refresh()
            return
        self._ids = ids
        self._blocks.clear()
        positions = {pk: row for row, pk in enumerate(ids)}
        moved = [self.index(positions[pk], index.column()) if pk in positions else QModelIndex()
                 for pk, index in zip(pks, persistent, strict=True)]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()
        if self._pending is not None:  # the search under way was read in the old order: read it again
            self._read_search(self._pending)


def figures_text(figures: RunFigures | None, column: int) -> str:
    """What a latency, cost, tokens or review cell says ("" where the run does not say)."""
    if figures is None:
        return ""
    if column == LATENCY:
        return format_duration(figures.latency_ns)
    if column == COST:
        return usd_text(figures.cost_usd, "")
    if column == TOKENS:
        return "" if figures.tokens is None else f"{figures.tokens:,}"
    if column == REVIEW and figures.verdict is not None:
        return f"{figures.verdict} · {figures.reviewer}" if figures.reviewer else figures.verdict
    return ""


def figures_tip(figures: RunFigures, column: int) -> str:
    if column == REVIEW:
        return (f"Reviewed by {figures.reviewer}: {figures.verdict}" if figures.verdict is not None
                else "Not reviewed yet")
    return "" if figures_text(figures, column) else "The trace does not say"


def _sorted_ids(conn: Connection, f: QueueFilter, sort: tuple[int, Qt.SortOrder]) -> list[int]:
    """The ids of the queue of ``f`` in the order of the column ``sort`` names."""
    column, order = sort
    ids = queue.ids(conn, f)
    key = SORT_KEYS.get(column)
    if key is not None:
        ids = views.sort_ids(conn, ids, key, descending=order == Qt.SortOrder.DescendingOrder)
    elif order == Qt.SortOrder.AscendingOrder:
        ids.reverse()
    return ids
