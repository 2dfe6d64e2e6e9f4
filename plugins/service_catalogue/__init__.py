"""The reviewed catalogue of third-party services small-business sites use (no Pelican).

`load_catalogue()` gives each service's entity, hosts, storage, transfer, policy address and
whether it needs consent, every fact with the address of the provider's own document and the
day it was checked; `python -m service_catalogue stale` lists facts older than a year.
"""

from .catalogue import CatalogueError, Fact, Service, load_catalogue, stale_facts

__all__ = ["CatalogueError", "Fact", "Service", "load_catalogue", "stale_facts"]
