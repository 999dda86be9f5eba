{#-
    Per-return models (intermediate and facts) are incremental: each row belongs to one current
    return (submission_id), so a refresh after a few resubmissions computes only the returns not yet
    in the table, after dropping the rows of returns that are no longer current (the version a
    resubmission replaced, or a return whose identity changed). Everything else a row depends on
    (the code, the codebook, the reference list) is fingerprinted by the pipeline, which rebuilds
    these models whole (--full-refresh) when any of it changes: see warehouse/transform/dbt.py.
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
        database=this.database, schema=generate_schema_name('staging', none), identifier='stg_survey__submissions'
    ) -%}
    delete from {{ this }}
    where submission_id not in (select current_returns.submission_id from {{ current_returns }} as current_returns)
    {%- endif -%}
{%- endmacro %}
