#!/bin/sh
# Container entry point: serve a pre-built index read-only when one was baked into the image
# (deploy/index.sqlite3) and no other index (nor a replica bucket) was configured; otherwise
# serve /data (restored from and replicated to the bucket when POCKETRAG_REPLICA_URL is set).
set -e
BAKED="${POCKETRAG_BAKED_INDEX:-/opt/pocketrag/deploy/index.sqlite3}"
if [ -f "$BAKED" ] && [ -z "${POCKETRAG_INDEX_PATH:-}" ] && [ -z "${VECTOR_STORE_PATH:-}" ] \
   && [ -z "${POCKETRAG_DATABASE_URL:-}" ] && [ -z "${POCKETRAG_REPLICA_URL:-}" ]; then
  export POCKETRAG_INDEX_PATH="$BAKED"
  export POCKETRAG_READ_ONLY=true
fi
exec pocketrag serve "$@"
