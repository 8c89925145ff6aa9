"""`make prod-check`: the production stack started on this machine (ops/stack.py: nginx, two
gunicorn servers with the production settings, PostgreSQL, Redis, moto's S3 server), a smoke
test through nginx as readers and editors use it, then everything stopped.

    .venv/bin/python -m ops.prod_check [--keep] [--work var/prodcheck] [--drill SECONDS]

Checks: readiness; the central site and two unions' sites by hostname; the news hub; feeds;
sitemap; search; static files from nginx; security headers of a public page; an admin login;
an image upload that lands in the bucket and whose rendition nginx then keeps; an article
published by a union's approver that both application servers (and the hub, and the feed)
show at once; a bad host refused. Exit status 1 if any check fails.
"""

import argparse
import io
import re
import sys
import time
import traceback
from pathlib import Path

from ops import fault_drill
from ops.stack import ROOT, Client, Stack, django_setup, log

PASSWORD = "CongDoan@2024"
TITLE = "Kiểm tra vận hành: bài đăng qua nginx"
SECURITY_HEADERS = (
    "Content-Security-Policy",
    "Referrer-Policy",
    "Permissions-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Cache-Control",
    "X-Request-ID",
)


class Checks:
    def __init__(self):
        self.results = []

    def check(self, name, condition, detail=""):
        self.results.append((name, bool(condition), detail))
        log(f"  {'ok ' if condition else 'FAIL'} {name}{f' ({detail})' if detail else ''}")
        return condition

    @property
    def failed(self):
        return [r for r in self.results if not r[1]]


