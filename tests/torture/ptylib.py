"""ptylib.py: optout in a pseudo-terminal, for the torture tests.

Each Session runs the program the way a shell with job control does: in a
session of its own with the pseudo-terminal as its controlling terminal,
in its own process group in the foreground, below a small stand-in for
the shell. So Ctrl-Z and SIGTSTP really stop it (an orphaned process
group would ignore them), and a stopped program can be inspected and
continued. Everything it writes is kept byte for byte (self.raw) and, if
asked, fed to the terminal emulator of tests/bench/vt.py.

TAP output, the environment of a test run, sanitizer logs and clean-up
(no process is ever left behind) are here too. Standard library only.
"""

import atexit
import errno
import fcntl
import os
import pty
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

SRCDIR = os.environ.get("top_srcdir") or os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
BUILDDIR = os.environ.get("top_builddir") or SRCDIR
OPTOUT = os.path.join(BUILDDIR, "optout")
STATETOOL = os.path.join(BUILDDIR, "tests", "torture", "statetool")
LONG = bool(os.environ.get("TORTURE_LONG"))

sys.path.insert(0, os.path.join(SRCDIR, "tests", "bench"))
import vt  # noqa: E402  (tests/bench/vt.py)

SESSIONS = []


def now():
    return time.monotonic()


def sanitized(binary=OPTOUT):
    """True for an ASan or UBSan build."""
    try:
        with open(binary, "rb") as f:
            data = f.read()
    except OSError:
        return False
    return b"__asan_init" in data or b"__ubsan_handle" in data


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def plan(self, n):
        print("1..%d" % n)
        sys.stdout.flush()

    def ok(self, good, what, detail=""):
        self.n += 1
        if good:
            print("ok %d - %s" % (self.n, what))
        else:
            self.failed += 1
            print("not ok %d - %s" % (self.n, what))
            for line in str(detail).rstrip().splitlines()[:60]:
                print("# " + line)
        sys.stdout.flush()

    def skip(self, what, why):
        self.n += 1
        print("ok %d - %s # SKIP %s" % (self.n, what, why))
        sys.stdout.flush()

    def diag(self, text):
        for line in str(text).splitlines():
            print("# " + line)
        sys.stdout.flush()

    def bail(self, why):
        print("Bail out! " + why)
        sys.exit(1)


class World:
    """A private home, state, config and sanitizer log directory."""

    def __init__(self, name):
        self.dir = tempfile.mkdtemp(prefix="optout-%s." % name)
        self.home = os.path.join(self.dir, "home")
        self.state = os.path.join(self.dir, "state")
        self.config = os.path.join(self.dir, "config")
        self.san = os.path.join(self.dir, "san")
        for d in (self.home, self.state, self.config, self.san):
            os.mkdir(d)
        atexit.register(shutil.rmtree, self.dir, True)

    def state_file(self):
        return os.path.join(self.state, "optout", "progress.cfg")

    def env(self, **extra):
        def add(var, more):
            have = os.environ.get(var, "")
            return have + ":" + more if have else more
        e = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "TZ": "UTC",
            "OPTOUT_NOW": "2026-11-22T10:30",
            "HOME": self.home,
            "XDG_STATE_HOME": self.state,
            "XDG_CONFIG_HOME": self.config,
            "ASAN_OPTIONS": add("ASAN_OPTIONS",
                                "log_path=%s/asan" % self.san),
            "UBSAN_OPTIONS": add("UBSAN_OPTIONS",
                                 "log_path=%s/ubsan" % self.san),
        }
        if "LSAN_OPTIONS" in os.environ:
            e["LSAN_OPTIONS"] = os.environ["LSAN_OPTIONS"]
        for k, v in extra.items():
            if v is None:
                e.pop(k, None)
            else:
                e[k] = v
        return e

    def reports(self):
        """The sanitizer reports written so far: {file: first lines}."""
        out = {}
        for f in sorted(os.listdir(self.san)):
            with open(os.path.join(self.san, f), errors="replace") as fh:
                out[f] = "".join(fh.readlines()[:40])
        return out

    def state_valid(self):
        """None if the state file loads (or is not there yet), else why."""
        p = subprocess.run([STATETOOL, "valid", self.state_file()],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True, timeout=30)
        return None if p.returncode == 0 else p.stdout.strip()


