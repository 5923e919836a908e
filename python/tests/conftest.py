"""Shared fixtures: the CLI's records for the bundled samples, the reference every Python
and Spark result must equal."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = [REPO / "samples" / "seed.jsonl", REPO / "samples" / "wikinews-meantime.jsonl"]


def cli_bin() -> str:
    return os.environ.get("NEWSGRAPH_BIN", str(REPO / "target" / "release" / "newsgraph"))


def read_articles() -> list[dict]:
    return [json.loads(line) for p in SAMPLES for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def articles() -> list[dict]:
    return read_articles()


@pytest.fixture(scope="session")
def cli_records() -> list[dict]:
    out = subprocess.run([cli_bin(), "extract", "--quiet", *map(str, SAMPLES)], check=True, capture_output=True)
    return [json.loads(line) for line in out.stdout.decode("utf-8").splitlines()]
