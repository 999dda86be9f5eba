-- The coordinator respondents each published chart counts (population rules from the codebook).
-- depends_on: {{ ref('int_coordinator__respondent_answers') }}
{{ chart_populations('coordinator') }}
