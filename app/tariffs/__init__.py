"""Issue 6: the tariffs front-office work."""
