"""The bucket helper process's protocol (`python -m pocketrag.bucket`), against moto."""

from __future__ import annotations

import pytest

from pocketrag.bucket import BucketError, BucketProcess
from pocketrag.config import load_settings


def test_helper_puts_lists_gets_and_deletes(tmp_path, s3_bucket):
    helper = BucketProcess(load_settings(data_dir=tmp_path, **s3_bucket.settings))
    source = tmp_path / "a.txt"
    source.write_bytes(b"original bytes")
    helper.put(source, "abc.txt")
    assert s3_bucket.keys() == ["pocketrag/originals/abc.txt"]
    assert helper.names() == {"abc.txt"}
    helper.get("abc.txt", tmp_path / "copy.txt")
    assert (tmp_path / "copy.txt").read_bytes() == b"original bytes"
    assert helper.probe() is None
    helper.delete("abc.txt")
    assert helper.names() == set()


def test_helper_errors_carry_the_services_code_and_no_secret(tmp_path, s3_bucket):
    helper = BucketProcess(load_settings(data_dir=tmp_path, **s3_bucket.settings))
    with pytest.raises(BucketError) as caught:
        helper.get("missing.txt", tmp_path / "x")
    assert caught.value.code == "NoSuchKey"
    assert s3_bucket.settings["s3_secret_access_key"] not in str(caught.value)
