#!/usr/bin/env bash
# System packages the site build uses: Tesseract with its Vietnamese model, so `check` reads scanned
# letters (OCR). Installs what is missing when run as root with apt-get; otherwise it only says so and
# succeeds: `check` then warns once that scans cannot be read (ocr-unavailable).
set -uo pipefail
need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
if ! tesseract --list-langs 2>/dev/null | grep -qx vie; then need+=(tesseract-ocr-vie); fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian packages: ${need[*]}" >&2
  apt-get -o DPkg::Lock::Timeout=600 update -qq >&2 &&
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${need[@]}" >&2 ||
    echo "could not install ${need[*]}: scanned letters will not be read (OCR)" >&2
else
  echo "missing system packages (not root): ${need[*]}; scanned letters will not be read (OCR)" >&2
fi
exit 0
