"""gunicorn reads this file from the working directory by itself: `make serve`, the benchmarks and
the gates in tests/zwaar start from the project root, so production and the gates run the same
settings. Workers and threads come from huisvanhetkind/opstart.py (why 4 × 2 is explained there);
a command line that names them (the crash gates in tests/zwaar/conftest.py) wins."""
from huisvanhetkind.opstart import THREADS, WORKERS

workers = WORKERS
threads = THREADS

# the master loads the app and warms it once (huisvanhetkind/opstart.py); workers fork warm
preload_app = True


def when_ready(server):
    from huisvanhetkind.opstart import voor_de_workers

    voor_de_workers(server.app.wsgi())


def post_fork(server, worker):
    from huisvanhetkind.opstart import na_fork

    na_fork(server.app.wsgi())
