"""Digital outreach ("maraude numérique"): persons at risk behind flagged posts, each
organisation's contact log, message templates, local services, reports to child protection,
retention and a dashboard with no identifying data."""
