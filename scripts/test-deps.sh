#!/usr/bin/env bash
# System packages the tests need (Debian's chromium for browser tests). Installs only what is missing.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)  # OCR of scanned letters (tests/test_ocr.py)
tesseract --list-langs 2>/dev/null | grep -qx vie || need+=(tesseract-ocr-vie)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian packages: ${need[*]}" >&2
    apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${need[@]}" >&2
  else
    echo "missing system packages (browser and OCR tests will skip): ${need[*]}" >&2
  fi
fi
# JavaScript for the browser tests (axe-core, pinned by tests/js/package-lock.json).
if [ ! -f tests/js/node_modules/axe-core/axe.min.js ]; then
  if command -v npm >/dev/null 2>&1; then
    npm ci --prefix tests/js --no-audit --no-fund --ignore-scripts >&2
  else
    echo "npm missing: the accessibility tests will skip" >&2
  fi
fi
