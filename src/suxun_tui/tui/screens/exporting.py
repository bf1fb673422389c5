"""The article shown, taken elsewhere: link N opened or copied, the text saved, piped, copied.

The main screen gets these actions by inheriting :class:`ArticleExports`; what the text
is (Markdown, plain, the numbered links) is the core's (:mod:`suxun_tui.text.export`),
in the script the pane shows. Links go through the same safety rule as ``o``. Copying
uses Textual's ``copy_to_clipboard``: OSC 52, which the terminal passes to the system
clipboard where it supports it (over ssh too). ``pipe_command`` is an argv, never a shell.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label

from suxun_tui.config.programs import save_directory
from suxun_tui.models import ArticleDetail
from suxun_tui.text.export import (
    NumberedLink,
    article_links,
    article_markdown,
    article_text,
    export_name,
    link_number,
    write_new_file,
)
from suxun_tui.text.i18n import N_, tr
from suxun_tui.tui import jobs
from suxun_tui.tui.commands import translate_bindings
from suxun_tui.tui.screens import links
from suxun_tui.tui.script import converter

if TYPE_CHECKING:
    from suxun_tui.tui.screens.main import MainScreen

PIPE_SECONDS = 60  # a program reading in the background gets this long, then is stopped


class LinkPrompt(ModalScreen[str | None]):
    """Asks for a link's number; answers the digits typed (or None on Esc)."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]
    DEFAULT_CSS = """
    LinkPrompt { align: center middle; }
    LinkPrompt > Vertical {
        width: 60; max-width: 100%; height: auto; padding: 1 2;
        border: round $accent; background: $surface;
    }
    LinkPrompt Label { color: $text-muted; }
    """

    def __init__(self, verb: str, links: tuple[NumberedLink, ...]) -> None:
        super().__init__()
        translate_bindings(self)
        self.verb = verb
        self.links = links

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(tr(self.verb, last=len(self.links)))
            yield Input(placeholder="1", restrict=r"[0-9]*", max_length=6, id="number")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ArticleExports(Screen[None]):
    """Actions on the article shown; mixed into the main screen, whose state they read."""

    def _article(self) -> ArticleDetail | None:
        screen = self._main
        detail = screen.shown.detail
        if detail is None:
            screen.notify(tr("No article is shown."), timeout=3)
        return detail

    @property
    def _main(self) -> MainScreen:
        return self  # type: ignore[return-value]  # only the main screen inherits this

    def _convert(self) -> Callable[[str], str]:
        return converter(self._main.script)

    # --- link N ---------------------------------------------------------------------------

    def action_follow_link(self) -> None:
        self._ask_link(
            N_("Open link number (1-{last}), then Enter:"),
            lambda link: links.open_link(self._main, link.url),
        )

    def action_copy_link_number(self) -> None:
        self._ask_link(N_("Copy link number (1-{last}), then Enter:"), self._copy_link)

    def _ask_link(self, verb: str, then: Callable[[NumberedLink], None]) -> None:
        if (detail := self._article()) is None:
            return
        numbered = article_links(detail)
        if not numbered:
            self._main.notify(tr("This article has no links."), severity="warning")
            return

        def chosen(answer: str | None) -> None:
            if answer is None:
                return
            found = link_number(numbered, answer)
            if isinstance(found, str):
                self._main.notify(found[:1].upper() + found[1:] + ".", severity="warning")
            else:
                then(found)

        self.app.push_screen(LinkPrompt(verb, numbered), chosen)

    def _copy_link(self, link: NumberedLink) -> None:
        if (refusal := jobs.link_refusal(link.url)) is not None:
            self._main.notify(refusal, severity="warning")
            return
        self.app.copy_to_clipboard(link.url)
        self._main.notify(
            tr("Copied link {number}: {url}", number=link.number, url=link.url), timeout=3
        )

    # --- enclosures -------------------------------------------------------------------------

    def action_play_media(self) -> None:
        if (detail := self._article()) is None:
            return
        numbered = article_links(detail)
        media = {b.url for b in detail.blocks if b.kind == "media" and b.url}
        playable = [link for link in numbered if link.url in media]
        if not playable:
            self._main.notify(tr("This article has no podcast or video."), timeout=3)
        elif len(playable) == 1:
            self._play(playable[0])
        else:

            def chosen(answer: str | None) -> None:
                found = link_number(tuple(playable), answer) if answer else None
                if isinstance(found, str):
                    self._main.notify(
                        tr("Not a podcast or video: {problem}", problem=found), severity="warning"
                    )
                elif found is not None:
                    self._play(found)

            prompt = N_("Play link number (1-{last}), then Enter:")
            self.app.push_screen(LinkPrompt(prompt, tuple(playable)), chosen)

    def _play(self, link: NumberedLink) -> None:
        screen = self._main
        command = screen.reader.config.settings.player
        if not command:
            links.open_link(screen, link.url)
            return
        if (refusal := jobs.link_refusal(link.url)) is not None:
            screen.notify(refusal, severity="warning")
            return
        argv = [word.replace("%u", link.url) for word in command]
        if not any("%u" in word for word in command):
            argv.append(link.url)
        try:
            with self.app.suspend():
                subprocess.run(argv, check=False)
        except SuspendNotSupported:  # no terminal to hand over: it plays on its own
            try:
                subprocess.Popen(
                    argv,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
            except OSError as exc:
                screen.notify(_cannot_start(argv[0], exc), severity="warning")
        except OSError as exc:
            screen.notify(_cannot_start(argv[0], exc), severity="warning")

    # --- the text ---------------------------------------------------------------------------

    def action_copy_article(self) -> None:
        if (detail := self._article()) is None:
            return
        text = article_text(detail, self._convert())
        self.app.copy_to_clipboard(text)
        self._main.notify(
            tr("Copied the article ({count} characters).", count=f"{len(text):,}"), timeout=3
        )

    def action_save_markdown(self) -> None:
        self._save(".md", article_markdown)

    def action_save_text(self) -> None:
        self._save(".txt", article_text)

    def _save(
        self, suffix: str, make: Callable[[ArticleDetail, Callable[[str], str]], str]
    ) -> None:
        if (detail := self._article()) is None:
            return
        screen = self._main
        directory = save_directory(screen.reader.config.settings.save_dir)
        try:
            path = write_new_file(
                directory, export_name(detail, suffix), make(detail, self._convert())
            )
        except OSError as exc:
            screen.notify(
                tr(
                    "Cannot save into {directory}: {error}; set save_dir in the config.",
                    directory=directory,
                    error=exc.strerror or exc,
                ),
                title=tr("Save"),
                severity="warning",
                timeout=8,
            )
            return
        screen.notify(tr("Saved {path}", path=path), title=tr("Save"), timeout=5)

    def action_pipe_article(self) -> None:
        screen = self._main
        argv = screen.reader.config.settings.pipe_command
        if not argv:
            screen.notify(
                tr('Set pipe_command in the config, such as pipe_command = ["less"].'),
                severity="warning",
            )
            return
        if (detail := self._article()) is None:
            return
        data = article_text(detail, self._convert()).encode("utf-8")
        try:
            with self.app.suspend():
                subprocess.run(argv, input=data, check=False)
        except SuspendNotSupported:  # no terminal to hand over: the program reads alone
            screen.run_worker(
                partial(_pipe_in_background, argv, data),
                thread=True,
                group="pipe",
                description=tr("Pipe to {program}", program=argv[0]),
                exit_on_error=False,
            )
        except OSError as exc:
            screen.notify(_cannot_start(argv[0], exc), severity="warning")


def _cannot_start(program: str, exc: OSError) -> str:
    return tr("Cannot start {program}: {error}", program=program, error=exc.strerror or exc)


def _pipe_in_background(argv: tuple[str, ...], data: bytes) -> None:
    """Feed ``data`` to ``argv`` with its output discarded (run in a worker thread)."""
    try:
        subprocess.run(
            argv,
            input=data,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=PIPE_SECONDS,
            check=False,
        )
    except OSError as exc:
        raise OSError(_cannot_start(argv[0], exc)) from exc
