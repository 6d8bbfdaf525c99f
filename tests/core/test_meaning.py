"""The meaning model's vectors stay the same however full its word table gets."""

from __future__ import annotations

import numpy as np

from tracedesk.core.signals import meaning


def test_a_text_keeps_its_vector_when_the_word_table_starts_again(monkeypatch) -> None:
    shared = meaning.embedder()
    assert shared is not None
    monkeypatch.setattr(meaning, "_WORD_CACHE_LIMIT", 8)  # a table that fills after a few messages
    model = meaning.Embedder(shared.table, shared.tokenizer)
    texts = ["how do i reset my password", "where is my parcel from last week", "cancel order 5521 please"]
    fresh = [meaning.Embedder(shared.table, shared.tokenizer).embed([t])[0] for t in texts]
    once = model.embed(texts)  # more new words than the table holds: it starts again first
    again = model.embed(texts)
    for i in range(len(texts)):
        assert float(np.dot(once[i], fresh[i])) > 0.9999
        assert float(np.dot(again[i], fresh[i])) > 0.9999
    assert model.embed(["   ", ""]).tolist() == [[0.0] * model.dim] * 2
