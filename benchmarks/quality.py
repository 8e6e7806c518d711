"""Quality against the annotated pages, per outlet, as the project is judged.

    python benchmarks/quality.py [--set seeds|dev|both] [--reflow] [--looo] [--json]

Runs ``briefing make`` on each annotated set (``../shared/gold/seeds`` with the
seed pages, ``../shared/dev`` with the pages of other outlets), scores the
briefing with ``../shared/tools/score_briefing.py`` (the judge's scorer) for the
whole set and for each outlet, and prints one table.  ``--reflow`` also scores
the same pages reflowed like a PDF extraction (every line broken after 20–40
characters, blank lines kept), and ``--pdf`` the same pages typeset as newspaper
PDFs (``benchmarks/typeset.py``) and read back; each prints the loss on each figure.

``--looo`` measures the learned decisions the honest way: for each outlet, the
models are trained (``scripts/train.py``) on every other outlet's pages, and the
outlet left out is scored with them, as published and reflowed; the table has one
row per outlet and the pooled figures of all of them ("all").
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
SHARED = REPO.parent / "shared"
SCORER = SHARED / "tools" / "score_briefing.py"
SETS = {
    "seeds": (SHARED / "seeds", SHARED / "gold" / "seeds"),
    "dev": (SHARED / "dev" / "texts", SHARED / "dev" / "gold"),
}
FIGURES = ("segmentation", "proposals", "recall", "speaker", "themes", "verbatim")


def reflow(text: str, seed: int = 0) -> str:
    """The text as a PDF extraction prints it: each line broken after 20–40
    characters (the indent stays on the first piece), blank lines kept.  Web
    markup (image and link lines, HTML, front matter) has no place in a PDF and
    is left whole."""
    from briefing.text import markup

    rng = random.Random(seed)
    out: list[str] = []
    lines = text.replace("\r\n", "\n").split("\n")
    front = markup.front_matter(lines)
    for no, line in enumerate(lines):
        stripped = line.strip()
        web = no < front or markup.furniture(stripped) or markup.image_caption(stripped) or stripped.startswith("<")
        while len(line) > 40 and not web:
            cut = rng.randint(20, 40)
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return "\n".join(out)


def figures(scores: dict) -> dict[str, float]:
    return {
        "segmentation": scores["segmentation"]["f1"],
        # the figure the project is judged by: a measure listed twice counts once
        "proposals": scores["proposals_distinct"]["f1"],
        "recall": scores["proposals"]["recall"],
        "speaker": scores["speaker_accuracy"],
        "themes": scores["themes_core"]["f1"],
        "verbatim": scores["faithfulness"],
        # mean bigram F1 of the summaries against the annotated key sentences (0 where
        # the set annotates none, as shared/dev does); not in the table
        "key sentences": scores["summary_bigram_f1"],
    }


def score(briefing_json: Path, gold: Path, texts: Path) -> dict:
    run = subprocess.run(
        [sys.executable, str(SCORER), str(briefing_json), str(gold), str(texts), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout)


def make(texts: Path | list[Path], out: Path, models: Path | None = None) -> Path:
    """``briefing make`` on a folder of pages (or a list of them); the briefing's JSON file."""
    import os

    env = dict(os.environ, BRIEFING_MODELS=str(models)) if models else None
    pages = texts if isinstance(texts, list) else [texts]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "briefing",
            "make",
            *map(str, pages),
            "--out",
            str(out),
            "--no-archive",
            "--quiet",
            "--format",
            "json",
        ],
        check=True,
        env=env,
    )
    return out / "briefing.json"


