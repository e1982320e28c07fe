#!/bin/sh
# Runs every input that ever broke a loader (tests/fuzz/regressions/
# HARNESS/*) and every seed (tests/fuzz/corpus/HARNESS/*) through its
# harness once. TAP. In "make check" the harnesses are the replay
# programs (tests/fuzz/replay.c, built with the normal compiler, under
# ASan and UBSan in a sanitizer build); "make fuzz-regressions" runs the
# libFuzzer builds instead (FUZZ_PREFIX=tests/fuzz/build/fuzz_).
# An input fails on a crash, a sanitizer report, a leak, or more than
# 1 s of CPU time.
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=.}"
: "${FUZZ_PREFIX:=$top_builddir/tests/fuzz/replay_}"
fuzz="$top_srcdir/tests/fuzz"

# The same settings as "make fuzz"; the suppressions are libconfig 1.5's
# own leaks (tests/lsan.supp).
ASAN_OPTIONS=detect_leaks=1
LSAN_OPTIONS="suppressions=$top_srcdir/tests/lsan.supp:print_suppressions=0"
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS

set -- "$fuzz"/regressions/*/* "$fuzz"/corpus/*/*
if [ ! -e "$1" ]; then
	echo "Bail out! no fixtures in $fuzz/regressions"
	exit 1
fi
echo "1..$#"
n=0
failed=0
log=$(mktemp) || exit 1
trap 'rm -f "$log"' EXIT
for f in "$@"; do
	n=$((n + 1))
	h=$(basename "$(dirname "$f")")
	kind=$(basename "$(dirname "$(dirname "$f")")")
	name="$kind/$h/$(basename "$f")"
	if [ ! -x "$FUZZ_PREFIX$h" ]; then
		echo "not ok $n - $name # no harness $FUZZ_PREFIX$h"
		failed=1
		continue
	fi
	# Given files, libFuzzer runs each once instead of fuzzing.
	if "$FUZZ_PREFIX$h" -timeout=1 -rss_limit_mb=2048 "$f" >"$log" 2>&1
	then
		echo "ok $n - $name"
	else
		echo "not ok $n - $name"
		grep -E 'ERROR|SUMMARY|runtime error|replay:|#[0-9]+ ' "$log" |
		    head -30 | sed 's/^/# /'
		failed=1
	fi
done
exit $failed
