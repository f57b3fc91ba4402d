"""Articles from the web: an http(s) URL fetched with urllib3, then read as HTML or text input.

Fetching is bounded every way a page can hang or flood the tool: a connect timeout, a read timeout
per wait, an overall deadline (a server trickling a byte a second never finishes), a size limit
(the body is read in pieces and dropped past it), and a bounded number of redirects, each to
http or https only. Only text and HTML answers are read. Every failure is an ``InputError`` that
names the URL, what went wrong and what to do. The charset of the ``Content-Type`` header decodes
the body when it is given; otherwise the detection every file goes through (``inputs.encodings``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from email.message import Message
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from summarizer.errors import InputError
from summarizer.inputs.article import MAX_BYTES, Article, decode_bytes

if TYPE_CHECKING:  # imported when a URL is fetched, so reading files never loads urllib3
    import urllib3

SCHEMES = ("http", "https")
_TEXT_TYPES = ("text/", "application/xhtml+xml")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 64 * 1024
_HEADERS = {
    "User-Agent": "summarizer/0.1 (meeting-report briefs)",
    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,text/*;q=0.8",
}


@dataclass(frozen=True)
class FetchLimits:
    """How long and how much one fetch may take (seconds, bytes, hops)."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0  # the longest wait for any piece of the answer
    deadline: float = 60.0  # the whole fetch, redirects and body included
    max_bytes: int = MAX_BYTES
    max_redirects: int = 5


def is_url(text: str) -> bool:
    """Whether ``text`` is an http or https URL (one line, a scheme and a host)."""
    if "\n" in text or " " in text.strip():
        return False
    parts = urlsplit(text.strip())
    return parts.scheme.lower() in SCHEMES and bool(parts.netloc)


def fetch_article(url: str, limits: FetchLimits | None = None) -> Article:
    """Fetch ``url`` and read it as an article whose ``source`` is the URL as given."""
    limits = limits or FetchLimits()
    data, content_type = _fetch(url.strip(), limits)
    kind, charset = _content_type(content_type)
    if kind and not kind.startswith(_TEXT_TYPES):
        raise InputError(f"{url}: the server sent {kind}, not an HTML page or text; give the URL of the article's page")
    html = True if kind.startswith(_HTML_TYPES) else None  # text/plain and unlabelled bodies: sniffed, as stdin
    return decode_bytes(data, url, html=html, charset=charset)


def _fetch(url: str, limits: FetchLimits) -> tuple[bytes, str]:
    """The final answer's body and Content-Type, following at most ``max_redirects`` redirects."""
    import urllib3

    started = time.monotonic()
    current = url
    with urllib3.PoolManager(headers=_HEADERS) as pool:
        for hops in range(limits.max_redirects + 1):
            _check_scheme(url, current)
            left = limits.deadline - (time.monotonic() - started)
            if left <= 0:
                raise _too_slow(url, limits)
            timeout = urllib3.Timeout(connect=min(limits.connect_timeout, left), read=min(limits.read_timeout, left))
            response = _request(pool, url, current, timeout, limits)
            try:
                location = response.headers.get("Location") if response.status in _REDIRECTS else None
                if location is None:
                    _check_status(url, response.status, response.reason)
                    body = _read_body(url, response, limits, started)
                    return body, response.headers.get("Content-Type", "")
            finally:
                response.release_conn()
            current = urljoin(current, location)
            if hops == limits.max_redirects:
                break
    raise InputError(
        f"{url}: more than {limits.max_redirects} redirects (the last to {current}); "
        "give the page's final address, or check the site for a redirect loop"
    )


