-- One row per prefecture respondent, one column per codebook item (generated from the codebook).
{{ respondent_answers('prefecture') }}
