{#- meta.disclosure of the publication: one row per published relation with the audience declared in its
    meta (macros/disclosure.sql). Rendered from the project's graph, so it needs no database to read. -#}
{%- set declared = disclosure_declarations() if execute else [] %}
{%- set columns = ['schema_name', 'table_name', 'audience', 'prefecture_key', 'prefecture_via', 'declared_in'] %}
select
    {%- for column in columns %}
        cast({{ column }} as varchar) as {{ column }}{{ ',' if not loop.last }}
    {%- endfor %}
from (
    values
    {%- for row in declared %}
        (
            {%- for column in columns -%}
                {{ "'" ~ row[column] | replace("'", "''") ~ "'" if row[column] else 'null' }}
                {{- ', ' if not loop.last }}
            {%- endfor -%}
        ),
    {%- endfor %}
    ({% for column in columns %}null{{ ', ' if not loop.last }}{% endfor %})
) as declared ({{ columns | join(', ') }})
where schema_name is not null
