"""`make bench`: the full site against plain Pelican, on the same synthetic content."""
