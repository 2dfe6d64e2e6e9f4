"""Snippets for the privacy guard's tests: every vector, disguises, signatures, look-alikes.

Shared by the vector tests and the check that the parser shortcut changes no finding.
"""

from __future__ import annotations

# (id, where, snippet, kind, host): the snippet goes in <head> or <body> of a page.
CAUGHT = [
    ("script-src", "head",
     '<script async src="https://www.googletagmanager.com/gtag/js?id=G-ABC123"></script>',
     "script", "www.googletagmanager.com"),
    ("link-stylesheet", "head",
     '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter">',
     "stylesheet", "fonts.googleapis.com"),
    ("link-alternate-stylesheet", "head",
     '<link rel="alternate stylesheet" href="https://cdn.jsdelivr.net/npm/dark.css">',
     "stylesheet", "cdn.jsdelivr.net"),
    ("link-icon", "head", '<link rel="shortcut icon" href="https://cdn.example-cdn.test/f.ico">',
     "icon", "cdn.example-cdn.test"),
    ("link-apple-touch-icon", "head",
     '<link rel="apple-touch-icon" href="https://cdn.example-cdn.test/touch.png">',
     "icon", "cdn.example-cdn.test"),
    ("link-manifest", "head",
     '<link rel="manifest" href="https://cdn.example-cdn.test/site.webmanifest">',
     "manifest", "cdn.example-cdn.test"),
    ("link-preload", "head",
     '<link rel="preload" as="font" href="https://fonts.gstatic.com/s/inter.woff2" crossorigin>',
     "preload", "fonts.gstatic.com"),
    ("link-preload-imagesrcset", "head",
     '<link rel="preload" as="image" imagesrcset="https://i0.wp.com/a.jpg 1x, /a@2x.jpg 2x">',
     "preload", "i0.wp.com"),
    ("link-modulepreload", "head",
     '<link rel="modulepreload" href="https://esm.sh/preact@10">', "preload", "esm.sh"),
    ("link-prefetch", "head", '<link rel="prefetch" href="https://cdn.example-cdn.test/next.js">',
     "preload", "cdn.example-cdn.test"),
    ("link-preconnect", "head", '<link rel="preconnect" href="https://fonts.gstatic.com">',
     "preconnect", "fonts.gstatic.com"),
    ("link-dns-prefetch", "head", '<link rel="dns-prefetch" href="//www.google-analytics.com">',
     "preconnect", "www.google-analytics.com"),
    ("img-src", "body",
     '<img src="https://www.facebook.com/tr?id=1&amp;ev=PageView" width="1" height="1" alt="">',
     "image", "www.facebook.com"),
    ("img-srcset", "body",
     '<img src="/a.jpg" srcset="/a.jpg 1x, https://i0.wp.com/shop/a.jpg?w=2,h=3 2x" alt="">',
     "image", "i0.wp.com"),
    ("picture-source", "body",
     '<picture><source type="image/webp" srcset="https://images.unsplash.com/p.webp">'
     '<img src="/p.jpg" alt=""></picture>',
     "media", "images.unsplash.com"),
    ("lazy-data-src", "body",
     '<img class="lazyload" data-src="https://images.unsplash.com/photo-1" alt="">',
     "lazy-image", "images.unsplash.com"),
    ("lazy-data-srcset", "body",
     '<img class="lazyload" data-srcset="https://images.unsplash.com/p 640w" alt="">',
     "lazy-image", "images.unsplash.com"),
    ("video-src", "body", '<video src="https://vod.example-video.test/clip.mp4" controls></video>',
     "video", "vod.example-video.test"),
    ("video-poster", "body",
     '<video poster="https://i.ytimg.com/vi/abc/hq.jpg" controls></video>', "video", "i.ytimg.com"),
    ("audio-src", "body", '<audio src="https://media.example-pod.test/ep1.mp3" controls></audio>',
     "audio", "media.example-pod.test"),
    ("track-src", "body",
     '<video src="/v.mp4"><track kind="captions" src="https://subs.example-cdn.test/en.vtt">'
     "</video>", "track", "subs.example-cdn.test"),
    ("iframe-src", "body",
     '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Video"></iframe>',
     "iframe", "www.youtube.com"),
    ("iframe-srcdoc", "body",
     '<iframe srcdoc="&lt;p&gt;Hi&lt;/p&gt;&lt;img src=&quot;https://px.ads.linkedin.com/collect'
     '&quot;&gt;" title="x"></iframe>', "image", "px.ads.linkedin.com"),
    ("embed-src", "body", '<embed type="video/mp4" src="https://player.vimeo.com/video/1">',
     "embed", "player.vimeo.com"),
    ("object-data", "body",
     '<object data="https://cdn.example-cdn.test/chart.svg" type="image/svg+xml"></object>',
     "object", "cdn.example-cdn.test"),
    ("input-image", "body",
     '<form><input type="image" src="https://www.paypalobjects.com/btn.gif" alt="Pay"></form>',
     "image", "www.paypalobjects.com"),
    ("background-attribute", "body",
     '<table background="https://cdn.example-cdn.test/bg.gif"><tr><td>x</td></tr></table>',
     "background", "cdn.example-cdn.test"),
    ("form-action", "body",
     '<form action="https://formspree.io/f/abcd" method="post"><button>Send</button></form>',
     "form-action", "formspree.io"),
    ("button-formaction", "body",
     '<form><button formaction="https://hooks.zapier.com/x">Send</button></form>',
     "form-action", "hooks.zapier.com"),
    ("a-ping", "body", '<a href="/offer/" ping="https://track.example-ads.test/ping">Offer</a>',
     "ping", "track.example-ads.test"),
    ("meta-refresh", "head",
     '<meta http-equiv="refresh" content="0; URL=\'https://go.example-redirect.test/x\'">',
     "meta-refresh", "go.example-redirect.test"),
    ("base-href", "head", '<base href="https://cdn.example-cdn.test/">',
     "base", "cdn.example-cdn.test"),
    ("svg-image", "body",
     '<svg width="10" height="10"><image href="https://example-img.test/i.png" width="10"/></svg>',
     "svg-image", "example-img.test"),
    ("svg-use-xlink", "body",
     '<svg><use xlink:href="https://example-img.test/sprite.svg#cart"/></svg>',
     "svg-use", "example-img.test"),
    ("style-attribute", "body",
     "<div style=\"background-image: url('https://example-img.test/bg.jpg')\">x</div>",
     "css-url", "example-img.test"),
    ("style-block-url", "head",
     "<style>\nbody { background: url(//example-img.test/bg.png) }\n</style>",
     "css-url", "example-img.test"),
    ("style-block-import", "head",
     '<style>@import url("https://fonts.googleapis.com/css?family=Roboto");</style>',
     "css-import", "fonts.googleapis.com"),
    ("style-font-face", "head",
     "<style>@font-face{font-family:X;src:url(https://use.typekit.net/x.woff2)}</style>",
     "css-url", "use.typekit.net"),
    ("noscript", "body",
     '<noscript><img height="1" width="1" style="display:none" '
     'src="https://www.facebook.com/tr?id=1&ev=PageView&noscript=1"/></noscript>',
     "image", "www.facebook.com"),
    ("noscript-in-head", "head",
     '<noscript><link rel="stylesheet" href="https://fonts.googleapis.com/css?f=A"></noscript>',
     "stylesheet", "fonts.googleapis.com"),
    ("downlevel-revealed-comment", "head",
     '<![if !IE]><script src="https://cdn.example-cdn.test/modern.js"></script><![endif]>',
     "script", "cdn.example-cdn.test"),
    ("downlevel-revealed-valid-form", "head",
     '<!--[if !IE]><!--><script src="https://cdn.example-cdn.test/m.js"></script><!--<![endif]-->',
     "script", "cdn.example-cdn.test"),
    ("downlevel-hidden-comment", "head",
     '<!--[if lt IE 9]><script src="https://oss.maxcdn.com/html5shiv.min.js"></script>'
     "<![endif]-->", "script", "oss.maxcdn.com"),
    ("template-content", "body",
     '<template id="row"><img src="https://example-img.test/t.png" alt=""></template>',
     "image", "example-img.test"),
    ("inline-script-url", "body",
     "<script>\nvar s = document.createElement('script');\n"
     "s.src = 'https://static.hotjar.com/c/hotjar-1.js';\n</script>",
     "js-url", "static.hotjar.com"),
    ("inline-script-host-literal", "body",
     "<script>\nvar d = document, s = d.createElement('script');\n"
     "s.src = 'https://' + shortname + '.disqus.com/embed.js';\n</script>",
     "js-url", "disqus.com"),
    ("speculation-rules", "head",
     '<script type="speculationrules">{"prefetch": [{"urls": ["https://next.example-cdn.test/"]}]}'
     "</script>", "preload", "next.example-cdn.test"),
    ("html-manifest", "body", "", "manifest", "cdn.example-cdn.test"),  # see test below
    ("svg-fe-image", "body",
     '<svg><filter id="f"><feImage href="https://example-img.test/f.png"/></filter></svg>',
     "svg-image", "example-img.test"),
]  # fmt: skip


