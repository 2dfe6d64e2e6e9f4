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
