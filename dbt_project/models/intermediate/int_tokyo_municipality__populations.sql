-- The respondents of Tokyo's own survey each published chart counts (population rules from the codebook).
-- depends_on: {{ ref('int_tokyo_municipality__respondent_answers') }}
{{ chart_populations('tokyo_municipality') }}
