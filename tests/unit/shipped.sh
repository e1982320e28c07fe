#!/bin/sh
# The shipped catalog: every platform file is installed and distributed,
# and the validator finds no error in it.
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
echo "1..2"
missing=
for f in "$top_srcdir"/config/platforms/*.cfg; do
	grep -q "config/platforms/$(basename "$f")" "$top_srcdir/Makefile.am" ||
		missing="$missing $(basename "$f")"
done
if [ -z "$missing" ]; then
	echo "ok 1 - every platform file is listed in Makefile.am"
else
	echo "not ok 1 - platform files missing from dist_platforms_DATA:$missing"
fi
out=$("$top_builddir/optout" --check-catalog "$top_srcdir/config/platforms" 2>&1)
rc=$?
if [ $rc -eq 0 ] && printf '%s\n' "$out" | grep -qE '^[0-9]+ platforms, 0 errors'; then
	echo "ok 2 - optout --check-catalog finds no error in the shipped catalog"
	printf '%s\n' "$out" | tail -1 | sed 's/^/# /'
else
	echo "not ok 2 - optout --check-catalog finds no error in the shipped catalog"
	printf '%s\n' "$out" | grep -v 'days old' | sed 's/^/# /'
fi
[ -z "$missing" ] && [ $rc -eq 0 ]
