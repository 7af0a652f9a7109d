"""Helpers for tests that start servers on the loopback interface."""

from __future__ import annotations

import socket


def free_port() -> int:
    """A TCP port nothing listens on now (the server started next takes it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
