"""Class pages, one module per capability; access.py holds the rules they all start with."""
