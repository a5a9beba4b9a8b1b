"""The exceptions a user can catch.

Every error the library raises on purpose is a :class:`ZhipuIpoError`; parsing
failures are also ``ValueError`` so that ``except ValueError`` keeps working.
"""

from __future__ import annotations


class ZhipuIpoError(Exception):
    """Base class of every error raised by zhipu_ipo."""


class ParseError(ZhipuIpoError, ValueError):
    """A string holds no amount, period or date that the parser understands."""


class InputError(ZhipuIpoError):
    """A file or directory cannot be read as an article (missing, binary, undecodable...)."""
