"""The dbt project run from Python: lookups written first, then ``dbt build`` on the working file."""
