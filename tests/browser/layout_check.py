#!/usr/bin/env python3
"""Opens palermo's HTML reports in headless Chromium at phone and desktop widths and checks what a
reader would notice: the page scrolls sideways (only the comparison grid may, inside its box), a
script error, or an in-page link that leads nowhere. Chromium is driven over the DevTools protocol on
a pipe (--remote-debugging-pipe), so nothing beyond the Python standard library is needed.

usage: layout_check.py CHROMIUM FILE.html...   (exit 0: all good; 1: a problem; 77: no Chromium)
"""
import json
import os
import shutil
import subprocess
import sys
import time

WIDTHS = (390, 1366)

MEASURE = r"""
(() => {
  const d = document.documentElement;
  const bad = [];
  document.querySelectorAll('a[href^="#"]').forEach(a => {
    const id = decodeURIComponent(a.getAttribute('href').slice(1));
    if (id && !document.getElementById(id)) bad.push(id);
  });
  return JSON.stringify({scroll: d.scrollWidth, client: d.clientWidth, badLinks: bad.slice(0, 5),
                         badCount: bad.length, grid: !!document.querySelector('.grid')});
})()
"""


class Browser:
    def __init__(self, chromium):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()

        def wire():  # the protocol pipe is fds 3 (commands in) and 4 (replies out) in Chromium
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)
            os.set_inheritable(3, True)  # dup2 onto itself keeps Python's close-on-exec flag
            os.set_inheritable(4, True)

        self.proc = subprocess.Popen(
            [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-dev-shm-usage", "--remote-debugging-pipe", "about:blank"],
            preexec_fn=wire, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.next_id = 0
        self.buffer = b""
        self.events = []

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self.from_browser, 65536)
            if not chunk:
                raise RuntimeError("Chromium closed the protocol pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method, params=None, session=None, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method, timeout=30):
        deadline = time.time() + timeout
        for i, e in enumerate(self.events):
            if e.get("method") == method:
                return self.events.pop(i)
        while True:
            e = self._read_message(deadline)
            if e.get("method") == method:
                return e
            self.events.append(e)

    def close(self):
        try:
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        self.proc.kill()


def check(browser, path, width):
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    browser.send("Emulation.setDeviceMetricsOverride",
                 {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600}, session)
    browser.send("Runtime.enable", session=session)
    browser.send("Page.enable", session=session)
    browser.events.clear()
    browser.send("Page.navigate", {"url": "file://" + os.path.abspath(path)}, session)
    browser.wait_for("Page.loadEventFired")
    result = browser.send("Runtime.evaluate", {"expression": MEASURE, "returnByValue": True}, session)
    measured = json.loads(result["result"]["value"])
    errors = [e for e in browser.events
              if e.get("method") == "Runtime.exceptionThrown" or
              (e.get("method") == "Runtime.consoleAPICalled" and e["params"].get("type") == "error")]
    browser.send("Target.closeTarget", {"targetId": target})
    problems = []
    if measured["scroll"] > measured["client"]:
        problems.append(f"scrolls sideways: {measured['scroll']} px of content in {measured['client']} px")
    if errors:
        problems.append(f"{len(errors)} script errors")
    if measured["badCount"]:
        problems.append(f"{measured['badCount']} links without a target, e.g. {measured['badLinks']}")
    return problems


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    chromium = shutil.which(sys.argv[1]) or (sys.argv[1] if os.path.exists(sys.argv[1]) else None)
    if not chromium:
        print(f"skipped: {sys.argv[1]} is not installed (bash scripts/dev.sh deps installs Debian's chromium)")
        return 77
    browser = Browser(chromium)
    try:  # a browser that cannot start here is this machine's problem, not the reports'
        browser.send("Browser.getVersion", timeout=60)
    except (RuntimeError, TimeoutError, OSError) as e:
        browser.close()
        print(f"skipped: {chromium} did not start ({e})")
        return 77
    failed = False
    try:
        for path in sys.argv[2:]:
            for width in WIDTHS:
                problems = check(browser, path, width)
                print(f"{'FAIL' if problems else 'ok  '} {os.path.basename(path)} at {width} px"
                      + ("".join("\n     " + p for p in problems)))
                failed = failed or bool(problems)
    finally:
        browser.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
