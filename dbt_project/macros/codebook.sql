{#-
    The codebook tables (written by the pipeline from the YAML codebooks) read at compile time, so
    the per-form models are generated from the questionnaire instead of being typed by hand.
-#}

{#- The codebook sources are named outside the execute blocks, so that dbt (and Dagster) see at parse
    time that the models generated from them depend on them: a rule change is a change upstream. -#}
{% macro codebook_items(form) %}
    {%- set items = source('codebook', 'items') -%}
    {%- if not execute -%}{{ return([]) }}{%- endif -%}
    {#- the codebook schema is loaded by the pipeline before dbt runs; rules differ per edition -#}
    {%- set query -%}
        select
            item_key,
            any_value(item_type) as item_type,
            'case fiscal_year '
            || string_agg('when ' || edition || ' then ' || relevant_sql, ' ' order by edition)
            || ' end' as relevant_sql,
            'case fiscal_year '
            || string_agg('when ' || edition || ' then ' || given_sql, ' ' order by edition)
            || ' end' as given_sql
        from {{ items }}
        where form = '{{ form }}'
        group by item_key
        {# editions number their items from 1 each: the earliest edition's order, then the key, so
           that the columns come in the same order on every build #}
        order by min(edition), min(ordinal), item_key
    {%- endset -%}
    {{ return(run_query(query).rows) }}
{% endmacro %}


{#- One row per respondent, one column per item: code, number, text, or the list of ticked codes. -#}
{% macro respondent_answers(form) %}
    select
        s.fiscal_year,
        s.form,
        s.respondent_key,
        s.submission_id,
        {%- for item in codebook_items(form) %}
            {%- if item['item_type'] == 'multiple' %}
        list(a.option_code order by a.option_code) filter (
            where a.item_key = '{{ item["item_key"] }}' and a.is_ticked
        ) as "{{ item['item_key'] }}"
            {%- elif item['item_type'] == 'single' %}
        max(a.answer_code) filter (where a.item_key = '{{ item["item_key"] }}') as "{{ item['item_key'] }}"
            {%- elif item['item_type'] == 'number' %}
        max(a.answer_number) filter (where a.item_key = '{{ item["item_key"] }}') as "{{ item['item_key'] }}"
            {%- else %}
        max(a.answer_text) filter (where a.item_key = '{{ item["item_key"] }}') as "{{ item['item_key'] }}"
            {%- endif %},
        {%- endfor %}
        count(a.item_key) as answer_cells
    from {{ ref('stg_survey__submissions') }} as s
    left join {{ ref('stg_survey__answers') }} as a on s.submission_id = a.submission_id
    where s.form = '{{ form }}' and {{ is_new_return('s.submission_id') }}
    group by all
{% endmacro %}


{#- One row per respondent and item: relevant by the skip logic, answer given, and the status. -#}
{% macro item_status(form) %}
    with flags as (
        select
            fiscal_year,
            form,
            respondent_key,
            submission_id,
            unnest([
                {%- for item in codebook_items(form) %}
                {
                    'item_key': '{{ item["item_key"] }}',
                    'is_relevant': {{ item['relevant_sql'] }},
                    'is_given': {{ item['given_sql'] }}
                }{{ ',' if not loop.last }}
                {%- endfor %}
            ], recursive := true)
        from {{ ref('int_' ~ form ~ '__respondent_answers') }}
        where {{ is_new_return() }}
    )

    select
        *,
        case
            when is_relevant and is_given then 'answered'
            when is_relevant then 'missing'
            when is_given then 'off_path'
            else 'skipped'
        end as status
    from flags
    where is_relevant is not null
{% endmacro %}


{#- The populations the published charts of a form count (e.g. prefecture-level coordinators). A chart of
    one 人口規模 band counts the respondents whose municipality the edition's population source puts in it. -#}
{% macro chart_populations(form) %}
    {%- set answers = ref('int_' ~ form ~ '__respondent_answers') -%}
    {%- set submissions = ref('stg_survey__submissions') -%}
    {%- set bands = ref('int_municipality_population_bands') -%}
    {%- set populations = source('codebook', 'populations') -%}
    {%- set rules = [] -%}
    {%- if execute -%}
        {%- set query -%}
            select edition, population, population_sql, population_band
            from {{ populations }}
            where form = '{{ form }}'
            order by edition, population
        {%- endset -%}
        {%- set rules = run_query(query).rows -%}
    {%- endif %}
    {%- for rule in rules %}
    select
        answers.fiscal_year,
        answers.form,
        answers.respondent_key,
        answers.submission_id,
        '{{ rule["population"] }}' as population
    from {{ answers }} as answers
        {%- if rule['population_band'] is not none %}
    inner join {{ submissions }} as submissions on answers.submission_id = submissions.submission_id
    inner join {{ bands }} as bands
        on
            submissions.fiscal_year = bands.fiscal_year
            and submissions.form = bands.form
            and submissions.municipality_id = bands.municipality_id
            and bands.population_band = '{{ rule["population_band"] }}'
        {%- endif %}
    where answers.fiscal_year = {{ rule['edition'] }} and {{ rule['population_sql'] }} and {{ is_new_return('answers.submission_id') }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}
    {%- if not rules %}
    select
        null::integer as fiscal_year,
        null as form,
        null as respondent_key,
        null as submission_id,
        null as population
    where false
    {%- endif %}
{% endmacro %}


{#- One row per respondent, one boolean column per rule of the codebook (TRUE holds, FALSE broken,
    NULL not applicable): the frame the quality gate validates with Great Expectations. -#}
{% macro rule_checks(form) %}
    {%- set answers = ref('int_' ~ form ~ '__respondent_answers') -%}
    {%- set rule_source = source('codebook', 'checks') -%}
    {%- set checks = [] -%}
    {%- if execute -%}
        {%- set query -%}
            select
                check_column,
                'case fiscal_year '
                || string_agg('when ' || edition || ' then ' || check_sql, ' ' order by edition)
                || ' end' as check_sql
            from {{ rule_source }}
            where form = '{{ form }}'
            group by check_column
            order by min(edition), min(rowid)
        {%- endset -%}
        {%- set checks = run_query(query).rows -%}
    {%- endif %}
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id
        {%- for check in checks %},
        {{ check['check_sql'] }} as "{{ check['check_column'] }}"
        {%- endfor %}
    from {{ answers }}
    where {{ is_new_return() }}
{% endmacro %}
