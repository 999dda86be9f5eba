"""Headless Chromium driven over the DevTools protocol, for pages that need a click before the picture (a
dialog opened by a button) and a question to the page (what the dialog shows).

``--screenshot`` on Chromium's command line draws a page as it loads; this opens the page, waits for what
the caller names, clicks, reads the DOM and draws, in one browser that is stopped at the end.
"""

from __future__ import annotations

import base64
import json
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from screenshot_asset_graph import CHROMIUM, WINDOW, _fonts, _stop
from websockets.sync.client import ClientConnection, connect


class Page:
    """One tab: navigate, evaluate JavaScript, wait for a condition, click a button by its text, draw."""

    def __init__(self, socket: ClientConnection) -> None:
        self._socket = socket
        self._next_id = 0

    def _call(self, method: str, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        self._socket.send(json.dumps({"id": self._next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self._socket.recv(timeout=60))
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def goto(self, url: str) -> None:
        self._call("Page.navigate", url=url)

    def evaluate(self, expression: str) -> Any:
        result = self._call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression!r} failed in the page: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 60.0, what: str = "") -> Any:
        """The first truthy value of ``expression``, polled until ``timeout``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.25)
        raise TimeoutError(f"the page showed no {what or expression} within {timeout:.0f} s")

    def click_button(self, text: str, timeout: float = 60.0) -> None:
        """Click the first button whose visible text is ``text``, once there is one."""
        finder = f"[...document.querySelectorAll('button')].find(b => b.innerText.trim() === {json.dumps(text)})"
        self.wait_for(f"!!{finder}", timeout, what=f"button {text!r}")
        self.evaluate(f"{finder}.click()")

    def screenshot(self, out: Path) -> None:
        out.parent.mkdir(parents=True, exist_ok=True)
        data = self._call("Page.captureScreenshot", format="png")["data"]
        out.write_bytes(base64.b64decode(data))


@contextmanager
def chromium(timeout: float = 60.0) -> Iterator[Page]:
    """A headless Chromium with the project's Japanese font, its first tab as a :class:`Page`."""
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        process = subprocess.Popen(
            [
                str(CHROMIUM),
                "--headless",
                "--no-sandbox",  # as root in containers, Chromium refuses to start otherwise
                "--disable-gpu",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
                "--remote-allow-origins=*",
                f"--user-data-dir={profile}",
                f"--window-size={WINDOW[0]},{WINDOW[1]}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=_fonts(Path(profile)),
            start_new_session=True,
        )
        try:
            socket_url = _page_socket(Path(profile) / "DevToolsActivePort", process, timeout)
            with connect(socket_url, max_size=None, open_timeout=timeout) as socket:
                page = Page(socket)
                page._call("Page.enable")
                yield page
        finally:
            _stop(process.pid)


def _page_socket(port_file: Path, process: subprocess.Popen[bytes], timeout: float) -> str:
    """The DevTools address of the browser's first tab, once Chromium has written its port."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Chromium exited with code {process.returncode} before it could be driven")
        if port_file.exists() and port_file.read_text().strip():
            port = port_file.read_text().split()[0]
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as answer:
                tabs = [t for t in json.loads(answer.read()) if t.get("type") == "page"]
            if tabs:
                return tabs[0]["webSocketDebuggerUrl"]
        time.sleep(0.1)
    raise TimeoutError(f"Chromium opened no DevTools port within {timeout:.0f} s")
