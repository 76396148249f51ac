"""The domain core is pure: importing any module of huisvanhetkind/domein/ (or the importer's
parsing modules) in a fresh interpreter loads neither Flask nor SQLAlchemy, transitively.

One test for every pure module: a module added to domein/ is covered without touching this file.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PAKKET = Path(__file__).resolve().parents[2] / "huisvanhetkind"
VERBODEN = ("flask", "flask_sqlalchemy", "flask_login", "flask_wtf", "sqlalchemy", "werkzeug",
            "jinja2", "wtforms", "alembic")


def zuivere_modules() -> list[str]:
    domein = sorted(f"huisvanhetkind.domein.{p.stem}" for p in (PAKKET / "domein").glob("*.py")
                    if p.stem != "__init__")
    return ["huisvanhetkind", "huisvanhetkind.domein", *domein]


def test_every_domain_module_imports_without_the_web_stack():
    modules = zuivere_modules()
    assert len(modules) >= 15, modules
    script = ("import importlib, json, sys\n"
              f"for m in {modules!r}: importlib.import_module(m)\n"
              "print(json.dumps(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=PAKKET.parent, check=True).stdout
    geladen = json.loads(out)
    fout = sorted(m for m in geladen if m.split(".")[0] in VERBODEN)
    assert not fout, f"the domain core loads {fout[:10]}"
    # and nothing of the application outside the core
    buiten = sorted(m for m in geladen if m.startswith("huisvanhetkind.")
                    and not m.startswith("huisvanhetkind.domein"))
    assert not buiten, buiten


def test_the_check_would_catch_an_impure_module():
    """The test above can fail: a module importing flask shows up in sys.modules."""
    script = ("import json, sys, huisvanhetkind.domein.snapshot, flask\n"
              "print(json.dumps(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=PAKKET.parent, check=True).stdout
    assert "flask" in json.loads(out)


IMPORTER_ZUIVER = ["cells", "columns", "fouten", "parsing", "rapport", "reading"]


def test_import_parsing_modules_use_no_web_stack():
    """The importer's parsing half (it reads files before any database work) imports only the
    core and itself; checked on the source, since its package belongs to a blueprint."""
    import ast

    map_ = PAKKET / "partners" / "importer"
    for naam in IMPORTER_ZUIVER:
        tree = ast.parse((map_ / f"{naam}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
                if node.level:  # relative: only the core or the importer's own pure modules
                    assert node.level == 1 and (node.module or "") in IMPORTER_ZUIVER \
                        or node.level == 3 and (node.module or "").startswith("domein"), \
                        f"{naam}.py imports {'.' * node.level}{node.module}"
            else:
                continue
            assert not any(m.split(".")[0] in VERBODEN for m in modules), (naam, modules)
