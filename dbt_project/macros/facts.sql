{#-
    Facts find their items by the codebook's tags, never by key or question number: an item tagged
    {fact: council, role: established} plays the role "established" in the council fact. A new edition
    whose codebooks carry the tags is pivoted by the same SQL.

    A model declares the facts it reads, {{ config(meta={'facts': [...]}) }}: an incremental build runs a
    model only when a form and edition whose codebook tags one of them has a new return
    (warehouse/transform/dbt.py, forms_read). fact_items refuses a fact the model has not declared.
    Models that keep given forms' returns by name (form = 'hub') declare meta={'forms': [...]} instead.
-#}

{#- The tagged items of a fact: edition, form, item_key, role, and one column per tag named in `by`. -#}
{% macro fact_items(fact, by=[]) %}
    {%- if execute and fact not in (model.config.meta or {}).get('facts', []) -%}
        {{ exceptions.raise_compiler_error(
            model.name ~ " reads the items tagged {fact: " ~ fact ~ "} without declaring it: add "
            ~ "{{ config(meta={'facts': ['" ~ fact ~ "']}) }}, so that incremental builds run it for those returns"
        ) }}
    {%- endif -%}
    {%- set tags = ref('stg_codebook__item_tags') -%}
    select
        fact_tag.edition,
        fact_tag.form,
        fact_tag.item_key,
        role_tag.tag_value as fact_role
        {%- for tag in by %},
        by_{{ loop.index }}.tag_value as "{{ tag }}"
        {%- endfor %}
    from {{ tags }} as fact_tag
    left join {{ tags }} as role_tag
        on
            fact_tag.edition = role_tag.edition
            and fact_tag.form = role_tag.form
            and fact_tag.item_key = role_tag.item_key
            and role_tag.tag = 'role'
    {%- for tag in by %}
    left join {{ tags }} as by_{{ loop.index }}
        on
            fact_tag.edition = by_{{ loop.index }}.edition
            and fact_tag.form = by_{{ loop.index }}.form
            and fact_tag.item_key = by_{{ loop.index }}.item_key
            and by_{{ loop.index }}.tag = '{{ tag }}'
    {%- endfor %}
    where fact_tag.tag = 'fact' and fact_tag.tag_value = '{{ fact }}'
{% endmacro %}


{#-
    One row per edition, form, respondent (and value of each tag in `by`), one group of columns per
    role. grain='respondent' pivots int_item_answers: <role>_status, _code, _key, _label, _number,
    _text, _codes, _keys (the ticked codes and option keys). grain='option' pivots int_option_answers
    by option key: <role>_selected and <role>_status per option, with its code and label. The roles are
    the fact's columns: a role no item plays in an edition is null there. Every other column the answer
    rows carry (the respondent's identity: submission, codes, durable member...) comes through unchanged.
-#}
{% macro fact_pivot(fact, roles, by=[], grain='respondent') %}
    {%- set answers = ref('int_item_answers') if grain == 'respondent' else ref('int_option_answers') -%}
    {#- what varies by item (or option) is pivoted; everything else belongs to the respondent -#}
    {%- set per_item = [
        'fiscal_year', 'form', 'respondent_key', 'item_key', 'question', 'item_type', 'scenario_key', 'measure',
        'parent_item_key', 'answer_status', 'is_off_path', 'answer_code', 'answer_option_key',
        'answer_option_label', 'answer_number', 'answer_text', 'ticked_codes', 'ticked_option_keys',
        'option_code', 'option_key', 'option_label', 'is_other', 'option_id', 'is_selected'
    ] -%}
    {%- set identity = [] -%}
    {%- if execute -%}
        {%- for column in adapter.get_columns_in_relation(answers) if column.name not in per_item -%}
            {%- do identity.append(column.name) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- set keys = ['fiscal_year', 'form', 'respondent_key'] + by + (['option_key'] if grain == 'option' else []) -%}
    with tagged_answers as (
        select
            answers.*,
            tagged.fact_role
            {%- for tag in by %},
            tagged."{{ tag }}"
            {%- endfor %}
        from {{ answers }} as answers
        inner join ({{ fact_items(fact, by) }}) as tagged
            on
                answers.fiscal_year = tagged.edition
                and answers.form = tagged.form
                and answers.item_key = tagged.item_key
        where {{ is_new_return('answers.submission_id') }}
    )

    select
        {%- for key in keys %}
        "{{ key }}",
        {%- endfor %}
        {%- for column in identity %}
        any_value("{{ column }}") as "{{ column }}",
        {%- endfor %}
        {%- if grain == 'option' %}
        min(option_code) as option_code,
        any_value(option_label) as option_label,
        {%- endif %}
        {%- for role in roles %}
        {%- set where = "(where fact_role = '" ~ role ~ "')" %}
        {%- if grain == 'option' %}
        any_value(is_selected) filter {{ where }} as "{{ role }}_selected",
        any_value(answer_status) filter {{ where }} as "{{ role }}_status",
        {%- else %}
        any_value(answer_status) filter {{ where }} as "{{ role }}_status",
        any_value(answer_code) filter {{ where }} as "{{ role }}_code",
        any_value(answer_option_key) filter {{ where }} as "{{ role }}_key",
        any_value(answer_option_label) filter {{ where }} as "{{ role }}_label",
        any_value(answer_number) filter {{ where }} as "{{ role }}_number",
        any_value(answer_text) filter {{ where }} as "{{ role }}_text",
        any_value(ticked_codes) filter {{ where }} as "{{ role }}_codes",
        any_value(ticked_option_keys) filter {{ where }} as "{{ role }}_keys",
        {%- endif %}
        {%- endfor %}
        count(*) as tagged_items
    from tagged_answers
    group by all
{% endmacro %}


{#- Whose answer a fact row is, the same columns in the same order in every fact (respondent_kind where the
    fact has returns of more than one kind of respondent). -#}
{% macro respondent_columns(kind=true) -%}
    fiscal_year,
    form,
    respondent_key,
    submission_id,
    {%- if kind %}
    respondent_kind,
    {%- endif %}
    municipality_code,
    municipality_id,
    prefecture_code
{%- endmacro %}
