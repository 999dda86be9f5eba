"""The static site of the published results: national charts, a page per prefecture, a profile per
municipality, the coordinator analysis and the quality gate, written from the published file alone."""
