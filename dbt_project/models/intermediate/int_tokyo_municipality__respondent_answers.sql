-- One row per respondent of Tokyo's own survey, one column per codebook item (generated from the codebook).
{{ respondent_answers('tokyo_municipality') }}