NORMALISED = [
    ("entity-encoded", '<script src="&#104;ttps&#58;//www.google-analytics.com/analytics.js">'),
    ("mixed-case", '<script src="HTTPS://WWW.Google-Analytics.COM/analytics.js">'),
    ("padded", '<script src="  \n https://www.google-analytics.com/analytics.js \t">'),
    ("protocol-relative", '<script src="//www.google-analytics.com/analytics.js">'),
    ("backslashes", '<script src="https:\\\\www.google-analytics.com/analytics.js">'),
    ("tab-inside", '<script src="https://www.google-an&#9;alytics.com/analytics.js">'),
    ("user-info", '<script src="https://example-shop.test@www.google-analytics.com/a.js">'),
    ("percent-host", '<script src="https://www.%67oogle-analytics.com/analytics.js">'),
    ("trailing-dot-port", '<script src="https://www.google-analytics.com.:443/analytics.js">'),
    ("extra-slashes", '<script src="https:///www.google-analytics.com/analytics.js">'),
]


# The signature list, each in a first-party inline script.
SIGNATURES = [
    ("gtag(", "gtag('config', 'G-ABC');", "google-analytics"),
    ("ga(", "ga('create', 'UA-1-1', 'auto'); ga('send', 'pageview');", "google-analytics"),
    ("_gaq", "var _gaq = _gaq || []; _gaq.push(['_trackPageview']);", "google-analytics"),
    ("dataLayer", "window.dataLayer = window.dataLayer || [];", "google-analytics"),
    ("fbq(", "fbq('init', '123'); fbq('track', 'PageView');", "facebook-pixel"),
    ("_paq", "var _paq = window._paq = window._paq || []; _paq.push(['trackPageView']);",
     "matomo"),
    ("hj(", "hj('event', 'signup');", "hotjar"),
    ("clarity", '(function(c,l,a){c[a]=c[a]||function(){}})(window,document,"clarity");',
     "microsoft-clarity"),
    ("ttq", "ttq.load('C123'); ttq.page();", "tiktok-pixel"),
    ("NREUM", "window.NREUM || (NREUM = {}); NREUM.init = {};", "new-relic"),
    ("analytics.load", "analytics.load('writeKey'); analytics.page();", "segment"),
    ("mixpanel", "mixpanel.init('token'); mixpanel.track('Visit');", "mixpanel"),
    ("plausible", "window.plausible = window.plausible || function() {};", "plausible"),
]  # fmt: skip


