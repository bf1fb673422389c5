"""The panes of the main screen; each speaks to the screen only through messages."""
