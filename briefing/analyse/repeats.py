"""One measure, one entry: a proposal said again by the same proposer elsewhere in
the week — a second copy of an article on another page, a feed that carries an
item two days running, a recap — is listed once, where it was first read.

Within an article the proposal decision already lists a measure once; this pass
does the same across articles and pages.  Two proposals restate each other when
most of the shorter one's character pairs are in the other and they are of a
length (the rule of the proposal decision); the pair index of the salience stage
finds the candidates without comparing every two, grown as measures are kept: a
week that prints a measure forty times compares each copy with one text, not with
the other thirty-nine.  Pure function.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Analysis
from .proposals.learned import _restates
from .salience import _PairIndex, _pairs


def merge_restatements(analyses: Sequence[Analysis]) -> tuple[Analysis, ...]:
    """The analyses with each proposal that restates an earlier one of the same
    proposer (person or body) left out, and its place added to the earlier one's
    ``also``."""
    proposals = [(k, p) for k, a in enumerate(analyses) for p in a.proposals]
    by_proposer: dict[str | None, list[int]] = {}
    for i, (_, p) in enumerate(proposals):
        by_proposer.setdefault(p.speaker or p.body, []).append(i)
    also: dict[int, list[tuple[str, int]]] = {}
    dropped: set[str] = set()
    for members in by_proposer.values():  # a proposer restates only their own measures
        pairs = [_pairs(proposals[i][1].text) for i in members]
        kept = _PairIndex(pairs, grow=True)  # the measures kept so far
        for m, i in enumerate(members):
            p = proposals[i][1]
            first = next(
                (n for n in kept.same_measure(pairs[m]) if _restates(pairs[m], pairs[n])),
                None,
            )
            if first is None:
                kept.add(m)
                continue
            dropped.add(p.id)
            also.setdefault(members[first], []).append((p.article, p.para))
    if not dropped:
        return tuple(analyses)
    places = {proposals[j][1].id: tuple(v) for j, v in also.items()}
    return tuple(
        replace(
            a,
            proposals=tuple(
                replace(p, also=(*p.also, *places[p.id])) if p.id in places else p
                for p in a.proposals
                if p.id not in dropped
            ),
        )
        if any(p.id in dropped or p.id in places for p in a.proposals)
        else a
        for a in analyses
    )
