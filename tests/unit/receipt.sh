#!/bin/sh
# The receipt's documented JSON schema holds: it is a valid JSON Schema,
# the golden receipts (German and English) follow it, a receipt that breaks
# it is caught, and the golden text receipts fit 80 columns.
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
SCHEMA="$top_srcdir/docs/receipt-schema.json"
CHECK="/usr/bin/python3 $top_srcdir/tests/unit/receipt_schema.py"
DATA="$top_srcdir/tests/data/receipt"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
n=0
echo "1..5"

ok() {		# ok DESCRIPTION (the last command's status decides)
	rc=$?
	n=$((n + 1))
	if [ $rc -eq 0 ]; then
		echo "ok $n - $1"
	else
		echo "not ok $n - $1"
		sed 's/^/# /' "$tmp/out"
		failed=1
	fi
}

if ! /usr/bin/python3 -c 'import jsonschema' 2> /dev/null; then
	echo "Bail out! python3-jsonschema is needed: apt-get install python3-jsonschema (build-aux/install-deps)"
	exit 1
fi

$CHECK "$SCHEMA" "$DATA/receipt.de.json" > "$tmp/out" 2>&1
ok "the German golden receipt follows docs/receipt-schema.json"
$CHECK "$SCHEMA" "$DATA/receipt.en.json" > "$tmp/out" 2>&1
ok "the English golden receipt follows docs/receipt-schema.json"

# a checker that accepts anything proves nothing
sed 's/"status": "done"/"status": "finished"/; s/"version": 1/"version": 2/
    s/"resume_code": "[^"]*"/"resume_code": "1M8R-4GBM-GADK-VU"/' \
    "$DATA/receipt.en.json" > "$tmp/bad.json"
! $CHECK "$SCHEMA" "$tmp/bad.json" > "$tmp/out" 2>&1 &&
grep -q "platforms/2/status: 'finished' is not one of" "$tmp/out" &&
grep -q "version: 1 was expected" "$tmp/out" &&
grep -q "resume_code: '1M8R-4GBM-GADK-VU' is not valid" "$tmp/out"
ok "a receipt with an unknown status or version or a U in its code is rejected, by name"

grep -q '"version": 1,' "$DATA/receipt.de.json" &&
grep -q '"$id": "urn:optout:receipt:1"' "$SCHEMA"
echo "schema and receipts disagree on the version" > "$tmp/out"
ok "receipts and schema carry the same version"

# display columns, not bytes: umlauts are one column, wide characters two
/usr/bin/python3 - "$DATA"/receipt.*.txt > "$tmp/out" <<'PY'
import sys, unicodedata
bad = 0
for path in sys.argv[1:]:
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1
                for c in line)
        if w > 80:
            print("%s:%d: %d columns" % (path, n, w))
            bad = 1
sys.exit(bad)
PY
ok "the golden text receipts fit 80 columns"
exit $failed
