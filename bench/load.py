"""A small threaded HTTP load generator (standard library only) and a worker memory sampler.

Each client thread keeps its own connection and sends requests back to back; every request's
latency (until the whole body is read), status and X-SQL-Statements header are recorded.
Traffic goes only to 127.0.0.1, and every loop is bounded by a request count.
"""
from __future__ import annotations

import http.client
import io
import os
import re
import socket
import statistics
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
TOKEN = re.compile(r'name="token"[^>]*value="([^"]+)"')


class _TelSocket:
    """A socket that counts the bytes received since the last request was sent, so the client
    can tell a connection closed before the answer from one that broke in the middle of it."""

    def __init__(self, sock: socket.socket):
        self._sock, self.ontvangen = sock, 0

    def recv_into(self, buffer, nbytes: int = 0) -> int:
        n = self._sock.recv_into(buffer, nbytes)
        self.ontvangen += n
        return n

    def makefile(self, mode: str = "rb", buffering: int = -1):
        return io.BufferedReader(socket.SocketIO(self, "rb"))  # http.client reads only

    def _decref_socketios(self) -> None:
        pass  # the wrapped socket is closed by the connection, not by its reader

    def __getattr__(self, name: str):
        return getattr(self._sock, name)


class _Verbinding(http.client.HTTPConnection):
    def connect(self) -> None:
        super().connect()
        self.sock = _TelSocket(self.sock)


class Client:
    """One keep-alive connection with a session cookie, as a browser keeps one.

    gunicorn closes a connection that stays idle longer than its keep-alive (5 s in bench.run):
    a connection idle for over a second is replaced before use, and a request of any method that
    finds its reused connection closed before a single response byte came is sent once more on a
    new one — the server cannot have acted on it, and browsers resend in that case too. A reset
    after the response began, or on a fresh connection, stays an error.
    """
    MAX_IDLE_S = 1.0

    def __init__(self, port: int, cookie: str = ""):
        self.port, self.cookie = port, cookie
        self.conn = _Verbinding("127.0.0.1", port, timeout=600)
        self.laatst = 0.0

    def request(self, method: str, url: str, body: bytes | None = None,
                headers: dict | None = None):
        h = {"Cookie": self.cookie} if self.cookie else {}
        h.update(headers or {})
        if self.conn.sock is not None and time.monotonic() - self.laatst > self.MAX_IDLE_S:
            self.conn.close()
        hergebruikt = self.conn.sock
        if hergebruikt is not None:
            hergebruikt.ontvangen = 0
        try:
            try:
                self.conn.request(method, url, body=body, headers=h)
                r = self.conn.getresponse()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.conn.close()
                if hergebruikt is None or hergebruikt.ontvangen:
                    raise  # a fresh connection, or the answer had begun: the server may have acted
                # not one byte came back: the server had closed the idle connection
                self.conn.request(method, url, body=body, headers=h)
                r = self.conn.getresponse()
            data = r.read()
        except (http.client.HTTPException, OSError):
            self.conn.close()
            raise
        self.laatst = time.monotonic()
        if r.getheader("Connection", "").lower() == "close":
            self.conn.close()
        for c in r.headers.get_all("Set-Cookie") or ():
            morsel = SimpleCookie(c).get("session")
            if morsel is not None and morsel.value:
                self.cookie = f"session={morsel.value}"
        return r.status, dict(r.getheaders()), data

    def csrf(self, url: str) -> str:
        status, _, data = self.request("GET", url)
        m = CSRF.search(data.decode("utf-8", "replace"))
        if status != 200 or not m:
            raise RuntimeError(f"geen CSRF-token op {url} (status {status})")
        return m.group(1)

    def form(self, url: str, fields: dict):
        return self.request("POST", url, urlencode(fields).encode(),
                            {"Content-Type": "application/x-www-form-urlencoded"})

    def multipart(self, url: str, fields: dict, filename: str, data: bytes):
        grens = uuid.uuid4().hex
        parts = [f'--{grens}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
                 for k, v in fields.items()]
        parts.append(f'--{grens}\r\nContent-Disposition: form-data; name="bestand"; '
                     f'filename="{filename}"\r\nContent-Type: application/zip\r\n\r\n'.encode()
                     + data + b"\r\n")
        body = b"".join(parts) + f"--{grens}--\r\n".encode()
        return self.request("POST", url, body,
                            {"Content-Type": f"multipart/form-data; boundary={grens}"})


