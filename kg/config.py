"""Settings from the environment or a private config file, never from argv: every setting kg reads.

No other module reads ``os.environ``; each setting has its function here (the Neo4j connection,
the embedded store's directory, ``KG_MODEL_<XX>``, ``KG_LANG_DIRS``, ``KG_CYPHER_DIR``,
``KG_MAX_ARTICLE_CHARS``, ``KG_MP_START``, the variables forwarded to Spark executors).

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

The credentials are cut off a URI *before* it is parsed (:func:`split_credentials`): a
password may hold ``#``, ``/`` or ``?``, which a URL parser takes for the start of the
fragment, path or query, so that the password would end up in the "host" it shows.

No password configured: only a loopback server (``scripts/neo4j``'s own binds to 127.0.0.1
alone) is tried with the development password, and kg says so (:attr:`Neo4jSettings.password_from`);
anywhere else this is a :class:`ConfigError`, never a silent guess.
"""

from __future__ import annotations

import os
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult, unquote, urlsplit

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
#: The password scripts/neo4j gives its local, loopback-only development server.
DEV_PASSWORD = "kg-dev-password"
DEFAULT_STORE = "kg-data"
DEV_PASSWORD_SOURCE = "scripts/neo4j's development default (NEO4J_PASSWORD is not set)"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})

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
    #: Where the password came from, for messages (never the password): "NEO4J_PASSWORD", "NEO4J_URI",
    #: "the config file <path>" or :data:`DEV_PASSWORD_SOURCE`.
    password_from: str = ""

    @property
    def uses_dev_password(self) -> bool:
        return self.password_from == DEV_PASSWORD_SOURCE

    def credentials(self) -> str:
        """``user 'neo4j' (password from NEO4J_PASSWORD)``: which credentials were used, safe to print."""
        return f"user {self.user!r} (password from {self.password_from or 'nowhere'})"

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


def split_credentials(uri: str) -> tuple[str, str | None, str | None]:
    """``scheme://user:pass@host...`` -> (``scheme://host...``, user, password), without parsing the URI first.

    The user information is everything between ``://`` and the last ``@``, so a password holding
    ``#``, ``/``, ``?`` or ``@`` is cut off whole (a URL parser would split it at the first of those).
    User and password are percent-decoded; a URI without ``@`` is returned unchanged.
    """
    scheme, sep, rest = uri.partition("://")
    if not sep or "@" not in rest:
        return uri, None, None
    userinfo, _, hostpart = rest.rpartition("@")
    user, colon, password = userinfo.partition(":")
    return f"{scheme}://{hostpart}", unquote(user) or None, unquote(password) if colon else None


def redact_uri(uri: str) -> str:
    """``neo4j+s://alice:secret@host:7687`` -> ``neo4j+s://alice:***@host:7687`` (also for ``se#c/r?et``)."""
    bare, user, password = split_credentials(uri)
    if bare == uri:
        return uri
    scheme, _, hostpart = bare.partition("://")
    shown = "***" if not user else f"{user}:***" if password is not None else user
    return f"{scheme}://{shown}@{hostpart}"


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
    password_in_uri = split_credentials(neo.get("uri", ""))[2] is not None
    if ("password" in neo or password_in_uri) and os.name == "posix":
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
    given = os.environ.get("NEO4J_URI") or neo.get("uri") or DEFAULT_URI
    # The driver wants credentials in `auth`, not in the URI; and they must go before the URI is parsed.
    uri, uri_user, uri_password = split_credentials(given)
    uri_from = "NEO4J_URI" if os.environ.get("NEO4J_URI") else f"the config file {config_path()}"
    try:
        parts = _split(uri)
    except ValueError:
        raise ConfigError(f"NEO4J_URI {redact_uri(given)!r} is not a valid URI") from None
    if parts.scheme not in NEO4J_SCHEMES or not parts.hostname:
        raise ConfigError(
            f"NEO4J_URI {redact_uri(given)!r} is not a Neo4j URI: expected <scheme>://host[:port] "
            f"with scheme one of {', '.join(sorted(NEO4J_SCHEMES))}"
        )
    user = os.environ.get("NEO4J_USER") or neo.get("user") or uri_user or DEFAULT_USER
    sources = [
        (os.environ.get("NEO4J_PASSWORD"), "NEO4J_PASSWORD"),
        (neo.get("password"), f"the config file {config_path()}"),
        (uri_password, uri_from),
    ]
    password, password_from = next(((pw, where) for pw, where in sources if pw), (None, ""))
    if password is None:
        if parts.hostname not in LOOPBACK_HOSTS:
            raise ConfigError(
                f"no password for user {user!r} at {redact_uri(given)}: set NEO4J_PASSWORD "
                f"(or [neo4j] password in {config_path()}, chmod 600)"
            )
        password, password_from = DEV_PASSWORD, DEV_PASSWORD_SOURCE
    database = os.environ.get("NEO4J_DATABASE") or neo.get("database") or None
    if database is not None and database.lower() == "system":
        raise ConfigError(
            "NEO4J_DATABASE=system is Neo4j's administration database, which holds no graph; "
            "name a graph database (unset, the server's default, usually neo4j)"
        )
    return Neo4jSettings(uri=uri, user=user, password=password, database=database, password_from=password_from)


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