# Look-alikes: each must produce no error and no warning.
CLEAN = [
    ("link-to-tracker", '<a href="https://www.googletagmanager.com/">Google Tag Manager</a>'),
    ("canonical-me-alternate",
     '<link rel="canonical" href="https://example-shop.test/x/"><link rel="me" '
     'href="https://mastodon.social/@shop"><link rel="alternate" type="application/atom+xml" '
     'href="https://feeds.example.test/all.atom.xml"><link rel="author" href="https://x.test/me">'),
    ("prose", "<p>We never use gtag(, fbq(, _paq, hj(, clarity, ttq, NREUM, analytics.load or "
              "mixpanel; https://www.google-analytics.com is not contacted.</p>"),
    ("code-block",
     "<pre><code>&lt;script async src=\"https://www.googletagmanager.com/gtag/js\"&gt;&lt;/script&gt;"
     "\n&lt;script&gt;gtag('config', 'G-1'); fbq('init', '1');&lt;/script&gt;</code></pre>"),
    ("inline-code", "<p>Remove <code>&lt;img src=\"https://www.facebook.com/tr\"&gt;</code>.</p>"),
    ("textarea", '<textarea>&lt;script src="https://www.googletagmanager.com/gtm.js"&gt;</textarea>'),
    ("data-uris",
     '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=""><link rel="icon" '
     'href="data:image/svg+xml,%3Csvg%3E%3C/svg%3E"><div style="background:url(data:image/png;'
     'base64,AAAA)"></div>'),
    ("same-site-absolute",
     '<img src="https://example-shop.test/images/a.png" alt=""><link rel="stylesheet" '
     'href="//example-shop.test/theme/css/site.css"><form action="https://example-shop.test/'
     'contact/send" method="post"></form>'),
    ("relative",
     '<img src="/a.png" alt=""><script src="js/x.js"></script><form action="/send"></form>'),
    ("svg-namespaces-and-fragment",
     '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
     '<use href="#icon"/><use xlink:href="#cart"/></svg>'),
    ("json-ld",
     '<script type="application/ld+json">{"@context": "https://schema.org", "sameAs": '
     '["https://www.facebook.com/shop"], "logo": "https://cdn.example.test/l.png"}</script>'),
    ("script-data-block", '<script type="text/template"><img src="https://www.facebook.com/tr"></script>'),
    ("other-schemes",
     '<a href="mailto:hello@example-shop.test">Mail</a><a href="tel:+49">Call</a>'),
    ("data-attribute-not-lazy", '<div data-tracking-url="https://ads.example.test/">x</div>'),
    ("look-alike-js-names",
     "<script>\nvar omega = omega(1); x.ga('create'); var saga = 'ga(';\n"
     'var ns = "http://www.w3.org/2000/svg"; var path = "a//b";\n</script>'),
    ("css-namespace", "<style>@namespace svg url(http://www.w3.org/2000/svg);</style>"),
    ("css-content-string", '<style>a::after { content: "url(https://x.example.test/)"; }</style>'),
]  # fmt: skip


