"""Charts of the report, drawn with matplotlib's object API on the Agg canvas.

No pyplot state is touched (so a notebook's backend is left alone) and labels are English,
so that no CJK font is needed. Each ``*_figure`` function returns a
:class:`matplotlib.figure.Figure` or None when the data for it is missing;
:func:`figure_png` renders one to PNG bytes and :func:`write_charts` writes them all.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Optional, Sequence

import pandas as pd

from .derived import derived as derived_frame
from .derived import listing_date
from .fx import FxTable
from .labels import label
from .observations import Book, period_of
from .reconcile import reconcile
from .statement import statement

#: Size of every chart, inches.
FIGSIZE = (7.5, 4.0)
#: Colours (colour-blind safe).
COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
FINANCIAL_METRICS = ("revenue", "net_loss", "rd_expense")


def _figure():
    from matplotlib.figure import Figure

    fig = Figure(figsize=FIGSIZE, dpi=100)
    return fig, fig.add_subplot(1, 1, 1)


#: Period kinds drawn on the x axis of the period charts.
CHART_PERIOD_KINDS = ("year", "half", "quarters")


def _reporting_periods(columns) -> list[str]:
    out = []
    for c in columns:
        p = period_of(c)
        if p is not None and p.kind in CHART_PERIOD_KINDS:
            out.append(c)
    return out


def financials_figure(facts: pd.DataFrame, entity: str, fx: Optional[FxTable] = None):
    """Revenue, net loss and R&D expense by period (CNY 亿, other currencies converted with
    the named rates listed under the chart), grouped bars."""
    st = statement(facts, entity, scale="亿", unit="CNY", fx=fx)
    if st.empty:
        return None
    rows = [(m, st.loc[(m, "", "CNY 亿")]) for m in FINANCIAL_METRICS if (m, "", "CNY 亿") in st.index]
    if not rows:
        return None
    periods = _reporting_periods([c for c in st.columns if any(pd.notna(r[c]) for _, r in rows)])
    if len(periods) < 2:
        return None
    fig, ax = _figure()
    width = 0.8 / len(rows)
    for i, (metric, series) in enumerate(rows):
        xs = [j + (i - (len(rows) - 1) / 2) * width for j in range(len(periods))]
        ys = [series[p] for p in periods]
        bars = ax.bar(xs, [0 if pd.isna(y) else y for y in ys], width, label=label(metric, lang="en"),
                      color=COLORS[i % len(COLORS)])
        for b, y in zip(bars, ys):
            if pd.notna(y):
                ax.annotate(f"{y:.2f}", (b.get_x() + b.get_width() / 2, b.get_height()),
                            ha="center", va="bottom", fontsize=7)
    ax.set_xticks(range(len(periods)))
    ax.set_xticklabels(periods)
    ax.set_ylabel("CNY 100 million (yi)")
    ax.set_title(f"{entity}: revenue, net loss and R&D expense")
    ax.legend(frameon=False, fontsize=8)
    rates = sorted({c["rate"] for c in st.attrs.get("converted", []) if c["metric"] in FINANCIAL_METRICS
                    and c["period"] in periods})
    if rates:
        fig.text(0.01, 0.01, "converted at " + "; ".join(rates), fontsize=6)
    conflicts = [p for m, s, u, p in st.attrs.get("conflicts", []) if m in FINANCIAL_METRICS and not s]
    if conflicts:
        fig.text(0.99, 0.01, "sources conflict: " + ", ".join(sorted(set(conflicts))), fontsize=6, ha="right")
    _tidy(ax)
    return fig


def rd_ratio_figure(facts: pd.DataFrame, entity: str, fx: Optional[FxTable] = None,
                    derived: Optional[pd.DataFrame] = None):
    """R&D expense / revenue by period: the library's figure (line) and the ones articles
    state (markers)."""
    d = derived if derived is not None else derived_frame(facts, fx=fx, entity=entity)
    d = d[(d["entity"] == entity) & (d["metric"] == "rd_to_revenue")]
    d = d[[period_of(p) is not None and period_of(p).kind in CHART_PERIOD_KINDS for p in d["period"]]]
    if d.empty:
        return None
    fig, ax = _figure()
    periods = list(d["period"])
    ax.plot(range(len(periods)), d["value"], marker="o", color=COLORS[0], label="computed")
    for x, y in enumerate(d["value"]):
        ax.annotate(f"{y:.1f}%", (x, y), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=7)
    stated = facts[(facts["entity"] == entity) & (facts["metric"] == "rd_to_revenue")]
    xs, ys = [], []
    for p, v in zip(stated["period"], stated["value"]):
        if p in periods:
            xs.append(periods.index(p))
            ys.append(v)
    if xs:
        ax.scatter(xs, ys, marker="x", color=COLORS[1], zorder=3, label="stated in articles")
    ax.set_xticks(range(len(periods)))
    ax.set_xticklabels(periods)
    ax.set_ylabel("% of revenue")
    ax.set_title(f"{entity}: R&D expense / revenue")
    ax.legend(frameon=False, fontsize=8)
    _tidy(ax)
    return fig


FIRST_DAY_PRICES = ("open_price", "high_price", "low_price", "close_price", "last_price")


def first_day_figure(facts: pd.DataFrame, entity: str):
    """Prices on the listing day against the offer price (dashed line)."""
    date = listing_date(facts, entity)
    if date is None:
        return None
    book = Book(facts)
    offer = reconcile(book.find(entity, "offer_price", None, None, "HKD/share"))
    prices = []
    for metric in FIRST_DAY_PRICES:
        rec = reconcile(book.find(entity, metric, date, None, "HKD/share"))
        if rec is not None:
            prices.append((label(metric, lang="en"), float(rec.value)))
    if offer is None or not prices:
        return None
    fig, ax = _figure()
    offer_v = float(offer.value)
    colors = [COLORS[2] if v >= offer_v else COLORS[1] for _, v in prices]
    bars = ax.bar([n for n, _ in prices], [v for _, v in prices], color=colors)
    for b, (_, v) in zip(bars, prices):
        ax.annotate(f"{v:g} ({(v / offer_v - 1) * 100:+.2f}%)", (b.get_x() + b.get_width() / 2, v),
                    ha="center", va="bottom", fontsize=7)
    ax.axhline(offer_v, color="black", linestyle="--", linewidth=1, label=f"offer price {offer_v:g}")
    lo = min([v for _, v in prices] + [offer_v])
    hi = max([v for _, v in prices] + [offer_v])
    ax.set_ylim(lo - (hi - lo) * 0.6 - 1, hi + (hi - lo) * 0.4 + 1)
    ax.set_ylabel("HKD per share")
    ax.set_title(f"{entity}: first trading day {date}")
    ax.legend(frameon=False, fontsize=8)
    _tidy(ax)
    return fig


def comparison_figure(facts: pd.DataFrame, entities: Sequence[str], metric: str = "revenue",
                      fx: Optional[FxTable] = None):
    """One metric for several entities by period (CNY 亿, converted with named rates)."""
    from .compare import compare

    cmp = compare(facts, entities, [metric], unit="CNY", scale="亿", fx=fx)
    if cmp.empty:
        return None
    sub = cmp.xs(metric, level="metric")
    periods = _reporting_periods(list(sub.index))
    if not periods:
        return None
    fig, ax = _figure()
    width = 0.8 / len(entities)
    for i, ent in enumerate(entities):
        xs = [j + (i - (len(entities) - 1) / 2) * width for j in range(len(periods))]
        ys = [sub.loc[p, ent] for p in periods]
        ax.bar(xs, [0 if pd.isna(y) else y for y in ys], width, label=ent, color=COLORS[i % len(COLORS)])
    ax.set_xticks(range(len(periods)))
    ax.set_xticklabels(periods)
    ax.set_ylabel(f"{label(metric, lang='en')}, CNY 100 million")
    ax.set_title(f"{label(metric, lang='en')}: " + " vs ".join(entities))
    ax.legend(frameon=False, fontsize=8)
    rates = sorted({c["rate"] for c in cmp.attrs.get("converted", [])})
    if rates:
        fig.text(0.01, 0.01, "converted at " + "; ".join(rates), fontsize=6)
    _tidy(ax)
    return fig


def _tidy(ax) -> None:
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    ax.figure.tight_layout(rect=(0, 0.03, 1, 1))


def figure_png(fig) -> bytes:
    """The figure as PNG bytes (Agg canvas)."""
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    with warnings.catch_warnings():  # a label without a font glyph is drawn as a box, never an error
        warnings.simplefilter("ignore", UserWarning)
        fig.savefig(buf, format="png")
    return buf.getvalue()


def entity_charts(facts: pd.DataFrame, entity: str, fx: Optional[FxTable] = None,
                  derived: Optional[pd.DataFrame] = None) -> dict[str, bytes]:
    """``{chart name: PNG bytes}`` for one entity (only the charts its data supports)."""
    out = {}
    for name, make in (("financials", lambda: financials_figure(facts, entity, fx)),
                       ("rd_to_revenue", lambda: rd_ratio_figure(facts, entity, fx, derived)),
                       ("first_day", lambda: first_day_figure(facts, entity))):
        fig = make()
        if fig is not None:
            out[name] = figure_png(fig)
    return out


def write_charts(charts: dict[str, dict[str, bytes]], directory: Path) -> list[Path]:
    """Write ``{entity: {name: png}}`` as ``DIR/<entity>_<name>.png``; returns the paths."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for entity in sorted(charts):
        for name in sorted(charts[entity]):
            path = directory / f"{entity}_{name}.png"
            path.write_bytes(charts[entity][name])
            paths.append(path)
    return paths
