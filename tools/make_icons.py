#!/usr/bin/env python3
"""Draws Masthead's toolbar icons (a newspaper masthead: a bold bar over three text lines) as
PNGs with the standard library only. Run once; the PNGs are committed under extension/icons/."""
import struct, zlib, sys, os

def png(size):
    bg, ink, line = (0x1a, 0x3a, 0x6b, 255), (255, 255, 255, 255), (0xc9, 0xd6, 0xee, 255)
    r = size * 0.18
    px = []
    for y in range(size):
        row = []
        for x in range(size):
            cx = min(max(x + 0.5, r), size - r); cy = min(max(y + 0.5, r), size - r)
            inside = (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r
            c = bg if inside else (0, 0, 0, 0)
            fx, fy = (x + 0.5) / size, (y + 0.5) / size
            if inside and 0.2 <= fx <= 0.8:
                if 0.2 <= fy <= 0.38:
                    c = ink
                elif any(a <= fy <= a + 0.07 for a in (0.48, 0.61, 0.74)) and fx <= (0.8 if fy < 0.7 else 0.62):
                    c = line
            row.append(c)
        px.append(row)
    raw = b"".join(b"\x00" + b"".join(bytes(p) for p in row) for row in px)
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")

out = sys.argv[1] if len(sys.argv) > 1 else "extension/icons"
os.makedirs(out, exist_ok=True)
for s in (16, 32, 48, 128):
    open(os.path.join(out, f"icon-{s}.png"), "wb").write(png(s))
