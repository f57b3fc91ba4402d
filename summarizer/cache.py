"""The response cache: every model answer stored under a hash of everything that shaped it.

Key: sha256 of canonical JSON of the model id, the kind of endpoint, the messages, the response
schema, the generation settings and the prompt version. Values are JSON text holding that request
material and the raw response, so an entry can be read and re-recorded; no secret is ever in it.

Modes: ``use`` reads and writes, ``replay`` only reads (a miss is an error), ``refresh`` ignores what
is stored and overwrites it, ``off`` neither reads nor writes.

Replay reads diskcache's SQLite file through a read-only connection: opening diskcache itself
always writes its settings, which would touch a recorded cache (or fail on a read-only folder).

A cache that breaks during a run (folder deleted, file corrupted, not writable) is given up, and
``problem`` says why; the run goes on without it. In replay mode that is an error instead.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast, get_args

from summarizer.errors import CacheMissError, ConfigurationError

if TYPE_CHECKING:  # sqlite3 and hashlib are imported where used: the CLI's --help imports this module
    import sqlite3

CacheMode = Literal["use", "replay", "refresh", "off"]
CACHE_MODES: tuple[str, ...] = get_args(CacheMode)


def canonical_json(value: Any) -> str:
    """One text per value: sorted keys, no insignificant spaces, UTF-8 kept as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def cache_key(material: dict[str, Any]) -> str:
    """The cache key of a request's material."""
    import hashlib

    return hashlib.sha256(canonical_json(material).encode("utf-8")).hexdigest()


def check_mode(mode: str) -> CacheMode:
    """Validate a mode name from the user."""
    if mode not in CACHE_MODES:
        raise ConfigurationError(f"unknown cache mode {mode!r}; choose one of {', '.join(CACHE_MODES)}")
    return cast(CacheMode, mode)


class ResponseCache:
    """diskcache underneath; opened lazily so that ``off`` never touches the disk."""

    def __init__(self, directory: str | Path, mode: str = "use") -> None:
        self.directory = Path(directory)
        self.mode = check_mode(mode)
        self._store: Any = None
        self._reader: sqlite3.Connection | None = None
        self._reader_lock = threading.Lock()
        self.problem: str | None = None

    @property
    def reads(self) -> bool:
        """Whether lookups consult the store."""
        return self.mode in ("use", "replay")

    @property
    def writes(self) -> bool:
        """Whether new answers are stored."""
        return self.mode in ("use", "refresh")

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored raw response for ``key``, or None."""
        response: dict[str, Any] | None = self._lookup(key, lambda text: json.loads(text)["response"])
        return response

    def get_text(self, key: str) -> str | None:
        """The text stored under ``key`` by ``set_text``, or None."""
        text: str | None = self._lookup(key, str)
        return text

    def _lookup(self, key: str, decode: Callable[[str], Any]) -> Any:
        if not self.reads or self.problem:
            return None
        unreadable: tuple[type[Exception], ...] = (*_errors(), ValueError, KeyError)
        try:
            text = self._read_only(key) if self.mode == "replay" else self._open().get(key)
            return None if text is None else decode(text)
        except unreadable as e:
            if self.mode == "replay":
                raise CacheMissError(f"cannot replay: the cache at {self.directory} is unreadable ({e})") from e
            self._give_up(e)
            return None

    def set(self, key: str, material: dict[str, Any], response: dict[str, Any]) -> None:
        """Store a raw response with the request material that produced it."""
        self.set_text(key, canonical_json({"request": material, "response": response}))

    def set_text(self, key: str, text: str) -> None:
        """Store ``text`` under ``key`` (when the mode writes and the cache is healthy)."""
        if not self.writes or self.problem:
            return
        try:
            store = self._open()
            if not (self.directory / "cache.db").exists():  # deleted under us: writes would vanish
                raise OSError("the cache folder was removed")
            store.set(key, text)
        except _errors() as e:
            self._give_up(e)

    def _give_up(self, error: Exception) -> None:
        """Stop using a broken cache; ``problem`` tells the user."""
        self.problem = f"response cache at {self.directory} unusable ({error}); continuing without it"
        store, self._store = self._store, None
        if store is not None:
            with contextlib.suppress(*_errors()):
                store.close()

    def __len__(self) -> int:
        return 0 if self.mode == "off" else len(self._open())

    def close(self) -> None:
        """Release the underlying SQLite handles."""
        if self._store is not None:
            self._store.close()
            self._store = None
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def _read_only(self, key: str) -> str | None:
        """Look ``key`` up without writing anything (diskcache keeps short text keys and values inline)."""
        database = self.directory / "cache.db"
        if not database.is_file():
            return None
        with self._reader_lock:
            if self._reader is None:
                self._reader = _connect_read_only(database)
            row = self._reader.execute("SELECT value, filename FROM Cache WHERE key = ? AND raw = 1", (key,)).fetchone()
        if row is None:
            return None
        value, filename = row
        if filename is not None:  # a large entry diskcache put in a side file (not written by this tool)
            return str(self._open().get(key))
        return str(value)

    def _open(self) -> Any:
        if self._store is None:
            import diskcache

            # Keep every entry inside the SQLite file (no side files), so the recorded cache is one file.
            self._store = diskcache.Cache(str(self.directory), disk_min_file_size=1 << 30)
        return self._store


def _connect_read_only(database: Path) -> sqlite3.Connection:
    """A read-only connection; ``immutable`` when the folder is read-only too (no WAL index possible)."""
    import sqlite3

    uri = database.resolve().as_uri()
    try:
        connection = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
        connection.execute("SELECT 1 FROM Cache LIMIT 1")
        return connection
    except sqlite3.OperationalError:
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False)


def _errors() -> tuple[type[Exception], ...]:
    """What a broken cache raises: SQLite errors, file errors, diskcache's lock timeout."""
    import sqlite3

    from diskcache import Timeout

    return (sqlite3.Error, OSError, Timeout)
