#!/bin/sh
# German must be complete: no untranslated or fuzzy message, and every
# message in the sources present in po/de.po.
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${MSGFMT:=msgfmt}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
echo "1..3"

if "$MSGFMT" --check -o /dev/null "$top_srcdir/po/de.po" 2> "$tmp/err"; then
	echo "ok 1 - po/de.po compiles with msgfmt --check"
else
	echo "not ok 1 - po/de.po compiles with msgfmt --check"
	sed 's/^/# /' "$tmp/err"; failed=1
fi

LC_ALL=C "$MSGFMT" --statistics -o /dev/null "$top_srcdir/po/de.po" 2> "$tmp/stat"
if grep -qE 'fuzzy|untranslated' "$tmp/stat"; then
	echo "not ok 2 - po/de.po has no fuzzy or untranslated message"
	sed 's/^/# /' "$tmp/stat"; failed=1
else
	echo "ok 2 - po/de.po has no fuzzy or untranslated message"
fi

if ! command -v xgettext > /dev/null || ! command -v msgcmp > /dev/null; then
	echo "ok 3 # SKIP xgettext or msgcmp not installed"
	exit $failed
fi
(cd "$top_srcdir" && xgettext --from-code=UTF-8 -k_ -kN_ -kngettext:1,2 \
    -o "$tmp/now.pot" src/*.c src/*/*.c)
if msgcmp "$top_srcdir/po/de.po" "$tmp/now.pot" 2> "$tmp/cmp"; then
	echo "ok 3 - every message in the sources is in po/de.po"
else
	echo "not ok 3 - every message in the sources is in po/de.po (run make update-po)"
	sed 's/^/# /' "$tmp/cmp"; failed=1
fi
exit $failed
