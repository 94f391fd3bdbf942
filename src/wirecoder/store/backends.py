"""Database connections: the few places where DuckDB and PostgreSQL differ."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

DEFAULT_DB = "wirecoder.duckdb"
_VALUES = re.compile(r"VALUES \((?:\?,)*\?\)")
_CHUNK = 500


class StoreError(RuntimeError):
    pass


def resolve_url(url: str | None) -> str:
    """--db value -> canonical URL. Default: $WIRECODER_DB, else ./wirecoder.duckdb."""
    url = url or os.environ.get("WIRECODER_DB") or DEFAULT_DB
    if url.startswith(("postgresql://", "postgres://", "duckdb://")):
        return url
    return "duckdb:///" + url  # a bare path means a DuckDB file


class Backend:
    """A DB-API-ish connection with `?` placeholders and explicit transactions."""

    name = "base"

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        raise NotImplementedError

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    @contextmanager
    def transaction(self) -> Iterator[None]:
        raise NotImplementedError
        yield

    def close(self) -> None:
        raise NotImplementedError


class DuckDBBackend(Backend):
    name = "duckdb"

    def __init__(self, path: str) -> None:
        import duckdb

        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(path)
        except duckdb.IOException as exc:
            raise StoreError(_open_error(path, str(exc))) from exc
        self.path = path

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        cur = self.con.execute(sql, list(params))
        try:
            return cur.fetchall()
        except Exception:  # noqa: BLE001 - DDL and DML have no result set
            return []

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        # DuckDB runs executemany row by row (~0.1 s a row with constraints); one multi-row VALUES
        # statement per chunk is two orders of magnitude faster. Callers pass rows with distinct keys.
        m = _VALUES.search(sql)
        if not rows:
            return
        if m is None:
            self.con.executemany(sql, [list(r) for r in rows])
            return
        group = m.group(0)[len("VALUES "):]
        for i in range(0, len(rows), _CHUNK):
            chunk = rows[i:i + _CHUNK]
            stmt = sql[:m.start()] + "VALUES " + ",".join([group] * len(chunk)) + sql[m.end():]
            self.con.execute(stmt, [v for r in chunk for v in r])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.begin()
        try:
            yield
        except BaseException:
            self.con.rollback()
            raise
        self.con.commit()

    def close(self) -> None:
        self.con.close()


_LOCK_HOLDER = re.compile(r"Conflicting lock is held in .*?\(PID (\d+)\)")


def _open_error(path: str, message: str) -> str:
    """Why a DuckDB file would not open for writing, and what to do about it.

    DuckDB lets one process write a file or several read it, never both. Its lock message says which
    process holds the file and, when that one only reads it (`wirecoder serve` opens it read-only),
    that a read-only open would still work.
    """
    held = _LOCK_HOLDER.search(message)
    if held is None:  # not a lock, or a DuckDB whose message reads differently
        hint = (". Another process (`wirecoder serve` or `wirecoder ingest`) may have it open: stop it or pass a "
                "different --db") if "lock" in message.lower() else ""
        return f"cannot open DuckDB database {path!r}: {message}{hint}"
    pid = held.group(1)
    if "read-only mode" in message:
        return (f"DuckDB database {path!r} is locked by another process (PID {pid}) that has it open read-only, "
                "most likely `wirecoder serve`: a DuckDB file cannot be written while it is being served. "
                "Stop the server (Ctrl-C), run this command again and then restart `wirecoder serve`; or "
                "write to another --db; or use PostgreSQL (--db postgresql://...) to ingest while serving")
    return (f"DuckDB database {path!r} is locked by another process (PID {pid}) that is writing to it, most "
            "likely another `wirecoder ingest`: wait for it to finish, or pass a different --db; PostgreSQL "
            "(--db postgresql://...) allows concurrent runs")


class PostgresBackend(Backend):
    name = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError("PostgreSQL needs the psycopg driver: pip install 'wirecoder[postgres]'") from exc
        try:
            self.con = psycopg.connect(url, autocommit=True)
        except psycopg.OperationalError as exc:
            raise StoreError(f"cannot connect to PostgreSQL at {_redact(url)}: {exc}".strip()) from exc

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self.con.cursor() as cur:
            cur.execute(self._sql(sql), list(params))
            return cur.fetchall() if cur.description else []

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self.con.cursor() as cur:
                cur.executemany(self._sql(sql), [list(r) for r in rows])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.con.transaction():
            yield

    def close(self) -> None:
        self.con.close()


def _redact(url: str) -> str:
    """Hide a password in error messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':')[0]}:***@{host}" if ":" in creds else url
    return url


def connect(url: str) -> Backend:
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresBackend(url)
    if url.startswith("duckdb://"):
        # SQLAlchemy's convention: duckdb:///relative.duckdb, duckdb:////absolute/path.duckdb
        path = url[len("duckdb://"):]
        path = path[1:] if path.startswith("/") else path
        return DuckDBBackend(path or DEFAULT_DB)
    raise StoreError(f"unsupported --db URL {url!r}; use duckdb:///path.duckdb or postgresql://user@host/db")
