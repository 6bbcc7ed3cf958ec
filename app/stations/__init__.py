"""What each station reads and does, as plain data: one module per station.

A station's widget (``ui/``) calls its module here and never sees a session, a unit of
work, an ORM object or a SQLAlchemy exception: each call opens its own short unit of work
(:func:`app.stations.database.unit_of_work`), returns frozen dataclasses, and turns a lost
database into :class:`app.errors.LoketError` ``db.unreachable``, which the station shows.
"""
