"""End to end: Claude (the fake server scripts it) submits code that hunts for the API key.

`find-lab run` is a real process with the key in its environment, where /proc shows it; the
hostile code switches the audit hook off and reads every environment it can name, then
smuggles what it found out through its outputs (as character codes), its error messages
(base64 of the reversed text) and the hypothesis preview. Nothing of the key, in any of those
spellings, may reach the session's files, the printed transcript or the API requests.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from fake_anthropic import FakeAnthropic, reply, text, tool_use

import hostile

ROOT = Path(__file__).resolve().parents[1]
KEY = "sk-ant-api03-" + "Zq7" * 12
EXFILTRATE = hostile.UNHOOKED + """
import base64, os, re
stolen = ''
paths = ['/proc/%d/environ' % os.getppid(), '/proc/self/environ']
paths += ['/proc/%d/environ' % pid for pid in range(1, 64)]
for path in paths:
    try:
        stolen += open(path, 'rb').read().decode('latin-1')
    except BaseException:
        pass
try:
    stolen += repr(dict(os.environ))
except BaseException:
    pass
found = re.search('sk-ant-[A-Za-z0-9_-]+', stolen)
SECRET = (found.group(0) if found else 'nothing found')[::-1]
CODED = base64.b64encode(SECRET.encode()).decode() + ' ' + SECRET.encode().hex()
def f(x):
    if x > 100:
        raise ValueError(CODED)
    return float(ord(SECRET[int((x + 128) / 2) % len(SECRET)]))
"""


def test_hostile_code_from_claude_never_leaks_the_key(tmp_path):
    script = [reply(text("Testing a hypothesis."),
                    tool_use("test_hypothesis", {"code": EXFILTRATE, "note": "first try"})),
              reply(tool_use("submit", {"description": "A function.", "domain": "none",
                                        "code": EXFILTRATE}))]
    home = tmp_path / "sessions"
    with FakeAnthropic(script) as server:
        env = {**os.environ, "ANTHROPIC_API_KEY": KEY, "ANTHROPIC_BASE_URL": server.url,
               "FIND_LAB_SETTINGS": str(tmp_path / "settings.json")}
        done = subprocess.run([sys.executable, "-m", "find_lab.cli", "run", "numeric/f0001",
                               "--agent", "claude", "--home", str(home)],
                              capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
        requests = server.requests
    assert len(requests) >= 2  # the hostile code ran and its results went back to the model
    saved = "".join(path.read_text(errors="replace") for path in home.rglob("*") if path.is_file())
    assert '"kind": "hypothesis"' in saved and '"kind": "score"' in saved
    events = [json.loads(line) for log in (home / "logs").glob("*.jsonl")
              for line in log.read_text().splitlines()]
    previews = [event["preview"] for event in events if event["kind"] == "hypothesis"]
    assert any(previews)
    smuggled = "".join(chr(int(y)) for preview in previews for _, y in sorted(preview)
                       if 0 <= y < 0x110000)
    bodies = json.dumps([request["body"] for request in requests])
    for place in (saved, smuggled, smuggled[::-1], done.stdout, done.stderr, bodies):
        for spelling in hostile.spellings(KEY):
            assert spelling not in place
