"""Markdown to safe HTML, for the preview pane and for HTML export.

python-markdown (tables, fenced code, footnotes) renders the text; an allow-list
sanitiser then rebuilds the HTML so nothing in it can run or reach the network:
``<script>``, ``<style>``, ``<iframe>`` and their kind are dropped with their
content (when one is never closed, as in "She typed <script> into the box.",
only the tag is shown as text and everything after it is kept), ``on*``
handlers and ``style`` (except table alignment) are removed,
``javascript:``-like links lose their target, and remote images (``http:``,
``https:``, ``//host``) become a visible placeholder.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import markdown

from writer.core.localized import Translate, localize

EXTENSIONS = ("tables", "fenced_code", "footnotes", "sane_lists")

_ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details",
    "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
    "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var",
}  # fmt: skip
_VOID_TAGS = {"br", "hr", "img"}
#: Dropped together with everything inside them.
_DROP_WITH_CONTENT = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript",
    "template", "svg", "math", "title", "head", "textarea", "select", "audio", "video",
}  # fmt: skip
#: Dropped elements that never have content: only the tag goes.
_DROP_EMPTY = {"embed", "frame", "param", "source", "track", "base", "link", "meta", "input"}
_GLOBAL_ATTRS = {"id", "class", "title", "lang", "dir"}
_TAG_ATTRS = {
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "style"},
    "ol": {"start", "type"},
    "li": {"value"},
    "abbr": {"title"},
    "details": {"open"},
}
_ALIGN_STYLE = re.compile(r"\s*text-align:\s*(left|right|center)\s*;?\s*", re.IGNORECASE)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_SAFE_LINK_SCHEMES = {"http", "https", "mailto", "file"}
_SAFE_DATA_IMAGE = re.compile(r"^data:image/(png|jpeg|gif|webp|bmp);base64,", re.IGNORECASE)


def is_remote_url(url: str) -> bool:
    """Return True when loading ``url`` would reach the network (any scheme but file/data)."""
    clean = _INVISIBLE.sub("", html.unescape(url))
    if clean.startswith(("//", "\\\\")):
        return True
    match = _SCHEME.match(clean)
    if not match:
        return False
    scheme = match.group(1).lower()
    return len(scheme) > 1 and scheme not in ("file", "data", "qrc")


def _safe_href(url: str) -> str | None:
    """Return ``url`` if it is safe as a link target, else None."""
    clean = _INVISIBLE.sub("", url)
    match = _SCHEME.match(clean)
    if match and len(match.group(1)) > 1 and match.group(1).lower() not in _SAFE_LINK_SCHEMES:
        return None
    return url.strip()


def _safe_src(url: str) -> str | None:
    """Return ``url`` if an image may be loaded from it (local file or inline data)."""
    clean = _INVISIBLE.sub("", url)
    if _SAFE_DATA_IMAGE.match(clean):
        return clean
    if is_remote_url(clean) or clean.lower().startswith("data:"):
        return None
    return url.strip()


class _Sanitiser(HTMLParser):
    """Rebuilds HTML keeping only allowed tags and attributes."""

    def __init__(self, keep_remote_images: bool, translate: Translate | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.keep_remote_images = keep_remote_images
        self.translate = translate
        self.out: list[str] = []
        self.skipping: list[str] = []
        self.blocked_images: list[str] = []
        #: Where the outermost dropped element began: (output length, its tag's text, the
        #: source offset after its tag), to take back if it is never closed.
        self.dropped_from: tuple[int, str, int] | None = None
        self._line_starts: list[int] = [0]

    def feed(self, data: str) -> None:
        """Parse ``data`` (the whole fragment in one call)."""
        self._line_starts = [0]
        self._line_starts += [i + 1 for i, char in enumerate(data) if char == "\n"]
        super().feed(data)

    def _offset_after_tag(self) -> int:
        """Return the source offset just after the start tag being handled."""
        line, column = self.getpos()
        return self._line_starts[line - 1] + column + len(self.get_starttag_text() or "")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Keep an allowed start tag with its safe attributes."""
        if self.skipping:
            if tag == self.skipping[-1] and tag not in _VOID_TAGS:
                self.skipping.append(tag)
            return
        if tag in _DROP_EMPTY:
            return
        if tag in _DROP_WITH_CONTENT:
            self.skipping.append(tag)
            self.dropped_from = (
                len(self.out),
                self.get_starttag_text() or "",
                self._offset_after_tag(),
            )
            return
        if tag not in _ALLOWED_TAGS:
            return
        kept = self._clean_attrs(tag, attrs)
        if kept is None:
            return
        rendered = "".join(f' {name}="{html.escape(value)}"' for name, value in kept)
        self.out.append(f"<{tag}{rendered}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Treat ``<br/>`` like ``<br>``; a self-closed dropped tag drops nothing else."""
        if self.skipping or tag in _DROP_WITH_CONTENT:
            return
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS and tag in _ALLOWED_TAGS:
            self.out.append(f"</{tag}>")

    def handle_endtag(self, tag: str) -> None:
        """Close an allowed tag, or end a dropped region."""
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
                if not self.skipping:
                    self.dropped_from = None
            return
        if tag in _ALLOWED_TAGS and tag not in _VOID_TAGS:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        """Keep text outside dropped regions, escaped."""
        if not self.skipping:
            self.out.append(html.escape(data, quote=False))

    def _clean_attrs(
        self, tag: str, attrs: list[tuple[str, str | None]]
    ) -> list[tuple[str, str]] | None:
        """Return the attributes worth keeping; None when the tag was replaced."""
        allowed = _GLOBAL_ATTRS | _TAG_ATTRS.get(tag, set())
        kept: list[tuple[str, str]] = []
        values = {name: value or "" for name, value in attrs}
        for name, value in attrs:
            value = value or ""
            if name not in allowed or name.startswith("on"):
                continue
            if name == "style":
                if not _ALIGN_STYLE.fullmatch(value):
                    continue
            elif name == "href":
                safe = _safe_href(value)
                if safe is None:
                    continue
                value = safe
            elif name == "src":
                safe = _safe_src(value)
                if safe is None and not (self.keep_remote_images and is_remote_url(value)):
                    self._placeholder(value, values.get("alt", ""))
                    return None
                value = safe or value.strip()
            kept.append((name, value))
        return kept

    def _placeholder(self, url: str, alt: str) -> None:
        """Emit the visible stand-in for a blocked remote image."""
        self.blocked_images.append(url)
        label = f"Remote image not loaded: {alt}" if alt else "Remote image not loaded"
        if self.translate is not None:
            label = localize(label, self.translate)
        self.out.append(
            f'<span class="blocked-image" title="{html.escape(url)}">[{html.escape(label)}]</span>'
        )


def sanitise_html(
    fragment: str, *, keep_remote_images: bool = False, translate: Translate | None = None
) -> str:
    """Return ``fragment`` with scripts, handlers, unsafe links and remote images removed.

    ``translate`` (Qt's) puts the note that stands in for a blocked image in the
    interface language; without it the note is English.
    """
    parts: list[str] = []
    while True:
        parser = _Sanitiser(keep_remote_images, translate)
        parser.feed(fragment)
        parser.close()
        if parser.dropped_from is None:
            parts.extend(parser.out)
            return "".join(parts)
        # A dropped element that is never closed: show its tag as text, keep what follows.
        kept, tag_text, resume = parser.dropped_from
        parts.extend(parser.out[:kept])
        parts.append(html.escape(tag_text, quote=False))
        fragment = fragment[resume:]


def _markdown_to_html(text: str) -> str:
    """Convert Markdown to (unsanitised) HTML."""
    converter = markdown.Markdown(extensions=list(EXTENSIONS), output_format="html")
    return converter.convert(text)


def render_fragment(text: str, *, translate: Translate | None = None) -> str:
    """Return safe HTML (no ``<html>`` wrapper) for the preview pane (see :func:`sanitise_html`)."""
    return sanitise_html(_markdown_to_html(text), translate=translate)


PREVIEW_CSS = """
body { line-height: 1.5; }
pre { background-color: #f4f4f4; padding: 6px; }
code { font-family: monospace; background-color: #f4f4f4; }
blockquote { color: #555555; margin-left: 12px; padding-left: 8px; }
table { border-collapse: collapse; }
th, td { border: 1px solid #bbbbbb; padding: 3px 6px; }
.blocked-image { color: #8a5a00; background-color: #fff4d6; }
.footnote { font-size: small; color: #555555; }
"""

EXPORT_CSS = """
:root { color-scheme: light dark; }
body {
  max-width: 42em; margin: 2.5em auto; padding: 0 1.2em;
  font: 17px/1.65 Georgia, "Noto Serif", "Source Han Serif SC", "Songti SC", serif;
  color: #1f1f1f; background: #fdfdfb;
}
h1, h2, h3, h4, h5, h6 {
  font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "PingFang SC", sans-serif;
  line-height: 1.25; margin: 1.6em 0 0.6em;
}
p, ul, ol, blockquote, table, pre { margin: 0 0 1em; }
a { color: #0b5cad; }
blockquote { margin-left: 0; padding-left: 1em; border-left: 3px solid #d0d0d0; color: #555; }
code, pre { font-family: ui-monospace, "SF Mono", Consolas, "Liberation Mono", monospace; }
code { font-size: 0.9em; background: #f2f2f0; padding: 0.1em 0.3em; border-radius: 3px; }
pre { background: #f2f2f0; padding: 0.8em 1em; overflow-x: auto; border-radius: 4px; }
pre code { background: none; padding: 0; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ccc; padding: 0.35em 0.7em; }
th { background: #f2f2f0; }
img { max-width: 100%; }
hr { border: none; border-top: 1px solid #ddd; margin: 2em 0; }
.footnote { font-size: 0.9em; color: #555; }
.blocked-image { color: #8a5a00; background: #fff4d6; padding: 0 0.3em; }
@media (prefers-color-scheme: dark) {
  body { color: #e4e4e4; background: #1b1b1b; }
  code, pre, th { background: #2a2a2a; }
  blockquote, .footnote { color: #aaa; }
  a { color: #7cb7ff; }
}
@media print { body { max-width: none; background: white; color: black; } }
"""


def render_standalone(text: str, title: str, *, keep_remote_images: bool = False) -> str:
    """Return a complete HTML document with an embedded stylesheet, for export.

    Remote images stay blocked unless ``keep_remote_images`` is set; scripts never survive.
    """
    body = sanitise_html(_markdown_to_html(text), keep_remote_images=keep_remote_images)
    img_src = "img-src * data:" if keep_remote_images else "img-src 'self' data: file:"
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" '
        f"content=\"default-src 'none'; {img_src}; style-src 'unsafe-inline'\">\n"
        f'<meta name="generator" content="Writer">\n<title>{html.escape(title)}</title>\n'
        f"<style>{EXPORT_CSS}</style>\n</head>\n<body>\n<article>\n{body}\n</article>\n"
        "</body>\n</html>\n"
    )
