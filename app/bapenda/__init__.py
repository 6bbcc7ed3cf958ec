"""Issue 6: the bapenda front-office work."""
