"""The load generator resends like a browser, and only then (issue 16, point 7): a request whose
reused keep-alive connection was closed before any response byte goes once more on a new
connection; a reset after the response began, or on a fresh connection, is an error."""
import http.client
import socket
import struct
import threading

import pytest

from bench.load import Client

ANTWOORD = (b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n"
            b"Connection: keep-alive\r\n\r\nok")


class Server:
    """A loopback server that plays one script per accepted connection:
    'serve' and 'serve-once' answer one request (then 'serve-once' shuts the connection without a
    word), 'close' closes at once, 'serve-then-half' answers one and then sends half a status
    line of the next and resets."""

    def __init__(self, scripts):
        self.scripts, self.verzoeken = list(scripts), []
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._loop, daemon=True).start()

    def _lees(self, c) -> bytes:
        data = b""
        while b"\r\n\r\n" not in data:
            stuk = c.recv(65536)
            if not stuk:
                return b""
            data += stuk
        kop, _, rest = data.partition(b"\r\n\r\n")
        lengte = next((int(r.split(b":")[1]) for r in kop.split(b"\r\n")
                       if r.lower().startswith(b"content-length:")), 0)
        while len(rest) < lengte:
            rest += c.recv(65536)
        return kop.split(b"\r\n")[0]

    def _loop(self):
        while self.scripts:
            c, _ = self.sock.accept()
            script = self.scripts.pop(0)
            with c:
                if script == "close":
                    continue
                lijn = self._lees(c)
                if not lijn:
                    continue
                self.verzoeken.append(lijn)
                c.sendall(ANTWOORD)
                if script == "serve-once":
                    c.shutdown(socket.SHUT_RDWR)
                if script == "serve-then-half":
                    lijn = self._lees(c)
                    self.verzoeken.append(lijn)
                    c.sendall(b"HTTP/1.1 2")  # half a status line, then a reset
                    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def test_a_post_on_a_connection_the_server_closed_is_sent_once_more():
    server = Server(["serve-once", "serve"])
    client = Client(server.port)
    client.MAX_IDLE_S = 60  # keep the connection, as within a user's think time
    assert client.request("GET", "/eerste")[0] == 200
    status, _, body = client.form("/bewaar", {"naam": "x"})
    assert (status, body) == (200, b"ok")
    assert server.verzoeken == [b"GET /eerste HTTP/1.1", b"POST /bewaar HTTP/1.1"]


def test_a_fresh_connection_closed_without_answer_is_an_error():
    server = Server(["close"])
    with pytest.raises((ConnectionError, OSError)):
        Client(server.port).form("/bewaar", {"naam": "x"})


def test_a_reset_after_the_response_began_is_an_error_and_not_resent():
    server = Server(["serve-then-half", "serve"])
    client = Client(server.port)
    client.MAX_IDLE_S = 60
    assert client.request("GET", "/eerste")[0] == 200
    with pytest.raises((ConnectionError, http.client.HTTPException)):
        client.form("/bewaar", {"naam": "x"})
    assert server.verzoeken == [b"GET /eerste HTTP/1.1", b"POST /bewaar HTTP/1.1"]
