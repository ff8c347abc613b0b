"""The central database's administration on a real PostgreSQL server: simultaneous first syncs
to an empty database, schema upgrades only by `inspector central upgrade`, a non-superuser sync
role with the documented grants, and a read-only role whose push ends in one sentence."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from inspector.cli.main import main
from inspector.db.database import head_revision
from inspector.sync.central import CentralError, open_central, upgrade_central

from . import pg_fixtures
from .simulation import Laptop

pg_url = pg_fixtures.pg_url  # the fixture, made visible to pytest in this module


def test_simultaneous_first_syncs_to_an_empty_database(pg_url: str) -> None:
    failures: list[str] = []

    def first() -> None:
        try:
            open_central(pg_url).dispose()
        except Exception as error:  # any failure at all is what the test looks for
            failures.append(repr(error))

    threads = [threading.Thread(target=first) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def _set_revision(url: str, revision: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    engine.dispose()


def test_an_older_or_newer_schema_is_refused_until_the_admin_upgrades(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_central(pg_url).dispose()
    _set_revision(pg_url, "0006")  # as if made by the previous version (0013 only adds columns)
    with pytest.raises(CentralError, match="请管理员先升级中心数据库"):
        open_central(pg_url)
    _set_revision(pg_url, "9999")
    with pytest.raises(CentralError, match="请先升级本机的 Inspector"):
        open_central(pg_url)
    _set_revision(pg_url, head_revision())
    assert upgrade_central(pg_url) == (head_revision(), head_revision())
    assert main(["--data-dir", str(tmp_path / "admin"), "central", "upgrade", "--url", pg_url]) == 0
    assert "无需升级" in capsys.readouterr().out


@pytest.fixture
def roles(pg_url: str) -> Iterator[tuple[str, str]]:
    """A sync role and a read-only role (no superuser, no CREATE), dropped afterwards."""
    suffix = uuid.uuid4().hex[:8]
    names = (f"sync_{suffix}", f"reader_{suffix}")
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        for name in names:
            connection.execute(text(f'CREATE ROLE "{name}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE'))
    yield names
    with admin.connect() as connection:
        for name in names:
            connection.execute(text(f'DROP OWNED BY "{name}"'))
            connection.execute(text(f'DROP ROLE "{name}"'))
    admin.dispose()


def test_a_granted_role_syncs_and_a_read_only_role_gets_one_sentence(
    pg_url: str, roles: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    writer, reader = roles
    admin = ["--data-dir", str(tmp_path / "admin"), "central"]
    assert main([*admin, "upgrade", "--url", pg_url]) == 0
    assert main([*admin, "grant", writer, "--url", pg_url]) == 0
    assert main([*admin, "grant", reader, "--read-only", "--url", pg_url]) == 0
    capsys.readouterr()
    as_writer = make_url(pg_url).set(username=writer).render_as_string(hide_password=False)
    as_reader = make_url(pg_url).set(username=reader).render_as_string(hide_password=False)
    a = Laptop.create(tmp_path, "a")
    try:
        a.add_enterprise(1)
        a.raise_hazard(0, 1)
        assert a.ws.central.push(as_writer).rows["hazards"] == 1
        a.raise_hazard(0, 2)  # a new photo: its bytes would be in a careless error message
    finally:
        a.ws.close()
    code = main(["--data-dir", str(tmp_path / "a"), "sync", "push", "--url", as_reader, "--quiet"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "没有所需的权限" in err and reader in err
    assert "Traceback" not in err and "\\x" not in err and "INSERT" not in err
    # the read-only role can pull
    assert main(["--data-dir", str(tmp_path / "b"), "sync", "pull", "--url", as_reader, "--quiet"]) == 0
    assert "hazards: 1" in capsys.readouterr().out


def test_a_password_on_the_command_line_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql://inspector:hunter2@10.0.0.5:5432/city"
    assert main(["--data-dir", str(tmp_path / "a"), "sync", "push", "--url", url]) == 1
    err = capsys.readouterr().err
    assert "INSPECTOR_CENTRAL_PASSWORD" in err and "hunter2" not in err
