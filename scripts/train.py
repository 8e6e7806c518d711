"""Train the learned decisions from the annotated pages and write briefing/data/models.json.

    pip install -e ".[train]"
    python scripts/train.py            # train on every annotated page, write the weights
    python scripts/train.py --check    # exit 1 if the shipped weights are not what training gives

The annotation is read from ``../shared`` beside the checkout (or ``BRIEFING_SHARED``):
the seed pages with ``gold/seeds`` and the development pages ``dev/texts`` with
``dev/gold``.  Every page is used as published and broken into lines as a PDF
extraction breaks it (``tools/reflow.py``, twice, under other names so the breaks
fall elsewhere), since users give both.

Each decision is a logistic regression (scikit-learn, L2, deterministic) over the
named features its stage describes a case with; the weights are rounded so that the
file is the same on every machine.  ``benchmarks/quality.py --looo`` trains the same
way without one outlet at a time and scores the outlet left out.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from briefing.learn import MODELS_FILE, Model  # noqa: E402

SHARED = Path(os.environ.get("BRIEFING_SHARED", REPO.parent / "shared"))
OUT = REPO / "briefing" / "data" / MODELS_FILE
REFLOWS = ("a", "b")  # the page names the reflowed copies are made under: other breaks each


@dataclass(frozen=True)
class Page:
    """An annotated page, in one of the forms users give it."""

    outlet: str
    path: Path  # the text to read
    gold: dict
    form: str  # "text" or "reflowed:<name>"
    original: Path  # the text as published


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def outlet_of(gold: dict) -> str:
    return str(gold.get("outlet") or gold.get("newspaper") or "?").split(" (")[0]


def annotated_sets() -> list[tuple[Path, Path]]:
    return [(SHARED / "seeds", SHARED / "gold" / "seeds"), (SHARED / "dev" / "texts", SHARED / "dev" / "gold")]


def _reflowed(texts: Path, work: Path, name: str) -> Path:
    """The pages of ``texts`` broken by the judges' reflow tool, made under other file
    names (the tool seeds its breaks with the name), read back under their own."""
    tool = SHARED / "tools" / "reflow.py"
    src, dst = work / f"in-{name}", work / f"out-{name}"
    src.mkdir(parents=True)
    for path in texts.glob("*.txt"):
        shutil.copy(path, src / f"{name}-{path.name}")
    subprocess.run([sys.executable, str(tool), str(src), str(dst)], check=True)
    for path in list(dst.glob("*.txt")):
        path.rename(dst / path.name.removeprefix(f"{name}-"))
    return dst


def pages(work: Path, reflows: Iterable[str] = REFLOWS) -> list[Page]:
    """Every annotated page as published and reflowed."""
    out: list[Page] = []
    for texts, gold_dir in annotated_sets():
        if not gold_dir.is_dir():
            sys.exit(f"the annotation is missing: {gold_dir}")
        golds = [json.loads(p.read_text("utf-8")) for p in sorted(gold_dir.glob("*.json"))]
        forms = [("text", texts)] + [
            (f"reflowed:{name}", _reflowed(texts, work, f"{gold_dir.name}{name}")) for name in reflows
        ]
        for form, folder in forms:
            for gold in golds:
                out.append(Page(outlet_of(gold), folder / gold["file"], gold, form, texts / gold["file"]))
    return out


# -- the blank line inside a paragraph ------------------------------------------------------


def paragraph_starts(original: str, broken: str) -> set[int]:
    """The line numbers of ``broken`` (the page as the reflow tool broke it) on which
    a line of ``original`` starts; every other line goes on with the one before."""
    paras = [p.strip().strip("\u3000") for p in original.replace("\r\n", "\n").split("\n")]
    paras = [p for p in paras if p]
    starts: set[int] = set()
    k, rest = -1, ""
    for no, line in enumerate(broken.split("\n"), start=1):
        if not line:
            continue
        if not rest and k + 1 < len(paras):
            k += 1
            rest = paras[k]
            starts.add(no)
        if rest.startswith(line):
            rest = rest[len(line) :]
        else:  # not the tool's breaks: no line is known to go on
            return set(range(1, no + 1 + broken.count("\n")))
    return starts


def join_cases(page: Page) -> Iterator[tuple[dict[str, float], int]]:
    """Each blank line the cleaner weighs on a reflowed page, with its features and
    whether the page as published ran the text on across it."""
    from briefing.read import read_source
    from briefing.text.clean import clean

    if not page.form.startswith("reflowed") or clean(read_source(page.original)).broken:
        return  # where the page as published is broken into lines itself, its lines are no truth
    starts = paragraph_starts(page.original.read_text("utf-8"), page.path.read_text("utf-8"))
    seen: list[tuple[int, dict[str, float]]] = []
    clean(read_source(page.path), trace=lambda line, features: seen.append((line.no, dict(features))))
    for no, features in seen:
        yield features, int(no not in starts)


# -- the article-boundary decision ------------------------------------------------------


def boundary_cases(page: Page, join: Model | None = None) -> Iterator[tuple[dict[str, float], int]]:
    """Each headline group the segmenter weighs on the page, with its features and
    whether an annotated article starts at the paragraph under it."""
    from briefing.read import read_source
    from briefing.text.clean import clean
    from briefing.text.segment import segment

    starts = [
        squash(a.get("first_chars", ""))[:10]
        for a in page.gold["articles"]
        if not (a.get("kind") == "photo_caption" or a.get("placeholder")) and a.get("first_chars")
    ]
    cleaned = clean(read_source(page.path), join)
    seen: list[tuple[int, dict[str, float]]] = []
    segment(cleaned, boundary=None, trace=lambda index, features: seen.append((index, dict(features))))
    for index, features in seen:
        text = squash(cleaned.blocks[index].orig)
        yield features, int(any(s and text.startswith(s) for s in starts))


# -- the proposal decision ----------------------------------------------------------------


def _match(pred: str, gold: str) -> float:
    """The judges' matching rule: character bigrams of the shorter text found in the
    other, for a prediction not over three times as long (and of six characters or more)."""
    p, g = squash(pred), squash(gold)
    if len(p) < 6 or len(pred) > 3 * len(gold) + 10:
        return 0.0
    strip = re.compile(r"[，。、；：？！“”‘’（）《》,.;:?!\"'()\[\]【】—…·\-]")
    a, b = strip.sub("", p), strip.sub("", g)
    ga, gb = {a[i : i + 2] for i in range(len(a) - 1)} or {a}, {b[i : i + 2] for i in range(len(b) - 1)} or {b}
    return len(ga & gb) / min(len(ga), len(gb)) if ga and gb else 0.0


def proposal_cases(
    page: Page, hard: bool = True, join: Model | None = None, boundary: Model | None = None
) -> Iterator[tuple[dict[str, float], int]]:
    """Each candidate clause of the page's articles, with its features and whether it
    states an annotated proposal (by the judges' matching rule).  ``hard=False``
    leaves out the candidates that state only a borderline one (``hard`` in the
    annotation): neither a proposal to learn from nor a non-proposal."""
    from briefing.analyse.proposals.learned import candidates, proposing
    from briefing.read import read_source
    from briefing.text.clean import clean
    from briefing.text.segment import segment

    items = [p for a in page.gold["articles"] for p in a.get("proposals", [])]
    clear = [t for p in items if not p.get("hard") for t in [p["text"], *(p.get("alt_texts") or [])]]
    borderline = [t for p in items if p.get("hard") for t in [p["text"], *(p.get("alt_texts") or [])]]
    articles, _ = segment(clean(read_source(page.path), join), page.path.stem, boundary)
    for article in articles:
        if not proposing(article):
            continue
        found, _ = candidates(article)
        for c in found:
            text = article.paragraphs[c.para].orig[c.start : c.end]
            stated = any(_match(text, g) >= 0.6 for g in clear)
            maybe = any(_match(text, g) >= 0.6 for g in borderline)
            if maybe and not stated and not hard:
                continue
            yield c.features, int(stated or maybe)


@dataclass(frozen=True)
class Spec:
    """How a decision is fitted: the regularisation, and how often a feature must occur
    among the cases to be weighed at all (a rarer one would be a page's own word)."""

    c: float
    min_count: int


SPECS = {"join": Spec(1.0, 5), "boundary": Spec(3.0, 1), "proposal": Spec(0.1, 10)}
THRESHOLDS = tuple(t / 100 for t in range(20, 66, 5))
FLAT = 0.01  # F1 this close to the best counts as as good


Case = tuple[dict[str, float], int, float, str]  # features, label, weight, outlet


def _fit_raw(cases: list[Case], spec: Spec) -> tuple[float, dict[str, float]]:
    from collections import Counter

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(k for f, _, _, _ in cases for k in f)
    kept = [{k: v for k, v in f.items() if counts[k] >= spec.min_count} for f, _, _, _ in cases]
    vec = DictVectorizer(sparse=True)
    x = vec.fit_transform(kept)
    clf = LogisticRegression(C=spec.c, max_iter=5000, solver="lbfgs")
    clf.fit(x, [y for _, y, _, _ in cases], sample_weight=[w for _, _, w, _ in cases])
    names = vec.get_feature_names_out()
    return float(clf.intercept_[0]), {str(n): float(w) for n, w in zip(names, clf.coef_[0], strict=True)}


def _threshold(cases: list[Case], spec: Spec) -> float:
    """The decision threshold with the best F1 when each outlet is scored by a model
    trained on the others (the threshold must hold on an outlet it was not fitted to)."""
    outlets = sorted({o for _, _, _, o in cases})
    if len(outlets) < 2:
        return 0.5
    scored: list[tuple[float, int, float]] = []
    for outlet in outlets:
        bias, weights = _fit_raw([c for c in cases if c[3] != outlet], spec)
        model = Model("fold", bias, weights)
        scored += [(model.probability(f), y, w) for f, y, w, o in cases if o == outlet]

    def f1(t: float) -> float:
        tp = sum(w for p, y, w in scored if p >= t and y)
        fp = sum(w for p, y, w in scored if p >= t and not y)
        fn = sum(w for p, y, w in scored if p < t and y)
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    # the middle of the thresholds that come within a hair of the best: where the F1
    # curve is flat, a small change in the pages does not swing the threshold across it
    scores = {t: f1(t) for t in THRESHOLDS}
    best = max(scores.values())
    near = [t for t, f in scores.items() if f >= best - FLAT]
    return round(sum(near) / len(near), 3)


def fit(name: str, cases: list[Case], tune: bool = False) -> Model:
    """A logistic regression over the cases' features; each case weighs its weight.
    ``tune``: the threshold chosen leaving one outlet out (else 0.5)."""
    spec = SPECS[name]
    bias, weights = _fit_raw(cases, spec)
    return Model(name, bias, weights, _threshold(cases, spec) if tune else 0.5)


def train(all_pages: list[Page], leave_out: str | None = None) -> dict[str, Model]:
    """The models trained on the pages (without one outlet's, when given)."""
    used = [p for p in all_pages if p.outlet != leave_out]
    # the pages as published and reflowed weigh the same in all
    weight = {"text": 1.0, "reflowed": 1.0 / max(1, len({p.form for p in used}) - 1)}
    # each stage learns from what the stages before it, as trained here, hand it
    joins = [(f, y, 1.0, p.outlet) for p in used for f, y in join_cases(p)]
    join = fit("join", joins)
    boundaries = [(f, y, weight[p.form.split(":")[0]], p.outlet) for p in used for f, y in boundary_cases(p, join)]
    boundary = fit("boundary", boundaries)
    proposal = [
        (f, y, weight[p.form.split(":")[0]], p.outlet)
        for p in used
        for f, y in proposal_cases(p, join=join, boundary=boundary)
    ]
    return {"join": join, "boundary": boundary, "proposal": fit("proposal", proposal, tune=True)}


def write(models: dict[str, Model], path: Path) -> None:
    data = {"models": {name: m.as_json() for name, m in sorted(models.items())}}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the shipped weights instead of writing")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        models = train(pages(Path(tmp)))
    if args.check:
        fresh = Path(tempfile.mkstemp(suffix=".json")[1])
        write(models, fresh)
        same = fresh.read_text("utf-8") == args.out.read_text("utf-8") if args.out.is_file() else False
        fresh.unlink()
        print("the shipped weights are what training gives" if same else f"{args.out} differs from a fresh training")
        return 0 if same else 1
    write(models, args.out)
    for name, m in models.items():
        print(f"{name}: {len(m.as_json()['weights'])} weights")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
