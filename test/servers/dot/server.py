#!/usr/bin/python3
"""
A minimal Django OAuth Toolkit provider for the tests, as Debian packages it
(python3-django-oauth-toolkit, DOT 1.7 on oauthlib), with DOT's quirks left as they are.

Each run gets a fresh SQLite database and RSA key in a temporary folder. Reads a JSON spec on
stdin: {"users": [{"username", "password"}], "clients": [{client_id, client_secret, client_type,
grant, redirect_uris, algorithm, skip_authorization}]}; listens on 127.0.0.1 (a free port) and
prints one JSON line {"base": "http://127.0.0.1:PORT"} when it serves.

Run with Debian's /usr/bin/python3, where the package is installed.
"""
import json
import os
import sys
import tempfile
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = tempfile.mkdtemp(prefix="oauth-doctor-dot-")


def rsa_private_key_pem():
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()


def configure():
    from django.conf import settings

    settings.configure(
        DEBUG=False,
        SECRET_KEY="oauth-doctor-tests-only",
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.path.join(WORK, "db.sqlite3")}},
        INSTALLED_APPS=[
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "oauth2_provider",
        ],
        MIDDLEWARE=[
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
        ],
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "DIRS": [os.path.join(HERE, "templates")],
                "APP_DIRS": True,
                "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
            }
        ],
        LOGIN_URL="/accounts/login/",
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
        USE_TZ=True,
        OAUTH2_PROVIDER={
            "OIDC_ENABLED": True,
            "OIDC_RSA_PRIVATE_KEY": rsa_private_key_pem(),
            "SCOPES": {"openid": "OpenID Connect", "profile": "Profile", "email": "Email", "read": "Read", "write": "Write"},
            "PKCE_REQUIRED": False,
        },
    )


configure()

import django  # noqa: E402

django.setup()

from django.contrib.auth.views import LoginView  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import JsonResponse  # noqa: E402
from django.urls import include, path  # noqa: E402
from oauth2_provider.views.generic import ProtectedResourceView  # noqa: E402


class Hello(ProtectedResourceView):
    """A protected resource: any valid access token of this provider."""

    def get(self, request, *args, **kwargs):
        return JsonResponse({"hello": "world"})


urlpatterns = [
    path("o/", include("oauth2_provider.urls", namespace="oauth2_provider")),
    path("accounts/login/", LoginView.as_view()),
    path("api/hello", Hello.as_view()),
]


def seed(spec):
    from django.contrib.auth import get_user_model
    from oauth2_provider.models import get_application_model

    User = get_user_model()
    users = [User.objects.create_user(u["username"], password=u["password"]) for u in spec.get("users", [])]
    Application = get_application_model()
    for c in spec.get("clients", []):
        Application.objects.create(
            name=c["client_id"],
            user=users[0] if users else None,
            client_id=c["client_id"],
            client_secret=c.get("client_secret", ""),
            client_type=c.get("client_type", "confidential"),
            authorization_grant_type=c.get("grant", "authorization-code"),
            redirect_uris=" ".join(c.get("redirect_uris", [])),
            algorithm=c.get("algorithm", "RS256"),
            skip_authorization=c.get("skip_authorization", True),
        )


class ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def main():
    spec = json.loads(sys.stdin.read() or "{}")
    call_command("migrate", verbosity=0, interactive=False)
    seed(spec)
    server = make_server("127.0.0.1", 0, get_wsgi_application(), server_class=ThreadingServer, handler_class=QuietHandler)
    print(json.dumps({"base": f"http://127.0.0.1:{server.server_port}"}), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
