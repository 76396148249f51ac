"""URL rules whose url_for builders compile when first used (issue 16: start ≤ 0.6 s).

Werkzeug compiles two builder functions (Python source via `ast`, then `compile`) for every rule
the moment the rule is added: ~35 ms of every CLI call and worker start for the app's ~140
routes, most of which a process never builds a URL for. `LazyBuildRule` keeps werkzeug's
builders and only defers compiling each to its first call. Should werkzeug rename
`_compile_builder`, this override is simply never called and rules compile at once as before.
"""
from __future__ import annotations

from werkzeug.routing import Rule


class LazyBuildRule(Rule):
    def _compile_builder(self, append_unknown: bool = True):
        werkzeug_builder = super()._compile_builder
        compiled = None

        def build(_rule, /, **values):  # bound to the rule by Rule.compile, like werkzeug's own
            nonlocal compiled
            if compiled is None:
                compiled = werkzeug_builder(append_unknown).__get__(self, None)
            return compiled(**values)

        return build
