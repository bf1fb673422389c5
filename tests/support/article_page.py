"""A small hand-written article page for the field tests (dates, authors): a title, some
prose the extractor reads as the text, and places around it for what a test puts there."""

from __future__ import annotations

PROSE = "".join(
    f"<p>Paragraph {i} of the story says something long enough to be read as prose by the "
    f"extractor, with several clauses, commas, and a full stop at the end of it.</p>"
    for i in range(6)
)


def page(
    head: str = "",
    top: str = "",
    *,
    title: str = "Rivers Run Again",
    tail: str = "",
    after: str = "",
) -> str:
    """The article; ``top`` goes between the title and the text, ``tail`` closes the
    article, ``after`` follows it."""
    return (
        f"<html><head><title>{title} | The Daily Example</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{title}</h1>{top}{PROSE}{tail}</article>{after}"
        "<footer><p>Copyright 2025 The Daily Example</p></footer></body></html>"
    )


def published_meta(value: str) -> str:
    return f'<meta property="article:published_time" content="{value}">'
