{#-
    Who may read each published relation is declared once, in the project: every model's meta (and the
    meta of the sources the pipeline publishes beside the models) says

        disclosure: public | prefecture | ministry | internal
        prefecture_key: <column>            (prefecture only: the column that scopes a prefecture's rows)
        prefecture_via: <schema.relation>   (when that column is a key into another prefecture relation)

    public: every reader; prefecture: the ministry, and each prefecture its own rows; ministry: the ministry
    only; internal: never published. The publication carries these rows as meta.disclosure, and the
    PostgreSQL grants and policies, the audience files and the site are derived from them.
-#}

{#- The declarations of every model and source, checked: raises naming each node that declares none or a
    wrong one, so a new model cannot be published before someone decided who reads it. -#}
{% macro disclosure_declarations() -%}
    {%- set audiences = ['public', 'prefecture', 'ministry', 'internal'] -%}
    {%- set declared = [] -%}
    {%- set problems = [] -%}
    {%- set nodes = graph.nodes.values() | selectattr('resource_type', 'equalto', 'model') | list -%}
    {%- for node in nodes + (graph.sources.values() | list) -%}
        {%- set meta = node.config.meta if node.resource_type == 'model' else node.meta -%}
        {%- set audience = meta.get('disclosure') -%}
        {%- set key = meta.get('prefecture_key') -%}
        {%- set via = meta.get('prefecture_via') -%}
        {%- set name = node.alias if node.resource_type == 'model' else node.identifier -%}
        {%- set file = (node.patch_path or node.original_file_path).split('://')[-1] -%}
        {%- set where = node.resource_type ~ ' ' ~ node.name ~ ' (' ~ file ~ ')' -%}
        {%- if node.resource_type == 'source' and audience is none -%}
            {#- a source the pipeline reads but never publishes (raw, codebook, reference) -#}
        {%- elif audience not in audiences -%}
            {%- do problems.append(where ~ ': meta.disclosure must be one of ' ~ audiences | join(', ')
                ~ ', not ' ~ (audience | string)) -%}
        {%- elif audience == 'prefecture' and not key -%}
            {%- do problems.append(where ~ ': a prefecture relation names its prefecture_key column') -%}
        {%- elif audience == 'prefecture' and node.columns and key not in node.columns -%}
            {%- do problems.append(where ~ ': prefecture_key ' ~ key ~ ' is not one of its columns') -%}
        {%- elif audience != 'prefecture' and (key or via) -%}
            {%- do problems.append(where ~ ': prefecture_key and prefecture_via belong to prefecture relations') -%}
        {%- elif audience != 'internal' -%}
            {%- do declared.append({
                'schema_name': node.schema, 'table_name': name, 'audience': audience,
                'prefecture_key': key, 'prefecture_via': via,
                'declared_in': file}) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set relations = [] -%}
    {%- for row in declared -%}{%- do relations.append(row.schema_name ~ '.' ~ row.table_name) -%}{%- endfor -%}
    {%- for row in declared if row.prefecture_via and row.prefecture_via not in relations -%}
        {%- do problems.append(row.schema_name ~ '.' ~ row.table_name ~ ': prefecture_via '
            ~ row.prefecture_via ~ ' is not a published relation') -%}
    {%- endfor -%}
    {%- if problems -%}
        {{ exceptions.raise_compiler_error(
            "Who may read these relations is not declared (meta.disclosure, see macros/disclosure.sql):\n  - "
            ~ problems | join('\n  - ')) }}
    {%- endif -%}
    {{ return(declared | sort(attribute='schema_name,table_name')) }}
{%- endmacro %}

{#- on-run-start: a build stops before it starts when a declaration is missing or wrong. -#}
{% macro check_disclosure() -%}
    {%- if execute -%}{%- do disclosure_declarations() -%}{%- endif -%}
    select 1 as disclosure_checked
{%- endmacro %}
