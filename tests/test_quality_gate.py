"""Quality gate against the hand-annotated seed pages; prints the scores, pins the minimums.

Run `pytest tests/test_quality_gate.py -s` to see the figures."""

from __future__ import annotations

import itertools
import time
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest
from goldscore import PRF, article_text, bigram_f1, match_proposals, score_segmentation, squash

MIN_SEGMENTATION_F1 = 0.90
MIN_PROPOSAL_F1 = 0.85
MIN_SPEAKER_ACCURACY = 0.95
MIN_CORE_THEME_F1 = 0.88
CORE_THEMES = frozenset({"innovation", "digital", "energy", "talent"})
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


def _matched(seed_briefing, gold):
    """Predicted and gold proposals, file by file, and the pairs that match."""
    for name, g in gold.items():
        pred = [p for a in seed_briefing.analyses if a.article.source == name for p in a.proposals]
        gold_props = [p for a in g["articles"] for p in a["proposals"]]
        pairs = match_proposals([(p.text, p.speaker) for p in pred], [(p["text"], p["speaker"]) for p in gold_props])
        yield pred, gold_props, pairs


def test_proposals_f1_and_speakers(seed_briefing, gold):
    tp = n_pred = n_gold = same_speaker = 0
    for pred, gold_props, pairs in _matched(seed_briefing, gold):
        tp += len(pairs)
        n_pred += len(pred)
        n_gold += len(gold_props)
        same_speaker += sum(1 for i, j in pairs if pred[i].speaker == gold_props[j]["speaker"])
    prf = PRF(tp, n_pred, n_gold)
    accuracy = same_speaker / tp if tp else 0.0
    print(f"\nproposals: {prf}\nspeaker accuracy on matched proposals: {accuracy:.3f} ({same_speaker}/{tp})")
    assert prf.f1 >= MIN_PROPOSAL_F1
    assert accuracy >= MIN_SPEAKER_ACCURACY


def test_core_theme_micro_f1(seed_briefing, gold):
    tp = fp = fn = 0
    for pred, gold_props, pairs in _matched(seed_briefing, gold):
        for i, j in pairs:
            got = set(pred[i].theme_keys) & CORE_THEMES
            want = set(gold_props[j]["themes"]) & CORE_THEMES
            tp += len(got & want)
            fp += len(got - want)
            fn += len(want - got)
    prf = PRF(tp, tp + fp, tp + fn)
    print(f"\ncore themes (innovation, digital, energy, talent), micro: {prf}")
    assert prf.f1 >= MIN_CORE_THEME_F1


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


MIN_KEY_SENTENCE_F1 = 0.5


def test_summaries_overlap_the_key_sentences(seed_briefing, gold):
    """Character-bigram F1 between each gold article's key sentences and the summary
    of the output article that holds it; the mean is pinned."""
    by_file = _by_file(seed_briefing)
    summaries = {a.article.id: "".join(s.orig for s in a.summary) for a in seed_briefing.analyses}
    scores = []
    for name, g in gold.items():
        for ga in g["articles"]:
            if not ga["key_sentences"]:
                continue
            first, last = squash(ga["first_chars"]), squash(ga["last_chars"])
            holder = next(
                (a for a in by_file[name] if first in article_text(a) and last in article_text(a)),
                None,
            )
            summary = summaries.get(holder.id, "") if holder else ""
            scores.append(bigram_f1(summary, "".join(ga["key_sentences"])))
    mean = sum(scores) / len(scores)
    print(f"\nkey sentences: mean bigram F1 {mean:.3f} over {len(scores)} articles (lowest {min(scores):.3f})")
    assert mean >= MIN_KEY_SENTENCE_F1


MIN_FIGURES_F1 = 0.60


def test_key_figures_against_the_annotated_ones(seed_briefing, gold):
    pred = [f.text for a in seed_briefing.analyses for f in a.figures]
    want = [f for g in gold.values() for a in g["articles"] for f in a["figures"]]
    prf = PRF(len(match_proposals([(t, None) for t in pred], [(t, None) for t in want])), len(pred), len(want))
    print(f"\nkey figures: {prf}")
    assert prf.f1 >= MIN_FIGURES_F1


