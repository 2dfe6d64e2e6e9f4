"""Files other than HTML pages: feeds, sitemaps, stylesheets, scripts, SVG, web manifests."""

from __future__ import annotations

from guardkit import errors, page, warnings

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Shop</title>
<link href="https://example-shop.test/" rel="alternate"/>
<entry><title>Post</title><link href="https://example-shop.test/2012/06/post/" rel="alternate"/>
<summary type="html">&lt;p&gt;See &lt;a href="https://www.facebook.com/shop"&gt;us&lt;/a&gt;&lt;/p&gt;</summary>
<content type="html">&lt;p&gt;Hello&lt;/p&gt;
&lt;pre&gt;&lt;code&gt;&amp;lt;script src="https://www.googletagmanager.com/gtag/js"&amp;gt;&lt;/code&gt;&lt;/pre&gt;
&lt;p&gt;&lt;img alt="" src="https://i0.wp.com/example-shop/cup.jpg"&gt;&lt;/p&gt;</content>
</entry></feed>
"""


def test_feed_entry_html_is_unescaped_and_scanned(audit_files):
    result = audit_files({"feeds/all.atom.xml": ATOM})
    assert [(f.file, f.line, f.kind, f.host) for f in result.findings] == [
        ("feeds/all.atom.xml", 8, "image", "i0.wp.com")
    ]


def test_rss_cdata_description_and_enclosure(audit_files):
    rss = (
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title>\n'
        '<item><description><![CDATA[<p><img src="//cdn.example-cdn.test/a.jpg"></p>]]>'
        "</description>\n"
        '<enclosure url="https://media.example-pod.test/ep1.mp3" type="audio/mpeg" length="1"/>'
        "\n</item></channel></rss>\n"
    )
    result = audit_files({"feeds/all.rss.xml": rss})
    assert [(f.line, f.kind, f.host) for f in errors(result)] == [
        (3, "image", "cdn.example-cdn.test"),
        (4, "feed-media", "media.example-pod.test"),
    ]
    assert result.scans[0].file_type == "feed"


def test_sitemap_links_are_not_loads(audit_files):
    sitemap = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://example-shop.test/</loc></url>"
        "<url><loc>https://other.example.test/</loc></url></urlset>\n"
    )
    assert audit_files({"sitemap.xml": sitemap}).findings == ()


def test_xml_stylesheet_instruction_is_a_load(audit_files):
    feed = '<?xml version="1.0"?>\n<?xml-stylesheet href="https://cdn.example-cdn.test/f.xsl"?>\n<rss/>'
    assert [(f.line, f.host) for f in errors(audit_files({"f.xml": feed}))] == [
        (2, "cdn.example-cdn.test")
    ]


def test_broken_xml_is_still_scanned(audit_files):
    broken = '<rss><item><description>&lt;img src="https://x.example-cdn.test/a"&gt;</item>'
    assert [f.host for f in errors(audit_files({"f.xml": broken}))] == ["x.example-cdn.test"]


def test_stylesheet_file(audit_files):
    css = (
        '@import "https://fonts.googleapis.com/css?family=Inter";\n'
        "@namespace svg url(http://www.w3.org/2000/svg);\n"
        "body { background: u\\72l(https://example-img.test/bg.png); }\n"
        "/* .old { background: url(https://example-img.test/old.png) } */\n"
        ".logo { background: url(data:image/png;base64,AAAA), url(/img/logo.png); }\n"
        ".hero { background-image: image-set('https://example-img.test/h.avif' 1x); }\n"
        "a::after { content: 'url(https://not-a-load.example.test/)'; }\n"
    )
    result = audit_files({"theme/css/site.css": css})
    assert [(f.line, f.kind, f.host) for f in errors(result)] == [
        (1, "css-import", "fonts.googleapis.com"),
        (3, "css-url", "example-img.test"),
        (6, "css-url", "example-img.test"),
    ]
    assert [(f.line, f.kind) for f in warnings(result)] == [(4, "css-url")]


def test_script_file(audit_files):
    js = (
        "/*! lib v1 | https://example.test/license */\n"
        "var re = /\"/g, path = 'a//b';\n"
        "var ns = 'http://www.w3.org/2000/svg';\n"
        "fetch('https://api.example-saas.test/v1/hit');\n"
        "// ga('send', 'pageview');\n"
        'var u = "https:\\/\\/www.google-analytics.com\\/collect";\n'
    )
    result = audit_files({"js/app.js": js})
    assert [(f.line, f.kind, f.host) for f in errors(result)] == [
        (4, "js-url", "api.example-saas.test"),
        (6, "js-url", "www.google-analytics.com"),
    ]
    assert [(f.line, f.kind) for f in warnings(result)] == [(5, "signature")]
    assert result.uses_javascript


def test_svg_file(audit_files):
    svg = (
        '<?xml version="1.0"?>\n<?xml-stylesheet href="https://fonts.googleapis.com/x.css"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
        '<image xlink:href="https://example-img.test/p.png"/>\n<use href="#local"/>\n</svg>\n'
    )
    result = audit_files({"images/logo.svg": svg})
    assert [(f.line, f.kind, f.host) for f in errors(result)] == [
        (2, "stylesheet", "fonts.googleapis.com"),
        (4, "svg-image", "example-img.test"),
    ]


def test_web_manifest_icons(audit_files):
    manifest = '{"name": "Shop", "start_url": "/",\n "icons": [{"src": "https://cdn.example-cdn.test/i.png"}]}'
    result = audit_files({"site.webmanifest": manifest})
    assert [(f.line, f.kind, f.host) for f in errors(result)] == [
        (2, "manifest-icon", "cdn.example-cdn.test")
    ]


def test_other_files_are_ignored_and_counted_out(audit_files):
    result = audit_files({
        "index.html": page(),
        "robots.txt": "Sitemap: https://other.example.test/sitemap.xml\n",
        "images/a.png": b"\x89PNG https://x.example.test/",
    })  # fmt: skip
    assert result.files_scanned == 1 and result.pages_scanned == 1 and result.findings == ()


def test_utf16_files_with_a_byte_order_mark_are_read_as_browsers_read_them(audit_files):
    """A byte-order mark makes a browser read the file as UTF-16 whatever it declares; read as
    UTF-8, the tags were hidden between zero bytes and the page passed the quick check."""
    tracked = page(head='<script src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>')
    css = '@import url("https://fonts.googleapis.com/css?family=Lato");\n'
    rss = (
        '<?xml version="1.0" encoding="UTF-16"?>\n<rss version="2.0"><channel><title>x</title>'
        '<item><enclosure url="https://media.example-pod.test/1.mp3" type="audio/mpeg" length="1"/>'
        "</item></channel></rss>\n"
    )
    result = audit_files(
        {
            "le/index.html": "\ufeff".encode("utf-16-le") + tracked.encode("utf-16-le"),
            "be/index.html": "\ufeff".encode("utf-16-be") + tracked.encode("utf-16-be"),
            "theme/site.css": "\ufeff".encode("utf-16-le") + css.encode("utf-16-le"),
            "feeds/all.rss.xml": "\ufeff".encode("utf-16-le") + rss.encode("utf-16-le"),
        }
    )
    line = tracked[: tracked.index("<script")].count("\n") + 1
    assert [(f.file, f.line, f.host) for f in errors(result)] == [
        ("be/index.html", line, "www.googletagmanager.com"),
        ("feeds/all.rss.xml", 2, "media.example-pod.test"),
        ("le/index.html", line, "www.googletagmanager.com"),
        ("theme/site.css", 1, "fonts.googleapis.com"),
    ]
