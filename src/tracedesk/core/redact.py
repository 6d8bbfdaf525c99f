"""Redaction of personal data and secrets from text that leaves the database (exports
and shares).

Built in: e-mail addresses, phone numbers, payment card numbers (only those that pass the
Luhn check, so order numbers stay), and API keys and tokens (well-known key prefixes,
JWTs, ``Bearer`` tokens, AWS secret access keys, and the values of ``api_key=``-like
settings). Users add their own regular expressions. Each finding is replaced by a marker
naming its kind (``[EMAIL]``, ``[PHONE]``, ``[CARD]``, ``[SECRET]``, ``[REDACTED]``) and
counted.

In a JSON value every text is redacted, the keys of objects included; a string under a
key that names a secret (``password``, ``aws_secret_access_key``, ...) is a secret
whatever it looks like; and a number that is a card number (13 to 19 digits, a card
network's first digit, Luhn-checked) becomes ``[CARD]``.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from .errors import UserError

_SECRET = (
    r"(?:sk|pk|rk)-(?:[A-Za-z0-9]+-)*[A-Za-z0-9_-]{16,}"  # OpenAI, Anthropic and similar keys
    r"|(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{16,}"  # Stripe
    r"|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}"  # GitHub
    r"|xox[abposr]-[A-Za-z0-9-]{10,}"  # Slack
    r"|(?:AKIA|ASIA)[0-9A-Z]{16}"  # AWS access key ids
    r"|AIza[0-9A-Za-z_-]{35}"  # Google API keys
    r"|glpat-[A-Za-z0-9_-]{20,}"  # GitLab
    r"|eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"  # JWTs
)
# An AWS secret access key: 40 characters of base64 standing alone, with capitals, small
# letters and digits (so a hex digest, a word or a longer base64 text is not one).
_AWS_SECRET = (r"(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]{0,39}[A-Z])(?=[A-Za-z0-9/+]{0,39}[a-z])"
               r"(?=[A-Za-z0-9/+]{0,39}[0-9])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])")
# The names of settings whose values are secrets, also at the end of longer names
# (``aws_secret_access_key``, ``DB_PASSWORD``).
_SECRET_NAME = (r"(?<![A-Za-z0-9])(?:api[_-]?key|apikey|secret(?:[_-]?access)?(?:[_-]?key)?|access[_-]?token|"
                r"auth[_-]?token|token|password|passwd|client[_-]?secret|private[_-]?key)")
_SECRETS = re.compile(
    rf"(?P<secret>\b(?:{_SECRET})\b)"
    r"|(?P<bearer>(?i:\bbearer)\s+)(?P<bearer_token>[A-Za-z0-9._~+/-]{16,}=*)"
    rf"|(?P<setting>(?i:{_SECRET_NAME}\b)[\"']?\s*[:=]\s*[\"']?)(?P<setting_value>[^\s\"',;]{{6,}})"
)
# Cheap tests that tell a text cannot hold a secret, so the costly expression is not run.
_SECRET_HINTS = re.compile(r"sk-|[spr]k_|gh[pousr]_|github_pat_|xox|AKIA|ASIA|AIza|glpat-|eyJ|(?i:bearer|key|token|"
                           r"secret|passw)")
_AWS_SECRETS = re.compile(_AWS_SECRET)
_AWS_HINT = re.compile(r"[A-Za-z0-9/+]{40}")
# A key of a JSON object whose string value is a secret, whatever the value looks like.
_SECRET_KEY = re.compile(r"(?i)(?:^|[^a-z])(?:api_?key|apikey|secret|token|password|passwd|private_?key|"
                         r"access_?key|credentials?)s?(?:$|[^a-z])")
_EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
# A run of digits that may be a card or a phone number; the callback decides which, if either.
_NUMBER = re.compile(r"(?<![\w+.-])\+?\(?\d[\d ().-]{6,}\d(?![\w-])")
_CARD = re.compile(r"\d(?:[ -]?\d){12,18}")
_CACHE_SIZE = 50_000
_PLAIN = frozenset({float, bool, type(None)})
_CARD_MIN = 10**12  # the smallest number that may be a card number (13 digits)
MARKERS = {"email": "[EMAIL]", "phone": "[PHONE]", "card": "[CARD]", "secret": "[SECRET]", "custom": "[REDACTED]"}


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _looks_like_phone(text: str) -> bool:
    digits = sum(ch.isdigit() for ch in text)
    if not 9 <= digits <= 15:
        return False
    if re.fullmatch(r"\d{4}-\d\d-\d\d(?:[ T].*)?", text) or re.fullmatch(r"\d{1,2}[.-]\d{1,2}[.-]\d{2,4}", text):
        return False  # a date
    # A phone number is written with a country code, brackets, or groups of a phone's sizes.
    return text.startswith(("+", "(", "0")) or bool(re.fullmatch(r"\d{3}[ .-]\d{3}[ .-]\d{4}", text))


_SECRET_KEYS: dict[str, bool] = {}


def _secret_key(key: str) -> bool:
    """Whether an object's key names a secret (remembered: the same keys come again and again)."""
    known = _SECRET_KEYS.get(key)
    if known is None:
        known = bool(_SECRET_KEY.search(key)) if len(key) < 100 else False
        if len(_SECRET_KEYS) < _CACHE_SIZE:
            _SECRET_KEYS[key] = known
    return known


