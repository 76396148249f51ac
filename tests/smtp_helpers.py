"""A real SMTP server on loopback (aiosmtpd) for the mail tests: no mocks of mail."""
from __future__ import annotations

import socket
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller

from huisvanhetkind.extensions import mail


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Postbus:
    """Collects every message the server receives."""

    def __init__(self):
        self.berichten = []

    async def handle_DATA(self, server, session, envelope):
        self.berichten.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"

    def aan(self, adres: str) -> list:
        return [b for b in self.berichten if adres in b["To"]]

    @staticmethod
    def tekst(bericht) -> str:
        return bericht.get_body(preferencelist=("plain",)).get_content()


class SmtpServer:
    def __init__(self, poort: int | None = None):
        self.poort = poort or vrije_poort()
        self.postbus = Postbus()
        self._controller = None

    def start(self) -> "SmtpServer":
        self._controller = Controller(self.postbus, hostname="127.0.0.1", port=self.poort)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


def gebruik_server(app, poort: int) -> None:
    """Point the app's mail settings at this loopback port."""
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=poort, MAIL_TIMEOUT=5)
    mail.init_app(app)
