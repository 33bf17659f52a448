"""The field store: schema and migrations, the store (the only writer), the audit chain, seal lineage."""
