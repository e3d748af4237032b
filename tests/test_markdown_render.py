"""Markdown rendering: the extensions work, and nothing can run or reach the network."""

from __future__ import annotations

import pytest

from writer.core.markdown_render import is_remote_url, render_fragment, render_standalone


def test_tables_fenced_code_and_footnotes() -> None:
    """Tables, fenced code and footnotes render as HTML."""
    html = render_fragment(
        "| a | b |\n|---|--:|\n| 1 | 2 |\n\n```python\nprint('<b>')\n```\n\nNote[^1].\n\n"
        "[^1]: The footnote.\n"
    )
    assert "<table>" in html and '<td style="text-align: right;">2</td>' in html
    assert '<code class="language-python">' in html and "print('&lt;b&gt;')" in html
    assert 'href="#fn:1"' in html and "The footnote." in html


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert('x')</script>",
        "<SCRIPT src='http://evil.example/x.js'></SCRIPT>",
        '<img src="x.png" onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="JaVa&#x09;ScRipt:alert(1)">x</a>',
        "[x](javascript:alert(1))",
        '<iframe src="http://evil.example"></iframe>',
        '<div onclick="alert(1)" style="background:url(http://evil.example/a.png)">d</div>',
        "<style>@import url(http://evil.example/a.css);</style>",
        '<object data="http://evil.example/a.swf"></object>',
        '<a href="data:text/html,<script>alert(1)</script>">x</a>',
        "<svg><script>alert(1)</script></svg>",
    ],
)
def test_nothing_can_run_or_call_home(source: str) -> None:
    """Scripts, handlers, javascript: links and remote loads are removed from the output."""
    html = render_fragment(f"Before\n\n{source}\n\nAfter").lower()
    for bad in ("<script", "alert", "javascript", "onerror", "onclick", "<iframe", "evil.example",
                "<style", "<object", "data:text"):  # fmt: skip
        assert bad not in html
    assert "before" in html and "after" in html


def test_remote_image_becomes_placeholder() -> None:
    """A remote image is replaced by a visible note; a local image stays."""
    html = render_fragment("![cover](http://example.com/a.png) ![p](//cdn.example/b.png)\n\n"
                           "![local](images/map.png)")  # fmt: skip
    assert 'src="http' not in html and 'src="//' not in html
    assert "[Remote image not loaded: cover]" in html
    assert "[Remote image not loaded: p]" in html
    assert '<img alt="local" src="images/map.png">' in html


def test_text_that_looks_like_html_stays_text() -> None:
    """Escaped markup in the text is shown, not interpreted."""
    html = render_fragment("Use `<script>` tags &lt;b&gt; carefully")
    assert "<code>&lt;script&gt;</code>" in html
    assert "&lt;b&gt;" in html


def test_standalone_export_is_complete_and_safe() -> None:
    """Export has a title, an embedded stylesheet, a strict CSP, and no remote image or script."""
    page = render_standalone("# Hi\n\n![x](https://example.com/a.png)\n<script>x()</script>",
                             'Chapter <1> & "2"')  # fmt: skip
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>Chapter &lt;1&gt; &amp; &quot;2&quot;</title>" in page
    assert "<style>" in page and "max-width" in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "<h1>Hi</h1>" in page
    assert "<script" not in page and 'src="https' not in page


def test_export_can_keep_remote_images_on_request() -> None:
    """The exporter can keep remote images when the user asks; scripts still go."""
    page = render_standalone("![x](https://example.com/a.png)<script>x()</script>", "t",
                             keep_remote_images=True)  # fmt: skip
    assert 'src="https://example.com/a.png"' in page
    assert "<script" not in page


@pytest.mark.parametrize(
    ("url", "remote"),
    [("http://a/b.png", True), ("HTTPS://a", True), ("//a/b", True), ("ftp://a", True),
     ("img/a.png", False), ("file:///tmp/a.png", False), ("C:\\pics\\a.png", False),
     ("data:image/png;base64,AAAA", False)],
)  # fmt: skip
def test_is_remote_url(url: str, remote: bool) -> None:
    """Only URLs that would reach the network count as remote."""
    assert is_remote_url(url) is remote
