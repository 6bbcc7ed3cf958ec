"""Issue 6: the fiscal front-office work."""
