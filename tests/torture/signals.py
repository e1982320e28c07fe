"""signals.py: signals at random moments of a session.

Each trial starts optout (personal mode, a fresh state), goes to the
platform list and ticks platforms, waiting after each key until the
screen shows it; at a random moment (during the start, between keys, or
while a key is on its way) it sends one signal:

  SIGTERM, SIGINT, SIGHUP, SIGQUIT: optout ends at once with status
      128+N; the terminal's modes are as before and the alternate screen
      has been left; the state file holds every tick the screen showed
      (and at most the one on its way), nothing else;
  SIGTSTP: optout stops, and while it is stopped the terminal is as the
      shell needs it; after SIGCONT it draws again and goes on;
  SIGPIPE: changes nothing (during the start it may end optout the
      default way, as it ends "optout --list | head": nothing is lost).
After SIGTSTP and SIGPIPE the trial ends with q and Enter (status 0) and
every tick is in the state file. No sanitizer report in any trial.
make check: 2 trials per signal; make torture: 50. TAP.
"""

import argparse
import os
import random
import re
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ptylib as P  # noqa: E402

SIGNALS = [signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT,
           signal.SIGTSTP, signal.SIGPIPE]
ENDING = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT)


def selected(path):
    """The ids the state file has ticked, in the file's order, and all
    ids in that order."""
    try:
        with open(path) as f:
            text = f.read()
    except FileNotFoundError:
        return set(), []
    ids = re.findall(r'\{ id = "([a-z0-9_]+)"; selected = (true|false);',
                     text)
    return {i for i, on in ids if on == "true"}, [i for i, _ in ids]


def item_line(screen, n):
    for line in screen.lines():
        m = re.match(r"^[> ]\s+%d \[(x| )\] " % n, line)
        if m:
            return m.group(1) == "x"
    return None


