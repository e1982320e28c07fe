"""vt.py: a small terminal emulator, enough to tell what a screen shows.

It understands what ncurses (optout, the floor, dialog) and S-Lang (newt,
whiptail) send to an xterm-256color terminal: cursor addressing and
movement, erasing, inserting and deleting characters and lines, scrolling
regions, repeat (REP), insert mode, autowrap with the pending-wrap state,
the DEC line-drawing set and UTF-8 with wide characters. Attributes and
colours are read and dropped: the benchmark only asks whether a text is on
the screen. Python's standard library only.
"""

import codecs
import re
import unicodedata

# ESC sequences, complete ones only (an incomplete tail waits for more).
_SEQ = re.compile(
    r"\x1b\[([0-9;:?<=>!]*)([ -/]*)([@-~])"     # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"        # OSC ... BEL or ST
    r"|\x1b[P^_][^\x1b]*\x1b\\"                  # DCS, PM, APC ... ST
    r"|\x1b([()*+])(.)"                          # designate G0..G3
    r"|\x1b([ -/]*)([\x30-\x4f\x51-\x5a\x5c\x60-\x7e])",  # others
    re.S)
_PARTIAL = re.compile(
    r"\x1b(?:\[[0-9;:?<=>!]*[ -/]*|\][^\x07\x1b]*\x1b?|[P^_][^\x1b]*\x1b?"
    r"|[()*+]|[ -/]*)\Z", re.S)
_TEXT = re.compile(r"[^\x00-\x1f\x7f-\x9f]+")

# DEC special graphics, as line-drawing programs use it.
_DEC = dict(zip("`afgjklmnopqrstuvwxyz{|}~",
                "◆▒°±┘┐┌└┼⎺⎻─⎼⎽├┤┴┬│≤≥π≠£·"))


