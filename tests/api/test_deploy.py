"""Deployment files: the container start script's choice of index, and the blueprint."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def run_start(tmp_path: Path, baked: bool, **env: str) -> dict[str, str]:
    """Run deploy/start.sh with a stub `pocketrag` that prints what it was given."""
    stub_dir = tmp_path / "bin"
    stub_dir.mkdir(exist_ok=True)
    stub = stub_dir / "pocketrag"
    stub.write_text(
        '#!/bin/sh\necho "ARGS=$*"\n'
        'echo "INDEX=${POCKETRAG_INDEX_PATH:-}"\necho "RO=${POCKETRAG_READ_ONLY:-}"\n'
    )
    stub.chmod(0o755)
    index = tmp_path / "index.sqlite3"
    if baked:
        index.write_bytes(b"x")
    clean = {k: v for k, v in os.environ.items() if not k.startswith("POCKETRAG_")}
    out = subprocess.run(
        ["sh", str(REPO / "deploy" / "start.sh")],
        env={
            **clean,
            "PATH": f"{stub_dir}:{os.environ['PATH']}",
            "POCKETRAG_BAKED_INDEX": str(index),
            **env,
        },
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return dict(line.split("=", 1) for line in out.splitlines())


def test_baked_index_is_served_read_only(tmp_path):
    got = run_start(tmp_path, baked=True)
    assert got["ARGS"] == "serve"
    assert got["INDEX"] == str(tmp_path / "index.sqlite3")
    assert got["RO"] == "true"


def test_without_baked_index_the_data_volume_is_served(tmp_path):
    got = run_start(tmp_path, baked=False)
    assert got == {"ARGS": "serve", "INDEX": "", "RO": ""}


def test_an_explicit_index_wins_over_the_baked_one(tmp_path):
    got = run_start(tmp_path, baked=True, POCKETRAG_INDEX_PATH="/data/mine.sqlite3")
    assert got["INDEX"] == "/data/mine.sqlite3" and got["RO"] == ""


def test_a_replica_bucket_wins_over_the_baked_index(tmp_path):
    got = run_start(tmp_path, baked=True, POCKETRAG_REPLICA_URL="s3://bucket/prod")
    assert got["INDEX"] == "" and got["RO"] == ""


def test_render_blueprint_asks_for_the_replica_settings_and_stores_none():
    service = yaml.safe_load((REPO / "render.yaml").read_text())["services"][0]
    replica = {
        "POCKETRAG_REPLICA_URL",
        "POCKETRAG_S3_ENDPOINT",
        "AWS_REGION",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
    }
    variables = {v["key"]: v for v in service["envVars"]}
    assert replica <= set(variables)
    assert all(variables[k] == {"key": k, "sync": False} for k in replica)


def test_render_blueprint_is_a_free_docker_service_with_health_check():
    service = yaml.safe_load((REPO / "render.yaml").read_text())["services"][0]
    assert service["plan"] == "free" and service["runtime"] == "docker"
    assert service["healthCheckPath"] == "/health"
    keys = {v["key"] for v in service["envVars"]}
    assert {"POCKETRAG_API_KEY", "OPENROUTER_API_KEY", "GROQ_API_KEY"} <= keys


def test_dockerfile_prepares_the_model_at_build_time_and_runs_unprivileged():
    text = (REPO / "Dockerfile").read_text()
    assert text.count("FROM ") == 2  # multi-stage
    assert "pocketrag models prepare" in text
    assert "\nUSER pocketrag" in text and "HEALTHCHECK" in text and "/health" in text
    assert "PORT" in text
