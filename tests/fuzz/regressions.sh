#!/bin/sh
# Runs every input that ever broke a loader (tests/data/fuzz-regressions/
# HARNESS/*) through its libFuzzer harness once, under the same sanitizer
# settings as "make fuzz". TAP. Needs the harnesses ("make fuzz-build").
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=.}"
build="$top_builddir/tests/fuzz/build"
data="$top_srcdir/tests/data/fuzz-regressions"

ASAN_OPTIONS=detect_leaks=1
LSAN_OPTIONS="suppressions=$top_srcdir/tests/lsan.supp"
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS

set -- "$data"/*/*
if [ ! -e "$1" ]; then
	echo "1..0 # SKIP no fixtures in $data"
	exit 0
fi
echo "1..$#"
n=0
failed=0
log=$(mktemp) || exit 1
trap 'rm -f "$log"' EXIT
for f in "$@"; do
	n=$((n + 1))
	h=$(basename "$(dirname "$f")")
	name="$h/$(basename "$f")"
	if [ ! -x "$build/fuzz_$h" ]; then
		echo "not ok $n - $name # no harness $build/fuzz_$h"
		failed=1
		continue
	fi
	# Given files, libFuzzer runs each once instead of fuzzing.
	if "$build/fuzz_$h" -timeout=1 -rss_limit_mb=2048 "$f" >"$log" 2>&1; then
		echo "ok $n - $name"
	else
		echo "not ok $n - $name"
		grep -E 'ERROR|SUMMARY|runtime error|#[0-9]+ ' "$log" | head -30 |
		    sed 's/^/# /'
		failed=1
	fi
done
exit $failed
