"""Headquarters: its store (``store``), the importer (``importer``, files in ``inbox``), anomalies judged at
import (``anomalies``, shipments by ``lineage``), the reports it reads (``reports``) and statistics (``stats``)."""