def jpeg():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (800, 500), (190, 20, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def multipart(fields, files):
    boundary = "----cms-prod-check"
    lines = []
    for name, value in fields.items():
        lines += [f"--{boundary}", f'Content-Disposition: form-data; name="{name}"', "", value]
    body = "\r\n".join(lines).encode() + b"\r\n"
    for name, (filename, data, content_type) in files.items():
        body += (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
        ).encode()
        body += data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def smoke(stack, checks):
    from blog.models import ArticlePage, ColumnPage, NewsHubPage
    from sites.models import Union

    web = Client(stack.nginx_port)
    central = stack.host("localhost")
    unions = list(Union.objects.filter(is_central=False).select_related("site")[:2])
    hub = NewsHubPage.objects.live().first().get_url_parts()[2]

    log("Readers, through nginx")
    response, body = web.request("GET", central, "/readyz")
    checks.check("readyz", response.status == 200 and b'"ok"' in body, body.decode()[:120])
    response, body = web.request("GET", central, "/")
    checks.check("central home", response.status == 200, str(response.status))
    headers = {name: response.headers.get(name) for name in SECURITY_HEADERS}
    checks.check(
        "security headers of a public page",
        all(headers.values()) and "script-src 'self'" in headers["Content-Security-Policy"],
    )
    # Over https, as the proxy reports it (X-Forwarded-Proto, believed from the proxy only):
    # asked of an application server directly, since this nginx listens on plain http.
    response, _ = Client(stack.app_ports[0]).request(
        "GET", central, "/", headers={"X-Forwarded-Proto": "https"}
    )
    hsts = response.headers.get("Strict-Transport-Security", "")
    headers["Strict-Transport-Security (https)"] = hsts
    checks.check("HSTS over https", "max-age=31536000" in hsts, hsts)
    response, _ = Client(stack.nginx_port).request(
        "GET", central, "/", headers={"X-Forwarded-Proto": "https"}
    )
    checks.check(
        "a client cannot claim https through nginx",
        "Strict-Transport-Security" not in response.headers,
    )
    for union in unions:
        response, body = web.request("GET", stack.host(union.site.hostname), "/")
        checks.check(
            f"union site {union.site.hostname}",
            response.status == 200 and union.name.encode() in body,
            str(response.status),
        )
    for name, path in [
        ("news hub", hub),
        ("news hub, page 2", f"{hub}?page=2"),
        ("network feed", "/feeds/toan-mang/rss.xml"),
        ("sitemap", "/sitemap.xml"),
        ("search", "/tim-kiem/?q=dong+bao"),
    ]:
        response, _ = web.request("GET", central, path)
        checks.check(name, response.status == 200, str(response.status))
    response, body = web.request("GET", central, "/")
    css = re.search(rb'href="(/static/[^"]+\.css)"', body)
    if checks.check("a stylesheet is linked", css):
        response, _ = web.request("GET", central, css.group(1).decode())
        checks.check(
            "static files served by nginx",
            response.status == 200
            and "max-age=315360000" in response.headers.get("Cache-Control", ""),
            response.headers.get("Cache-Control", ""),
        )
    response, _ = web.request("GET", "unknown.example", "/")
    checks.check("an unknown host is refused", response.status == 400, str(response.status))

    log("An editor, through nginx")
    union = unions[0]
    host = stack.host(union.site.hostname)
    admin = Client(stack.nginx_port)
    admin.login(host, f"duyet.{union.slug}", PASSWORD)
    response, _ = admin.request("GET", host, "/admin/")
    checks.check("admin login", response.status == 200, str(response.status))

    before = stack.bucket_keys()
    body, content_type = multipart(
        {
            "title": "Ảnh kiểm tra vận hành",
            "description": "Ảnh đỏ dùng để kiểm tra",
            "collection": str(union.collection_id),
            "csrfmiddlewaretoken": admin.csrf(host, "/admin/images/add/"),
        },
        {"file": ("kiem-tra.jpg", jpeg(), "image/jpeg")},
    )
    response, _ = admin.request(
        "POST", host, "/admin/images/add/", body,
        {"Content-Type": content_type, "Referer": f"http://{host}/admin/images/add/"},
    )  # fmt: skip
    checks.check("image upload", response.status == 302, str(response.status))
    added = stack.bucket_keys() - before
    originals = sorted(k for k in added if k.startswith("original_images/"))
    checks.check("the upload is in the bucket", originals, ", ".join(originals))

    from wagtail.images import get_image_model

    image = get_image_model().objects.filter(title="Ảnh kiểm tra vận hành").first()
    column = ColumnPage.objects.live().descendant_of(union.site.root_page).first()
    from tests.forms import article_form

    data = article_form(TITLE, date="10/03/2024", lead_image=image.pk if image else "",
                        **{"action-publish": "publish"})  # fmt: skip
    response, _ = admin.post_form(host, f"/admin/pages/add/blog/articlepage/{column.pk}/", data)
    checks.check("publish an article", response.status == 302, str(response.status))
    article = ArticlePage.objects.filter(title=TITLE).first()
    checks.check("the article is live", article is not None and article.live)
    if article is None:
        return
    path = article.get_url_parts()[2]
    for index, port in enumerate(stack.app_ports):
        response, body = Client(port).request("GET", host, path)
        checks.check(
            f"app server {index + 1} shows the article",
            response.status == 200 and TITLE.encode() in body,
            str(response.status),
        )
    for index, port in enumerate(stack.app_ports):
        response, body = Client(port).request("GET", central, hub)
        checks.check(f"app server {index + 1}: the hub lists it", TITLE.encode() in body)
    response, body = web.request("GET", central, "/feeds/toan-mang/rss.xml")
    checks.check("the network feed lists it", TITLE.encode() in body)
    response, body = web.request("GET", host, path)
    rendition = re.search(rb'src="(/media/images/[^"]+)"', body)
    if checks.check("the article shows the uploaded image", rendition):
        seen = []
        for _ in range(2):
            response, data = web.request("GET", host, rendition.group(1).decode())
            seen.append((response.status, response.headers.get("X-Proxy-Cache"), len(data)))
        checks.check(
            "its rendition comes from the bucket, then from nginx's cache",
            [s[:2] for s in seen] == [(200, "MISS"), (200, "HIT")] and seen[0][2] > 1000,
            str(seen),
        )
    log("Headers of a public page (through nginx):")
    for name, value in headers.items():
        log(f"    {name}: {value}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", default=str(ROOT / "var" / "prodcheck"))
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--drill", type=float, default=0, metavar="SECONDS",
        help="then run the fault drill (ops/fault_drill.py) this long on the same stack",
    )  # fmt: skip
    args = parser.parse_args(argv)
    checks = Checks()
    started = time.monotonic()
    with Stack(Path(args.work), keep=args.keep) as stack:
        django_setup(stack.env())
        try:
            smoke(stack, checks)
        except Exception:  # a crash in the check is a failure, with the stack still stopped
            traceback.print_exc()
            checks.check("smoke test ran to the end", False)
        if args.drill:
            log(f"\nFault drill, {args.drill:.0f} s")
            drill = argparse.Namespace(
                duration=args.drill, readers=4, redis_outage=min(10, args.drill / 4)
            )
            checks.check("fault drill: every target met", fault_drill.run(stack, drill))
    total = len(checks.results)
    log(f"\nprod-check: {total - len(checks.failed)}/{total} checks passed in "
        f"{time.monotonic() - started:.0f} s; logs in {args.work}")  # fmt: skip
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
