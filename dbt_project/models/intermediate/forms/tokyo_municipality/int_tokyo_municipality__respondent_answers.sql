-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.
-- One row per tokyo_municipality return, one column per item of any edition: the answers as written.
select
    submissions.fiscal_year,
    submissions.form,
    submissions.respondent_key,
    submissions.submission_id,
    max(answers.answer_text) filter (where answers.item_key = 'f1_municipality_code') as f1_municipality_code,
    max(answers.answer_code) filter (where answers.item_key = 'a_facility_survey') as a_facility_survey,
    max(answers.answer_code) filter (where answers.item_key = 'a_list_map') as a_list_map,
    max(answers.answer_code) filter (where answers.item_key = 'b_meeting') as b_meeting,
    max(answers.answer_code) filter (where answers.item_key = 'c_system') as c_system,
    max(answers.answer_code) filter (where answers.item_key = 'd_info_tool') as d_info_tool,
    max(answers.answer_code) filter (where answers.item_key = 'e_consultation_desk') as e_consultation_desk,
    max(answers.answer_code) filter (where answers.item_key = 'f_training_any') as f_training_any,
    max(answers.answer_code) filter (where answers.item_key = 'f_interprofessional') as f_interprofessional,
    max(answers.answer_code) filter (where answers.item_key = 'f_medical') as f_medical,
    max(answers.answer_code) filter (where answers.item_key = 'g_outreach_any') as g_outreach_any,
    max(answers.answer_code) filter (where answers.item_key = 'g_lectures') as g_lectures,
    max(answers.answer_code) filter (where answers.item_key = 'g_pamphlets') as g_pamphlets,
    max(answers.answer_code) filter (where answers.item_key = 'g_website') as g_website,
    max(answers.answer_code) filter (where answers.item_key = 'h_neighbour_exchange') as h_neighbour_exchange,
    max(answers.answer_code) filter (where answers.item_key = 'f_care') as f_care,
    count(answers.item_key) as answer_cells
from {{ ref('stg_raw__submissions') }} as submissions
left join {{ ref('stg_raw__answers') }} as answers
    on submissions.submission_id = answers.submission_id
where submissions.form = 'tokyo_municipality' and {{ is_new_return('submissions.submission_id') }}
group by submissions.fiscal_year, submissions.form, submissions.respondent_key, submissions.submission_id
