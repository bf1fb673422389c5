"""Switching on Miniflux's Google Reader endpoint the way a user does: in its web UI.

Log in to the web UI, then save the integrations form with every field as shown and the
Google Reader ones switched on (``googlereader_enabled``, username, password); a
``ClientLogin`` with those credentials then proves it worked.
"""

from __future__ import annotations

import http.cookiejar
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from html.parser import HTMLParser

from tests.support.miniflux_accounts import (
    ADMIN_PASSWORD,
    ADMIN_USER,
    GREADER_PASSWORD,
    GREADER_USER,
    ServerUnavailable,
)


def enable_google_reader(url: str, log_tail: Callable[[], str]) -> None:
    """Save the integrations form as a browser would: log in, then submit every field
    of the form as shown, with the Google Reader ones switched on."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def form_of(path: str) -> dict[str, str]:
        with opener.open(f"{url}{path}", timeout=30) as answer:
            reader = _FormFields()
            reader.feed(answer.read().decode("utf-8", "replace"))
        if "csrf" not in reader.fields:
            raise ServerUnavailable(f"no CSRF token on Miniflux's {path} page")
        return reader.fields

    def post(path: str, form: dict[str, str]) -> None:
        data = urllib.parse.urlencode(form).encode()
        try:
            with opener.open(f"{url}{path}", data=data, timeout=30) as answer:
                answer.read()
        except urllib.error.HTTPError as exc:
            raise ServerUnavailable(f"POST {path}: {exc}\n{log_tail()}") from exc

    login = {"csrf": form_of("/")["csrf"], "username": ADMIN_USER, "password": ADMIN_PASSWORD}
    post("/login", login)
    form = form_of("/integrations")
    form.update(
        googlereader_enabled="1",
        googlereader_username=GREADER_USER,
        googlereader_password=GREADER_PASSWORD,
    )
    post("/integration", form)
    login_form = {"Email": GREADER_USER, "Passwd": GREADER_PASSWORD}
    data = urllib.parse.urlencode(login_form).encode()
    try:
        with urllib.request.urlopen(f"{url}/accounts/ClientLogin", data=data, timeout=30) as answer:
            if b"Auth=" not in answer.read():
                raise ServerUnavailable("Google Reader login gave no Auth token")
    except urllib.error.HTTPError as exc:
        raise ServerUnavailable(f"enabling Miniflux's Google Reader API failed: {exc}") from exc


class _FormFields(HTMLParser):
    """The fields a browser would submit: inputs with values, checked boxes, selections."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self._select: str | None = None
        self._first_option: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        name = a.get("name", "")
        if tag == "input" and name:
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields[name] = a.get("value", "on" if a.get("type") == "checkbox" else "")
        elif tag == "select" and name:
            self._select, self._first_option = name, None
        elif tag == "option" and self._select:
            if self._first_option is None:
                self._first_option = a.get("value", "")
                self.fields.setdefault(self._select, self._first_option)
            if "selected" in a:
                self.fields[self._select] = a.get("value", "")
        elif tag == "textarea" and name:
            self.fields.setdefault(name, "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
