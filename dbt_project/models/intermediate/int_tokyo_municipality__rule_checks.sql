-- One row per respondent of Tokyo's own survey, one column per codebook rule: what the quality gate validates.
-- depends_on: {{ ref('int_tokyo_municipality__respondent_answers') }}
{{ rule_checks('tokyo_municipality') }}
