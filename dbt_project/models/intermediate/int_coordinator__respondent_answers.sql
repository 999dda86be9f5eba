-- One row per coordinator respondent, one column per codebook item (generated from the codebook).
{{ respondent_answers('coordinator') }}
