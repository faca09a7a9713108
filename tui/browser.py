"""Opening a link: a graphical browser in the background, a terminal one in our terminal."""

from __future__ import annotations

import webbrowser
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Launch:
    """How to open a link: a command that needs the terminal, or a browser that does not."""

    url: str
    terminal: tuple[str, ...] = ()  # lynx, w3m, ...: the reader must step aside while it runs
    browser: webbrowser.BaseBrowser | None = None  # a window elsewhere: open and carry on


def choose(url: str) -> Launch:
    """The user's browser ($BROWSER, else the platform's) and how to run it for `url`.

    Slow the first time (the platform may be asked for its default): call it off the UI thread.
    """
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return Launch(url)
    return launch_for(browser, url)


def launch_for(browser: webbrowser.BaseBrowser, url: str) -> Launch:
    """Terminal browsers (webbrowser starts them and waits) get the terminal; others not."""
    if type(browser) is webbrowser.GenericBrowser:
        args = [arg.replace("%s", url) for arg in browser.args]
        return Launch(url, terminal=(browser.name, *args))
    if isinstance(browser, webbrowser.UnixBrowser) and not browser.background:
        return Launch(url, terminal=(browser.name, url))  # elinks and its kin
    return Launch(url, browser=browser)
