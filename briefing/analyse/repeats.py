"""One measure, one entry: a proposal said again by the same proposer elsewhere in
the week — a second copy of an article on another page, a feed that carries an
item two days running, a recap — is listed once, where it was first read.

Within an article the proposal decision already lists a measure once; this pass
does the same across articles and pages.  Two proposals restate each other when
most of the shorter one's character pairs are in the other and they are of a
length (the rule of the proposal decision); the pair index of the salience stage
finds the candidates without comparing every two.  Pure function.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Analysis
from .proposals.learned import _pairs, _restates
from .salience import SAME_MEASURE, _need


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
        kept = _Kept(pairs)
        for m, i in enumerate(members):
            k, p = proposals[i]
            first = next(
                (
                    n
                    for n in kept.same_measure(pairs[m])
                    if proposals[members[n]][0] != k and _restates(pairs[m], pairs[n])
                ),
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


class _Kept:
    """The measures kept so far, found by their character pairs as the salience
    stage's index finds them (prefix filtering), but growing as they are kept: a
    week that prints a measure forty times compares each copy with one text, not
    with the other thirty-nine."""

    def __init__(self, pair_sets: Sequence[set[str]]) -> None:
        counts: dict[str, int] = {}
        for pairs in pair_sets:
            for pair in pairs:
                counts[pair] = counts.get(pair, 0) + 1
        self.counts = counts  # the fixed order of rarity: exact for any fixed order
        self.sets = pair_sets
        self.postings: dict[str, list[int]] = {}
        self.rarest: dict[str, list[int]] = {}

    def _prefix(self, pairs: set[str]) -> list[str]:
        keep = len(pairs) - _need(len(pairs)) + 1
        return sorted(pairs, key=lambda p: (self.counts.get(p, 0), p))[:keep]

    def add(self, k: int) -> None:
        for pair in self.sets[k]:
            self.postings.setdefault(pair, []).append(k)
        for pair in self._prefix(self.sets[k]):
            self.rarest.setdefault(pair, []).append(k)

    def same_measure(self, pairs: set[str]) -> list[int]:
        """The kept texts on the same measure as one with these pairs, in order."""
        q = len(pairs)
        if not q:
            return []
        sizes = self.sets
        candidates = {k for pair in pairs for k in self.rarest.get(pair, ()) if len(sizes[k]) <= q}
        candidates.update(k for pair in self._prefix(pairs) for k in self.postings.get(pair, ()) if len(sizes[k]) > q)
        return sorted(k for k in candidates if len(pairs & sizes[k]) / min(q, len(sizes[k])) >= SAME_MEASURE)
