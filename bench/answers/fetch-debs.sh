# Shared by the corpus fetch scripts that take documents from exact Debian packages (debgov,
# harden, gnustd, pgadmin, debref); sourced, not run. The packages are fetched, never
# committed, and checked against a sha256 recorded when the set was written, so the
# documents under test cannot drift.

# require_tools NAME TOOL...: fail saying which tool is missing.
require_tools() {
  name=$1
  shift
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "$name fetch: '$tool' not found; this corpus is fetched from the Debian archive with apt-get and dpkg-deb (Debian or Ubuntu)." >&2
      exit 1
    fi
  done
}

# fetch_debs NAME DEST TMP DEBS: for each "package=version sha256" line of DEBS, download the
# .deb into DEST unless it is there, check its sha256 (a wrong one is removed) and extract it
# into TMP; any failure exits saying why.
fetch_debs() {
  name=$1 dest=$2 tmp=$3
  echo "$4" | while read -r spec sha; do
    deb="${spec%%=*}_${spec#*=}_all.deb"
    if [ ! -s "$dest/$deb" ]; then
      # apt-get download writes into the current folder; no root needed
      if ! (cd "$dest" && apt-get download -q=2 "$spec"); then
        echo "$name fetch: 'apt-get download $spec' failed (no Debian mirror reachable, or run 'apt-get update' first)." >&2
        exit 1
      fi
    fi
    if ! echo "$sha  $dest/$deb" | sha256sum -c --quiet -; then
      rm -f "$dest/$deb"
      echo "$name fetch: $deb does not have the expected sha256 $sha; removed it." >&2
      exit 1
    fi
    dpkg-deb -x "$dest/$deb" "$tmp"
  done
}

# unpack_debs NAME DEST DEBS [TOOL...]: check the tools (and any more the caller needs),
# then fetch and extract the packages (fetch_debs) into a new folder $tmp under DEST, removed
# when the script exits.
unpack_debs() {
  name=$1 dest=$2 debs=$3
  shift 3
  require_tools "$name" apt-get dpkg-deb sha256sum "$@"
  mkdir -p "$dest"
  tmp=$(mktemp -d "$dest/extract.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  fetch_debs "$name" "$dest" "$tmp" "$debs"
}

# fetch_pages NAME DEST DEBS PAGES: unless every page is already in DEST, fetch and extract
# the packages (fetch_debs) and copy each page path of PAGES (paths inside the packages)
# into DEST under its own name; any failure exits saying why.
fetch_pages() {
  name=$1 dest=$2 debs=$3 pages=$4
  missing=
  for path in $pages; do [ -s "$dest/${path##*/}" ] || missing=yes; done
  [ -n "$missing" ] || return 0
  unpack_debs "$name" "$dest" "$debs"
  for path in $pages; do
    page=${path##*/}
    if [ ! -s "$tmp/$path" ]; then
      echo "$name fetch: $path is not in the extracted packages." >&2
      exit 1
    fi
    cp "$tmp/$path" "$tmp/$page.part"
    mv "$tmp/$page.part" "$dest/$page"
  done
  echo "$name fetch: documents ready in $dest" >&2
}
