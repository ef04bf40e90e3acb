"""Plain helpers the tests share (a module of its own: `conftest` names a different file in
each test folder, so importing from it depends on which folder pytest collected first)."""

from find_lab.suite import Suite


def run(capsys, *argv) -> tuple[int, str, str]:
    """`find-lab ARGV` in this process: its exit status, stdout and stderr."""
    from find_lab.cli import main

    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def sample_ids(suite: Suite, domain: str, complexity: str, count: int) -> list[str]:
    """An evenly spread, deterministic sample of one domain and complexity."""
    ids = suite.ids(domain, complexity)
    step = max(1, len(ids) // count)
    return ids[::step][:count]
