"""Settings from the environment or a private config file, never from argv.

Credentials are read from ``NEO4J_URI``/``NEO4J_USER``/``NEO4J_PASSWORD``
(and ``NEO4J_DATABASE``) or from ``$KG_CONFIG`` (default
``~/.config/kg/config.toml``), whose ``[neo4j]`` table may hold the same keys.
A config file that holds a password must not be readable by group or others;
kg refuses it otherwise, as ssh does with private keys.
"""

from __future__ import annotations

import os
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
#: The password scripts/neo4j gives its local, loopback-only development server.
DEV_PASSWORD = "kg-dev-password"
DEFAULT_STORE = "kg-data"


class ConfigError(RuntimeError):
    """The configuration is unusable; the message says which setting and why."""


@dataclass(frozen=True)
class Neo4jSettings:
    uri: str
    user: str
    password: str
    database: str | None = None

    def __repr__(self) -> str:  # never leak the password into logs or tracebacks
        return f"Neo4jSettings(uri={redact_uri(self.uri)!r}, user={self.user!r}, database={self.database!r})"

    __str__ = __repr__


def redact_uri(uri: str) -> str:
    """``neo4j+s://alice:secret@host:7687`` -> ``neo4j+s://alice:***@host:7687``."""
    try:
        parts = urlsplit(uri)
    except ValueError:
        return "<unparseable URI>"
    if parts.password is None and "@" not in parts.netloc:
        return uri
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user = userinfo.split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{hostport}" if user else f"***@{hostport}"))


def config_path() -> Path:
    return Path(os.environ.get("KG_CONFIG", Path.home() / ".config" / "kg" / "config.toml")).expanduser()


def _read_config_file() -> dict:
    path = config_path()
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"config file {path} is unreadable: {exc}") from exc
    neo = data.get("neo4j", {})
    if "password" in neo and os.name == "posix":
        mode = path.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise ConfigError(
                f"config file {path} holds a password but is readable by others "
                f"(mode {stat.filemode(mode)}); run: chmod 600 {path}"
            )
    return data


def neo4j_settings() -> Neo4jSettings:
    """Neo4j connection settings: environment first, then the config file, then the local dev server."""
    neo = _read_config_file().get("neo4j", {})
    uri = os.environ.get("NEO4J_URI") or neo.get("uri") or DEFAULT_URI
    parts = urlsplit(uri)
    user = os.environ.get("NEO4J_USER") or neo.get("user") or parts.username or DEFAULT_USER
    password = os.environ.get("NEO4J_PASSWORD") or neo.get("password") or parts.password or DEV_PASSWORD
    if parts.password is not None or parts.username is not None:
        # The driver wants credentials in `auth`, not in the URI.
        uri = urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
    database = os.environ.get("NEO4J_DATABASE") or neo.get("database") or None
    return Neo4jSettings(uri=uri, user=user, password=password, database=database)


def neo4j_configured() -> bool:
    """Whether the user pointed kg at a Neo4j server (env or config file)."""
    return bool(os.environ.get("NEO4J_URI") or _read_config_file().get("neo4j", {}).get("uri"))


def store_dir() -> Path:
    """Directory of the embedded default store: ``$KG_STORE`` or ``./kg-data``."""
    return Path(os.environ.get("KG_STORE") or _read_config_file().get("store", {}).get("dir") or DEFAULT_STORE)
