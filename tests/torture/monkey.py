"""monkey.py: random keys and random resizes into the full-screen mode.

Keys of every kind (printables, UTF-8, arrows, function keys, Esc and
random escape sequences, Ctrl-A to Ctrl-Z, Ctrl-\\) and resizes from 1x1
to 300x100, with several seeds and locales (C, C.UTF-8, de_DE.UTF-8, and
a de_DE.UTF-8 that is not installed). Whenever optout ends (q, Ctrl-C,
Ctrl-\\) it is started again with what it saved. Checked all along:
  - every ending is one a person can cause (status 0, 130, 131; 143 for
    the SIGTERM that ends the last run), never a crash;
  - no hang: after every 100 actions, and whenever the run pauses, a
    resize must bring a redraw within 2 s;
  - after every ending, and while stopped by Ctrl-Z, the terminal's modes
    are as before and the alternate screen has been left;
  - after every ending the state file loads;
  - no sanitizer report (an ASan build writes them into a directory).
make check: 1,000 keys and 10 resizes per locale; make torture: two seeds,
12,500 keys and 63 resizes per locale and seed, 100,000 keys and 504
resizes in all. TAP.
"""

import argparse
import collections
import os
import random
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ptylib as P  # noqa: E402

PRINTABLE = [chr(c) for c in range(0x20, 0x7f)]
UTF8 = ["ä", "ö", "ü", "Ä", "ß", "é", "€", "→", "–", "中", "文", "한",
        "😀", "e\u0301", "\u200b", "\u202e", "\u00a0", "\ufeff"]
ARROWS = ["\x1b[A", "\x1b[B", "\x1b[C", "\x1b[D",
          "\x1bOA", "\x1bOB", "\x1bOC", "\x1bOD"]
FKEYS = ["\x1bOP", "\x1bOQ", "\x1bOR", "\x1bOS"] + \
    ["\x1b[%d~" % n for n in (15, 17, 18, 19, 20, 21, 23, 24)] + \
    ["\x1b[1;2P", "\x1b[1;5Q", "\x1b[15;2~", "\x1b[24;5~"]
NAV = ["\x1b[H", "\x1b[F", "\x1b[1~", "\x1b[4~", "\x1b[5~", "\x1b[6~",
       "\x1b[2~", "\x1b[3~", "\x1b[Z", "\x1bOH", "\x1bOF", "\x1b[1;5C"]
CTRL = [chr(c) for c in range(1, 27)] + ["\x1c"]
SPECIAL = ["\r", "\x7f", "\t", " ", "\x1b"]
CSI_FINAL = "ABCDEFGHJKPRSTXZ@`abcdfghlmnpqrstu~"


def random_escape(rng):
    k = rng.randrange(5)
    if k == 0:          # a CSI with random parameters
        params = ";".join(str(rng.randrange(200)) for _ in
                          range(rng.randrange(4)))
        return "\x1b[" + rng.choice(["", "?", ">"]) + params + \
            rng.choice(CSI_FINAL)
    if k == 1:          # SS3
        return "\x1bO" + chr(rng.randrange(0x40, 0x7f))
    if k == 2:          # Alt + a key
        return "\x1b" + rng.choice(PRINTABLE)
    if k == 3:          # an OSC, as a terminal might answer one
        return "\x1b]" + "".join(rng.choice(PRINTABLE) for _ in
                                 range(rng.randrange(12))) + "\x07"
    return "\x1b" * rng.randrange(1, 4)     # Esc pressed quickly


CLASSES = [
    (40, lambda r: r.choice(PRINTABLE)),
    (8, lambda r: r.choice(UTF8)),
    (14, lambda r: r.choice(ARROWS)),
    (4, lambda r: r.choice(FKEYS)),
    (5, lambda r: r.choice(NAV)),
    (6, random_escape),
    (5, lambda r: r.choice(CTRL)),
    (18, lambda r: r.choice(SPECIAL)),
]
WEIGHTS = [w for w, _ in CLASSES]


def random_key(rng):
    return rng.choices(CLASSES, weights=WEIGHTS)[0][1](rng)