def store_dir() -> Path:
    """Directory of the embedded default store: ``$KG_STORE`` or ``./kg-data``."""
    return Path(os.environ.get("KG_STORE") or _read_config_file().get("store", {}).get("dir") or DEFAULT_STORE)


def uses_neo4j_by_default() -> bool:
    """Whether ``NEO4J_URI`` is set: then a store command without ``--store`` uses Neo4j."""
    return bool(os.environ.get("NEO4J_URI"))


def env_secrets() -> list[str]:
    """Passwords from ``NEO4J_PASSWORD`` and ``NEO4J_URI`` (8+ characters, Neo4j's minimum, so no short word is hit)."""
    secrets = [os.environ.get("NEO4J_PASSWORD") or ""]
    secrets.append(split_credentials(os.environ.get("NEO4J_URI", ""))[2] or "")
    return [s for s in secrets if len(s) >= 8]


def model_variable(lang: str) -> str:
    """The variable that names the spaCy pipeline of ``lang``: ``KG_MODEL_DE``."""
    return f"KG_MODEL_{lang.upper()}"


def configured_model(lang: str) -> str | None:
    """``KG_MODEL_<LANG>``: a package name or a pipeline directory, or None when unset."""
    return os.environ.get(model_variable(lang)) or None


#: The article size limit when ``KG_MAX_ARTICLE_CHARS`` does not set one.
DEFAULT_MAX_ARTICLE_CHARS = 200_000


def max_article_chars() -> int:
    """The article size limit: ``KG_MAX_ARTICLE_CHARS`` if set to a positive integer, else the default."""
    try:
        value = int(os.environ.get("KG_MAX_ARTICLE_CHARS", ""))
    except ValueError:
        return DEFAULT_MAX_ARTICLE_CHARS
    return value if value > 0 else DEFAULT_MAX_ARTICLE_CHARS


def triage_enabled() -> bool:
    """Whether extraction triages sentences (``kg.extract.triage``): ``KG_TRIAGE=0``/``off``/``no`` turns it off.

    A setting so that a whole deployment (workers, Spark executors) can go back to the full path at
    once; ``--no-triage`` and ``Extractor(triage=False)`` do it for one run.
    """
    return os.environ.get("KG_TRIAGE", "1").strip().lower() not in ("0", "off", "no", "false")


def _path_list(name: str) -> list[Path]:
    return [Path(p).expanduser() for p in os.environ.get(name, "").split(os.pathsep) if p]


def cypher_dirs() -> list[Path]:
    """``KG_CYPHER_DIR``: directories of named queries searched before kg's own (``os.pathsep``-separated)."""
    return _path_list("KG_CYPHER_DIR")


def lang_dirs() -> list[Path]:
    """``KG_LANG_DIRS``: directories holding language folders (``<dir>/<code>/language.toml``) besides kg's own.

    A language found there is served like a built-in one; a code kg ships is taken from the first
    directory that has it (these directories come first).
    """
    return _path_list("KG_LANG_DIRS")


def mp_start_method() -> str | None:
    """``KG_MP_START``: the multiprocessing start method of extraction workers (default: fork where available)."""
    return os.environ.get("KG_MP_START") or None


def forwarded_environment(prefixes: tuple[str, ...]) -> dict[str, str]:
    """The environment variables whose names start with one of ``prefixes`` (for Spark executors)."""
    return {name: value for name, value in os.environ.items() if name.startswith(prefixes)}


def spark_python(default: str) -> str | None:
    """The Python local Spark workers must run: ``default``, or None when ``PYSPARK_PYTHON`` sets it."""
    return None if os.environ.get("PYSPARK_PYTHON") else default
