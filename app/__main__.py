"""``python -m app`` is the ``loket`` command."""

import sys

from app.cli import main

sys.exit(main())
