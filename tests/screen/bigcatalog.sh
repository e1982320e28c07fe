#!/bin/bash
# A generated catalog of 1,000 platforms loads, lists, validates and can be
# searched in the wizard. How long it takes is printed, not asserted
# (speed is measured by make bench).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 4
BIG="$T_DIR/big"
mkdir -p "$BIG"
for i in $(seq -w 0 999); do
	sed -e "s/^id = \"linkedin\";/id = \"p$i\";/" \
	    -e "s/^slot = .*/slot = $((10#$i + 100));/" \
	    -e "s/^name = \"LinkedIn\";/name = \"Platform $i\";/" \
	    "$top_srcdir/config/platforms/linkedin.cfg" > "$BIG/p$i.cfg"
done

ms() { date +%s%N | cut -c1-13; }

t0=$(ms)
env $T_ENV LANG=C.UTF-8 "$OPTOUT" --check-catalog "$BIG" > "$T_DIR/out" 2> /dev/null
rc=$?
t1=$(ms)
[ $rc = 0 ] && grep -q "^1000 platforms, 0 errors" "$T_DIR/out"
ok "1,000 platforms validate without an error"
echo "# --check-catalog of 1,000 files: $((t1 - t0)) ms"

t0=$(ms)
env $T_ENV LANG=C.UTF-8 "$OPTOUT" --catalog "$BIG" --list > "$T_DIR/out" 2>&1
rc=$?
t1=$(ms)
[ $rc = 0 ] && [ "$(wc -l < "$T_DIR/out")" = 1000 ] && grep -q "^p999 " "$T_DIR/out"
ok "--list shows all 1,000"
echo "# --list of 1,000 platforms: $((t1 - t0)) ms"

start_optout 80 24 "LANG=C.UTF-8" --lang en --catalog "$BIG"
wait_for "Object to AI training" 10; keys Enter
wait_for "Who is objecting?"; keys Enter
wait_for "Which platforms"
keys End; wait_for "Platform 999"
ok "the list scrolls to the last of 1,000 platforms"
keys / 5 4 3 Enter; wait_for "Platform 543"
! on_screen "Platform 542"
ok "typing / and a part of the name finds one platform among 1,000"
finish
