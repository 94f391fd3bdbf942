"""REST API (FastAPI, OpenAPI) and the web UI's server; `wirecoder serve` runs create_app with uvicorn."""

from .app import create_app

__all__ = ["create_app"]
