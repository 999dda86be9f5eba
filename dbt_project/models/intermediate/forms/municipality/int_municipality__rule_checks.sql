-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- One row per municipality return, one column per rule of its edition: TRUE holds, FALSE broken, NULL does not apply.
with skip_logic as (
    select *
    from {{ ref('int_municipality__skip_logic') }}
    where {{ is_new_return() }}
),

edition_2015_2016 as (
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
        a_status__is_given as a_status__required,
        b_status__is_given as b_status__required,
        c_status__is_given as c_status__required,
        d_status__is_given as d_status__required,
        e_status__is_given as e_status__required,
        f_status__is_given as f_status__required,
        g_status__is_given as g_status__required,
        h_status__is_given as h_status__required,
        (
            case
                when not support_received__is_relevant
                    then not support_received__is_given
            end
        ) as support_received__relevant,
        (case when support_received__is_relevant then support_received__is_given end) as support_received__required
    from skip_logic
    where fiscal_year in (2015, 2016)
),

edition_2017 as (
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
        a_status__is_given as a_status__required,
        b_status__is_given as b_status__required,
        c_status__is_given as c_status__required,
        d_status__is_given as d_status__required,
        e_status__is_given as e_status__required,
        f_status__is_given as f_status__required,
        g_status__is_given as g_status__required,
        h_status__is_given as h_status__required,
        (case when not a_outsourced__is_relevant then not a_outsourced__is_given end) as a_outsourced__relevant,
        (case when a_outsourced__is_relevant then a_outsourced__is_given end) as a_outsourced__required,
        (case when not b_outsourced__is_relevant then not b_outsourced__is_given end) as b_outsourced__relevant,
        (case when b_outsourced__is_relevant then b_outsourced__is_given end) as b_outsourced__required,
        (case when not c_outsourced__is_relevant then not c_outsourced__is_given end) as c_outsourced__relevant,
        (case when c_outsourced__is_relevant then c_outsourced__is_given end) as c_outsourced__required,
        (case when not d_outsourced__is_relevant then not d_outsourced__is_given end) as d_outsourced__relevant,
        (case when d_outsourced__is_relevant then d_outsourced__is_given end) as d_outsourced__required,
        (case when not e_outsourced__is_relevant then not e_outsourced__is_given end) as e_outsourced__relevant,
        (case when e_outsourced__is_relevant then e_outsourced__is_given end) as e_outsourced__required,
        (case when not f_outsourced__is_relevant then not f_outsourced__is_given end) as f_outsourced__relevant,
        (case when f_outsourced__is_relevant then f_outsourced__is_given end) as f_outsourced__required,
        (case when not g_outsourced__is_relevant then not g_outsourced__is_given end) as g_outsourced__relevant,
        (case when g_outsourced__is_relevant then g_outsourced__is_given end) as g_outsourced__required,
        (case when not h_outsourced__is_relevant then not h_outsourced__is_given end) as h_outsourced__relevant,
        (case when h_outsourced__is_relevant then h_outsourced__is_given end) as h_outsourced__required,
        (case when not a_contractor__is_relevant then not a_contractor__is_given end) as a_contractor__relevant,
        (case when a_contractor__is_relevant then a_contractor__is_given end) as a_contractor__required,
        (case when not b_contractor__is_relevant then not b_contractor__is_given end) as b_contractor__relevant,
        (case when b_contractor__is_relevant then b_contractor__is_given end) as b_contractor__required,
        (case when not c_contractor__is_relevant then not c_contractor__is_given end) as c_contractor__relevant,
        (case when c_contractor__is_relevant then c_contractor__is_given end) as c_contractor__required,
        (case when not d_contractor__is_relevant then not d_contractor__is_given end) as d_contractor__relevant,
        (case when d_contractor__is_relevant then d_contractor__is_given end) as d_contractor__required,
        (case when not e_contractor__is_relevant then not e_contractor__is_given end) as e_contractor__relevant,
        (case when e_contractor__is_relevant then e_contractor__is_given end) as e_contractor__required,
        (case when not f_contractor__is_relevant then not f_contractor__is_given end) as f_contractor__relevant,
        (case when f_contractor__is_relevant then f_contractor__is_given end) as f_contractor__required,
        (case when not g_contractor__is_relevant then not g_contractor__is_given end) as g_contractor__relevant,
        (case when g_contractor__is_relevant then g_contractor__is_given end) as g_contractor__required,
        (case when not h_contractor__is_relevant then not h_contractor__is_given end) as h_contractor__relevant,
        (case when h_contractor__is_relevant then h_contractor__is_given end) as h_contractor__required,
        challenges__is_given as challenges__required,
        (
            case
                when challenges__is_given
                    then (
                        not (
                            coalesce(
                                list_contains(
                                    coalesce(challenges, cast([] as integer[])),
                                    15
                                ),
                                false
                            )
                            and coalesce(
                                len(
                                    list_filter(
                                        coalesce(
                                            challenges,
                                            cast([] as integer[])
                                        ),
                                        lambda c: c is not null
                                    )
                                )
                                > 1,
                                false
                            )
                        )
                    )
            end
        ) as challenges__exclusive_none,
        support_wanted__is_given as support_wanted__required,
        (
            case
                when support_wanted__is_given
                    then (
                        not (
                            coalesce(
                                list_contains(
                                    coalesce(
                                        support_wanted,
                                        cast([] as integer[])
                                    ),
                                    10
                                ),
                                false
                            )
                            and coalesce(
                                len(
                                    list_filter(
                                        coalesce(
                                            support_wanted,
                                            cast([] as integer[])
                                        ),
                                        lambda c: c is not null
                                    )
                                )
                                > 1,
                                false
                            )
                        )
                    )
            end
        ) as support_wanted__exclusive_none,
        (
            case
                when not support_wanted_other__is_relevant
                    then not support_wanted_other__is_given
            end
        ) as support_wanted_other__relevant,
        (
            case
                when support_wanted_other__is_relevant
                    then support_wanted_other__is_given
            end
        ) as support_wanted_other__required,
        (
            case
                when not support_received__is_relevant
                    then not support_received__is_given
            end
        ) as support_received__relevant,
        (case when support_received__is_relevant then support_received__is_given end) as support_received__required
    from skip_logic
    where fiscal_year = 2017
),

