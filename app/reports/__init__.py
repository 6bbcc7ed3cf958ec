"""The supervisor's reports: the daily (or any period's) report of an office."""
