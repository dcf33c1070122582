"""`sentinelle terms`: propose emerging terms from the analysed posts; accept one."""

from __future__ import annotations

import click

from sentinelle.cli.common import db_option, err_console, handle_errors, open_store_for


def _day(value: str | None) -> float | None:
    from datetime import UTC, datetime

    if not value:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC).timestamp()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2024-03-13") from None


@click.group()
def terms() -> None:
    """Emerging words: propose terms rising among flagged or reviewed posts, accept one."""


@terms.command()
@db_option
@click.option("--window-days", default=7, show_default=True, type=click.IntRange(1, 365))
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 500))
@click.option("--since", help="Only posts from this day (YYYY-MM-DD).")
@click.option("--until", help="Only posts before this day (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per proposal.")
@handle_errors
def discover(db, window_days, limit, since, until, as_json) -> None:
    """Terms whose use rises among flagged or reviewed posts compared with the rest, per time
    window, with example posts. Nothing changes until an analyst runs `terms accept`."""
    from datetime import UTC, datetime

    import orjson

    from sentinelle.score.terms import TermPost
    from sentinelle.score.terms import discover as find
    from sentinelle.store.terms import iter_term_rows

    store = open_store_for(db)
    try:
        rows = [TermPost(*row) for row in iter_term_rows(store, _day(since), _day(until))]
    finally:
        store.close()
    proposals = find(rows, window_days=window_days, limit=limit)
    err_console.print(
        f"{len(rows)} analysed posts ({sum(r.focus for r in rows)} flagged or reviewed); "
        f"{len(proposals)} proposals"
    )
    for proposal in proposals:
        since_day = datetime.fromtimestamp(proposal.first_window, UTC).strftime("%Y-%m-%d")
        if as_json:
            record = {
                "term": proposal.term,
                "window_start": since_day,
                "focus_posts": proposal.focus_posts,
                "other_posts": proposal.rest_posts,
                "lift": proposal.lift,
                "score": proposal.score,
                "examples": proposal.examples,
            }
            click.echo(orjson.dumps(record).decode())
        else:
            click.echo(
                f"{proposal.term:<28} from {since_day}  {proposal.focus_posts:>4} flagged, "
                f"{proposal.rest_posts:>4} other, lift {proposal.lift:>6.1f}  "
                f"e.g. {', '.join(proposal.examples)}"
            )


@terms.command()
@db_option
@click.argument("term")
@click.option("--code", required=True, help="The indicator the term joins (e.g. activity.escort).")
@click.option("--note", default="", help="Why: what the term means, where it was seen.")
@click.option("--by", "who", default=None, help="Who accepts it [default: the system user].")
@handle_errors
def accept(db, term, code, note, who) -> None:
    """Add TERM to the indicator CODE of this site's catalogue (audited; takes effect at the
    next `analyze`; the shipped YAML is not edited)."""
    import getpass
    import time

    from sentinelle.audit import record_event
    from sentinelle.auth.roles import Actor
    from sentinelle.errors import InputError
    from sentinelle.indicators.catalogue import RULE_INDICATORS, catalogue
    from sentinelle.indicators.site_terms import add_site_term
    from sentinelle.text.normalize import fold

    spec = catalogue().get(code)
    if spec is None or spec in RULE_INDICATORS:
        known = ", ".join(c for c, s in sorted(catalogue().items()) if s not in RULE_INDICATORS)
        raise InputError(f"--code {code!r} is not a term indicator; one of: {known}")
    cleaned = " ".join(term.split())
    if not cleaned or len(cleaned) > 100:
        raise InputError("the term must be 1 to 100 characters")
    if fold(cleaned) in {fold(t) for t in spec.terms}:
        raise InputError(f"{cleaned!r} is already a term of {code}")
    who = who or getpass.getuser()
    entry = {
        "code": code,
        "term": cleaned,
        "accepted_by": who,
        "accepted_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "note": note,
    }
    path = add_site_term(entry)
    store = open_store_for(db)
    try:
        record_event(store, Actor(who, "cli"), "terms.accept", f"{code}: {cleaned}", "cli", entry)
    finally:
        store.close()
    err_console.print(f"{cleaned!r} joins {code} in {path}; it takes effect at the next analyze")


@terms.command(name="list")
def list_terms() -> None:
    """Terms accepted on this site."""
    from sentinelle.indicators.site_terms import load_site_terms

    for entry in load_site_terms():
        click.echo(
            f"{entry['code']:<32} {entry['term']:<24} {entry.get('accepted_by', '')} "
            f"{entry.get('accepted_at', '')} {entry.get('note', '')}"
        )
