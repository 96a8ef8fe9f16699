"""pocketrag: question answering over your own documents, with citations, in 512 MB."""

__version__ = "0.1.0"
