"""A labelled evaluation bundle of support-bot conversations, written apart from the detectors.

Five companies (a bank, a mobile operator, an invoicing app, an airline, a pharmacy); each
session is one scenario of ``support_scenarios`` with a few ordinary turns around it. The
labels sit beside the bundle:

    {"failures": {trace_id: kind}, "undetectable": [trace_id, ...],
     "hard_negatives": {trace_id: kind}, "explicit_negative": [trace_id, ...]}

``failures`` holds every planted failure, the undetectable ones too (they are also listed in
``undetectable``); ``explicit_negative`` the traces with a thumbs-down or a low rating.

    write_support_set(folder, seed) -> (bundle_path, labels_path)
"""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

from tests.eval.support_runs import SessionMeta, Turn, records
from tests.eval.support_scenarios import SCENARIOS
from tests.eval.support_session import Session
from tests.eval.support_words import airline, bank, pharmacy, saas, telecom
from tests.eval.support_words import reactions as R
from tests.eval.support_words.base import Domain

DOMAINS: list[Domain] = [bank.DOMAIN, telecom.DOMAIN, saas.DOMAIN, airline.DOMAIN, pharmacy.DOMAIN]
SOURCE = "helpdesk-eval/prod"
DAYS = 21
ADJECTIVES = ["quiet", "busy", "sunny", "brisk", "calm", "lucky", "rapid", "gentle", "bold", "witty", "mellow"]
NOUNS = ["otter", "falcon", "maple", "river", "comet", "badger", "willow", "harbor", "pepper", "lynx", "cedar"]


def build_session(rng: random.Random, index: int, sessions: int) -> tuple[SessionMeta, Session]:
    domain = rng.choice(DOMAINS)
    names = list(SCENARIOS)
    name = rng.choices(names, weights=[SCENARIOS[n][0] for n in names])[0]
    _, scenario, where = SCENARIOS[name]
    locale = rng.choice(domain.locales)
    lang = locale[:2] if not locale.startswith("en") and rng.random() < 0.7 else None
    s = Session(rng, domain, lang)
    if where != "first" and rng.random() < 0.35:
        s.filler(rng.choice([1, 1, 2]))
    scenario(s)
    if where != "last" and rng.random() < 0.35:
        s.filler(rng.choice([1, 1, 2]))
        if rng.random() < 0.2:
            # The same as the thanks_end scenario: a good answer, thanks, and the user leaves.
            if s.turns[-1][0].label is None:
                s.turns[-1][0].label = ("hard", "thanks_end")
            s.add(Turn(s.vary(s.one(R.THANKS_END), light=True), s.one(R.THANKS_REPLY), think=rng.uniform(4, 30)),
                  label=("hard", "thanks_end"))
    meta = SessionMeta(
        session_id=f"c{index:05d}", user_id=f"{rng.choice(ADJECTIVES)}-{rng.choice(NOUNS)}-{rng.randint(1, 400)}",
        start=index * DAYS * 86400 / sessions + rng.uniform(0, 1800), model=rng.choice(domain.models),
        prompt_version=rng.choice(domain.prompt_versions), locale=locale,
        channel=rng.choice(["web", "web", "ios", "android"]), as_messages=rng.random() < 0.3, domain=domain,
        tags=[])
    return meta, s


def write_support_set(folder: Path, seed: int, sessions: int = 1500) -> tuple[Path, Path]:
    """Write the bundle and its labels into ``folder``; the same seed writes the same files."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    labels: dict = {"failures": {}, "undetectable": [], "hard_negatives": {}, "explicit_negative": []}
    lines = [json.dumps({"type": "bundle", "version": 1, "source": SOURCE, "exported_at": "2026-11-24T06:00:00Z"})]
    for index in range(1, sessions + 1):
        meta, session = build_session(rng, index, sessions)
        out, trace_ids = records(meta, session.turns, rng)
        lines.extend(json.dumps(r, ensure_ascii=False) for r in out)
        for (turn, _), trace_id in zip(session.turns, trace_ids, strict=True):
            if turn.explicit_negative:
                labels["explicit_negative"].append(trace_id)
            if turn.label is None:
                continue
            group, kind = turn.label
            if group == "hard":
                labels["hard_negatives"][trace_id] = kind
            else:
                labels["failures"][trace_id] = kind
                if group == "undetectable":
                    labels["undetectable"].append(trace_id)
    bundle = folder / "support-eval.jsonl.gz"
    with open(bundle, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(("\n".join(lines) + "\n").encode())
    labels_path = folder / "support-eval.labels.json"
    labels_path.write_text(json.dumps(labels, indent=1, sort_keys=True))
    return bundle, labels_path

