"""A large config is parsed once; its kept copy follows every change and is never trusted
blindly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from suxun_tui.config import ConfigError, load_config
from suxun_tui.config.cache import cache_dir
from suxun_tui.config.loading import LARGE_CONFIG


def big_config(count: int, extra: str = "") -> str:
    tables = "".join(
        f'[[sources]]\nname = "来源 {i:05d}"\nurl = "https://example.org/feed/{i}.xml"\n'
        f'group = "分组 {i % 100:03d}"\n\n'
        for i in range(count)
    )
    return "[settings]\nrefresh_on_start = false\n\n" + tables + extra


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "suxun-tui"


def test_a_large_config_is_kept_parsed_and_follows_every_edit(
    tmp_path: Path, own_cache: Path
) -> None:
    path = tmp_path / "config.toml"
    text = big_config(3000)
    assert len(text.encode()) >= LARGE_CONFIG
    path.write_text(text)
    first = load_config(path)
    copies = list(own_cache.glob("config-*.pickle"))
    assert len(copies) == 1 and (copies[0].stat().st_mode & 0o077) == 0
    assert load_config(path) == first
    # An edit is a different key: the new text is parsed, never the old copy served.
    path.write_text(text.replace("来源 00007", "改名 00007"))
    assert load_config(path).sources[7].name == "改名 00007"
    # An error is raised every time, and nothing is kept for it.
    path.write_text(text + '[[sources]]\nname = "x"\nurl = "http://[::1"\n')
    for _ in range(2):
        with pytest.raises(ConfigError, match="not a valid URL"):
            load_config(path)
    assert len(list(own_cache.glob("config-*.pickle"))) == 2


def test_a_damaged_or_foreign_copy_is_never_used(tmp_path: Path, own_cache: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(big_config(3000))
    expected = load_config(path)
    [copy] = own_cache.glob("config-*.pickle")
    copy.write_bytes(b"not a pickle")
    assert load_config(path) == expected
    copy.chmod(0o666)  # writable by others: refused, parsed again
    assert load_config(path) == expected
    own_cache.chmod(0o777)
    assert cache_dir() is None
    assert load_config(path) == expected
    own_cache.chmod(0o700)


def test_small_configs_are_parsed_every_time(tmp_path: Path, own_cache: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(big_config(3))
    load_config(path)
    assert not own_cache.exists() or not list(own_cache.iterdir())
    assert os.environ["XDG_CACHE_HOME"].startswith(str(tmp_path))


def test_a_kept_copy_is_read_without_tomllib_and_names_the_file_as_given(
    tmp_path: Path, own_cache: Path
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(big_config(200))  # a few hundred sources: kept too
    program = (
        "import json, sys\nfrom pathlib import Path\nfrom suxun_tui.config import load_config\n"
        "config = load_config(Path(sys.argv[1]))\n"
        "parser = sorted({'tomllib', 'suxun_tui.config.reading'} & set(sys.modules))\n"
        "print(json.dumps([str(config.path), len(config.sources), parser]))\n"
    )

    def load(named: str) -> list[object]:
        done = subprocess.run(
            [sys.executable, "-c", program, named], capture_output=True, text=True, check=True
        )
        return list(json.loads(done.stdout))

    parser = ["suxun_tui.config.reading", "tomllib"]
    assert load(str(path)) == [str(path), 200, parser]  # parsed, and kept
    assert load(str(path)) == [str(path), 200, []]  # the copy: neither parser nor checks
    # The same file by another name: its own copy, so messages name it as the user did.
    other = tmp_path / "link.toml"
    other.symlink_to(path)
    assert load(str(other)) == [str(other), 200, parser]
    assert len(list(own_cache.glob("config-*.pickle"))) == 2
