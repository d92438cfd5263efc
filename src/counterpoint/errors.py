"""The exception tree of Counterpoint.

::

    CounterpointError                 base of everything this package raises on purpose
    ├── InputError                    an input cannot be read as an article (file named, reason given)
    ├── ConfigError                   an option or value is wrong; the message names the fix
    ├── GoldFormatError               a gold file does not follow ``counterpoint-gold/1``
    └── MissingDependencyError        an optional extra is not installed; the message gives the pip command

Data problems inside a batch never raise out of a stage: the ingester turns an unreadable file into a
:class:`counterpoint.model.Rejection` and goes on. These exceptions are for the caller's mistakes and for
single-item APIs.
"""

from __future__ import annotations


class CounterpointError(Exception):
    """Base class of every error Counterpoint raises on purpose."""


class InputError(CounterpointError):
    """An input cannot be read as an article."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ConfigError(CounterpointError):
    """An option has a wrong value; the message says which and what to use instead."""


class GoldFormatError(CounterpointError):
    """A gold file is not in the ``counterpoint-gold/1`` format."""


class MissingDependencyError(CounterpointError):
    """An optional dependency is missing; the message gives the install command."""
