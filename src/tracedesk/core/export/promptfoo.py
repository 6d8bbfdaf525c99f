"""A promptfoo test file (YAML): a list of test cases, each with ``description``, ``vars``
(``question``, ``system_prompt``, ``context``: the documents and tool results as text,
``history``: the conversation before, as chat messages), ``assert`` and ``metadata``. Use
it from a promptfoo configuration as ``tests: file://cases.yaml``, with a chat prompt
such as::

    [{"role": "system", "content": "{{ system_prompt }}\n\n{{ context }}"},
     {% for m in history %}{"role": "{{ m.role }}", "content": {{ m.content | dump }}},{% endfor %}
     {"role": "user", "content": {{ question | dump }}}]

A case with an expected answer asserts ``factuality`` against it; one without asserts an
``llm-rubric`` that the failure the reviewer saw is gone.

The YAML is written here (no YAML library at run time): every string double-quoted with
escapes, so any text a trace holds reads back exactly. A variable whose text starts with
``file://`` (which promptfoo would read as a file's path) gets a leading space.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, TextIO

import orjson

from .cases import EvalCase
from .inspect_dataset import metadata

HEADER = ("# Eval cases exported by Tracedesk: a promptfoo test file.\n"
          "# Use it in promptfooconfig.yaml as   tests: file://{name}\n")


def test_case(case: EvalCase) -> dict[str, Any]:
    if case.expected is not None:
        check = {"type": "factuality", "value": case.expected}
    else:
        failure = case.cause or "the failure the reviewer found"
        check = {"type": "llm-rubric",
                 "value": f"The answer does not repeat this failure ({failure}) of the reviewed run"
                          + (f": {case.notes}" if case.notes else ".")}
    variables = {"question": case.question, "history": case.history, "context": case.context_text(),
                 "system_prompt": case.system_prompt or ""}
    for key, value in variables.items():
        if isinstance(value, str) and value.startswith("file://"):
            variables[key] = " " + value
    return {"description": f"{case.source}:{case.trace_id}" + (f" ({case.cause})" if case.cause else ""),
            "vars": variables, "assert": [check], "metadata": metadata(case)}


def write(cases: Iterable[EvalCase], out: TextIO, options: Any) -> int:
    out.write(HEADER.format(name=options.file_name))
    n = 0
    for case in cases:
        out.write("".join(_block([test_case(case)], 0)))
        n += 1
    if not n:
        out.write("[]\n")
    return n


# A small YAML writer: block mappings and sequences, double-quoted strings. ------------------

_ESCAPE = re.compile('[\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]')
_SHORT = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x00": "\\0"}
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    return _SHORT.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


# JSON's escapes are YAML's too; what JSON leaves raw but YAML reads as a line break or
# refuses is escaped after.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def quote(text: str) -> str:
    """A YAML double-quoted scalar holding exactly ``text``."""
    try:
        quoted = orjson.dumps(text).decode()
    except orjson.JSONEncodeError:  # a lone surrogate
        return '"' + _ESCAPE.sub(_escape, text) + '"'
    return _RAW_IN_JSON.sub(_escape, quoted) if _RAW_IN_JSON.search(quoted) else quoted


def _key(key: str) -> str:
    return key if _PLAIN_KEY.fullmatch(key) and key.lower() not in _RESERVED else quote(key)


def _scalar(value: Any) -> str | None:
    """The value as a one-line YAML scalar, or None for a non-empty mapping or sequence."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if value == value and value not in (float("inf"), float("-inf")) else quote(str(value))
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, dict | list) and not value:
        return "{}" if isinstance(value, dict) else "[]"
    if not isinstance(value, dict | list):
        return quote(str(value))
    return None


def _block(value: dict | list, indent: int) -> list[str]:
    """The lines of a non-empty mapping or sequence, at ``indent``."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, child in value.items():
            one = _scalar(child)
            if one is not None:
                lines.append(f"{pad}{_key(str(key))}: {one}\n")
            else:
                lines.append(f"{pad}{_key(str(key))}:\n")
                lines += _block(child, indent + 2)
    else:
        for child in value:
            one = _scalar(child)
            if one is not None:
                lines.append(f"{pad}- {one}\n")
            else:
                inner = _block(child, indent + 2)
                inner[0] = f"{pad}- {inner[0][indent + 2:]}"
                lines += inner
    return lines
