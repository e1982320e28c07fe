#!/bin/sh
# The layers must not erode: core knows neither curses nor libconfig nor
# files; only store/ includes libconfig; only ui/curses.h includes curses;
# only sys/qr.c includes libqrencode.
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
src="$top_srcdir/src"
n=0
failed=0
echo "1..6"

check() {	# check DESCRIPTION FILES-THAT-BREAK-THE-RULE
	n=$((n + 1))
	if [ -z "$2" ]; then
		echo "ok $n - $1"
	else
		echo "not ok $n - $1"
		echo "$2" | sed 's/^/# /'
		failed=1
	fi
}

check "core/ includes no curses, libconfig, system I/O or other layers" \
    "$(grep -lE '#include [<"](n?curses|term|libconfig|qrencode|unistd|fcntl|dirent|sys/|store/|ui/)' \
	"$src"/core/*.[ch])"
check "only store/ includes libconfig" \
    "$(grep -lE '#include <libconfig' "$src"/*.c "$src"/core/* "$src"/sys/* "$src"/ui/*)"
check "curses is included in one place only (ui/curses.h)" \
    "$(grep -lE '#include <(n?curses|term)\.h>' "$src"/*.c "$src"/*/*.[ch] | grep -v '/ui/curses\.h$')"
check "libqrencode is included in one place only (sys/qr.c)" \
    "$(grep -lE '#include <qrencode\.h>' "$src"/*.c "$src"/*/*.[ch] | grep -v '/sys/qr\.c$')"
check "store/ and sys/ know nothing of the front end" \
    "$(grep -lE '#include "ui/' "$src"/store/* "$src"/sys/*)"
check "every .c file includes config.h first" \
    "$(for f in "$src"/*.c "$src"/*/*.c; do
	first=$(grep -m1 '^#include' "$f")
	[ "$first" = '#include "config.h"' ] || echo "$f"
    done)"
exit $failed
