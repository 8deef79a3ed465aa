"""Settings from the environment or a private config file, never from argv.

Credentials are read from ``NEO4J_URI``/``NEO4J_USER``/``NEO4J_PASSWORD``
(and ``NEO4J_DATABASE``) or from ``$KG_CONFIG`` (default
``~/.config/kg/config.toml``), whose ``[neo4j]`` table may hold the same keys.
A config file that holds a password must not be readable by group or others;
kg refuses it otherwise, as ssh does with private keys.

Credentials embedded in ``NEO4J_URI`` (``neo4j://user:secret@host``) are
accepted but moved into the settings' user/password: the URI kept in
:class:`Neo4jSettings` never holds them, and :func:`redact_uri` /
:func:`scrub` remove them from anything shown to a user. The URI's scheme
(``neo4j+s://``, ``bolt+ssc://``, ...) is passed to the driver unchanged: it
is how the Neo4j driver chooses TLS and certificate checking.
"""

from __future__ import annotations

import os
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult, unquote, urlsplit, urlunsplit

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
#: The password scripts/neo4j gives its local, loopback-only development server.
DEV_PASSWORD = "kg-dev-password"
DEFAULT_STORE = "kg-data"

#: URI schemes the Neo4j Python driver understands; ``+s`` = TLS with CA check, ``+ssc`` = TLS, any certificate.
NEO4J_SCHEMES = frozenset({"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"})

#: Driver timeouts (seconds). Bounded so that a dead or unreachable server ends a run with a
#: clear message instead of a hang: connecting gives up after ``connect``, a managed
#: transaction is retried with the driver's exponential backoff for at most ``retry``.
DEFAULT_TIMEOUTS = {"connect": 10.0, "retry": 30.0, "acquire": 30.0}


class ConfigError(RuntimeError):
    """The configuration is unusable; the message says which setting and why (never a password)."""


@dataclass(frozen=True)
class Neo4jSettings:
    uri: str
    user: str
    password: str
    database: str | None = None

    def __repr__(self) -> str:  # never leak the password into logs or tracebacks
        return f"Neo4jSettings(uri={redact_uri(self.uri)!r}, user={self.user!r}, database={self.database!r})"

    __str__ = __repr__

    def scrub(self, message: str) -> str:
        """``message`` with this password (and any credentials in URIs) removed: safe to print."""
        return scrub(message, self.password)


def _split(uri: str) -> SplitResult:
    parts = urlsplit(uri)
    parts.port  # noqa: B018 - raises ValueError on a non-numeric port
    return parts


def redact_uri(uri: str) -> str:
    """``neo4j+s://alice:secret@host:7687`` -> ``neo4j+s://alice:***@host:7687``."""
    try:
        parts = urlsplit(uri)
    except ValueError:
        return "<unparseable URI>"
    if "@" not in parts.netloc:
        return uri
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user = userinfo.split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{hostport}" if user else f"***@{hostport}"))


def scrub(message: str, *secrets: str | None) -> str:
    """Remove each secret (and its URL-encoded form) from ``message``; used on driver error texts."""
    for secret in secrets:
        if secret and len(secret) >= 3:
            for form in {secret, unquote(secret)}:
                message = message.replace(form, "***")
    return message


def config_path() -> Path:
    return Path(os.environ.get("KG_CONFIG", Path.home() / ".config" / "kg" / "config.toml")).expanduser()


def _read_config_file() -> dict[str, Any]:
    path = config_path()
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"config file {path} is unreadable: {exc}") from exc
    for table in ("neo4j", "store"):
        if not isinstance(data.get(table, {}), dict):
            raise ConfigError(f"config file {path}: [{table}] must be a table")
    neo = data.get("neo4j", {})
    for key in ("uri", "user", "password", "database"):
        if key in neo and not isinstance(neo[key], str):
            raise ConfigError(f"config file {path}: neo4j.{key} must be a string")
    if "password" in neo and os.name == "posix":
        mode = path.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise ConfigError(
                f"config file {path} holds a password but is accessible by group or others "
                f"(mode {stat.filemode(mode)}); run: chmod 600 {path}"
            )
    return data


def neo4j_settings() -> Neo4jSettings:
    """Neo4j connection settings: environment first, then the config file, then the local dev server.

    Raises :class:`ConfigError` for a URI that is unparseable or has a scheme the driver does not know.
    """
    neo = _read_config_file().get("neo4j", {})
    uri = os.environ.get("NEO4J_URI") or neo.get("uri") or DEFAULT_URI
    try:
        parts = _split(uri)
    except ValueError:
        raise ConfigError(f"NEO4J_URI {redact_uri(uri)!r} is not a valid URI") from None
    if parts.scheme not in NEO4J_SCHEMES or not parts.hostname:
        raise ConfigError(
            f"NEO4J_URI {redact_uri(uri)!r} is not a Neo4j URI: expected <scheme>://host[:port] "
            f"with scheme one of {', '.join(sorted(NEO4J_SCHEMES))}"
        )
    user = os.environ.get("NEO4J_USER") or neo.get("user") or _unquote(parts.username) or DEFAULT_USER
    password = os.environ.get("NEO4J_PASSWORD") or neo.get("password") or _unquote(parts.password) or DEV_PASSWORD
    if "@" in parts.netloc:
        # The driver wants credentials in `auth`, not in the URI.
        uri = urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
    database = os.environ.get("NEO4J_DATABASE") or neo.get("database") or None
    return Neo4jSettings(uri=uri, user=user, password=password, database=database)


def _unquote(value: str | None) -> str | None:
    return unquote(value) if value else None


def driver_options() -> dict[str, float]:
    """Keyword arguments for ``neo4j.GraphDatabase.driver``: bounded timeouts (see :data:`DEFAULT_TIMEOUTS`).

    ``KG_NEO4J_CONNECT_TIMEOUT`` and ``KG_NEO4J_RETRY_TIME`` (seconds) override the defaults.
    """

    def env_float(name: str, default: float) -> float:
        try:
            value = float(os.environ.get(name, ""))
        except ValueError:
            return default
        return value if value > 0 else default

    connect = env_float("KG_NEO4J_CONNECT_TIMEOUT", DEFAULT_TIMEOUTS["connect"])
    return {
        "connection_timeout": connect,
        "connection_acquisition_timeout": max(connect, DEFAULT_TIMEOUTS["acquire"]),
        "max_transaction_retry_time": env_float("KG_NEO4J_RETRY_TIME", DEFAULT_TIMEOUTS["retry"]),
    }


def neo4j_configured() -> bool:
    """Whether the user pointed kg at a Neo4j server (env or config file)."""
    return bool(os.environ.get("NEO4J_URI") or _read_config_file().get("neo4j", {}).get("uri"))


def store_dir() -> Path:
    """Directory of the embedded default store: ``$KG_STORE`` or ``./kg-data``."""
    return Path(os.environ.get("KG_STORE") or _read_config_file().get("store", {}).get("dir") or DEFAULT_STORE)
