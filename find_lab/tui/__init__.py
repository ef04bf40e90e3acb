"""The Textual lab: screens and widgets over the headless core."""