# What the second review's corpus showed the guard missing: (id, where, snippet, kind, host).
# Consent managers and delay loaders keep a script or an embed from running until consent or
# the visitor's first move, under a type or an attribute of their own; the code then runs.
HARD_CAUGHT = [
    (
        "consent-text-plain-src",
        "body",
        '<script type="text/plain" data-cookieconsent="statistics" '
        'src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>',
        "script",
        "www.googletagmanager.com",
    ),
    (
        "consent-text-plain-inline",
        "body",
        '<script type="text/plain" class="optanon-category-C0002">\n'
        "var s = document.createElement('script');\n"
        "s.src = 'https://cdn.example-chat.test/widget.js';\ndocument.head.appendChild(s);\n"
        "</script>",
        "js-url",
        "cdn.example-chat.test",
    ),
    (
        "consent-data-src",
        "body",
        '<script type="text/plain" data-category="analytics" '
        'data-src="https://stats.example-analytics.test/s.js"></script>',
        "script",
        "stats.example-analytics.test",
    ),
    (
        "wp-rocket-delay",
        "body",
        '<script type="rocketlazyloadscript" data-rocket-src="https://cdn.example-cdn.test/a.js">'
        "</script>",
        "script",
        "cdn.example-cdn.test",
    ),
    (
        "litespeed-delay",
        "body",
        '<script type="litespeed/javascript" data-src="https://cdn.example-cdn.test/b.js">'
        "</script>",
        "script",
        "cdn.example-cdn.test",
    ),
    (
        "perfmatters-delay",
        "body",
        '<script type="pmdelayedscript" data-perfmatters-type="text/javascript" '
        'data-src="https://cdn.example-cdn.test/c.js"></script>',
        "script",
        "cdn.example-cdn.test",
    ),
    (
        "rocket-loader-type",
        "body",
        '<script type="4f8e2a1b9c-text/javascript" src="https://cdn.example-cdn.test/d.js">'
        "</script>",
        "script",
        "cdn.example-cdn.test",
    ),
    (
        "template-base64-iframe",
        "body",
        '<div class="content-blocker"><script type="text/template">PGlmcmFtZSBzcmM9Imh0dHBzOi8vd3d3LnlvdXR1YmUtbm9jb29raWUuY29tL2VtYmVkL2FiYyIgdGl0bGU9IlZpZGVvIj48L2lmcmFtZT4=</script></div>',  # noqa: E501
        "iframe",
        "www.youtube-nocookie.com",
    ),
    (
        "template-escaped-iframe",
        "body",
        "<template>&lt;iframe src=&quot;https://www.youtube-nocookie.com/embed/abc&quot;&gt;"
        "&lt;/iframe&gt;</template>",
        "iframe",
        "www.youtube-nocookie.com",
    ),
    (
        "attribute-escaped-iframe",
        "body",
        '<div class="embed" data-placeholder-content="&lt;iframe src=&quot;'
        'https://www.youtube-nocookie.com/embed/abc&quot;&gt;&lt;/iframe&gt;">Load video</div>',
        "iframe",
        "www.youtube-nocookie.com",
    ),
    (
        "iframe-held-source",
        "body",
        '<iframe src="about:blank" data-src-cmplz="https://www.youtube-nocookie.com/embed/abc" '
        'title="Video"></iframe>',
        "held-source",
        "www.youtube-nocookie.com",
    ),
    (
        "iframe-cookieblock-src",
        "body",
        '<iframe data-cookieblock-src="https://maps.example-maps.test/embed?q=shop" '
        'data-cookieconsent="marketing" title="Map"></iframe>',
        "lazy-image",
        "maps.example-maps.test",
    ),
    (
        "script-endpoint-attribute",
        "body",
        '<script defer src="/js/script.js" data-website-id="94db1cb1" '
        'data-host-url="https://stats.example-analytics.test"></script>',
        "script-config",
        "stats.example-analytics.test",
    ),
    (
        "script-endpoint-goatcounter",
        "body",
        '<script data-goatcounter="https://shop.example-counter.test/count" async '
        'src="/js/count.js"></script>',
        "script-config",
        "shop.example-counter.test",
    ),
    (
        "data-json-config",
        "body",
        '<div id="widget" data-config=\'{"src": "https://tracker.example-ads.test/x.js", '
        '"id": 7}\'></div>',
        "data-json",
        "tracker.example-ads.test",
    ),
    (
        "data-json-script-endpoint",
        "body",
        '<script src="/js/a.js" data-settings=\'{"api": {"endpoint": '
        '"https://collect.example-analytics.test/e"}}\'></script>',
        "data-json",
        "collect.example-analytics.test",
    ),
    (
        "data-json-escaped",
        "body",
        '<div data-options="{&quot;images&quot;: [&quot;https:\\/\\/img.example-cdn.test'
        '\\/a.png&quot;]}"></div>',
        "data-json",
        "img.example-cdn.test",
    ),
    (
        "data-url-script",
        "body",
        '<script src="data:text/javascript;base64,ZmV0Y2goJ2h0dHBzOi8vY29sbGVjdC5leGFtcGxlLWFkcy50ZXN0L3A/dj0xJyk7"></script>',  # noqa: E501
        "js-url",
        "collect.example-ads.test",
    ),
    (
        "data-url-frame",
        "body",
        '<iframe src="data:text/html,%3Cimg%20src%3D%22https%3A%2F%2Fpx.example-ads.test%2Fp%22%3E"'
        ' title="x"></iframe>',
        "image",
        "px.example-ads.test",
    ),
    (
        "scheme-variable",
        "body",
        "<script>\nvar proto = document.location.protocol;\n"
        "var s = document.createElement('script');\n"
        "s.src = proto + '://cdn.example-chat.test/loader.js';\n</script>",
        "js-url",
        "cdn.example-chat.test",
    ),
    (
        "scheme-ternary",
        "body",
        "<script>\nvar ga = document.createElement('script');\n"
        "ga.src = ('https:' == document.location.protocol ? 'https://ssl' : 'http://www') +\n"
        "  '.google-analytics.com/ga.js';\n</script>",
        "js-url",
        "ssl.google-analytics.com",
    ),
    (
        "template-literal-host",
        "body",
        "<script>\nconst tenant = 'shop';\nconst s = document.createElement('script');\n"
        "s.src = `https://${tenant}.widget.example-chat.test/loader.js`;\n</script>",
        "js-url",
        "shop.widget.example-chat.test",
    ),
    (
        "url-through-a-function",
        "body",
        "<script>\nfunction load(url) { var s = document.createElement('script'); "
        "s.src = url; document.body.appendChild(s); }\n"
        "load('https://cdn.example-chat.test/x.js');\n</script>",
        "js-url",
        "cdn.example-chat.test",
    ),
    (
        "pixel-iife",
        "body",
        "<script>\n!function(w,d,t,u){var s=d.createElement(t);s.async=!0;s.src=u;"
        "d.head.appendChild(s)}(window,document,'script',\n'https://px.example-ads.test/px.js');"
        "\n</script>",
        "js-url",
        "px.example-ads.test",
    ),
    (
        "fetch-beacon",
        "body",
        "<script>\nconst endpoint = 'https://collect.example-analytics.test/e';\n"
        "addEventListener('pagehide', () => navigator.sendBeacon(endpoint, '{}'));\n</script>",
        "js-url",
        "collect.example-analytics.test",
    ),
    (
        "websocket",
        "body",
        "<script>\nnew WebSocket('wss://live.example-chat.test/socket');\n</script>",
        "js-url",
        "live.example-chat.test",
    ),
    (
        "css-value-in-js",
        "body",
        "<script>\ndocument.body.style.backgroundImage = "
        "'url(https://img.example-cdn.test/bg.jpg)';\n</script>",
        "js-url",
        "img.example-cdn.test",
    ),
    (
        "markup-in-js",
        "body",
        "<script>\ndocument.getElementById('map').innerHTML =\n"
        "  '<iframe src=\"https://maps.example-maps.test/embed\"></iframe>';\n</script>",
        "js-url",
        "maps.example-maps.test",
    ),
    (
        "cname-cloaked-host",
        "body",
        "<script>\nvar collector = 'metrics.example-shop.test';\n"
        "new Image().src = 'https://' + collector + '/p.gif';\n</script>",
        "js-url",
        "metrics.example-shop.test",
    ),
    (
        "cname-bare-host-setting",
        "body",
        '<script src="/js/t.js" data-endpoint-host="sst.example-shop.test"></script>',
        "bare-host",
        "sst.example-shop.test",
    ),
    (
        "tile-template",
        "body",
        "<script>\nL.tileLayer('https://{s}.tile.example-maps.test/{z}/{x}/{y}.png', "
        "{maxZoom: 19}).addTo(map);\n</script>",
        "js-url",
        "tile.example-maps.test",
    ),
    (
        "import-and-workers",
        "body",
        "<script type=\"module\">\nimport('https://esm.example-cdn.test/lib.mjs');\n</script>",
        "js-url",
        "esm.example-cdn.test",
    ),
    (
        "consent-placeholder-image",
        "body",
        '<div class="cmplz-placeholder-element" '
        'data-placeholder-image="https://i.ytimg.com/vi/abc/hqdefault.jpg">Accept to watch</div>',
        "lazy-image",
        "i.ytimg.com",
    ),
    (
        "borlabs-template-script",
        "body",
        '<script type="text/template" data-borlabs-cookie-script-blocker-id="chat">\n'
        "var s = document.createElement('script');\n"
        "s.src = 'https://cdn.example-chat.test/embed.js';\ndocument.body.appendChild(s);\n"
        "</script>",
        "js-url",
        "cdn.example-chat.test",
    ),
    (
        "blocker-held-source",
        "body",
        '<script type="text/template" '
        'data-borlabs-cookie-script-blocker-src="https://cdn.example-chat.test/w.js"></script>',
        "script",
        "cdn.example-chat.test",
    ),
    (
        "static-import",
        "body",
        '<script type="module">\nimport confetti from "https://esm.example-cdn.test/c.mjs";\n'
        "</script>",
        "js-url",
        "esm.example-cdn.test",
    ),
    (
        "settings-endpoint",
        "body",
        "<script>\nErrorMonitor.init({\n  dsn: 'https://key@ingest.example-monitor.test/42',\n"
        "  sampleRate: 1\n});\n</script>",
        "js-url",
        "ingest.example-monitor.test",
    ),
    (
        "object-assign-src",
        "body",
        "<script>\ndocument.head.append(Object.assign(document.createElement('script'),\n"
        "  {src: 'https://cdn.example-chat.test/o.js', async: true}));\n</script>",
        "js-url",
        "cdn.example-chat.test",
    ),
]

