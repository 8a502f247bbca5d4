"""The web server behind ``crosswire serve``: report pages, their JSON twins and a REST API over the store."""

from __future__ import annotations

from crosswire.web.app import create_app
from crosswire.web.records import Limits

__all__ = ["Limits", "create_app"]
