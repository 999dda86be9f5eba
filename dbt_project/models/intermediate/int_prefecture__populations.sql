-- The prefecture respondents each published chart counts (population rules from the codebook).
-- depends_on: {{ ref('int_prefecture__respondent_answers') }}
{{ chart_populations('prefecture') }}
