#!/bin/sh
# Container entry point: serve a pre-built index read-only when one was baked into the image
# (deploy/index.sqlite3) and no other index was configured; otherwise serve /data.
set -e
BAKED="${POCKETRAG_BAKED_INDEX:-/opt/pocketrag/deploy/index.sqlite3}"
if [ -f "$BAKED" ] && [ -z "${POCKETRAG_INDEX_PATH:-}" ] && [ -z "${VECTOR_STORE_PATH:-}" ] \
   && [ -z "${POCKETRAG_DATABASE_URL:-}" ]; then
  export POCKETRAG_INDEX_PATH="$BAKED"
  export POCKETRAG_READ_ONLY=true
fi
exec pocketrag serve "$@"
