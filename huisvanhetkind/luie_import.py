"""A module imported on its first use, for view modules whose heavy imports a CLI call never runs.

Every `flask --app huisvanhetkind …` command builds the whole app and so imports every view
module. The analysis pipeline and the dossier (and what they import: the domain's bundle, the
facts, the matrix image, …) cost ~45 ms of that, for pages a command never shows (issue 16:
app start ≤ 0.6 s). A view module writes `pipeline = later("huisvanhetkind.pipeline")` and uses
`pipeline.bundel(...)` as before; the first attribute read imports the module.

gunicorn's master imports every module before it forks (opstart.voor_de_workers), so a server's
first request pays nothing. `importlib.util.LazyLoader` does the same, but is not thread-safe
before Python 3.12; `importlib.import_module` is (a second thread waits on the module's import
lock until the first has finished). Attributes are read from the real module every time, so a
test's monkeypatch of the module is seen through this object.
"""
from __future__ import annotations

import importlib
from types import ModuleType


class LuieModule:
    def __init__(self, naam: str) -> None:
        self.__dict__["_naam"] = naam

    def __getattr__(self, attr: str):
        # called only for names this object does not have itself: every module attribute
        module = self.__dict__.get("_module") or self._importeer()
        return getattr(module, attr)

    def __setattr__(self, attr: str, waarde) -> None:
        # pytest's monkeypatch reads the old value from the target's __dict__: through this
        # object it would delete the module's attribute at undo. Patch the module itself.
        raise AttributeError(f"set {attr} on the module {self._naam} itself, not on its lazy name")

    def _importeer(self) -> ModuleType:
        module = importlib.import_module(self.__dict__["_naam"])
        self.__dict__["_module"] = module  # only once the import has finished
        return module

    def __repr__(self) -> str:
        geladen = "geladen" if "_module" in self.__dict__ else "nog niet geladen"
        return f"<luie module {self.__dict__['_naam']} ({geladen})>"


def later(naam: str) -> LuieModule:
    """The module `naam` (absolute), imported when an attribute is first read."""
    return LuieModule(naam)
