-- One row per hub respondent, one column per codebook rule: what the quality gate validates.
-- depends_on: {{ ref('int_hub__respondent_answers') }}
{{ rule_checks('hub') }}
