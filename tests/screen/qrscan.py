#!/usr/bin/python3
"""qrscan.py: a screen captured with `tmux capture-pane -p -e -N` as an image.

Every cell becomes two pixels, one above the other: a blank shows its
background colour, a full block its foreground, the half blocks one of
each. Any other character counts as its background (a '#' drawn in the
terminal's own colours is a thin glyph, not a dark cell). Colours the
program did not set are the terminal's defaults, which this script takes
as dark (--theme dark: light text on a dark background, the common case)
or light (--theme light). A QR code that only works when the defaults
happen to be dark on light therefore fails with --theme dark.

    qrscan.py --theme dark|light CAPTURE OUT.pgm

Writes a grey-scale PGM (4 x 4 pixels per pixel), for zbarimg.
"""
import re
import sys

SCALE = 4
SGR = re.compile(r"\x1b\[([0-9;]*)m")
# 256-colour palette indices 0-15 that are light; the cube and the grey
# ramp are judged by their level.
LIGHT_BASIC = {2, 3, 6, 7, 10, 11, 12, 13, 14, 15}


def light_of(colour, default_light):
    """True if the colour is light; None is the terminal's default."""
    if colour is None:
        return default_light
    kind, value = colour
    if kind == "rgb":
        r, g, b = value
        return 0.299 * r + 0.587 * g + 0.114 * b > 127
    n = value
    if n < 16:
        return n in LIGHT_BASIC
    if n < 232:
        n -= 16
        r, g, b = n // 36, (n // 6) % 6, n % 6
        return 0.299 * r + 0.587 * g + 0.114 * b > 2.5
    return n - 232 > 11


def apply_sgr(params, st):
    codes = [int(p) if p else 0 for p in params.split(";")] if params else [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            st.update(fg=None, bg=None, rev=False)
        elif c == 7:
            st["rev"] = True
        elif c == 27:
            st["rev"] = False
        elif 30 <= c <= 37:
            st["fg"] = ("idx", c - 30)
        elif 90 <= c <= 97:
            st["fg"] = ("idx", c - 90 + 8)
        elif c == 39:
            st["fg"] = None
        elif 40 <= c <= 47:
            st["bg"] = ("idx", c - 40)
        elif 100 <= c <= 107:
            st["bg"] = ("idx", c - 100 + 8)
        elif c == 49:
            st["bg"] = None
        elif c in (38, 48) and i + 1 < len(codes):
            key = "fg" if c == 38 else "bg"
            if codes[i + 1] == 5 and i + 2 < len(codes):
                st[key] = ("idx", codes[i + 2])
                i += 2
            elif codes[i + 1] == 2 and i + 4 < len(codes):
                st[key] = ("rgb", tuple(codes[i + 2:i + 5]))
                i += 4
        i += 1


def cells(line, st):
    """The cells of one captured line: (char, fg, bg, reverse)."""
    out = []
    pos = 0
    for m in SGR.finditer(line):
        for ch in line[pos:m.start()]:
            out.append((ch, st["fg"], st["bg"], st["rev"]))
        apply_sgr(m.group(1), st)
        pos = m.end()
    for ch in line[pos:]:
        out.append((ch, st["fg"], st["bg"], st["rev"]))
    return out


def pixels(cell, dark_theme):
    ch, fg, bg, rev = cell
    fg_light = light_of(fg, dark_theme)        # default text: light on dark
    bg_light = light_of(bg, not dark_theme)
    if rev:
        fg_light, bg_light = bg_light, fg_light
    if ch == "\u2588":
        return fg_light, fg_light
    if ch == "\u2580":
        return fg_light, bg_light
    if ch == "\u2584":
        return bg_light, fg_light
    return bg_light, bg_light


def main():
    if len(sys.argv) != 5 or sys.argv[1] != "--theme":
        sys.exit(__doc__)
    dark_theme = sys.argv[2] == "dark"
    with open(sys.argv[3], encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    st = {"fg": None, "bg": None, "rev": False}
    rows = []
    for line in lines:
        top, bottom = [], []
        for cell in cells(line, st):
            t, b = pixels(cell, dark_theme)
            top.append(t)
            bottom.append(b)
        rows += [top, bottom]
    width = max(len(r) for r in rows)
    background = not dark_theme
    with open(sys.argv[4], "wb") as out:
        out.write(b"P5\n%d %d\n255\n" % (width * SCALE, len(rows) * SCALE))
        for r in rows:
            r = r + [background] * (width - len(r))
            line = bytes(255 if light else 0 for light in r for _ in
                         range(SCALE))
            out.write(line * SCALE)


if __name__ == "__main__":
    main()
