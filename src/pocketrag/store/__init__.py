"""Index backends behind one protocol; `open_store` picks one from the settings."""

from pocketrag.store.base import Store

__all__ = ["Store"]
