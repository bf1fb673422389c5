"""A feed item that links to a PDF or a picture: its page is never made into an article.

Through the installed command against a real loopback server: ``show`` fetches the linked
page as the reader does on opening, warns that the link is a PDF document and keeps the
feed's own text; ``extract`` reports each binary input with exit 1 and still reads the
page beside it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support.feeds import rss
from tests.support.server import LoopbackServer

PDF = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n4 0 obj\n<< /Length 5 /Filter /FlateDecode >>\nstream\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02"
PAGE = (
    "<html><head><title>A page</title></head><body><article><h1>A page</h1>"
    + "<p>A real paragraph of text, long enough to be the body of an article.</p>" * 5
    + "</article></body></html>"
)


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "suxun_tui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )


def test_a_pdf_link_keeps_the_feeds_text_and_says_why(tmp_path: Path) -> None:
    with LoopbackServer() as server:
        paper = server.add("/paper.pdf", PDF, headers={"Content-Type": "application/pdf"})
        item = {
            "title": "A paper",
            "link": paper,
            "guid": "paper",
            "description": "<p>The feed's summary of the paper.</p>",
        }
        feed = server.add("/feed.xml", rss("Papers", [item]))
        config = tmp_path / "config.toml"
        config.write_text(
            f'[[sources]]\nname = "论文"\nurl = "{feed}"\nfull_text = "always"\n',
            encoding="utf-8",
        )
        env = {"SUXUN_TUI_CONFIG": str(config), "SUXUN_TUI_DATA_DIR": str(tmp_path / "data")}
        assert run(env, "refresh").returncode == 0
        [row] = json.loads(run(env, "list", "--json").stdout)
        shown = run(env, "show", str(row["id"]), "--json")
        assert shown.returncode == 0, shown.stderr
        assert "a PDF document, not a web page" in shown.stderr
        assert json.loads(shown.stdout)["body"] == "The feed's summary of the paper."
        assert server.hits["/paper.pdf"] == 1


def test_extract_names_each_binary_input_and_reads_the_page_beside_them(
    tmp_path: Path,
) -> None:
    with LoopbackServer() as server:
        paper = server.add("/paper", PDF, headers={"Content-Type": "application/octet-stream"})
        picture = server.add("/pic", PNG, headers={"Content-Type": "text/html"})
        page = server.add("/page.html", PAGE, headers={"Content-Type": "text/html"})
        done = run({}, "extract", paper, picture, page)
        assert done.returncode == 1, done.stderr
        lines = [json.loads(line) for line in done.stdout.splitlines()]
        assert (
            lines[0]["error"]
            == f"{paper}: a PDF document, not a web page; open the link in a browser or a viewer"
        )
        assert "a picture, not a web page" in lines[1]["error"]
        assert lines[2]["title"] == "A page" and "real paragraph" in lines[2]["body"]
