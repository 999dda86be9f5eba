-- One row per municipality respondent, one column per codebook rule: what the quality gate validates.
-- depends_on: {{ ref('int_municipality__respondent_answers') }}
{{ rule_checks('municipality') }}
