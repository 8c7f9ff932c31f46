#!/bin/sh
# Renders the payroll example's HTML report as a person sees it, with
# headless Chromium (Debian package chromium) and pdftoppm/pdftotext
# (poppler-utils): the first screen, the first printed page (Letter), and
# the printed pages that carry the timeline and readiness by area.  Not
# part of the test run.
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
	"file://$tmp/report.html" 2>/dev/null
# shellcheck disable=SC2086
chromium $flags --no-pdf-header-footer --print-to-pdf="$tmp/report.pdf" \
	"file://$tmp/report.html" 2>/dev/null
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$tmp/report.pdf" "$out/html-print-page1"
# The printed page whose text has a heading, as NAME.png.
page_with() { # HEADING NAME
	pages=$(pdfinfo "$tmp/report.pdf" | sed -n 's/^Pages: *//p')
	p=1
	while [ "$p" -le "$pages" ]; do
		if pdftotext -f "$p" -l "$p" "$tmp/report.pdf" - | grep -qx "$1"; then
			pdftoppm -png -r 60 -f "$p" -l "$p" -singlefile \
				"$tmp/report.pdf" "$out/$2"
			return
		fi
		p=$((p + 1))
	done
	echo "no printed page has \"$1\"" >&2
	return 1
}
page_with Timeline html-print-timeline
page_with "Readiness by area" html-print-areas