def _width(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


class Screen:
    def __init__(self, rows, cols):
        self.rows, self.cols = rows, cols
        self.grid = [[" "] * cols for _ in range(rows)]
        self.y = self.x = 0
        self.wrap_next = False
        self.top, self.bottom = 0, rows - 1
        self.autowrap = True
        self.insert = False
        self.g = ["B", "B", "B", "B"]
        self.gl = 0
        self.saved = (0, 0, ["B", "B", "B", "B"], 0)
        self.last = " "
        self._dec = codecs.getincrementaldecoder("utf-8")("replace")
        self._pending = ""

    # --- what the screen shows
    def lines(self):
        return ["".join(c for c in row if c is not None) for row in
                self.grid]

    def contains(self, text):
        return any(text in line for line in self.lines())

    def dump(self):
        return "\n".join(line.rstrip() for line in self.lines())

    # --- size
    def resize(self, rows, cols):
        grid = [[" "] * cols for _ in range(rows)]
        for y in range(min(rows, self.rows)):
            for x in range(min(cols, self.cols)):
                grid[y][x] = self.grid[y][x]
        self.grid, self.rows, self.cols = grid, rows, cols
        self.top, self.bottom = 0, rows - 1
        self.y, self.x = min(self.y, rows - 1), min(self.x, cols - 1)
        self.wrap_next = False

    # --- input
    def feed(self, data):
        s = self._pending + self._dec.decode(data)
        self._pending = ""
        i, n = 0, len(s)
        while i < n:
            m = _TEXT.match(s, i)
            if m:
                self._text(m.group())
                i = m.end()
                continue
            c = s[i]
            if c == "\x1b":
                m = _SEQ.match(s, i)
                if m is None:
                    if _PARTIAL.match(s, i):
                        self._pending = s[i:]
                        return
                    i += 1          # a stray ESC: ignore it
                    continue
                self._escape(m)
                i = m.end()
                continue
            self._control(c)
            i += 1

    # --- characters
    def _text(self, t):
        charset = self.g[self.gl]
        if charset == "0":
            t = "".join(_DEC.get(ch, ch) for ch in t)
        if t.isascii() and not self.insert:
            self._ascii(t)
        else:
            for ch in t:
                self._char(ch)
        self.last = t[-1]

    def _ascii(self, t):
        while t:
            if self.wrap_next:
                self._newline_wrap()
            room = self.cols - self.x
            part, t = t[:room], t[room:]
            row = self.grid[self.y]
            row[self.x:self.x + len(part)] = part
            self.x += len(part)
            if self.x >= self.cols:
                self.x = self.cols - 1
                if self.autowrap:
                    self.wrap_next = True
                elif t:
                    t = ""

    def _char(self, ch):
        w = _width(ch)
        if w == 0:
            return
        if self.wrap_next:
            self._newline_wrap()
        if w == 2 and self.x == self.cols - 1:
            if not self.autowrap:
                return
            self.grid[self.y][self.x] = " "
            self._newline_wrap()
        row = self.grid[self.y]
        if self.insert:
            del row[self.cols - w:]
            row[self.x:self.x] = [ch] + ([None] if w == 2 else [])
        else:
            row[self.x] = ch
            if w == 2:
                row[self.x + 1] = None
        self.x += w
        if self.x >= self.cols:
            self.x = self.cols - 1
            self.wrap_next = self.autowrap

    def _newline_wrap(self):
        self.wrap_next = False
        self.x = 0
        self._index()

    # --- movement and scrolling
    def _index(self):
        if self.y == self.bottom:
            self._scroll_up(1)
        elif self.y < self.rows - 1:
            self.y += 1

    def _scroll_up(self, n):
        for _ in range(min(n, self.bottom - self.top + 1)):
            del self.grid[self.top]
            self.grid.insert(self.bottom, [" "] * self.cols)

    def _scroll_down(self, n):
        for _ in range(min(n, self.bottom - self.top + 1)):
            del self.grid[self.bottom]
            self.grid.insert(self.top, [" "] * self.cols)

    def _goto(self, y, x):
        self.y = max(0, min(self.rows - 1, y))
        self.x = max(0, min(self.cols - 1, x))
        self.wrap_next = False

    def _control(self, c):
        if c == "\r":
            self.x = 0
            self.wrap_next = False
        elif c in "\n\x0b\x0c":
            self.wrap_next = False
            self._index()
        elif c == "\b":
            if self.x > 0:
                self.x -= 1
            self.wrap_next = False
        elif c == "\t":
            self.x = min(self.cols - 1, (self.x // 8 + 1) * 8)
        elif c == "\x0e":
            self.gl = 1
        elif c == "\x0f":
            self.gl = 0

    def _escape(self, m):
        if m.group(3) is not None:
            self._csi(m.group(1), m.group(2), m.group(3))
        elif m.group(4) is not None:
            self.g["()*+".index(m.group(4))] = m.group(5)
        elif m.group(7) is not None:
            inter, final = m.group(6), m.group(7)
            if inter:
                return
            if final == "7":
                self.saved = (self.y, self.x, list(self.g), self.gl)
            elif final == "8":
                self.y, self.x, g, self.gl = self.saved
                self.g = list(g)
                self.wrap_next = False
            elif final == "M":
                if self.y == self.top:
                    self._scroll_down(1)
                elif self.y > 0:
                    self.y -= 1
            elif final == "D":
                self._index()
            elif final == "E":
                self.x = 0
                self._index()
            elif final == "c":
                self.__init__(self.rows, self.cols)

    def _csi(self, params, inter, final):
        if inter:
            return
        private = params[:1] in ("?", ">", "<", "=", "!")
        if private:
            if final in "hl":
                on = final == "h"
                for p in params[1:].split(";"):
                    if p == "7":
                        self.autowrap = on
            return
        ps = [int(p) if p.isdigit() else 0 for p in
              params.replace(":", ";").split(";")] if params else []

        def arg(i, default=1):
            v = ps[i] if i < len(ps) else 0
            return v if v > 0 else default

        row = self.grid[self.y]
        if final in "Hf":
            self._goto(arg(0) - 1, arg(1) - 1)
        elif final == "A":
            self._goto(max(self.y - arg(0), 0 if self.y < self.top
                           else self.top), self.x)
        elif final == "B":
            self._goto(min(self.y + arg(0), self.rows - 1 if
                           self.y > self.bottom else self.bottom), self.x)
        elif final == "C":
            self._goto(self.y, self.x + arg(0))
        elif final == "D":
            self._goto(self.y, self.x - arg(0))
        elif final == "E":
            self._goto(self.y + arg(0), 0)
        elif final == "F":
            self._goto(self.y - arg(0), 0)
        elif final in "G`":
            self._goto(self.y, arg(0) - 1)
        elif final == "d":
            self._goto(arg(0) - 1, self.x)
        elif final == "J":
            mode = ps[0] if ps else 0
            if mode == 0:
                row[self.x:] = [" "] * (self.cols - self.x)
                for y in range(self.y + 1, self.rows):
                    self.grid[y] = [" "] * self.cols
            elif mode == 1:
                row[:self.x + 1] = [" "] * (self.x + 1)
                for y in range(0, self.y):
                    self.grid[y] = [" "] * self.cols
            else:
                self.grid = [[" "] * self.cols for _ in range(self.rows)]
        elif final == "K":
            mode = ps[0] if ps else 0
            if mode == 0:
                row[self.x:] = [" "] * (self.cols - self.x)
            elif mode == 1:
                row[:self.x + 1] = [" "] * (self.x + 1)
            else:
                self.grid[self.y] = [" "] * self.cols
            self.wrap_next = False
        elif final == "X":
            n = min(arg(0), self.cols - self.x)
            row[self.x:self.x + n] = [" "] * n
        elif final == "P":
            n = min(arg(0), self.cols - self.x)
            del row[self.x:self.x + n]
            row.extend([" "] * n)
        elif final == "@":
            n = min(arg(0), self.cols - self.x)
            row[self.x:self.x] = [" "] * n
            del row[self.cols:]
        elif final in "LM":
            if self.top <= self.y <= self.bottom:
                n = min(arg(0), self.bottom - self.y + 1)
                for _ in range(n):
                    if final == "L":
                        del self.grid[self.bottom]
                        self.grid.insert(self.y, [" "] * self.cols)
                    else:
                        del self.grid[self.y]
                        self.grid.insert(self.bottom, [" "] * self.cols)
                self.x = 0
        elif final == "S":
            self._scroll_up(arg(0))
        elif final == "T":
            self._scroll_down(arg(0))
        elif final == "r":
            top, bottom = arg(0) - 1, arg(1, self.rows) - 1
            if 0 <= top < bottom < self.rows:
                self.top, self.bottom = top, bottom
                self._goto(0, 0)
        elif final == "b":
            self._text(self.last * arg(0))
        elif final == "s":
            self.saved = (self.y, self.x, list(self.g), self.gl)
        elif final == "u":
            self.y, self.x, g, self.gl = self.saved
            self.g = list(g)
        elif final in "hl":
            if 4 in ps:
                self.insert = final == "h"