# Pages of other outlets (shared/dev), scored with the judge's own scorer, whole set
# and per outlet.  Pinned at the figures reached so far; they only go up.
# "proposals" is the judges' distinct F1 (a measure listed twice counts once).
DEV_MINIMUMS = {
    "segmentation": 0.95,
    "proposals": 0.80,
    "recall": 0.80,
    "speaker": 0.95,
    "themes": 0.70,
    "verbatim": 1.0,
}
# Every outlet with enough annotated proposals to measure it by (the control pages'
# outlets have one or two; their figures are printed, not pinned).
MIN_OUTLET_PROPOSALS = 0.65
MIN_OUTLET_GOLD = 5
# The same pages broken into lines by the judges' reflow tool.
REFLOWED_MINIMUMS = {"segmentation": 0.85, "proposals": 0.80, "verbatim": 1.0}
# The seeds scored the same way, pinned where they stood before the other outlets
# were taken on: taking them on may not cost the sample pages anything.
SEED_MINIMUMS = {
    "segmentation": 0.93,
    "proposals": 0.93,
    "speaker": 0.97,
    "themes": 0.88,
    "verbatim": 1.0,
    # no summary sentence runs across a seam of interleaved columns (that would not be
    # verbatim): the pieces on either side are shorter, and 0.509 the figure now
    "key sentences": 0.50,
}


def _judged(name: str) -> tuple[ModuleType, Path, Path]:
    """``benchmarks/quality.py`` and the texts and gold of an annotated set, or a skip
    (a failure under BRIEFING_REQUIRE_GOLD) when the set or the scorer is missing."""
    import os
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import quality

    texts, gold_dir = quality.SETS[name]
    if not (quality.SCORER.is_file() and gold_dir.is_dir()):
        if os.environ.get("BRIEFING_REQUIRE_GOLD"):
            pytest.fail(f"the {name} gold or the scorer is missing")
        pytest.skip(f"the {name} gold not found")
    return quality, texts, gold_dir


@pytest.fixture(scope="module")
def dev_figures(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:
    """The figures of shared/dev as published and reflowed like a PDF extraction."""
    quality, texts, gold_dir = _judged("dev")
    work = tmp_path_factory.mktemp("dev")
    for name in ("plain", "broken"):
        (work / name).mkdir()
    plain = quality.evaluate(texts, gold_dir, work / "plain")
    print("\n" + quality.table("shared/dev", plain))
    broken = quality.evaluate(quality.reflowed(texts, work), gold_dir, work / "broken")
    print("\n" + quality.table("shared/dev reflowed", broken))
    return plain, broken


def test_other_outlets_quality_gate(dev_figures: tuple[dict, dict]):
    plain, _ = dev_figures
    for figure, minimum in DEV_MINIMUMS.items():
        assert plain["all"][figure] >= minimum, (figure, plain["all"][figure])


def test_every_outlet_measured_enough_reaches_the_minimum(dev_figures: tuple[dict, dict]):
    import json

    _quality, _, gold_dir = _judged("dev")
    gold = defaultdict(int)
    for path in gold_dir.glob("*.json"):
        data = json.loads(path.read_text("utf-8"))
        outlet = str(data.get("outlet") or "?").split(" (")[0]
        gold[outlet] += sum(len(a.get("proposals", [])) for a in data["articles"])
    plain, _ = dev_figures
    low = {
        outlet: figs["proposals"]
        for outlet, figs in plain.items()
        if outlet != "all" and gold[outlet] >= MIN_OUTLET_GOLD and figs["proposals"] < MIN_OUTLET_PROPOSALS
    }
    assert not low, low


def test_other_outlets_reflowed_like_a_pdf(dev_figures: tuple[dict, dict]):
    _, broken = dev_figures
    for figure, minimum in REFLOWED_MINIMUMS.items():
        assert broken["all"][figure] >= minimum, (figure, broken["all"][figure])


def test_seeds_with_the_judges_scorer(tmp_path: Path):
    quality, texts, gold_dir = _judged("seeds")
    result = quality.evaluate(texts, gold_dir, tmp_path)
    print("\n" + quality.table("seeds", result))
    for figure, minimum in SEED_MINIMUMS.items():
        assert result["all"][figure] >= minimum, (figure, result["all"][figure])


# Figures on the same pages typeset as newspaper PDFs and read back: at most this far
# below the pages given as text (segmentation and proposals, as the PDF issue asks).
MAX_PDF_LOSS = 0.05
MIN_READING_ORDER = 0.95


@pytest.mark.slow
@pytest.mark.parametrize("name", ["seeds", "dev"])
def test_pdf_pages_score_like_their_text(name: str, tmp_path: Path):
    pytest.importorskip("reportlab")
    quality, texts, gold_dir = _judged(name)
    (tmp_path / "text").mkdir()
    (tmp_path / "pdf").mkdir()
    plain = quality.evaluate(texts, gold_dir, tmp_path / "text")
    pdfs = quality.typeset_pdfs(texts, tmp_path / "pdf")
    typeset = quality.evaluate(texts, gold_dir, tmp_path / "pdf", pdfs)
    print("\n" + quality.table(f"{name} pdf", typeset))
    for figure in ("segmentation", "proposals"):
        assert plain["all"][figure] - typeset["all"][figure] <= MAX_PDF_LOSS, (figure, plain, typeset)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["seeds", "dev"])
