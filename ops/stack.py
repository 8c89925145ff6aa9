"""The production stack on this machine, on loopback only, for `make prod-check` and the
fault drill: Debian's nginx with deploy/nginx/cms.conf.template in front of N gunicorn servers
started with deploy/gunicorn.conf.py and the production settings, a PostgreSQL database of
its own, a redis-server of its own, and moto's S3 server holding the media. The same
configuration files serve the compose file (docker-compose.yml).

    with Stack(work_dir) as stack:      # prepares the database, starts everything
        stack.url("localhost", "/")     # through nginx
        stack.app_url(0, "/")           # one app server directly
    # everything it started is stopped; the database is dropped
"""

import contextlib
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
PY = sys.executable
BIN = Path(PY).parent
S3_KEY, S3_SECRET, S3_REGION = "prodcheck-key", "prodcheck-secret", "us-east-1"
# As the application's own limits allow: documents 20 MB, plus the form around them.
UPLOAD_LIMIT = "25m"


def log(message=""):
    print(message, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, what, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError as error:
            if (process is not None and process.poll() is not None) or time.monotonic() > deadline:
                raise SystemExit(f"{what} did not start") from error
            time.sleep(0.2)


def render(template, values):
    """deploy/ templates name their blanks in dollar braces, as nginx's own image fills them
    with envsubst; nginx's variables ($host) have no braces and are left alone."""

    def fill(match):
        return values[match.group(1)]

    return re.sub(r"\$\{([A-Z_][A-Z0-9_]*)\}", fill, template)


def as_root():
    return hasattr(os, "geteuid") and os.geteuid() == 0


def ensure_nginx():
    if shutil.which("nginx") is None:
        if not as_root():
            raise SystemExit("nginx is missing: sudo apt-get install nginx-light")
        log("Installing Debian's nginx-light")
        subprocess.run(
            "apt-get install -y -qq nginx-light >/dev/null 2>&1 || "
            "(apt-get update -qq && apt-get install -y -qq nginx-light >/dev/null)",
            shell=True,
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
    return shutil.which("nginx")


def ensure_postgresql(host, port):
    try:
        with socket.create_connection((host, port), timeout=2):
            return
    except OSError:
        pass
    if not as_root() or not Path("/etc/postgresql").exists():
        raise SystemExit(f"PostgreSQL does not answer on {host}:{port}")
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    log(f"Starting PostgreSQL {version}")
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"], check=True
    )


class Service:
    """A process of the stack, its output in a log file of the work directory."""

    def __init__(self, name, command, *, env=None, cwd=ROOT, work):
        self.name, self.command, self.env, self.cwd = name, command, env, cwd
        self.log_path = work / f"{name}.log"
        self.process = None

    def start(self):
        handle = open(self.log_path, "ab")  # noqa: SIM115 (kept open by the child)
        self.process = subprocess.Popen(
            self.command, cwd=self.cwd, env=self.env, stdout=handle, stderr=handle
        )
        handle.close()
        return self

    def stop(self, sig=signal.SIGTERM, timeout=20):
        if self.process is None or self.process.poll() is not None:
            self.process = None
            return
        self.process.send_signal(sig)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


class Stack:
    def __init__(self, work, *, app_servers=2, workers=2, database=None, keep=False):
        self.work = Path(work)
        self.keep = keep
        self.app_servers = app_servers
        self.workers = workers
        self.db_url = database or os.environ.get(
            "PRODCHECK_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cms_prodcheck"
        )
        parts = urllib.parse.urlsplit(self.db_url)
        self.db_name = parts.path.lstrip("/")
        if self.db_name in ("", "postgres", "cms", "cms_ci", "cms_bench"):
            raise SystemExit(f"{self.db_name!r}: choose a database of the check's own")
        self.pg = (parts.hostname or "127.0.0.1", parts.port or 5432, parts.username or "postgres")
        self.nginx_port = free_port()
        self.app_ports = [free_port() for _ in range(app_servers)]
        self.redis_port = free_port()
        self.s3_port = free_port()
        self.bucket = "cms-media"
        self.services = {}

    # ---- addresses ------------------------------------------------------------------------

    @property
    def s3_endpoint(self):
        return f"http://127.0.0.1:{self.s3_port}"

    def host(self, name="localhost"):
        return f"{name}:{self.nginx_port}"

    def url(self, host="localhost", path="/"):
        return f"http://{self.host(host)}{path}"

    # ---- environment ----------------------------------------------------------------------

    def env(self):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN"))}
        env.update(
            DJANGO_SETTINGS_MODULE="cms.settings.production",
            SECRET_KEY=self.secret,
            ALLOWED_HOSTS="localhost,.localhost,127.0.0.1",
            CSRF_TRUSTED_ORIGINS=(
                f"http://localhost:{self.nginx_port},http://*.localhost:{self.nginx_port}"
            ),
            WAGTAILADMIN_BASE_URL=f"http://localhost:{self.nginx_port}",
            DATABASE_URL=self.db_url,
            REDIS_URL=f"redis://127.0.0.1:{self.redis_port}/0",
            AWS_STORAGE_BUCKET_NAME=self.bucket,
            AWS_S3_ENDPOINT_URL=self.s3_endpoint,
            AWS_S3_REGION_NAME=S3_REGION,
            AWS_ACCESS_KEY_ID=S3_KEY,
            AWS_SECRET_ACCESS_KEY=S3_SECRET,
            STATIC_ROOT=str(self.work / "static"),
            # Plain http on loopback: cookies without Secure; HSTS needs https anyway.
            SECURE_COOKIES="0",
            TRUSTED_PROXY_COUNT="1",
            FORWARDED_ALLOW_IPS="127.0.0.1",
            LOG_FORMAT="json",
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            WEB_CONCURRENCY=str(self.workers),
            PYTHONUNBUFFERED="1",
        )
        return env

    # ---- lifecycle ------------------------------------------------------------------------

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    def start(self):
        started = time.monotonic()
        # A fresh work directory: logs, static files and nginx's cache of an earlier run go.
        shutil.rmtree(self.work, ignore_errors=True)
        self.work.mkdir(parents=True)
        self.work.chmod(0o755)
        self.secret = secrets.token_urlsafe(40)
        nginx = ensure_nginx()
        ensure_postgresql(self.pg[0], self.pg[1])
        self.start_redis()
        self.start_s3()
        self.prepare()
        for index, port in enumerate(self.app_ports):
            self.start_app(index, port)
        self.start_nginx(nginx)
        self.wait_ready()
        log(f"Stack up in {time.monotonic() - started:.0f} s: nginx :{self.nginx_port} → "
            f"gunicorn {', '.join(f':{p}' for p in self.app_ports)}; PostgreSQL "
            f"{self.db_name}; Redis :{self.redis_port}; S3 :{self.s3_port}")  # fmt: skip

    def stop(self):
        for name in reversed(list(self.services)):
            self.services[name].stop()
        self.services.clear()
        if not self.keep:
            self.psql(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)', check=False)

    def run(self, *command, **kwargs):
        log("  " + " ".join(str(c) for c in command[1:]))
        return subprocess.run(
            [str(c) for c in command], cwd=ROOT, env=self.env(), check=True,
            stdout=subprocess.DEVNULL, **kwargs,
        )  # fmt: skip

    def psql(self, sql, check=True):
        host, port, user = self.pg
        return subprocess.run(
            ["psql", "-h", host, "-p", str(port), "-U", user, "-d", "postgres", "-q", "-c", sql],
            check=check, capture_output=True, text=True,
        )  # fmt: skip

    def prepare(self):
        log(f"Preparing database {self.db_name}, the bucket and static files")
        self.psql(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')
        self.psql(f'CREATE DATABASE "{self.db_name}"')
        self.s3_client().create_bucket(Bucket=self.bucket)
        self.run(PY, "manage.py", "migrate", "--noinput", "-v", "0")
        self.run(PY, "manage.py", "collectstatic", "--noinput", "-v", "0")
        self.run(PY, "manage.py", "load_demo", "--port", self.nginx_port)

    def start_redis(self):
        directory = self.work / "redis"
        directory.mkdir(exist_ok=True)
        self.services["redis"] = Service(
            "redis",
            [shutil.which("redis-server") or "redis-server", "--port", str(self.redis_port),
             "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(directory)],
            work=self.work,
        ).start()  # fmt: skip
        wait_for_port(self.redis_port, self.services["redis"].process, "redis-server")

    def stop_redis(self):
        self.services["redis"].stop(signal.SIGKILL)

    def start_s3(self):
        env = {**os.environ, "AWS_ACCESS_KEY_ID": S3_KEY, "AWS_SECRET_ACCESS_KEY": S3_SECRET}
        self.services["s3"] = Service(
            "s3",
            [PY, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.s3_port)],
            env=env,
            work=self.work,
        ).start()
        wait_for_port(self.s3_port, self.services["s3"].process, "moto's S3 server")

    def s3_client(self):
        import boto3

        return boto3.client(
            "s3", endpoint_url=self.s3_endpoint, aws_access_key_id=S3_KEY,
            aws_secret_access_key=S3_SECRET, region_name=S3_REGION,
        )  # fmt: skip

    def bucket_keys(self):
        pages = self.s3_client().get_paginator("list_objects_v2").paginate(Bucket=self.bucket)
        return {obj["Key"] for page in pages for obj in page.get("Contents", [])}

    def start_app(self, index, port):
        env = {**self.env(), "GUNICORN_BIND": f"127.0.0.1:{port}"}
        name = f"gunicorn-{index + 1}"
        self.services[name] = Service(
            name,
            [BIN / "gunicorn", "-c", DEPLOY / "gunicorn.conf.py", "cms.wsgi:application"],
            env=env,
            work=self.work,
        ).start()
        wait_for_port(port, self.services[name].process, name)

    def app_workers(self, index):
        """The pids of one gunicorn's workers."""
        master = self.services[f"gunicorn-{index + 1}"].process.pid
        children = Path(f"/proc/{master}/task/{master}/children")
        return [int(pid) for pid in children.read_text().split()]

    def start_nginx(self, nginx):
        conf = self.work / "nginx"
        for folder in ("tmp", "cache", "logs"):
            (conf / folder).mkdir(parents=True, exist_ok=True)
        template = (DEPLOY / "nginx" / "cms.conf.template").read_text()
        (conf / "cms.conf").write_text(
            render(
                template,
                {
                    "NGINX_LISTEN": f"127.0.0.1:{self.nginx_port}",
                    "APP_SERVERS": " ".join(f"server 127.0.0.1:{p};" for p in self.app_ports),
                    "STATIC_ROOT": str(self.work / "static"),
                    "NGINX_CACHE_DIR": str(conf / "cache"),
                    "UPLOAD_LIMIT": UPLOAD_LIMIT,
                },
            )
        )
        main = (DEPLOY / "nginx" / "nginx.conf").read_text()
        main = main.replace("/etc/nginx/conf.d/*.conf", str(conf / "cms.conf"))
        main = main.replace("/var/run/nginx.pid", str(conf / "nginx.pid"))
        main = main.replace("/var/log/nginx/", str(conf / "logs") + "/")
        main = main.replace("/var/cache/nginx/", str(conf / "tmp") + "/")
        if as_root():  # workers read the static files and write their temp files here
            main = main.replace("user nginx;", "user root;")
        (conf / "nginx.conf").write_text(main)
        self.services["nginx"] = Service(
            "nginx",
            [nginx, "-c", conf / "nginx.conf", "-p", conf, "-g", "daemon off;"],
            work=self.work,
        ).start()
        wait_for_port(self.nginx_port, self.services["nginx"].process, "nginx")

    def wait_ready(self, seconds=60):
        deadline = time.monotonic() + seconds
        while True:
            with contextlib.suppress(OSError, http.client.HTTPException):
                response, _ = Client(self.nginx_port).request("GET", self.host(), "/readyz")
                if response.status == 200:
                    return
            if time.monotonic() > deadline:
                raise SystemExit(
                    "the stack did not become ready: see the logs in " + str(self.work)
                )
            time.sleep(0.5)


class Client:
    """One keep-alive connection to a port on loopback, any Host header; a cookie jar for the
    admin."""

    def __init__(self, port, timeout=30):
        self.port = port
        self.timeout = timeout
        self.connection = None
        self.cookies = {}

    def request(self, method, host, path, body=None, headers=None, retry=True):
        headers = {"Host": host, **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in range(2 if retry else 1):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    "127.0.0.1", self.port, timeout=self.timeout
                )
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = None
                if attempt or not retry:
                    raise
                continue
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response, content

    def login(self, host, username, password):
        token = self.csrf(host, "/admin/login/")
        body = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "username": username, "password": password}
        )
        form = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://{host}/admin/login/",
        }
        response, _ = self.request("POST", host, "/admin/login/", body, form)
        if response.status != 302:
            raise SystemExit(f"admin login as {username} answered {response.status}")

    def csrf(self, host, path):
        _, page = self.request("GET", host, path)
        return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()

    def post_form(self, host, path, data):
        data = {**data, "csrfmiddlewaretoken": self.csrf(host, path)}
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://{host}{path}",
        }
        return self.request("POST", host, path, urllib.parse.urlencode(data), headers)


def django_setup(env):
    """This process reads the stack's database with the same settings (to check it)."""
    os.environ.update(env)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()
