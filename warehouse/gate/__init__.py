"""The quality gate: rules from the codebook, checked before the marts are published."""
