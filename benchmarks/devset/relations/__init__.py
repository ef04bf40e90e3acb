"""Held-out relations: hand-written name-to-name relations, only ever measured."""
