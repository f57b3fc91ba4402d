"""One exception family for the whole package.

Library code raises these, chaining the original cause (``raise ... from e``); only the CLI turns
them into friendly messages and exit codes. Every message names the fix where there is one.

Messages are redacted when the error is made: a server's error text may echo the request's
``Authorization`` header, and a message travels to stderr, results files and batch pages. The
configured API key (``register_secret``, called by the provider that reads it), anything shaped like
an OpenAI key (``sk-...``) and any ``Bearer ...`` token become ``[redacted]``.
"""

from __future__ import annotations

import re

REDACTED = "[redacted]"
_SECRETS: set[str] = set()
_SHAPES = re.compile(r"(?i)\b(bearer)\s+[^\s\"',;}\]]+|\bsk-[A-Za-z0-9_\-]{6,}")


def register_secret(secret: str) -> None:
    """Remember a credential so that no error message shows it (short values would redact ordinary words)."""
    if len(secret.strip()) >= 8:
        _SECRETS.add(secret.strip())


def redact(text: str) -> str:
    """``text`` without the registered secrets, ``sk-...`` keys and ``Bearer ...`` tokens."""
    text = _SHAPES.sub(lambda m: f"{m.group(1)} {REDACTED}" if m.group(1) else REDACTED, text)
    for secret in sorted(_SECRETS, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    return text


class SummarizerError(Exception):
    """Base of every error this package raises on purpose; its message is redacted (``redact``)."""

    exit_code = 1

    def __init__(self, *args: object) -> None:
        super().__init__(*(redact(arg) if isinstance(arg, str) else arg for arg in args))


class InputError(SummarizerError):
    """The article cannot be read: missing, empty, binary, undecodable, a directory..."""

    exit_code = 2


class ConfigurationError(SummarizerError):
    """Settings are missing or contradictory (unknown provider, no model name, bad cache mode)."""

    exit_code = 2


class PromptError(SummarizerError):
    """A prompt template is missing, malformed, or rendered with missing or unknown variables."""


class CacheMissError(SummarizerError):
    """Replay mode found no recorded response for a request."""


class ModelUnavailableError(SummarizerError):
    """The embedded model cannot be assembled or loaded (parts missing, wrong hash, no llama.cpp)."""


class ProviderError(SummarizerError):
    """The model endpoint refused or failed the request and retrying will not help."""


class TransientProviderError(ProviderError):
    """A failure worth retrying: rate limits, 5xx answers, timeouts, dropped connections."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class AuthenticationError(ProviderError):
    """The endpoint rejected the credentials (HTTP 401/403)."""


class ModelOutputError(SummarizerError):
    """The model kept answering with output that does not fit the schema, after re-asking."""


class OutputError(SummarizerError):
    """The output cannot be written: its folder is missing or read-only, the disk is full, or it is locked."""

    exit_code = 3
