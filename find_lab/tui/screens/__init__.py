"""Screens of the lab: launcher, lab, dialogs, scoreboard, help."""
