-- One row per coordinator respondent, one column per codebook rule: what the quality gate validates.
-- depends_on: {{ ref('int_coordinator__respondent_answers') }}
{{ rule_checks('coordinator') }}
