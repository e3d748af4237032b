"""Render ``writer.svg`` into the icon files the packages need.

``python packaging/icons/render_icons.py`` writes, next to the SVG:

- ``writer.png``: 256 x 256, for the Linux desktop entry and the README;
- ``writer.ico``: 16 to 256 px in one file (PNG entries), for the Windows exe.

``--icns DIR`` (macOS only, needs Apple's ``iconutil``) also writes ``DIR/writer.icns``:
the SVG is rendered into ``DIR/writer.iconset/icon_{16..512}x{..}[@2x].png`` and
``iconutil -c icns`` packs it. ``packaging/build.sh`` does that on macOS, into ``build/icons``.

Uses PySide6's QtSvg (part of PySide6-Essentials), on the offscreen platform.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE / "writer.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICONSET_SIZES = (16, 32, 128, 256, 512)


def render_png(size: int) -> bytes:
    """Return the SVG rendered as a ``size`` x ``size`` PNG, with a transparent background."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """Return an ICO file holding one PNG entry per size (Windows Vista and later read these)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    directory, images = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + directory + images


def make_icns(out_dir: Path) -> Path:
    """Render a macOS iconset into ``out_dir`` and pack it with ``iconutil``; return the .icns."""
    iconutil = shutil.which("iconutil")
    if iconutil is None:
        raise SystemExit("render_icons: --icns needs Apple's iconutil (macOS only)")
    iconset = out_dir / "writer.iconset"
    iconset.mkdir(parents=True, exist_ok=True)
    for size in ICONSET_SIZES:
        (iconset / f"icon_{size}x{size}.png").write_bytes(render_png(size))
        (iconset / f"icon_{size}x{size}@2x.png").write_bytes(render_png(size * 2))
    icns = out_dir / "writer.icns"
    subprocess.run([iconutil, "-c", "icns", str(iconset), "-o", str(icns)], check=True)
    return icns


def main(argv: list[str] | None = None) -> int:
    """Write the PNG and ICO (and the ICNS with ``--icns``); return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--icns", metavar="DIR", help="also build DIR/writer.icns (macOS)")
    parser.add_argument("--only-icns", action="store_true", help="skip the PNG and ICO")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    if not args.only_icns:
        pngs = {size: render_png(size) for size in ICO_SIZES}
        (HERE / "writer.png").write_bytes(pngs[256])
        (HERE / "writer.ico").write_bytes(ico_bytes(pngs))
        print(f"wrote {HERE / 'writer.png'} and {HERE / 'writer.ico'}")
    if args.icns:
        print(f"wrote {make_icns(Path(args.icns))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
