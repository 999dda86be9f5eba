"""The published report of an edition reproduced: its printed charts and χ² tests, joined to the codebook."""
