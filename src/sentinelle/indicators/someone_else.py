"""Ages and school levels that belong to someone other than the person an ad offers.

A babysitting ad's "mes deux enfants de 7 et 12 ans" or a tutor's "pour élève en 3ème ou en
seconde" states a minor's age or school level, but not the poster's: such a statement must not
carry a minor flag (do no harm), so the matcher drops it. The cue is a word for a child or a
pupil, or of a teacher or a lesson ("prof au collège", "cours pour le lycée"), shortly before the
statement, in the same sentence.
"""

from __future__ import annotations

import re

_CUE = re.compile(
    r"\b(?:enfants?|b[ée]b[ée]s?|fils|(?:ma|mes|sa|ses|leur|leurs) filles?|[ée]l[èe]ves?"
    r"|neveux?|ni[èe]ces?|fr[èe]res?|s(?:oe|œ)urs?|gar[çc]ons?|jumeaux|jumelles"
    r"|profs?|professeure?s?|enseignante?s?|soutien|cours|tuteur|tutrice|surveillante?"
    r"|child(?:ren)?|kids?|sons?|daughters?|students?|pupils?|teachers?|tutors?)\b[^.!?\n]{0,30}$",
    re.IGNORECASE,
)
_WINDOW = 60  # characters before the statement


def about_someone_else(text: str, start: int) -> bool:
    """True when the statement starting at `start` is about a child or pupil the text names."""
    return start > 0 and _CUE.search(text[max(0, start - _WINDOW) : start]) is not None


def statement_start(text: str, evidence: str) -> int:
    """Where `evidence` first stands in `text` (-1 when it does not stand there as written)."""
    return text.find(evidence) if evidence else -1
