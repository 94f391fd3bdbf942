"""wirecoder: news in, geocoded and source-attributed PLOVER event data out."""

__version__ = "0.1.0"