def set_size(fd, rows, cols):
    fcntl.ioctl(fd, termios.TIOCSWINSZ,
                struct.pack("HHHH", rows, cols, 0, 0))


def proc_state(pid):
    """The state letter of /proc/PID/stat (R, S, T, Z, ...), or None."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            s = f.read()
    except OSError:
        return None
    return s[s.rindex(")") + 2]


class Session:
    """One program in a pseudo-terminal, as a shell with job control runs
    it (see the module's comment)."""

    def __init__(self, argv, env, rows=24, cols=80, emulate=True):
        self.rows, self.cols = rows, cols
        self.raw = bytearray()
        self.screen = vt.Screen(rows, cols) if emulate else None
        self.status = None          # the wait status once it has ended
        self.last_out = now()
        master, slave = pty.openpty()
        self.slave_name = os.ttyname(slave)
        set_size(master, rows, cols)
        # A key that sends a signal (Ctrl-C, Ctrl-\, Ctrl-Z) makes the
        # kernel discard the output not yet read from the master. A real
        # terminal has shown that output long before; this harness may
        # not have read it yet, and would then miss, say, the program's
        # leaving of the alternate screen. NOFLSH keeps it.
        attrs = termios.tcgetattr(master)
        attrs[3] |= termios.NOFLSH
        termios.tcsetattr(master, termios.TCSANOW, attrs)
        self.initial = termios.tcgetattr(master)
        r, w = os.pipe()
        # Held back from the fork to the exec: a signal that a test sends
        # in between would otherwise meet this harness's Python handlers
        # (below), which only set a flag that the exec then forgets, and
        # the program would start as if never signalled.
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
        pid = os.fork()
        if pid == 0:
            self._shell(argv, env, master, slave, r, w, mask)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        os.close(slave)
        os.close(w)
        self.master, self.shell, self.status_fd = master, pid, r
        os.set_blocking(master, False)
        line = b""
        while b"\n" not in line:
            chunk = os.read(r, 64)
            if not chunk:
                raise RuntimeError("the stand-in shell failed to start")
            line += chunk
        # a program that ends at once: its status may come in the same read
        pid, self._status_buf = line.split(b"\n", 1)
        self.pid = int(pid)
        os.set_blocking(r, False)
        SESSIONS.append(self)
        self._status_done()

    @staticmethod
    def _shell(argv, env, master, slave, r, w, mask):
        """The child: a session leader that starts the program in the
        foreground and reports its pid and, later, its wait status."""
        try:
            os.close(master)
            os.close(r)
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
            gc = os.fork()
            if gc == 0:
                os.setpgid(0, 0)
                signal.signal(signal.SIGTTOU, signal.SIG_IGN)
                os.tcsetpgrp(slave, os.getpid())
                for s in (signal.SIGTTOU, signal.SIGINT, signal.SIGQUIT,
                          signal.SIGTSTP, signal.SIGPIPE, signal.SIGHUP,
                          signal.SIGTERM):
                    signal.signal(s, signal.SIG_DFL)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                if slave > 2:
                    os.close(slave)
                os.close(w)
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)
                os.execve(argv[0], argv, env)
            try:
                os.setpgid(gc, gc)
            except OSError:
                pass
            os.close(slave)
            signal.signal(signal.SIGHUP, signal.SIG_IGN)
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
            os.write(w, b"%d\n" % gc)
            while True:
                try:
                    _, st = os.waitpid(gc, 0)
                    break
                except InterruptedError:
                    continue
            os.write(w, b"%d\n" % st)
        finally:
            os._exit(0)

    # --- output
    def _take(self, data):
        self.raw += data
        self.last_out = now()
        if self.screen is not None:
            self.screen.feed(data)

    def _poll_status(self):
        if self.status is not None:
            return
        try:
            chunk = os.read(self.status_fd, 64)
        except BlockingIOError:
            return
        if not chunk:
            # the stand-in died without a word: count it as a kill
            self.status = -1
        self._status_buf += chunk
        self._status_done()

    def _status_done(self):
        """The wait status, once the stand-in shell has written it all."""
        if self._status_buf.endswith(b"\n"):
            self.status = int(self._status_buf)
            try:
                os.waitpid(self.shell, 0)
            except ChildProcessError:
                pass

    def pump(self, timeout=0.0):
        """Reads what comes within timeout seconds (at least one read);
        returns the number of bytes read."""
        end = now() + timeout
        got = 0
        while True:
            left = max(0.0, end - now())
            fds = [self.master]
            if self.status is None:
                fds.append(self.status_fd)
            r, _, _ = select.select(fds, [], [], left)
            if self.status_fd in r:
                self._poll_status()
            if self.master in r:
                try:
                    data = os.read(self.master, 65536)
                except OSError as e:    # EIO: every slave end is closed
                    if e.errno not in (errno.EIO, errno.EAGAIN):
                        raise
                    data = b""
                if data:
                    self._take(data)
                    got += len(data)
                    continue
                if self.status is not None:
                    return got
                time.sleep(0.01)
            if now() >= end:
                return got

    def wait_output(self, timeout=10.0):
        """Waits until some output comes; returns its size (0: none)."""
        end = now() + timeout
        before = len(self.raw)
        while len(self.raw) == before and now() < end:
            self.pump(0.05)
            if self.status is not None:
                break
        return len(self.raw) - before

    def settle(self, quiet=0.1, limit=5.0):
        """Reads until nothing comes for quiet seconds (or limit)."""
        end = now() + limit
        while now() < end:
            if self.pump(quiet) == 0:
                return

    def wait_text(self, text, timeout=10.0):
        end = now() + timeout
        while not self.screen.contains(text):
            if now() > end or self.status is not None:
                return False
            self.pump(0.05)
        return True

    def flat(self):
        return " ".join(" ".join(self.screen.lines()).split())

    def said(self, text, timeout=10.0):
        """Waits until everything written so far, blanks folded, holds
        text (for lines that may have scrolled away)."""
        end = now() + timeout
        while True:
            flat = " ".join(self.raw.decode("utf-8", "replace").split())
            if text in flat:
                return True
            if now() > end or self.status is not None:
                return False
            self.pump(0.05)

    def wait_flat(self, text, timeout=10.0):
        end = now() + timeout
        while text not in self.flat():
            if now() > end or self.status is not None:
                return False
            self.pump(0.05)
        return True

    # --- input
    def send(self, data, timeout=10.0):
        """Writes data, reading the program's output meanwhile (it may
        not read its keys while its own writes wait)."""
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogateescape")
        end = now() + timeout
        while data:
            if self.status is not None:
                return False
            _, w, _ = select.select([], [self.master], [], 0.05)
            if w:
                try:
                    n = os.write(self.master, data)
                    data = data[n:]
                except BlockingIOError:
                    pass
                except OSError:
                    return False
            self.pump(0.0)
            if now() > end:
                return False
        return True

    def press(self, data, quiet=0.15, timeout=10.0):
        """Sends keys and waits for the answer: some output, then quiet
        for a while (a slow build takes its time to redraw)."""
        self.settle(0.0, 1.0)
        self.send(data)
        if self.wait_output(timeout):
            self.settle(quiet, timeout)

    def resize(self, rows, cols):
        """TIOCSWINSZ on the terminal: the kernel sends SIGWINCH to the
        foreground process group when the size changes."""
        self.rows, self.cols = rows, cols
        if self.screen is not None:
            self.screen.resize(rows, cols)
        set_size(self.master, rows, cols)

    # --- the process
    def state(self):
        return proc_state(self.pid) if self.status is None else None

    def stopped(self):
        return self.state() == "T"

    def alive(self):
        self._poll_status()
        return self.status is None and self.state() not in (None, "Z")

    def wait_exit(self, timeout=5.0):
        end = now() + timeout
        while self.status is None and now() < end:
            self.pump(0.05)
        return self.status

    def termios_diff(self):
        """How the terminal's modes differ from before the program ran
        (empty when it was left as it was found)."""
        try:
            cur = termios.tcgetattr(self.master)
        except termios.error as e:
            return ["tcgetattr: %s" % e]
        names = ["iflag", "oflag", "cflag", "lflag"]
        diff = []
        for i, name in enumerate(names):
            if cur[i] != self.initial[i]:
                diff.append("%s %#o, was %#o" % (name, cur[i],
                                                 self.initial[i]))
        return diff

    def canonical(self):
        """True while the terminal reads whole lines (the linear mode,
        or before and after curses)."""
        try:
            return bool(termios.tcgetattr(self.master)[3] & termios.ICANON)
        except termios.error:
            return False

    def stty(self):
        p = subprocess.run(["stty", "-a", "-F", self.slave_name],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True)
        return p.stdout.strip()

    def kill(self, sig):
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def close(self):
        """Ends the program if it still runs (SIGCONT, SIGTERM, then
        SIGKILL after 5 s) and reaps everything; never leaves a process."""
        if self.status is None:
            if self.stopped():
                self.kill(signal.SIGCONT)
            self.kill(signal.SIGTERM)
            if self.wait_exit(5.0) is None:
                self.kill(signal.SIGKILL)
                self.wait_exit(5.0)
        if self.status is None:
            try:
                os.kill(self.shell, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            os.waitpid(self.shell, 0)
        except ChildProcessError:
            pass
        for fd in (self.master, self.status_fd):
            try:
                os.close(fd)
            except OSError:
                pass
        if self in SESSIONS:
            SESSIONS.remove(self)


def _close_all(*_):
    for s in list(SESSIONS):
        s.close()


atexit.register(_close_all)
HELD = {signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGQUIT,
        signal.SIGTSTP, signal.SIGPIPE}
for _sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
    signal.signal(_sig, lambda s, f: (_close_all(), sys.exit(128 + s)))


def exit_text(status):
    """A wait status in words."""
    if status is None:
        return "still running"
    if status < 0:
        return "unknown (the stand-in shell died)"
    if os.WIFEXITED(status):
        return "exit %d" % os.WEXITSTATUS(status)
    if os.WIFSIGNALED(status):
        return "killed by signal %d" % os.WTERMSIG(status)
    return "status %#x" % status


def exit_code(status):
    """The shell's $?: the exit status, or 128 + a fatal signal."""
    if status is None or status < 0:
        return None
    if os.WIFEXITED(status):
        return os.WEXITSTATUS(status)
    return 128 + os.WTERMSIG(status)


# Escape sequences a program that restores the terminal sends last.
RMCUP = b"\x1b[?1049l"
SMCUP = b"\x1b[?1049h"


def screen_left(raw):
    """True if the last alternate-screen switch in raw leaves it (or
    there was none)."""
    return raw.rfind(SMCUP) <= raw.rfind(RMCUP)


def make_de_locale(tap):
    """A de_DE.UTF-8 locale in a temporary LOCPATH, or None with a
    diagnostic when localedef cannot make it."""
    d = tempfile.mkdtemp(prefix="optout-locale.")
    atexit.register(shutil.rmtree, d, True)
    p = subprocess.run(["localedef", "-i", "de_DE", "-f", "UTF-8",
                        os.path.join(d, "de_DE.UTF-8")],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True)
    if not os.path.isdir(os.path.join(d, "de_DE.UTF-8")):
        tap.diag("localedef failed: " + p.stdout)
        return None
    return d
