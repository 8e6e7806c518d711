"""The proposals-per-theme chart (matplotlib), as a PNG at print resolution."""

from __future__ import annotations

import functools
import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..model import ThemeGroup

DPI = 300
# Fonts that carry Chinese, by the family names fontconfig and Windows use.
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
)


@functools.cache
def cjk_font() -> str | None:
    """A font family on this system that can draw Chinese, or None."""
    from matplotlib import font_manager

    available = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in available:
            return family
    for name in sorted(available):
        if "CJK" in name or "Hei" in name or "Song" in name:
            return name
    return None


@contextmanager
def _figure(height: float) -> Iterator[tuple[Any, Any]]:
    """A matplotlib figure and axes (Agg backend, print resolution), closed afterwards."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    fig, ax = plt.subplots(figsize=(6.0, height), dpi=DPI)
    try:
        yield fig, ax
    finally:
        plt.close(fig)


def _png(fig: Any, ax: Any) -> bytes:
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI)
    return buf.getvalue()


def proposals_chart(groups: Sequence[ThemeGroup]) -> bytes | None:
    """A horizontal bar chart of proposals per theme; None when there are none."""
    rows = [(g.theme, len(g.proposals)) for g in groups if g.proposals]
    if not rows:
        return None
    family = cjk_font()
    labels = [f"{t.label_en} · {t.label_zh}" if family else t.label_en for t, _ in rows]
    with _figure(0.35 * len(rows) + 0.9) as (fig, ax):
        bars = ax.barh(range(len(rows)), [n for _, n in rows], color="#2f5d8a")
        ax.set_yticks(range(len(rows)), labels, fontfamily=family or "sans-serif", fontsize=8)
        ax.invert_yaxis()
        ax.bar_label(bars, padding=2, fontsize=7)
        ax.set_xlabel("Proposals", fontsize=8)
        ax.tick_params(axis="x", labelsize=7)
        return _png(fig, ax)


def trend_chart(runs: Sequence[str], rows: Sequence[tuple[str, str, list[int]]]) -> bytes | None:
    """Proposals per theme over the last runs, one line per theme; None with one run."""
    if len(runs) < 2 or not rows:
        return None
    family = cjk_font()
    with _figure(3.0) as (fig, ax):
        for en, zh, values in rows:
            ax.plot(range(len(runs)), values, marker="o", label=f"{en} · {zh}" if family else en)
        ax.set_xticks(range(len(runs)), [r.split(" ")[0] for r in runs], fontsize=7)
        ax.tick_params(axis="y", labelsize=7)
        ax.set_ylabel("Proposals", fontsize=8)
        ax.legend(prop={"family": family or "sans-serif", "size": 6}, ncol=2, frameon=False)
        return _png(fig, ax)
