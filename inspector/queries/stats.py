"""The figures managers report, read through the application's database session: used by every
screen and the dashboard. Definitions and SQL: inspector/queries/stats_sql.py.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from inspector.db.database import Database
from inspector.queries.stats_sql import Stats, figures

__all__ = ["Stats", "compute_stats"]


def compute_stats(db: Database, year: int, today: date, town: str | None = None) -> Stats:
    """The figures of the year; `town` restricts every one to that town's enterprises, except
    the lights' quarter, which stays the city's so that town and city lights compare."""
    with db.reading() as session:
        return figures(lambda sql, params: session.execute(text(sql), params).all(), year, today, town)
