"""Shared fixtures: the committed suite, loaded once per test session."""

import pytest

from find_lab.suite import Suite


@pytest.fixture(scope="session")
def suite() -> Suite:
    return Suite()
