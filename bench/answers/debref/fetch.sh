#!/bin/sh
# Fetch the debref corpus: "Debian Reference" (Osamu Aoki, 2.100, bookworm package
# debian-reference-en, which ships the English HTML chapters, the whole book as one PDF and a
# text version) as an IT help desk would index its user manual: 12 chapters, 8 as the
# shipped single-page HTML chapters and 4 as PDFs (the book's own pages, cut out of
# debian-reference.en.pdf at the chapter boundaries of its outline with pypdf, which copies
# the pages unchanged: DBLaTeX + xdvipdfmx text, running headers, page numbers, tables).
# They are not committed (documents written by others, GPL-2+), so this script gets the exact
# .deb from the Debian archive with apt-get, checks its sha256, extracts it with dpkg-deb and
# copies or cuts the chapters into build/corpora/debref/ (flat, unique names), like harden's
# fetch.sh. Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/debref/fetch.sh   (PYTHON=/path/to/python picks a Python with pypdf)
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/debref"
# package=version sha256 of its .deb, as observed on 2026-12-04
DEBS="debian-reference-en=2.100 9f31d3a17df505de09689ca255512ea58c1fc47c59bb1b0c7bf1c23362e9743f"
DR=usr/share/debian-reference
# HTML chapters: page in the package -> name in DEST (keep in step with corpus.txt)
HTML="pr01.en.html debref-preface.html
ch01.en.html debref-ch01-gnu-linux-tutorials.html
ch02.en.html debref-ch02-package-management.html
ch06.en.html debref-ch06-network-applications.html
ch08.en.html debref-ch08-i18n-l10n.html
ch09.en.html debref-ch09-system-tips.html
ch11.en.html debref-ch11-data-conversion.html
ch12.en.html debref-ch12-programming.html"
# PDF chapters: first and last page (1-based, from the PDF's outline) -> name in DEST
PDF="104 113 debref-ch03-system-initialization.pdf
114 123 debref-ch04-authentication.pdf
124 132 debref-ch05-network-setup.pdf
206 226 debref-ch10-data-management.pdf"
PDF_PAGES=261

all_there() {
  echo "$HTML" | while read -r _ name; do [ -s "$DEST/$name" ] || exit 1; done &&
    echo "$PDF" | while read -r _ _ name; do [ -s "$DEST/$name" ] || exit 1; done
}
all_there && exit 0

# $PYTHON, else the repository's .venv (dev extras), else python3: the first that has pypdf,
# which cuts the chapters out of the book's PDF
if [ -z "${PYTHON:-}" ]; then
  for candidate in "$REPO/.venv/bin/python" python3; do
    if "$candidate" -c "import pypdf" >/dev/null 2>&1; then
      PYTHON=$candidate
      break
    fi
  done
fi
if [ -z "${PYTHON:-}" ] || ! "$PYTHON" -c "import pypdf" >/dev/null 2>&1; then
  echo "debref fetch: no Python with pypdf (tried ${PYTHON:-$REPO/.venv/bin/python and python3}); pypdf cuts the chapters out of the book's PDF: run 'make test' once (it installs the dev extras) or set PYTHON to a Python that has pypdf." >&2
  exit 1
fi
. "$REPO/bench/answers/fetch-debs.sh"
unpack_debs debref "$DEST" "$DEBS"
echo "$HTML" | while read -r page name; do
  if [ ! -s "$tmp/$DR/$page" ]; then
    echo "debref fetch: $DR/$page is not in the extracted package." >&2
    exit 1
  fi
  cp "$tmp/$DR/$page" "$tmp/$name.part"
  mv "$tmp/$name.part" "$DEST/$name"
done
book="$tmp/$DR/debian-reference.en.pdf"
if [ ! -s "$book" ]; then
  echo "debref fetch: $DR/debian-reference.en.pdf is not in the extracted package." >&2
  exit 1
fi
echo "$PDF" | while read -r first last name; do
  if ! "$PYTHON" - "$book" "$first" "$last" "$PDF_PAGES" "$tmp/$name.part" <<'PY'
import sys

from pypdf import PdfReader, PdfWriter

book, first, last, total, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
reader = PdfReader(book)
if len(reader.pages) != total:
    sys.exit(f"the book has {len(reader.pages)} pages, not {total}")
writer = PdfWriter()
for number in range(first - 1, last):
    writer.add_page(reader.pages[number])
writer.add_metadata({"/Title": "Debian Reference", "/Author": "Osamu Aoki"})
with open(out, "wb") as handle:
    writer.write(handle)
PY
  then
    echo "debref fetch: could not cut pages $first-$last out of debian-reference.en.pdf into $name." >&2
    exit 1
  fi
  mv "$tmp/$name.part" "$DEST/$name"
done
echo "debref fetch: documents ready in $DEST" >&2
