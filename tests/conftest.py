"""Test-wide setup: the network is blocked for the whole suite.

Any connection attempt (a library fetching a corpus or a model, say) fails loudly, which
proves pladlint works offline.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE_PAGE = SHARED / "corpus" / "nci-targeted-therapy.md"
SCHEMAS = SHARED / "schemas"


class NetworkBlocked(RuntimeError):
    pass


def _blocked(*args, **kwargs):
    raise NetworkBlocked(f"network access attempted during tests: {args[:2]}")


_real_connect = socket.socket.connect


def _guarded_connect(self, address):
    # Unix sockets are local IPC, not network.
    if self.family == getattr(socket, "AF_UNIX", None):
        return _real_connect(self, address)
    _blocked(address)


def pytest_configure(config):
    # No result cache unless a test asks for one: tests that patch code must not read
    # results cached by another test (tests/test_performance.py tests the cache itself).
    os.environ["PLADLINT_NO_CACHE"] = "1"
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    socket.create_connection = _blocked  # type: ignore[assignment]
    socket.getaddrinfo = _blocked  # type: ignore[assignment]


@pytest.fixture
def sample_page() -> Path:
    if not SAMPLE_PAGE.exists():
        pytest.skip("../shared/corpus/nci-targeted-therapy.md is not present (a user's clone)")
    return SAMPLE_PAGE
