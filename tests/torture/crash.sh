#!/bin/sh
# Crash safety of the state file (tests/torture/crash.py): the short run
# in make check, the long one in make torture (TORTURE_LONG=1).
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
if [ ! -x /usr/bin/python3 ]; then
	echo "Bail out! /usr/bin/python3 is needed: apt-get install python3"
	exit 1
fi
exec /usr/bin/python3 "$top_srcdir/tests/torture/crash.py" \
    ${TORTURE_LONG:+--long} "$top_builddir/tests/torture/statetool"
