{#-
    Per-return models (intermediate and facts) are incremental: each row belongs to one current
    return (submission_id), so a refresh after a few resubmissions computes only the returns not yet
    in the table, after dropping the rows of returns that are no longer current (the version a
    resubmission replaced, or a return whose identity changed). Everything else a row depends on
    (the codebook, the reference list, the model's code) is versioned below, so that dbt alone
    rebuilds a model whole when it changed; the pipeline also fingerprints the whole project
    (macros included) and rebuilds everything when it changed: see warehouse/transform/dbt.py.
-#}

{#- The predicate for the driving relation of a per-return model: its returns not yet built. -#}
{% macro is_new_return(column='submission_id') -%}
    {%- if is_incremental() -%}
        {{ column }} not in (select built.submission_id from {{ this }} as built)
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}


{#- Pre-hook: rows of returns that are no longer current go before the new ones come in (the facts'
    keys are per respondent, so the replaced version must be gone first). -#}
{% macro drop_superseded_returns() -%}
    {%- if is_incremental() -%}
    {#- named, not ref()'d: a ref in a hook would need every model to depend on it directly -#}
    {%- set current_returns = api.Relation.create(
        database=this.database, schema=generate_schema_name('staging', none), identifier='stg_raw__submissions'
    ) -%}
    delete from {{ this }}
    where submission_id not in (select current_returns.submission_id from {{ current_returns }} as current_returns)
    {%- endif -%}
{%- endmacro %}


{#-
    What a per-return model's rows depend on besides the returns is versioned, so that a plain
    `dbt build` (without the pipeline's fingerprint and without --full-refresh) rebuilds a model whole
    when it changed: the lookups (every codebook and reference table, hashed once per invocation by
    record_lookups_version), the model's own file, and the versions its incremental ancestors were
    built with (a rebuilt ancestor rebuilds its descendants). Each build records its version in
    transform.model_versions; a model whose recorded version differs from the current one, or has
    none, is built as if with --full-refresh.
-#}

{#- on-run-start: the version of the lookups, and the table the models record theirs in. -#}
{% macro record_lookups_version() -%}
    {%- set parts = [] -%}
    {%- if execute -%}
        {%- set tables = run_query(
            "select schema_name, table_name from duckdb_tables() "
            ~ "where schema_name in ('codebook', 'reference') order by all"
        ) -%}
        {%- for table in tables.rows -%}
            {%- do parts.append(
                "select '" ~ table[0] ~ "." ~ table[1] ~ "=' || count(*) || ':' || coalesce(sum(hash(t)::hugeint), 0) "
                ~ "as part from " ~ table[0] ~ '."' ~ table[1] ~ '" as t'
            ) -%}
        {%- endfor -%}
    {%- endif -%}
    create schema if not exists transform;
    create table if not exists transform.model_versions (
        relation varchar primary key, version varchar not null, built_at timestamp not null
    );
    create or replace table transform.lookups_version as
    {% if parts -%}
    select md5(string_agg(part, '|' order by part)) as version from ({{ parts | join(' union all ') }})
    {%- else -%}
    select md5('') as version
    {%- endif %}
{%- endmacro %}


{#- The name a model's version is recorded under: schema.table. -#}
{% macro version_key(node) -%}
    {{ node.schema }}.{{ node.alias or node.name }}
{%- endmacro %}


{#- SQL for the version the current model would be built with now. -#}
{% macro current_version_sql() -%}
    {%- set ancestors = [] -%}
    {%- set queue = model.depends_on.nodes | list -%}
    {%- for unique_id in queue -%}
        {%- set node = graph.nodes.get(unique_id) -%}
        {%- if node and node.resource_type == 'model' -%}
            {%- if node.config.materialized == 'incremental' -%}
                {%- do ancestors.append("'" ~ version_key(node) ~ "'") -%}
            {%- else -%}
                {%- for parent in node.depends_on.nodes if parent not in queue -%}
                    {%- do queue.append(parent) -%}
                {%- endfor -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    md5(
        coalesce((select lookups.version from transform.lookups_version as lookups), '')
        || '|{{ model.checksum.checksum }}|'
        || coalesce((
            select string_agg(ancestor.relation || '=' || ancestor.version, '|' order by ancestor.relation)
            from transform.model_versions as ancestor
            where list_contains([{{ ancestors | join(', ') }}]::varchar [], ancestor.relation)
        ), '')
    )
{%- endmacro %}


{#- True when the model exists but was built with another version (or none is known). -#}
{% macro is_outdated() -%}
    {#- run and build create the tables on-run-start; other commands (compile, show) may come first -#}
    {%- if flags.WHICH not in ('run', 'build') -%}
        {%- set known = run_query(
            "select count(*) from duckdb_tables() where schema_name = 'transform' "
            ~ "and table_name in ('model_versions', 'lookups_version')"
        ).rows[0][0] -%}
        {%- if known < 2 -%}{{ return(true) }}{%- endif -%}
    {%- endif -%}
    {%- set found = run_query(
        "select " ~ current_version_sql() ~ " is not distinct from (select built.version from transform.model_versions "
        ~ "as built where built.relation = '" ~ version_key(model) ~ "')"
    ) -%}
    {{ return(not found.rows[0][0]) }}
{%- endmacro %}


{#- dbt's own decision, and for an incremental model built with another version: rebuild it whole. -#}
{% macro should_full_refresh() %}
    {%- set full_refresh = config.get('full_refresh') -%}
    {%- if full_refresh is none -%}{%- set full_refresh = flags.FULL_REFRESH -%}{%- endif -%}
    {%- if full_refresh or not execute or model.resource_type != 'model'
        or model.config.materialized != 'incremental' -%}
        {{ return(full_refresh) }}
    {%- endif -%}
    {{ return(is_outdated()) }}
{% endmacro %}


{#- Post-hook: the version this build was made with. -#}
{% macro record_model_version() -%}
    insert or replace into transform.model_versions
    select '{{ version_key(model) }}' as relation, {{ current_version_sql() }} as version, now() as built_at
{%- endmacro %}