class Redactor:
    """Replaces what it finds in strings and counts it by kind (``counts``)."""

    def __init__(self, patterns: list[str] | tuple[str, ...] = ()) -> None:
        self.counts: Counter[str] = Counter()
        # The same texts come again and again (a system prompt, the help-centre's passages):
        # each is redacted once, and counted every time.
        self._cache: dict[str, tuple[str, dict[str, int]]] = {}
        self._hits: dict[str, int] = {}
        self.custom: list[re.Pattern[str]] = []
        for pattern in patterns:
            try:
                self.custom.append(re.compile(pattern))
            except re.error as exc:
                raise UserError(f"the redaction pattern {pattern!r} is not a regular expression ({exc})") from exc

    def _secret(self, match: re.Match[str]) -> str:
        self._hits["secret"] = self._hits.get("secret", 0) + 1
        if match.lastgroup == "bearer_token":
            return match.group("bearer") + MARKERS["secret"]
        if match.lastgroup == "setting_value":
            return match.group("setting") + MARKERS["secret"]
        return MARKERS["secret"]

    def _number(self, match: re.Match[str]) -> str:
        text = match.group()
        if _CARD.fullmatch(text) and luhn_ok(re.sub(r"\D", "", text)):
            self._hits["card"] = self._hits.get("card", 0) + 1
            return MARKERS["card"]
        if _looks_like_phone(text):
            self._hits["phone"] = self._hits.get("phone", 0) + 1
            return MARKERS["phone"]
        return text

    def _email(self, _: re.Match[str]) -> str:
        self._hits["email"] = self._hits.get("email", 0) + 1
        return MARKERS["email"]

    def text(self, value: str) -> str:
        """``value`` with everything found replaced."""
        if len(value) < 6:
            return value
        cached = self._cache.get(value)
        if cached is not None:
            if cached[1]:
                self.counts.update(cached[1])
            return cached[0]
        self._hits = hits = {}
        out = value
        if _SECRET_HINTS.search(out):
            out = _SECRETS.sub(self._secret, out)
        if _AWS_HINT.search(out):
            out = _AWS_SECRETS.sub(self._secret, out)
        if "@" in out:
            out = _EMAIL.sub(self._email, out)
        out = _NUMBER.sub(self._number, out)
        for pattern in self.custom:
            out, n = pattern.subn(MARKERS["custom"], out)
            if n:
                hits["custom"] = hits.get("custom", 0) + n
        if hits:
            self.counts.update(hits)
        if len(self._cache) >= _CACHE_SIZE:
            self._cache.clear()
        self._cache[value] = (out, hits)
        return out

    def value(self, value: Any) -> Any:
        """A JSON value with every string in it redacted, the keys of objects too; a
        string under a key that names a secret, and a number that is a card number,
        replaced whole."""
        kind = type(value)
        if kind is str:
            return self.text(value)
        if kind is int:
            return self._card_number(value) if value >= _CARD_MIN else value
        if kind is dict:
            text, out = self.text, {}
            for k, v in value.items():  # JSON keys are strings
                key, kind = text(k), type(v)
                if kind is str:
                    if len(v) >= 6 and _secret_key(k):
                        self.counts["secret"] += 1
                        out[key] = MARKERS["secret"]
                    else:
                        out[key] = text(v)
                elif kind in _PLAIN or (kind is int and v < _CARD_MIN):
                    out[key] = v
                else:
                    out[key] = self.value(v)
            return out
        if kind is list:
            return [v if type(v) in _PLAIN else self.value(v) for v in value]
        return value

    def _card_number(self, value: int) -> int | str:
        # Only the first digits of card networks (2 to 6): times in milli-, micro- and
        # nanoseconds, which have as many digits, start with 1 for years to come.
        if _CARD_MIN <= value < 10**19 and "2" <= str(value)[0] <= "6" and luhn_ok(str(value)):
            self.counts["card"] += 1
            return MARKERS["card"]
        return value

    @property
    def total(self) -> int:
        return sum(self.counts.values())
