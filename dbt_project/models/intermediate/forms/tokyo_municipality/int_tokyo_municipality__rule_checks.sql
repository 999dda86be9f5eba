-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- One row per tokyo_municipality return, one column per rule of its edition: TRUE holds, FALSE broken, NULL does not
-- apply.
with skip_logic as (
    select *
    from {{ ref('int_tokyo_municipality__skip_logic') }}
    where {{ is_new_return() }}
),

edition_2015 as (
    -- in the codebook's order of rules
    select  -- noqa: ST06
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        f1_municipality_code__is_given as f1_municipality_code__required,
        (
            case
                when f1_municipality_code__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f1_municipality_code as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f1_municipality_code__format,
        (
            case
                when f1_municipality_code__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f1_municipality_code as varchar),
                            '^13[0-9]{3}$'
                        ),
                        false
                    )
            end
        ) as f1_municipality_code__in_prefecture,
        a_facility_survey__is_given as a_facility_survey__required,
        a_list_map__is_given as a_list_map__required,
        b_meeting__is_given as b_meeting__required,
        c_system__is_given as c_system__required,
        d_info_tool__is_given as d_info_tool__required,
        e_consultation_desk__is_given as e_consultation_desk__required,
        f_training_any__is_given as f_training_any__required,
        (
            case
                when f_training_any__is_given
                    then (
                        coalesce(f_training_any = 2, false)
                        or coalesce(f_interprofessional__effective = 1, false)
                        or coalesce(f_medical__effective = 1, false)
                    )
            end
        ) as f_training_any__any_of,
        (
            case
                when not f_interprofessional__is_relevant
                    then not f_interprofessional__is_given
            end
        ) as f_interprofessional__relevant,
        (
            case
                when f_interprofessional__is_relevant
                    then f_interprofessional__is_given
            end
        ) as f_interprofessional__required,
        (case when not f_medical__is_relevant then not f_medical__is_given end) as f_medical__relevant,
        (case when f_medical__is_relevant then f_medical__is_given end) as f_medical__required,
        g_outreach_any__is_given as g_outreach_any__required,
        (
            case
                when g_outreach_any__is_given
                    then (
                        coalesce(g_outreach_any = 2, false)
                        or coalesce(g_lectures__effective = 1, false)
                        or coalesce(g_pamphlets__effective = 1, false)
                        or coalesce(g_website__effective = 1, false)
                    )
            end
        ) as g_outreach_any__any_of,
        (case when not g_lectures__is_relevant then not g_lectures__is_given end) as g_lectures__relevant,
        (case when g_lectures__is_relevant then g_lectures__is_given end) as g_lectures__required,
        (case when not g_pamphlets__is_relevant then not g_pamphlets__is_given end) as g_pamphlets__relevant,
        (case when g_pamphlets__is_relevant then g_pamphlets__is_given end) as g_pamphlets__required,
        (case when not g_website__is_relevant then not g_website__is_given end) as g_website__relevant,
        (case when g_website__is_relevant then g_website__is_given end) as g_website__required,
        h_neighbour_exchange__is_given as h_neighbour_exchange__required
    from skip_logic
    where fiscal_year = 2015
),

edition_2016 as (
    -- in the codebook's order of rules
    select  -- noqa: ST06
        fiscal_year,
        form,
        respondent_key,
        submission_id,
        f1_municipality_code__is_given as f1_municipality_code__required,
        (
            case
                when f1_municipality_code__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f1_municipality_code as varchar),
                            '^[0-9]{5}$'
                        ),
                        false
                    )
            end
        ) as f1_municipality_code__format,
        (
            case
                when f1_municipality_code__is_given
                    then coalesce(
                        regexp_matches(
                            cast(f1_municipality_code as varchar),
                            '^13[0-9]{3}$'
                        ),
                        false
                    )
            end
        ) as f1_municipality_code__in_prefecture,
        a_facility_survey__is_given as a_facility_survey__required,
        a_list_map__is_given as a_list_map__required,
        b_meeting__is_given as b_meeting__required,
        c_system__is_given as c_system__required,
        d_info_tool__is_given as d_info_tool__required,
        e_consultation_desk__is_given as e_consultation_desk__required,
        f_training_any__is_given as f_training_any__required,
        (
            case
                when f_training_any__is_given
                    then (
                        coalesce(f_training_any = 2, false)
                        or coalesce(f_interprofessional__effective = 1, false)
                        or coalesce(f_medical__effective = 1, false)
                        or coalesce(f_care__effective = 1, false)
                    )
            end
        ) as f_training_any__any_of,
        (
            case
                when not f_interprofessional__is_relevant
                    then not f_interprofessional__is_given
            end
        ) as f_interprofessional__relevant,
        (
            case
                when f_interprofessional__is_relevant
                    then f_interprofessional__is_given
            end
        ) as f_interprofessional__required,
        (case when not f_medical__is_relevant then not f_medical__is_given end) as f_medical__relevant,
        (case when f_medical__is_relevant then f_medical__is_given end) as f_medical__required,
        (case when not f_care__is_relevant then not f_care__is_given end) as f_care__relevant,
        (case when f_care__is_relevant then f_care__is_given end) as f_care__required,
        g_outreach_any__is_given as g_outreach_any__required,
        (
            case
                when g_outreach_any__is_given
                    then (
                        coalesce(g_outreach_any = 2, false)
                        or coalesce(g_lectures__effective = 1, false)
                        or coalesce(g_pamphlets__effective = 1, false)
                        or coalesce(g_website__effective = 1, false)
                    )
            end
        ) as g_outreach_any__any_of,
        (case when not g_lectures__is_relevant then not g_lectures__is_given end) as g_lectures__relevant,
        (case when g_lectures__is_relevant then g_lectures__is_given end) as g_lectures__required,
        (case when not g_pamphlets__is_relevant then not g_pamphlets__is_given end) as g_pamphlets__relevant,
        (case when g_pamphlets__is_relevant then g_pamphlets__is_given end) as g_pamphlets__required,
        (case when not g_website__is_relevant then not g_website__is_given end) as g_website__relevant,
        (case when g_website__is_relevant then g_website__is_given end) as g_website__required,
        h_neighbour_exchange__is_given as h_neighbour_exchange__required
    from skip_logic
    where fiscal_year = 2016
)

select * from edition_2015  -- noqa: AM07
union all by name
select * from edition_2016