def random_size(rng):
    # mostly usable sizes, often tiny ones, sometimes the extremes
    k = rng.randrange(10)
    if k < 5:
        return rng.randint(16, 60), rng.randint(50, 200)
    if k < 8:
        return rng.randint(1, 20), rng.randint(1, 60)
    return rng.choice([(1, 1), (100, 300), (1, 300), (100, 1),
                       (rng.randint(1, 100), rng.randint(1, 300))])


ENDINGS = {0: "q", 130: "Ctrl-C", 131: "Ctrl-\\", 143: "SIGTERM"}


class Run:
    def __init__(self, tap, label, env, seed, nkeys, nresizes):
        self.tap, self.label, self.env = tap, label, env
        self.rng = random.Random(seed)
        self.seed = seed
        self.nkeys, self.nresizes = nkeys, nresizes
        self.problems = []
        self.world = None
        self.s = None
        self.count = {"keys": 0, "resizes": 0, "starts": 0, "stops": 0,
                      "probes": 0, "linear": 0}
        self.endings = {}
        self.slowest = 0.0
        self.recent = collections.deque(maxlen=40)   # the last actions

    def problem(self, what):
        if self.s is not None:
            tail = bytes(self.s.raw[-300:])
            what += "\nlast output: %r" % tail
            # all of it, for a closer look
            keep = os.path.join(os.environ.get("TMPDIR", "/tmp"),
                                "optout-monkey-%d-%d.raw" % (
                                    self.seed, self.count["keys"]))
            with open(keep, "wb") as f:
                f.write(self.s.raw)
            what += "\n(all it wrote: %s)\nlast actions: %r" % (
                keep, list(self.recent))
        self.problems.append("%s (seed %d, after %d keys)" % (
            what, self.seed, self.count["keys"]))

    def start(self):
        rows, cols = self.rng.randint(16, 60), self.rng.randint(50, 200)
        self.s = P.Session([P.OPTOUT], self.world.env(**self.env), rows,
                           cols, emulate=False)
        self.count["starts"] += 1
        if self.s.wait_output(10.0) == 0 and self.s.status is None:
            self.problem("no output within 10 s of the start")

    def check_terminal(self, when):
        self.s.settle(0.05, 1.0)    # what it wrote before it stopped
        diff = self.s.termios_diff()
        if diff:
            self.problem("%s the terminal's modes are changed: %s\n%s" % (
                when, "; ".join(diff), self.s.stty()))
        if not P.screen_left(self.s.raw):
            self.problem("%s the alternate screen was not left" % when)

    def ended(self):
        code = P.exit_code(self.s.status)
        self.endings[code] = self.endings.get(code, 0) + 1
        if code not in ENDINGS:
            self.problem("optout ended with %s" % P.exit_text(
                self.s.status))
        self.check_terminal("after it ended,")
        why = self.world.state_valid()
        if why:
            self.problem("the state file does not load: %s" % why)
        self.s.close()
        self.s = None

    def stopped(self):
        self.count["stops"] += 1
        self.check_terminal("while stopped by Ctrl-Z,")
        self.s.kill(signal.SIGCONT)
        end = time.monotonic() + 2
        while self.s.stopped() and time.monotonic() < end:
            time.sleep(0.01)

    def probe(self):
        """A resize must bring a redraw within 2 s. In the linear mode
        (the key l leads there) the same key leads back."""
        s = self.s
        s.pump(0.0)
        if not s.alive() or s.stopped():
            return
        self.count["probes"] += 1
        if s.canonical():
            # the linear mode keeps the terminal's own XON/XOFF, by which
            # Ctrl-S pauses scrolling output: Ctrl-Q resumes it, Ctrl-U
            # clears the line, then l
            self.count["linear"] += 1
            before = len(s.raw)
            s.send("\x11\x15l\r")
            s.wait_output(2.0)
            if len(s.raw) == before and s.alive() and not s.stopped():
                self.problem("the linear mode did not answer within 2 s")
            s.settle(0.05, 2.0)
            return
        rows, cols = s.rows, s.cols
        while (rows, cols) == (s.rows, s.cols):
            rows, cols = random_size(self.rng)
        before = len(s.raw)
        t0 = time.monotonic()
        s.resize(rows, cols)
        while len(s.raw) == before and time.monotonic() - t0 < 2.0:
            s.pump(0.05)
            if s.status is not None or s.stopped():
                return
        took = time.monotonic() - t0
        if len(s.raw) == before:
            self.problem("no redraw within 2 s of a resize to %dx%d "
                         "(process state %s, waiting in %s)" % (
                             cols, rows, s.state(), wchan(s.pid)))
        self.slowest = max(self.slowest, took)

    def go(self):
        self.world = P.World("monkey")
        total = self.nkeys + self.nresizes
        resize_at = set(self.rng.sample(range(total), self.nresizes))
        t0 = time.monotonic()
        i = 0
        try:
            while i < total and not self.problems:
                if self.s is None:
                    self.start()
                    continue
                if self.s.status is not None:
                    self.ended()
                    continue
                if self.s.stopped():
                    self.stopped()
                if i in resize_at:
                    size = random_size(self.rng)
                    self.recent.append(size)
                    self.s.resize(*size)
                    self.count["resizes"] += 1
                else:
                    k = random_key(self.rng)
                    self.recent.append(k)
                    if not self.s.send(k):
                        if self.s.status is None and self.s.alive() and \
                                not self.s.stopped():
                            self.problem("a key could not be written "
                                         "for 10 s: optout reads no keys")
                    self.count["keys"] += 1
                self.s.pump(0.0)
                i += 1
                if i % 100 == 0:
                    self.probe()
            if self.s is not None and not self.problems:
                self.probe()
                if self.s.status is None:
                    if self.s.stopped():
                        self.s.kill(signal.SIGCONT)
                    self.s.kill(signal.SIGTERM)
                    self.s.wait_exit(5.0)
                self.ended()
        finally:
            if self.s is not None:
                self.s.close()
        reports = self.world.reports()
        for f, text in reports.items():
            self.problem("sanitizer report %s:\n%s" % (f, text))
        secs = time.monotonic() - t0
        endings = ", ".join("%d %s" % (n, ENDINGS.get(c, "exit %s" % c))
                            for c, n in sorted(self.endings.items(),
                                               key=lambda x: str(x[0])))
        self.tap.ok(not self.problems,
                    "%s, seed %d: %d keys, %d resizes, %d starts (%s), %d "
                    "Ctrl-Z stops, %d returns from the linear mode: no "
                    "crash, no hang (slowest redraw %.2f s), terminal "
                    "restored, state loads%s (%.0f s)" % (
                        self.label, self.seed, self.count["keys"],
                        self.count["resizes"], self.count["starts"],
                        endings, self.count["stops"], self.count["linear"],
                        self.slowest,
                        ", no sanitizer report" if P.sanitized() else "",
                        secs),
                    "\n\n".join(self.problems[:5]))


