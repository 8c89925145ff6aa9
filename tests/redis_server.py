"""A redis-server of the test's own, on a free loopback port, stopped (killed) at the end.

`redis_server` yields a RedisServer that can be stopped and started again on the same port,
keeping its data (SHUTDOWN SAVE, then reloaded) or not. Skipped when redis-server is not
installed, but fails when CI is set (CI must run these tests).
"""

import contextlib
import os
import shutil
import socket
import subprocess
import time

import pytest


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    def __init__(self, binary, directory):
        self.binary = binary
        self.directory = directory
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self):
        import redis

        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=2)

    def start(self):
        self.process = subprocess.Popen(
            [
                self.binary,
                "--port", str(self.port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--dir", str(self.directory),
                "--dbfilename", "dump.rdb",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while True:
            try:
                if self.client().ping():
                    return self
            except Exception as error:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"redis-server did not start on port {self.port}") from error
                time.sleep(0.05)

    def stop(self, *, keep_data=False):
        """Stop the server; with `keep_data`, what it holds is back when it starts again."""
        if self.process is None:
            return
        if keep_data:
            # (the server closes the connection as it exits)
            with contextlib.suppress(Exception):
                self.client().shutdown(save=True)
        else:
            self.process.kill()
        self.process.wait(timeout=10)
        self.process = None


@pytest.fixture
def redis_server(tmp_path):
    binary = shutil.which("redis-server")
    if binary is None:
        message = "redis-server is not installed (apt-get install redis-server)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    server = RedisServer(binary, tmp_path).start()
    yield server
    if server.process is not None:
        server.process.kill()
        server.process.wait(timeout=10)
