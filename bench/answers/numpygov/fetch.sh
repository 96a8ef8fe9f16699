#!/bin/sh
# Fetch the numpygov corpus: the NumPy project's governance and developer policies ("how we
# work": governance, NEP process, backwards compatibility, support window, C style,
# sponsorship, spending funds, fair play, scope, development workflow, reviewer guidelines,
# depending on NumPy), reStructuredText from doc/neps/ and doc/source/dev/ of the numpy 2.3.5
# source distribution on PyPI. They are not committed (documents written by others, under
# NumPy's licence), so this script downloads the exact sdist from PyPI's simple index,
# checks its sha256, extracts only the chosen .rst files with tar and flattens
# their names (doc/neps/nep-0023-backwards-compatibility.rst becomes
# neps-nep-0023-backwards-compatibility.rst), like django's fetch.sh.
# Idempotent: does nothing when every file is there.
# Usage: sh bench/answers/numpygov/fetch.sh   (PYTHON=/path/to/python picks the Python that downloads)
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/numpygov"
VERSION=2.3.5
# sha256 of numpy-2.3.5.tar.gz, as observed on PyPI on 2026-12-04
SHA=784db1dcdab56bf0517743e746dfb0f885fc68d948aba86eeec2cba234bdf1c0
# path under doc/ -> name in DEST; keep in step with corpus.txt
FILES="neps/nep-0000.rst neps-nep-0000.rst
neps/nep-0023-backwards-compatibility.rst neps-nep-0023-backwards-compatibility.rst
neps/nep-0029-deprecation_policy.rst neps-nep-0029-deprecation_policy.rst
neps/nep-0036-fair-play.rst neps-nep-0036-fair-play.rst
neps/nep-0045-c_style_guide.rst neps-nep-0045-c_style_guide.rst
neps/nep-0046-sponsorship-guidelines.rst neps-nep-0046-sponsorship-guidelines.rst
neps/nep-0048-spending-project-funds.rst neps-nep-0048-spending-project-funds.rst
neps/scope.rst neps-scope.rst
source/dev/governance/governance.rst dev-governance-governance.rst
source/dev/development_workflow.rst dev-development_workflow.rst
source/dev/reviewer_guidelines.rst dev-reviewer_guidelines.rst
source/dev/depending_on_numpy.rst dev-depending_on_numpy.rst"

all_there() {
  echo "$FILES" | while read -r _ name; do [ -s "$DEST/$name" ] || exit 1; done
}
all_there && exit 0

# $PYTHON, else python3: it downloads the sdist file from PyPI's simple index. Not with pip:
# pip prepares an sdist's metadata after downloading it, and numpy's meson backend takes
# minutes to do so.
PYTHON=${PYTHON:-python3}
INDEX=${PYPI_SIMPLE_URL:-https://pypi.org/simple}
for tool in tar sha256sum "$PYTHON"; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "numpygov fetch: '$tool' not found; it is needed to download, check and unpack the numpy sdist." >&2
    exit 1
  fi
done
mkdir -p "$DEST"
tmp=$(mktemp -d "$DEST/extract.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
sdist="$DEST/numpy-$VERSION.tar.gz"
if [ ! -s "$sdist" ]; then
  if ! "$PYTHON" - "$INDEX/numpy/" "numpy-$VERSION.tar.gz" "$tmp/sdist" >"$tmp/get.log" 2>&1 <<'PY'
import re, sys, urllib.parse, urllib.request
index, name, out = sys.argv[1:]
page = urllib.request.urlopen(index, timeout=120).read().decode()
links = [h for h in re.findall(r'href="([^"]+)"', page) if h.split("#")[0].endswith("/" + name)]
if not links:
    sys.exit(f"{name} is not listed at {index}")
urllib.request.urlretrieve(urllib.parse.urljoin(index, links[0].split("#")[0]), out)
PY
  then
    echo "numpygov fetch: downloading numpy-$VERSION.tar.gz from $INDEX failed (is PyPI reachable? PYPI_SIMPLE_URL names another index):" >&2
    tail -n 3 "$tmp/get.log" >&2
    exit 1
  fi
  mv "$tmp/sdist" "$sdist"
fi
if ! echo "$SHA  $sdist" | sha256sum -c --quiet - >/dev/null 2>&1; then
  rm -f "$sdist"
  echo "numpygov fetch: numpy-$VERSION.tar.gz does not have the expected sha256 $SHA; removed it." >&2
  exit 1
fi
top=numpy-$VERSION
if ! tar -xzf "$sdist" -C "$tmp" "$top/doc/neps" "$top/doc/source/dev"; then
  echo "numpygov fetch: could not extract doc/neps and doc/source/dev from numpy-$VERSION.tar.gz." >&2
  exit 1
fi
echo "$FILES" | while read -r path name; do
  src="$tmp/$top/doc/$path"
  if [ ! -s "$src" ]; then
    echo "numpygov fetch: doc/$path is not in the numpy $VERSION sdist." >&2
    exit 1
  fi
  cp "$src" "$DEST/$name.part"
  mv "$DEST/$name.part" "$DEST/$name"
done
echo "numpygov fetch: documents ready in $DEST" >&2
