"""``vaultkg serve`` in a subprocess: pages served with the live-reload script, an edit seen
on the event stream and in the page, Ctrl-C stopping it cleanly; and in a real browser."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[1] / "vault"
CAFFEINE = "notes/drugs/caffeine.html"
SERVE = "import sys; from vaultkg.cli import main; sys.argv[0] = 'vaultkg'; main()"


class Served:
    def __init__(self, proc: subprocess.Popen[str], url: str) -> None:
        self.proc = proc
        self.url = url

    def get(self, path: str = "") -> str:
        with urllib.request.urlopen(self.url + path, timeout=10) as r:
            return r.read().decode("utf-8")


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    shutil.copytree(EXAMPLE, root)
    return root


@pytest.fixture
def served(vault: Path, tmp_path: Path) -> Iterator[Served]:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            SERVE,
            "serve",
            str(vault),
            "--port",
            "0",
            "-o",
            str(tmp_path / "site"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()  # printed once the site is built and the server listens
    found = re.match(r"Serving .* at (http://127\.0\.0\.1:\d+/) \(Ctrl-C to stop\)$", line)
    assert found, (line, proc.stderr.read() if proc.stderr else "")
    yield Served(proc, found.group(1))
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def edit(vault: Path, sentence: str) -> None:
    note = vault / "Drugs" / "Caffeine.md"
    text = note.read_text("utf-8").replace("# Caffeine\n", f"# Caffeine\n\n{sentence}\n")
    note.write_text(text, "utf-8")


def test_pages_are_served_with_the_reload_script_and_files_are_left_as_published(
    served: Served, tmp_path: Path
) -> None:
    page = served.get(CAFFEINE)
    assert page.count('<script src="/__vaultkg/live.js"></script></body>') == 1
    on_disk = (tmp_path / "site" / CAFFEINE).read_text("utf-8")
    assert "__vaultkg" not in on_disk
    assert page == on_disk.replace("</body>", '<script src="/__vaultkg/live.js"></script></body>')
    assert "EventSource" in served.get("__vaultkg/live.js")
    assert served.get("static/site.css") == (tmp_path / "site/static/site.css").read_text("utf-8")


def test_an_edit_reaches_the_event_stream_and_the_page(served: Served, vault: Path) -> None:
    events: list[str] = []
    stream = urllib.request.urlopen(served.url + "__vaultkg/events", timeout=60)
    assert stream.readline() == b": connected\n" and stream.readline() == b"\n"

    def read() -> None:
        for raw in stream:
            events.append(raw.decode())
            if raw.startswith(b"data:"):
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    time.sleep(0.5)  # the watcher is running once the URL is printed; let it settle
    written = time.monotonic()
    edit(vault, "Caffeine was edited while being served.")
    reader.join(timeout=30)
    assert events[:2] == ["event: reload\n", "data: 2\n"], events
    assert time.monotonic() - written < 30
    deadline = time.monotonic() + 60
    while "edited while being served" not in served.get(CAFFEINE):
        assert time.monotonic() < deadline
        time.sleep(0.2)


def test_ctrl_c_stops_cleanly(served: Served) -> None:
    served.proc.send_signal(signal.SIGINT)
    _, err = served.proc.communicate(timeout=20)
    assert served.proc.returncode == 0
    assert err.splitlines()[-1] == "vaultkg: stopped serving"
    assert "Traceback" not in err
    with pytest.raises(OSError):
        served.get()


def test_a_busy_port_is_a_clear_error(served: Served, vault: Path, tmp_path: Path) -> None:
    port = served.url.rsplit(":", 1)[1].strip("/")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            SERVE,
            "serve",
            str(vault),
            "--port",
            port,
            "-o",
            str(tmp_path / "other"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == (
        f"vaultkg: error: port {port} already in use on 127.0.0.1; stop the other server or "
        "give --port"
    )


def test_the_output_folder_may_not_be_in_the_vault(vault: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SERVE, "serve", str(vault), "-o", str(vault / "site")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "inside the vault" in done.stderr
    assert not (vault / "site").exists()


@pytest.mark.browser
def test_a_browser_shows_the_edit_without_a_manual_reload(  # type: ignore[no-untyped-def]
    served: Served, vault: Path, browser
) -> None:
    page = browser.new_page()
    try:
        page.goto(served.url + CAFFEINE)
        page.wait_for_function("document.readyState === 'complete'")
        time.sleep(0.5)
        edit(vault, "Caffeine was seen changing in a browser.")
        page.get_by_text("Caffeine was seen changing in a browser.").wait_for(timeout=30_000)
    finally:
        page.close()
    assert os.environ.get("VAULTKG_CACHE_DIR")
