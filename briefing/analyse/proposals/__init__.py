"""Who proposed what: policy proposals with their speaker, role and kind.

A proposal is a concrete measure attributed to an identifiable proposer:

* ``suggestion`` — a call on others: ``X建议…``, ``呼吁…``, ``希望…``,
  ``提出…的建议``, and ``应/要/需要…`` in a deputy's, member's or expert's words;
* ``plan`` — a speaker, body or firm stating what its own side will do:
  ``某区将…``, ``下一步，…将…``, ``我们要…``, ``力争…``; also the provisions
  of an issued document and the tasks a conference deploys.

Three parts, each testable alone:

* :mod:`.speakers` — speaker recognition, a small grammar over title chains,
  names, mandate markers, verbs of saying, speaker lines, Q&A turns and later
  references;
* :mod:`.clauses` — clause classification (suggestion / plan / none) and the
  verbatim span, from the cue lexicons of :mod:`.lexicon` (``data/cues.toml``);
* :mod:`.walk` — the paragraph walk that ties them together.

Unsigned commentary, statistics, achievements and quoted reports yield nothing.
"""

from .learned import decide as find_proposals

__all__ = ["find_proposals"]
