#!/usr/bin/python3
"""bench.py: what a user of optout feels, against dialog, whiptail and a
bare ncurses floor (tests/bench/floor.c). Run by `make bench`.

Each program runs in a pseudo-terminal of its own that this script owns.
Measured, as medians over --runs runs interleaved A B C D A B C D:

  start        from fork until the first screen shows its text, and the
               bytes written until then; bytes and write() calls of the
               whole first screen
  Down, Space, Enter, resize
               bytes and write() calls per keystroke (strace, counting only
               writes to the terminal) and the time from the key until the
               last byte of the answer (a run without strace)
  memory       peak resident set (VmHWM) of the program
  catalog      wall time of optout --check-catalog and --catalog DIR --list,
               shipped catalog and a generated one of 1,000 platforms;
               --list with the cache of the parsed catalog and without
               (optout's runs share one cache directory, made by the
               first start, as a person's starts do; "no cache" rows use
               a fresh one each time)
  sessions     50 and 200 sessions at once, each one person: optout steps
               through the LinkedIn flow, the others move through the list;
               keystroke latency p50 and p99, memory of all sessions (PSS)

Only Python's standard library; strace, dialog and whiptail must be
installed (build-aux/install-deps installs them). Nothing here is a test:
the figures are printed, not asserted.
"""

import argparse
import fcntl
import os
import random
import re
import selectors
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

sys.dont_write_bytecode = True     # leave no __pycache__ in the tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vt  # noqa: E402

TITLE = "Which platforms do you use?"
PROGRAMS = ("optout", "floor", "dialog", "whiptail")

# ---------------------------------------------------------------- helpers


def now():
    return time.perf_counter()


def median(v):
    v = [x for x in v if x is not None]
    return statistics.median(v) if v else None


def pct(v, p):
    v = sorted(x for x in v if x is not None)
    if not v:
        return None
    k = (len(v) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def proc_status(pid, key):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def proc_pss(pid):
    try:
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def children(pid):
    try:
        with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def set_size(fd, rows, cols):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols,
                                                     0, 0))


def keyseqs(term):
    """The bytes the terminal sends for Down (keypad transmit mode)."""
    down = None
    try:
        import curses
        curses.setupterm(term, os.open(os.devnull, os.O_WRONLY))
        down = curses.tigetstr("kcud1")
    except Exception:
        pass
    return {"Down": down or b"\x1bOB", "Space": b" ", "Enter": b"\r"}


# ---------------------------------------------------------------- sessions


class Session:
    """One program in a pseudo-terminal of its own."""

    def __init__(self, argv, env, rows, cols, stderr_null=False,
                 emulate=True):
        self.rows, self.cols = rows, cols
        self.screen = vt.Screen(rows, cols) if emulate else None
        self.nbytes = 0
        self.last_t = None
        self.raw = bytearray()
        self.t0 = now()
        pid, fd = os.forkpty()
        if pid == 0:                    # the child: size, stderr, exec
            try:
                set_size(0, rows, cols)
                if stderr_null:
                    null = os.open(os.devnull, os.O_WRONLY)
                    os.dup2(null, 2)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        os.set_blocking(fd, False)
        self.closed = False

    def target_pid(self):
        """The program itself (below strace, if traced)."""
        kids = children(self.pid)
        return kids[0] if kids else self.pid

    def _take(self, data, t):
        self.nbytes += len(data)
        self.last_t = t
        if self.screen is not None:
            self.screen.feed(data)

    def read_ready(self):
        """Reads what is there; False when the terminal is gone."""
        try:
            data = os.read(self.fd, 65536)
        except BlockingIOError:
            return True
        except OSError:
            self.closed = True
            return False
        if not data:
            self.closed = True
            return False
        self._take(data, now())
        return True

    def _wait(self, timeout):
        sel = selectors.DefaultSelector()
        sel.register(self.fd, selectors.EVENT_READ)
        r = sel.select(timeout)
        sel.close()
        return bool(r)

    def wait_text(self, text, timeout=20.0):
        """Returns the time the screen first showed text, and the bytes
        read by then."""
        end = now() + timeout
        while not self.screen.contains(text):
            left = end - now()
            if left <= 0 or self.closed:
                raise RuntimeError("no \"%s\" on the screen after %.0f s; "
                                   "the screen was:\n%s" % (
                                       text, timeout, self.screen.dump()))
            if self._wait(left):
                self.read_ready()
        return self.last_t, self.nbytes

    def settle(self, quiet):
        """Reads until nothing comes for quiet seconds."""
        while not self.closed and self._wait(quiet):
            if not self.read_ready():
                break

    def key(self, data, quiet):
        """Sends data; returns (bytes of the answer, latency in s)."""
        self.settle(0.0)
        before = self.nbytes
        t = now()
        self.last_t = None
        os.write(self.fd, data)
        self.settle(quiet)
        got = self.nbytes - before
        return got, (self.last_t - t) if got else None

    def resize(self, rows, cols, quiet):
        self.settle(0.0)
        before = self.nbytes
        if self.screen is not None:
            self.screen.resize(rows, cols)
        t = now()
        self.last_t = None
        set_size(self.fd, rows, cols)
        self.settle(quiet)
        got = self.nbytes - before
        return got, (self.last_t - t) if got else None

    def finish(self):
        """Ends the program (SIGTERM, then SIGKILL) and reaps it."""
        for pid in [self.target_pid(), self.pid]:
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        end = now() + 5
        while now() < end:
            self.settle(0.0)
            try:
                done, _ = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:
                done = self.pid
            if done:
                break
            time.sleep(0.01)
        else:
            for pid in [self.target_pid(), self.pid]:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            try:
                os.waitpid(self.pid, 0)
            except ChildProcessError:
                pass
        os.close(self.fd)


