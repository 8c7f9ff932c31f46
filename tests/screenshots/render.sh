#!/bin/sh
# Renders the payroll example's HTML report as a person sees it: the first
# screen and the first printed page (Letter), with headless Chromium (Debian
# package chromium) and pdftoppm (poppler-utils).  Not part of the test run.
# Usage: sh tests/screenshots/render.sh [BUILD_DIR]
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build}
out=tests/screenshots
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
SOCSCOPE_DATE=2026-11-23 "$build/src/socscope" evaluate \
	questionnaires/examples/payroll-bureau.yaml -f html -o "$tmp/report.html"
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
--disable-background-networking --disable-component-update --disable-sync
--user-data-dir=$tmp/profile"
# shellcheck disable=SC2086
chromium $flags --window-size=1000,1300 --screenshot="$out/html-first-screen.png" \
	"file://$tmp/report.html"
# shellcheck disable=SC2086
chromium $flags --no-pdf-header-footer --print-to-pdf="$tmp/report.pdf" \
	"file://$tmp/report.html"
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$tmp/report.pdf" "$out/html-print-page1"
