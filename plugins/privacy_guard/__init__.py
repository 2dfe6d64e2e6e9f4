"""Privacy guard."""
