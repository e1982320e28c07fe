#!/bin/sh
# The QR codes optout draws decode to exactly the intended text: every
# direct link of the shipped catalog and resume codes, each drawn as an
# image straight from the matrix and through the text lines the terminal
# shows (half blocks in UTF-8, "##" in ASCII), decoded with zbarimg.
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${ZBARIMG:=zbarimg}"
QR="$top_builddir/tests/unit/qr_image"
if ! command -v "$ZBARIMG" >/dev/null 2>&1; then
	echo "Bail out! zbarimg is needed: apt-get install zbar-tools, then ./configure again"
	exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/optout-qr.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
"$QR" --links "$top_srcdir/config/platforms" > "$tmp/links" || exit 1
"$QR" --codes "$top_srcdir/config/platforms" > "$tmp/codes" || exit 1
nlinks=$(wc -l < "$tmp/links")
ncodes=$(wc -l < "$tmp/codes")
echo "1..$(( (nlinks + ncodes) * 3 + 2 ))"
n=0
failed=0

# decodes TEXT KIND [--alnum] [--via utf8|ascii]: prints TAP for one image
decodes() {
	text=$1 what=$2
	shift 2
	n=$((n + 1))
	if "$QR" "$@" "$text" > "$tmp/img.pgm" 2> "$tmp/size" &&
	    "$ZBARIMG" --raw -q "$tmp/img.pgm" > "$tmp/got" 2> "$tmp/err" &&
	    printf '%s\n' "$text" | cmp -s - "$tmp/got"; then
		echo "ok $n - $what: $text ($(sed 's/qr_image: //' "$tmp/size"))"
	else
		echo "not ok $n - $what: $text"
		sed 's/^/# got: /' "$tmp/got"; sed 's/^/# zbarimg: /' "$tmp/err"
		failed=1
	fi
}

[ "$nlinks" -ge 8 ]
if [ $? -eq 0 ]; then echo "ok 1 - $nlinks direct links in the catalog"; else echo "not ok 1 - only $nlinks links"; failed=1; fi
[ "$ncodes" -ge 7 ]
if [ $? -eq 0 ]; then echo "ok 2 - $ncodes resume codes"; else echo "not ok 2 - only $ncodes codes"; failed=1; fi
n=2
while read -r url; do
	decodes "$url" "link"
	decodes "$url" "link, as half blocks" --via utf8
	decodes "$url" "link, as ##" --via ascii
done < "$tmp/links"
while read -r code; do
	decodes "$code" "code" --alnum
	decodes "$code" "code, as half blocks" --alnum --via utf8
	decodes "$code" "code, as ##" --alnum --via ascii
done < "$tmp/codes"
exit $failed
