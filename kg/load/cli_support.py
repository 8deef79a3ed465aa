"""Deprecated path of :mod:`kg.cli.stores` (the store commands' CLI plumbing), kept for callers not yet updated.

CLI code belongs to :mod:`kg.cli`; import :mod:`kg.cli.stores`. This module is the one exception the
layer check (tests/test_layers.py) allows, and goes once nothing imports it.
"""

from kg.cli.stores import *  # noqa: F403
from kg.cli.stores import open_store_or_exit, store_options  # noqa: F401