class Trial:
    def __init__(self, tap, sig, rng, ids):
        self.tap, self.sig, self.rng, self.ids = tap, sig, rng, ids
        self.world = P.World("signals")
        self.problems = []
        # Enter on the welcome screen, Enter on "who", then ticks
        self.digits = [rng.randint(1, 9) for _ in range(rng.randint(2, 6))]
        self.actions = ["\r", "\r"] + [str(d) for d in self.digits]
        self.ticked = [False] * 10
        self.s = None

    def expect_after(self, m):
        """The set of ticked ids after the first m actions."""
        on = set()
        for a in self.actions[2:m]:
            i = self.ids[int(a) - 1]
            on ^= {i}
        return on

    def confirm(self, k):
        """Waits until the screen shows the effect of action k."""
        s = self.s
        if k == 0:
            return s.wait_text("Who is objecting?")
        if k == 1:
            return s.wait_text("Which platforms")
        d = int(self.actions[k])
        self.ticked[d] = not self.ticked[d]
        end = time.monotonic() + 5
        while item_line(s.screen, d) != self.ticked[d]:
            if time.monotonic() > end or s.status is not None:
                return False
            s.pump(0.02)
        return True

    def act(self, k):
        self.s.send(self.actions[k])
        if not self.confirm(k):
            self.problems.append("action %d (%r) did not show" % (
                k, self.actions[k]))
            return False
        return True

    def check_terminal(self, when):
        self.s.settle(0.05, 1.0)
        diff = self.s.termios_diff()
        if diff:
            self.problems.append("%s the terminal's modes are changed: %s"
                                 "\n%s" % (when, "; ".join(diff),
                                           self.s.stty()))
        if not P.screen_left(self.s.raw):
            self.problems.append("%s the alternate screen was not left" %
                                 when)

    def check_state(self, lo, hi):
        """The ticks in the file are those after lo..hi actions."""
        got, _ = selected(self.world.state_file())
        if not any(got == self.expect_after(m) for m in range(lo, hi + 1)):
            self.problems.append("the state file ticks %s; after %d..%d "
                                 "actions it should tick %s" % (
                                     sorted(got), lo, hi,
                                     [sorted(self.expect_after(m)) for m in
                                      range(lo, hi + 1)]))
        why = self.world.state_valid()
        if why:
            self.problems.append("the state file does not load: %s" % why)

    def go(self):
        n = len(self.actions)
        m = self.rng.randint(0, n)          # actions done before the signal
        in_flight = m < n and self.rng.random() < 0.5
        self.s = P.Session([P.OPTOUT, "--lang", "en"], self.world.env(),
                           24, 80)
        s = self.s
        try:
            if m == 0 and not in_flight:
                time.sleep(self.rng.uniform(0, 0.05))  # during the start
            else:
                if not s.wait_text("Object to AI training"):
                    self.problems.append("no welcome screen")
                    return
            for k in range(m):
                if not self.act(k):
                    return
            if in_flight:
                s.send(self.actions[m])
                time.sleep(self.rng.uniform(0, 0.02))
            s.kill(self.sig)
            done = m + 1 if in_flight else m
            if self.sig in ENDING:
                self.ending(m, done)
            else:
                self.going_on(m, done)
        finally:
            s.close()
            for f, text in self.world.reports().items():
                self.problems.append("sanitizer report %s:\n%s" % (f, text))
        return m, in_flight

    def ending(self, m, done):
        st = self.s.wait_exit(3.0)
        want = 128 + self.sig
        if P.exit_code(st) != want:
            self.problems.append("ended with %s, not status %d" % (
                P.exit_text(st), want))
        self.check_terminal("after it ended,")
        self.check_state(m, done)

    def going_on(self, m, done):
        s = self.s
        if self.sig == signal.SIGPIPE and done == 0:
            # before optout has set up its terminal and its handlers, a
            # SIGPIPE ends it the default way, as in "optout --list |
            # head": nothing is recorded yet and the terminal is as it was
            st = s.wait_exit(0.5)
            if st is not None:
                if P.exit_code(st) != 128 + signal.SIGPIPE:
                    self.problems.append("ended with %s" %
                                         P.exit_text(st))
                self.check_terminal("after it ended,")
                self.check_state(0, 0)
                return
        if self.sig == signal.SIGTSTP:
            end = time.monotonic() + 2
            while not s.stopped() and time.monotonic() < end:
                s.pump(0.01)
            if not s.stopped():
                self.problems.append("SIGTSTP did not stop it within 2 s "
                                     "(process state %s)" % s.state())
                return
            self.check_terminal("while stopped,")
            # a person waits for the screen before typing on
            s.kill(signal.SIGCONT)
            if s.wait_output(3.0) == 0:
                self.problems.append("no redraw after SIGCONT")
            s.settle(0.1, 2.0)
        # the action on its way, if any, then the rest
        if done > m:
            if not self.confirm(m):
                self.problems.append("the key sent with the signal was "
                                     "lost")
                return
        if done == 0 and not s.wait_text("Object to AI training"):
            self.problems.append("no welcome screen after the signal")
            return
        for k in range(done, len(self.actions)):
            if not self.act(k):
                return
        s.send("q")
        if not s.wait_text("Quit optout?"):
            self.problems.append("q did not ask")
            return
        s.send("\r")
        st = s.wait_exit(5.0)
        if P.exit_code(st) != 0:
            self.problems.append("ended with %s after q" % P.exit_text(st))
        self.check_terminal("after it ended,")
        self.check_state(len(self.actions), len(self.actions))


