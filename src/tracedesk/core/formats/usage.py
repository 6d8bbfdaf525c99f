"""Token counts as the sources name them, read into the native ``usage`` keys
(``records.USAGE_KEYS``): input and output tokens, tokens read from and written to the
provider's prompt cache, and tokens spent reasoning.

Model providers' responses are the shape most formats pass on: OpenAI's chat completions
(``prompt_tokens``, ``prompt_tokens_details.cached_tokens``,
``completion_tokens_details.reasoning_tokens``), its Responses API (``input_tokens_details``,
``output_tokens_details``), Anthropic's (``cache_read_input_tokens``,
``cache_creation_input_tokens``) and LiteLLM's, which carries both.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Where a provider's usage object holds each count; the first present wins.
PROVIDER_KEYS: dict[str, tuple[str, ...]] = {
    "input_tokens": ("prompt_tokens", "input_tokens"),
    "output_tokens": ("completion_tokens", "output_tokens"),
    "cache_read_tokens": ("cache_read_input_tokens", "prompt_tokens_details.cached_tokens",
                          "input_tokens_details.cached_tokens", "cache_read_tokens"),
    "cache_write_tokens": ("cache_creation_input_tokens", "cache_write_tokens"),
    "reasoning_tokens": ("completion_tokens_details.reasoning_tokens", "output_tokens_details.reasoning_tokens",
                         "reasoning_tokens"),
}


def count(value: Any) -> int | None:
    """A token count: a whole number (booleans are not), else nothing."""
    if type(value) is int:
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def lookup(source: Mapping[str, Any], key: str) -> Any:
    """``source[key]``, else the value at the dotted path ``key`` through nested objects
    (Langfuse writes ``prompt_details.cache_read`` as one key, OpenAI nests it)."""
    if key in source:
        return source[key]
    value: Any = source
    for part in key.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def provider_usage(source: Any) -> dict[str, Any] | None:
    """A provider's usage object as a span's ``usage``: the counts under their native
    names, and the rest of the object as it came (kept in the span's attributes)."""
    if not isinstance(source, Mapping):
        return None
    usage: dict[str, Any] = read_usage(source)
    # A top-level key whose count became a usage key is not repeated; any other (a second
    # spelling that disagrees, a count that is not a number, total_tokens) is kept.
    taken = {k for name, keys in PROVIDER_KEYS.items() for k in keys
             if k in source and name in usage and count(source[k]) == usage[name]}
    usage.update((k, v) for k, v in source.items() if k not in taken and v is not None)
    return usage or None


def read_usage(source: Any, keys: Mapping[str, tuple[str, ...]] = PROVIDER_KEYS) -> dict[str, int]:
    """The native usage of ``source``: for each usage key, the first of its names holding a count."""
    if not isinstance(source, Mapping):
        return {}
    usage: dict[str, int] = {}
    for name, candidates in keys.items():
        found = next((c for c in (count(lookup(source, k)) for k in candidates) if c is not None), None)
        if found is not None:
            usage[name] = found
    return usage