def evaluate(texts: Path, gold: Path, work: Path, pages: Path | None = None) -> dict[str, dict[str, float]]:
    """Figures for the whole set ("all") and for each outlet, from one run on
    ``pages`` (the texts themselves unless given)."""
    briefing = make(pages or texts, work / "out")
    by_outlet: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(gold.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        outlet = str(data.get("outlet") or data.get("newspaper") or "?").split(" (")[0]
        by_outlet[outlet].append(path)
    result = {"all": figures(score(briefing, gold, texts))}
    for outlet, paths in by_outlet.items():
        subset = work / f"gold-{len(result)}"
        subset.mkdir()
        for p in paths:
            shutil.copy(p, subset / p.name)
        result[outlet] = figures(score(briefing, subset, texts))
    return result


REFLOW = SHARED / "tools" / "reflow.py"


def leave_one_outlet_out(work: Path) -> dict[str, dict[str, dict[str, float]]]:
    """Per outlet of both annotated sets, the figures with models trained without it
    (as published, and reflowed like a PDF extraction), and the pooled figures."""
    sys.path.insert(0, str(REPO / "scripts"))
    import train

    everything = train.pages(work / "train")
    outlets = sorted({p.outlet for p in everything})
    result: dict[str, dict[str, dict[str, float]]] = {"looo": {}, "looo reflowed": {}}
    pooled: dict[str, list[Path]] = {"looo": [], "looo reflowed": []}
    for k, outlet in enumerate(outlets):
        models = work / f"models-{k}.json"
        train.write(train.train(everything, leave_out=outlet), models)
        pages = [p for p in everything if p.outlet == outlet and p.form == "text"]
        for name, folder in (("looo", None), ("looo reflowed", "reflowed")):
            case = work / f"case-{k}-{name.replace(' ', '-')}"
            texts, gold = case / "texts", case / "gold"
            texts.mkdir(parents=True)
            gold.mkdir()
            for page in pages:
                source = (
                    page.path
                    if folder is None
                    else Path(reflowed(page.path.parent, case / "r", once=True)) / page.path.name
                )
                shutil.copy(source, texts / page.path.name)
                (gold / f"{page.path.stem}.json").write_text(json.dumps(page.gold, ensure_ascii=False), "utf-8")
            briefing = make(texts, case / "out", models)
            result[name][outlet] = figures(score(briefing, gold, pages[0].path.parent))
            pooled[name].append(case)
    seed_outlets = {train.outlet_of(json.loads(p.read_text("utf-8"))) for p in SETS["seeds"][1].glob("*.json")}
    for name, cases in pooled.items():
        # the pooled figure is the development set's: the seed pages have a row of their own
        cases = [c for c, o in zip(cases, outlets, strict=True) if o not in seed_outlets]
        texts, gold, outs = work / f"{name}-all-texts", work / f"{name}-all-gold", []
        texts.mkdir()
        gold.mkdir()
        for case in cases:
            for path in (case / "gold").glob("*.json"):
                shutil.copy(path, gold / path.name)
            outs.append(json.loads((case / "out" / "briefing.json").read_text("utf-8")))
        merged = {
            "articles": [a for o in outs for a in o["articles"]],
            "proposals": [p for o in outs for p in o["proposals"]],
        }
        (work / f"{name}.json").write_text(json.dumps(merged, ensure_ascii=False), "utf-8")
        texts_dirs = {SETS[s][0] for s in SETS}
        joined = work / f"{name}-sources"
        joined.mkdir()
        for folder in texts_dirs:
            for path in folder.glob("*.txt"):
                shutil.copy(path, joined / path.name)
        result[name] = {"all": figures(score(work / f"{name}.json", gold, joined)), **result[name]}
    return result


def reflowed(texts: Path, work: Path, once: bool = False) -> Path:
    """The pages broken into lines the way the judges' check breaks them
    (``../shared/tools/reflow.py``: lines of 14–60 characters, some blank lines inside
    paragraphs, indents stripped); where that tool is missing, :func:`reflow`."""
    folder = work / "reflowed"
    if once and folder.is_dir():
        return folder
    if REFLOW.is_file():
        subprocess.run([sys.executable, str(REFLOW), str(texts), str(folder)], check=True)
        return folder
    folder.mkdir()
    for path in sorted(texts.glob("*.txt")):
        (folder / path.name).write_text(reflow(path.read_text("utf-8")), "utf-8")
    return folder


def typeset_pdfs(texts: Path, work: Path) -> Path:
    from typeset import write

    folder = work / "pdf"
    for seed, path in enumerate(sorted(texts.glob("*.txt"))):
        write(path, folder, seed)
    for order in folder.glob("*.order.json"):
        order.unlink()
    return folder


def web_pages(texts: Path, work: Path) -> Path:
    from typeset import html_page

    folder = work / "html"
    folder.mkdir()
    for path in sorted(texts.glob("*.txt")):
        (folder / f"{path.stem}.html").write_text(html_page(path), "utf-8")
    return folder


def table(name: str, result: dict[str, dict[str, float]]) -> str:
    rows = [f"| {name} | " + " | ".join(FIGURES) + " |", "|---|" + "---:|" * len(FIGURES)]
    for outlet, figs in result.items():
        rows.append(f"| {outlet} | " + " | ".join(f"{figs[f]:.3f}" for f in FIGURES) + " |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=["seeds", "dev", "both"], default="both")
    parser.add_argument("--reflow", action="store_true", help="also score the pages reflowed like a PDF extraction")
    parser.add_argument("--pdf", action="store_true", help="also score the pages typeset as PDFs and read back")
    parser.add_argument("--html", action="store_true", help="also score the pages saved as web pages")
    parser.add_argument("--looo", action="store_true", help="leave one outlet out: train without it, score it")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if not SCORER.is_file():
        sys.exit(f"the scorer is missing: {SCORER}")
    names = ["seeds", "dev"] if args.set == "both" else [args.set]
    report: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            texts, gold = SETS[name]
            work = Path(tmp) / name
            work.mkdir()
            report[name] = evaluate(texts, gold, work)
            if args.reflow:
                rwork = Path(tmp) / f"{name}-reflowed"
                rwork.mkdir()
                report[f"{name} reflowed"] = evaluate(reflowed(texts, rwork), gold, rwork)
            if args.pdf:
                pwork = Path(tmp) / f"{name}-pdf"
                pwork.mkdir()
                report[f"{name} pdf"] = evaluate(texts, gold, pwork, typeset_pdfs(texts, pwork))
            if args.html:
                hwork = Path(tmp) / f"{name}-html"
                hwork.mkdir()
                report[f"{name} html"] = evaluate(texts, gold, hwork, web_pages(texts, hwork))
        if args.looo:
            lwork = Path(tmp) / "looo"
            lwork.mkdir()
            report.update(leave_one_outlet_out(lwork))
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return
    for name, result in report.items():
        print(table(name, result), end="\n\n")
        plain = name.removesuffix(" reflowed").removesuffix(" pdf").removesuffix(" html")
        if plain != name and plain in report:
            loss = {f: report[plain]["all"][f] - result["all"][f] for f in FIGURES}
            print("loss against the unbroken pages: " + ", ".join(f"{f} {v:+.3f}" for f, v in loss.items()), end="\n\n")


if __name__ == "__main__":
    main()
