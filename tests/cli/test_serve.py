"""`sentinelle serve`: refuses to start without a secret; binds where told; demo accounts."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

import sentinelle

SRC = str(Path(sentinelle.__file__).resolve().parents[1])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(db: str, *args: str, secret: str | None = None) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": SRC, "SENTINELLE_DB": db}
    env.pop("SENTINELLE_SECRET_KEY", None)
    if secret:
        env["SENTINELLE_SECRET_KEY"] = secret
    return subprocess.Popen(
        [sys.executable, "-m", "sentinelle", "serve", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_up(url: str, process: subprocess.Popen) -> httpx.Response:
    deadline = time.time() + 30
    while time.time() < deadline:
        assert process.poll() is None, process.stderr.read().decode()
        try:
            return httpx.get(url, timeout=1)
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("server did not start")


def test_server_mode_refuses_to_start_without_a_secret(sqlite_url):
    process = _serve(sqlite_url)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 1 and b"SENTINELLE_SECRET_KEY" in stderr


def test_server_binds_where_told(sqlite_url):
    port = _free_port()
    process = _serve(sqlite_url, "--host", "127.0.0.1", "--port", str(port), secret="k" * 40)
    try:
        response = _wait_up(f"http://127.0.0.1:{port}/login", process)
        assert response.status_code == 200 and "Sign in" in response.text
        httpx.get(f"http://127.0.0.1:{port}/search?q=0612345678", timeout=5)
    finally:
        process.terminate()
        process.wait(timeout=20)
    log = process.stderr.read().decode()
    assert " GET /login 200 " in log  # one line per request
    assert " GET /search?q=0" in log and "0612345678" not in log  # identifiers masked


def test_demo_prints_one_account_per_role_and_they_work(sqlite_url):
    port = _free_port()
    process = _serve(sqlite_url, "--demo", "--port", str(port))
    try:
        _wait_up(f"http://127.0.0.1:{port}/login", process)
        lines = [process.stdout.readline().decode() for _ in range(5)]
        accounts = {line.split()[0]: line.split()[1:] for line in lines[1:]}
        assert set(accounts) == {"admin", "analyst", "outreach", "auditor"}
        name, password = accounts["analyst"]
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", follow_redirects=True) as client:
            form = client.get("/login")
            token = form.text.split('name="csrf_token" value="')[1].split('"')[0]
            answer = client.post(
                "/login", data={"name": name, "password": password, "csrf_token": token}
            )
            assert answer.status_code == 200 and "Overview" in answer.text
    finally:
        process.terminate()
        process.wait(timeout=20)
