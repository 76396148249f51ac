"""luie_import.later: a module imported on its first use, read through on every use."""
from __future__ import annotations

import sys
import threading
import types

import pytest

from huisvanhetkind.luie_import import later


@pytest.fixture
def nepmodule(tmp_path, monkeypatch):
    """A module on disk that counts how often it is executed and takes a while to import."""
    (tmp_path / "luie_proef.py").write_text(
        "import time\nimport builtins\n"
        "builtins.luie_proef_teller = getattr(builtins, 'luie_proef_teller', 0) + 1\n"
        "time.sleep(0.05)\nWAARDE = 7\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "luie_proef", raising=False)
    import builtins
    monkeypatch.setattr(builtins, "luie_proef_teller", 0, raising=False)
    yield
    sys.modules.pop("luie_proef", None)


def test_the_module_is_imported_on_the_first_attribute_read(nepmodule):
    import builtins

    m = later("luie_proef")
    assert "luie_proef" not in sys.modules and "nog niet geladen" in repr(m)
    assert m.WAARDE == 7
    assert "luie_proef" in sys.modules and builtins.luie_proef_teller == 1
    assert m.WAARDE == 7 and builtins.luie_proef_teller == 1


def test_threads_reading_at_once_see_one_finished_import(nepmodule):
    """A second thread waits for the first's import instead of reading a half-run module."""
    import builtins

    m, gezien, fouten = later("luie_proef"), [], []
    start = threading.Barrier(8)

    def lees():
        start.wait()
        try:
            gezien.append(m.WAARDE)
        except Exception as e:  # noqa: BLE001 - reported below
            fouten.append(e)

    threads = [threading.Thread(target=lees) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert fouten == [] and gezien == [7] * 8 and builtins.luie_proef_teller == 1


def test_a_patched_attribute_of_the_module_is_seen(monkeypatch):
    echt = types.ModuleType("luie_echt")
    echt.f = lambda: "echt"
    monkeypatch.setitem(sys.modules, "luie_echt", echt)
    m = later("luie_echt")
    assert m.f() == "echt"
    monkeypatch.setattr(echt, "f", lambda: "vervangen")
    assert m.f() == "vervangen"
    with pytest.raises(AttributeError):
        m.f = None  # patch the module itself (pytest's undo would delete it through this name)
    with pytest.raises(AttributeError):
        m.bestaat_niet
