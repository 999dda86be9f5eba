-- One row per prefecture respondent, one column per codebook rule: what the quality gate validates.
-- depends_on: {{ ref('int_prefecture__respondent_answers') }}
{{ rule_checks('prefecture') }}
