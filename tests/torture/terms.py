"""terms.py: optout on every kind of terminal a person may have.

For each TERM of the matrix optout either works full-screen (the welcome
screen shows, a key leads on, q and Enter quit with status 0, and the
terminal is left as it was found), or, where the terminal cannot address
the cursor, says why in one line and goes on in the linear mode, writing
not a single escape byte. It never crashes, and (in a sanitizer build)
nothing is reported. TAP; the same in make check and make torture.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ptylib as P  # noqa: E402

FULL = ["xterm-256color", "xterm", "vt100", "linux", "screen",
        "tmux-256color"]
# TERM value (None: not set at all), what optout must say
LINEAR = [("dumb", "cannot move the cursor"),
          ("unknown-optout-terminal", "does not know the terminal type"),
          ("", "The TERM variable is not set"),
          (None, "The TERM variable is not set")]


def quit_and_check(s, wait, ask, confirm, problems):
    """Quits the way a person does (ask, then confirm); it must end with
    status 0 and leave the terminal's modes as they were."""
    s.send(ask)
    if not problems and not wait("Quit optout?"):
        problems.append("%r did not ask" % ask)
    s.send(confirm)
    st = s.wait_exit(5.0)
    s.settle(0.05, 1.0)
    if P.exit_code(st) != 0:
        problems.append("ended with %s" % P.exit_text(st))
    diff = s.termios_diff()
    if diff:
        problems.append("terminal modes changed: %s" % "; ".join(diff))


def reports(w, problems):
    for f, text in w.reports().items():
        problems.append("sanitizer report %s:\n%s" % (f, text))


def full_screen(tap, term):
    w = P.World("terms")
    s = P.Session([P.OPTOUT, "--lang", "en"], w.env(TERM=term), 24, 80)
    problems = []
    try:
        if not s.wait_text("Object to AI training"):
            problems.append("no welcome screen")
        s.send("\r")
        if not problems and not s.wait_text("Who is objecting?"):
            problems.append("Enter did not lead on")
        quit_and_check(s, s.wait_text, "q", "\r", problems)
        if not P.screen_left(s.raw):
            problems.append("the alternate screen was not left")
    finally:
        s.close()
    reports(w, problems)
    if problems:
        problems.append("the screen was:\n" + s.screen.dump())
    tap.ok(not problems, "TERM=%s: full screen, a key leads on, q quits "
           "(status 0), the terminal is restored" % term,
           "\n".join(problems))


def linear(tap, term, why):
    w = P.World("terms")
    s = P.Session([P.OPTOUT, "--lang", "en"], w.env(TERM=term), 24, 80)
    problems = []
    name = "unset" if term is None else "'%s'" % term
    try:
        if not s.said(why):
            problems.append("no word on why (%r)" % why)
        if not s.said("Object to AI training"):
            problems.append("the linear mode did not start")
        quit_and_check(s, s.said, "q\r", "1\r", problems)
        if b"\x1b" in s.raw:
            at = s.raw.index(b"\x1b")
            problems.append("an escape byte at %d: %r" % (
                at, bytes(s.raw[max(0, at - 40):at + 20])))
    finally:
        s.close()
    reports(w, problems)
    if problems:
        problems.append("the output was:\n" + s.raw.decode("utf-8",
                                                            "replace"))
    tap.ok(not problems, "TERM %s: says why, goes on in the linear mode, "
           "not one escape byte, q quits (status 0)" % name,
           "\n".join(problems))


def main():
    tap = P.Tap()
    if not os.path.exists(P.OPTOUT):
        tap.bail("%s is not built" % P.OPTOUT)
    tap.plan(len(FULL) + len(LINEAR))
    t0 = time.monotonic()
    for term in FULL:
        full_screen(tap, term)
    for term, why in LINEAR:
        linear(tap, term, why)
    tap.diag("%.1f s" % (time.monotonic() - t0))
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
