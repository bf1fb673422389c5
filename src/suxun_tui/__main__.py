"""``python -m suxun_tui`` runs the same entry point as the ``suxun-tui`` command."""

from suxun_tui.entry import run

if __name__ == "__main__":
    run()
