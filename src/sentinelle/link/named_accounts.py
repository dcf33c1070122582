"""How a post names an account: handed out as its own contact, or someone else's in passing.

Extraction reads every account a text names (and masking masks them all, whatever their role).
Linking asks more: whether the account is the poster's. Two cases say it is not:

- *credited*: the text thanks, credits or sends people to it ("plus d'infos chez @cafe_42",
  "merci à asso.13 sur insta", "relayé par @x_77", "photo de @studio.b"). Posters thank and
  credit venues, shops and associations; two posts naming one such account are not one
  poster. The cue stands right before the name, on its line ("merci⏎snap: lea_77" signs off,
  then gives a contact), and a name also written once without it stays the poster's;
- a bare "@name" on a post without an author (which the contract reads as an account of the
  post's source) that nothing *addresses* as a contact: tagging or recommending an account
  ("super soirée avec @dj_x") is not posting under it. A word of contact right before or after
  it ("DM @x", "écris-moi en pv @x", "Intéressée ? @x", "👉 @x", "@x pour infos") hands it out.

The cost is stated: a poster who writes her own contact only after such a cue ("infos chez
@agence_x") is linked by it no more; extraction, masking, search and the indicators still read
it. `store.networks.prepare_rows` applies both where linking reads the store, so the embedded,
incremental and Spark linkers agree.
"""

from __future__ import annotations

import re

# The value linking gives a bare "@name" kept only because its post gives no other contact
# ("mention:name", whatever the source): many posts tagging one venue make one value, a hub
# (`link.hubs`, `loose`), and such a tag joins a handle the name is given as, never a venue's
# own posts (`link.account_names`).
MENTION = "mention"

_HINT = re.compile(r"chez|merci|gr[aâ]ce|relay|partag|organis|photo|cr[ée]dit|vu ")
_CREDIT_BEFORE = re.compile(
    r"(?:\bchez|\bmerci(?: [aà])?|\bgr[aâ]ce [aà]|\b(?:relay|partag|organis)[ée]e?s? par"
    r"|\bvu (?:chez|par)|\bphotos? (?:de|par)|\bcr[ée]dits?(?: photos?)? ?:?)[ \t]+@?$"
)
_REACH = 40  # characters before a name where its cue is looked for
# Words that hand a bare "@name" out as the way to reach the poster, right before the name on
# its line, with connectors between; or an arrow or a question right before it.
_ADDRESSED_BEFORE = re.compile(
    r"(?:\b(?:dm|mp|pv|inbox|priv[ée]e?|[ée]cri(?:s|t|vez|re)|contact(?:e[rz]?)?|ajoute[rz]?|add"
    r"|rejoin[st]|rejoignez|join|infos?|renseignements?|r[ée]sa|r[ée]servations?|rdv|dispos?"
    r"|appel(?:le[rz]?)?|sms|msg|message|text|go)(?:[ -](?:moi|nous|me|us))?|[?👉➡→⇒])"
    r"(?:[ \t]*(?:en|sur|via|par|à|a|au|on|to|direct)\b)*(?:[ \t]*(?:dm|mp|pv|priv[ée]e?)\b)?"
    r"[ \t]*[:=>→➡⇒👉!-]*\ufe0f?[ \t]*@$"
)
_ADDRESSED_AFTER = re.compile(
    r"[ \t]*[!:,]?[ \t]*(?:pour|en|par)[ \t]+(?:infos?|plus d.infos|postuler|en savoir plus|dm|mp"
    r"|pv|priv[ée]e?)\b"
)


def credited(lowered: str, name: str) -> bool:
    """Whether every place the (lower case) text writes `name` as a word is right after a cue
    of thanks, credit or place: the account is someone else's, named in passing."""
    if not _HINT.search(lowered):
        return False
    at, seen = lowered.find(name), False
    while at >= 0:
        end = at + len(name)
        if _whole(lowered, at, end):
            if not _CREDIT_BEFORE.search(lowered, max(0, at - _REACH), at):
                return False
            seen = True
        at = lowered.find(name, end)
    return seen


def addressed(lowered: str, name: str) -> bool:
    """Whether the (lower case) text hands the bare mention "@name" out as a contact: a word of
    contact right before or after it on its line."""
    mention = "@" + name
    at = lowered.find(mention)
    while at >= 0:
        end = at + len(mention)
        if _whole(lowered, at + 1, end) and (
            _ADDRESSED_BEFORE.search(lowered, max(0, at - _REACH), at + 1)
            or _ADDRESSED_AFTER.match(lowered, end)
        ):
            return True
        at = lowered.find(mention, at + 1)
    return False


def _whole(lowered: str, start: int, end: int) -> bool:
    """The name at [start, end) stands as a word: no name character glued to either side."""
    before = lowered[start - 1] if start else " "
    after = lowered[end] if end < len(lowered) else " "
    return not (before.isalnum() or before in "_." or after.isalnum() or after == "_")
