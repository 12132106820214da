"""The one base class of the errors whose message is shown to a person, in their language."""

from __future__ import annotations

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
        return i18n.t(self.message_key, lang, **self.params)