# ---------------------------------------------------------------- programs


class Bench:
    def __init__(self, a):
        self.a = a
        self.rows, self.cols = a.size
        self.rrows, self.rcols = a.resize
        self.tmp = tempfile.mkdtemp(prefix="optout-bench.")
        self.keys = keyseqs(a.term)
        self.nrun = 0
        self.items = self.platform_list()

    def env(self, home=None, cache=None):
        """A fresh home and state. The (empty) config directory and the
        cache of the parsed catalog are shared by all runs, as by a
        person's second start and every one after it (the cache is made
        for the layer directories, which include the config directory),
        unless cache names another cache directory."""
        if home is None:
            self.nrun += 1
            home = os.path.join(self.tmp, "home%d" % self.nrun)
        for d in ("", "/state"):
            os.makedirs(home + d, exist_ok=True)
        os.makedirs(os.path.join(self.tmp, "config"), exist_ok=True)
        return {
            "PATH": "/usr/bin:/bin",
            "TERM": self.a.term,
            "LANG": "C.UTF-8",
            "TZ": "UTC",
            "OPTOUT_NOW": "2026-11-22T10:30",
            "HOME": home,
            "XDG_STATE_HOME": home + "/state",
            "XDG_CONFIG_HOME": os.path.join(self.tmp, "config"),
            "XDG_CACHE_HOME": cache or os.path.join(self.tmp, "cache"),
        }

    def fresh_cache(self):
        """A cache directory of its own: optout's first start ever."""
        self.nrun += 1
        return os.path.join(self.tmp, "cache%d" % self.nrun)

    def platform_list(self):
        """optout's platform list and what it says about each, as the
        linear mode (--linear) prints it; --list if that fails."""
        env = self.env()
        items = []
        try:
            out = subprocess.run(
                [self.a.optout, "--linear", "--lang", "en"] +
                self.a.optout_arg, env=env,
                input="2\n1\nq\ny\n", capture_output=True, text=True,
                timeout=20).stdout
            for m in re.finditer(r"^\d+\) \[ \] (.+?) - (.+)$", out, re.M):
                if (m.group(1), m.group(2)) in items:
                    break           # the list is shown again
                items.append((m.group(1), m.group(2)))
        except (OSError, subprocess.SubprocessError):
            pass
        if not items:
            out = subprocess.run([self.a.optout, "--list"] +
                                 self.a.optout_arg, env=env,
                                 capture_output=True, text=True,
                                 timeout=20).stdout
            for line in out.splitlines():
                f = re.split(r"\s{2,}", line.strip())
                if len(f) >= 2:
                    items.append((f[1], "open"))
        if not items:
            sys.exit("bench: optout --list shows no platforms")
        return items

    def argv(self, prog):
        names = [n for n, _ in self.items]
        h, w = self.rows - 4, self.cols - 4
        lh = max(1, h - 8)
        if prog == "optout":
            return ([self.a.optout, "--lang", "en"] + self.a.optout_arg,
                    "Object to AI training")
        if prog == "floor":
            args = [self.a.floor, TITLE]
            for n, s in self.items:
                args.append("%-19s %s" % (n, s))
            return args, names[0]
        lst = []
        for i, (n, s) in enumerate(self.items):
            lst += [str(i + 1), "%-19s %s" % (n, s), "off"]
        if prog == "dialog":
            return ([self.a.dialog, "--no-tags", "--title", "optout",
                     "--checklist", TITLE, str(h), str(w), str(lh)] + lst,
                    names[0])
        return ([self.a.whiptail, "--notags", "--title", "optout",
                 "--checklist", TITLE, str(h), str(w), str(lh)] + lst,
                names[0])

    def to_list(self, s, prog):
        """From the first screen to the platform list."""
        if prog != "optout":
            return
        q = self.a.quiet
        s.key(self.keys["Enter"], q)
        s.wait_text("Who is objecting?")
        s.key(self.keys["Enter"], q)
        s.wait_text(TITLE)

    # ---- one run of one program: start, keys, resize, memory
    def run_once(self, prog, traced):
        argv, first = self.argv(prog)
        strace_out = None
        if traced:
            strace_out = os.path.join(self.tmp, "strace.%d" % self.nrun)
            argv = [self.a.strace, "-f", "-qq", "-ttt", "-y",
                    "-e", "trace=write,writev,pwrite64",
                    "-e", "signal=none", "-o", strace_out, "--"] + argv
        q = self.a.quiet
        marks = []                      # (phase, wall clock at its start)
        res = {}
        marks.append(("start", time.time()))
        s = Session(argv, self.env(), self.rows, self.cols,
                    stderr_null=prog in ("dialog", "whiptail"))
        try:
            t, n = s.wait_text(first)
            res["start_ms"] = (t - s.t0) * 1000
            res["start_bytes"] = n
            s.settle(q)
            marks.append(("nav", time.time()))
            self.to_list(s, prog)
            s.settle(q)
            phases = [("Down", self.keys["Down"])] * 3 + \
                     [("Space", self.keys["Space"])]
            for name, data in phases:
                marks.append((name, time.time()))
                res.setdefault(name, []).append(s.key(data, q))
            marks.append(("resize", time.time()))
            res["resize"] = [s.resize(self.rrows, self.rcols, q)]
            hwm = proc_status(s.target_pid(), "VmHWM")
            marks.append(("Enter", time.time()))
            res["Enter"] = [s.key(self.keys["Enter"], q)]
            later = proc_status(s.target_pid(), "VmHWM")
            res["hwm_kib"] = max(x for x in (hwm, later) if x is not None) \
                if (hwm or later) else None
            marks.append(("end", time.time()))
        finally:
            s.finish()
        if traced:
            res["writes"] = self.count_writes(strace_out, marks)
            os.unlink(strace_out)
        return res

    def start_once(self, prog, env):
        """Only the start: fork until the first screen shows its text."""
        argv, first = self.argv(prog)
        s = Session(argv, env, self.rows, self.cols,
                    stderr_null=prog in ("dialog", "whiptail"))
        try:
            t, _ = s.wait_text(first)
            s.settle(self.a.quiet)
        finally:
            s.finish()
        return (t - s.t0) * 1000

    @staticmethod
    def count_writes(path, marks):
        """write() calls and bytes to the terminal in each phase."""
        line_re = re.compile(r"^\d+\s+(\d+\.\d+)\s+(?:write|writev|"
                             r"pwrite64)\((\d+)<([^>]*)>.*=\s+(-?\d+)")
        out = {}
        bounds = [t for _, t in marks[1:]] + [float("inf")]
        with open(path, errors="replace") as f:
            for line in f:
                m = line_re.match(line)
                if not m or not (m.group(3).startswith("/dev/pts/") or
                                 m.group(3) == "/dev/tty"):
                    continue
                t = float(m.group(1))
                k = 0
                while t >= bounds[k]:
                    k += 1
                name = marks[k][0]
                key = (name, sum(1 for p, tt in marks[:k + 1]
                                 if p == name))
                c = out.setdefault(key, [0, 0])
                c[0] += 1
                c[1] += max(0, int(m.group(4)))
        # every phase, even one without a write
        for i, (name, _) in enumerate(marks[:-1]):
            key = (name, sum(1 for p, _ in marks[:i + 1] if p == name))
            out.setdefault(key, [0, 0])
        return out

    # ---- catalog load
    def big_catalog(self):
        d = os.path.join(self.tmp, "big")
        os.makedirs(d)
        with open(os.path.join(self.a.catalog, "linkedin.cfg"),
                  encoding="utf-8") as f:
            src = f.read()
        for i in range(1000):
            t = re.sub(r'^id = "linkedin";', 'id = "p%03d";' % i, src,
                       flags=re.M)
            t = re.sub(r'^name = "LinkedIn";', 'name = "Platform %03d";'
                       % i, t, flags=re.M)
            # each its own resume-code slot (docs/catalog.md, "Slots")
            t = re.sub(r'^slot = \d+;', 'slot = %d;' % (100 + i), t,
                       flags=re.M)
            with open(os.path.join(d, "p%03d.cfg" % i), "w",
                      encoding="utf-8") as f:
                f.write(t)
        return d

    def catalog_once(self, args, env):
        t = now()
        r = subprocess.run([self.a.optout] + args, env=env,
                           stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        ms = (now() - t) * 1000
        return ms if r.returncode == 0 else None

    # ---- many sessions at once
    def calibrate_flow(self):
        """The LinkedIn flow's keys, found once on a screen: from the
        list, "3" ticks LinkedIn, then Enter until "what happened?", and
        Enter records."""
        s = Session(self.argv("optout")[0], self.env(), self.rows,
                    self.cols)
        q = self.a.quiet
        keys = [self.keys["Enter"], self.keys["Enter"], b"3"]
        try:
            s.wait_text("Object to AI training")
            self.to_list(s, "optout")
            s.key(b"3", q)
            if not s.screen.contains("[x] LinkedIn"):
                raise RuntimeError("\"3\" did not tick LinkedIn:\n" +
                                   s.screen.dump())
            for _ in range(40):
                s.key(self.keys["Enter"], q)
                keys.append(self.keys["Enter"])
                if s.screen.contains("what happened?"):
                    break
            else:
                raise RuntimeError("no \"what happened?\" in the "
                                   "LinkedIn flow:\n" + s.screen.dump())
            s.key(self.keys["Enter"], q)
            keys.append(self.keys["Enter"])
        finally:
            s.finish()
        return keys

    def concurrent(self, prog, n, flow):
        """n sessions; each waits for its first screen, then types flow
        with a pause of its own after each answer."""
        rng = random.Random(n * 7 + PROGRAMS.index(prog))
        argv, first = self.argv(prog)
        if prog != "optout":
            nav = [self.keys["Down"], self.keys["Down"], self.keys["Space"]]
            flow = [nav[i % 3] for i in range(len(flow))]
        sel = selectors.DefaultSelector()
        sess, lat, starts, fails = [], [], [], 0
        gap = self.a.stagger / max(1, n)
        state = {}
        t_begin = now()
        next_start = t_begin
        homes = []
        pending = n

        def send(s):
            st = state[s.fd]
            s.nbytes_before = s.nbytes
            st["sent"] = now()
            st["last"] = None
            os.write(s.fd, flow[st["i"]])
            st["i"] += 1

        while pending > 0 or len(sess) < n:
            t = now()
            if len(sess) < n and t >= next_start:
                home = os.path.join(self.tmp, "c%s%d" % (prog, len(sess)))
                homes.append(home)
                s = Session(argv, self.env(home), self.rows, self.cols,
                            stderr_null=prog in ("dialog", "whiptail"))
                sess.append(s)
                state[s.fd] = {"i": 0, "sent": None, "last": None,
                               "started": False,
                               "due": t + self.a.timeout,
                               "think": 0.0, "s": s}
                sel.register(s.fd, selectors.EVENT_READ, s)
                next_start = t_begin + gap * len(sess)
                continue
            timeout = 0.05
            if len(sess) < n:
                timeout = max(0.0, min(timeout, next_start - now()))
            for st in state.values():
                if st["due"] is not None:
                    timeout = max(0.0, min(timeout, st["due"] - now()))
            for k, _ in sel.select(timeout):
                s = k.data
                st = state[s.fd]
                if not s.read_ready():
                    sel.unregister(s.fd)
                    if st["due"] is not None:   # ended before its flow
                        fails += 1
                        pending -= 1
                        st["due"] = None
                    continue
                t = s.last_t
                if not st["started"]:
                    if s.screen.contains(first):
                        st["started"] = True
                        starts.append(t - s.t0)
                        s.screen = None     # from now on: bytes only
                        st["think"] = rng.uniform(*self.a.think)
                        st["due"] = t + st["think"]
                    continue
                if st["sent"] is not None:
                    st["last"] = t
                    st["think"] = rng.uniform(*self.a.think)
                    st["due"] = t + st["think"]
            t = now()
            for st in state.values():
                if st["due"] is None or t < st["due"]:
                    continue
                s = st["s"]
                if not st["started"]:           # no first screen
                    fails += 1
                    st["due"] = None
                    pending -= 1
                    continue
                if st["sent"] is not None:      # the answer is complete
                    if st["last"] is None:
                        fails += 1
                        st["due"] = None
                        pending -= 1
                        continue
                    lat.append(st["last"] - st["sent"])
                    st["sent"] = None
                if st["i"] >= len(flow):
                    st["due"] = None
                    pending -= 1
                    continue
                send(s)
                st["due"] = t + self.a.timeout  # no answer: a failure
        # all done: memory of all sessions together, then the end
        pss = sum(p for p in (proc_pss(s.target_pid()) for s in sess)
                  if p is not None)
        rss = sum(p for p in (proc_status(s.target_pid(), "VmRSS")
                              for s in sess) if p is not None)
        sel.close()
        for s in sess:
            s.finish()
        if prog == "optout":            # did every flow reach its end?
            for home in homes:
                try:
                    with open(home + "/state/optout/progress.cfg") as f:
                        text = f.read()
                except OSError:
                    text = ""
                if not re.search(r'id = "linkedin";[^\n]*status = "done"',
                                 text):
                    fails += 1
        for home in homes:
            shutil.rmtree(home, ignore_errors=True)
        return {"lat": lat, "starts": starts, "pss_kib": pss,
                "rss_kib": rss, "fails": fails}


# ---------------------------------------------------------------- report


def fmt(v, digits=1):
    if v is None:
        return "-"
    if isinstance(v, str):
        return v
    if digits == 0 and v != round(v):
        return "%.1f" % v               # the median of an even count
    return ("%." + str(digits) + "f") % v


def machine(a):
    """What the figures were measured on."""
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = proc_meminfo()
    vers = []
    for pkg in ("libncursesw6", "dialog", "whiptail", "libconfig9"):
        try:
            v = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg],
                               capture_output=True, text=True).stdout
        except OSError:
            v = ""
        vers.append("%s %s" % (pkg, v or "?"))
    osr = "?"
    try:
        with open("/etc/os-release") as f:
            m = re.search(r'^PRETTY_NAME="?([^"\n]*)', f.read(), re.M)
            osr = m.group(1) if m else "?"
    except OSError:
        pass
    return "%s, %d CPUs, %.1f GiB, %s, Linux %s; %s" % (
        cpu, os.cpu_count(), mem / 1024 / 1024, osr, os.uname().release,
        ", ".join(vers))


