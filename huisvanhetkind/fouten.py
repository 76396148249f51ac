"""The exceptions the layers below the views raise; views and error handlers answer them.

- `NietGevonden` (a LookupError): a query found no such row; the app answers 404 (main/errors.py).
- `OperatieFout`: an operation refuses a change; the message is Dutch and meant for the user,
  the view shows it next to the form (422) or as a flash.
- `Conflict`: the record changed since the user loaded it (optimistic locking); nothing was
  written, the view shows the comparison page (409, editing.conflict_pagina).
"""
from __future__ import annotations


class NietGevonden(LookupError):
    """No such record (or not in this network): 404."""


class OperatieFout(ValueError):
    """A request that cannot be carried out; the message is Dutch and meant for the user."""


class Conflict(Exception):
    """A stale version: somebody else saved in between, nothing was written.

    `opgeslagen` maps each field the user edited to the value now stored, `version` is the stored
    version (the form takes it, so a second save after comparing goes through).
    """

    def __init__(self, opgeslagen: dict, version: int):
        super().__init__("Iemand anders heeft dit record intussen gewijzigd.")
        self.opgeslagen = opgeslagen
        self.version = version
