"""JupyterLab's server starts headless on localhost, lists the notebooks, and stops cleanly."""

from __future__ import annotations

import json
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from newsprism.core import paths

# Talk to the local server directly, never through a proxy from the environment.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _request(url: str, token: str, method: str = "GET", timeout: float = 10):
    request = urllib.request.Request(url, method=method,
                                     headers={"Authorization": f"token {token}"})
    with OPENER.open(request, timeout=timeout) as response:
        body = response.read()
        return response.status, body


def test_jupyterlab_serves_the_notebooks(tmp_path):
    port, token = free_port(), secrets.token_hex(16)
    jupyter = Path(sys.executable).with_name("jupyter")
    command = [
        str(jupyter), "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={paths.NOTEBOOKS}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.news_url=", "--LabApp.extension_manager=readonly", "--allow-root",
    ]
    env_dirs = {"JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
                "JUPYTER_CONFIG_DIR": str(tmp_path / "config")}
    log = open(tmp_path / "lab.log", "wb")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                              env={**__import__("os").environ, **env_dirs})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert server.poll() is None, (tmp_path / "lab.log").read_text()[-3000:]
            try:
                status, _ = _request(f"{base}/api/status", token, timeout=3)
                if status == 200:
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            assert time.monotonic() < deadline, "JupyterLab did not start in 90 s"
            time.sleep(0.5)

        status, body = _request(f"{base}/api/contents/", token)
        listing = json.loads(body)
        names = {item["name"] for item in listing["content"] if item["type"] == "notebook"}
        expected = {p.name for p in paths.NOTEBOOKS.glob("*.ipynb")}
        assert status == 200 and expected and expected <= names

        status, body = _request(f"{base}/api/contents/00_corpus_overview.ipynb", token)
        model = json.loads(body)
        assert model["type"] == "notebook"
        assert any("parameters" in c["metadata"].get("tags", []) for c in model["content"]["cells"])

        status, body = _request(f"{base}/lab", token)
        assert status == 200 and b"JupyterLab" in body

        # a wrong token is refused: the server is not open to anyone on the machine
        try:
            _request(f"{base}/api/contents/", "wrong-token")
            raise AssertionError("a wrong token was accepted")
        except urllib.error.HTTPError as error:
            assert error.code == 403

        status, _ = _request(f"{base}/api/shutdown", token, method="POST")
        assert status == 200
        assert server.wait(timeout=30) == 0
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
        log.close()
