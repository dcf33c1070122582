"""Visible text of an HTML page, with a real HTML parser (selectolax/Lexbor)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

_INVISIBLE = ("script", "style", "noscript", "template", "head")


def visible_text(body: bytes, charset: str = "utf-8") -> tuple[str | None, str]:
    """The page's title and the text a reader sees, one block per line."""
    try:
        html = body.decode(charset, errors="replace")
    except LookupError:
        html = body.decode("utf-8", errors="replace")
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = title_node.text(strip=True) if title_node else None
    tree.strip_tags(list(_INVISIBLE))
    root = tree.body or tree.root
    text = root.text(separator="\n", strip=True) if root else ""
    lines = [line.strip() for line in text.splitlines()]
    return title or None, "\n".join(line for line in lines if line)