def stop_resize_continue(tap, rng, rounds):
    """Ctrl-Z in the middle of drawing (keys typed fast), the window
    resized while optout is stopped, then continued: it must draw again in
    the new size and go on. ncurses' own SIGTSTP handler did this inside
    the signal handler, and the resize freed memory under the drawing call
    it had interrupted: a crash, found by monkey.py under ASan."""
    w = P.World("signals")
    s = P.Session([P.OPTOUT, "--lang", "en"], w.env(), 24, 80)
    problems = []
    stops = 0
    try:
        for key, want in [(None, "Object to AI training"),
                          ("\r", "Who is objecting?"),
                          ("\r", "Which platforms")]:
            if key:
                s.send(key)
            if not s.wait_text(want):
                problems.append("no %r" % want)
        for r in range(rounds):
            if problems or s.status is not None:
                break
            # Down, Down, Space, Up as xterm sends them in keypad mode
            s.send("\x1bOB\x1bOB \x1bOA" * rng.randint(1, 4) + "\x1a")
            end = time.monotonic() + 3
            while not s.stopped() and time.monotonic() < end:
                s.pump(0.01)
            if not s.stopped():
                problems.append("round %d: Ctrl-Z did not stop it (%s)" % (
                    r, s.state()))
                break
            stops += 1
            s.settle(0.05, 1.0)
            if s.termios_diff() or not P.screen_left(s.raw):
                problems.append("round %d: the terminal was not restored "
                                "for the shell" % r)
            rows, cols = rng.choice([(5, 10), (12, 40), (16, 50), (30, 100),
                                     (60, 200), (24, 80)])
            s.resize(rows, cols)
            s.kill(signal.SIGCONT)
            title = "Which platforms" if rows >= 16 and cols >= 50 else \
                "too small"
            if not s.wait_flat(title, 5):
                problems.append("round %d: no redraw at %dx%d after "
                                "SIGCONT (%s)" % (r, cols, rows, P.exit_text(
                                    s.status)))
        if s.status is None and not problems:
            s.resize(24, 80)
            s.wait_text("Which platforms", 5)
            s.send("q")
            s.wait_text("Quit optout?", 5)
            s.send("\r")
            st = s.wait_exit(5.0)
            if P.exit_code(st) != 0:
                problems.append("ended with %s" % P.exit_text(st))
        elif s.status is not None:
            problems.append("optout ended with %s" % P.exit_text(s.status))
    finally:
        s.close()
    problems += ["sanitizer report %s:\n%s" % (f, text)
                 for f, text in w.reports().items()]
    tap.ok(not problems, "Ctrl-Z while drawing, the window resized while "
           "stopped, continued: %d times redrawn in the new size, no crash"
           % stops, "\n".join(problems[:6]))


def calibrate(tap):
    """The platform ids of the list's items 1 to 9: tick each once and
    read the file (records are added in the order they are ticked)."""
    w = P.World("signals")
    s = P.Session([P.OPTOUT, "--lang", "en"], w.env(), 24, 80)
    try:
        s.wait_text("Object to AI training")
        s.send("\r")
        s.wait_text("Who is objecting?")
        s.send("\r")
        s.wait_text("Which platforms")
        for d in range(1, 10):
            s.send(str(d))
            end = time.monotonic() + 5
            while item_line(s.screen, d) is not True and \
                    time.monotonic() < end:
                s.pump(0.02)
        s.send("q")
        s.wait_text("Quit optout?")
        s.send("\r")
        s.wait_exit(5.0)
    finally:
        s.close()
    _, order = selected(w.state_file())
    if len(order) != 9:
        tap.bail("cannot tell which platforms items 1 to 9 are (%s)" %
                 order)
    return order


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--seed", type=int, default=None)
    a.add_argument("--trials", type=int, default=None)
    a.add_argument("--only", default=None, help="one signal, e.g. TSTP")
    args = a.parse_args()
    sigs = SIGNALS
    if args.only:
        sigs = [getattr(signal, "SIG" + args.only.upper().replace("SIG",
                                                                   ""))]
    tap = P.Tap()
    if not os.path.exists(P.OPTOUT):
        tap.bail("%s is not built" % P.OPTOUT)
    seed = args.seed if args.seed is not None else int(time.time()) % 10000
    trials = args.trials or (50 if P.LONG else 2)
    tap.plan(len(sigs) + 1)
    tap.diag("seed %d (signals.py --seed %d repeats this run)" % (seed,
                                                                 seed))
    ids = calibrate(tap)
    rng = random.Random(seed)
    stop_resize_continue(tap, rng, 40 if P.LONG else 8)
    for sig in sigs:
        t0 = time.monotonic()
        problems = []
        moments = {"start": 0, "between keys": 0, "with a key": 0}
        for t in range(trials):
            tr = Trial(tap, sig, rng, ids)
            m, in_flight = tr.go() or (0, False)
            moments["with a key" if in_flight else
                    "start" if m == 0 else "between keys"] += 1
            for p in tr.problems:
                problems.append("trial %d (%d keys done%s): %s" % (
                    t, m, ", one on its way" if in_flight else "", p))
        what = {signal.SIGTSTP: "stops, terminal sane while stopped, goes "
                "on after SIGCONT, every tick saved",
                signal.SIGPIPE: "changes nothing, every tick saved"}.get(
                    sig, "ends with status %d, terminal sane, every tick "
                    "shown is saved" % (128 + sig))
        tap.ok(not problems, "%s at %d random moments (%s): %s (%.0f s)" % (
            signal.Signals(sig).name, trials,
            ", ".join("%d %s" % (n, k) for k, n in moments.items()), what,
            time.monotonic() - t0), "\n".join(problems[:8]))
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
