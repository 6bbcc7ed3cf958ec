"""Setting up a PC: its configuration file, the first-run checks, device detection.

No Qt here: the wizard (``ui/setup_wizard.py``) and ``loket config ...`` call these.
"""
