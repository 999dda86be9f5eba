{#- meta.disclosure of the publication: one row per published relation with the audience declared in its
    meta (macros/disclosure.sql). Rendered from the project's graph, so it needs no database to read. -#}
{%- set declared = disclosure_declarations() if execute else [] %}
{%- set columns = ['schema_name', 'table_name', 'audience', 'prefecture_key', 'prefecture_via', 'declared_in'] %}
with declarations as (
    select
        declared.schema_name,
        declared.table_name,
        declared.audience,
        declared.prefecture_key,
        declared.prefecture_via,
        declared.declared_in
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
        (null, null, null, null, null, null)
    ) as declared (schema_name, table_name, audience, prefecture_key, prefecture_via, declared_in)
)

select
    cast(schema_name as varchar) as schema_name,
    cast(table_name as varchar) as table_name,
    cast(audience as varchar) as audience,
    cast(prefecture_key as varchar) as prefecture_key,
    cast(prefecture_via as varchar) as prefecture_via,
    cast(declared_in as varchar) as declared_in
from declarations
where schema_name is not null
