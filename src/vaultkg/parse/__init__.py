"""Obsidian-flavoured Markdown parsing."""

from .note import parse_note

__all__ = ["parse_note"]
