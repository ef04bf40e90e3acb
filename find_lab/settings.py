"""A person's settings (their name as a human baseline, last choices), kept between runs.

Stored as JSON in `$FIND_LAB_SETTINGS`, else `$XDG_CONFIG_HOME/find-lab/settings.json`
(`~/.config/...`). A missing or corrupt file reads as empty settings: nothing to lose.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path


def path() -> Path:
    if os.environ.get("FIND_LAB_SETTINGS"):
        return Path(os.environ["FIND_LAB_SETTINGS"])
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return config / "find-lab" / "settings.json"


def load() -> dict:
    try:
        data = json.loads(path().read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(**changes) -> dict:
    """Merge `changes` into the settings and write them atomically."""
    settings = {**load(), **changes}
    target = path()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=target.parent, delete=False, suffix=".tmp") as out:
        json.dump(settings, out, indent=2)
    os.replace(out.name, target)
    return settings
