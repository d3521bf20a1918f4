"""Unit tests of the site's JavaScript (tests/js/, Node's built-in test runner).

Runs ``node --test tests/js/`` and shows Node's report when it fails. Needs Node.js
18 or later; without it the test is skipped, except in CI (CI=1), where it fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from conftest import REPO

JS_TESTS = REPO / "tests" / "js"


def test_javascript_unit_tests_pass() -> None:
    node = shutil.which("node")
    if node is None:
        message = "the JavaScript unit tests need Node.js 18 or later (apt-get install nodejs)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    assert sorted(JS_TESTS.glob("*.test.mjs")), f"no test file in {JS_TESTS}"
    result = subprocess.run(
        [node, "--test", str(JS_TESTS.relative_to(REPO)) + "/"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"node --test tests/js/ failed ({result.returncode}):\n{result.stdout}{result.stderr}"
    # Node reports how many tests ran: none would mean the folder was not found.
    assert "# pass 0\n" not in result.stdout, result.stdout
