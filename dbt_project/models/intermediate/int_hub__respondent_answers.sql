-- One row per hub respondent, one column per codebook item (generated from the codebook).
{{ respondent_answers('hub') }}
