"""``suxun-tui extract`` on a blog post with code: the JSON body keeps every code line.

The page (``fixtures/pages/english/go_blog.html``) has a plain ``<pre><code>`` indented
with tabs, a Hugo/Chroma block with a line-number table, shell output and a nested list.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PAGE = Path(__file__).resolve().parent.parent / "fixtures" / "pages" / "english" / "go_blog.html"

READ_CONFIG = """func readConfig(path string) ([]byte, error) {
    f, err := os.Open(path)
    if err != nil {
        return nil, fmt.Errorf("open config: %w", err)
    }
    defer f.Close()

    return io.ReadAll(f)
}"""
COUNT_DOWN = """func main() {
    for i := 0; i < 3; i++ {
        defer fmt.Println(i)
    }

    fmt.Println("counting down")
}"""


def test_extract_prints_code_with_its_lines_and_indents() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "suxun_tui", "extract", str(PAGE)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout)["body"]
    assert READ_CONFIG in body
    assert COUNT_DOWN in body
    assert "$ go run .\ncounting down\n2\n1\n0" in body
    assert "1 2 3" not in body and "\n1\n2\n3\n" not in body  # the line-number gutter
    assert "called defer, and" in body
    assert "\n\n  • So defer fmt.Println(i) prints the value i had at that moment." in body
