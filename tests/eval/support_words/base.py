"""What a company's support bot knows: its intents, tools, help articles and answers.

Every text is a ``str.format`` template over the session's slots (account numbers, amounts,
dates...) and, for a tool intent, the fields of the tool's result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Slots = dict[str, Any]


@dataclass(frozen=True)
class Tool:
    name: str
    args: Callable[[Slots], dict]
    result: Callable[[Slots], Any]
    # An answer that states something else than the result says (a status, an amount, a date).
    wrong: str
    # An answer that claims the action was done (or states a value) although the call failed.
    claim: str
    # An honest answer when the call failed: nothing was done, what to do instead.
    honest: str


@dataclass(frozen=True)
class Intent:
    key: str
    asks: list[str]
    rephrases: list[str]
    answer: str
    more: str
    docs: list[tuple[str, str]]
    unhelpful: list[str]
    followups: list[tuple[str, str]]
    # An answer with facts (figures, conditions) that none of the intent's documents state.
    unsupported: str
    tool: Tool | None = None
    # An older version of a document, and the answer that follows it faithfully: wrong,
    # but nothing in the run shows it.
    stale_doc: str = ""
    stale_answer: str = ""
    # A question the answer may end with, and what the bot says when the user declines.
    offer: str = ""
    declined: str = "Alright, I'll leave it as it is."
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Domain:
    key: str
    company: str
    system: str
    search_name: str
    intents: list[Intent]
    slots: Callable[[Any], Slots]
    # Questions that name a person, a human or an agent without asking for one, with answers.
    human_words: list[tuple[str, str]]
    # What the user says about the product before asking (annoyed at the product, not the bot).
    complaints: list[str]
    handoff: list[str]
    models: list[str]
    prompt_versions: list[str]
    locales: list[str]


def swap_digits(text: str) -> str:
    """The same figure with two of its digits exchanged: a plausible misquote of an amount."""
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    for a, b in zip(digits, digits[1:], strict=False):
        if text[a] != text[b]:
            chars = list(text)
            chars[a], chars[b] = chars[b], chars[a]
            return "".join(chars)
    return text.replace(text[digits[0]], str((int(text[digits[0]]) + 1) % 10), 1) if digits else text + "0"


def money(value: float) -> str:
    return f"{value:,.2f}"
