"""Loket's domain and services: queue, flows, tariffs, IKM, reports, and the command line.

Nothing in this package imports Qt: the stations in ``ui/`` and the ``loket`` command are
two thin entry points onto the same services.
"""

__version__ = "0.1.0"
