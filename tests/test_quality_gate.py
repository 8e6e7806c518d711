"""Quality gate against the hand-annotated seed pages; prints the scores, pins the minimums.

Run `pytest tests/test_quality_gate.py -s` to see the figures."""

from __future__ import annotations

import itertools
import time
from collections import defaultdict
from pathlib import Path

import pytest
from goldscore import PRF, match_proposals, score_segmentation, squash

MIN_SEGMENTATION_F1 = 0.90
MIN_PROPOSAL_F1 = 0.60
MAX_SECONDS = 10.0


def _by_file(briefing) -> dict[str, list]:
    out: dict[str, list] = defaultdict(list)
    for a in briefing.analyses:
        out[a.article.source].append(a.article)
    return out


def test_segmentation_f1(seed_briefing, gold):
    prf, misses = score_segmentation(_by_file(seed_briefing), gold)
    print(f"\nsegmentation: {prf}")
    for m in misses:
        print(f"  missed: {m}")
    assert prf.f1 >= MIN_SEGMENTATION_F1


def _pieces(para, quote: str) -> list[str]:
    """A quote cut at the paragraph's seams (where interleaved columns were rejoined)."""
    start = para.orig.find(quote)
    assert start >= 0, quote
    cuts = [s - start for s in para.seams if start < s < start + len(quote)]
    bounds = [0, *cuts, len(quote)]
    return [quote[a:b] for a, b in itertools.pairwise(bounds)]


def test_summaries_and_proposals_are_verbatim(seed_briefing, seeds: Path):
    """Every quote is verbatim in its source, whitespace ignored; a quote that runs
    across interleaved columns is verbatim on each side of the seam."""
    sources = {p.name: squash(p.read_text("utf-8")) for p in seeds.glob("*.txt")}
    quoted = []
    for a in seed_briefing.analyses:
        paras = a.article.paragraphs
        quoted += [(a.article.source, paras[s.para], s.orig) for s in a.summary]
        quoted += [(a.article.source, paras[p.para], p.text) for p in a.proposals]
    assert quoted
    whole = [q for src, _, q in quoted if squash(q) in sources[src]]
    outside = [q for src, para, q in quoted if not all(squash(piece) in sources[src] for piece in _pieces(para, q))]
    print(
        f"\nverbatim: {len(quoted) - len(outside)}/{len(quoted)} quotes verbatim in their source "
        f"({len(quoted) - len(whole)} across a column seam)"
    )
    assert not outside


def test_proposals_f1(seed_briefing, gold):
    tp = n_pred = n_gold = 0
    for name, g in gold.items():
        pred = [(p.text, p.speaker) for a in seed_briefing.analyses if a.article.source == name for p in a.proposals]
        gold_props = [(p["text"], p["speaker"]) for a in g["articles"] for p in a["proposals"]]
        tp += len(match_proposals(pred, gold_props))
        n_pred += len(pred)
        n_gold += len(gold_props)
    prf = PRF(tp, n_pred, n_gold)
    print(f"\nproposals: {prf}")
    assert prf.f1 >= MIN_PROPOSAL_F1


def test_every_article_has_a_summary(seed_briefing):
    assert all(a.summary for a in seed_briefing.analyses)


@pytest.mark.slow
def test_whole_run_on_the_seeds_is_fast(seeds: Path, tmp_path: Path):
    from typer.testing import CliRunner

    from briefing.cli import app

    start = time.perf_counter()
    result = CliRunner().invoke(app, ["make", str(seeds), "--out", str(tmp_path), "-q"])
    elapsed = time.perf_counter() - start
    print(f"\nwhole run on the seeds: {elapsed:.2f} s")
    assert result.exit_code == 0, result.output
    assert elapsed < MAX_SECONDS
