"""Litestream replication of the SQLite index to S3-compatible storage (DESIGN decision 9).

Free hosts lose their disk on every restart. With `POCKETRAG_REPLICA_URL=s3://BUCKET/PATH`
the server restores the newest replica when the local index is missing, then runs
Litestream beside itself so every committed transaction reaches the bucket within about a
second (`POCKETRAG_REPLICA_SYNC_INTERVAL_S`).

Why a supervised child process and not `litestream replicate -exec "pocketrag serve"`:
with -exec Litestream is the parent, so a replica it cannot reach at start (wrong
credentials, endpoint down) stops the service from starting at all, and nothing can report
its state. Here pocketrag starts Litestream after the restore, restarts it with backoff when
it exits, reads its state and lag from its control socket for /ready, and never lets it
block a question. The child gets SIGTERM when the server dies, even by kill -9
(PR_SET_PDEATHSIG), so no orphan keeps writing to the bucket.

Credentials reach Litestream through its environment only (AWS_ACCESS_KEY_ID, ...): the
generated config file holds no secret, and log lines are scrubbed of the key values.

The package holds two concerns: target.py says where replicas live and how Litestream is
configured and run once (restore); supervisor.py runs Litestream beside the server and
reports its state. Every public name is importable from `pocketrag.replication`.
"""

from pocketrag.replication.supervisor import Replicator, restore_before_writing, wait_for_index
from pocketrag.replication.target import (
    ReplicaTarget,
    ReplicationError,
    child_env,
    litestream_binary,
    restore_index,
    scrub,
    secrets_of,
    write_config,
)

__all__ = [
    "ReplicaTarget",
    "ReplicationError",
    "Replicator",
    "child_env",
    "litestream_binary",
    "restore_before_writing",
    "restore_index",
    "scrub",
    "secrets_of",
    "wait_for_index",
    "write_config",
]
