"""hostile.py: catalog text is data; it never reaches the terminal as a
command.

A platform file full of hostile strings (ESC, CSI and OSC sequences, C1
controls, CR, backspace, bidi overrides, zero-width and double-width
characters, a 100 KB label, written raw and as libconfig escapes) is
walked through from the welcome screen to the summary in a
pseudo-terminal, in C.UTF-8 and in C. Checked on the raw bytes optout
writes: no OSC (ESC ]) or other string sequence, no C1 control, no bidi
override or zero-width character, none of the injected sequences (ESC
[6n asks the terminal to answer as if typed), while the text around them
is shown. Files that are broken in hostile ways (invalid UTF-8, raw and
escaped; 10,000 steps that make the file too large; nesting 2,000 deep;
over the 256 KiB cap; an escape sequence in a value that is refused) are
rejected naming the file (and line), without one escape byte; 10,000
short steps just under the cap are shown and scroll to the last. TAP; the same in make check and make
torture.
"""

import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ptylib as P  # noqa: E402

ESC_CSI = "Red\x1b[31mTEXT\x1b[0m ask\x1b[6n"
OSC = ("title\x1b]0;pwned\x07 clip\x1b]52;c;cHduZWQ=\x07 "
       "link\x1b]8;;https://evil.example\x1b\\here\x1b]8;;\x1b\\ "
       "dcs\x1bPq#0\x1b\\ apc\x1b_x\x1b\\")
C1 = "c1\u009b6n nel\u0085 dcs\u0090q st\u009c osc\u009d0;x\u009c"
CRBS = "AB\rXY back\b\b\bZZ"
BIDI = "safe\u202eevil\u202c \u2066iso\u2069 \u200fRLM\u200e \u061cAL"
ZW = "zero\u200bwidth\u200c\u200djoin\u2060er\ufeffEND"
WIDE = "全角テキスト中文한국어😀 e\u0301 a\u0308"

BAD_CPS = set(range(0x80, 0xa0)) | set(range(0x202a, 0x202f)) | \
    set(range(0x2066, 0x206a)) | {0x200e, 0x200f, 0x061c} | \
    {0x200b, 0x200c, 0x200d, 0x2060, 0xfeff}
INJECTED = [b"\x1b[6n", b"\x1b]", b"\x1bP", b"\x1b_", b"\x1b^", b"\x1bX",
            b"\x1b[31mTEXT"]
SHOWN = [b"[31mTEXT", b"ABXY back", b"safeevil", b"Datenschutz Datenschutz"]
END = "\x1bOF"      # the End key of xterm-256color in keypad mode


def raw_str(s):
    """A libconfig string with the characters as they are."""
    return '"%s"' % s.replace("\\", "\\\\").replace('"', '\\"')


def esc_str(s):
    """A libconfig string with control characters as \\x escapes."""
    out = []
    for ch in s:
        if ch in "\\\"":
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7f:
            out.append("\\x%02x" % ord(ch))
        else:
            out.append(ch)
    return '"%s"' % "".join(out)


def lt(s, q=raw_str):
    return "{ de = %s; en = %s; }" % (q(s), q(s))


def platform(pid, name=None, steps=None, extra="", category="social"):
    """A platform file; the hostile texts in every field that shows."""
    big = " ".join("Datenschutz%s" % (ESC_CSI if i % 500 == 0 else "")
                   for i in range(8200))
    if steps is None:
        steps = ("({ text = %s; label = %s; },\n"
                 " { text = %s; label = %s; },\n"
                 " { text = %s; })" % (
                     lt("Click {}."), lt(big),
                     lt(CRBS + " then {}.", esc_str), lt(OSC, esc_str),
                     lt(C1 + " " + BIDI + " " + ZW)))
    return """format = 1;
id = "%s";
name = %s;
operator = %s;
category = %s;
verified = "2026-11-01";
mechanism = "toggle_off";
summary = %s;
legal_basis = %s;
retroactivity = %s;
caveats = ( %s );
events = (
  { kind = "training_start"; date = "2025-11-03"; what = %s; }
);
organisation = { can_object = true; note = %s; };
surfaces = (
  { kind = "web"; url = "https://hostile.example/settings";
    search = %s;
    steps = %s;
    final = { action = "switch_off"; label = %s; state = %s; }; }
);
sources = (
  { url = "https://news.example/hostile"; publisher = %s; date = "2025-10"; }
);
%s""" % (pid, raw_str(name or "Evil\x1b[31mCorp\u202e\u200b全角"),
         esc_str(OSC), raw_str(category), lt(ESC_CSI + " " + C1 + " " + CRBS),
         lt(BIDI + " " + ZW), lt(WIDE), lt(OSC, esc_str), lt(OSC),
         lt(C1, esc_str), lt(ESC_CSI), steps, lt(BIDI), lt("Off\x1b[5m"),
         raw_str(C1), extra)