def login(port: int, email: str, password: str) -> str:
    """Log in through the real form; returns the session cookie."""
    c = Client(port)
    token = c.csrf("/aanmelden")
    status, _, _ = c.form("/aanmelden", {"csrf_token": token, "email": email,
                                          "wachtwoord": password})
    if status != 302:
        raise RuntimeError(f"aanmelden als {email} mislukt (status {status})")
    return c.cookie


@dataclass
class Meting:
    latencies: list[float] = field(default_factory=list)  # seconds
    sql: list[int] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)
    wall: float = 0.0

    @property
    def n(self) -> int:
        return len(self.latencies)

    def pct(self, q: float) -> float:
        s = sorted(self.latencies)
        return s[min(len(s) - 1, max(0, round(q * len(s) + 0.5) - 1))] if s else float("nan")

    @property
    def median(self) -> float:
        return statistics.median(self.latencies) if self.latencies else float("nan")

    @property
    def rps(self) -> float:
        return self.n / self.wall if self.wall else float("nan")


def run(maak_request, clients: int, total: int, max_s: float | None = None) -> Meting:
    """At most `total` requests over `clients` threads; no new request starts after `max_s`
    seconds (each client sends at least one). maak_request(client_index) -> (ok, sql, uitleg)
    does one request (timed here)."""
    m, lock = Meting(), threading.Lock()
    teller = iter(range(total))
    start = time.perf_counter()

    def worker(i: int) -> None:
        eerste = True
        while True:
            with lock:
                te_laat = max_s is not None and time.perf_counter() - start > max_s
                if (te_laat and not eerste) or next(teller, None) is None:
                    return
            eerste = False
            begin = time.perf_counter()
            try:
                ok, sql, uitleg = maak_request(i)
            except Exception as e:  # noqa: BLE001 - a failed request is a measured error
                ok, sql, uitleg = False, None, f"{type(e).__name__}: {e}"
            duur = time.perf_counter() - begin
            with lock:
                m.latencies.append(duur)
                if sql is not None:
                    m.sql.append(sql)
                if not ok:
                    m.fouten.append(uitleg)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    m.wall = time.perf_counter() - start
    return m


def _rss_kb(pid: int, veld: str = "VmRSS") -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(veld + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def workers(master: int) -> list[int]:
    """The gunicorn worker processes: children of the master."""
    kinderen = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == master:
                        kinderen.append(int(pid))
            except (OSError, IndexError, ValueError):
                continue
    return kinderen


class Geheugen(threading.Thread):
    """Samples the workers' RSS every 0.1 s; `piek()` = highest single-worker RSS (MiB) since the
    last `reset()`."""

    def __init__(self, master: int):
        super().__init__(daemon=True)
        self.master, self._piek, self._stop = master, 0, threading.Event()

    def run(self) -> None:
        while not self._stop.wait(0.1):
            for pid in workers(self.master):
                self._piek = max(self._piek, _rss_kb(pid))

    def reset(self) -> None:
        self._piek = max((_rss_kb(p) for p in workers(self.master)), default=0)

    def piek(self) -> float:
        return self._piek / 1024

    def hwm(self) -> list[float]:
        """Peak RSS (VmHWM) of each live worker over its whole life, MiB."""
        return [_rss_kb(p, "VmHWM") / 1024 for p in workers(self.master)]

    def stop(self) -> None:
        self._stop.set()
