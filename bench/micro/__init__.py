"""Micro benchmarks: one part of pocketrag measured at a time.

Some of them measure exactly a part behind the Pipeline (the embedder, the store, the
loaders); those import that part directly and say so in their docstring.
"""