# Look-alikes the corpus showed failing clean sites: each must give no finding.
QUIET = [
    (
        "share-window-open",
        '<button class="share" data-network="linkedin">Share</button>\n<script>\n'
        "document.querySelector('.share').addEventListener('click', function () {\n"
        "  var page = encodeURIComponent(location.href);\n"
        "  window.open('https://www.linkedin.com/sharing/share-offsite/?url=' + page, 'share',\n"
        "    'width=600,height=500');\n});\n</script>",
    ),
    (
        "srcdoc-ignores-src",
        '<iframe srcdoc="&lt;p&gt;Hello&lt;/p&gt;" src="https://www.youtube.com/embed/x" '
        'title="x"></iframe>',
    ),
    (
        "urls-in-messages",
        "<script>\nif (typeof Popper === 'undefined') {\n"
        "  throw new TypeError('Needs Popper (https://popper.js.org)');\n}\n"
        "console.warn('See https://docs.example-lib.test/security');\n"
        "var isExternal = link.href.indexOf('https://other.example.test/') === 0;\n"
        "var about = {homepage: 'https://example-lib.test/', license: 'MIT'};\n</script>",
    ),
    (
        "event-names",
        "<script>\nel.addEventListener('hide.bs.modal', f);\n"
        "var cls = 'title.class.inherited';\n</script>",
    ),
    (
        "link-navigation",
        "<script>\nvar a = document.createElement('a');\n"
        "a.href = 'https://www.example-partner.test/offer';\nlocation.href = "
        "'https://checkout.example-pay.test/';\n</script>",
    ),
    (
        "data-json-links",
        '<div class="share" data-share=\'{"href": "https://www.linkedin.com/sharing/", '
        '"label": "Share"}\'>x</div>',
    ),
    (
        "own-domain-setting",
        '<script defer data-domain="www.example-shop.test" src="/js/stats.js"></script>',
    ),
    (
        "share-link-markup",
        "<script>\nshare.innerHTML = '<a href=\"https://www.linkedin.com/sharing/share-offsite/"
        "?url=' + encodeURIComponent(location.href) + '\">LinkedIn</a>';\n</script>",
    ),
]
