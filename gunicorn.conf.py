"""gunicorn reads this file from the working directory by itself: `make serve` and the gates in
tests/zwaar start from the project root, so production and the gates run the same settings.
The command line still says how many workers and threads (Makefile, tests/zwaar/conftest.py)."""

# the master loads the app and warms it once (huisvanhetkind/opstart.py); workers fork warm
preload_app = True


def when_ready(server):
    from huisvanhetkind.opstart import voor_de_workers

    voor_de_workers(server.app.wsgi())


def post_fork(server, worker):
    from huisvanhetkind.opstart import na_fork

    na_fork(server.app.wsgi())
