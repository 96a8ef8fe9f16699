"""Helpers shared by several benchmark packages."""
