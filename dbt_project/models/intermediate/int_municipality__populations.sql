-- The municipality respondents each published chart counts (population rules from the codebook).
-- depends_on: {{ ref('int_municipality__respondent_answers') }}
{{ chart_populations('municipality') }}
