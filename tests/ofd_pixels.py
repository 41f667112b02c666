"""ofd_pixels.py A.png B.png [MAX]: how far two renderings of a page differ.

Both are made grey; a pixel is ink when darker than mid-grey. Ink of one
image that has no ink of the other within two pixels (a 5x5 neighbourhood)
is unmatched: anti-aliasing, hinting and the rounding of a baseline that
falls on half a pixel differ between rasterisers (Chromium's Skia, poppler's
Splash) by a pixel or two; a missing or misplaced line, glyph, rule or bar
does not. Prints the unmatched share of all ink, in per cent; exit 1 when it
is above MAX."""
import sys
from PIL import Image, ImageChops, ImageFilter

a = Image.open(sys.argv[1]).convert("L")
b = Image.open(sys.argv[2]).convert("L")
if abs(a.size[0] - b.size[0]) > 1 or abs(a.size[1] - b.size[1]) > 1:
    print("sizes differ: %s and %s" % (a.size, b.size))
    sys.exit(1)
w, h = min(a.size[0], b.size[0]), min(a.size[1], b.size[1])
a, b = a.crop((0, 0, w, h)), b.crop((0, 0, w, h))


def ink(img):
    return img.point(lambda v: 255 if v < 128 else 0)


def count(img):
    return sum(img.histogram()[255:])


ink_a, ink_b = ink(a), ink(b)
near_a, near_b = ink_a.filter(ImageFilter.MaxFilter(5)), ink_b.filter(ImageFilter.MaxFilter(5))
unmatched = count(ImageChops.subtract(ink_a, near_b)) + count(ImageChops.subtract(ink_b, near_a))
total = count(ink_a) + count(ink_b)
share = 100.0 * unmatched / total if total else 0.0
print("%.2f%% of %d ink pixels unmatched (%dx%d)" % (share, total, w, h))
if len(sys.argv) > 3 and share > float(sys.argv[3]):
    sys.exit(1)
