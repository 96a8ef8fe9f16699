"""Scripts that fit a constant pocketrag ships (retrieval depths, fusion weights, ...).

They call pocketrag's public functions, never copies of them, so what is fitted is what
ships.
"""
