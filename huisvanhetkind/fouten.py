"""The two exceptions the layers below the views raise; views and error handlers answer them.

- `NietGevonden` (a LookupError): a query found no such row; the app answers 404 (main/errors.py).
- `OperatieFout`: an operation refuses a change; the message is Dutch and meant for the user,
  the view shows it next to the form (422) or as a flash.
"""
from __future__ import annotations


class NietGevonden(LookupError):
    """No such record (or not in this network): 404."""


class OperatieFout(ValueError):
    """A request that cannot be carried out; the message is Dutch and meant for the user."""
