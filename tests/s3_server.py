"""A real S3 API for the tests: moto's server mode (`moto[server]`), in its own process on a
free loopback port, one per test session (per xdist worker), stopped at the end.

`object_storage` points Django's default storage at a fresh bucket of that server for one
test, exactly as production settings do when AWS_STORAGE_BUCKET_NAME is set.
"""

import os
import subprocess
import sys
import time
import uuid
from types import SimpleNamespace
from urllib.request import urlopen

import pytest

from tests.redis_server import free_port

KEY = "test-key"
SECRET = "test-secret"
REGION = "us-east-1"


class S3Server:
    def __init__(self):
        self.port = free_port()
        self.process = None

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        env = {**os.environ, "AWS_ACCESS_KEY_ID": KEY, "AWS_SECRET_ACCESS_KEY": SECRET}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                urlopen(f"{self.endpoint}/moto-api/", timeout=1).close()
                return self
            except OSError as error:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("moto's S3 server did not start") from error
                time.sleep(0.1)

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=KEY,
            aws_secret_access_key=SECRET,
            region_name=REGION,
        )

    def create_bucket(self, name=None):
        name = name or f"media-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(Bucket=name)
        return name

    def keys(self, bucket):
        pages = self.client().get_paginator("list_objects_v2").paginate(Bucket=bucket)
        return sorted(obj["Key"] for page in pages for obj in page.get("Contents", []))

    def read(self, bucket, key):
        return self.client().get_object(Bucket=bucket, Key=key)["Body"].read()

    def storage_options(self, bucket):
        return {
            "bucket_name": bucket,
            "endpoint_url": self.endpoint,
            "region_name": REGION,
            "access_key": KEY,
            "secret_key": SECRET,
        }


@pytest.fixture(scope="session")
def s3_server():
    server = S3Server().start()
    yield server
    server.stop()


@pytest.fixture
def object_storage(settings, s3_server):
    """Django's default storage is a new, empty, private bucket of the S3 server."""
    bucket = s3_server.create_bucket()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "core.storage.MediaStorage",
            "OPTIONS": s3_server.storage_options(bucket),
        },
    }
    return SimpleNamespace(
        server=s3_server,
        bucket=bucket,
        objects=lambda: s3_server.keys(bucket),
        read=lambda key: s3_server.read(bucket, key),
    )