def test_web_pages_score_like_their_text(name: str, tmp_path: Path):
    quality, texts, gold_dir = _judged(name)
    (tmp_path / "text").mkdir()
    (tmp_path / "web").mkdir()
    plain = quality.evaluate(texts, gold_dir, tmp_path / "text")
    saved = quality.evaluate(texts, gold_dir, tmp_path / "web", quality.web_pages(texts, tmp_path / "web"))
    print("\n" + quality.table(f"{name} html", saved))
    for figure in ("segmentation", "proposals"):
        assert plain["all"][figure] - saved["all"][figure] <= MAX_PDF_LOSS, (figure, plain, saved)


@pytest.mark.slow
def test_pdf_reading_order(tmp_path: Path):
    pytest.importorskip("reportlab")
    _judged("dev")  # skips where ../shared is missing
    import pdf as bench

    made = bench.typeset_all(tmp_path)
    order = bench.reading_order(made)
    correct = sum(c for c, _ in order.values())
    total = sum(t for _, t in order.values())
    print(f"\nreading order: {correct}/{total}")
    assert correct / total >= MIN_READING_ORDER


# The seed pages reflowed by the judges' reflow tool (lines of 14–60 characters, some
# blank lines inside paragraphs): 0.816 segmentation and 0.935 proposals today.
MIN_SEEDS_REFLOWED = {"segmentation": 0.80, "proposals": 0.90}


@pytest.mark.slow
def test_seed_pages_reflowed_like_another_extraction(tmp_path: Path):
    quality, texts, gold_dir = _judged("seeds")
    (tmp_path / "reflowed").mkdir()
    broken = quality.evaluate(texts, gold_dir, tmp_path / "reflowed", quality.reflowed(texts, tmp_path / "reflowed"))
    print("\n" + quality.table("seeds reflowed", broken))
    for figure, minimum in MIN_SEEDS_REFLOWED.items():
        assert broken["all"][figure] >= minimum, (figure, broken["all"][figure])


# The real e-paper pages of ../shared/dev/pdf (two Founder pages: four stories over 25
# court notices; seven stories around pictures and two tables): 0.941 today.
MIN_REAL_PDF_SEGMENTATION = 0.85


@pytest.mark.slow
def test_real_e_paper_pages_read_as_printed(tmp_path: Path):
    _judged("dev")  # skips where ../shared is missing
    import pdf as bench

    real = sorted(bench.REAL.glob("*.pdf"))
    if not real:
        pytest.skip("no real e-paper pages in ../shared/dev/pdf")
    briefing = bench.brief(real, tmp_path / "out")
    found, taken = bench.verbatim(briefing, real)
    figures = bench.scored(tmp_path / "out" / "briefing.json", bench.REAL.parent / "gold", bench.REAL.parent / "ref")
    print(f"\nreal e-paper pages: {figures}, verbatim {found}/{taken}")
    assert found == taken  # every quote is in the PDF's own text
    assert figures["segmentation"] >= MIN_REAL_PDF_SEGMENTATION
    notices = [p["text"] for p in briefing["proposals"] if "本院" in p["text"] or "公告" in p["text"]]
    assert not notices
