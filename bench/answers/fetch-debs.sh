# Shared by the corpus fetch scripts that take documents from exact Debian packages (debgov,
# harden, gnustd, pgadmin, debref, chrony, nut, ...); sourced, not run. The packages are fetched, never
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
# into TMP; any failure exits saying why. An architecture-specific package is named with its
# architecture ("chrony:amd64=4.3-2+deb12u3"): its sha256 is that architecture's, so on
# another machine the architecture must be added to dpkg first. A version with an epoch
# ("cryptsetup:amd64=2:2.6.1-4~deb12u2") is written by apt-get as "%3a" in the file name.
fetch_debs() {
  name=$1 dest=$2 tmp=$3
  echo "$4" | while read -r spec sha; do
    package=${spec%%=*} version=${spec#*=} arch=all
    case "$package" in
      *:*) arch=${package#*:} package=${package%%:*} ;;
    esac
    case "$version" in
      *:*) version="${version%%:*}%3a${version#*:}" ;;
    esac
    deb="${package}_${version}_$arch.deb"
    if [ ! -s "$dest/$deb" ]; then
      # apt-get download writes into the current folder; no root needed
      if ! (cd "$dest" && apt-get download -q=2 "$spec"); then
        hint=
        [ "$arch" = all ] || hint="; on a machine that is not $arch, 'dpkg --add-architecture $arch' first"
        echo "$name fetch: 'apt-get download $spec' failed (no Debian mirror reachable, or run 'apt-get update' first$hint)." >&2
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

# render_man NAME DEST PAGE OUT: render the manual page usr/share/man/PAGE.gz of the packages
# unpacked in $tmp (unpack_debs, mandoc's package among them) to DEST/OUT, HTML made by that
# mandoc; any failure exits saying why.
render_man() {
  name=$1 dest=$2 page=$3 out=$4
  if [ ! -s "$tmp/usr/share/man/$page.gz" ]; then
    echo "$name fetch: usr/share/man/$page.gz is not in the extracted packages." >&2
    exit 1
  fi
  if ! "$tmp/usr/bin/mandoc" -T html "$tmp/usr/share/man/$page.gz" >"$tmp/$out.part" ||
    [ ! -s "$tmp/$out.part" ]; then
    echo "$name fetch: mandoc could not render usr/share/man/$page.gz." >&2
    exit 1
  fi
  mv "$tmp/$out.part" "$dest/$out"
}

# render_man_pages NAME DEST DEBS PAGES: unless all are there, fetch and unpack the packages
# (unpack_debs) and render each OWNER:SECTION/PAGE of PAGES ("cron:man5/crontab.5") to
# DEST/OWNER-man-PAGE.html (render_man). Any failure exits saying why.
render_man_pages() {
  name=$1 dest=$2 debs=$3 pages=$4
  missing=
  for entry in $pages; do
    page=${entry#*:}
    [ -s "$dest/${entry%%:*}-man-${page#*/}.html" ] || missing=yes
  done
  [ -n "$missing" ] || return 0
  unpack_debs "$name" "$dest" "$debs"
  for entry in $pages; do
    page=${entry#*:}
    render_man "$name" "$dest" "$page" "${entry%%:*}-man-${page#*/}.html"
  done
  rm -rf "$tmp"
  trap - EXIT
}

# fetch_cut NAME DEST DEBS PATH FILE LINE: unless DEST/FILE is there, fetch and unpack the
# packages (unpack_debs) and keep of PATH (a .gz inside them) its lines from the top to the
# one before LINE, which must stand in it exactly once: a long NEWS or changelog cut to the
# releases a reader needs. Any failure exits saying why.
fetch_cut() {
  name=$1 dest=$2 debs=$3 path=$4 file=$5 line=$6
  [ ! -s "$dest/$file" ] || return 0
  unpack_debs "$name" "$dest" "$debs" gunzip
  if [ ! -s "$tmp/$path" ]; then
    echo "$name fetch: $path is not in the extracted packages." >&2
    exit 1
  fi
  if ! gunzip -c "$tmp/$path" >"$tmp/whole"; then
    echo "$name fetch: could not decompress $path." >&2
    exit 1
  fi
  if [ "$(grep -cxF "$line" "$tmp/whole")" != 1 ]; then
    echo "$name fetch: the line \"$line\" is not in $path exactly once; cannot cut $file." >&2
    exit 1
  fi
  awk -v stop="$line" '$0 == stop { exit } { print }' "$tmp/whole" >"$tmp/$file.part"
  mv "$tmp/$file.part" "$dest/$file"
  rm -rf "$tmp"
  trap - EXIT
}

# fetch_files NAME DEST DEBS FILES: unless every file is already in DEST, fetch and unpack
# the packages (unpack_debs) and copy each "path [name]" line of FILES (a path inside the
# packages; its name in DEST, by default its own; a .gz is decompressed) into DEST; any
# failure exits saying why.
fetch_files() {
  name=$1 dest=$2 debs=$3 files=$4
  missing=
  while read -r path as; do
    [ -z "$path" ] || [ -s "$dest/${as:-${path##*/}}" ] || missing=yes
  done <<EOF
$files
EOF
  [ -n "$missing" ] || return 0
  unpack_debs "$name" "$dest" "$debs" gunzip
  while read -r path as; do
    [ -n "$path" ] || continue
    file=${as:-${path##*/}}
    if [ ! -s "$tmp/$path" ]; then
      echo "$name fetch: $path is not in the extracted packages." >&2
      exit 1
    fi
    case "$path" in
      *.gz) gunzip -c "$tmp/$path" >"$tmp/$file.part" || {
        echo "$name fetch: could not decompress $path." >&2
        exit 1
      } ;;
      *) cp "$tmp/$path" "$tmp/$file.part" ;;
    esac
    mv "$tmp/$file.part" "$dest/$file"
  done <<EOF
$files
EOF
  echo "$name fetch: documents ready in $dest" >&2
}

# fetch_pages NAME DEST DEBS PAGES: fetch_files for pages listed by path alone, separated by
# spaces or lines, each copied under its own name.
fetch_pages() {
  # one path per word
  fetch_files "$1" "$2" "$3" "$(printf '%s\n' $4)"
}
