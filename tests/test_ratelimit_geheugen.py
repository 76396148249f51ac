"""The rate limits' memory storage: the library's counting, without a thread per request."""
import threading
import time

from limits import parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

from huisvanhetkind import ratelimit_geheugen


def test_counts_limits_and_expires_like_memory_storage(monkeypatch):
    opslag = storage_from_string("geheugen://")
    assert isinstance(opslag, ratelimit_geheugen.Geheugen)
    limiter = FixedWindowRateLimiter(opslag)
    drie = parse("3 per second")
    assert [limiter.hit(drie, "1.2.3.4") for _ in range(4)] == [True, True, True, False]
    assert limiter.hit(drie, "5.6.7.8")  # another address has its own count
    time.sleep(1.05)
    assert limiter.hit(drie, "1.2.3.4")  # the window expired: read lazily, no sweep needed


def test_no_thread_per_request_and_a_sweep_now_and_then(monkeypatch):
    opslag = storage_from_string("geheugen://")
    limiter = FixedWindowRateLimiter(opslag)
    minuut = parse("100 per second")
    voor = threading.active_count()
    for i in range(2000):
        limiter.hit(minuut, f"10.0.{i // 250}.{i % 250}")
        if i % 200 == 0:
            time.sleep(0.012)  # what made memory:// start a new timer thread
    assert threading.active_count() <= voor
    assert len(opslag.expirations) == 2000
    time.sleep(1.05)
    monkeypatch.setattr(opslag, "_volgende_veeg", 0)  # the next count sweeps
    limiter.hit(minuut, "10.9.9.9")
    assert len(opslag.expirations) == 1