def bad_bytes(raw, utf8):
    """What of the forbidden reached the terminal: a list of findings."""
    found = []
    for seq in INJECTED:
        if seq in raw:
            at = raw.index(seq)
            found.append("%r at %d: %r" % (seq, at, bytes(raw[max(0, at - 30):
                                                            at + 30])))
    if utf8:
        text = raw.decode("utf-8", "replace")
        cps = sorted({ord(c) for c in text if ord(c) in BAD_CPS})
        if cps:
            found.append("code points %s" % ", ".join("U+%04X" % c
                                                      for c in cps))
    else:
        high = sorted({b for b in raw if b >= 0x80})
        if high:
            found.append("bytes above 0x7f in an ASCII locale: %s" % high[:10])
    return found


def output_problems(raw, utf8, world):
    """Forbidden bytes, text that should show and does not, and sanitizer
    reports."""
    problems = bad_bytes(raw, utf8)
    if utf8:
        problems += ["%r was not shown" % t for t in SHOWN if t not in raw]
    problems += ["sanitizer report %s:\n%s" % (f, text)
                 for f, text in world.reports().items()]
    return problems


def walk(tap, catdir, lang_env, label):
    """From the welcome screen to the summary, reading every page."""
    w = P.World("hostile")
    s = P.Session([P.OPTOUT, "--catalog", catdir, "--lang", "en"],
                  w.env(LANG=lang_env), 24, 80)
    problems = []
    seen = set()
    t0 = time.monotonic()
    try:
        if not s.wait_text("Object to AI training"):
            problems.append("no welcome screen")
        for key, want in [("\r", "Who is objecting?"),
                          ("\r", "Which platforms"), ("1", "[x]")]:
            s.send(key)
            if not problems and not s.wait_text(want):
                problems.append("%r did not lead to %r" % (key, want))
        s.press("\r")
        for _ in range(80):
            flat = s.flat()
            for word in ("what happens", "where are you doing it",
                         "step by step", "what happened"):
                if word in flat:
                    seen.add(word)
            if "Summary" in flat or s.status is not None:
                break
            if "step by step" in flat and "help" not in seen:
                seen.add("help")
                for _ in range(10):     # page through the 100 KB label
                    s.press("\x1b[6~")
                s.press("?")
                s.press("\x1b")
            s.press(END)
            s.press("\r")
        if "Summary" not in s.flat():
            problems.append("never reached the summary (saw %s)" %
                            sorted(seen))
        s.send("q")
        s.wait_text("Quit optout?")
        s.send("\r")
        st = s.wait_exit(5.0)
        s.settle(0.05, 1.0)
        if P.exit_code(st) != 0:
            problems.append("ended with %s" % P.exit_text(st))
        if s.termios_diff():
            problems.append("terminal modes changed")
    finally:
        s.close()
    problems += output_problems(s.raw, "UTF-8" in lang_env, w)
    tap.ok(not problems, "%s: every page of a hostile platform (%s), %d KB "
           "written: no OSC, C1, bidi, zero-width or injected sequence "
           "reaches the terminal; the text around them is shown (%.1f s)" % (
               label, ", ".join(sorted(seen)), len(s.raw) // 1024,
               time.monotonic() - t0), "\n".join(problems))


