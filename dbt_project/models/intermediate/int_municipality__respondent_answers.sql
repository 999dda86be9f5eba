-- One row per municipality respondent, one column per codebook item (generated from the codebook).
{{ respondent_answers('municipality') }}
