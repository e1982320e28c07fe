#!/bin/sh
# The shipped catalog: every platform file is installed and distributed,
# the validator finds no error in it, and every platform keeps the slot it
# was given (resume codes made with an older catalog rely on it).
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
echo "1..4"
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
# tests/data/slots.txt: "SLOT ID" for every platform ever shipped; append a
# line for a new platform, never change one (docs/resume-code.md).
changed=
while read -r slot id; do
	f="$top_srcdir/config/platforms/$id.cfg"
	[ -f "$f" ] || continue	# removed: its slot stays retired
	grep -qx "slot = $slot;" "$f" || changed="$changed $id"
done < "$top_srcdir/tests/data/slots.txt"
if [ -z "$changed" ]; then
	echo "ok 3 - every shipped platform keeps its slot"
else
	echo "not ok 3 - slots changed (old resume codes would restore the wrong platforms):$changed"
fi
unlisted=
for f in "$top_srcdir"/config/platforms/*.cfg; do
	id=$(basename "$f" .cfg)
	grep -q " $id\$" "$top_srcdir/tests/data/slots.txt" || unlisted="$unlisted $id"
done
reused=$(cut -d' ' -f1 "$top_srcdir/tests/data/slots.txt" | sort | uniq -d)
[ -n "$reused" ] && unlisted="$unlisted (slot given twice: $reused)"
if [ -z "$unlisted" ]; then
	echo "ok 4 - every shipped platform's slot is recorded in tests/data/slots.txt"
else
	echo "not ok 4 - add these to tests/data/slots.txt (never reuse a slot listed there):$unlisted"
fi
[ -z "$missing" ] && [ $rc -eq 0 ] && [ -z "$changed" ] && [ -z "$unlisted" ]
