"""Colours that stay readable in a light, a dark and a high-contrast theme.

Views ask for a tone by meaning (danger, warning, good, muted, info) instead of a fixed colour: the tone
starts from the house colour and is lightened on a dark background or darkened on a light one until its
contrast with the background reaches WCAG AA for text (4.5:1). Backgrounds that mark a row (a verified
run, a changed line) are a light tint of the tone over the theme's own base colour, so the theme's text
colour stays readable on them.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

HOUSE = {"danger": "#c62828", "warning": "#ef6c00", "caution": "#b26a00", "good": "#2e7d32", "muted": "#607d8b",
         "info": "#1565c0"}
READABLE = 4.5   # WCAG 2 AA contrast ratio for normal text
TINT = 0.22      # share of the tone in a row background; the rest is the theme's base colour


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an sRGB colour."""
    return 0.2126 * _linear(colour.redF()) + 0.7152 * _linear(colour.greenF()) + 0.0722 * _linear(colour.blueF())


def contrast(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio, from 1 (same) to 21 (black on white)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _palette(palette: QPalette | None) -> QPalette:
    return palette if palette is not None else QGuiApplication.palette()


def tone(name: str, palette: QPalette | None = None,
         background: QPalette.ColorRole = QPalette.ColorRole.Base) -> QColor:
    """The colour for `name` (danger, warning, caution, good, muted, info), readable on the palette's background."""
    pal = _palette(palette)
    ground = pal.color(background)
    colour = QColor(HOUSE[name])
    dark_ground = luminance(ground) < 0.18
    hue, saturation, lightness = colour.hslHue(), colour.hslSaturation(), colour.lightness()
    for _step in range(40):
        if contrast(colour, ground) >= READABLE:
            return colour
        lightness = min(255, lightness + 8) if dark_ground else max(0, lightness - 8)
        colour = QColor.fromHsl(max(hue, 0), saturation, lightness)
    return pal.color(QPalette.ColorRole.Text)   # nothing of that hue is readable here: the theme's own text


def css(name: str, palette: QPalette | None = None) -> str:
    """`tone` as a CSS colour for rich text and style sheets."""
    return tone(name, palette).name()


def tint(name: str, palette: QPalette | None = None) -> QColor:
    """A row background meaning `name`: a little of the tone over the theme's base, so its text stays readable."""
    pal = _palette(palette)
    base, colour = pal.color(QPalette.ColorRole.Base), QColor(HOUSE[name])
    return QColor.fromRgbF(*(TINT * c + (1 - TINT) * b for c, b in zip(
        (colour.redF(), colour.greenF(), colour.blueF()), (base.redF(), base.greenF(), base.blueF()), strict=True)))
