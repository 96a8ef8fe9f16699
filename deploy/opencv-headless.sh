#!/bin/sh
# Swap opencv-python for opencv-python-headless (same version) after installing the `ocr` extra.
#
# rapidocr-onnxruntime depends on opencv-python, the GUI build: it needs libGL (absent from slim
# images) and adds ~48 MB to every process that imports it (measured: numpy + onnxruntime +
# cv2 = 110 MB vs 62 MB headless). pip cannot substitute a dependency, so the swap is a step.
# Usage: deploy/opencv-headless.sh [path/to/pip]
set -eu
pip=${1:-pip}
version=$("$pip" show opencv-python 2>/dev/null | sed -n 's/^Version: //p')
[ -n "$version" ] || exit 0  # no OCR extra (or already swapped): nothing to do
"$pip" uninstall --quiet -y opencv-python
# Forced: both packages install the same cv2/ files, so the uninstall above also removed an
# already installed headless build's files (a re-run of `make` after a pyproject change).
"$pip" install --quiet --no-deps --force-reinstall "opencv-python-headless==$version"
