"""crash.py: nothing recorded is lost, whatever happens to a save.

Drives the real load and save code through tests/torture/statetool and
speaks TAP:

  kills    SIGKILL at random moments while saves run one after another:
           the state file is always exactly the last saved version or the
           one being saved, never empty, cut off or mixed; and the temp
           files of killed saves do not pile up
  two      two sessions of the same person, each making recorded changes
           and saving after each one at the same time: none is lost
  flips    damaged copies of a state file (random bits flipped): each
           loads, or is kept aside unchanged with a message naming it;
           none crashes or hangs
  kinds    wrong versions, zero length, a directory, a FIFO, symbolic
           links in the state file's place

make check runs the short version; make torture the long one (--long, or
TORTURE_LONG=1: 1,000 kills, 2 x 500 changes, 10,000 damaged files). The
figures of the last run go to docs/reliability.md by hand. Python's
standard library only.
"""

import argparse
import glob
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

T = {"n": 0, "failed": 0}


def ok(good, what, detail=""):
    T["n"] += 1
    if good:
        print("ok %d - %s" % (T["n"], what))
    else:
        T["failed"] += 1
        print("not ok %d - %s" % (T["n"], what))
        for line in detail.rstrip().splitlines():
            print("# " + line)
    sys.stdout.flush()


def run(tool, *args, timeout=60):
    p = subprocess.run([tool] + [str(a) for a in args],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=timeout, universal_newlines=True)
    return p.returncode, p.stdout, p.stderr


def kills(tool, tmp, n, rng):
    """n SIGKILLs at random moments of a loop of saves."""
    d = os.path.join(tmp, "kills")
    os.mkdir(d)
    path = os.path.join(d, "progress.cfg")
    last = 0            # the last version known to be saved
    saves = 0
    bad = []
    worst_litter = 0
    t0 = time.monotonic()
    for i in range(n):
        p = subprocess.Popen([tool, "save-loop", path],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        # most kills land in the middle of a save: the loop does nothing
        # else, and each save syncs the file and its directory
        time.sleep(rng.uniform(0.0, 0.04))
        p.kill()
        out, err = p.communicate()
        done = out.split()
        if done:
            saves += int(done[-1]) - last
            last = int(done[-1])
        if p.returncode != -9 and err:
            bad.append("kill %d: the saver failed: %s" % (i, err.decode()))
        if not os.path.exists(path):
            if last != 0:
                bad.append("kill %d: the state file is gone" % i)
            continue
        with open(path, "rb") as f:
            before = f.read()
        rc, out, err = run(tool, "verify", path, last)
        if rc != 0:
            tail = before[-200:].decode("utf-8", "replace")
            bad.append("kill %d (last saved: %d): %s(%d bytes, ending: %r)"
                       % (i, last, err, len(before), tail))
            break
        if int(out) > last:     # saved, killed before it could say so
            saves += int(out) - last
            last = int(out)
        worst_litter = max(worst_litter,
                           len(glob.glob(path + ".tmp.*")))
    secs = time.monotonic() - t0
    ok(not bad, "%d kills during %d saves: the state file was always the "
       "complete old or new version (%d corrupt, %.0f s)"
       % (n, saves, len(bad), secs), "\n".join(bad[:10]))
    ok(worst_litter <= 1, "the temp files of killed saves do not pile up "
       "(at most %d at a time)" % worst_litter)
    return len(bad)


def two(tool, tmp, n):
    """Two sessions, n recorded changes each, saving at the same time."""
    d = os.path.join(tmp, "two")
    os.mkdir(d)
    path = os.path.join(d, "progress.cfg")
    t0 = time.monotonic()
    ps = [subprocess.Popen([tool, "record", path, tag, str(n)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           universal_newlines=True) for tag in ("a", "b")]
    errs = []
    for p in ps:
        out, err = p.communicate(timeout=600)
        if p.returncode != 0:
            errs.append(err)
    lost = []
    for tag in ("a", "b"):
        rc, out, err = run(tool, "expect", path, tag, n)
        if rc != 0:
            lost.append(err)
    ok(not errs and not lost, "2 sessions x %d recorded changes at once: "
       "none lost (%.1f s)" % (n, time.monotonic() - t0),
       "\n".join(errs + lost))


def flips(tool, tmp, n, seed):
    d = os.path.join(tmp, "flips")
    os.mkdir(d)
    good = os.path.join(d, "progress.cfg")
    # a realistic file: what a session of 60 recorded changes saves
    rc, out, err = run(tool, "record", good, "x", 60)
    if rc != 0:
        ok(False, "%d damaged state files" % n, err)
        return
    rc, out, err = run(tool, "flips", good, n, seed, timeout=900)
    ok(rc == 0, "%s (seed %d): no crash, no hang, each kept aside with a "
       "message naming it" % (out.strip() or "damaged state files", seed),
       err)


def kinds(tool, tmp):
    d = os.path.join(tmp, "kinds")
    os.mkdir(d)
    rc, out, err = run(tool, "kinds", d)
    ok(rc == 0, "the wrong thing in the state file's place (%s): kept "
       "aside or left alone, with a message" %
       "; ".join(out.strip().splitlines()), err)


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--long", action="store_true",
                   default=bool(os.environ.get("TORTURE_LONG")))
    a.add_argument("--seed", type=int, default=None)
    a.add_argument("statetool", nargs="?", default=os.path.join(
        os.environ.get("top_builddir", "."), "tests", "torture",
        "statetool"))
    args = a.parse_args()
    seed = args.seed if args.seed is not None else int(time.time()) % 100000
    rng = random.Random(seed)
    nkills, nchanges, nflips = (1000, 500, 10000) if args.long else \
        (40, 100, 500)
    print("1..5")
    print("# seed %d (crash.py --seed %d repeats this run)" % (seed, seed))
    tmp = tempfile.mkdtemp(prefix="optout-crash.")
    try:
        kills(args.statetool, tmp, nkills, rng)
        two(args.statetool, tmp, nchanges)
        flips(args.statetool, tmp, nflips, seed)
        kinds(args.statetool, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if T["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
