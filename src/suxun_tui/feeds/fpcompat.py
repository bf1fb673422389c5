"""What the fast feed reader needs of feedparser, copied so that it never imports it.

Importing feedparser costs more than a hundred milliseconds (its package loads its HTTP
client, its sanitizer and its encoding detection); the fast path (:mod:`.fastfeed`,
:mod:`.fastitems`) needs only its table of namespaces, its list of safe URL schemes and
its rule for a safe absolute URL. feedparser itself is imported only for what it alone
does: a document the fast path refuses, an unusual date, markup whose relative links
need resolving. ``tests/unit/test_fpcompat.py`` compares each copy with the original.
"""

from __future__ import annotations

import urllib.parse

from suxun_tui.feeds.urls import feedparser_urljoin

# feedparser.mixin._FeedParserMixin.namespaces: namespace URI → the prefix it names.
NAMESPACES: dict[str, str] = {
    "": "",
    "http://backend.userland.com/rss": "",
    "http://blogs.law.harvard.edu/tech/rss": "",
    "http://purl.org/rss/1.0/": "",
    "http://my.netscape.com/rdf/simple/0.9/": "",
    "http://example.com/newformat#": "",
    "http://example.com/necho": "",
    "http://purl.org/echo/": "",
    "uri/of/echo/namespace#": "",
    "http://purl.org/pie/": "",
    "http://purl.org/atom/ns#": "",
    "http://www.w3.org/2005/Atom": "",
    "http://purl.org/rss/1.0/modules/rss091#": "",
    "http://webns.net/mvcb/": "admin",
    "http://purl.org/rss/1.0/modules/aggregation/": "ag",
    "http://purl.org/rss/1.0/modules/annotate/": "annotate",
    "http://media.tangent.org/rss/1.0/": "audio",
    "http://backend.userland.com/blogChannelModule": "blogChannel",
    "http://creativecommons.org/ns#license": "cc",
    "http://web.resource.org/cc/": "cc",
    "http://cyber.law.harvard.edu/rss/creativeCommonsRssModule.html": "creativeCommons",
    "http://backend.userland.com/creativeCommonsRssModule": "creativeCommons",
    "http://purl.org/rss/1.0/modules/company": "co",
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://my.theinfo.org/changed/1.0/rss/": "cp",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://purl.org/dc/terms/": "dcterms",
    "http://purl.org/rss/1.0/modules/email/": "email",
    "http://purl.org/rss/1.0/modules/event/": "ev",
    "http://rssnamespace.org/feedburner/ext/1.0": "feedburner",
    "http://freshmeat.net/rss/fm/": "fm",
    "http://xmlns.com/foaf/0.1/": "foaf",
    "http://www.w3.org/2003/01/geo/wgs84_pos#": "geo",
    "http://www.georss.org/georss": "georss",
    "http://www.opengis.net/gml": "gml",
    "http://postneo.com/icbm/": "icbm",
    "http://purl.org/rss/1.0/modules/image/": "image",
    "http://www.itunes.com/DTDs/PodCast-1.0.dtd": "itunes",
    "http://example.com/DTDs/PodCast-1.0.dtd": "itunes",
    "http://purl.org/rss/1.0/modules/link/": "l",
    "http://search.yahoo.com/mrss": "media",
    "http://search.yahoo.com/mrss/": "media",
    "http://madskills.com/public/xml/rss/module/pingback/": "pingback",
    "http://prismstandard.org/namespaces/1.2/basic/": "prism",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs",
    "http://purl.org/rss/1.0/modules/reference/": "ref",
    "http://purl.org/rss/1.0/modules/richequiv/": "reqv",
    "http://purl.org/rss/1.0/modules/search/": "search",
    "http://purl.org/rss/1.0/modules/slash/": "slash",
    "http://schemas.xmlsoap.org/soap/envelope/": "soap",
    "http://purl.org/rss/1.0/modules/servicestatus/": "ss",
    "http://hacks.benhammersley.com/rss/streaming/": "str",
    "http://purl.org/rss/1.0/modules/subscription/": "sub",
    "http://purl.org/rss/1.0/modules/syndication/": "sy",
    "http://schemas.pocketsoap.com/rss/myDescModule/": "szf",
    "http://purl.org/rss/1.0/modules/taxonomy/": "taxo",
    "http://purl.org/rss/1.0/modules/threading/": "thr",
    "http://purl.org/rss/1.0/modules/textinput/": "ti",
    "http://madskills.com/public/xml/rss/module/trackback/": "trackback",
    "http://wellformedweb.org/commentAPI/": "wfw",
    "http://purl.org/rss/1.0/modules/wiki/": "wiki",
    "http://www.w3.org/1999/xhtml": "xhtml",
    "http://www.w3.org/1999/xlink": "xlink",
    "http://www.w3.org/XML/1998/namespace": "xml",
    "http://podlove.org/simple-chapters": "psc",
}
# feedparser.urls.ACCEPTABLE_URI_SCHEMES, in its order.
ACCEPTABLE_URI_SCHEMES: tuple[str, ...] = (
    "file",
    "ftp",
    "gopher",
    "h323",
    "hdl",
    "http",
    "https",
    "imap",
    "magnet",
    "mailto",
    "mms",
    "news",
    "nntp",
    "prospero",
    "rsync",
    "rtsp",
    "rtspu",
    "sftp",
    "shttp",
    "sip",
    "sips",
    "snews",
    "svn",
    "svn+ssh",
    "telnet",
    "wais",
    "aim",
    "callto",
    "cvs",
    "facetime",
    "feed",
    "git",
    "gtalk",
    "irc",
    "ircs",
    "irc6",
    "itms",
    "mms",
    "msnim",
    "skype",
    "ssh",
    "smb",
    "svn",
    "ymsg",
)


def make_safe_absolute_uri(base: str, rel: str | None = None) -> str:
    """``feedparser.urls.make_safe_absolute_uri``: ``rel`` joined to ``base``, or "" when
    the result's scheme is not among :data:`ACCEPTABLE_URI_SCHEMES`."""
    if not base:
        return rel or ""
    if not rel:
        try:
            scheme = urllib.parse.urlparse(base)[0]
        except ValueError:
            return ""
        if not scheme or scheme in ACCEPTABLE_URI_SCHEMES:
            return base
        return ""
    uri = feedparser_urljoin(base, rel)
    if uri.strip().split(":", 1)[0] not in ACCEPTABLE_URI_SCHEMES:
        return ""
    return uri
