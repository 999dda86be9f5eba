-- The hub respondents each published chart counts (population rules from the codebook).
-- depends_on: {{ ref('int_hub__respondent_answers') }}
{{ chart_populations('hub') }}
