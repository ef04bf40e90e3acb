"""Files the lab writes (its exports), sent on to the browser too when the lab is served to one
by `find-lab serve`: there the file lands on the server's disk, far from the person."""

from __future__ import annotations

from pathlib import Path


def deliver(app, path: Path) -> str:
    """Send `path` to the browser the app is served to, unless the app keeps its files (a
    participant's study); what the notice of the export adds."""
    if not app.is_web or getattr(app, "keeps_files", False):
        return ""
    app.deliver_binary(path, save_filename=path.name)
    return " and sent to your browser"
