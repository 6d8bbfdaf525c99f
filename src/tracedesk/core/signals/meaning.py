"""What a message means, as a vector: two messages that ask for the same thing in other
words ("How do I reset my password?", "I forgot my password, what do I do?") lie close
together, whatever words they share.

The vectors are static word embeddings (WordLlama's 256-dimensional weights, 16 MB, which
ship inside the ``wordllama`` wheel): a message's vector is the mean of its tokens'
vectors, so embedding is a table lookup and a sum, tens of thousands of messages a second
on one core, with nothing downloaded and no network. The model is loaded on first use,
not when the app starts.

Words are embedded once and kept (:class:`Embedder` caches each word's token vectors), so
a message costs a regular expression, a few dictionary lookups and one sum. Without the
package, :func:`embedder` returns None and the detectors fall back to their patterns:
meaning makes the queue sharper, it is never needed for it to work.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from itertools import chain

import numpy as np

_WORD = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)
MAX_WORDS = 80  # words of a message read: the request is in its first sentences
_WORD_CACHE_LIMIT = 200_000
_BLOCK_WORDS = 4096  # words summed at once: a block's gather stays a few megabytes
_TEXT_CACHE_LIMIT = 25_000  # texts whose vectors are kept, for each way of reading (a kilobyte each)


class _Known:
    """The vectors of texts met before, one row each of a growing matrix, by text."""

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self.clear()

    def clear(self) -> None:
        self.rows: dict[str, int] = {}
        self.vectors = np.zeros((1024, self.dim), np.float32)

    def add(self, texts: list[str], vectors: np.ndarray) -> None:
        start = len(self.rows)
        while start + len(texts) > len(self.vectors):
            self.vectors = np.concatenate([self.vectors, np.zeros_like(self.vectors)])
        self.vectors[start:start + len(texts)] = vectors
        self.rows.update(zip(texts, range(start, start + len(texts)), strict=True))


class Embedder:
    """Unit vectors of short texts, from a token embedding table and its tokenizer.

    Each word met is tokenized once; the sum of its tokens' vectors and their count are
    kept in a growing table, so that embedding a batch of texts is one gather and one
    sum over that table (:meth:`embed`). The vector of each text is kept too: a canned
    answer or a common question, met again in this detection or the next, is looked up."""

    def __init__(self, table: np.ndarray, tokenizer) -> None:
        self.table = table
        self.dim = table.shape[1]
        self.tokenizer = tokenizer
        self._index: dict[str, int] = {}
        self._sums = np.zeros((1024, self.dim), np.float32)
        self._counts = np.zeros(1024, np.float32)
        # Texts read whole, and without the skipped words (detection skips one set of words).
        self._known = {False: _Known(self.dim), True: _Known(self.dim)}
        self._lock = threading.Lock()

    def _add(self, words: list[str]) -> None:
        """Give each of ``words`` (none known yet) its row: the sum of its tokens' vectors
        and their count. The words are tokenized in one call, which the tokenizer spreads
        over the cores."""
        start = len(self._index) + 1  # row 0 stays zeros: the padding of short texts
        while start + len(words) > len(self._counts):
            self._sums = np.concatenate([self._sums, np.zeros_like(self._sums)])
            self._counts = np.concatenate([self._counts, np.zeros_like(self._counts)])
        # (Without padding, set when the model is loaded: each word's own tokens, no more.)
        encoded = self.tokenizer.encode_batch([" " + word for word in words], add_special_tokens=False)
        size = len(self.table)
        for row, (word, encoding) in enumerate(zip(words, encoded, strict=True), start):
            ids = [i for i in encoding.ids if 0 <= i < size]
            self._sums[row] = self.table[ids].sum(axis=0) if ids else 0.0
            self._counts[row] = len(ids)
            self._index[word] = row

    def _word_rows(self, texts: Sequence[str], skip: frozenset[str]) -> list[list[int]]:
        """The word rows of each text. The table is started again (its rows numbered anew),
        when it would grow past its limit, before any row of this batch is handed out, never
        in the middle of one."""
        find = _WORD.findall

        def words(text: str) -> list[str]:
            found = find(text.lower())[:MAX_WORDS]
            return [w for w in found if w not in skip] if skip else found

        pending = [words(text) for text in texts]
        new = list(dict.fromkeys(w for ws in pending for w in ws if w not in self._index))
        if len(self._index) + len(new) >= _WORD_CACHE_LIMIT:
            self._index.clear()
            new = list(dict.fromkeys(w for ws in pending for w in ws))
        if new:
            self._add(new)
        index = self._index
        return [[index[w] for w in ws] for ws in pending]

    def embed(self, texts: Sequence[str], skip: frozenset[str] = frozenset()) -> np.ndarray:
        """One unit vector a text (a row of zeros for a text without words); the words in
        ``skip`` (function words, say) are left out. A text met before (a canned answer, a
        common question) is looked up, not read, and a text given twice is read once."""
        with self._lock:
            known = self._known[bool(skip)]
            distinct = dict.fromkeys(texts)
            if len(known.rows) + len(distinct) > _TEXT_CACHE_LIMIT:
                known.clear()  # started again before this batch's rows are handed out
            rows = known.rows
            new = [text for text in distinct if text not in rows]
            if new:
                known.add(new, self._vectors(self._word_rows(new, skip)))
            return known.vectors[[rows[text] for text in texts]]

    def _vectors(self, words_of: list[list[int]]) -> np.ndarray:
        """The unit vectors of texts given by their word rows. Texts of the same number of
        words are summed together, a block at a time: one gather and one sum a block, with
        no padding to read, and each text's rows added in order, as one text alone would be."""
        out = np.zeros((len(words_of), self.dim), dtype=np.float32)
        by_length: dict[int, list[int]] = {}
        for i, ids in enumerate(words_of):
            if ids:
                by_length.setdefault(len(ids), []).append(i)
        for width, which in by_length.items():
            step = max(1, _BLOCK_WORDS // width)
            for start in range(0, len(which), step):
                part = which[start:start + step]
                rows = np.fromiter(chain.from_iterable(words_of[i] for i in part), np.int64,
                                   len(part) * width).reshape(len(part), width)
                tokens = self._counts[rows].sum(axis=1)
                out[part] = self._sums[rows].sum(axis=1) / np.maximum(tokens, 1)[:, None]
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms

    def similarity(self, a: str, b: str) -> float:
        va, vb = self.embed([a, b])
        return float(va @ vb)


_loaded: Embedder | None = None
_tried = False
_load_lock = threading.Lock()


def embedder() -> Embedder | None:
    """The shared embedder, loaded on first call (about a tenth of a second); None when
    the model cannot be loaded (the package missing or damaged)."""
    global _loaded, _tried
    if _tried:
        return _loaded
    with _load_lock:
        if not _tried:
            _loaded = _load()
            _tried = True
    return _loaded


def _load() -> Embedder | None:
    try:
        from pathlib import Path

        import wordllama
        from wordllama import WordLlama
    except ImportError:
        return None
    try:
        # The wheel carries the weights and the tokenizer's configuration; naming its own
        # folder and forbidding downloads keeps the load local (its default folder is
        # elsewhere, and would then go to the network).
        model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    except Exception:  # a damaged or partial installation: detection goes on without meaning
        return None
    tokenizer = model.tokenizer
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return Embedder(np.asarray(model.embedding, dtype=np.float32), tokenizer)


class Prototypes:
    """Example messages of one intent ("let me talk to a person"), for telling whether a
    message says the same thing: its best cosine similarity with any of them."""

    def __init__(self, examples: Sequence[str]) -> None:
        self.examples = tuple(examples)
        self._vectors: np.ndarray | None = None

    def scores(self, model: Embedder, vectors: np.ndarray) -> np.ndarray:
        if self._vectors is None:
            self._vectors = model.embed(self.examples)
        if not len(vectors):
            return np.zeros(0, np.float32)
        return (vectors @ self._vectors.T).max(axis=1)