def walk_linear(tap, catdir):
    """The same platform in the linear mode, which writes catalog text
    itself (no curses between it and the terminal): not one escape byte
    may reach the terminal at all."""
    w = P.World("hostile")
    s = P.Session([P.OPTOUT, "--catalog", catdir, "--lang", "en",
                   "--linear"], w.env(), 24, 80, emulate=False)
    problems = []
    t0 = time.monotonic()
    try:
        for _ in range(8):
            s.settle(0.1, 5.0)
            if b"Which platforms" in s.raw:
                break
            s.send("\r")
        s.send("1\r")
        for _ in range(60):
            if b"Summary" in s.raw or s.status is not None:
                break
            s.press("\r")
        if not s.said("Summary", 2):
            problems.append("never reached the summary")
        s.send("q\r")
        s.said("Quit optout?", 5)
        s.send("1\r")
        st = s.wait_exit(5.0)
        s.settle(0.05, 1.0)
        if P.exit_code(st) != 0:
            problems.append("ended with %s" % P.exit_text(st))
    finally:
        s.close()
    if b"\x1b" in s.raw:
        at = s.raw.index(b"\x1b")
        problems.append("an escape byte at %d: %r" % (
            at, bytes(s.raw[max(0, at - 40):at + 20])))
    problems += output_problems(s.raw, True, w)
    tap.ok(not problems, "linear mode: the hostile platform from start to "
           "summary, %d KB written: not one escape byte, no C1, bidi or "
           "zero-width character; the text around them is shown (%.1f s)" % (
               len(s.raw) // 1024, time.monotonic() - t0),
           "\n".join(problems))


def hostile_state(tap):
    """A state file with hostile values: told about on the welcome screen
    (full screen and linear), with nothing of the hostile bytes."""
    problems = []
    for mode in ([], ["--linear"]):
        w = P.World("hostile")
        os.makedirs(os.path.dirname(w.state_file()))
        with open(w.state_file(), "w") as f:
            f.write('version = 1;\naccount = "private";\nplatforms = (\n'
                    '  { id = "linkedin"; selected = true; status = '
                    '%s; },\n  { id = "x"; status = %s; }\n);\n' % (
                        raw_str("d" + OSC + C1), esc_str("d" + OSC + BIDI)))
        s = P.Session([P.OPTOUT, "--lang", "en"] + mode, w.env(), 24, 80,
                      emulate=False)
        try:
            if not s.said("could not be read", 10):
                problems.append("%s: no word about the damaged file" % (
                    mode or "full screen"))
        finally:
            s.close()
        found = bad_bytes(s.raw, True)
        if mode and b"\x1b" in s.raw:
            found.append("an escape byte")
        problems += ["%s: %s" % (mode or "full screen", f) for f in found]
        problems += ["sanitizer report %s:\n%s" % (f, text)
                     for f, text in w.reports().items()]
    tap.ok(not problems, "a state file with hostile values: the person is "
           "told, full screen and linear, and none of its bytes reach the "
           "terminal", "\n".join(problems))


def rejected(tap, root, name, data, want):
    """A broken file is refused naming it (want: a regex for the rest of
    the message), with no escape byte, by --check-catalog and at start."""
    d = os.path.join(root, name)
    os.mkdir(d)
    path = os.path.join(d, name + ".cfg")
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    problems = []
    p = subprocess.run([P.OPTOUT, "--check-catalog", d],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=60, env=dict(os.environ, LANG="C.UTF-8"))
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode != 1:
        problems.append("--check-catalog: status %d" % p.returncode)
    if not re.search(re.escape(path) + want, err):
        problems.append("--check-catalog said:\n%s" % err[:2000])
    if b"\x1b" in p.stdout + p.stderr:
        problems.append("an escape byte in what --check-catalog said")
    w = P.World("hostile")
    s = P.Session([P.OPTOUT, "--catalog", d], w.env(), 24, 80)
    st = s.wait_exit(10.0)
    s.settle(0.05, 1.0)
    s.close()
    if P.exit_code(st) != 1:
        problems.append("at start: %s, not status 1" % P.exit_text(st))
    if b"\x1b" in s.raw:
        problems.append("at start: an escape byte reached the terminal")
    if not re.search(re.escape(path) + want, s.raw.decode("utf-8",
                                                          "replace")):
        problems.append("at start it said:\n%s" % s.raw.decode(
            "utf-8", "replace")[:2000])
    for f, text in w.reports().items():
        problems.append("sanitizer report %s:\n%s" % (f, text))
    m = re.search(re.escape(path) + "(" + want + ")", err)
    tap.ok(not problems, "%s: refused (%s), no escape byte" % (
        name, path.replace(root, "") + (m.group(1) if m else "")),
        "\n".join(problems))


MANY_STEPS = """format = 1; id = "steps10000"; name = "Many Steps";
operator = "Example"; category = "social"; verified = "2026-11-01";
mechanism = "toggle_off"; summary = { de = "a"; en = "a"; };
legal_basis = { de = "a"; en = "a"; }; retroactivity = { de = "a"; en = "a"; };
organisation = { can_object = true; note = { de = "a"; en = "a"; }; };
surfaces = ( { kind = "web"; url = "https://example.com/a"; steps = (%s);
final = { action = "switch_off"; label = { en = "a"; }; }; } );
sources = ( { url = "https://example.com/b"; publisher = "a"; date = "2025"; } );
"""


def many_steps(tap, root):
    """10,000 steps, just under the cap: loaded, shown, End reaches the
    last."""
    d = os.path.join(root, "steps10000")
    os.mkdir(d)
    data = MANY_STEPS % ",".join('{text={de="a";en="b";};}'
                                 for _ in range(10000))
    with open(os.path.join(d, "steps10000.cfg"), "w") as f:
        f.write(data)
    w = P.World("hostile")
    s = P.Session([P.OPTOUT, "--catalog", d, "--lang", "en"], w.env(),
                  24, 80)
    problems = []
    t0 = time.monotonic()
    try:
        for key, want in [(None, "Object to AI training"),
                          ("\r", "Who is objecting?"),
                          ("\r", "Which platforms"), ("1", "[x]")]:
            if key:
                s.send(key)
            if not s.wait_text(want, 20):
                problems.append("no %r" % want)
                break
        s.press("\r")
        for _ in range(12):
            if "step by step" in s.flat():
                break
            s.press(END)
            s.press("\r")
        s.press(END)                # the end: link, QR code, date
        for _ in range(8):          # back up to the last step
            if "10000. b" in s.flat():
                break
            s.press("\x1b[5~")
        if "10000. b" not in s.flat():
            problems.append("End and Page Up did not show the last step")
    finally:
        s.close()
    for f, text in w.reports().items():
        problems.append("sanitizer report %s:\n%s" % (f, text))
    tap.ok(not problems, "10,000 steps (%d KB, under the cap): loaded, "
           "shown, the last one reached (%.1f s)" % (len(data) // 1024,
                                               time.monotonic() - t0),
           "\n".join(problems + ["the screen was:\n" + s.screen.dump()]
                     if problems else []))


def main():
    tap = P.Tap()
    if not os.path.exists(P.OPTOUT):
        tap.bail("%s is not built" % P.OPTOUT)
    tap.plan(11)
    root = tempfile.mkdtemp(prefix="optout-hostile.")
    try:
        good = os.path.join(root, "good")
        os.mkdir(good)
        with open(os.path.join(good, "hostile.cfg"), "w") as f:
            f.write(platform("hostile"))
        walk(tap, good, "C.UTF-8", "C.UTF-8")
        walk(tap, good, "C", "C (ASCII)")
        walk_linear(tap, good)
        hostile_state(tap)
        many_steps(tap, root)
        rejected(tap, root, "bad_utf8_raw",
                 platform("bad_utf8_raw").encode().replace(
                     b'"Evil', b'"Ev\xffil', 1),
                 r":3: not valid UTF-8 \(byte \d+\)")
        rejected(tap, root, "bad_utf8_escape",
                 platform("bad_utf8_escape").replace(
                     '"Evil', '"Ev\\xffil', 1),
                 r":3: 'name' is not valid UTF-8")
        steps = "(" + ",\n".join('{text={de="a";en="Step %d";};}' % i
                                 for i in range(10000)) + ")"
        rejected(tap, root, "steps10000_long",
                 platform("steps10000_long", steps=steps),
                 r": file too large \(\d+ bytes, at most 262144\)")
        rejected(tap, root, "nested2000",
                 platform("nested2000", extra="deep = " + "{ a = " * 2000 +
                          "1;" + " };" * 2000 + "\n"),
                 r":\d+: nested more than 32 levels deep")
        rejected(tap, root, "oversize",
                 platform("oversize", extra="# " + "x" * 300000 + "\n"),
                 r": file too large")
        rejected(tap, root, "escape_in_refused_value",
                 platform("escape_in_refused_value",
                          category="soc\x1b]0;pwned\x07ial"),
                 r":5: 'category' must be one of [^\n]*, not "
                 r"\"soc\]0;pwnedial\"")
    finally:
        subprocess.run(["rm", "-rf", root])
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
