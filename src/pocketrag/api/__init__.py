"""The HTTP API, the chat page and their protections; `pocketrag.api.app.create_app`."""
