"""The deployment files stay in step: the compose file (which cannot run on a machine without
Docker) uses the same nginx, gunicorn and settings files as `make prod-check`, which does run;
the nginx site renders with either's values and nginx itself accepts it."""

import os
import re
import shutil
import subprocess

import pytest
import yaml

from ops.stack import DEPLOY, ROOT, UPLOAD_LIMIT, render

TEMPLATE = DEPLOY / "nginx" / "cms.conf.template"


def blanks():
    return set(re.findall(r"\$\{([A-Z_][A-Z0-9_]*)\}", TEMPLATE.read_text()))


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_and_prod_check_share_the_configuration_files():
    services = compose()["services"]
    nginx = services["nginx"]
    mounts = {volume.split(":")[0]: volume.split(":")[1] for volume in nginx["volumes"]}
    assert mounts["./deploy/nginx/nginx.conf"] == "/etc/nginx/nginx.conf"
    assert mounts["./deploy/nginx/cms.conf.template"].startswith("/etc/nginx/templates/")
    assert blanks() == set(nginx["environment"]), "every blank of the site filled by compose"
    assert nginx["environment"]["UPLOAD_LIMIT"] == UPLOAD_LIMIT
    servers = re.findall(r"server (\S+);", nginx["environment"]["APP_SERVERS"])
    assert servers == ["web1:8000", "web2:8000"]
    for name in ("web1", "web2", "scheduler", "migrate"):
        assert services[name]["image"] == services["web1"]["image"]
    environment = services["web1"]["environment"]
    assert environment["DJANGO_SETTINGS_MODULE"] == "cms.settings.production"
    assert environment["TRUSTED_PROXY_COUNT"] == "1"
    assert environment["AWS_STORAGE_BUCKET_NAME"]
    assert services["scheduler"]["command"][-1] == "run_scheduler"
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert '"-c", "deploy/gunicorn.conf.py"' in dockerfile
    assert "HEALTHCHECK" in dockerfile and "/readyz" in dockerfile
    assert "USER app" in dockerfile


def test_gunicorn_settings_follow_the_environment(monkeypatch):
    monkeypatch.setenv("GUNICORN_BIND", "127.0.0.1:9001")
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "10.0.0.2")
    values = {}
    exec((DEPLOY / "gunicorn.conf.py").read_text(), values)
    assert values["bind"] == "127.0.0.1:9001"
    assert values["workers"] == 3
    assert values["forwarded_allow_ips"] == "10.0.0.2"
    # The proxy waits longer than a worker may take, so the answer is the application's.
    proxy_timeout = int(re.search(r"proxy_read_timeout (\d+)s", TEMPLATE.read_text()).group(1))
    assert values["timeout"] < proxy_timeout


@pytest.mark.parametrize("who", ["compose", "prod-check"])
def test_nginx_accepts_the_site_as_filled_in(tmp_path, who):
    nginx = shutil.which("nginx")
    if nginx is None:
        message = "nginx is not installed (apt-get install nginx-light; make test does as root)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    if who == "compose":
        values = dict(compose()["services"]["nginx"]["environment"])
        values["APP_SERVERS"] = "server 127.0.0.1:8001; server 127.0.0.1:8002;"  # no DNS here
        values["NGINX_LISTEN"] = "127.0.0.1:8080"
    else:
        values = {
            "NGINX_LISTEN": "127.0.0.1:8080",
            "APP_SERVERS": "server 127.0.0.1:8001; server 127.0.0.1:8002;",
            "STATIC_ROOT": str(tmp_path / "static"),
            "NGINX_CACHE_DIR": str(tmp_path / "cache"),
            "UPLOAD_LIMIT": UPLOAD_LIMIT,
        }
    values["NGINX_CACHE_DIR"] = str(tmp_path / "cache")
    site = render(TEMPLATE.read_text(), values)
    assert "${" not in site
    (tmp_path / "cms.conf").write_text(site)
    main = (DEPLOY / "nginx" / "nginx.conf").read_text()
    main = main.replace("/etc/nginx/conf.d/*.conf", str(tmp_path / "cms.conf"))
    main = main.replace("/var/run/nginx.pid", str(tmp_path / "nginx.pid"))
    main = main.replace("/var/log/nginx/", f"{tmp_path}/")
    main = main.replace("/var/cache/nginx/", f"{tmp_path}/")
    main = main.replace("user nginx;", "")
    (tmp_path / "nginx.conf").write_text(main)
    result = subprocess.run(
        [nginx, "-t", "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "client_max_body_size " + UPLOAD_LIMIT in site
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in site
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in site
