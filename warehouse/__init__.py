"""The home-care collaboration survey warehouse: codebooks, workbooks, ingest and their reference data."""
