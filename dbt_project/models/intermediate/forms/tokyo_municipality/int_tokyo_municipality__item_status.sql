-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- One row per tokyo_municipality return and item of its edition: whether it applies, is answered, and so its status.
with skip_logic as (
    select *
    from {{ ref('int_tokyo_municipality__skip_logic') }}
    where {{ is_new_return() }}
),

edition_2015 as (
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        unnest([
            { 'item_key': 'f1_municipality_code', 'is_relevant': true, 'is_given': f1_municipality_code__is_given },
            { 'item_key': 'a_facility_survey', 'is_relevant': true, 'is_given': a_facility_survey__is_given },
            { 'item_key': 'a_list_map', 'is_relevant': true, 'is_given': a_list_map__is_given },
            { 'item_key': 'b_meeting', 'is_relevant': true, 'is_given': b_meeting__is_given },
            { 'item_key': 'c_system', 'is_relevant': true, 'is_given': c_system__is_given },
            { 'item_key': 'd_info_tool', 'is_relevant': true, 'is_given': d_info_tool__is_given },
            { 'item_key': 'e_consultation_desk', 'is_relevant': true, 'is_given': e_consultation_desk__is_given },
            { 'item_key': 'f_training_any', 'is_relevant': true, 'is_given': f_training_any__is_given },
            {
                'item_key': 'f_interprofessional',
                'is_relevant': f_interprofessional__is_relevant,
                'is_given': f_interprofessional__is_given
            },
            { 'item_key': 'f_medical', 'is_relevant': f_medical__is_relevant, 'is_given': f_medical__is_given },
            { 'item_key': 'g_outreach_any', 'is_relevant': true, 'is_given': g_outreach_any__is_given },
            { 'item_key': 'g_lectures', 'is_relevant': g_lectures__is_relevant, 'is_given': g_lectures__is_given },
            { 'item_key': 'g_pamphlets', 'is_relevant': g_pamphlets__is_relevant, 'is_given': g_pamphlets__is_given },
            { 'item_key': 'g_website', 'is_relevant': g_website__is_relevant, 'is_given': g_website__is_given },
            { 'item_key': 'h_neighbour_exchange', 'is_relevant': true, 'is_given': h_neighbour_exchange__is_given }
        ]) as flag
    from skip_logic
    where fiscal_year = 2015
),

edition_2016 as (
    select
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        unnest([
            { 'item_key': 'f1_municipality_code', 'is_relevant': true, 'is_given': f1_municipality_code__is_given },
            { 'item_key': 'a_facility_survey', 'is_relevant': true, 'is_given': a_facility_survey__is_given },
            { 'item_key': 'a_list_map', 'is_relevant': true, 'is_given': a_list_map__is_given },
            { 'item_key': 'b_meeting', 'is_relevant': true, 'is_given': b_meeting__is_given },
            { 'item_key': 'c_system', 'is_relevant': true, 'is_given': c_system__is_given },
            { 'item_key': 'd_info_tool', 'is_relevant': true, 'is_given': d_info_tool__is_given },
            { 'item_key': 'e_consultation_desk', 'is_relevant': true, 'is_given': e_consultation_desk__is_given },
            { 'item_key': 'f_training_any', 'is_relevant': true, 'is_given': f_training_any__is_given },
            {
                'item_key': 'f_interprofessional',
                'is_relevant': f_interprofessional__is_relevant,
                'is_given': f_interprofessional__is_given
            },
            { 'item_key': 'f_medical', 'is_relevant': f_medical__is_relevant, 'is_given': f_medical__is_given },
            { 'item_key': 'f_care', 'is_relevant': f_care__is_relevant, 'is_given': f_care__is_given },
            { 'item_key': 'g_outreach_any', 'is_relevant': true, 'is_given': g_outreach_any__is_given },
            { 'item_key': 'g_lectures', 'is_relevant': g_lectures__is_relevant, 'is_given': g_lectures__is_given },
            { 'item_key': 'g_pamphlets', 'is_relevant': g_pamphlets__is_relevant, 'is_given': g_pamphlets__is_given },
            { 'item_key': 'g_website', 'is_relevant': g_website__is_relevant, 'is_given': g_website__is_given },
            { 'item_key': 'h_neighbour_exchange', 'is_relevant': true, 'is_given': h_neighbour_exchange__is_given }
        ]) as flag
    from skip_logic
    where fiscal_year = 2016
),

flags as (
    select * from edition_2015
    union all
    select * from edition_2016
)

select
    flags.fiscal_year,
    flags.form,
    flags.respondent_key,
    flags.submission_id,
    flags.flag.item_key,
    flags.flag.is_relevant,
    flags.flag.is_given,
    case
        when flags.flag.is_relevant and flags.flag.is_given then 'answered'
        when flags.flag.is_relevant then 'missing'
        when flags.flag.is_given then 'off_path'
        else 'skipped'
    end as status
from flags
