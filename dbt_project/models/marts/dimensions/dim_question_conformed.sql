-- 設問の経年対応: one row per edition, form and item, with whether the item conforms with the same form's
-- previous edition. It conforms when its key and its meaning are unchanged: the same key and type, and
-- every option of the previous edition still there under the same key (options may be added; wording
-- may drift, e.g. 「年度内に実施予定」 vs 「H29・30年度内に実施予定」). A reworded question gets a new key in its
-- codebook and so starts a new conformed question. conformed_question_key names the run of editions.
with form_editions as (
    select
        form,
        edition,
        lag(edition) over (partition by form order by edition) as previous_edition
    from {{ ref('stg_codebook__editions') }}
),

options as (
    select
        edition,
        form,
        item_key,
        list(option_key order by option_code) as option_keys
    from {{ ref('stg_codebook__options') }}
    group by edition, form, item_key
),

items as (
    select
        items.edition,
        items.form,
        items.item_key,
        items.item_type,
        items.label,
        items.question_text,
        form_editions.previous_edition,
        coalesce(options.option_keys, []::varchar[]) as option_keys
    from {{ ref('stg_codebook__items') }} as items
    inner join form_editions on items.form = form_editions.form and items.edition = form_editions.edition
    left join options
        on items.edition = options.edition and items.form = options.form and items.item_key = options.item_key
),

paired as (
    select
        items.*,
        previous.option_keys as previous_option_keys,
        previous.item_key is not null as was_asked_before,
        coalesce(previous.item_type = items.item_type, false) as is_same_type,
        coalesce(
            previous.label is distinct from items.label or previous.question_text is distinct from items.question_text,
            false
        ) and previous.item_key is not null as is_wording_changed
    from items
    left join items as previous
        on
            items.form = previous.form
            and items.previous_edition = previous.edition
            and items.item_key = previous.item_key
),

compared as (
    select
        *,
        coalesce(is_same_type and list_has_all(option_keys, previous_option_keys), false) as conforms_with_previous,
        list_filter(option_keys, lambda k: not list_contains(previous_option_keys, k)) as options_added,
        list_filter(previous_option_keys, lambda k: not list_contains(option_keys, k)) as options_dropped
    from paired
),

runs as (
    select
        *,
        max(case when not conforms_with_previous then edition end) over (
            partition by form, item_key order by edition rows between unbounded preceding and current row
        ) as first_edition
    from compared
)

select
    edition as fiscal_year,
    form,
    item_key,
    previous_edition as previous_fiscal_year,
    was_asked_before,
    conforms_with_previous,
    is_wording_changed,
    first_edition as conformed_since,
    edition || ':' || form || ':' || item_key as question_id,
    case
        when was_asked_before then previous_edition || ':' || form || ':' || item_key
    end as previous_question_id,
    case when was_asked_before then options_added else []::varchar[] end as options_added,
    case when was_asked_before then options_dropped else []::varchar[] end as options_dropped,
    form || ':' || item_key || ':' || first_edition as conformed_question_key
from runs