def _request(
    pool: urllib3.PoolManager, url: str, current: str, timeout: urllib3.Timeout, limits: FetchLimits
) -> urllib3.BaseHTTPResponse:
    """One GET without following redirects or retrying; network failures said in words."""
    from urllib3 import exceptions as ex

    try:
        return pool.request("GET", current, preload_content=False, redirect=False, retries=False, timeout=timeout)
    except ex.NameResolutionError as e:
        host = urlsplit(current).hostname
        raise InputError(f"{url}: the host name {host} cannot be resolved; check the address and your network") from e
    except ex.NewConnectionError as e:
        raise InputError(
            f"{url}: cannot connect to {_host(current)} (connection refused or unreachable); "
            "check the address and that the site is up"
        ) from e
    except ex.ConnectTimeoutError as e:
        raise InputError(
            f"{url}: no connection to {_host(current)} within {limits.connect_timeout:g} s; "
            "check the address and your network"
        ) from e
    except ex.ReadTimeoutError as e:
        raise InputError(
            f"{url}: the server did not answer within {limits.read_timeout:g} s; try again later, "
            "or save the page and summarise the file"
        ) from e
    except ex.SSLError as e:
        raise InputError(f"{url}: the secure connection to {_host(current)} failed ({e}); check the address") from e
    except ex.LocationValueError as e:
        raise InputError(f"{url}: is not a valid URL ({e})") from e
    except ex.HTTPError as e:
        raise InputError(f"{url}: the request failed ({e}); try again, or save the page and summarise the file") from e


def _read_body(url: str, response: urllib3.BaseHTTPResponse, limits: FetchLimits, started: float) -> bytes:
    """The body, read in pieces: refused once past ``max_bytes`` or past the deadline."""
    from urllib3 import exceptions as ex

    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise _too_large(url, limits, int(declared))
    pieces: list[bytes] = []
    size = 0
    try:
        # read1 returns what has arrived, so the deadline is checked even while a server trickles.
        while piece := response.read1(_CHUNK):
            size += len(piece)
            if size > limits.max_bytes:
                raise _too_large(url, limits)
            if time.monotonic() - started > limits.deadline:
                raise _too_slow(url, limits)
            pieces.append(piece)
    except ex.ReadTimeoutError as e:
        raise InputError(
            f"{url}: the server stopped sending for {limits.read_timeout:g} s; try again later, "
            "or save the page and summarise the file"
        ) from e
    except (ex.ProtocolError, ex.DecodeError) as e:
        raise InputError(f"{url}: the answer was cut short or garbled ({e}); try again") from e
    return b"".join(pieces)


def _check_scheme(url: str, current: str) -> None:
    scheme = urlsplit(current).scheme.lower()
    if scheme not in SCHEMES:
        where = "" if current == url else f" redirected to {current}, which"
        raise InputError(f"{url}:{where} is not an http or https URL; only web pages are fetched")


def _check_status(url: str, status: int, reason: str | None) -> None:
    if 200 <= status < 300 and status not in (204, 205):
        return
    why = f"HTTP {status} {reason or ''}".strip()
    if status in _REDIRECTS:
        hint = "a redirect that says nowhere to go (no Location): check the URL"
    elif status in (401, 403):
        hint = "the page needs a login or refuses this client: save it from your browser and summarise the file"
    elif status in (404, 410):
        hint = "no such page: check the URL"
    elif status >= 500:
        hint = "the server failed: try again later"
    else:
        hint = "no article in the answer: check the URL"
    raise InputError(f"{url}: the server answered {why}; {hint}")


def _content_type(header: str) -> tuple[str, str | None]:
    """The media type (lower case, "" when absent) and the charset parameter, if any."""
    if not header.strip():
        return "", None
    message = Message()
    message["Content-Type"] = header
    charset = message.get_param("charset")
    return message.get_content_type().lower(), str(charset).strip() if isinstance(charset, str) else None


def _host(url: str) -> str:
    return urlsplit(url).netloc or url


def _too_large(url: str, limits: FetchLimits, size: int | None = None) -> InputError:
    said = f" ({size:,} bytes)" if size is not None else ""
    return InputError(
        f"{url}: the page is too large{said}, over the limit of {limits.max_bytes:,} bytes for one article; "
        "save the article's part of the page and summarise the file"
    )


def _too_slow(url: str, limits: FetchLimits) -> InputError:
    return InputError(
        f"{url}: fetching took longer than {limits.deadline:g} s in all; try again later, "
        "or save the page and summarise the file"
    )
