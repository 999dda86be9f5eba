"""The Dagster code location of the warehouse (loaded by ``workspace.yaml``)."""