def wchan(pid):
    """Where in the kernel a process waits: n_tty_write's wait_woken is a
    write to a terminal whose output is stopped (Ctrl-S)."""
    try:
        with open("/proc/%d/wchan" % pid) as f:
            return f.read().strip() or "?"
    except OSError:
        return "?"


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--seed", type=int, default=None)
    a.add_argument("--keys", type=int, default=None)
    a.add_argument("--resizes", type=int, default=None)
    args = a.parse_args()
    tap = P.Tap()
    if not os.path.exists(P.OPTOUT):
        tap.bail("%s is not built" % P.OPTOUT)
    base = args.seed if args.seed is not None else int(time.time()) % 10000
    seeds = [base, base + 1] if P.LONG else [base]
    # in all: 100,000 keys and 500 resizes in make torture, shared out
    # among the seeds and locales
    nkeys = args.keys or (12500 if P.LONG else 1000)
    nresizes = args.resizes or (63 if P.LONG else 10)
    locdir = P.make_de_locale(tap)
    locales = [("C", {"LANG": "C"}),
               ("C.UTF-8", {"LANG": "C.UTF-8"}),
               ("de_DE.UTF-8", {"LANG": "de_DE.UTF-8", "LOCPATH": locdir}),
               ("de_DE.UTF-8 not installed", {"LANG": "de_DE.UTF-8"})]
    tap.plan(len(locales) * len(seeds))
    tap.diag("seeds %s (monkey.py --seed %d repeats this run)" % (
        seeds, base))
    for seed in seeds:
        for label, env in locales:
            if env.get("LOCPATH", "") is None:
                tap.skip(label, "localedef could not make it")
                continue
            Run(tap, label, env, seed, nkeys, nresizes).go()
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