def proc_meminfo():
    try:
        with open("/proc/meminfo") as f:
            return int(f.readline().split()[1])
    except (OSError, ValueError, IndexError):
        return 0


def ratio(a, b):
    if a is None or b is None or b == 0:
        return "-"
    return "%.2f" % (a / b)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    top = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(
        description="What a user of optout feels, against dialog, whiptail "
        "and a bare ncurses floor: prints one table (docs/performance.md).")
    ap.add_argument("--optout", default=os.path.join(top, "optout"),
                    help="the optout binary")
    ap.add_argument("--floor", default=os.path.join(top, "tests/bench/floor"),
                    help="the floor binary (tests/bench/floor.c)")
    ap.add_argument("--catalog", default=os.path.join(top,
                                                      "config/platforms"),
                    help="the shipped catalog, for the catalog load times")
    ap.add_argument("--optout-arg", action="append", default=[],
                    help="one more argument for optout in its pty, e.g. "
                    "--optout-arg=--catalog --optout-arg=DIR")
    ap.add_argument("--runs", type=int, default=10,
                    help="single-session runs of each program (medians)")
    ap.add_argument("--start-runs", type=int, default=30,
                    help="further runs of each program that only start it "
                    "(the start's median is over runs + start-runs)")
    ap.add_argument("--size", default="80x24", help="COLSxROWS")
    ap.add_argument("--resize", default="100x30",
                    help="COLSxROWS after the resize")
    ap.add_argument("--term", default="xterm-256color")
    ap.add_argument("--sessions", default="50,200",
                    help="numbers of sessions at once")
    ap.add_argument("--rounds", type=int, default=2,
                    help="runs of each many-sessions test (pooled)")
    ap.add_argument("--quiet", type=float, default=0.2,
                    help="an answer is complete after this many seconds "
                    "without output")
    ap.add_argument("--think", default="0.2,0.5",
                    help="pause of a person after each answer, seconds")
    ap.add_argument("--stagger", type=float, default=2.0,
                    help="the sessions start within this many seconds")
    ap.add_argument("--timeout", type=float, default=10.0,
                    help="seconds without an answer that fail a session")
    a = ap.parse_args()

    def size(s):
        c, r = s.lower().split("x")
        return int(r), int(c)
    a.size, a.resize = size(a.size), size(a.resize)
    a.think = tuple(float(x) for x in a.think.split(","))
    a.sessions = [int(x) for x in a.sessions.split(",") if x]

    missing = []
    for tool in ("strace", "dialog", "whiptail"):
        path = shutil.which(tool, path="/usr/bin:/bin:/usr/sbin:/sbin")
        setattr(a, tool, path)
        if path is None:
            missing.append(tool)
    if missing:
        sys.exit("bench: missing: %s. Install with: apt-get install %s "
                 "(build-aux/install-deps does it)" % (
                     ", ".join(missing), " ".join(missing)))
    for what, path in (("optout", a.optout), ("floor", a.floor)):
        if not os.access(path, os.X_OK):
            sys.exit("bench: %s is not built: %s (make bench builds it)" %
                     (what, path))

    b = Bench(a)
    t_all = now()
    load0 = os.getloadavg()
    print("bench: " + machine(a), flush=True)
    print("bench: %d runs A B C D interleaved, %dx%d, resize to %dx%d, "
          "TERM=%s, %d platforms" % (a.runs, a.size[1], a.size[0],
                                     a.resize[1], a.resize[0], a.term,
                                     len(b.items)), flush=True)

    # 1-3: single sessions, timed and traced, interleaved
    # optout's cache of the parsed catalog was made by platform_list(),
    # as by a person's first start; cold: a start without one
    timed = {p: [] for p in PROGRAMS}
    traced = {p: [] for p in PROGRAMS}
    cold = []
    for r in range(a.runs):
        for p in PROGRAMS:
            timed[p].append(b.run_once(p, False))
        cold.append(b.start_once("optout", b.env(cache=b.fresh_cache())))
        for p in PROGRAMS:
            traced[p].append(b.run_once(p, True))
        print("bench: run %d of %d done" % (r + 1, a.runs), flush=True)
    # more starts alone: they are cheap, and a start on a busy machine
    # varies by a few milliseconds
    for r in range(a.start_runs):
        for p in PROGRAMS:
            timed[p].append({"start_ms": b.start_once(p, b.env())})
        cold.append(b.start_once("optout", b.env(cache=b.fresh_cache())))
    print("bench: %d more starts done" % a.start_runs, flush=True)

    # 4: catalog load. --list reads the cache of the parsed catalog
    # (made by one --list before), "no cache" is a first start ever (a
    # fresh cache directory each time: parse, then write the cache);
    # --check-catalog always parses.
    big = b.big_catalog()
    nship = len([f for f in os.listdir(a.catalog) if f.endswith(".cfg")])
    cat_cases = []
    for n, d in ((nship, a.catalog), (1000, big)):
        cat_cases += [
            ("catalog %d files: --check-catalog (ms)" % n,
             ["--check-catalog", d], None),
            ("catalog %d files: --list (ms)" % n,
             ["--catalog", d, "--list"], "warm%d" % n),
            ("catalog %d files: --list, no cache (ms)" % n,
             ["--catalog", d, "--list"], "cold")]
    # optout caches no file changed in the last 2 s (its time stamps
    # might not show a change yet): let the generated files settle
    newest = max(os.stat(os.path.join(big, f)).st_ctime
                 for f in os.listdir(big))
    time.sleep(max(0.0, newest + 2.5 - time.time()))
    cat = {name: [] for name, _, _ in cat_cases}
    for name, args, cache in cat_cases:
        if cache not in (None, "cold"):     # make the cache once
            b.catalog_once(args, b.env(cache=os.path.join(b.tmp, cache)))
    for r in range(a.runs):
        for name, args, cache in cat_cases:
            env = b.env(cache=b.fresh_cache() if cache in (None, "cold")
                        else os.path.join(b.tmp, cache))
            cat[name].append(b.catalog_once(args, env))
    print("bench: catalog done", flush=True)

    # 5: many sessions
    flow = b.calibrate_flow()
    conc = {}
    for r in range(a.rounds):
        for n in a.sessions:
            for p in PROGRAMS:
                res = b.concurrent(p, n, flow)
                c = conc.setdefault((p, n), {"lat": [], "starts": [],
                                             "pss": [], "rss": [],
                                             "fails": 0})
                c["lat"] += res["lat"]
                c["starts"] += res["starts"]
                c["pss"].append(res["pss_kib"])
                c["rss"].append(res["rss_kib"])
                c["fails"] += res["fails"]
        print("bench: sessions round %d of %d done" % (r + 1, a.rounds),
              flush=True)
    load1 = os.getloadavg()

    # ---- the table
    rows = []   # (label, {prog: value}, target text, met or None, digits)

    def phase_vals(p, name, field):
        """Median over runs and repeats of a keystroke's figure."""
        v = []
        if field in ("bytes", "ms"):
            for r in timed[p]:
                for got, lat in r.get(name, []):
                    if field == "bytes":
                        v.append(got)
                    else:
                        v.append(None if lat is None else lat * 1000)
        else:
            for r in traced[p]:
                for (ph, _), (nw, nb) in r["writes"].items():
                    if ph == name:
                        v.append(nw if field == "writes" else nb)
        return median(v)

    def row(label, vals, target="", met=None, digits=1):
        rows.append((label, vals, target, met, digits))

    st = {p: median([r["start_ms"] for r in timed[p]]) for p in PROGRAMS}
    row("start to first screen (ms)", st,
        "<=1.5x floor, < dialog, < whiptail",
        st["optout"] <= 1.5 * st["floor"] and st["optout"] < st["dialog"]
        and st["optout"] < st["whiptail"], 2)
    row("start, no catalog cache yet (ms)", {"optout": median(cold),
                                             "floor": st["floor"],
                                             "dialog": st["dialog"],
                                             "whiptail": st["whiptail"]},
        digits=2)
    row("bytes written until then",
        {p: median([r.get("start_bytes") for r in timed[p]])
         for p in PROGRAMS},
        digits=0)
    row("first screen, all: bytes", {p: median(
        [r["writes"][("start", 1)][1] for r in traced[p]])
        for p in PROGRAMS}, digits=0)
    row("first screen, all: write() calls", {p: median(
        [r["writes"][("start", 1)][0] for r in traced[p]])
        for p in PROGRAMS}, digits=0)
    for name in ("Down", "Space", "Enter", "resize"):
        label = name if name != "resize" else "resize %dx%d" % (
            a.resize[1], a.resize[0])
        by = {p: phase_vals(p, name, "sbytes") for p in PROGRAMS}
        wr = {p: phase_vals(p, name, "writes") for p in PROGRAMS}
        ms = {p: phase_vals(p, name, "ms") for p in PROGRAMS}
        if name == "Enter":
            label += " (dialog, whiptail: end)"
        if name in ("Down", "Space"):
            row(label + ": bytes", by, "<= whiptail",
                by["optout"] <= by["whiptail"], 0)
            row(label + ": write() calls", wr, "1",
                wr["optout"] is not None and wr["optout"] <= 1, 0)
        elif name == "resize":
            row(label + ": bytes", by, "<= floor",
                by["optout"] <= by["floor"], 0)
            row(label + ": write() calls", wr, digits=0)
        else:
            row(label + ": bytes", by, digits=0)
            row(label + ": write() calls", wr, digits=0)
        row(label + ": latency (ms)", ms, digits=2)
    hwm = {p: median([r.get("hwm_kib") for r in timed[p]]) for p in PROGRAMS}
    row("peak resident memory (KiB)", hwm, "<= floor + 2048",
        hwm["optout"] <= hwm["floor"] + 2048, 0)
    for name, _, cache in cat_cases:
        v = median(cat[name])
        target = "1000" in name and cache not in (None, "cold")
        row(name, {"optout": v}, "< 50" if target else "",
            (v is not None and v < 50) if target else None, 1)
    for n in a.sessions:
        c = {p: conc[(p, n)] for p in PROGRAMS}
        p50 = {p: pct([x * 1000 for x in c[p]["lat"]], 50) for p in PROGRAMS}
        p99 = {p: pct([x * 1000 for x in c[p]["lat"]], 99) for p in PROGRAMS}
        row("%d sessions: keystroke p50 (ms)" % n, p50, digits=2)
        row("%d sessions: keystroke p99 (ms)" % n, p99,
            "< 50" if n >= 200 else "",
            (p99["optout"] is not None and p99["optout"] < 50)
            if n >= 200 else None, 2)
        row("%d sessions: start p50 (ms)" % n,
            {p: pct([x * 1000 for x in c[p]["starts"]], 50)
             for p in PROGRAMS}, digits=1)
        row("%d sessions: memory, all (PSS MiB)" % n,
            {p: median(c[p]["pss"]) / 1024 for p in PROGRAMS})
        row("%d sessions: keystrokes measured" % n,
            {p: len(c[p]["lat"]) for p in PROGRAMS}, digits=0)
        row("%d sessions: failed sessions" % n,
            {p: c[p]["fails"] for p in PROGRAMS}, digits=0)

    w0 = max(len(r[0]) for r in rows)
    head = ("%-*s %9s %9s %9s %9s  %7s %7s %7s  %s" % (
        w0, "", "optout", "floor", "dialog", "whiptail", "/floor",
        "/dialog", "/whipt", "target"))
    print()
    print(head)
    print("-" * len(head))
    for label, vals, target, met, digits in rows:
        o = vals.get("optout")
        line = "%-*s %9s %9s %9s %9s  %7s %7s %7s  %s" % (
            w0, label, fmt(o, digits), fmt(vals.get("floor"), digits),
            fmt(vals.get("dialog"), digits), fmt(vals.get("whiptail"),
                                                 digits),
            ratio(o, vals.get("floor")), ratio(o, vals.get("dialog")),
            ratio(o, vals.get("whiptail")),
            (target + (" met" if met else " MISSED")) if met is not None
            else target)
        print(line.rstrip())
    print()
    print("medians of %d runs (keys: 3 Downs per run; starts: %d runs); "
          "many sessions: %d rounds pooled, pause %.1f-%.1f s after each "
          "answer, starts spread over %.1f s" % (
              a.runs, a.runs + a.start_runs, a.rounds, a.think[0],
              a.think[1], a.stagger))
    print("load average before %.2f, after %.2f; %d CPUs; %.0f s" % (
        load0[0], load1[0], os.cpu_count(), now() - t_all))
    shutil.rmtree(b.tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