edition_2023 as (
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
        q1_implementation_structure__is_given as q1_implementation_structure__required,
        q2_council__is_given as q2_council__required,
        (
            case
                when not q2_1_council_entrusted__is_relevant
                    then not q2_1_council_entrusted__is_given
            end
        ) as q2_1_council_entrusted__relevant,
        (
            case
                when q2_1_council_entrusted__is_relevant
                    then q2_1_council_entrusted__is_given
            end
        ) as q2_1_council_entrusted__required,
        (
            case
                when not q2_2_council_frequency__is_relevant
                    then not q2_2_council_frequency__is_given
            end
        ) as q2_2_council_frequency__relevant,
        (
            case
                when q2_2_council_frequency__is_relevant
                    then q2_2_council_frequency__is_given
            end
        ) as q2_2_council_frequency__required,
        (
            case
                when not q2_3_council_topics__is_relevant
                    then not q2_3_council_topics__is_given
            end
        ) as q2_3_council_topics__relevant,
        (
            case
                when q2_3_council_topics__is_relevant
                    then q2_3_council_topics__is_given
            end
        ) as q2_3_council_topics__required,
        (
            case
                when not q2_3_council_topics_other__is_relevant
                    then not q2_3_council_topics_other__is_given
            end
        ) as q2_3_council_topics_other__relevant,
        (
            case
                when q2_3_council_topics_other__is_relevant
                    then q2_3_council_topics_other__is_given
            end
        ) as q2_3_council_topics_other__required,
        (
            case
                when not q2_4_council_members__is_relevant
                    then not q2_4_council_members__is_given
            end
        ) as q2_4_council_members__relevant,
        (
            case
                when q2_4_council_members__is_relevant
                    then q2_4_council_members__is_given
            end
        ) as q2_4_council_members__required,
        (
            case
                when not q2_4_council_members_other__is_relevant
                    then not q2_4_council_members_other__is_given
            end
        ) as q2_4_council_members_other__relevant,
        (
            case
                when q2_4_council_members_other__is_relevant
                    then q2_4_council_members_other__is_given
            end
        ) as q2_4_council_members_other__required,
        (
            case
                when not q2_5_council_practices__is_relevant
                    then not q2_5_council_practices__is_given
            end
        ) as q2_5_council_practices__relevant,
        q3_vision_four_scenes__is_given as q3_vision_four_scenes__required,
        (
            case
                when q3_vision_four_scenes__is_given
                    then (
                        coalesce(q3_vision_four_scenes <> 1, false)
                        or (
                            coalesce(
                                q4_1_daily_care_vision__effective = 1,
                                false
                            )
                            and coalesce(
                                q5_1_admission_discharge_vision__effective
                                = 1,
                                false
                            )
                            and coalesce(
                                q6_1_emergency_vision__effective
                                = 1,
                                false
                            )
                            and coalesce(
                                q7_1_end_of_life_vision__effective
                                = 1,
                                false
                            )
                        )
                    )
            end
        ) as q3_vision_four_scenes__all_scenes_set,
        (
            case
                when q3_vision_four_scenes__is_given
                    then (
                        coalesce(q3_vision_four_scenes <> 2, false)
                        or (
                            (
                                coalesce(
                                    q4_1_daily_care_vision__effective
                                    = 1,
                                    false
                                )
                                or coalesce(
                                    q5_1_admission_discharge_vision__effective
                                    = 1,
                                    false
                                )
                                or coalesce(
                                    q6_1_emergency_vision__effective
                                    = 1,
                                    false
                                )
                                or coalesce(
                                    q7_1_end_of_life_vision__effective
                                    = 1,
                                    false
                                )
                            )
                            and (
                                not (
                                    coalesce(
                                        q4_1_daily_care_vision__effective
                                        = 1,
                                        false
                                    )
                                    and coalesce(
                                        q5_1_admission_discharge_vision__effective
                                        = 1,
                                        false
                                    )
                                    and coalesce(
                                        q6_1_emergency_vision__effective
                                        = 1,
                                        false
                                    )
                                    and coalesce(
                                        q7_1_end_of_life_vision__effective
                                        = 1,
                                        false
                                    )
                                )
                            )
                        )
                    )
            end
        ) as q3_vision_four_scenes__some_scenes_set,
        (
            case
                when q3_vision_four_scenes__is_given
                    then (
                        coalesce(q3_vision_four_scenes <> 3, false)
                        or (
                            not (
                                coalesce(
                                    q4_1_daily_care_vision__effective
                                    = 1,
                                    false
                                )
                                or coalesce(
                                    q5_1_admission_discharge_vision__effective
                                    = 1,
                                    false
                                )
                                or coalesce(
                                    q6_1_emergency_vision__effective
                                    = 1,
                                    false
                                )
                                or coalesce(
                                    q7_1_end_of_life_vision__effective
                                    = 1,
                                    false
                                )
                            )
                        )
                    )
            end
        ) as q3_vision_four_scenes__no_scene_set,
        (
            case
                when not q3_1_vision_sharing__is_relevant
                    then not q3_1_vision_sharing__is_given
            end
        ) as q3_1_vision_sharing__relevant,
        (
            case
                when q3_1_vision_sharing__is_relevant
                    then q3_1_vision_sharing__is_given
            end
        ) as q3_1_vision_sharing__required,
        q4_daily_care_engaged__is_given as q4_daily_care_engaged__required,
        (
            case
                when not q4_1_daily_care_vision__is_relevant
                    then not q4_1_daily_care_vision__is_given
            end
        ) as q4_1_daily_care_vision__relevant,
        (
            case
                when q4_1_daily_care_vision__is_relevant
                    then q4_1_daily_care_vision__is_given
            end
        ) as q4_1_daily_care_vision__required,
        (
            case
                when not q4_2_daily_care_assessment__is_relevant
                    then not q4_2_daily_care_assessment__is_given
            end
        ) as q4_2_daily_care_assessment__relevant,
        (
            case
                when q4_2_daily_care_assessment__is_relevant
                    then q4_2_daily_care_assessment__is_given
            end
        ) as q4_2_daily_care_assessment__required,
        (
            case
                when not q4_2_daily_care_assessment_other__is_relevant
                    then not q4_2_daily_care_assessment_other__is_given
            end
        ) as q4_2_daily_care_assessment_other__relevant,
        (
            case
                when q4_2_daily_care_assessment_other__is_relevant
                    then q4_2_daily_care_assessment_other__is_given
            end
        ) as q4_2_daily_care_assessment_other__required,
        (
            case
                when not q4_3_daily_care_goal__is_relevant
                    then not q4_3_daily_care_goal__is_given
            end
        ) as q4_3_daily_care_goal__relevant,
        (
            case
                when q4_3_daily_care_goal__is_relevant
                    then q4_3_daily_care_goal__is_given
            end
        ) as q4_3_daily_care_goal__required,
        (
            case
                when not q4_4_daily_care_indicator__is_relevant
                    then not q4_4_daily_care_indicator__is_given
            end
        ) as q4_4_daily_care_indicator__relevant,
        (
            case
                when q4_4_daily_care_indicator__is_relevant
                    then q4_4_daily_care_indicator__is_given
            end
        ) as q4_4_daily_care_indicator__required,
        (
            case
                when
                    not q4_5_daily_care_indicator_examples__is_relevant
                    then not q4_5_daily_care_indicator_examples__is_given
            end
        ) as q4_5_daily_care_indicator_examples__relevant,
        (
            case
                when not q4_6_1_daily_care_initiatives__is_relevant
                    then not q4_6_1_daily_care_initiatives__is_given
            end
        ) as q4_6_1_daily_care_initiatives__relevant,
        (
            case
                when q4_6_1_daily_care_initiatives__is_relevant
                    then q4_6_1_daily_care_initiatives__is_given
            end
        ) as q4_6_1_daily_care_initiatives__required,
        (
            case
                when not q4_6_2_daily_care_challenges__is_relevant
                    then not q4_6_2_daily_care_challenges__is_given
            end
        ) as q4_6_2_daily_care_challenges__relevant,
        (
            case
                when q4_6_2_daily_care_challenges__is_relevant
                    then q4_6_2_daily_care_challenges__is_given
            end
        ) as q4_6_2_daily_care_challenges__required,
        (
            case
                when
                    not q4_6_1_daily_care_initiatives_other__is_relevant
                    then not q4_6_1_daily_care_initiatives_other__is_given
            end
        ) as q4_6_1_daily_care_initiatives_other__relevant,
        (
            case
                when q4_6_1_daily_care_initiatives_other__is_relevant
                    then q4_6_1_daily_care_initiatives_other__is_given
            end
        ) as q4_6_1_daily_care_initiatives_other__required,
        (
            case
                when
                    not q4_6_2_daily_care_challenges_other__is_relevant
                    then not q4_6_2_daily_care_challenges_other__is_given
            end
        ) as q4_6_2_daily_care_challenges_other__relevant,
        (
            case
                when q4_6_2_daily_care_challenges_other__is_relevant
                    then q4_6_2_daily_care_challenges_other__is_given
            end
        ) as q4_6_2_daily_care_challenges_other__required,
        (
            case
                when not q4_7_daily_care_reasons__is_relevant
                    then not q4_7_daily_care_reasons__is_given
            end
        ) as q4_7_daily_care_reasons__relevant,
        (
            case
                when q4_7_daily_care_reasons__is_relevant
                    then q4_7_daily_care_reasons__is_given
            end
        ) as q4_7_daily_care_reasons__required,
        (
            case
                when not q4_7_daily_care_reasons_other__is_relevant
                    then not q4_7_daily_care_reasons_other__is_given
            end
        ) as q4_7_daily_care_reasons_other__relevant,
        (
            case
                when q4_7_daily_care_reasons_other__is_relevant
                    then q4_7_daily_care_reasons_other__is_given
            end
        ) as q4_7_daily_care_reasons_other__required,
        q5_admission_discharge_engaged__is_given as q5_admission_discharge_engaged__required,
        (
            case
                when not q5_1_admission_discharge_vision__is_relevant
                    then not q5_1_admission_discharge_vision__is_given
            end
        ) as q5_1_admission_discharge_vision__relevant,
        (
            case
                when q5_1_admission_discharge_vision__is_relevant
                    then q5_1_admission_discharge_vision__is_given
            end
        ) as q5_1_admission_discharge_vision__required,
        (
            case
                when
                    not q5_2_admission_discharge_assessment__is_relevant
                    then not q5_2_admission_discharge_assessment__is_given
            end
        ) as q5_2_admission_discharge_assessment__relevant,
        (
            case
                when q5_2_admission_discharge_assessment__is_relevant
                    then q5_2_admission_discharge_assessment__is_given
            end
        ) as q5_2_admission_discharge_assessment__required,
        (
            case
                when
                    not q5_2_admission_discharge_assessment_other__is_relevant
                    then not q5_2_admission_discharge_assessment_other__is_given
            end
        ) as q5_2_admission_discharge_assessment_other__relevant,
        (
            case
                when
                    q5_2_admission_discharge_assessment_other__is_relevant
                    then q5_2_admission_discharge_assessment_other__is_given
            end
        ) as q5_2_admission_discharge_assessment_other__required,
        (
            case
                when not q5_3_admission_discharge_goal__is_relevant
                    then not q5_3_admission_discharge_goal__is_given
            end
        ) as q5_3_admission_discharge_goal__relevant,
        (
            case
                when q5_3_admission_discharge_goal__is_relevant
                    then q5_3_admission_discharge_goal__is_given
            end
        ) as q5_3_admission_discharge_goal__required,
        (
            case
                when
                    not q5_4_admission_discharge_indicator__is_relevant
                    then not q5_4_admission_discharge_indicator__is_given
            end
        ) as q5_4_admission_discharge_indicator__relevant,
        (
            case
                when q5_4_admission_discharge_indicator__is_relevant
                    then q5_4_admission_discharge_indicator__is_given
            end
        ) as q5_4_admission_discharge_indicator__required,
        (
            case
                when
                    not q5_5_admission_discharge_indicator_examples__is_relevant
                    then not q5_5_admission_discharge_indicator_examples__is_given
            end
        ) as q5_5_admission_discharge_indicator_examples__relevant,
        (
            case
                when
                    not q5_6_1_admission_discharge_initiatives__is_relevant
                    then not q5_6_1_admission_discharge_initiatives__is_given
            end
        ) as q5_6_1_admission_discharge_initiatives__relevant,
        (
            case
                when
                    q5_6_1_admission_discharge_initiatives__is_relevant
                    then q5_6_1_admission_discharge_initiatives__is_given
            end
        ) as q5_6_1_admission_discharge_initiatives__required,
        (
            case
                when
                    not q5_6_2_admission_discharge_challenges__is_relevant
                    then not q5_6_2_admission_discharge_challenges__is_given
            end
        ) as q5_6_2_admission_discharge_challenges__relevant,
        (
            case
                when
                    q5_6_2_admission_discharge_challenges__is_relevant
                    then q5_6_2_admission_discharge_challenges__is_given
            end
        ) as q5_6_2_admission_discharge_challenges__required,
        (
            case
                when
                    not q5_6_1_admission_discharge_initiatives_other__is_relevant
                    then not q5_6_1_admission_discharge_initiatives_other__is_given
            end
        ) as q5_6_1_admission_discharge_initiatives_other__relevant,
        (
            case
                when
                    q5_6_1_admission_discharge_initiatives_other__is_relevant
                    then q5_6_1_admission_discharge_initiatives_other__is_given
            end
        ) as q5_6_1_admission_discharge_initiatives_other__required,
        (
            case
                when
                    not q5_6_2_admission_discharge_challenges_other__is_relevant
                    then not q5_6_2_admission_discharge_challenges_other__is_given
            end
        ) as q5_6_2_admission_discharge_challenges_other__relevant,
        (
            case
                when
                    q5_6_2_admission_discharge_challenges_other__is_relevant
                    then q5_6_2_admission_discharge_challenges_other__is_given
            end
        ) as q5_6_2_admission_discharge_challenges_other__required,
        (
            case
                when not q5_7_admission_discharge_reasons__is_relevant
                    then not q5_7_admission_discharge_reasons__is_given
            end
        ) as q5_7_admission_discharge_reasons__relevant,
        (
            case
                when q5_7_admission_discharge_reasons__is_relevant
                    then q5_7_admission_discharge_reasons__is_given
            end
        ) as q5_7_admission_discharge_reasons__required,
        (
            case
                when
                    not q5_7_admission_discharge_reasons_other__is_relevant
                    then not q5_7_admission_discharge_reasons_other__is_given
            end
        ) as q5_7_admission_discharge_reasons_other__relevant,
        (
            case
                when
                    q5_7_admission_discharge_reasons_other__is_relevant
                    then q5_7_admission_discharge_reasons_other__is_given
            end
        ) as q5_7_admission_discharge_reasons_other__required,
        q6_emergency_engaged__is_given as q6_emergency_engaged__required,
        (
            case
                when not q6_1_emergency_vision__is_relevant
                    then not q6_1_emergency_vision__is_given
            end
        ) as q6_1_emergency_vision__relevant,
        (
            case
                when q6_1_emergency_vision__is_relevant
                    then q6_1_emergency_vision__is_given
            end
        ) as q6_1_emergency_vision__required,
        (
            case
                when not q6_2_emergency_assessment__is_relevant
                    then not q6_2_emergency_assessment__is_given
            end
        ) as q6_2_emergency_assessment__relevant,
        (
            case
                when q6_2_emergency_assessment__is_relevant
                    then q6_2_emergency_assessment__is_given
            end
        ) as q6_2_emergency_assessment__required,
        (
            case
                when not q6_2_emergency_assessment_other__is_relevant
                    then not q6_2_emergency_assessment_other__is_given
            end
        ) as q6_2_emergency_assessment_other__relevant,
        (
            case
                when q6_2_emergency_assessment_other__is_relevant
                    then q6_2_emergency_assessment_other__is_given
            end
        ) as q6_2_emergency_assessment_other__required,
        (
            case
                when not q6_3_emergency_goal__is_relevant
                    then not q6_3_emergency_goal__is_given
            end
        ) as q6_3_emergency_goal__relevant,
        (
            case
                when q6_3_emergency_goal__is_relevant
                    then q6_3_emergency_goal__is_given
            end
        ) as q6_3_emergency_goal__required,
        (
            case
                when not q6_4_emergency_indicator__is_relevant
                    then not q6_4_emergency_indicator__is_given
            end
        ) as q6_4_emergency_indicator__relevant,
        (
            case
                when q6_4_emergency_indicator__is_relevant
                    then q6_4_emergency_indicator__is_given
            end
        ) as q6_4_emergency_indicator__required,
        (
            case
                when not q6_5_emergency_indicator_examples__is_relevant
                    then not q6_5_emergency_indicator_examples__is_given
            end
        ) as q6_5_emergency_indicator_examples__relevant,
        (
            case
                when not q6_6_1_emergency_initiatives__is_relevant
                    then not q6_6_1_emergency_initiatives__is_given
            end
        ) as q6_6_1_emergency_initiatives__relevant,
        (
            case
                when q6_6_1_emergency_initiatives__is_relevant
                    then q6_6_1_emergency_initiatives__is_given
            end
        ) as q6_6_1_emergency_initiatives__required,
        (
            case
                when not q6_6_2_emergency_challenges__is_relevant
                    then not q6_6_2_emergency_challenges__is_given
            end
        ) as q6_6_2_emergency_challenges__relevant,
        (
            case
                when q6_6_2_emergency_challenges__is_relevant
                    then q6_6_2_emergency_challenges__is_given
            end
        ) as q6_6_2_emergency_challenges__required,
        (
            case
                when
                    not q6_6_1_emergency_initiatives_other__is_relevant
                    then not q6_6_1_emergency_initiatives_other__is_given
            end
        ) as q6_6_1_emergency_initiatives_other__relevant,
        (
            case
                when q6_6_1_emergency_initiatives_other__is_relevant
                    then q6_6_1_emergency_initiatives_other__is_given
            end
        ) as q6_6_1_emergency_initiatives_other__required,
        (
            case
                when not q6_6_2_emergency_challenges_other__is_relevant
                    then not q6_6_2_emergency_challenges_other__is_given
            end
        ) as q6_6_2_emergency_challenges_other__relevant,
        (
            case
                when q6_6_2_emergency_challenges_other__is_relevant
                    then q6_6_2_emergency_challenges_other__is_given
            end
        ) as q6_6_2_emergency_challenges_other__required,
        (
            case
                when not q6_7_emergency_reasons__is_relevant
                    then not q6_7_emergency_reasons__is_given
            end
        ) as q6_7_emergency_reasons__relevant,
        (
            case
                when q6_7_emergency_reasons__is_relevant
                    then q6_7_emergency_reasons__is_given
            end
        ) as q6_7_emergency_reasons__required,
        (
            case
                when not q6_7_emergency_reasons_other__is_relevant
                    then not q6_7_emergency_reasons_other__is_given
            end
        ) as q6_7_emergency_reasons_other__relevant,
        (
            case
                when q6_7_emergency_reasons_other__is_relevant
                    then q6_7_emergency_reasons_other__is_given
            end
        ) as q6_7_emergency_reasons_other__required,
        q7_end_of_life_engaged__is_given as q7_end_of_life_engaged__required,
        (
            case
                when not q7_1_end_of_life_vision__is_relevant
                    then not q7_1_end_of_life_vision__is_given
            end
        ) as q7_1_end_of_life_vision__relevant,
        (
            case
                when q7_1_end_of_life_vision__is_relevant
                    then q7_1_end_of_life_vision__is_given
            end
        ) as q7_1_end_of_life_vision__required,
        (
            case
                when not q7_2_end_of_life_assessment__is_relevant
                    then not q7_2_end_of_life_assessment__is_given
            end
        ) as q7_2_end_of_life_assessment__relevant,
        (
            case
                when q7_2_end_of_life_assessment__is_relevant
                    then q7_2_end_of_life_assessment__is_given
            end
        ) as q7_2_end_of_life_assessment__required,
        (
            case
                when not q7_2_end_of_life_assessment_other__is_relevant
                    then not q7_2_end_of_life_assessment_other__is_given
            end
        ) as q7_2_end_of_life_assessment_other__relevant,
        (
            case
                when q7_2_end_of_life_assessment_other__is_relevant
                    then q7_2_end_of_life_assessment_other__is_given
            end
        ) as q7_2_end_of_life_assessment_other__required,
        (
            case
                when not q7_3_end_of_life_goal__is_relevant
                    then not q7_3_end_of_life_goal__is_given
            end
        ) as q7_3_end_of_life_goal__relevant,
        (
            case
                when q7_3_end_of_life_goal__is_relevant
                    then q7_3_end_of_life_goal__is_given
            end
        ) as q7_3_end_of_life_goal__required,
        (
            case
                when not q7_4_end_of_life_indicator__is_relevant
                    then not q7_4_end_of_life_indicator__is_given
            end
        ) as q7_4_end_of_life_indicator__relevant,
        (
            case
                when q7_4_end_of_life_indicator__is_relevant
                    then q7_4_end_of_life_indicator__is_given
            end
        ) as q7_4_end_of_life_indicator__required,
        (
            case
                when
                    not q7_5_end_of_life_indicator_examples__is_relevant
                    then not q7_5_end_of_life_indicator_examples__is_given
            end
        ) as q7_5_end_of_life_indicator_examples__relevant,
        (
            case
                when not q7_6_1_end_of_life_initiatives__is_relevant
                    then not q7_6_1_end_of_life_initiatives__is_given
            end
        ) as q7_6_1_end_of_life_initiatives__relevant,
        (
            case
                when q7_6_1_end_of_life_initiatives__is_relevant
                    then q7_6_1_end_of_life_initiatives__is_given
            end
        ) as q7_6_1_end_of_life_initiatives__required,
        (
            case
                when not q7_6_2_end_of_life_challenges__is_relevant
                    then not q7_6_2_end_of_life_challenges__is_given
            end
        ) as q7_6_2_end_of_life_challenges__relevant,
        (
            case
                when q7_6_2_end_of_life_challenges__is_relevant
                    then q7_6_2_end_of_life_challenges__is_given
            end
        ) as q7_6_2_end_of_life_challenges__required,
        (
            case
                when
                    not q7_6_1_end_of_life_initiatives_other__is_relevant
                    then not q7_6_1_end_of_life_initiatives_other__is_given
            end
        ) as q7_6_1_end_of_life_initiatives_other__relevant,
        (
            case
                when
                    q7_6_1_end_of_life_initiatives_other__is_relevant
                    then q7_6_1_end_of_life_initiatives_other__is_given
            end
        ) as q7_6_1_end_of_life_initiatives_other__required,
        (
            case
                when
                    not q7_6_2_end_of_life_challenges_other__is_relevant
                    then not q7_6_2_end_of_life_challenges_other__is_given
            end
        ) as q7_6_2_end_of_life_challenges_other__relevant,
        (
            case
                when q7_6_2_end_of_life_challenges_other__is_relevant
                    then q7_6_2_end_of_life_challenges_other__is_given
            end
        ) as q7_6_2_end_of_life_challenges_other__required,
        (
            case
                when not q7_7_end_of_life_reasons__is_relevant
                    then not q7_7_end_of_life_reasons__is_given
            end
        ) as q7_7_end_of_life_reasons__relevant,
        (
            case
                when q7_7_end_of_life_reasons__is_relevant
                    then q7_7_end_of_life_reasons__is_given
            end
        ) as q7_7_end_of_life_reasons__required,
        (
            case
                when not q7_7_end_of_life_reasons_other__is_relevant
                    then not q7_7_end_of_life_reasons_other__is_given
            end
        ) as q7_7_end_of_life_reasons_other__relevant,
        (
            case
                when q7_7_end_of_life_reasons_other__is_relevant
                    then q7_7_end_of_life_reasons_other__is_given
            end
        ) as q7_7_end_of_life_reasons_other__required,
        q8_dementia_engaged__is_given as q8_dementia_engaged__required,
        (
            case
                when not q8_1_dementia_scenes__is_relevant
                    then not q8_1_dementia_scenes__is_given
            end
        ) as q8_1_dementia_scenes__relevant,
        (
            case
                when q8_1_dementia_scenes__is_relevant
                    then q8_1_dementia_scenes__is_given
            end
        ) as q8_1_dementia_scenes__required,
        (
            case
                when not q8_2_1_dementia_initiatives__is_relevant
                    then not q8_2_1_dementia_initiatives__is_given
            end
        ) as q8_2_1_dementia_initiatives__relevant,
        (
            case
                when q8_2_1_dementia_initiatives__is_relevant
                    then q8_2_1_dementia_initiatives__is_given
            end
        ) as q8_2_1_dementia_initiatives__required,
        (
            case
                when not q8_2_2_dementia_challenges__is_relevant
                    then not q8_2_2_dementia_challenges__is_given
            end
        ) as q8_2_2_dementia_challenges__relevant,
        (
            case
                when q8_2_2_dementia_challenges__is_relevant
                    then q8_2_2_dementia_challenges__is_given
            end
        ) as q8_2_2_dementia_challenges__required,
        (
            case
                when not q8_2_1_dementia_initiatives_other__is_relevant
                    then not q8_2_1_dementia_initiatives_other__is_given
            end
        ) as q8_2_1_dementia_initiatives_other__relevant,
        (
            case
                when q8_2_1_dementia_initiatives_other__is_relevant
                    then q8_2_1_dementia_initiatives_other__is_given
            end
        ) as q8_2_1_dementia_initiatives_other__required,
        (
            case
                when not q8_2_2_dementia_challenges_other__is_relevant
                    then not q8_2_2_dementia_challenges_other__is_given
            end
        ) as q8_2_2_dementia_challenges_other__relevant,
        (
            case
                when q8_2_2_dementia_challenges_other__is_relevant
                    then q8_2_2_dementia_challenges_other__is_given
            end
        ) as q8_2_2_dementia_challenges_other__required,
        (
            case
                when not q8_3_dementia_reasons__is_relevant
                    then not q8_3_dementia_reasons__is_given
            end
        ) as q8_3_dementia_reasons__relevant,
        (
            case
                when q8_3_dementia_reasons__is_relevant
                    then q8_3_dementia_reasons__is_given
            end
        ) as q8_3_dementia_reasons__required,
        (
            case
                when not q8_3_dementia_reasons_other__is_relevant
                    then not q8_3_dementia_reasons_other__is_given
            end
        ) as q8_3_dementia_reasons_other__relevant,
        (
            case
                when q8_3_dementia_reasons_other__is_relevant
                    then q8_3_dementia_reasons_other__is_given
            end
        ) as q8_3_dementia_reasons_other__required,
        q9_infection_engaged__is_given as q9_infection_engaged__required,
        (
            case
                when not q9_1_infection_partners__is_relevant
                    then not q9_1_infection_partners__is_given
            end
        ) as q9_1_infection_partners__relevant,
        (
            case
                when q9_1_infection_partners__is_relevant
                    then q9_1_infection_partners__is_given
            end
        ) as q9_1_infection_partners__required,
        (
            case
                when not q9_1_infection_partners_other__is_relevant
                    then not q9_1_infection_partners_other__is_given
            end
        ) as q9_1_infection_partners_other__relevant,
        (
            case
                when q9_1_infection_partners_other__is_relevant
                    then q9_1_infection_partners_other__is_given
            end
        ) as q9_1_infection_partners_other__required,
        (
            case
                when not q9_2_1_infection_initiatives__is_relevant
                    then not q9_2_1_infection_initiatives__is_given
            end
        ) as q9_2_1_infection_initiatives__relevant,
        (
            case
                when q9_2_1_infection_initiatives__is_relevant
                    then q9_2_1_infection_initiatives__is_given
            end
        ) as q9_2_1_infection_initiatives__required,
        (
            case
                when not q9_2_2_infection_challenges__is_relevant
                    then not q9_2_2_infection_challenges__is_given
            end
        ) as q9_2_2_infection_challenges__relevant,
        (
            case
                when q9_2_2_infection_challenges__is_relevant
                    then q9_2_2_infection_challenges__is_given
            end
        ) as q9_2_2_infection_challenges__required,
        (
            case
                when
                    not q9_2_1_infection_initiatives_other__is_relevant
                    then not q9_2_1_infection_initiatives_other__is_given
            end
        ) as q9_2_1_infection_initiatives_other__relevant,
        (
            case
                when q9_2_1_infection_initiatives_other__is_relevant
                    then q9_2_1_infection_initiatives_other__is_given
            end
        ) as q9_2_1_infection_initiatives_other__required,
        (
            case
                when not q9_2_2_infection_challenges_other__is_relevant
                    then not q9_2_2_infection_challenges_other__is_given
            end
        ) as q9_2_2_infection_challenges_other__relevant,
        (
            case
                when q9_2_2_infection_challenges_other__is_relevant
                    then q9_2_2_infection_challenges_other__is_given
            end
        ) as q9_2_2_infection_challenges_other__required,
        (
            case
                when not q9_3_infection_reasons__is_relevant
                    then not q9_3_infection_reasons__is_given
            end
        ) as q9_3_infection_reasons__relevant,
        (
            case
                when q9_3_infection_reasons__is_relevant
                    then q9_3_infection_reasons__is_given
            end
        ) as q9_3_infection_reasons__required,
        (
            case
                when not q9_3_infection_reasons_other__is_relevant
                    then not q9_3_infection_reasons_other__is_given
            end
        ) as q9_3_infection_reasons_other__relevant,
        (
            case
                when q9_3_infection_reasons_other__is_relevant
                    then q9_3_infection_reasons_other__is_given
            end
        ) as q9_3_infection_reasons_other__required,
        q10_disaster_engaged__is_given as q10_disaster_engaged__required,
        (
            case
                when not q10_1_disaster_partners__is_relevant
                    then not q10_1_disaster_partners__is_given
            end
        ) as q10_1_disaster_partners__relevant,
        (
            case
                when q10_1_disaster_partners__is_relevant
                    then q10_1_disaster_partners__is_given
            end
        ) as q10_1_disaster_partners__required,
        (
            case
                when not q10_1_disaster_partners_other__is_relevant
                    then not q10_1_disaster_partners_other__is_given
            end
        ) as q10_1_disaster_partners_other__relevant,
        (
            case
                when q10_1_disaster_partners_other__is_relevant
                    then q10_1_disaster_partners_other__is_given
            end
        ) as q10_1_disaster_partners_other__required,
        (
            case
                when not q10_2_1_disaster_initiatives__is_relevant
                    then not q10_2_1_disaster_initiatives__is_given
            end
        ) as q10_2_1_disaster_initiatives__relevant,
        (
            case
                when q10_2_1_disaster_initiatives__is_relevant
                    then q10_2_1_disaster_initiatives__is_given
            end
        ) as q10_2_1_disaster_initiatives__required,
        (
            case
                when not q10_2_2_disaster_challenges__is_relevant
                    then not q10_2_2_disaster_challenges__is_given
            end
        ) as q10_2_2_disaster_challenges__relevant,
        (
            case
                when q10_2_2_disaster_challenges__is_relevant
                    then q10_2_2_disaster_challenges__is_given
            end
        ) as q10_2_2_disaster_challenges__required,
        (
            case
                when
                    not q10_2_1_disaster_initiatives_other__is_relevant
                    then not q10_2_1_disaster_initiatives_other__is_given
            end
        ) as q10_2_1_disaster_initiatives_other__relevant,
        (
            case
                when q10_2_1_disaster_initiatives_other__is_relevant
                    then q10_2_1_disaster_initiatives_other__is_given
            end
        ) as q10_2_1_disaster_initiatives_other__required,
        (
            case
                when not q10_2_2_disaster_challenges_other__is_relevant
                    then not q10_2_2_disaster_challenges_other__is_given
            end
        ) as q10_2_2_disaster_challenges_other__relevant,
        (
            case
                when q10_2_2_disaster_challenges_other__is_relevant
                    then q10_2_2_disaster_challenges_other__is_given
            end
        ) as q10_2_2_disaster_challenges_other__required,
        (
            case
                when not q10_3_disaster_reasons__is_relevant
                    then not q10_3_disaster_reasons__is_given
            end
        ) as q10_3_disaster_reasons__relevant,
        (
            case
                when q10_3_disaster_reasons__is_relevant
                    then q10_3_disaster_reasons__is_given
            end
        ) as q10_3_disaster_reasons__required,
        (
            case
                when not q10_3_disaster_reasons_other__is_relevant
                    then not q10_3_disaster_reasons_other__is_given
            end
        ) as q10_3_disaster_reasons_other__relevant,
        (
            case
                when q10_3_disaster_reasons_other__is_relevant
                    then q10_3_disaster_reasons_other__is_given
            end
        ) as q10_3_disaster_reasons_other__required,
        q11_1_1_challenges__is_given as q11_1_1_challenges__required,
        q11_1_2_top_priority_challenge__is_given as q11_1_2_top_priority_challenge__required,
        (
            case
                when q11_1_2_top_priority_challenge__is_given
                    then coalesce(
                        len(
                            list_filter(
                                coalesce(
                                    q11_1_2_top_priority_challenge,
                                    cast([] as integer[])
                                ),
                                lambda c: c is not null
                            )
                        )
                        <= 1,
                        false
                    )
            end
        ) as q11_1_2_top_priority_challenge__only_one,
        (
            case
                when q11_1_2_top_priority_challenge__is_given
                    then coalesce(
                        list_has_all(
                            coalesce(
                                q11_1_1_challenges,
                                cast([] as integer[])
                            ),
                            coalesce(
                                q11_1_2_top_priority_challenge,
                                cast([] as integer[])
                            )
                        ),
                        false
                    )
            end
        ) as q11_1_2_top_priority_challenge__within_ticked,
        q11_2_support_expected__is_given as q11_2_support_expected__required,
        (
            case
                when q11_2_support_expected__is_given
                    then coalesce(
                        len(
                            list_filter(
                                coalesce(
                                    q11_2_support_expected,
                                    cast([] as integer[])
                                ),
                                lambda c: c is not null
                            )
                        )
                        <= 3,
                        false
                    )
            end
        ) as q11_2_support_expected__at_most_three,
        (
            case
                when not q11_1_1_challenges_other__is_relevant
                    then not q11_1_1_challenges_other__is_given
            end
        ) as q11_1_1_challenges_other__relevant,
        (
            case
                when q11_1_1_challenges_other__is_relevant
                    then q11_1_1_challenges_other__is_given
            end
        ) as q11_1_1_challenges_other__required,
        (
            case
                when
                    not q11_1_2_top_priority_challenge_other__is_relevant
                    then not q11_1_2_top_priority_challenge_other__is_given
            end
        ) as q11_1_2_top_priority_challenge_other__relevant,
        (
            case
                when
                    q11_1_2_top_priority_challenge_other__is_relevant
                    then q11_1_2_top_priority_challenge_other__is_given
            end
        ) as q11_1_2_top_priority_challenge_other__required,
        (
            case
                when not q11_2_support_expected_other__is_relevant
                    then not q11_2_support_expected_other__is_given
            end
        ) as q11_2_support_expected_other__relevant,
        (
            case
                when q11_2_support_expected_other__is_relevant
                    then q11_2_support_expected_other__is_given
            end
        ) as q11_2_support_expected_other__required,
        q13_coordinator__is_given as q13_coordinator__required,
        (
            case
                when not q13_1_full_time_dedicated_count__is_relevant
                    then not q13_1_full_time_dedicated_count__is_given
            end
        ) as q13_1_full_time_dedicated_count__relevant,
        (
            case
                when q13_1_full_time_dedicated_count__is_relevant
                    then q13_1_full_time_dedicated_count__is_given
            end
        ) as q13_1_full_time_dedicated_count__required,
        (
            case
                when
                    q13_1_full_time_dedicated_count__is_relevant
                    and q13_1_full_time_dedicated_count__is_given
                    then coalesce(
                        q13_1_full_time_dedicated_count__effective >= 0,
                        false
                    )
            end
        ) as q13_1_full_time_dedicated_count__range,
        (
            case
                when
                    q13_1_full_time_dedicated_count__is_relevant
                    and q13_1_full_time_dedicated_count__is_given
                    then coalesce(
                        q13_1_full_time_dedicated_count__effective
                        <= 100,
                        false
                    )
            end
        ) as q13_1_full_time_dedicated_count__plausible,
        (
            case
                when not q13_1_full_time_concurrent_count__is_relevant
                    then not q13_1_full_time_concurrent_count__is_given
            end
        ) as q13_1_full_time_concurrent_count__relevant,
        (
            case
                when q13_1_full_time_concurrent_count__is_relevant
                    then q13_1_full_time_concurrent_count__is_given
            end
        ) as q13_1_full_time_concurrent_count__required,
        (
            case
                when
                    q13_1_full_time_concurrent_count__is_relevant
                    and q13_1_full_time_concurrent_count__is_given
                    then coalesce(
                        q13_1_full_time_concurrent_count__effective
                        >= 0,
                        false
                    )
            end
        ) as q13_1_full_time_concurrent_count__range,
        (
            case
                when
                    q13_1_full_time_concurrent_count__is_relevant
                    and q13_1_full_time_concurrent_count__is_given
                    then coalesce(
                        q13_1_full_time_concurrent_count__effective
                        <= 100,
                        false
                    )
            end
        ) as q13_1_full_time_concurrent_count__plausible,
        (
            case
                when not q13_1_part_time_count__is_relevant
                    then not q13_1_part_time_count__is_given
            end
        ) as q13_1_part_time_count__relevant,
        (
            case
                when q13_1_part_time_count__is_relevant
                    then q13_1_part_time_count__is_given
            end
        ) as q13_1_part_time_count__required,
        (
            case
                when
                    q13_1_part_time_count__is_relevant
                    and q13_1_part_time_count__is_given
                    then coalesce(q13_1_part_time_count__effective >= 0, false)
            end
        ) as q13_1_part_time_count__range,
        (
            case
                when
                    q13_1_part_time_count__is_relevant
                    and q13_1_part_time_count__is_given
                    then coalesce(q13_1_part_time_count__effective <= 100, false)
            end
        ) as q13_1_part_time_count__plausible,
        (
            case
                when not q13_1_unknown_type_count__is_relevant
                    then not q13_1_unknown_type_count__is_given
            end
        ) as q13_1_unknown_type_count__relevant,
        (
            case
                when q13_1_unknown_type_count__is_relevant
                    then q13_1_unknown_type_count__is_given
            end
        ) as q13_1_unknown_type_count__required,
        (
            case
                when
                    q13_1_unknown_type_count__is_relevant
                    and q13_1_unknown_type_count__is_given
                    then coalesce(q13_1_unknown_type_count__effective >= 0, false)
            end
        ) as q13_1_unknown_type_count__range,
        (
            case
                when
                    q13_1_unknown_type_count__is_relevant
                    and q13_1_unknown_type_count__is_given
                    then coalesce(
                        q13_1_unknown_type_count__effective <= 100,
                        false
                    )
            end
        ) as q13_1_unknown_type_count__plausible,
        (
            case
                when not q13_2_coordinator_professions__is_relevant
                    then not q13_2_coordinator_professions__is_given
            end
        ) as q13_2_coordinator_professions__relevant,
        (
            case
                when q13_2_coordinator_professions__is_relevant
                    then q13_2_coordinator_professions__is_given
            end
        ) as q13_2_coordinator_professions__required,
        (
            case
                when
                    q13_2_coordinator_professions__is_relevant
                    and q13_2_coordinator_professions__is_given
                    then (
                        not (
                            coalesce(
                                list_contains(
                                    coalesce(
                                        q13_2_coordinator_professions__effective,
                                        cast(
                                            [] as integer[]
                                        )
                                    ),
                                    12
                                ),
                                false
                            )
                            and coalesce(
                                len(
                                    list_filter(
                                        coalesce(
                                            q13_2_coordinator_professions__effective,
                                            cast(
                                                [] as integer[]
                                            )
                                        ),
                                        lambda c: c is not null
                                    )
                                )
                                > 1,
                                false
                            )
                        )
                    )
            end
        ) as q13_2_coordinator_professions__exclusive_unknown,
        (
            case
                when
                    not q13_2_coordinator_professions_other__is_relevant
                    then not q13_2_coordinator_professions_other__is_given
            end
        ) as q13_2_coordinator_professions_other__relevant,
        (
            case
                when q13_2_coordinator_professions_other__is_relevant
                    then q13_2_coordinator_professions_other__is_given
            end
        ) as q13_2_coordinator_professions_other__required,
        (
            case
                when not q13_3_coordinator_placement__is_relevant
                    then not q13_3_coordinator_placement__is_given
            end
        ) as q13_3_coordinator_placement__relevant,
        (
            case
                when q13_3_coordinator_placement__is_relevant
                    then q13_3_coordinator_placement__is_given
            end
        ) as q13_3_coordinator_placement__required,
        (
            case
                when
                    q13_3_coordinator_placement__is_relevant
                    and q13_3_coordinator_placement__is_given
                    then (
                        not (
                            coalesce(
                                list_contains(
                                    coalesce(
                                        q13_3_coordinator_placement__effective,
                                        cast(
                                            [] as integer[]
                                        )
                                    ),
                                    12
                                ),
                                false
                            )
                            and coalesce(
                                len(
                                    list_filter(
                                        coalesce(
                                            q13_3_coordinator_placement__effective,
                                            cast(
                                                [] as integer[]
                                            )
                                        ),
                                        lambda c: c is not null
                                    )
                                )
                                > 1,
                                false
                            )
                        )
                    )
            end
        ) as q13_3_coordinator_placement__exclusive_unknown,
        (
            case
                when not q13_3_coordinator_placement_other__is_relevant
                    then not q13_3_coordinator_placement_other__is_given
            end
        ) as q13_3_coordinator_placement_other__relevant,
        (
            case
                when q13_3_coordinator_placement_other__is_relevant
                    then q13_3_coordinator_placement_other__is_given
            end
        ) as q13_3_coordinator_placement_other__required,
        (
            case
                when not q13_4_coordinator_duties__is_relevant
                    then not q13_4_coordinator_duties__is_given
            end
        ) as q13_4_coordinator_duties__relevant,
        (
            case
                when q13_4_coordinator_duties__is_relevant
                    then q13_4_coordinator_duties__is_given
            end
        ) as q13_4_coordinator_duties__required,
        (
            case
                when
                    q13_4_coordinator_duties__is_relevant
                    and q13_4_coordinator_duties__is_given
                    then (
                        not (
                            coalesce(
                                list_contains(
                                    coalesce(
                                        q13_4_coordinator_duties__effective,
                                        cast([] as integer[])
                                    ),
                                    17
                                ),
                                false
                            )
                            and coalesce(
                                len(
                                    list_filter(
                                        coalesce(
                                            q13_4_coordinator_duties__effective,
                                            cast(
                                                [] as integer[]
                                            )
                                        ),
                                        lambda c: c is not null
                                    )
                                )
                                > 1,
                                false
                            )
                        )
                    )
            end
        ) as q13_4_coordinator_duties__exclusive_unknown,
        (
            case
                when not q13_4_coordinator_duties_other__is_relevant
                    then not q13_4_coordinator_duties_other__is_given
            end
        ) as q13_4_coordinator_duties_other__relevant,
        (
            case
                when q13_4_coordinator_duties_other__is_relevant
                    then q13_4_coordinator_duties_other__is_given
            end
        ) as q13_4_coordinator_duties_other__required,
        (
            case
                when not q13_5_coordinator_practices__is_relevant
                    then not q13_5_coordinator_practices__is_given
            end
        ) as q13_5_coordinator_practices__relevant,
        (
            case
                when not q13_6_no_coordinator_reasons__is_relevant
                    then not q13_6_no_coordinator_reasons__is_given
            end
        ) as q13_6_no_coordinator_reasons__relevant,
        q14_base_linkage__is_given as q14_base_linkage__required,
        (
            case
                when not q14_1_operator_relation__is_relevant
                    then not q14_1_operator_relation__is_given
            end
        ) as q14_1_operator_relation__relevant,
        (
            case
                when q14_1_operator_relation__is_relevant
                    then q14_1_operator_relation__is_given
            end
        ) as q14_1_operator_relation__required,
        (
            case
                when not q14_1_1_operator__is_relevant
                    then not q14_1_1_operator__is_given
            end
        ) as q14_1_1_operator__relevant,
        (case when q14_1_1_operator__is_relevant then q14_1_1_operator__is_given end) as q14_1_1_operator__required,
        (
            case
                when not q14_1_1_operator_other__is_relevant
                    then not q14_1_1_operator_other__is_given
            end
        ) as q14_1_1_operator_other__relevant,
        (
            case
                when q14_1_1_operator_other__is_relevant
                    then q14_1_1_operator_other__is_given
            end
        ) as q14_1_1_operator_other__required,
        (
            case
                when not q14_1_2_1_base_operator__is_relevant
                    then not q14_1_2_1_base_operator__is_given
            end
        ) as q14_1_2_1_base_operator__relevant,
        (
            case
                when q14_1_2_1_base_operator__is_relevant
                    then q14_1_2_1_base_operator__is_given
            end
        ) as q14_1_2_1_base_operator__required,
        (
            case
                when not q14_1_2_1_base_operator_other__is_relevant
                    then not q14_1_2_1_base_operator_other__is_given
            end
        ) as q14_1_2_1_base_operator_other__relevant,
        (
            case
                when q14_1_2_1_base_operator_other__is_relevant
                    then q14_1_2_1_base_operator_other__is_given
            end
        ) as q14_1_2_1_base_operator_other__required,
        (
            case
                when not q14_1_2_2_consultation_operator__is_relevant
                    then not q14_1_2_2_consultation_operator__is_given
            end
        ) as q14_1_2_2_consultation_operator__relevant,
        (
            case
                when q14_1_2_2_consultation_operator__is_relevant
                    then q14_1_2_2_consultation_operator__is_given
            end
        ) as q14_1_2_2_consultation_operator__required,
        (
            case
                when
                    not q14_1_2_2_consultation_operator_other__is_relevant
                    then not q14_1_2_2_consultation_operator_other__is_given
            end
        ) as q14_1_2_2_consultation_operator_other__relevant,
        (
            case
                when
                    q14_1_2_2_consultation_operator_other__is_relevant
                    then q14_1_2_2_consultation_operator_other__is_given
            end
        ) as q14_1_2_2_consultation_operator_other__required,
        (
            case
                when not q14_2_linkage_details__is_relevant
                    then not q14_2_linkage_details__is_given
            end
        ) as q14_2_linkage_details__relevant
    from skip_logic
    where fiscal_year = 2023
)

select * from edition_2015_2016  -- noqa: AM07
union all by name
select * from edition_2017
union all by name
select * from edition_2023
