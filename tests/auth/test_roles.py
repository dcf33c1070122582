from sentinelle.auth import Actor, allowed

ANALYST, OUTREACH = Actor("a", "analyst"), Actor("o", "outreach")
ADMIN, AUDITOR = Actor("d", "admin"), Actor("u", "auditor")


def test_roles_get_only_their_actions():
    assert allowed(ANALYST, "network.view") and not allowed(OUTREACH, "network.view")
    assert allowed(ADMIN, "accounts.manage") and not allowed(ANALYST, "accounts.manage")
    assert allowed(AUDITOR, "audit.view") and not allowed(AUDITOR, "posts.list")
    assert not allowed(ADMIN, "post.view")  # admins run accounts, not analysis
    assert not allowed(OUTREACH, "export.posts")


def test_outreach_sees_at_risk_posts_only():
    assert allowed(OUTREACH, "post.view", {"flags": 1})
    assert not allowed(OUTREACH, "post.view", {"flags": 0})
    assert not allowed(OUTREACH, "identifier.reveal", {"flags": 0})
    assert allowed(ANALYST, "post.view", {"flags": 0})


def test_unknown_actor_role_or_action_is_refused():
    assert not allowed(None, "posts.list")
    assert not allowed(Actor("x", "superuser"), "posts.list")
    assert not allowed(ANALYST, "no.such.action")
