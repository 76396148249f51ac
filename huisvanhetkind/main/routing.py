"""URL rules whose url_for builders compile when first used (issue 16: start ≤ 0.6 s).

Werkzeug compiles two builder functions (Python source via `ast`, then `compile`) for every rule
the moment the rule is added: ~35 ms of every CLI call for the app's ~140 routes, most of which a
command never builds a URL for. `LazyBuildRule` keeps werkzeug's builders and only defers
compiling each to its first use; the gunicorn master compiles them all before it forks
(opstart.voor_de_workers), so workers share them. Should werkzeug rename `_compile_builder`,
the override is simply never called and rules compile at once, as before.
"""
from __future__ import annotations

from werkzeug.routing import Rule


class LazyBuildRule(Rule):
    def compile(self) -> None:
        self._builders: dict[bool, object] = {}  # (re)bound: werkzeug builds new builders too
        super().compile()

    def _compile_builder(self, append_unknown: bool = True):
        def build(rule, /, **values):  # bound to the rule by Rule.compile, like werkzeug's own
            return rule.builder(append_unknown)(**values)

        return build

    def builder(self, append_unknown: bool):
        """Werkzeug's builder of this rule, compiled the first time it is asked for."""
        builder = self._builders.get(append_unknown)
        if builder is None:
            builder = super()._compile_builder(append_unknown).__get__(self, None)
            self._builders[append_unknown] = builder
        return builder

    def compile_builders(self) -> None:
        self.builder(False)
        self.builder(True)
