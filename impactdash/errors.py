"""The one base class of the errors whose message is shown to a person, in their language."""

from __future__ import annotations

import errno
import re

from impactdash import i18n


class UserFacingError(Exception):
    """Something a person asked for was refused; ``message(lang)`` says why in Dutch or English.

    Raised with a text key and its parameters, never with a sentence, so every page shows
    the reason in its own language. Whatever raised it has changed nothing.
    """

    def __init__(self, message_key: str, **params: object):
        super().__init__(message_key)
        self.message_key = message_key
        self.params = params

    def message(self, lang: str) -> str:
        """Return the reason in ``lang``."""
        return i18n.counted(self.message_key, lang, **self.params)


class StorageError(UserFacingError):
    """The disk or the file system refused a write; ``kind`` says how, the message what to do.

    Kinds: ``full`` (no space left), ``read_only`` (a read-only folder or no permission to
    write there), ``locked`` (another program holds the database) and ``leftover`` (a file
    from an interrupted earlier attempt is in the way). ``where`` is the folder or file
    concerned, ``pid`` the other program's process id where the system names it. Whatever
    raised it has changed nothing.
    """

    KINDS = ("full", "read_only", "locked", "leftover")

    def __init__(self, kind: str, where: object = "", pid: int | None = None):
        if kind not in self.KINDS:
            raise ValueError(f"not a storage error kind: {kind!r}")
        key = "storage_locked_pid" if kind == "locked" and pid is not None else f"storage_{kind}"
        super().__init__(key, where=str(where), pid=pid)
        self.kind = kind

    def public_message(self, lang: str) -> str:
        """Return the reason for anyone, a visitor too: what happened, without paths or process ids."""
        return i18n.t(f"storage_{self.kind}_public", lang)

    @classmethod
    def from_exception(cls, exc: BaseException, where: object = "") -> StorageError | None:
        """Return the storage error behind ``exc`` (or its causes), or None if it is something else.

        Reads the operating system's error number where there is one and DuckDB's message
        text otherwise (DuckDB reports a full disk inside a ``TransactionException`` on
        commit, a lock as an ``IOException``). ``where`` (the folder or database the caller was
        writing) is named in the message; without it, the file the error names.
        """
        seen: set[int] = set()
        current: BaseException | None = exc
        while current is not None and id(current) not in seen:
            seen.add(id(current))
            if isinstance(current, StorageError):
                return current
            found = _storage_kind(current)
            if found is not None:
                kind, pid = found
                named = getattr(current, "filename", None) if isinstance(current, OSError) else None
                return cls(kind, where or named or _named_file(str(current)) or "", pid)
            current = current.__cause__ or current.__context__
        return None


# What the operating system says (errno) and how DuckDB words the same (its message text).
_ERRNO_KINDS = {
    "ENOSPC": "full",
    "EDQUOT": "full",
    "EROFS": "read_only",
    "EACCES": "read_only",
    "EPERM": "read_only",
}
_TEXT_KINDS = (
    ("no space left on device", "full"),
    ("disk quota exceeded", "full"),
    ("could not set lock on file", "locked"),
    ("conflicting lock is held", "locked"),
    ("read-only file system", "read_only"),
    ("permission denied", "read_only"),
)


def _storage_kind(exc: BaseException) -> tuple[str, int | None] | None:
    if isinstance(exc, OSError) and exc.errno is not None:
        for name, kind in _ERRNO_KINDS.items():
            if exc.errno == getattr(errno, name, None):
                return kind, None
    if not isinstance(exc, OSError) and not type(exc).__module__.lstrip("_").startswith("duckdb"):
        return None  # only the system's and DuckDB's own words are read
    text = str(exc).lower()
    for words, kind in _TEXT_KINDS:
        if words in text:
            pid = re.search(r"\(pid (\d+)\)", text) if kind == "locked" else None
            return kind, int(pid.group(1)) if pid else None
    return None


def _named_file(text: str) -> str | None:
    # DuckDB: 'Could not write file "/path/impact.duckdb.wal": No space left on device'.
    found = re.search(r'file "([^"]+)"', text)
    return found.group(1) if found else None
